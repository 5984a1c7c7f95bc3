/** What a principal may do. Routes name one permission each; the matrix below grants them. */
export const PERMISSIONS = [
  'customers:read',
  'customers:write',
  'surveys:read',
  'surveys:write',
  'cases:read',
  'cases:write',
  'analytics:read',
  'analytics:run',
  'settings:read',
  'settings:write',
  'users:manage',
  'keys:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'admin', 'manager', 'agent', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

const READ: Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));

/** The documented permission matrix (README, "Roles and permissions"). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  manager: [...READ, 'customers:write', 'surveys:write', 'cases:write', 'analytics:run'],
  agent: ['customers:read', 'customers:write', 'surveys:read', 'cases:read', 'cases:write', 'analytics:read'],
  analyst: [...READ, 'surveys:write', 'analytics:run'],
  viewer: READ,
};

/** API keys act within their scopes: read, write (data), admin (everything). */
export const SCOPE_PERMISSIONS: Record<Scope, readonly Permission[]> = {
  read: READ,
  write: [...READ, 'customers:write', 'surveys:write', 'cases:write', 'analytics:run'],
  admin: PERMISSIONS,
};

export function permissionsOfScopes(scopes: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const scope of scopes) for (const p of SCOPE_PERMISSIONS[scope as Scope] ?? []) granted.add(p);
  return granted;
}

export const permissionsOfRole = (role: string) => new Set<Permission>(ROLE_PERMISSIONS[role as Role] ?? []);
