import { ROLES, type Role, SCOPES, type Scope } from './orgs/domain/permissions';
import { MODULES, type Module, type Permission, type PermissionGrant } from './registry';

/** Every permission the modules define, in the order of the modules; each is defined by one module. */
export function declaredPermissions(modules: readonly Module[] = MODULES): PermissionGrant[] {
  return modules.flatMap((m) => m.permissions ?? []);
}

/** The matrix the manifests declare: what each role, and each API-key scope, is granted (the server's, too). */
export function declaredMatrix(modules: readonly Module[] = MODULES) {
  const grants = declaredPermissions(modules);
  const byRole = Object.fromEntries(
    ROLES.map((role) => [role, grants.filter((g) => g.roles.includes(role)).map((g) => g.permission)]),
  ) as Record<Role, Permission[]>;
  const byScope = Object.fromEntries(
    SCOPES.map((scope) => [scope, grants.filter((g) => g.scopes.includes(scope)).map((g) => g.permission)]),
  ) as Record<Scope, Permission[]>;
  return { byRole, byScope };
}

/** The README's "Roles and permissions" table, made from the manifests. */
export function permissionTable(modules: readonly Module[] = MODULES): string {
  const head = ['permission', ...ROLES, ...SCOPES.map((s) => `key \`${s}\``)];
  const rows = declaredPermissions(modules).map((g) => [
    g.permission,
    ...ROLES.map((r) => (g.roles.includes(r) ? '✓' : '')),
    ...SCOPES.map((s) => (g.scopes.includes(s) ? '✓' : '')),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), `|${head.map(() => '---|').join('')}`, ...rows.map(line)].join('\n');
}

const TABLE = /\| permission \|[^\n]*\n(\|[^\n]*\n?)*/;

/** `readme` with its permission table replaced by `table`. */
export function withPermissionTable(readme: string, table: string): string {
  if (!TABLE.test(readme)) throw new Error('README: no permission table found');
  return readme.replace(TABLE, (found) => `${table}${found.endsWith('\n') ? '\n' : ''}`);
}
