import { expect } from 'vitest';
import type { AppContext } from '../../src/http/types';
import { createMailer } from '../../src/notify/mailer';
import { createAppContext } from '../../src/runtime';
import { api } from '../helpers/api';
import type { TestApp, TestOrg } from '../helpers/app';

export type Api = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) => Promise<any>;

/** Calls the API as `org`; fails the test on any status other than `expected`, returns the JSON body. */
export function apiOf(t: TestApp, org: TestOrg): Api {
  const as = api(t, org);
  return (method, url, payload) => as.ok(method, url, payload);
}

export type LoopOrg = {
  org: TestOrg;
  api: Api;
  teamId: string;
  managerId: string;
  agents: { id: string; email: string }[];
  managerEmail: string;
};

/**
 * An organization ready for the closed loop: its time zone, a team "care" with a manager and
 * two agents (capacity `capacity` each) that takes new cases, and the given calendar settings.
 */
export async function setUpLoopOrg(
  t: TestApp,
  { timeZone, settings = {}, capacity = 5 }: { timeZone: string; settings?: object; capacity?: number },
): Promise<LoopOrg> {
  const org = await t.createOrg();
  const api = apiOf(t, org);
  await api('PATCH', '/api/v1/org', { timeZone });
  const addUser = async (name: string, role: string, team: string | null) => {
    const user = await api('POST', '/api/v1/users', { email: `${name}@${org.slug}.example`, role, name });
    if (team) await api('PATCH', `/api/v1/users/${user.id}`, { team });
    return { id: user.id as string, email: user.email as string };
  };
  const manager = await addUser('manager', 'manager', null);
  const agents = [await addUser('agent-a', 'agent', 'care'), await addUser('agent-b', 'agent', 'care')];
  const team = await api('POST', '/api/v1/case-teams', {
    name: 'care',
    managerId: manager.id,
    defaultCapacity: capacity,
  });
  await api('PATCH', '/api/v1/case-settings', { defaultTeamId: team.id, ...settings });
  return { org, api, teamId: team.id, managerId: manager.id, agents, managerEmail: manager.email };
}

/**
 * Another process on the same database: its own queue, bus and mailer, every module set up
 * again. What the first process queued, this one finds and runs.
 */
export async function startSecondProcess(t: TestApp, smtpUrl: string): Promise<AppContext> {
  return createAppContext({
    config: t.ctx.config,
    db: t.ctx.db,
    clock: t.clock,
    mailer: createMailer(smtpUrl),
  });
}

/** Rows of a table for one organization, read as the database owner. */
export const rowsOf = <T = Record<string, unknown>>(t: TestApp, sql: string, params: unknown[]) =>
  t.ctx.db.queryOwner<T>(sql, params);

export function expectIso(value: unknown, iso: string) {
  expect(new Date(String(value)).toISOString()).toBe(iso);
}
