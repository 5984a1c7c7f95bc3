import { loadConfig } from '../config';
import { FolderInUseError } from '../db/pglite';
import { createOrgThroughServer } from '../local-admin/client';
import { readHandoff } from '../local-admin/handoff';
import { type CreateOrgInput, createOrg } from '../modules/orgs/api';
import { withContext } from './context';

/**
 * `org create`: on the database itself, or — when a server on the embedded database holds its
 * folder — through that server's loopback admin listener (the folder's handoff file says where).
 */
export async function createOrgHereOrThroughServer(input: CreateOrgInput) {
  try {
    return await withContext((ctx) => createOrg(ctx.db, input));
  } catch (err) {
    if (!(err instanceof FolderInUseError)) throw err;
    const handoff = readHandoff(loadConfig().dataDir);
    if (!handoff || handoff.pid !== err.holder) throw err;
    return createOrgThroughServer(handoff, input);
  }
}
