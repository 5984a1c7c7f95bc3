import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { departments, employees, locations, teams } from './tables';
import { type PulseFilters, pulseLinks, pulseRounds, pulseSettings } from './tables-pulses';

export type PulseSettingsRow = typeof pulseSettings.$inferSelect;

export const DEFAULT_PULSE_SETTINGS = {
  anonymityThreshold: null,
  breakdowns: ['team', 'department', 'location', 'month'],
  everyWeeks: null,
  questionsPerRound: 2,
  filters: {},
  nextRoundAt: null,
  rounds: 0,
};

export async function findPulseSettings(tx: Executor, orgId: string, surveyId: string, lock = false) {
  const q = tx
    .select()
    .from(pulseSettings)
    .where(and(eq(pulseSettings.orgId, orgId), eq(pulseSettings.surveyId, surveyId)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function savePulseSettings(
  tx: Executor,
  orgId: string,
  surveyId: string,
  patch: Partial<Omit<PulseSettingsRow, 'orgId' | 'surveyId' | 'updatedAt'>>,
  now: Date,
) {
  await tx
    .insert(pulseSettings)
    .values({ ...DEFAULT_PULSE_SETTINGS, ...patch, orgId, surveyId, updatedAt: now })
    .onConflictDoUpdate({
      target: [pulseSettings.orgId, pulseSettings.surveyId],
      set: { ...patch, updatedAt: now },
    });
}

/** Serializes a survey's anonymity settings against its answers: changes take it alone. */
export async function lockSurveyAnonymity(tx: Executor, orgId: string, surveyId: string, shared: boolean) {
  const key = sql`hashtextextended(${`pulse:${orgId}:${surveyId}`}, 0)`;
  await tx.execute(
    shared ? sql`select pg_advisory_xact_lock_shared(${key})` : sql`select pg_advisory_xact_lock(${key})`,
  );
}

/** The employees a pulse goes to: those who have not left by `today`, within the filters. */
export async function listPulseRecipients(tx: Executor, orgId: string, f: PulseFilters, today: string) {
  return tx
    .select({
      id: employees.id,
      name: employees.name,
      email: employees.email,
      teamId: employees.teamId,
      departmentId: employees.departmentId,
      locationId: employees.locationId,
    })
    .from(employees)
    .where(
      and(
        eq(employees.orgId, orgId),
        or(isNull(employees.leftOn), gt(employees.leftOn, today)),
        f.teamId ? eq(employees.teamId, f.teamId) : undefined,
        f.departmentId ? eq(employees.departmentId, f.departmentId) : undefined,
        f.locationId ? eq(employees.locationId, f.locationId) : undefined,
      ),
    )
    .orderBy(asc(employees.name), asc(employees.id));
}

export async function insertRound(
  tx: Executor,
  orgId: string,
  r: Omit<typeof pulseRounds.$inferInsert, 'orgId'>,
) {
  const [row] = await tx
    .insert(pulseRounds)
    .values({ ...r, orgId })
    .returning({ id: pulseRounds.id });
  return row!.id;
}

export async function insertLinks(
  tx: Executor,
  orgId: string,
  roundId: string,
  links: {
    tokenHash: string;
    teamId: string | null;
    departmentId: string | null;
    locationId: string | null;
  }[],
) {
  if (!links.length) return;
  await tx.insert(pulseLinks).values(links.map((l) => ({ ...l, orgId, roundId, used: false })));
}

export async function setRoundEmailed(tx: Executor, orgId: string, roundId: string, emailed: number) {
  await tx
    .update(pulseRounds)
    .set({ emailed })
    .where(and(eq(pulseRounds.orgId, orgId), eq(pulseRounds.id, roundId)));
}

/** A link with its round, locked: answering it and marking it used are one step. */
export async function findLinkForAnswer(tx: Executor, orgId: string, tokenHash: string, lock: boolean) {
  const q = tx
    .select({
      id: pulseLinks.id,
      used: pulseLinks.used,
      teamId: pulseLinks.teamId,
      departmentId: pulseLinks.departmentId,
      locationId: pulseLinks.locationId,
      surveyId: pulseRounds.surveyId,
      questionIds: pulseRounds.questionIds,
      expiresAt: pulseRounds.expiresAt,
    })
    .from(pulseLinks)
    .innerJoin(
      pulseRounds,
      and(eq(pulseRounds.orgId, pulseLinks.orgId), eq(pulseRounds.id, pulseLinks.roundId)),
    )
    .where(and(eq(pulseLinks.orgId, orgId), eq(pulseLinks.tokenHash, tokenHash)));
  const [row] = await (lock ? q.for('update', { of: pulseLinks }) : q);
  return row;
}

export async function markLinkUsed(tx: Executor, orgId: string, linkId: string) {
  await tx
    .update(pulseLinks)
    .set({ used: true })
    .where(and(eq(pulseLinks.orgId, orgId), eq(pulseLinks.id, linkId)));
}

export async function listRounds(tx: Executor, orgId: string, surveyId: string) {
  return tx
    .select({
      id: pulseRounds.id,
      questionIds: pulseRounds.questionIds,
      links: pulseRounds.links,
      emailed: pulseRounds.emailed,
      sentAt: pulseRounds.sentAt,
      expiresAt: pulseRounds.expiresAt,
      answered: sql<number>`(select count(*)::int from pulse_links l
        where l.org_id = pulse_rounds.org_id and l.round_id = pulse_rounds.id and l.used)`,
    })
    .from(pulseRounds)
    .where(and(eq(pulseRounds.orgId, orgId), eq(pulseRounds.surveyId, surveyId)))
    .orderBy(sql`${pulseRounds.sentAt} desc`)
    .limit(50);
}

/** Names of the structure, for breakdown labels. */
export async function structureNames(tx: Executor, orgId: string) {
  const t = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, orgId));
  const d = await tx
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.orgId, orgId));
  const l = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.orgId, orgId));
  const map = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return { team: map(t), department: map(d), location: map(l) };
}

/** Pulses due to repeat, across organizations, locked so that two workers never send one twice. */
export async function lockDuePulses(tx: Executor, now: Date, limit: number) {
  return tx
    .select({
      orgId: pulseSettings.orgId,
      surveyId: pulseSettings.surveyId,
      nextRoundAt: pulseSettings.nextRoundAt,
    })
    .from(pulseSettings)
    .where(lte(pulseSettings.nextRoundAt, now))
    .orderBy(asc(pulseSettings.nextRoundAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}
