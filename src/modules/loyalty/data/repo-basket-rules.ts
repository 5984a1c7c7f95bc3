/** Basket rules' storage: thresholds, mining runs, and the rules of the latest run. */
import { and, arrayContains, asc, desc, eq, or, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import { before, byCreation } from '../../../db/keyset';
import { basketRules, basketRuns, basketSettings } from './tables-basket';

export type BasketSettingsRow = Omit<typeof basketSettings.$inferSelect, 'orgId'>;
export type BasketRun = typeof basketRuns.$inferSelect;
export type StoredBasketRule = Omit<typeof basketRules.$inferSelect, 'orgId' | 'runId'>;

export async function findBasketSettings(tx: Executor, orgId: string) {
  const [row] = await tx.select().from(basketSettings).where(eq(basketSettings.orgId, orgId));
  if (!row) return undefined;
  const { orgId: _o, ...settings } = row;
  return settings as BasketSettingsRow;
}

export async function saveBasketSettings(tx: Executor, orgId: string, settings: BasketSettingsRow) {
  await tx
    .insert(basketSettings)
    .values({ ...settings, orgId })
    .onConflictDoUpdate({ target: basketSettings.orgId, set: settings });
}

export type NewRun = Pick<
  BasketRun,
  'status' | 'trigger' | 'requestedBy' | 'minSupport' | 'minConfidence' | 'maxLength' | 'since' | 'createdAt'
>;

export async function insertRun(tx: Executor, orgId: string, run: NewRun) {
  const [row] = await tx
    .insert(basketRuns)
    .values({ ...run, orgId })
    .returning({ id: basketRuns.id });
  return row.id;
}

export async function findRun(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(basketRuns)
    .where(and(eq(basketRuns.orgId, orgId), eq(basketRuns.id, id)));
  return row as BasketRun | undefined;
}

export async function updateRun(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<Omit<BasketRun, 'orgId' | 'id'>>,
) {
  await tx
    .update(basketRuns)
    .set(patch)
    .where(and(eq(basketRuns.orgId, orgId), eq(basketRuns.id, id)));
}

/** Runs newest first: `limit + 1` after the (created at, id) position. */
export async function pageRuns(tx: Executor, orgId: string, limit: number, position?: [string, string]) {
  const order = byCreation(basketRuns);
  return tx
    .select()
    .from(basketRuns)
    .where(and(eq(basketRuns.orgId, orgId), before(order, position)))
    .orderBy(...order.map((c) => desc(c)))
    .limit(limit + 1);
}

/** The latest run that stored rules. */
export async function latestDoneRun(tx: Executor, orgId: string) {
  const [row] = await tx
    .select()
    .from(basketRuns)
    .where(and(eq(basketRuns.orgId, orgId), eq(basketRuns.status, 'done')))
    .orderBy(desc(basketRuns.finishedAt), desc(basketRuns.id))
    .limit(1);
  return row as BasketRun | undefined;
}

export type NewRule = Omit<StoredBasketRule, 'id' | 'minedAt'>;

/** The run's rules replace every stored rule of the organization. */
export async function replaceRules(
  tx: Executor,
  orgId: string,
  runId: string,
  rules: NewRule[],
  minedAt: Date,
) {
  await tx.delete(basketRules).where(eq(basketRules.orgId, orgId));
  for (let i = 0; i < rules.length; i += 1000) {
    const chunk = rules.slice(i, i + 1000);
    await tx.execute(sql`
      insert into loyalty_basket_rules (org_id, run_id, antecedent, antecedent_names, consequent, consequent_name,
             count, antecedent_count, consequent_count, baskets, support, confidence, lift, lift_lower, mined_at)
      select ${orgId}::uuid, ${runId}::uuid, r.antecedent, r."antecedentNames", r.consequent, r."consequentName",
             r.count, r."antecedentCount", r."consequentCount", r.baskets, r.support, r.confidence, r.lift,
             r."liftLower", ${minedAt}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(antecedent text[], "antecedentNames" text[],
             consequent text, "consequentName" text, count integer, "antecedentCount" integer,
             "consequentCount" integer, baskets integer, support float8, confidence float8, lift float8,
             "liftLower" float8)`);
  }
}

const ruleColumns = {
  id: basketRules.id,
  antecedent: basketRules.antecedent,
  antecedentNames: basketRules.antecedentNames,
  consequent: basketRules.consequent,
  consequentName: basketRules.consequentName,
  count: basketRules.count,
  antecedentCount: basketRules.antecedentCount,
  consequentCount: basketRules.consequentCount,
  baskets: basketRules.baskets,
  support: basketRules.support,
  confidence: basketRules.confidence,
  lift: basketRules.lift,
  liftLower: basketRules.liftLower,
  minedAt: basketRules.minedAt,
};

/** A rule's place in the list order (lift bound, highest first; then id), or undefined when gone. */
export async function rulePosition(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select({ liftLower: basketRules.liftLower, id: basketRules.id })
    .from(basketRules)
    .where(and(eq(basketRules.orgId, orgId), eq(basketRules.id, id)));
  return row;
}

/** Rules best lift bound first (`limit + 1` after `position`), or those naming `item` on either side. */
export async function pageRules(
  tx: Executor,
  orgId: string,
  o: { limit: number; item?: string; position?: { liftLower: number; id: string } },
): Promise<StoredBasketRule[]> {
  const where = [eq(basketRules.orgId, orgId)];
  if (o.item) {
    where.push(
      or(arrayContains(basketRules.antecedent, [o.item]), eq(basketRules.consequent, o.item)) as never,
    );
  }
  if (o.position) {
    where.push(
      sql`(${basketRules.liftLower} < ${o.position.liftLower}::float8 or (${basketRules.liftLower} = ${o.position.liftLower}::float8 and ${basketRules.id} > ${o.position.id}::uuid))`,
    );
  }
  return tx
    .select(ruleColumns)
    .from(basketRules)
    .where(and(...where))
    .orderBy(desc(basketRules.liftLower), asc(basketRules.id))
    .limit(o.limit + 1);
}

/**
 * Rules whose every antecedent item is among `codes` and whose consequent is not: the candidates
 * for a customer who bought `codes` (the GIN index on the antecedent finds them).
 */
export async function rulesWithin(
  tx: Executor,
  orgId: string,
  codes: readonly string[],
  limit: number,
): Promise<StoredBasketRule[]> {
  if (!codes.length) return [];
  const list = sql`${textArray(codes)}::text[]`;
  const result = await tx.execute(sql`
    select id, antecedent, antecedent_names as "antecedentNames", consequent, consequent_name as "consequentName",
           count, antecedent_count as "antecedentCount", consequent_count as "consequentCount", baskets,
           support, confidence, lift, lift_lower as "liftLower", mined_at as "minedAt"
      from loyalty_basket_rules
     where org_id = ${orgId}::uuid
       and antecedent <@ ${list}
       and not (consequent = any (${list}))
     order by lift_lower desc, id
     limit ${limit}`);
  return rowsOf<StoredBasketRule & { minedAt: Date | string }>(result).map((r) => ({
    ...r,
    minedAt: new Date(r.minedAt),
  }));
}

/** How many rules the organization has stored. */
export async function countRules(tx: Executor, orgId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(basketRules)
    .where(eq(basketRules.orgId, orgId));
  return row?.n ?? 0;
}
