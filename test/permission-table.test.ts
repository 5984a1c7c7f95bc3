import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES, SCOPES } from '../src/modules/orgs/domain/permissions';
import {
  grantPermissionMatrix,
  permissionsOfRole,
  permissionsOfScopes,
} from '../src/modules/orgs/use-cases/permission-matrix';
import {
  declaredMatrix,
  declaredPermissions,
  permissionTable,
  withPermissionTable,
} from '../src/modules/permission-table';

describe('the permission matrix of the manifests', () => {
  const all = declaredPermissions().map((g) => g.permission);
  const reads = all.filter((p) => p.endsWith(':read'));

  it('defines every permission once', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBe(new Set(all).size);
  });

  it('is what the server grants to each role and each API-key scope', () => {
    const { byRole, byScope } = declaredMatrix();
    grantPermissionMatrix(declaredMatrix());
    for (const role of ROLES) expect([...permissionsOfRole(role)], role).toEqual(byRole[role]);
    for (const scope of SCOPES) expect([...permissionsOfScopes([scope])], scope).toEqual(byScope[scope]);
    expect(permissionsOfRole('nobody').size).toBe(0);
    expect([...permissionsOfScopes(['read', 'write'])].sort()).toEqual([...byScope.write].sort());
  });

  it('gives owners, admins and admin keys everything, every role and key every read, viewers and read keys only reads', () => {
    const { byRole, byScope } = declaredMatrix();
    expect(byRole.owner).toEqual(all);
    expect(byRole.admin).toEqual(all);
    expect(byScope.admin).toEqual(all);
    for (const role of ROLES.filter((r) => r !== 'agent'))
      expect(
        byRole[role].filter((p) => p.endsWith(':read')),
        role,
      ).toEqual(reads);
    for (const scope of SCOPES)
      expect(
        byScope[scope].filter((p) => p.endsWith(':read')),
        scope,
      ).toEqual(reads);
    expect(byRole.viewer).toEqual(reads);
    expect(byScope.read).toEqual(reads);
  });

  it('is the table in the README (`npm run docs` rewrites it)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(withPermissionTable(readme, permissionTable())).toBe(readme);
  });
});
