import type { TestApp, TestOrg } from './app';

/**
 * Fills an organization with at least one object of every kind, through its own API.
 * The tenant-isolation test seeds the victim organization with it; every module adds its objects here.
 */
export async function seedOrg(t: TestApp, org: TestOrg) {
  const call = async (method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: org.auth,
      payload: payload as object,
    });
    if (res.statusCode >= 300) throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };
  await call('POST', '/api/v1/users', {
    email: `agent@${org.slug}.example`,
    role: 'agent',
    name: 'Seed Agent',
  });
  await call('POST', '/api/v1/api-keys', { name: `seed-key-${org.slug}`, scopes: ['read'] });
  return { call };
}
