/** What a principal may do: each module defines its own permissions beside their grants (its manifest). */
export type { Permission } from '../../registry';

export const ROLES = ['owner', 'admin', 'manager', 'agent', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
