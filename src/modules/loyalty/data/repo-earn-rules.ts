/** The program's earn rules: a page in creation order, those in force for a batch, and their writes. */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import type { EarnRule } from '../domain/earn-rules';
import { loyaltyEarnRules } from './tables-ledger';

export type StoredEarnRule = typeof loyaltyEarnRules.$inferSelect;
export type EarnRuleFields = Omit<StoredEarnRule, 'orgId' | 'id' | 'createdAt' | 'updatedAt'>;

export async function pageEarnRules(tx: Executor, orgId: string, limit: number, position?: [string, string]) {
  return tx
    .select()
    .from(loyaltyEarnRules)
    .where(and(eq(loyaltyEarnRules.orgId, orgId), after(byCreation(loyaltyEarnRules), position)))
    .orderBy(...byCreation(loyaltyEarnRules).map((c) => asc(c)))
    .limit(limit + 1);
}

/** The active rules (a program keeps a handful): what a batch of events is earned by. */
export async function activeEarnRules(tx: Executor, orgId: string): Promise<EarnRule[]> {
  return tx
    .select({
      id: loyaltyEarnRules.id,
      name: loyaltyEarnRules.name,
      kind: loyaltyEarnRules.kind,
      active: loyaltyEarnRules.active,
      pointsPerUnit: loyaltyEarnRules.pointsPerUnit,
      pointsPerItem: loyaltyEarnRules.pointsPerItem,
      points: loyaltyEarnRules.points,
      multiplier: loyaltyEarnRules.multiplier,
      match: loyaltyEarnRules.match,
      tierCode: loyaltyEarnRules.tierCode,
      validFrom: loyaltyEarnRules.validFrom,
      validTo: loyaltyEarnRules.validTo,
    })
    .from(loyaltyEarnRules)
    .where(and(eq(loyaltyEarnRules.orgId, orgId), eq(loyaltyEarnRules.active, true)))
    .orderBy(asc(loyaltyEarnRules.createdAt), asc(loyaltyEarnRules.id));
}

export async function findEarnRule(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(loyaltyEarnRules)
    .where(and(eq(loyaltyEarnRules.orgId, orgId), eq(loyaltyEarnRules.id, id)));
  return row as StoredEarnRule | undefined;
}

export async function insertEarnRule(tx: Executor, orgId: string, fields: EarnRuleFields, now: Date) {
  const [row] = await tx
    .insert(loyaltyEarnRules)
    .values({ ...fields, orgId, createdAt: now, updatedAt: now })
    .returning();
  return row as StoredEarnRule;
}

export async function updateEarnRule(
  tx: Executor,
  orgId: string,
  id: string,
  fields: Partial<EarnRuleFields>,
  now: Date,
) {
  const [row] = await tx
    .update(loyaltyEarnRules)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(loyaltyEarnRules.orgId, orgId), eq(loyaltyEarnRules.id, id)))
    .returning();
  return row as StoredEarnRule | undefined;
}

export async function deleteEarnRule(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(loyaltyEarnRules)
    .where(and(eq(loyaltyEarnRules.orgId, orgId), eq(loyaltyEarnRules.id, id)))
    .returning({ id: loyaltyEarnRules.id });
  return rows.length > 0;
}
