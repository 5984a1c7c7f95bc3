/**
 * The loyalty program's settings (`/api/v1/settings/loyalty`): whether it runs, when points
 * expire, what a refund of spent points does; and its earn rules.
 */

import { type PageQuery, pageByCreation } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, invalid, notFound } from '../../../lib/errors';
import * as rules from '../data/repo-earn-rules';
import { type Program, readProgram, storeProgram } from '../data/repo-ledger';
import type { EarnRuleKind } from '../domain/ledger-model';

export type { StoredEarnRule } from '../data/repo-earn-rules';
export type { Program } from '../data/repo-ledger';

/** How points are rounded: the exact figure of an event, rounded down to a whole point once. */
export const ROUNDING = 'down_per_event' as const;

export async function readProgramSettings(ctx: AppContext, orgId: string) {
  const program = await ctx.db.withOrg(orgId, (tx) => readProgram(tx, orgId));
  return { ...program, rounding: ROUNDING };
}

export async function changeProgramSettings(ctx: AppContext, orgId: string, patch: Partial<Program>) {
  const program = await ctx.db.withOrg(orgId, async (tx) => {
    const next = { ...(await readProgram(tx, orgId)), ...patch };
    if (next.expiry === 'days_after_earning' && !next.expiryDays) {
      throw invalid('body.expiryDays', 'is required when points expire a number of days after earning');
    }
    if (next.expiry !== 'days_after_earning') next.expiryDays = null;
    await storeProgram(tx, orgId, next, ctx.clock.now());
    return next;
  });
  return { ...program, rounding: ROUNDING };
}

/** The fields an earn rule of each kind needs (the others are cleared). */
const NEEDS: Record<EarnRuleKind, (keyof rules.EarnRuleFields)[]> = {
  amount: ['pointsPerUnit'],
  category: ['match'],
  item: ['match'],
  referral: ['points'],
  tier_multiplier: ['tierCode', 'multiplier'],
  campaign: ['validFrom', 'validTo'],
};
const ALLOWED: Record<EarnRuleKind, (keyof rules.EarnRuleFields)[]> = {
  amount: ['pointsPerUnit'],
  category: ['match', 'pointsPerUnit', 'pointsPerItem'],
  item: ['match', 'pointsPerUnit', 'pointsPerItem'],
  referral: ['points'],
  tier_multiplier: ['tierCode', 'multiplier'],
  campaign: ['multiplier', 'points'],
};
const OPTIONAL_FIELDS: (keyof rules.EarnRuleFields)[] = [
  'pointsPerUnit',
  'pointsPerItem',
  'points',
  'multiplier',
  'match',
  'tierCode',
];

/** A rule as stored: checked for its kind, the fields of other kinds cleared. */
function checked(rule: rules.EarnRuleFields): rules.EarnRuleFields {
  for (const f of NEEDS[rule.kind]) {
    if (rule[f] === null || rule[f] === undefined)
      throw invalid(`body.${f}`, `is required for a ${rule.kind} rule`);
  }
  if ((rule.kind === 'category' || rule.kind === 'item') && !rule.pointsPerUnit && !rule.pointsPerItem) {
    throw invalid('body.pointsPerUnit', `a ${rule.kind} rule needs pointsPerUnit or pointsPerItem`);
  }
  if (rule.kind === 'campaign' && !rule.points && !(rule.multiplier && rule.multiplier !== 1)) {
    throw invalid('body.multiplier', 'a campaign needs a multiplier or bonus points');
  }
  if (rule.validFrom && rule.validTo && rule.validFrom.getTime() >= rule.validTo.getTime()) {
    throw invalid('body.validTo', 'must be after validFrom');
  }
  const out = { ...rule };
  for (const f of OPTIONAL_FIELDS) {
    if (!ALLOWED[rule.kind].includes(f)) (out as Record<string, unknown>)[f] = null;
  }
  return out;
}

export type EarnRuleInput = Partial<rules.EarnRuleFields> & Pick<rules.EarnRuleFields, 'name' | 'kind'>;

const blank: Omit<rules.EarnRuleFields, 'name' | 'kind'> = {
  active: true,
  pointsPerUnit: null,
  pointsPerItem: null,
  points: null,
  multiplier: null,
  match: null,
  tierCode: null,
  validFrom: null,
  validTo: null,
};

export const listEarnRules = (ctx: AppContext, orgId: string, page: PageQuery) =>
  ctx.db.withOrg(orgId, (tx) =>
    pageByCreation(page, (limit, pos) => rules.pageEarnRules(tx, orgId, limit, pos)),
  );

export const createEarnRule = (ctx: AppContext, orgId: string, input: EarnRuleInput) =>
  ctx.db.withOrg(orgId, (tx) =>
    rules.insertEarnRule(tx, orgId, checked({ ...blank, ...input }), ctx.clock.now()),
  );

export const getEarnRule = async (ctx: AppContext, orgId: string, id: string) => {
  const rule = await ctx.db.withOrg(orgId, (tx) => rules.findEarnRule(tx, orgId, id));
  if (!rule) throw notFound('earn rule');
  return rule;
};

export const changeEarnRule = (
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: Partial<rules.EarnRuleFields>,
) =>
  ctx.db.withOrg(orgId, async (tx) => {
    const rule = await rules.findEarnRule(tx, orgId, id);
    if (!rule) throw notFound('earn rule');
    if (patch.kind && patch.kind !== rule.kind)
      throw new AppError('validation', 'body.kind: a rule keeps its kind', [
        { field: 'body.kind', message: 'a rule keeps its kind' },
      ]);
    const { orgId: _o, id: _i, createdAt: _c, updatedAt: _u, ...fields } = rule;
    const next = checked({ ...fields, ...patch });
    return (await rules.updateEarnRule(tx, orgId, id, next, ctx.clock.now())) as rules.StoredEarnRule;
  });

export const removeEarnRule = (ctx: AppContext, orgId: string, id: string) =>
  ctx.db.withOrg(orgId, async (tx) => {
    if (!(await rules.deleteEarnRule(tx, orgId, id))) throw notFound('earn rule');
  });
