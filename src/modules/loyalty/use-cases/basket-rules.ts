/**
 * Basket rules of an organization: its thresholds, mining on request and every week, and the
 * stored rules as a list. Mining reads purchases' items through a cursor (memory grows with the
 * distinct baskets' items as typed arrays, not with rows), mines in memory, and replaces the rules.
 */
import { z } from 'zod';
import { decodeCursor, encodeCursor, type PageQuery, pageByCreation } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { defineFanOutJob, defineJob } from '../../../jobs/queue';
import { invalid } from '../../../lib/errors';
import { listOrgsWithPurchases, readPurchaseBaskets } from '../../customers/api';
import * as repo from '../data/repo-basket-rules';
import { BasketBuilder, ItemDictionary, mineAssociationRules } from '../domain/association-rules';
import { type BasketSettings, DEFAULT_BASKET_SETTINGS, MAX_STORED_RULES } from '../domain/basket-settings';

export type { BasketRun, StoredBasketRule } from '../data/repo-basket-rules';
export type { BasketSettings } from '../domain/basket-settings';

const DAY_MS = 86_400_000;

/** The organization's thresholds (the defaults until changed). */
export async function getBasketSettings(ctx: AppContext, orgId: string): Promise<BasketSettings> {
  return ctx.db.withOrg(orgId, async (tx) => settingsOf(await repo.findBasketSettings(tx, orgId)));
}

const settingsOf = (row: repo.BasketSettingsRow | undefined): BasketSettings => {
  if (!row) return { ...DEFAULT_BASKET_SETTINGS };
  const { updatedAt: _u, ...settings } = row;
  return settings;
};

/** Changes some thresholds; the next mining uses them. */
export async function changeBasketSettings(
  ctx: AppContext,
  orgId: string,
  patch: Partial<BasketSettings>,
): Promise<BasketSettings> {
  return ctx.db.withOrg(orgId, async (tx) => {
    const next = { ...settingsOf(await repo.findBasketSettings(tx, orgId)), ...patch };
    await repo.saveBasketSettings(tx, orgId, { ...next, updatedAt: ctx.clock.now() });
    return next;
  });
}

/** Mines the organization's rules (a run asked for, or the weekly one). */
export const MINE_BASKET_RULES_JOB = defineJob({
  name: 'loyalty.basket-rules.mine',
  scope: 'org',
  payload: z.object({ runId: z.uuid().optional() }),
  handle: (ctx, payload, job) => mineBasketRules(ctx, job.orgId, payload.runId),
});

/** Every organization with purchases mines its rules again (weekly). */
export const MINE_ALL_BASKET_RULES_JOB = defineFanOutJob(
  'loyalty.basket-rules.mine-all',
  listOrgsWithPurchases,
  MINE_BASKET_RULES_JOB,
  { maxAttempts: 2 },
);

/** A run, queued with its job in one transaction; the job's id is followed at /api/v1/jobs/{id}. */
export async function requestMining(ctx: AppContext, orgId: string, userId: string | undefined) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const settings = settingsOf(await repo.findBasketSettings(tx, orgId));
    const now = ctx.clock.now();
    const runId = await repo.insertRun(tx, orgId, {
      status: 'queued',
      trigger: 'request',
      requestedBy: userId ?? null,
      minSupport: settings.minSupport,
      minConfidence: settings.minConfidence,
      maxLength: settings.maxLength,
      since: new Date(now.getTime() - settings.windowDays * DAY_MS),
      createdAt: now,
    });
    const jobId = await ctx.jobs.enqueue(
      MINE_BASKET_RULES_JOB,
      { orgId, payload: { runId }, maxAttempts: 2 },
      tx,
    );
    return { runId, jobId: jobId as number };
  });
}

/**
 * The mining itself: purchases of the window read in batches into typed arrays, rules mined,
 * the best `MAX_STORED_RULES` by lift bound stored in place of the previous ones.
 */
export async function mineBasketRules(ctx: AppContext, orgId: string, runId?: string) {
  const now = ctx.clock.now();
  const run = await ctx.db.withOrg(orgId, async (tx) => {
    const settings = settingsOf(await repo.findBasketSettings(tx, orgId));
    const existing = runId ? await repo.findRun(tx, orgId, runId) : undefined;
    if (existing && existing.status !== 'queued' && existing.status !== 'running') return undefined;
    const id =
      existing?.id ??
      (await repo.insertRun(tx, orgId, {
        status: 'running',
        trigger: 'schedule',
        requestedBy: null,
        minSupport: settings.minSupport,
        minConfidence: settings.minConfidence,
        maxLength: settings.maxLength,
        since: new Date(now.getTime() - settings.windowDays * DAY_MS),
        createdAt: now,
      }));
    await repo.updateRun(tx, orgId, id, { status: 'running', startedAt: now });
    return existing ?? (await repo.findRun(tx, orgId, id));
  });
  if (!run) return;
  try {
    const dictionary = new ItemDictionary();
    const names: string[] = [];
    const builder = new BasketBuilder();
    await ctx.db.withOrg(orgId, async (tx) => {
      for await (const batch of readPurchaseBaskets(tx, orgId, { since: run.since, before: now })) {
        for (const basket of batch) {
          for (let i = 0; i < basket.codes.length; i++) {
            const id = dictionary.idOf(basket.codes[i]);
            if (names[id] === undefined || (!names[id] && basket.names[i])) names[id] = basket.names[i] ?? '';
            builder.add(id);
          }
          builder.close();
        }
      }
    });
    const lineItems = builder.lineItems;
    const mined = mineAssociationRules(builder.build(), {
      minSupport: run.minSupport,
      minConfidence: run.minConfidence,
      maxLength: run.maxLength,
    });
    const nameOf = (id: number) => names[id] || dictionary.codes[id];
    const rules = mined.rules.slice(0, MAX_STORED_RULES).map((r) => {
      const antecedent = r.antecedent.map((id) => dictionary.codes[id]);
      const order = antecedent.map((_, i) => i).sort((a, b) => (antecedent[a] < antecedent[b] ? -1 : 1));
      return {
        antecedent: order.map((i) => antecedent[i]),
        antecedentNames: order.map((i) => nameOf(r.antecedent[i])),
        consequent: dictionary.codes[r.consequent],
        consequentName: nameOf(r.consequent),
        count: r.count,
        antecedentCount: r.antecedentCount,
        consequentCount: r.consequentCount,
        baskets: r.baskets,
        support: r.support,
        confidence: r.confidence,
        lift: r.lift,
        liftLower: r.liftLower,
      };
    });
    await ctx.db.withOrg(orgId, async (tx) => {
      await repo.replaceRules(tx, orgId, run.id, rules, now);
      await repo.updateRun(tx, orgId, run.id, {
        status: 'done',
        baskets: mined.baskets,
        lineItems,
        items: mined.items,
        rules: rules.length,
        finishedAt: ctx.clock.now(),
      });
    });
  } catch (err) {
    await ctx.db.withOrg(orgId, (tx) =>
      repo.updateRun(tx, orgId, run.id, {
        status: 'failed',
        error: err instanceof Error ? err.message.slice(0, 500) : 'failed',
        finishedAt: ctx.clock.now(),
      }),
    );
    throw err;
  }
}

/** The stored rules, best lift bound first; `item` keeps those naming it on either side. */
export async function listBasketRules(ctx: AppContext, orgId: string, q: PageQuery & { item?: string }) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const cursor = decodeCursor(q.cursor, ['uuid']);
    const position = cursor ? await repo.rulePosition(tx, orgId, cursor[0]) : undefined;
    // A cursor naming a rule that a newer mining replaced cannot continue the list.
    if (cursor && !position) throw invalid('query.cursor', 'names a rule that no longer exists');
    const rows = await repo.pageRules(tx, orgId, { limit: q.limit, item: q.item, position });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
  });
}

/** Mining runs, newest first. */
export async function listBasketRuns(ctx: AppContext, orgId: string, page: PageQuery) {
  return ctx.db.withOrg(orgId, (tx) =>
    pageByCreation(page, (limit, position) => repo.pageRuns(tx, orgId, limit, position)),
  );
}
