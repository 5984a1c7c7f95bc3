export {
  findOrgLocaleSettings,
  findOrgProfile,
  findUserRef,
  listOwners,
  listTeamUsers,
  type OrgLocaleSettings,
  type OrgProfile,
  type UserRef,
} from './data/repo-refs';

export type { Permission } from './domain/permissions';
export { ZCurrency } from './http/schemas';
export { authenticateApiKey, authenticateSession, type Principal } from './use-cases/accounts';
export { grantPermissionMatrix, type PermissionMatrix } from './use-cases/permission-matrix';
