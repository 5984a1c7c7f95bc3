import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { type Locale, pickLocale } from '../../../i18n/locales';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { type CustomerExtension, findCustomer, findCustomerByExternalId } from '../../customers/api';
import { findOrgLocaleSettings, findOrgProfile, type Principal } from '../../orgs/api';
import * as repo from '../data/repo-soco';
import { findRow, STRUCTURE } from '../data/repo-structure';
import { itemsOfForm, type SocoDimension, type SocoForm, type SocoRater } from '../domain/soco-instrument';
import {
  readSocoLinkToken,
  SOCO_LINK_TTL_MS,
  signSocoLinkToken,
  verifySocoLinkToken,
} from '../domain/soco-link-token';
import { checkSocoAnswers, type SocoAnswers, scoreSoco } from '../domain/soco-scoring';

export type { SocoAggregate } from '../data/repo-soco';

/** Team results hide a rater kind or quarter assessed for fewer people than this: only aggregates show. */
export const TEAM_MIN_PEOPLE = 3;

/** Owners, admins and admin API keys see every person's results and may rate as a manager. */
const isAdmin = (p: Principal) =>
  p.kind === 'session' ? p.role === 'owner' || p.role === 'admin' : p.permissions.has('users:manage');

/** The instrument of a form in one language: what the dashboard and the customer's page ask. */
export function instrumentOf(form: SocoForm, locale: Locale) {
  return itemsOfForm(form).map((i) => ({
    id: i.id,
    orientation: i.orientation,
    dimension: i.dimension,
    text: i.text[locale],
  }));
}

async function employeeOrThrow(tx: Executor, orgId: string, employeeId: string, field?: string) {
  const e = await findRow(tx, STRUCTURE.employee, orgId, employeeId);
  if (!e) throw field ? invalid(field, 'is not an employee of this organization') : notFound('employee');
  return e;
}

/**
 * May the principal see this person's results? The person (their user), a manager up the chain
 * (through the managers' users), owners and admins.
 */
async function maySee(
  tx: Executor,
  orgId: string,
  p: Principal,
  employee: { id: string; userId: string | null },
) {
  if (isAdmin(p)) return true;
  if (!p.userId) return false;
  if (employee.userId === p.userId) return true;
  return (await repo.managerUsersOf(tx, orgId, employee.id)).includes(p.userId);
}

export type TakeAssessment = {
  employeeId: string;
  raterKind: SocoRater;
  form: SocoForm;
  answers: SocoAnswers;
  customerExternalId?: string;
};

function scoredRow(orgId: string, form: SocoForm, answers: SocoAnswers) {
  const s = scoreSoco(form, answers);
  return {
    orgId,
    form,
    answers,
    score: s.score,
    mean: s.mean,
    customerOrientation: s.customerOrientation,
    sellingOrientation: s.sellingOrientation,
    empathy: s.dimensions.empathy,
    personalization: s.dimensions.personalization,
    problemSolving: s.dimensions.problem_solving,
    feedbackOpenness: s.dimensions.feedback_openness,
  };
}

function checkAnswers(raterKind: SocoRater, form: SocoForm, answers: SocoAnswers) {
  const problems = checkSocoAnswers(raterKind, form, answers);
  if (problems.length) {
    throw new AppError('validation', `${problems[0].field}: ${problems[0].message}`, problems);
  }
}

/**
 * Stores checked answers with their scores, now, and announces them; the caller has decided who
 * may rate (the API's rules, a customer's link, or a paper form entered by the organization).
 */
export async function storeAssessmentInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  input: {
    employeeId: string;
    raterKind: SocoRater;
    form: SocoForm;
    answers: SocoAnswers;
    raterUserId?: string | null;
    customerId?: string | null;
    caseId?: string | null;
    linkId?: string | null;
  },
) {
  checkAnswers(input.raterKind, input.form, input.answers);
  const row = await repo.insertAssessment(tx, {
    ...scoredRow(orgId, input.form, input.answers),
    employeeId: input.employeeId,
    raterKind: input.raterKind,
    raterUserId: input.raterUserId ?? null,
    customerId: input.customerId ?? null,
    caseId: input.caseId ?? null,
    linkId: input.linkId ?? null,
    assessedAt: ctx.clock.now(),
  });
  await ctx.bus.emit(tx, 'soco.assessed', {
    orgId,
    assessmentId: row.id,
    employeeId: row.employeeId,
    raterKind: row.raterKind,
    form: row.form,
    mean: row.mean,
  });
  return row;
}

export function presentAssessment(row: repo.SocoAssessmentRow) {
  const s = scoreSoco(row.form, row.answers);
  return {
    id: row.id,
    employeeId: row.employeeId,
    raterKind: row.raterKind,
    form: row.form,
    answers: row.answers,
    score: row.score,
    min: s.min,
    max: s.max,
    mean: row.mean,
    customerOrientation: row.customerOrientation,
    sellingOrientation: row.sellingOrientation,
    dimensions: s.dimensions,
    assessedAt: row.assessedAt,
  };
}

/**
 * Records an assessment: a person about themselves (their own user), a manager about someone up
 * whose chain they are (or an admin), or a customer's rating entered by someone who may change
 * people's records. The answers are checked against the form, each problem naming its item.
 */
export async function takeAssessment(ctx: AppContext, p: Principal, input: TakeAssessment) {
  checkAnswers(input.raterKind, input.form, input.answers);
  const orgId = p.orgId;
  return ctx.db.withOrg(orgId, async (tx) => {
    const employee = await employeeOrThrow(tx, orgId, input.employeeId, 'body.employeeId');
    let customerId: string | null = null;
    if (input.raterKind === 'self') {
      if (!p.userId || employee.userId !== p.userId)
        throw new AppError('forbidden', 'raterKind: only the person themselves rates as self', [
          { field: 'body.raterKind', message: 'is self, but this employee is not your own' },
        ]);
    } else if (input.raterKind === 'manager') {
      const managers = await repo.managerUsersOf(tx, orgId, employee.id);
      if (!isAdmin(p) && !(p.userId && managers.includes(p.userId)))
        throw new AppError(
          'forbidden',
          'raterKind: only a manager up the chain (or an admin) rates as manager',
          [{ field: 'body.raterKind', message: 'is manager, but you do not manage this employee' }],
        );
    } else {
      if (!p.permissions.has('people:write'))
        throw new AppError(
          'forbidden',
          'raterKind: customer ratings come through their link, or from who may change people’s records',
          [{ field: 'body.raterKind', message: 'needs the permission people:write' }],
        );
      if (input.customerExternalId) {
        const c = await findCustomerByExternalId(tx, orgId, input.customerExternalId);
        if (!c) throw invalid('body.customerExternalId', 'is not a customer of this organization');
        customerId = c.id;
      }
    }
    if (input.raterKind !== 'customer' && input.customerExternalId)
      throw invalid('body.customerExternalId', 'is only for customer ratings');
    const row = await storeAssessmentInTx(ctx, tx, orgId, {
      employeeId: employee.id,
      raterKind: input.raterKind,
      form: input.form,
      answers: input.answers,
      raterUserId: input.raterKind === 'customer' ? null : (p.userId ?? null),
      customerId,
    });
    return presentAssessment(row);
  });
}

type Aggregate = repo.SocoAggregate;
const shapeAggregate = (a: Aggregate) => ({
  raterKind: a.raterKind as SocoRater,
  quarter: a.quarter,
  assessments: a.assessments,
  people: a.people,
  score: a.score,
  mean: a.mean,
  customerOrientation: a.customerOrientation,
  sellingOrientation: a.sellingOrientation,
  dimensions: {
    empathy: a.empathy,
    personalization: a.personalization,
    problem_solving: a.problemSolving,
    feedback_openness: a.feedbackOpenness,
  } satisfies Record<SocoDimension, number>,
});

/** Results split as the API answers them: per rater kind overall, and per rater kind and quarter. */
function splitResults(rows: Aggregate[]) {
  return {
    byRater: rows.filter((r) => r.quarter === null).map(shapeAggregate),
    byQuarter: rows.filter((r) => r.quarter !== null).map(shapeAggregate),
  };
}

/**
 * One person's results: per rater kind and per quarter. Only the person, their managers up the
 * chain, owners and admins see them; anyone else is told there is no such employee.
 */
export async function employeeResults(ctx: AppContext, p: Principal, employeeId: string) {
  const orgId = p.orgId;
  return ctx.db.withOrg(orgId, async (tx) => {
    const employee = await findRow(tx, STRUCTURE.employee, orgId, employeeId);
    if (!employee || !(await maySee(tx, orgId, p, employee))) throw notFound('employee');
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    const rows = await repo.aggregateAssessments(tx, orgId, { employeeId }, timeZone);
    return {
      employee: { id: employee.id, name: employee.name, teamId: employee.teamId },
      ...splitResults(rows),
    };
  });
}

/**
 * A team's results, aggregates only: a rater kind or quarter assessed for fewer than
 * TEAM_MIN_PEOPLE people is left out (counted in `hidden`), so no one's own answers show.
 */
export async function teamResults(ctx: AppContext, orgId: string, teamId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const team = await findRow(tx, STRUCTURE.team, orgId, teamId);
    if (!team) throw notFound('team');
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    const rows = await repo.aggregateAssessments(tx, orgId, { teamId }, timeZone);
    const shown = rows.filter((r) => r.people >= TEAM_MIN_PEOPLE);
    return {
      team: { id: team.id, name: team.name },
      minPeople: TEAM_MIN_PEOPLE,
      hidden: rows.length - shown.length,
      ...splitResults(shown),
    };
  });
}

export type NewCustomerLink = { employeeId: string; caseId?: string; customerExternalId?: string };

/**
 * A signed link for a customer to rate the person who served them, after a contact or a resolved
 * case: valid SOCO_LINK_TTL_MS, one use. The customer is the case's unless named.
 */
export async function createCustomerLinkInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  input: NewCustomerLink,
  createdBy: string | null,
) {
  await employeeOrThrow(tx, orgId, input.employeeId, 'body.employeeId');
  let customerId: string | null = null;
  let caseId: string | null = null;
  if (input.caseId) {
    const c = await repo.caseCustomer(tx, orgId, input.caseId);
    if (!c) throw invalid('body.caseId', 'is not a case of this organization');
    caseId = input.caseId;
    customerId = c.customerId;
  }
  if (input.customerExternalId) {
    const c = await findCustomerByExternalId(tx, orgId, input.customerExternalId);
    if (!c) throw invalid('body.customerExternalId', 'is not a customer of this organization');
    customerId = c.id;
  }
  const expiresAt = new Date(ctx.clock.now().getTime() + SOCO_LINK_TTL_MS);
  const link = await repo.insertLink(tx, {
    orgId,
    employeeId: input.employeeId,
    caseId,
    customerId,
    createdBy,
    expiresAt,
  });
  const org = await findOrgProfile(tx, orgId);
  if (!org) throw notFound('organization');
  return { id: link.id, token: signSocoLinkToken(org.widgetSecret, { orgId, linkId: link.id }), expiresAt };
}

export async function createCustomerLink(ctx: AppContext, p: Principal, input: NewCustomerLink) {
  return ctx.db.withOrg(p.orgId, (tx) => createCustomerLinkInTx(ctx, tx, p.orgId, input, p.userId ?? null));
}

export type RatingPageState =
  | { state: 'invalid' | 'used' | 'thanks'; locale: Locale }
  | {
      state: 'ask' | 'missing';
      locale: Locale;
      employeeName: string;
      items: ReturnType<typeof instrumentOf>;
    };

/** The first name of the person who served: what a customer is shown of them. */
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/**
 * The customer's rating page: what it shows, in the visitor's language, else the customer's, else
 * the organization's. With answers, records the rating once: a second use of the link changes nothing.
 */
export async function ratingPage(
  ctx: AppContext,
  token: string,
  answers: Record<string, string> | undefined,
  asked: (string | undefined)[],
): Promise<RatingPageState> {
  const claim = readSocoLinkToken(token);
  if (!claim) return { state: 'invalid', locale: pickLocale(...asked) };
  // A public link names its organization: the one sanctioned cross-tenant lookup.
  const org = await ctx.db.asSystem((tx) => findOrgProfile(tx, claim.orgId));
  if (!org || !verifySocoLinkToken(org.widgetSecret, claim))
    return { state: 'invalid', locale: pickLocale(...asked) };
  const orgId = claim.orgId;
  return ctx.db.withOrg(orgId, async (tx) => {
    const link = await repo.findLink(tx, orgId, claim.linkId, Boolean(answers));
    const customer = link?.customerId ? await findCustomer(tx, orgId, link.customerId) : undefined;
    const locale = pickLocale(...asked, customer?.locale, org.defaultLocale);
    if (!link || link.expiresAt <= ctx.clock.now()) return { state: 'invalid' as const, locale };
    if (link.usedAt) return { state: 'used' as const, locale };
    const employee = await findRow(tx, STRUCTURE.employee, orgId, link.employeeId);
    if (!employee) return { state: 'invalid' as const, locale };
    const ask = { locale, employeeName: firstName(employee.name), items: instrumentOf('customer', locale) };
    if (!answers) return { state: 'ask' as const, ...ask };
    const parsed: SocoAnswers = {};
    for (const item of ask.items) {
      const value = answers[`q.${item.id}`];
      if (value !== undefined && /^[1-9]$/.test(value)) parsed[item.id] = Number(value);
    }
    if (checkSocoAnswers('customer', 'customer', parsed).length) return { state: 'missing' as const, ...ask };
    const now = ctx.clock.now();
    if (!(await repo.markLinkUsed(tx, orgId, link.id, now))) return { state: 'used' as const, locale };
    await storeAssessmentInTx(ctx, tx, orgId, {
      employeeId: link.employeeId,
      raterKind: 'customer',
      form: 'customer',
      answers: parsed,
      customerId: link.customerId,
      caseId: link.caseId,
      linkId: link.id,
    });
    return { state: 'thanks' as const, locale };
  });
}

/** What SOCO holds about a customer: the ratings they gave, on the profile and in the export. */
export const socoCustomerExtensions: CustomerExtension[] = [
  {
    name: 'serviceRatings',
    profile: async (tx, orgId, customerId) =>
      (await repo.customerRatings(tx, orgId, customerId)).map((r) => ({
        id: r.id,
        employeeName: r.employeeName,
        mean: r.mean,
        assessedAt: r.assessedAt,
      })),
    export: async (tx, orgId, customerId) =>
      (await repo.customerRatings(tx, orgId, customerId)).map((r) => ({
        id: r.id,
        employeeName: r.employeeName,
        caseId: r.caseId,
        answers: r.answers,
        mean: r.mean,
        assessedAt: r.assessedAt,
      })),
    erase: (tx: Executor, orgId: string, customerId: string) =>
      repo.anonymiseCustomerRatings(tx, orgId, customerId),
  },
];
