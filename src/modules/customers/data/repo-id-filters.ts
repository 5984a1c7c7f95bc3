import { and, eq, type SQL, sql } from 'drizzle-orm';
import { customers } from './tables';

/** What another module may filter its rows' customers by. */
export type CustomerTraits = { stage?: string; tier?: string };

/**
 * A subquery of the organization's customer ids with these traits, for another module's
 * `customer_id in (…)`: the database matches it without a round trip or an id list.
 */
export function customerIdsWith(orgId: string, traits: CustomerTraits): SQL {
  const where = [eq(customers.orgId, orgId)];
  if (traits.stage !== undefined) where.push(eq(customers.lifecycleStage, traits.stage));
  if (traits.tier !== undefined) where.push(eq(customers.serviceTier, traits.tier));
  return sql`(select ${customers.id} from ${customers} where ${and(...where)})`;
}
