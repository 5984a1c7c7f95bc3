import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import type { BusinessCalendar } from '../../../lib/business-time';
import { findOrgProfile, type OrgProfile } from '../../orgs/api';
import { type CaseSettings, findSettings, insertDefaults } from '../data/repo-settings';
import { findSlaPolicyFor } from '../data/repo-sla';
import { toBusinessCalendar } from '../domain/business-calendar';
import { FALLBACK_TIER, type Priority } from '../domain/model';
import { DEFAULT_SLA_TARGETS, type SlaTargets } from '../domain/sla';

export type CaseSetup = { settings: CaseSettings; calendar: BusinessCalendar; org: OrgProfile };

/** The organization's closed-loop settings and calendar, storing the defaults on first use. */
export async function loadCaseSetup(ctx: AppContext, tx: Executor, orgId: string): Promise<CaseSetup> {
  let settings = await findSettings(tx, orgId);
  if (!settings) {
    await insertDefaults(tx, orgId, ctx.clock.now());
    settings = await findSettings(tx, orgId);
  }
  const org = await findOrgProfile(tx, orgId);
  if (!settings || !org) throw new Error('organization vanished while loading case settings');
  return { settings, org, calendar: toBusinessCalendar(settings, org.timeZone) };
}

/** The tier's policy for a priority; an unknown tier falls back to standard, then to the built-in targets. */
export async function findSlaTargets(
  tx: Executor,
  orgId: string,
  tier: string,
  priority: Priority,
): Promise<SlaTargets> {
  const policy =
    (await findSlaPolicyFor(tx, orgId, tier, priority)) ??
    (tier === FALLBACK_TIER ? undefined : await findSlaPolicyFor(tx, orgId, FALLBACK_TIER, priority));
  if (policy) {
    return { firstResponseMinutes: policy.firstResponseMinutes, resolutionMinutes: policy.resolutionMinutes };
  }
  return (DEFAULT_SLA_TARGETS[tier] ?? DEFAULT_SLA_TARGETS[FALLBACK_TIER])[priority];
}
