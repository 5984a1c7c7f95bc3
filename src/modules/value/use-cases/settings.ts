import type { AppContext } from '../../../http/types';
import { findOrgLocaleSettings } from '../../orgs/api';
import { findLatestFit } from '../data/repo-fits';
import { findSettings, saveSettings } from '../data/repo-settings';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from '../domain/value-settings';
import { SCORE_JOB } from './jobs';

export function getValueSettings(ctx: AppContext, orgId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    return { ...((await findSettings(tx, orgId)) ?? DEFAULT_VALUE_SETTINGS), currency: baseCurrency };
  });
}

/** Changes the fields `patch` names; with a fit already made, customers are rescored in the background. */
export function changeValueSettings(ctx: AppContext, orgId: string, patch: Partial<ValueSettings>) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const settings = { ...((await findSettings(tx, orgId)) ?? DEFAULT_VALUE_SETTINGS), ...patch };
    await saveSettings(tx, orgId, settings, ctx.clock.now());
    if (await findLatestFit(tx, orgId)) await ctx.jobs.enqueue(SCORE_JOB, { orgId, maxAttempts: 3 }, tx);
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    return { ...settings, currency: baseCurrency };
  });
}
