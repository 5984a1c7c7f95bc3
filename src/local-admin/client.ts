import { AppError } from '../lib/errors';
import type { CreatedOrg, CreateOrgInput } from '../modules/orgs/api';
import { type Handoff, LOCAL_ORGS_PATH } from './handoff';

const TIMEOUT_MS = 30_000;

/** Creates an organization through the running server that holds the data folder. */
export async function createOrgThroughServer(handoff: Handoff, input: CreateOrgInput): Promise<CreatedOrg> {
  let res: Response;
  try {
    res = await fetch(`${handoff.url}${LOCAL_ORGS_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${handoff.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new AppError(
      'unavailable',
      `the server holding the data folder (process ${handoff.pid}) does not answer`,
    );
  }
  const body = (await res.json().catch(() => ({}))) as { detail?: string };
  if (!res.ok)
    throw new AppError(res.status === 409 ? 'conflict' : 'bad_request', body.detail ?? `HTTP ${res.status}`);
  return body as CreatedOrg;
}
