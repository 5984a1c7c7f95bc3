import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after } from '../../../db/keyset';
import { slaPolicies } from './tables';

const policyColumns = {
  id: slaPolicies.id,
  tier: slaPolicies.tier,
  priority: slaPolicies.priority,
  firstResponseMinutes: slaPolicies.firstResponseMinutes,
  resolutionMinutes: slaPolicies.resolutionMinutes,
  createdAt: slaPolicies.createdAt,
  updatedAt: slaPolicies.updatedAt,
};
export type SlaPolicy = {
  id: string;
  tier: string;
  priority: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A page of SLA policies: `limit + 1` rows after the (tier, priority, id) position. */
export async function pageSlaPolicies(
  tx: Executor,
  orgId: string,
  limit: number,
  position?: [string, string, string],
): Promise<SlaPolicy[]> {
  const order = [slaPolicies.tier, slaPolicies.priority, slaPolicies.id] as const;
  return tx
    .select(policyColumns)
    .from(slaPolicies)
    .where(and(eq(slaPolicies.orgId, orgId), after(order, position)))
    .orderBy(...order.map((c) => asc(c)))
    .limit(limit + 1);
}

export async function findSlaPolicy(tx: Executor, orgId: string, id: string): Promise<SlaPolicy | undefined> {
  const [row] = await tx
    .select(policyColumns)
    .from(slaPolicies)
    .where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.id, id)));
  return row;
}

export async function findSlaPolicyFor(
  tx: Executor,
  orgId: string,
  tier: string,
  priority: string,
): Promise<SlaPolicy | undefined> {
  const [row] = await tx
    .select(policyColumns)
    .from(slaPolicies)
    .where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.tier, tier), eq(slaPolicies.priority, priority)));
  return row;
}

export type SlaPolicyInput = Pick<
  SlaPolicy,
  'tier' | 'priority' | 'firstResponseMinutes' | 'resolutionMinutes'
>;

/** Undefined when the tier and priority already have a policy. */
export async function insertSlaPolicy(tx: Executor, orgId: string, input: SlaPolicyInput, now: Date) {
  const [row] = await tx
    .insert(slaPolicies)
    .values({ ...input, orgId, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: slaPolicies.id });
  return row?.id;
}

export async function updateSlaPolicy(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<Pick<SlaPolicy, 'firstResponseMinutes' | 'resolutionMinutes'>>,
  now: Date,
) {
  await tx
    .update(slaPolicies)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.id, id)));
}

export async function deleteSlaPolicy(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(slaPolicies)
    .where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.id, id)))
    .returning({ id: slaPolicies.id });
  return rows.length > 0;
}
