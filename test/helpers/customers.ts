import { expect } from 'vitest';
import type { TestApp } from './app';

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
