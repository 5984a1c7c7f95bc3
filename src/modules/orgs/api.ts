/** What other modules may use of organizations: profiles, locale settings, users, principals and the permission matrix. */
export {
  findOrgLocaleSettings,
  findOrgProfile,
  findUserRef,
  findUserRefs,
  listOwners,
  listTeamUsers,
  type OrgLocaleSettings,
  type OrgProfile,
  pageUsersWithRoles,
  type UserRef,
} from './data/repo-refs';

export type { Permission } from './domain/permissions';
export { ZCreateOrgRequestSchema, ZCurrency } from './http/schemas';
export {
  authenticateApiKey,
  authenticateSession,
  type CreatedOrg,
  type CreateOrgInput,
  createOrg,
  type Principal,
} from './use-cases/accounts';
export { issueSetupToken } from './use-cases/first-run';
export { grantPermissionMatrix, type PermissionMatrix } from './use-cases/permission-matrix';
