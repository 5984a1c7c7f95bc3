/** The perks catalogue: what the company gives, where its grants come from, and what one grant costs. */

import type { Executor } from '../../../db/database';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { findOrgLocaleSettings } from '../../orgs/api';
import * as repo from '../data/repo-perks';
import type { PerkVerdict } from '../domain/perk-worth';
import { DEFAULT_PERK_EVENT, type PerkSource } from '../domain/perks';
import { syncPerkGrantsInTx } from './perk-grants';

export type PerkInput = {
  code: string;
  name: string;
  source: PerkSource;
  sourceRef?: string | null;
  costMinor: number;
  currency: string;
};

export type PerkView = Omit<repo.Perk, 'orgId'> & {
  latest: {
    periodFrom: string;
    periodTo: string;
    windowDays: number;
    verdict: PerkVerdict;
    computedAt: Date;
  } | null;
};

const view = (p: repo.Perk, latest: PerkView['latest'] = null): PerkView => {
  const { orgId: _o, ...rest } = p;
  return { ...rest, latest };
};

/** A perk's cost is kept in the base currency, the one revenue is measured in. */
async function checkCurrency(tx: Executor, orgId: string, currency: string | undefined) {
  if (currency === undefined) return;
  const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
  if (currency !== baseCurrency) {
    throw invalid(
      'body.currency',
      `must be the organization's base currency ${baseCurrency}, the one revenue is measured in`,
    );
  }
}

/** Rewards, tiers and offers name the one the perk's grants come from (events and goodwill may name none: all). */
function checkSource(source: PerkSource, sourceRef: string | null | undefined) {
  if (source !== 'event' && source !== 'goodwill' && !sourceRef) {
    throw invalid('body.sourceRef', `must name the ${source} the perk's grants come from`);
  }
}

const taken = (code: string) =>
  new AppError('conflict', `body.code: a perk with the code ${code} exists`, [
    { field: 'body.code', message: 'is taken by another perk' },
  ]);

/** A perk's grants are read from its source at once (events and tiers already held count). */
export async function createPerk(ctx: AppContext, orgId: string, input: PerkInput): Promise<PerkView> {
  checkSource(input.source, input.sourceRef);
  return ctx.db.withOrg(orgId, async (tx) => {
    await checkCurrency(tx, orgId, input.currency);
    const perk = await repo.insertPerk(
      tx,
      orgId,
      { ...input, sourceRef: input.sourceRef ?? (input.source === 'event' ? DEFAULT_PERK_EVENT : null) },
      ctx.clock.now(),
    );
    if (!perk) throw taken(input.code);
    await syncPerkGrantsInTx(ctx, tx, orgId, perk);
    return view(perk);
  });
}

export async function changePerk(ctx: AppContext, orgId: string, id: string, patch: Partial<PerkInput>) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const before = await repo.findPerk(tx, orgId, id);
    if (!before) throw notFound('perk');
    await checkCurrency(tx, orgId, patch.currency);
    checkSource(
      patch.source ?? before.source,
      patch.sourceRef !== undefined ? patch.sourceRef : before.sourceRef,
    );
    if (patch.code && patch.code !== before.code && (await repo.findPerkByCode(tx, orgId, patch.code))) {
      throw taken(patch.code);
    }
    const perk = await repo.updatePerk(tx, orgId, id, patch, ctx.clock.now());
    if (!perk) throw notFound('perk');
    if (patch.source !== undefined || patch.sourceRef !== undefined || patch.code !== undefined) {
      await syncPerkGrantsInTx(ctx, tx, orgId, perk);
    }
    return view(perk);
  });
}

export async function removePerk(ctx: AppContext, orgId: string, id: string) {
  const removed = await ctx.db.withOrg(orgId, (tx) => repo.deletePerk(tx, orgId, id));
  if (!removed) throw notFound('perk');
}

export async function getPerk(ctx: AppContext, orgId: string, id: string): Promise<PerkView> {
  return ctx.db.withOrg(orgId, async (tx) => {
    const perk = await repo.findPerk(tx, orgId, id);
    if (!perk) throw notFound('perk');
    const [latest] = await repo.latestAssessments(tx, orgId, [id]);
    return view(perk, latest ? latestOf(latest) : null);
  });
}

const latestOf = (l: Awaited<ReturnType<typeof repo.latestAssessments>>[number]) => ({
  periodFrom: l.periodFrom,
  periodTo: l.periodTo,
  windowDays: l.windowDays,
  verdict: l.verdict,
  computedAt: new Date(l.computedAt),
});

/** A page of perks by code, each with its newest verdict. */
export async function listPerks(ctx: AppContext, orgId: string, page: PageQuery) {
  const position = decodeCursor(page.cursor, ['text', 'uuid']);
  // The cursor holds a perk's code: one that no code could be was not issued here.
  if (position && !/^[a-z0-9_-]{1,60}$/.test(position[0]))
    throw invalid('query.cursor', 'is not a cursor this API issued');
  return ctx.db.withOrg(orgId, async (tx) => {
    const rows = await repo.pagePerks(tx, orgId, page.limit, position);
    const latest = new Map(
      (
        await repo.latestAssessments(
          tx,
          orgId,
          rows.slice(0, page.limit).map((r) => r.id),
        )
      ).map((l) => [l.perkId, l]),
    );
    const items = rows.map((p) => {
      const l = latest.get(p.id);
      return view(p, l ? latestOf(l) : null);
    });
    return pageOf(items, page.limit, (p) => [p.code, p.id]);
  });
}
