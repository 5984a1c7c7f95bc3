import type { z } from 'zod';
import type { Executor } from '../../../db/database';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { findUserRef } from '../../orgs/api';
import { findLocationNames } from '../../people/api';
import { missingSurveys } from '../../surveys/api';
import * as rules from '../data/repo-settings';
import * as sla from '../data/repo-sla';
import * as teams from '../data/repo-teams';
import type { Priority } from '../domain/model';
import type * as S from '../http/schemas';
import { conditionProblem } from '../http/schemas';
import { retimeOpenCases } from './retime-open-cases';
import { loadCaseSetup } from './setup';

// Settings, rules, SLA policies and teams of the closed loop: validated references, then the repo.

async function checkTeam(tx: Executor, orgId: string, teamId: string | null | undefined, field: string) {
  if (teamId && !(await teams.findTeam(tx, orgId, teamId)))
    throw invalid(field, 'is not a team of this organization');
}

async function checkSurveys(tx: Executor, orgId: string, surveyIds: readonly string[] | undefined) {
  const missing = await missingSurveys(tx, orgId, surveyIds ?? []);
  if (missing.length) {
    const i = surveyIds!.indexOf(missing[0]);
    throw invalid(`body.conditions.surveyIds.${i}`, 'is not a survey of this organization');
  }
}

async function checkLocations(tx: Executor, orgId: string, locationIds: readonly string[] | undefined) {
  if (!locationIds?.length) return;
  const known = await findLocationNames(tx, orgId, locationIds);
  const i = locationIds.findIndex((id) => !known.has(id));
  if (i >= 0) throw invalid(`body.conditions.locations.${i}`, 'is not a location of this organization');
}

async function checkUser(tx: Executor, orgId: string, userId: string | null | undefined, field: string) {
  if (userId && !(await findUserRef(tx, orgId, userId)))
    throw invalid(field, 'is not a user of this organization');
}

export async function readSettings(ctx: AppContext, orgId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { settings } = await loadCaseSetup(ctx, tx, orgId);
    const { updatedAt: _updatedAt, ...rest } = settings;
    return rest;
  });
}

export async function changeSettings(
  ctx: AppContext,
  orgId: string,
  patch: z.infer<typeof S.ZUpdateCaseSettingsRequestSchema>,
) {
  await ctx.db.withOrg(orgId, async (tx) => {
    await loadCaseSetup(ctx, tx, orgId);
    await checkTeam(tx, orgId, patch.defaultTeamId, 'body.defaultTeamId');
    await rules.updateSettings(tx, orgId, { ...patch, updatedAt: ctx.clock.now() });
    const calendarChanged = ['workingHours', 'holidays', 'timeZone'].some((k) => k in patch);
    if (calendarChanged) await retimeOpenCases(ctx, tx, orgId, { reason: 'business_hours' });
  });
  return readSettings(ctx, orgId);
}

/** A page of the rules in the order they are tried. */
export async function listRules(ctx: AppContext, orgId: string, page: PageQuery) {
  const p = decodeCursor(page.cursor, ['integer', 'instant', 'uuid']);
  const rows = await ctx.db.withOrg(orgId, async (tx) => {
    await loadCaseSetup(ctx, tx, orgId);
    return rules.pageRules(tx, orgId, page.limit, p);
  });
  return pageOf(rows, page.limit, (r) => [r.position, r.createdAt.toISOString(), r.id]);
}

export async function createRule(
  ctx: AppContext,
  orgId: string,
  input: z.infer<typeof S.ZCreateRuleRequestSchema>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await loadCaseSetup(ctx, tx, orgId);
    await checkTeam(tx, orgId, input.teamId, 'body.teamId');
    await checkSurveys(tx, orgId, input.conditions.surveyIds);
    await checkLocations(tx, orgId, input.conditions.locations);
    const id = await rules.insertRule(tx, orgId, input, ctx.clock.now());
    return (await rules.findRule(tx, orgId, id))!;
  });
}

export async function changeRule(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: z.infer<typeof S.ZUpdateRuleRequestSchema>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const rule = await rules.findRule(tx, orgId, id);
    if (!rule) throw notFound('rule');
    await checkTeam(tx, orgId, patch.teamId, 'body.teamId');
    await checkSurveys(tx, orgId, patch.conditions?.surveyIds);
    await checkLocations(tx, orgId, patch.conditions?.locations);
    if (patch.conditions) {
      const problem = conditionProblem(rule.trigger, patch.conditions);
      if (problem) throw invalid('body.conditions', problem);
    }
    await rules.updateRule(tx, orgId, id, patch);
    return (await rules.findRule(tx, orgId, id))!;
  });
}

export async function removeRule(ctx: AppContext, orgId: string, id: string) {
  const done = await ctx.db.withOrg(orgId, (tx) => rules.deleteRule(tx, orgId, id));
  if (!done) throw notFound('rule');
}

/** A page of the SLA policies, by tier and priority. */
export async function listSlaPolicies(ctx: AppContext, orgId: string, page: PageQuery) {
  const position = decodeCursor(page.cursor, ['text', 'text', 'uuid']);
  const rows = await ctx.db.withOrg(orgId, async (tx) => {
    await loadCaseSetup(ctx, tx, orgId);
    return sla.pageSlaPolicies(tx, orgId, page.limit, position);
  });
  return pageOf(rows, page.limit, (r) => [r.tier, r.priority, r.id]);
}

export async function createSlaPolicy(ctx: AppContext, orgId: string, input: sla.SlaPolicyInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await loadCaseSetup(ctx, tx, orgId);
    const id = await sla.insertSlaPolicy(tx, orgId, input, ctx.clock.now());
    if (!id) throw new AppError('conflict', `tier: ${input.tier} already has a ${input.priority} policy`);
    await retimeOpenCases(ctx, tx, orgId, { reason: 'sla_policy', priority: input.priority as Priority });
    return (await sla.findSlaPolicy(tx, orgId, id))!;
  });
}

export async function changeSlaPolicy(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: { firstResponseMinutes?: number; resolutionMinutes?: number },
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const policy = await sla.findSlaPolicy(tx, orgId, id);
    if (!policy) throw notFound('SLA policy');
    const merged = { ...policy, ...patch };
    if (merged.resolutionMinutes < merged.firstResponseMinutes) {
      throw invalid('body.resolutionMinutes', 'must not be shorter than firstResponseMinutes');
    }
    await sla.updateSlaPolicy(tx, orgId, id, patch, ctx.clock.now());
    await retimeOpenCases(ctx, tx, orgId, { reason: 'sla_policy', priority: policy.priority as Priority });
    return (await sla.findSlaPolicy(tx, orgId, id))!;
  });
}

export async function removeSlaPolicy(ctx: AppContext, orgId: string, id: string) {
  await ctx.db.withOrg(orgId, async (tx) => {
    const policy = await sla.findSlaPolicy(tx, orgId, id);
    if (!policy || !(await sla.deleteSlaPolicy(tx, orgId, id))) throw notFound('SLA policy');
    await retimeOpenCases(ctx, tx, orgId, { reason: 'sla_policy', priority: policy.priority as Priority });
  });
}

/** A page of the teams, by name. */
export async function listTeams(ctx: AppContext, orgId: string, page: PageQuery) {
  // The cursor names the last team shown; the page goes on after its (name, id).
  const [lastId] = decodeCursor(page.cursor, ['uuid']) ?? [];
  const rows = await ctx.db.withOrg(orgId, async (tx) => {
    const last = lastId ? await teams.findTeam(tx, orgId, lastId) : undefined;
    if (lastId && !last) throw invalid('query.cursor', 'names a team that is not there any more');
    return teams.pageTeams(tx, orgId, page.limit, last && [last.name, last.id]);
  });
  return pageOf(rows, page.limit, (r) => [r.id]);
}

export async function createTeam(ctx: AppContext, orgId: string, input: teams.TeamInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await checkUser(tx, orgId, input.managerId, 'body.managerId');
    for (const userId of Object.keys(input.memberCapacity))
      await checkUser(tx, orgId, userId, `body.memberCapacity.${userId}`);
    const id = await teams.insertTeam(tx, orgId, input, ctx.clock.now());
    if (!id) throw new AppError('conflict', `name: a team named "${input.name}" already exists`);
    return (await teams.findTeam(tx, orgId, id))!;
  });
}

export async function changeTeam(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: Partial<teams.TeamInput>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    if (!(await teams.findTeam(tx, orgId, id))) throw notFound('team');
    await checkUser(tx, orgId, patch.managerId, 'body.managerId');
    for (const userId of Object.keys(patch.memberCapacity ?? {})) {
      await checkUser(tx, orgId, userId, `body.memberCapacity.${userId}`);
    }
    if (patch.name) {
      const clash = (await teams.listTeams(tx, orgId)).find((t) => t.name === patch.name && t.id !== id);
      if (clash) throw new AppError('conflict', `name: a team named "${patch.name}" already exists`);
    }
    await teams.updateTeam(tx, orgId, id, patch);
    return (await teams.findTeam(tx, orgId, id))!;
  });
}

export async function removeTeam(ctx: AppContext, orgId: string, id: string) {
  await ctx.db.withOrg(orgId, async (tx) => {
    if (!(await teams.deleteTeam(tx, orgId, id))) throw notFound('team');
    const settings = await rules.findSettings(tx, orgId);
    if (settings?.defaultTeamId === id) await rules.updateSettings(tx, orgId, { defaultTeamId: null });
  });
}
