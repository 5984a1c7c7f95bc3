/** The perks catalogue, who got each perk, and the cached assessments. */
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import { after } from '../../../db/keyset';
import type { PerkAssessment, PerkVerdict } from '../domain/perk-worth';
import { loyaltyPerkAssessments, loyaltyPerkGrants, loyaltyPerks } from './tables-perks';

export type Perk = typeof loyaltyPerks.$inferSelect;
export type PerkInput = Pick<Perk, 'code' | 'name' | 'source' | 'sourceRef' | 'costMinor' | 'currency'>;
export type PerkAssessmentRow = typeof loyaltyPerkAssessments.$inferSelect;

/** A page of perks by code: `limit + 1` rows after the (code, id) position. */
export async function pagePerks(tx: Executor, orgId: string, limit: number, position?: [string, string]) {
  return tx
    .select()
    .from(loyaltyPerks)
    .where(and(eq(loyaltyPerks.orgId, orgId), after([loyaltyPerks.code, loyaltyPerks.id], position)))
    .orderBy(asc(loyaltyPerks.code), asc(loyaltyPerks.id))
    .limit(limit + 1);
}

export async function findPerk(tx: Executor, orgId: string, id: string): Promise<Perk | undefined> {
  const [row] = await tx
    .select()
    .from(loyaltyPerks)
    .where(and(eq(loyaltyPerks.orgId, orgId), eq(loyaltyPerks.id, id)));
  return row;
}

export async function findPerkByCode(tx: Executor, orgId: string, code: string): Promise<Perk | undefined> {
  const [row] = await tx
    .select()
    .from(loyaltyPerks)
    .where(and(eq(loyaltyPerks.orgId, orgId), eq(loyaltyPerks.code, code)));
  return row;
}

/** Undefined when the code is taken. */
export async function insertPerk(tx: Executor, orgId: string, input: PerkInput, now: Date) {
  const [row] = await tx
    .insert(loyaltyPerks)
    .values({ ...input, orgId, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  return row as Perk | undefined;
}

/** Undefined when another perk has the new code. */
export async function updatePerk(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<PerkInput>,
  now: Date,
) {
  const [row] = await tx
    .update(loyaltyPerks)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(loyaltyPerks.orgId, orgId), eq(loyaltyPerks.id, id)))
    .returning();
  return row as Perk | undefined;
}

export async function deletePerk(tx: Executor, orgId: string, id: string) {
  const rows = await tx
    .delete(loyaltyPerks)
    .where(and(eq(loyaltyPerks.orgId, orgId), eq(loyaltyPerks.id, id)))
    .returning({ id: loyaltyPerks.id });
  return rows.length > 0;
}

/** The 'event' perks of the organization as (event type, code) → id; empty for most organizations. */
export async function eventPerks(tx: Executor, orgId: string) {
  return tx
    .select({ id: loyaltyPerks.id, code: loyaltyPerks.code, sourceRef: loyaltyPerks.sourceRef })
    .from(loyaltyPerks)
    .where(and(eq(loyaltyPerks.orgId, orgId), eq(loyaltyPerks.source, 'event')));
}

export interface NewGrant {
  perkId: string;
  customerId: string;
  grantedAt: Date;
  origin: string;
}

/** Records grants in one statement; an origin already recorded for the perk is skipped. Returns how many were new. */
export async function insertGrants(
  tx: Executor,
  orgId: string,
  grants: readonly NewGrant[],
): Promise<number> {
  if (!grants.length) return 0;
  const result = await tx.execute(sql`
    insert into loyalty_perk_grants (org_id, perk_id, customer_id, granted_at, origin)
    select ${orgId}::uuid, g.perk_id::uuid, g.customer_id::uuid, g.granted_at::timestamptz, g.origin
      from unnest(${textArray(grants.map((g) => g.perkId))}::text[],
                  ${textArray(grants.map((g) => g.customerId))}::text[],
                  ${textArray(grants.map((g) => g.grantedAt.toISOString()))}::text[],
                  ${textArray(grants.map((g) => g.origin))}::text[]) as g(perk_id, customer_id, granted_at, origin)
    on conflict (org_id, perk_id, origin) do nothing
    returning 1 as x`);
  return rowsOf(result).length;
}

/** Every grant of the perk between two instants [from, to), oldest first: customer and time. */
export async function grantsOfPerk(tx: Executor, orgId: string, perkId: string, from: Date, to: Date) {
  return tx
    .select({ customerId: loyaltyPerkGrants.customerId, grantedAt: loyaltyPerkGrants.grantedAt })
    .from(loyaltyPerkGrants)
    .where(
      and(
        eq(loyaltyPerkGrants.orgId, orgId),
        eq(loyaltyPerkGrants.perkId, perkId),
        gte(loyaltyPerkGrants.grantedAt, from),
        sql`${loyaltyPerkGrants.grantedAt} < ${to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(loyaltyPerkGrants.grantedAt));
}

/** A customer's grants, newest first, with each perk's code and name (profile and export). */
export async function grantsOfCustomer(tx: Executor, orgId: string, customerId: string, limit: number) {
  return tx
    .select({
      perkId: loyaltyPerks.id,
      code: loyaltyPerks.code,
      name: loyaltyPerks.name,
      grantedAt: loyaltyPerkGrants.grantedAt,
      costMinor: loyaltyPerks.costMinor,
      currency: loyaltyPerks.currency,
    })
    .from(loyaltyPerkGrants)
    .innerJoin(
      loyaltyPerks,
      and(eq(loyaltyPerks.orgId, loyaltyPerkGrants.orgId), eq(loyaltyPerks.id, loyaltyPerkGrants.perkId)),
    )
    .where(and(eq(loyaltyPerkGrants.orgId, orgId), eq(loyaltyPerkGrants.customerId, customerId)))
    .orderBy(desc(loyaltyPerkGrants.grantedAt))
    .limit(limit);
}

/** Forgets which perks the person got. */
export async function deleteGrantsOfCustomer(tx: Executor, orgId: string, customerId: string) {
  await tx
    .delete(loyaltyPerkGrants)
    .where(and(eq(loyaltyPerkGrants.orgId, orgId), eq(loyaltyPerkGrants.customerId, customerId)));
}

/** Customers holding a loyalty tier reached on or before `until`: the tier and since when (the ledger's accounts). */
export async function tiersHeldSince(tx: Executor, orgId: string, until: Date) {
  const result = await tx.execute(sql`
    select customer_id::text as "customerId", tier_code as "tierCode", tier_since as since
      from loyalty_accounts
     where org_id = ${orgId}::uuid and tier_code is not null and tier_since <= ${until.toISOString()}::timestamptz`);
  return rowsOf<{ customerId: string; tierCode: string; since: Date | string }>(result).map((r) => ({
    ...r,
    since: new Date(r.since),
  }));
}

export interface AssessmentKey {
  perkId: string;
  periodFrom: string;
  periodTo: string;
  windowDays: number;
}

const keyOf = (orgId: string, k: AssessmentKey) =>
  and(
    eq(loyaltyPerkAssessments.orgId, orgId),
    eq(loyaltyPerkAssessments.perkId, k.perkId),
    eq(loyaltyPerkAssessments.periodFrom, k.periodFrom),
    eq(loyaltyPerkAssessments.periodTo, k.periodTo),
    eq(loyaltyPerkAssessments.windowDays, k.windowDays),
  );

export async function findAssessment(tx: Executor, orgId: string, key: AssessmentKey) {
  const [row] = await tx.select().from(loyaltyPerkAssessments).where(keyOf(orgId, key));
  return row as PerkAssessmentRow | undefined;
}

/** Marks the assessment as asked for; true when it was not asked before (a job must compute it). */
export async function requestAssessment(tx: Executor, orgId: string, key: AssessmentKey, now: Date) {
  const rows = await tx
    .insert(loyaltyPerkAssessments)
    .values({ orgId, ...key, status: 'pending', requestedAt: now })
    .onConflictDoNothing()
    .returning({ perkId: loyaltyPerkAssessments.perkId });
  return rows.length > 0;
}

/** Marks an existing assessment pending again (a recompute), keeping its last result until the new one. */
export async function markPending(tx: Executor, orgId: string, key: AssessmentKey, now: Date) {
  await tx
    .update(loyaltyPerkAssessments)
    .set({ status: 'pending', requestedAt: now })
    .where(keyOf(orgId, key));
}

export async function storeAssessment(
  tx: Executor,
  orgId: string,
  key: AssessmentKey,
  result: PerkAssessment | null,
  now: Date,
) {
  await tx
    .update(loyaltyPerkAssessments)
    .set({
      status: result ? 'ready' : 'failed',
      verdict: result?.verdict ?? null,
      result,
      computedAt: now,
    })
    .where(keyOf(orgId, key));
}

/** The latest verdict of the perk over any other period or window (for the catalogue): its newest ready assessment. */
export async function latestAssessments(tx: Executor, orgId: string, perkIds: readonly string[]) {
  if (!perkIds.length) return [];
  const result = await tx.execute(sql`
    select distinct on (perk_id) perk_id as "perkId", period_from::text as "periodFrom", period_to::text as "periodTo",
           window_days as "windowDays", verdict, computed_at as "computedAt"
      from loyalty_perk_assessments
     where org_id = ${orgId}::uuid and status = 'ready' and perk_id = any(${textArray(perkIds)}::uuid[])
     order by perk_id, computed_at desc`);
  return rowsOf<{
    perkId: string;
    periodFrom: string;
    periodTo: string;
    windowDays: number;
    verdict: PerkVerdict;
    computedAt: Date;
  }>(result);
}

/**
 * Grants read from the perk's source of this module, in one statement: a 'reward' perk from the reward's redemptions (a cancelled one grants nothing);
 * a 'tier' perk from customers moving up into the tier; an 'offer' perk from the offer's conversions
 * among those shown it. A grant already recorded is kept once. Returns how many were new.
 */
export async function syncGrantsFromSource(
  tx: Executor,
  orgId: string,
  perk: Pick<Perk, 'id' | 'code' | 'source' | 'sourceRef'>,
): Promise<number> {
  const ref = perk.sourceRef ?? '';
  let select: ReturnType<typeof sql>;
  switch (perk.source) {
    case 'reward':
      await tx.execute(sql`
        delete from loyalty_perk_grants g using loyalty_redemptions r
         where g.org_id = ${orgId}::uuid and g.perk_id = ${perk.id}::uuid and r.org_id = g.org_id
           and g.origin = 'redemption:' || r.id and r.status <> 'redeemed'`);
      select = sql`select customer_id, redeemed_at, 'redemption:' || id from loyalty_redemptions
                    where org_id = ${orgId}::uuid and reward_id::text = ${ref} and status = 'redeemed'`;
      break;
    case 'tier':
      select = sql`select customer_id, changed_at, 'tier:' || id from loyalty_tier_changes
                    where org_id = ${orgId}::uuid and to_code = ${ref} and direction = 'up'`;
      break;
    case 'offer':
      select = sql`select customer_id, converted_at, 'offer:' || customer_id from loyalty_offer_exposures
                    where org_id = ${orgId}::uuid and offer_id::text = ${ref} and arm = 'shown' and converted_at is not null`;
      break;
    default:
      return 0;
  }
  const result = await tx.execute(sql`
    insert into loyalty_perk_grants (org_id, perk_id, customer_id, granted_at, origin)
    select ${orgId}::uuid, ${perk.id}::uuid, s.* from (${select}) as s
    on conflict (org_id, perk_id, origin) do nothing
    returning 1 as x`);
  return rowsOf(result).length;
}
