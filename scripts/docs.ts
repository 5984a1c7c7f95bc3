/** Rewrites the generated parts of the docs: the README's permission table and CONTRIBUTING's module map. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { permissionTable, withPermissionTable } from '../src/modules/permission-table';
import { moduleMap, withModuleMap } from './module-map';

const root = fileURLToPath(new URL('..', import.meta.url));
const rewrite = (file: string, make: (text: string) => string, what: string) => {
  const path = new URL(`../${file}`, import.meta.url);
  const text = readFileSync(path, 'utf8');
  const next = make(text);
  if (next !== text) writeFileSync(path, next);
  console.log(next === text ? `${file} is up to date` : `${file}: ${what} rewritten`);
};
rewrite('README.md', (t) => withPermissionTable(t, permissionTable()), 'permission table');
rewrite('CONTRIBUTING.md', (t) => withModuleMap(t, moduleMap(root)), 'module map');
