import { expect } from 'vitest';
import type { TestApp, TestOrg } from './app';

/**
 * Raw answers of the app as `org`.
 * @deprecated Call the API with `api(t, org)` of `./api`; kept only until the last tests using it move over.
 */
export function apiAs(t: TestApp, org: TestOrg) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers = {}) =>
    t.app.inject({ method, url, headers: { ...org.auth, ...headers }, payload: payload as object });
}

/** The body of a problem+json answer (of `api()` or of a raw inject), checked for its shape. */
export function problemOf(
  res: ({ status: number } | { statusCode: number }) & { headers: Record<string, unknown>; json: () => any },
) {
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = res.json();
  expect(body.status).toBe('status' in res ? res.status : res.statusCode);
  return body as { detail: string; errors?: { field: string; message: string }[] };
}

const DAY_MS = 86_400_000;

/** The instant `days` days before the test clock's now (fractions allowed). */
export const daysAgo = (t: TestApp, days: number) =>
  new Date(t.clock.now().getTime() - days * DAY_MS).toISOString();
