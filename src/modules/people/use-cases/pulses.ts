import { z } from 'zod';
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { randomToken, sha256 } from '../../../lib/crypto';
import { AppError, notFound } from '../../../lib/errors';
import { findOrgProfile } from '../../orgs/api';
import {
  type AnswerError,
  countSurveyAnswers,
  type PulseSurvey,
  recordAnonymousAnswerInTx,
  surveyForPulse,
} from '../../surveys/api';
import * as repo from '../data/repo-pulses';
import type { PulseFilters } from '../data/tables-pulses';
import { questionsForRound } from '../domain/pulse-rotation';
import { pulseText } from '../messages';

export const BREAKDOWNS = ['team', 'department', 'location', 'month'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

const DAY_MS = 24 * 3600 * 1000;
/** A pulse link answers for two weeks. */
const LINK_VALID_DAYS = 14;

/** A survey a pulse may go out for: of the employees audience. */
async function employeeSurvey(tx: Executor, orgId: string, surveyId: string): Promise<PulseSurvey> {
  const survey = await surveyForPulse(tx, orgId, surveyId);
  if (!survey) throw notFound('survey');
  if (survey.audience !== 'employees') {
    throw new AppError('conflict', 'params.id: pulses go to employees; this survey asks another audience');
  }
  return survey;
}

export type PulseSettingsDto = {
  surveyId: string;
  anonymityThreshold: number | null;
  breakdowns: Breakdown[];
  everyWeeks: number | null;
  questionsPerRound: number;
  filters: PulseFilters;
  nextRoundAt: Date | null;
  rounds: number;
  locked: boolean;
};

async function settingsDto(tx: Executor, orgId: string, surveyId: string): Promise<PulseSettingsDto> {
  const row = (await repo.findPulseSettings(tx, orgId, surveyId)) ?? repo.DEFAULT_PULSE_SETTINGS;
  return {
    surveyId,
    anonymityThreshold: row.anonymityThreshold,
    breakdowns: row.breakdowns.filter((b): b is Breakdown => (BREAKDOWNS as readonly string[]).includes(b)),
    everyWeeks: row.everyWeeks,
    questionsPerRound: row.questionsPerRound,
    filters: row.filters,
    nextRoundAt: row.nextRoundAt,
    rounds: row.rounds,
    locked: (await countSurveyAnswers(tx, orgId, surveyId)) > 0,
  };
}

export function getPulseSettings(ctx: AppContext, orgId: string, surveyId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await employeeSurvey(tx, orgId, surveyId);
    return settingsDto(tx, orgId, surveyId);
  });
}

export type PulseSettingsPatch = {
  anonymityThreshold?: number | null;
  breakdowns?: Breakdown[];
  everyWeeks?: number | null;
  questionsPerRound?: number;
  filters?: PulseFilters;
};

/**
 * Changes a survey's pulse settings. Its anonymity settings (threshold, breakdowns) lock with its
 * first answer: changing them then is refused, naming the field; the schedule stays free.
 */
export function updatePulseSettings(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  patch: PulseSettingsPatch,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await employeeSurvey(tx, orgId, surveyId);
    await repo.lockSurveyAnonymity(tx, orgId, surveyId, false);
    const current = await settingsDto(tx, orgId, surveyId);
    if (current.locked) {
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      if (patch.anonymityThreshold !== undefined && patch.anonymityThreshold !== current.anonymityThreshold) {
        throw new AppError(
          'conflict',
          'body.anonymityThreshold: is locked since the survey has answers; anonymity cannot change under them',
        );
      }
      if (
        patch.breakdowns !== undefined &&
        !same([...patch.breakdowns].sort(), [...current.breakdowns].sort())
      ) {
        throw new AppError(
          'conflict',
          'body.breakdowns: are locked since the survey has answers; anonymity cannot change under them',
        );
      }
    }
    const now = ctx.clock.now();
    const everyWeeks = patch.everyWeeks === undefined ? current.everyWeeks : patch.everyWeeks;
    await repo.savePulseSettings(
      tx,
      orgId,
      surveyId,
      {
        ...(patch.anonymityThreshold !== undefined && { anonymityThreshold: patch.anonymityThreshold }),
        ...(patch.breakdowns !== undefined && { breakdowns: [...new Set(patch.breakdowns)] }),
        ...(patch.questionsPerRound !== undefined && { questionsPerRound: patch.questionsPerRound }),
        ...(patch.filters !== undefined && { filters: patch.filters }),
        ...(patch.everyWeeks !== undefined && {
          everyWeeks,
          nextRoundAt: everyWeeks ? (current.nextRoundAt ?? now) : null,
        }),
      },
      now,
    );
    return settingsDto(tx, orgId, surveyId);
  });
}

export type SentPulse = {
  roundId: string;
  questionIds: string[];
  recipients: number;
  emailed: number;
  expiresAt: Date;
  /** Links of employees without an e-mail address, for a manager to hand out. */
  handOut: { employeeName: string; url: string }[];
};

type Prepared = {
  result: SentPulse;
  mails: { to: string; subject: string; text: string }[];
  orgId: string;
};

async function prepareRound(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  surveyId: string,
  filters: PulseFilters,
  baseUrl: string,
): Promise<Prepared> {
  const survey = await employeeSurvey(tx, orgId, surveyId);
  if (survey.status !== 'active') {
    throw new AppError('conflict', 'params.id: the survey is not active; activate it before sending a pulse');
  }
  if (!survey.questions.some((q) => q.type === 'nps')) {
    throw new AppError('conflict', 'params.id: the survey has no NPS question to ask as eNPS');
  }
  const settings = (await repo.findPulseSettings(tx, orgId, surveyId, true)) ?? repo.DEFAULT_PULSE_SETTINGS;
  const now = ctx.clock.now();
  const org = await findOrgProfile(tx, orgId);
  const today = now.toISOString().slice(0, 10);
  const people = await repo.listPulseRecipients(tx, orgId, filters, today);
  if (!people.length) {
    throw new AppError('unprocessable', 'body: no current employee matches these filters');
  }
  const questionIds = questionsForRound(survey.questions, settings.rounds, settings.questionsPerRound);
  const expiresAt = new Date(now.getTime() + LINK_VALID_DAYS * DAY_MS);
  const links = people.map((p) => ({ person: p, token: `${orgId.replaceAll('-', '')}${randomToken(24)}` }));
  const roundId = await repo.insertRound(tx, orgId, {
    surveyId,
    questionIds,
    filters,
    links: links.length,
    emailed: 0,
    sentAt: now,
    expiresAt,
  });
  // The links hold where each person works, never who they are; the tokens only as hashes.
  await repo.insertLinks(
    tx,
    orgId,
    roundId,
    links.map((l) => ({
      tokenHash: sha256(l.token),
      teamId: l.person.teamId,
      departmentId: l.person.departmentId,
      locationId: l.person.locationId,
    })),
  );
  await repo.savePulseSettings(
    tx,
    orgId,
    surveyId,
    {
      rounds: settings.rounds + 1,
      ...(settings.everyWeeks && { nextRoundAt: new Date(now.getTime() + settings.everyWeeks * 7 * DAY_MS) }),
    },
    now,
  );
  const lang = pickLocale(survey.defaultLocale, org?.defaultLocale);
  const url = (token: string) => `${baseUrl}/pulse/${token}`;
  const mails = links
    .filter((l) => l.person.email)
    .map((l) => ({
      to: l.person.email!,
      subject: pulseText(lang, 'subject', { survey: survey.name }),
      text: pulseText(lang, 'body', { org: org?.name ?? '', url: url(l.token) }),
    }));
  return {
    orgId,
    mails,
    result: {
      roundId,
      questionIds,
      recipients: links.length,
      emailed: 0,
      expiresAt,
      handOut: links
        .filter((l) => !l.person.email)
        .map((l) => ({ employeeName: l.person.name, url: url(l.token) })),
    },
  };
}

/** Sends the e-mails after the round is stored; a failed one is counted, not retried. */
async function deliver(ctx: AppContext, p: Prepared): Promise<SentPulse> {
  let emailed = 0;
  if (ctx.mailer.configured) {
    for (const mail of p.mails) {
      try {
        await ctx.mailer.send(mail);
        emailed += 1;
      } catch {
        // Counted as not e-mailed: the round's figures show how many went out.
      }
    }
  }
  if (emailed)
    await ctx.db.withOrg(p.orgId, (tx) => repo.setRoundEmailed(tx, p.orgId, p.result.roundId, emailed));
  return { ...p.result, emailed };
}

/** POST /api/v1/surveys/:id/pulses: one personal one-time link to every current employee in the filters. */
export async function sendPulse(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  filters: PulseFilters,
  baseUrl: string,
): Promise<SentPulse> {
  const prepared = await ctx.db.withOrg(orgId, (tx) =>
    prepareRound(ctx, tx, orgId, surveyId, filters, baseUrl),
  );
  return deliver(ctx, prepared);
}

export function listPulseRounds(ctx: AppContext, orgId: string, surveyId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await employeeSurvey(tx, orgId, surveyId);
    return { items: await repo.listRounds(tx, orgId, surveyId) };
  });
}

const UUID_HEX = /^[0-9a-f]{32}$/;

function orgOfToken(token: string): string | undefined {
  const hex = token.slice(0, 32);
  if (!UUID_HEX.test(hex) || token.length < 40 || token.length > 100) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type PulseLinkView =
  | { state: 'open'; locale: string; surveyName: string; questions: PulseSurvey['questions'] }
  | { state: 'used' | 'expired' | 'unknown'; locale: string };

/** What a pulse link shows: its round's questions, or why it no longer answers. */
export async function viewPulseLink(ctx: AppContext, token: string): Promise<PulseLinkView> {
  const orgId = orgOfToken(token);
  if (!orgId) return { state: 'unknown', locale: 'en' };
  return ctx.db.withOrg(orgId, async (tx) => {
    const link = await repo.findLinkForAnswer(tx, orgId, sha256(token), false);
    if (!link) return { state: 'unknown', locale: 'en' };
    const survey = await surveyForPulse(tx, orgId, link.surveyId);
    const locale = survey?.defaultLocale ?? 'en';
    if (link.used) return { state: 'used', locale };
    if (survey?.status !== 'active' || link.expiresAt <= ctx.clock.now()) return { state: 'expired', locale };
    const asked = new Set(link.questionIds);
    return {
      state: 'open',
      locale,
      surveyName: survey.name,
      questions: survey.questions.filter((q) => asked.has(q.id)),
    };
  });
}

/**
 * Answers a pulse through its one-time link. The answer keeps the team, department and location
 * the link was sent with; the link is marked used in the same transaction and keeps no trace of
 * the answer. A second answer through the same link is refused.
 */
export async function answerPulse(ctx: AppContext, token: string, answers: Record<string, unknown>) {
  const outcome = await tryAnswerPulse(ctx, token, answers);
  if (outcome.status === 'invalid') {
    const errors = outcome.errors.map((e) => ({ field: `body.answers.${e.questionId}`, message: e.message }));
    throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return outcome;
}

/**
 * Answers a pulse, or tells which questions need another look (the answer page shows them on their
 * fields, in the respondent's language); a link that cannot answer still throws.
 */
export async function tryAnswerPulse(
  ctx: AppContext,
  token: string,
  answers: Record<string, unknown>,
): Promise<{ status: 'answered' } | { status: 'invalid'; errors: AnswerError[] }> {
  const orgId = orgOfToken(token);
  const unknown = () => new AppError('not_found', 'params.token: no pulse answers to this link');
  if (!orgId) throw unknown();
  return ctx.db.withOrg(orgId, async (tx) => {
    const link = await repo.findLinkForAnswer(tx, orgId, sha256(token), true);
    if (!link) throw unknown();
    if (link.used) throw new AppError('conflict', 'params.token: this link has already been answered');
    if (link.expiresAt <= ctx.clock.now()) throw new AppError('gone', 'params.token: this link has expired');
    await repo.lockSurveyAnonymity(tx, orgId, link.surveyId, true);
    const survey = await surveyForPulse(tx, orgId, link.surveyId);
    const outcome = await recordAnonymousAnswerInTx(ctx, tx, orgId, {
      surveyId: link.surveyId,
      questionIds: link.questionIds,
      answers,
      locale: survey?.defaultLocale ?? 'en',
      team: link.teamId,
      department: link.departmentId,
      location: link.locationId,
    });
    if (outcome.kind === 'closed')
      throw new AppError('conflict', 'params.token: the survey is not accepting answers');
    if (outcome.kind === 'invalid') return { status: 'invalid' as const, errors: outcome.errors };
    await repo.markLinkUsed(tx, orgId, link.id);
    return { status: 'answered' as const };
  });
}

const DUE_BATCH = 20;

/** Sends the next round of every pulse that repeats and is due. */
export const PULSE_DUE_JOB = defineJob({
  name: 'people.pulses-due',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: async (ctx) => {
    const due = await ctx.db.asSystem((tx) => repo.lockDuePulses(tx, ctx.clock.now(), DUE_BATCH));
    for (const d of due) {
      await ctx.jobs.enqueue(PULSE_ROUND_JOB, {
        orgId: d.orgId,
        payload: { surveyId: d.surveyId },
        dedupeKey: `people.pulse-round:${d.surveyId}:${d.nextRoundAt?.toISOString()}`,
      });
    }
  },
});

/** One scheduled round of one survey's pulse, with the filters saved in its settings. */
export const PULSE_ROUND_JOB = defineJob({
  name: 'people.pulse-round',
  scope: 'org',
  payload: z.object({ surveyId: z.string().uuid() }),
  handle: async (ctx, { surveyId }, job) => {
    const orgId = job.orgId;
    const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
    const prepared = await ctx.db.withOrg(orgId, async (tx) => {
      const s = await repo.findPulseSettings(tx, orgId, surveyId, true);
      // Another worker sent it, or the schedule was stopped.
      if (!s?.everyWeeks || !s.nextRoundAt || s.nextRoundAt > ctx.clock.now()) return undefined;
      try {
        return await prepareRound(ctx, tx, orgId, surveyId, s.filters, base);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // Nobody to ask or the survey closed: try again at the next turn.
        await repo.savePulseSettings(
          tx,
          orgId,
          surveyId,
          { nextRoundAt: new Date(ctx.clock.now().getTime() + s.everyWeeks * 7 * DAY_MS) },
          ctx.clock.now(),
        );
        return undefined;
      }
    });
    if (prepared) await deliver(ctx, prepared);
  },
});
