import type { Permission, Role, Scope } from '../domain/permissions';

/** What each role, and each API-key scope, is granted: made from the modules' manifests. */
export type PermissionMatrix = {
  byRole: Record<Role, readonly Permission[]>;
  byScope: Record<Scope, readonly Permission[]>;
};

let matrix: PermissionMatrix | undefined;

/**
 * Hands over the matrix the manifests declare. The context's assembly (`createAppContext`) does it
 * before any module starts: the orgs module knows no other module, so it is told what they grant.
 */
export function grantPermissionMatrix(declared: PermissionMatrix) {
  matrix = declared;
}

function current(): PermissionMatrix {
  if (!matrix) throw new Error('the permission matrix is read before the modules were assembled');
  return matrix;
}

/** What a user of `role` may do. */
export const permissionsOfRole = (role: string) => new Set<Permission>(current().byRole[role as Role] ?? []);

/** What an API key of these scopes may do: read, write (data), admin (everything). */
export function permissionsOfScopes(scopes: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const scope of scopes) for (const p of current().byScope[scope as Scope] ?? []) granted.add(p);
  return granted;
}
