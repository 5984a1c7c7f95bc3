import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { locations } from './tables';

/** A location as the other modules and the leaderboard see it. */
export type LocationRef = { id: string; code: string; name: string };

/** The locations of the organization with these codes, by code. */
export async function findLocationsByCode(
  tx: Executor,
  orgId: string,
  codes: readonly string[],
): Promise<Map<string, LocationRef>> {
  if (!codes.length) return new Map();
  const rows = await tx
    .select({ id: locations.id, code: locations.code, name: locations.name })
    .from(locations)
    .where(and(eq(locations.orgId, orgId), inArray(locations.code, [...new Set(codes)])));
  return new Map(rows.map((r) => [r.code, r]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names of the organization's locations with these ids, by id; other keys are left out. */
export async function findLocationNames(
  tx: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter((id) => UUID.test(id));
  if (!valid.length) return new Map();
  const rows = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(and(eq(locations.orgId, orgId), inArray(locations.id, valid)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every location of the organization with its targets, by name (an organization has tens, not thousands). */
export function listLocationsWithTargets(tx: Executor, orgId: string) {
  return tx
    .select({
      id: locations.id,
      code: locations.code,
      name: locations.name,
      city: locations.city,
      active: locations.active,
      targets: locations.targets,
    })
    .from(locations)
    .where(eq(locations.orgId, orgId))
    .orderBy(asc(locations.name), asc(locations.id))
    .limit(MAX_BOARD_LOCATIONS + 1);
}

/** The most locations one leaderboard ranks. */
export const MAX_BOARD_LOCATIONS = 2000;
