/**
 * Who got a perk: 'event' perks are granted as their events arrive (one cheap look at the organization's
 * event perks per batch, one insert for the whole batch), and every perk reads its source again before
 * it is assessed, so history recorded before the perk was defined counts too.
 */
import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import type { AppContext } from '../../../http/types';
import { findTaggedEvents } from '../../customers/api';
import { findGoodwillGestures } from '../../people/api';
import * as repo from '../data/repo-perks';
import { DEFAULT_PERK_EVENT } from '../domain/perks';

/** The 'event.recorded' subscriber: grants of event perks for a whole batch in one statement. */
export async function takePerkEvents(
  _ctx: AppContext,
  tx: Executor,
  payloads: DomainEvents['event.recorded'][],
): Promise<void> {
  const byOrg = new Map<string, DomainEvents['event.recorded'][]>();
  for (const p of payloads) {
    if (typeof p.data?.perk !== 'string') continue;
    const list = byOrg.get(p.orgId) ?? [];
    list.push(p);
    byOrg.set(p.orgId, list);
  }
  for (const [orgId, events] of byOrg) {
    const perks = await repo.eventPerks(tx, orgId);
    if (!perks.length) continue;
    const perkOf = new Map(perks.map((k) => [`${k.sourceRef}\u0000${k.code}`, k.id]));
    const grants: repo.NewGrant[] = [];
    for (const e of events) {
      const perkId = perkOf.get(`${e.type}\u0000${e.data.perk}`);
      if (perkId)
        grants.push({
          perkId,
          customerId: e.customerId,
          grantedAt: e.occurredAt,
          origin: `event:${e.eventId}`,
        });
    }
    await repo.insertGrants(tx, orgId, grants);
  }
}

/** Reads the perk's source again, in the caller's transaction; returns how many grants were new. */
export async function syncPerkGrantsInTx(
  _ctx: AppContext,
  tx: Executor,
  orgId: string,
  perk: Pick<repo.Perk, 'id' | 'code' | 'source' | 'sourceRef'>,
): Promise<number> {
  if (perk.source === 'goodwill') {
    const gestures = await findGoodwillGestures(tx, orgId, perk.sourceRef);
    return insertInChunks(
      tx,
      orgId,
      gestures.map((g) => ({
        perkId: perk.id,
        customerId: g.customerId,
        grantedAt: g.grantedAt,
        origin: `goodwill:${g.id}`,
      })),
    );
  }
  if (perk.source !== 'event') return repo.syncGrantsFromSource(tx, orgId, perk);
  const events = await findTaggedEvents(tx, orgId, {
    type: perk.sourceRef ?? DEFAULT_PERK_EVENT,
    key: 'perk',
    value: perk.code,
  });
  return insertInChunks(
    tx,
    orgId,
    events.map((e) => ({
      perkId: perk.id,
      customerId: e.customerId,
      grantedAt: e.occurredAt,
      origin: `event:${e.eventId}`,
    })),
  );
}

async function insertInChunks(tx: Executor, orgId: string, grants: repo.NewGrant[]) {
  let added = 0;
  for (let start = 0; start < grants.length; start += GRANT_CHUNK) {
    added += await repo.insertGrants(tx, orgId, grants.slice(start, start + GRANT_CHUNK));
  }
  return added;
}

/** Grants per insert statement. */
const GRANT_CHUNK = 10_000;
