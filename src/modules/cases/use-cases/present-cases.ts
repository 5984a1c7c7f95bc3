import type { Executor } from '../../../db/database';
import { type Locale, pickLocale } from '../../../i18n/locales';
import { findCustomers } from '../../customers/api';
import { findOrgProfile, findUserRefs } from '../../orgs/api';
import { findLocationNames } from '../../people/api';
import { findResponseScores } from '../../surveys/api';
import type { CaseRow } from '../data/repo-cases';
import { listTeams } from '../data/repo-teams';
import { caseText } from '../messages';

/** Who reads: the languages their client asks for (Accept-Language); the organization's default else. */
export type Reader = { languages?: string };

const EXCERPT_LENGTH = 160;
const METRICS = ['nps', 'csat', 'ces'] as const;

/** A generated title in the reader's language; a written one (or one stored before parts were kept) as it is. */
export function titleIn(c: Pick<CaseRow, 'title' | 'titleParts'>, locale: Locale): string {
  return c.titleParts ? caseText(locale, c.titleParts.key, c.titleParts.params) : c.title;
}

export async function readerLocale(tx: Executor, orgId: string, reader: Reader): Promise<Locale> {
  const org = await findOrgProfile(tx, orgId);
  return pickLocale(reader.languages, org?.defaultLocale);
}

const excerptOf = (text: string | null) => {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

/** The case as the API shows it; `breached` is judged at `now`. */
export function toCaseDto(c: CaseRow, breached: boolean) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    status: c.status as 'new',
    priority: c.priority as 'normal',
    source: c.source as 'rule',
    ruleId: c.ruleId,
    customerId: c.customerId,
    responseId: c.responseId,
    eventId: c.eventId,
    ownerId: c.ownerId,
    teamId: c.teamId,
    locationId: c.locationId,
    tier: c.tier,
    firstResponseDueAt: c.firstResponseDueAt,
    resolutionDueAt: c.resolutionDueAt,
    nextDueAt: c.nextDueAt,
    firstRespondedAt: c.firstRespondedAt,
    resolvedAt: c.resolvedAt,
    closedAt: c.closedAt,
    pausedAt: c.pausedAt,
    cycle: c.cycle,
    breached,
    rootCause: c.rootCause,
    outcome: c.outcome,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * Cases as the queue and the case page show them: the title in the reader's language, the owner's
 * and team's names, the customer, the score of the answer that opened the case and an excerpt of
 * its comment. Every lookup is one query for the whole page.
 */
export async function presentCases(
  tx: Executor,
  orgId: string,
  rows: { row: CaseRow; breached: boolean }[],
  reader: Reader,
) {
  const locale = await readerLocale(tx, orgId, reader);
  const pick = <T>(f: (r: CaseRow) => T | null) =>
    rows.map(({ row }) => f(row)).filter((v): v is T => v !== null);
  const owners = await findUserRefs(
    tx,
    orgId,
    pick((r) => r.ownerId),
  );
  const teams = new Map((await listTeams(tx, orgId)).map((t) => [t.id, t]));
  const locations = await findLocationNames(
    tx,
    orgId,
    pick((r) => r.locationId),
  );
  const customers = await findCustomers(
    tx,
    orgId,
    pick((r) => r.customerId),
  );
  const scores = await findResponseScores(
    tx,
    orgId,
    pick((r) => r.responseId),
  );
  return rows.map(({ row, breached }) => {
    const owner = row.ownerId ? owners.get(row.ownerId) : undefined;
    const team = row.teamId ? teams.get(row.teamId) : undefined;
    const customer = row.customerId ? customers.get(row.customerId) : undefined;
    const answer = row.responseId ? scores.get(row.responseId) : undefined;
    const metric = answer && METRICS.find((m) => answer[m] !== null);
    return {
      ...toCaseDto(row, breached),
      title: titleIn(row, locale),
      owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null,
      team: team ? { id: team.id, name: team.name } : null,
      location: row.locationId ? { id: row.locationId, name: locations.get(row.locationId) ?? '' } : null,
      customer: customer ? { id: customer.id, externalId: customer.externalId, name: customer.name } : null,
      score: answer && metric ? { metric, value: answer[metric]! } : null,
      excerpt: excerptOf(row.description),
    };
  });
}
