import { ROLES, type Role, SCOPES } from './orgs/domain/permissions';
import type { Permission, PermissionGrant } from './registry';

/** A permission to read: every role and every API-key scope has it. */
export const readGrant = (permission: Permission): PermissionGrant => ({
  permission,
  roles: ROLES,
  scopes: SCOPES,
});

/** A permission to change data: owners, admins and the roles named, and keys of scope write or admin. */
export const writeGrant = (permission: Permission, roles: Role[]): PermissionGrant => ({
  permission,
  roles: ['owner', 'admin', ...roles],
  scopes: ['write', 'admin'],
});

/** A permission to administer: owners, admins and keys of scope admin. */
export const adminGrant = (permission: Permission): PermissionGrant => ({
  permission,
  roles: ['owner', 'admin'],
  scopes: ['admin'],
});
