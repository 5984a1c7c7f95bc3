import { writeGrant } from '../../grants';

/** Who may change cases: owners, admins, managers and agents. */
export const CASE_WRITE_GRANT = writeGrant('cases:write', ['manager', 'agent']);

/** The roles a case may be assigned to: those who may work on it. */
export const CASE_HANDLING_ROLES = CASE_WRITE_GRANT.roles;
