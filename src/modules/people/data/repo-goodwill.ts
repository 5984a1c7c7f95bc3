import { and, asc, desc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, before as olderThan, toMilliseconds } from '../../../db/keyset';
import { goodwillBudgets, goodwillGrants } from './tables-goodwill';

export type GoodwillBudget = typeof goodwillBudgets.$inferSelect;
export type GoodwillGrant = typeof goodwillGrants.$inferSelect;

export async function pageBudgets(tx: Executor, orgId: string, limit: number, afterTier?: string) {
  return tx
    .select()
    .from(goodwillBudgets)
    .where(
      and(
        eq(goodwillBudgets.orgId, orgId),
        after([goodwillBudgets.tier], afterTier ? [afterTier] : undefined),
      ),
    )
    .orderBy(asc(goodwillBudgets.tier))
    .limit(limit + 1);
}

/** The tier's budget; `lock` holds it until the transaction ends, so grants against it take turns. */
export async function findBudget(tx: Executor, orgId: string, tier: string, lock = false) {
  const query = tx
    .select()
    .from(goodwillBudgets)
    .where(and(eq(goodwillBudgets.orgId, orgId), eq(goodwillBudgets.tier, tier)));
  const [row] = lock ? await query.for('update') : await query;
  return row as GoodwillBudget | undefined;
}

export async function findBudgetById(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(goodwillBudgets)
    .where(and(eq(goodwillBudgets.orgId, orgId), eq(goodwillBudgets.id, id)));
  return row as GoodwillBudget | undefined;
}

export type BudgetInput = Pick<GoodwillBudget, 'tier' | 'period' | 'poolMinor' | 'perCustomerMinor'>;

/** Undefined when the tier has a budget already. */
export async function insertBudget(tx: Executor, orgId: string, input: BudgetInput, now: Date) {
  const [row] = await tx
    .insert(goodwillBudgets)
    .values({ ...input, orgId, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: goodwillBudgets.id });
  return row?.id;
}

export async function updateBudget(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<BudgetInput>,
  now: Date,
) {
  await tx
    .update(goodwillBudgets)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(goodwillBudgets.orgId, orgId), eq(goodwillBudgets.id, id)));
}

export async function deleteBudget(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(goodwillBudgets)
    .where(and(eq(goodwillBudgets.orgId, orgId), eq(goodwillBudgets.id, id)))
    .returning({ id: goodwillBudgets.id });
  return rows.length > 0;
}

/** What was granted to the tier in the period starting `periodStart`, and to this customer in it. */
export async function spentInPeriod(
  tx: Executor,
  orgId: string,
  tier: string,
  periodStart: string,
  customerId: string,
) {
  const [row] = await tx
    .select({
      tierMinor: sql<string>`coalesce(sum(${goodwillGrants.amountMinor}), 0)`,
      customerMinor: sql<string>`coalesce(sum(${goodwillGrants.amountMinor}) filter (where ${goodwillGrants.customerId} = ${customerId}::uuid), 0)`,
    })
    .from(goodwillGrants)
    .where(
      and(
        eq(goodwillGrants.orgId, orgId),
        eq(goodwillGrants.tier, tier),
        eq(goodwillGrants.periodStart, periodStart),
      ),
    );
  return { tierMinor: Number(row.tierMinor), customerMinor: Number(row.customerMinor) };
}

/** What each tier was granted in the period starting `periodStart` of its budget. */
export async function spentByTier(tx: Executor, orgId: string, periodStarts: Map<string, string>) {
  if (!periodStarts.size) return new Map<string, { minor: number; grants: number }>();
  // One statement for every tier, each in its own current period.
  const rows = await tx
    .select({
      tier: goodwillGrants.tier,
      minor: sql<string>`sum(${goodwillGrants.amountMinor})`,
      grants: sql<number>`count(*)::int`,
    })
    .from(goodwillGrants)
    .where(
      and(
        eq(goodwillGrants.orgId, orgId),
        or(
          ...[...periodStarts].map(([tier, start]) =>
            and(eq(goodwillGrants.tier, tier), eq(goodwillGrants.periodStart, start)),
          ),
        ),
      ),
    )
    .groupBy(goodwillGrants.tier);
  return new Map(rows.map((r) => [r.tier, { minor: Number(r.minor), grants: Number(r.grants) }]));
}

export async function insertGrant(tx: Executor, orgId: string, grant: Omit<GoodwillGrant, 'orgId' | 'id'>) {
  const [row] = await tx
    .insert(goodwillGrants)
    .values({ ...grant, orgId })
    .returning();
  return row;
}

/** Grants newest first: of a case, of a customer, or of the whole organization. */
export async function pageGrants(
  tx: Executor,
  orgId: string,
  filter: { caseId?: string; customerId?: string },
  limit: number,
  position?: [string, string],
) {
  return tx
    .select()
    .from(goodwillGrants)
    .where(
      and(
        eq(goodwillGrants.orgId, orgId),
        filter.caseId ? eq(goodwillGrants.caseId, filter.caseId) : undefined,
        filter.customerId ? eq(goodwillGrants.customerId, filter.customerId) : undefined,
        olderThan(
          [toMilliseconds(goodwillGrants.grantedAt), goodwillGrants.id],
          position && [new Date(position[0]), position[1]],
        ),
      ),
    )
    .orderBy(desc(goodwillGrants.grantedAt), desc(goodwillGrants.id))
    .limit(limit + 1);
}

/** Goodwill per customer granted in [from, before): a direct cost of serving them. */
export async function sumGrantsByCustomer(tx: Executor, orgId: string, window: { from: Date; before: Date }) {
  const rows = await tx
    .select({ customerId: goodwillGrants.customerId, minor: sql<string>`sum(${goodwillGrants.amountMinor})` })
    .from(goodwillGrants)
    .where(
      and(
        eq(goodwillGrants.orgId, orgId),
        gte(goodwillGrants.grantedAt, window.from),
        lt(goodwillGrants.grantedAt, window.before),
      ),
    )
    .groupBy(goodwillGrants.customerId);
  return rows.map((r) => ({ customerId: r.customerId, minor: Number(r.minor) }));
}

/** Erasure: the notes go (they may name the person); amounts stay for the budget and the costs. */
export async function blankGrantNotes(tx: Executor, orgId: string, customerId: string) {
  await tx
    .update(goodwillGrants)
    .set({ note: null })
    .where(and(eq(goodwillGrants.orgId, orgId), eq(goodwillGrants.customerId, customerId)));
}

/** Goodwill each user granted from `from` up to and including `to`: how many gestures and how much. */
export async function grantsByUser(tx: Executor, orgId: string, window: { from: Date; to: Date }) {
  const rows = await tx
    .select({
      userId: goodwillGrants.grantedBy,
      n: sql<number>`count(*)::int`,
      minor: sql<string>`sum(${goodwillGrants.amountMinor})`,
    })
    .from(goodwillGrants)
    .where(
      and(
        eq(goodwillGrants.orgId, orgId),
        gte(goodwillGrants.grantedAt, window.from),
        lte(goodwillGrants.grantedAt, window.to),
      ),
    )
    .groupBy(goodwillGrants.grantedBy);
  return new Map(
    rows.filter((r) => r.userId).map((r) => [r.userId!, { grants: Number(r.n), minor: Number(r.minor) }]),
  );
}
