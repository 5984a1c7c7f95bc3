import type { AppContext } from '../../../http/types';
import { findOrgLocaleSettings } from '../../orgs/api';
import { SCORE_JOB } from './jobs';
import { findLatestFit } from '../data/repo-fits';
import { findSettings, saveSettings } from '../data/repo-settings';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from '../domain/value-settings';

export function getValueSettings(ctx: AppContext, orgId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    return { ...((await findSettings(tx, orgId)) ?? DEFAULT_VALUE_SETTINGS), currency: baseCurrency };
  });
}

/** Replaces the settings; with a fit already made, customers are rescored in the background. */
export function replaceValueSettings(ctx: AppContext, orgId: string, settings: ValueSettings) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await saveSettings(tx, orgId, settings, ctx.clock.now());
    if (await findLatestFit(tx, orgId))
      await ctx.jobs.enqueue({ name: SCORE_JOB, orgId, maxAttempts: 3 }, tx);
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    return { ...settings, currency: baseCurrency };
  });
}
