import { and, asc, count, eq, gt, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import type { Question } from '../domain/questions';
import { type SurveyTexts, surveyResponses, surveys, surveyTriggers, surveyVersions } from './tables';

export type SurveyRow = {
  id: string;
  publicId: string;
  name: string;
  audience: string;
  status: string;
  defaultLocale: string;
  currentVersion: number;
  touchpoints: string[];
  channels: string[];
  texts: SurveyTexts;
  createdAt: Date;
  updatedAt: Date;
};

const surveyColumns = {
  id: surveys.id,
  publicId: surveys.publicId,
  name: surveys.name,
  audience: surveys.audience,
  status: surveys.status,
  defaultLocale: surveys.defaultLocale,
  currentVersion: surveys.currentVersion,
  touchpoints: surveys.touchpoints,
  channels: surveys.channels,
  texts: surveys.texts,
  createdAt: surveys.createdAt,
  updatedAt: surveys.updatedAt,
};

export type Trigger = { eventType: string; delayMinutes: number; channel: string };

export async function insertSurvey(
  tx: Executor,
  orgId: string,
  s: Omit<SurveyRow, 'id' | 'currentVersion' | 'createdAt' | 'updatedAt'> & { now: Date },
): Promise<string> {
  const { now, ...fields } = s;
  const [row] = await tx
    .insert(surveys)
    .values({ orgId, ...fields, currentVersion: 1, createdAt: now, updatedAt: now })
    .returning({ id: surveys.id });
  return row.id;
}

export async function findSurvey(tx: Executor, orgId: string, id: string): Promise<SurveyRow | undefined> {
  const [row] = await tx
    .select(surveyColumns)
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), eq(surveys.id, id)));
  return row;
}

/** Public pages resolve the organization from the public id: a cross-tenant lookup (system role). */
export async function findSurveyOrgByPublicId(tx: Executor, publicId: string) {
  const [row] = await tx
    .select({ orgId: surveys.orgId, id: surveys.id })
    .from(surveys)
    .where(eq(surveys.publicId, publicId));
  return row;
}

export async function listSurveys(
  tx: Executor,
  orgId: string,
  q: { limit: number; after?: [string, string]; status?: string; audience?: string },
): Promise<SurveyRow[]> {
  const after = q.after
    ? or(
        gt(surveys.createdAt, new Date(q.after[0])),
        and(eq(surveys.createdAt, new Date(q.after[0])), gt(surveys.id, q.after[1])),
      )
    : undefined;
  return tx
    .select(surveyColumns)
    .from(surveys)
    .where(
      and(
        eq(surveys.orgId, orgId),
        q.status ? eq(surveys.status, q.status) : undefined,
        q.audience ? eq(surveys.audience, q.audience) : undefined,
        after,
      ),
    )
    .orderBy(asc(surveys.createdAt), asc(surveys.id))
    .limit(q.limit + 1);
}

export async function updateSurvey(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<Omit<SurveyRow, 'id' | 'publicId' | 'createdAt'>>,
) {
  await tx
    .update(surveys)
    .set(patch)
    .where(and(eq(surveys.orgId, orgId), eq(surveys.id, id)));
}

export async function insertVersion(
  tx: Executor,
  orgId: string,
  surveyId: string,
  version: number,
  questions: Question[],
) {
  await tx.insert(surveyVersions).values({ orgId, surveyId, version, questions });
}

export async function replaceVersionQuestions(
  tx: Executor,
  orgId: string,
  surveyId: string,
  version: number,
  questions: Question[],
) {
  await tx
    .update(surveyVersions)
    .set({ questions })
    .where(
      and(
        eq(surveyVersions.orgId, orgId),
        eq(surveyVersions.surveyId, surveyId),
        eq(surveyVersions.version, version),
      ),
    );
}

export async function findQuestions(tx: Executor, orgId: string, surveyId: string, version: number) {
  const [row] = await tx
    .select({ questions: surveyVersions.questions })
    .from(surveyVersions)
    .where(
      and(
        eq(surveyVersions.orgId, orgId),
        eq(surveyVersions.surveyId, surveyId),
        eq(surveyVersions.version, version),
      ),
    );
  return row?.questions;
}

export async function listTriggers(tx: Executor, orgId: string, surveyId: string): Promise<Trigger[]> {
  return tx
    .select({
      eventType: surveyTriggers.eventType,
      delayMinutes: surveyTriggers.delayMinutes,
      channel: surveyTriggers.channel,
    })
    .from(surveyTriggers)
    .where(and(eq(surveyTriggers.orgId, orgId), eq(surveyTriggers.surveyId, surveyId)))
    .orderBy(asc(surveyTriggers.eventType), asc(surveyTriggers.delayMinutes));
}

export async function replaceTriggers(tx: Executor, orgId: string, surveyId: string, triggers: Trigger[]) {
  await tx
    .delete(surveyTriggers)
    .where(and(eq(surveyTriggers.orgId, orgId), eq(surveyTriggers.surveyId, surveyId)));
  if (triggers.length)
    await tx.insert(surveyTriggers).values(triggers.map((t) => ({ orgId, surveyId, ...t })));
}

/** Triggers of active surveys listening for `eventType`. */
export type EventTrigger = { surveyId: string; delayMinutes: number; channel: string; eventType: string };

/** Triggers of active surveys listening for any of `eventTypes`. */
export async function findTriggersForEvents(
  tx: Executor,
  orgId: string,
  eventTypes: string[],
): Promise<EventTrigger[]> {
  if (!eventTypes.length) return [];
  return tx
    .select({
      surveyId: surveyTriggers.surveyId,
      delayMinutes: surveyTriggers.delayMinutes,
      channel: surveyTriggers.channel,
      eventType: surveyTriggers.eventType,
    })
    .from(surveyTriggers)
    .innerJoin(surveys, and(eq(surveys.orgId, surveyTriggers.orgId), eq(surveys.id, surveyTriggers.surveyId)))
    .where(
      and(
        eq(surveyTriggers.orgId, orgId),
        inArray(surveyTriggers.eventType, eventTypes),
        eq(surveys.status, 'active'),
      ),
    );
}

export async function countResponses(tx: Executor, orgId: string, surveyId: string, version?: number) {
  const [row] = await tx
    .select({ n: count() })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.orgId, orgId),
        eq(surveyResponses.surveyId, surveyId),
        version === undefined ? undefined : eq(surveyResponses.version, version),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function countResponsesBySurvey(tx: Executor, orgId: string, surveyIds: string[]) {
  if (!surveyIds.length) return new Map<string, number>();
  const rows = await tx
    .select({ surveyId: surveyResponses.surveyId, n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), inArray(surveyResponses.surveyId, surveyIds)))
    .groupBy(surveyResponses.surveyId);
  return new Map(rows.map((r) => [r.surveyId, Number(r.n)]));
}

/** The ids among `ids` that are not surveys of this organization. */
export async function missingSurveys(tx: Executor, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.orgId, orgId), inArray(surveys.id, [...ids])));
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id.toLowerCase()));
}
