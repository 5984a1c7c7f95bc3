import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, SCOPE_PERMISSIONS } from '../src/modules/orgs/domain/permissions';
import {
  declaredMatrix,
  declaredPermissions,
  permissionTable,
  withPermissionTable,
} from '../src/modules/permission-table';

describe('the permission matrix of the manifests', () => {
  it('defines every permission once, and grants what the server grants', () => {
    expect(declaredPermissions().map((g) => g.permission)).toEqual([...PERMISSIONS]);
    const { byRole, byScope } = declaredMatrix();
    for (const [role, granted] of Object.entries(ROLE_PERMISSIONS))
      expect(byRole[role as keyof typeof byRole], role).toEqual(
        [...granted].sort((a, b) => PERMISSIONS.indexOf(a) - PERMISSIONS.indexOf(b)),
      );
    for (const [scope, granted] of Object.entries(SCOPE_PERMISSIONS))
      expect(byScope[scope as keyof typeof byScope], scope).toEqual(
        [...granted].sort((a, b) => PERMISSIONS.indexOf(a) - PERMISSIONS.indexOf(b)),
      );
  });

  it('is the table in the README (`npm run docs` rewrites it)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(withPermissionTable(readme, permissionTable())).toBe(readme);
  });
});
