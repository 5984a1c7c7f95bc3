/** Rewrites the README's generated parts (the permission table) from the modules' manifests. */
import { readFileSync, writeFileSync } from 'node:fs';
import { permissionTable, withPermissionTable } from '../src/modules/permission-table';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const next = withPermissionTable(readme, permissionTable());
if (next !== readme) writeFileSync(path, next);
console.log(next === readme ? 'README.md is up to date' : 'README.md: permission table rewritten');
