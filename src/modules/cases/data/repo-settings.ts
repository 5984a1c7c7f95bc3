import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, toMilliseconds } from '../../../db/keyset';
import { DEFAULT_WORKING_HOURS } from '../domain/business-calendar';
import { DEFAULT_TIERS, PRIORITIES } from '../domain/model';
import { DEFAULT_RULES } from '../domain/rules';
import { DEFAULT_SLA_TARGETS } from '../domain/sla';
import { caseRules, caseSettings, slaPolicies } from './tables';

export type CaseSettingsRow = typeof caseSettings.$inferSelect;

const settingsColumns = {
  timeZone: caseSettings.timeZone,
  workingHours: caseSettings.workingHours,
  holidays: caseSettings.holidays,
  warnShare: caseSettings.warnShare,
  defaultTeamId: caseSettings.defaultTeamId,
  rootCauses: caseSettings.rootCauses,
  topics: caseSettings.topics,
  followUp: caseSettings.followUp,
  updatedAt: caseSettings.updatedAt,
};
export type CaseSettings = Omit<CaseSettingsRow, 'orgId'>;

export async function findSettings(tx: Executor, orgId: string): Promise<CaseSettings | undefined> {
  const [row] = await tx.select(settingsColumns).from(caseSettings).where(eq(caseSettings.orgId, orgId));
  return row;
}

/**
 * An organization's first brush with the closed loop stores its defaults: settings, the
 * default rules and SLA policies for the default tiers. Safe to call concurrently.
 */
export async function insertDefaults(tx: Executor, orgId: string, now: Date): Promise<void> {
  const [created] = await tx
    .insert(caseSettings)
    .values({
      orgId,
      workingHours: DEFAULT_WORKING_HOURS,
      holidays: [],
      warnShare: 0.75,
      rootCauses: [],
      topics: [],
      followUp: true,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ orgId: caseSettings.orgId });
  if (!created) return;
  await tx
    .insert(caseRules)
    .values(DEFAULT_RULES.map((r) => ({ ...r, orgId, enabled: true, createdAt: now })));
  await tx.insert(slaPolicies).values(
    DEFAULT_TIERS.flatMap((tier) =>
      PRIORITIES.map((priority) => ({
        orgId,
        tier,
        priority,
        ...DEFAULT_SLA_TARGETS[tier][priority],
        createdAt: now,
        updatedAt: now,
      })),
    ),
  );
}

export async function updateSettings(
  tx: Executor,
  orgId: string,
  patch: Partial<Omit<CaseSettingsRow, 'orgId'>>,
): Promise<void> {
  await tx.update(caseSettings).set(patch).where(eq(caseSettings.orgId, orgId));
}

const ruleColumns = {
  id: caseRules.id,
  name: caseRules.name,
  enabled: caseRules.enabled,
  position: caseRules.position,
  trigger: caseRules.trigger,
  conditions: caseRules.conditions,
  priority: caseRules.priority,
  teamId: caseRules.teamId,
  createdAt: caseRules.createdAt,
};
export type CaseRuleRow = {
  id: string;
  name: string;
  enabled: boolean;
  position: number;
  trigger: 'response' | 'event';
  conditions: Record<string, unknown>;
  priority: string;
  teamId: string | null;
  createdAt: Date;
};

export async function listRules(tx: Executor, orgId: string): Promise<CaseRuleRow[]> {
  return tx
    .select(ruleColumns)
    .from(caseRules)
    .where(eq(caseRules.orgId, orgId))
    .orderBy(asc(caseRules.position), asc(caseRules.createdAt))
    .limit(500);
}

/** A page of rules in their order: `limit + 1` rows after the (position, created at, id) position. */
export async function pageRules(
  tx: Executor,
  orgId: string,
  limit: number,
  position?: [number, string, string],
): Promise<CaseRuleRow[]> {
  const order = [caseRules.position, toMilliseconds(caseRules.createdAt), caseRules.id];
  return tx
    .select(ruleColumns)
    .from(caseRules)
    .where(and(eq(caseRules.orgId, orgId), after(order, position)))
    .orderBy(...order.map((c) => asc(c)))
    .limit(limit + 1);
}

export async function findRule(tx: Executor, orgId: string, id: string): Promise<CaseRuleRow | undefined> {
  const [row] = await tx
    .select(ruleColumns)
    .from(caseRules)
    .where(and(eq(caseRules.orgId, orgId), eq(caseRules.id, id)));
  return row;
}

export type RuleInput = Omit<CaseRuleRow, 'id' | 'createdAt'>;

export async function insertRule(tx: Executor, orgId: string, rule: RuleInput, now: Date) {
  const [row] = await tx
    .insert(caseRules)
    .values({ ...rule, orgId, createdAt: now })
    .returning({ id: caseRules.id });
  return row.id;
}

export async function updateRule(tx: Executor, orgId: string, id: string, patch: Partial<RuleInput>) {
  if (!Object.keys(patch).length) return;
  await tx
    .update(caseRules)
    .set(patch)
    .where(and(eq(caseRules.orgId, orgId), eq(caseRules.id, id)));
}

export async function deleteRule(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(caseRules)
    .where(and(eq(caseRules.orgId, orgId), eq(caseRules.id, id)))
    .returning({ id: caseRules.id });
  return rows.length > 0;
}
