import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTree } from '../scripts/check-boundaries';

const ROOT = join(import.meta.dirname, '..');
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A small tree holding the given files. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const BASE = {
  'src/modules/a/api.ts': 'export const a = 1;\n',
  'src/modules/a/data/repo-a.ts': "import { eq } from 'drizzle-orm';\nexport const find = eq;\n",
  'src/modules/a/domain/model.ts': 'export type A = { id: string };\n',
  'src/modules/b/use-cases/do-b.ts': "import { a } from '../../a/api';\nexport const b = a;\n",
};

const rulesOf = (files: Record<string, string>) =>
  checkTree(tree({ ...BASE, ...files }), []).violations.map((v) => `${v.file}:${v.line} ${v.rule}`);

describe('boundary check', () => {
  it('passes the real tree, and every exception it allows still occurs', () => {
    const { violations, stale } = checkTree(ROOT);
    expect(violations).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('passes a tree that keeps the rules', () => {
    expect(rulesOf({})).toEqual([]);
  });

  it('fails a planted cross-module import, through the command npm run lint runs', () => {
    const root = tree({
      ...BASE,
      'src/modules/b/use-cases/sneak.ts':
        "\nimport { find } from '../../a/data/repo-a';\nexport const s = find;\n",
    });
    let output = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', join(ROOT, 'scripts/check-boundaries.ts'), root], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      const failure = err as { status: number; stderr: string };
      status = failure.status;
      output = failure.stderr;
    }
    expect(status).toBe(1);
    expect(output).toContain('src/modules/b/use-cases/sneak.ts:2 module-api');
  });

  it('finds each kind of violation with its line', () => {
    expect(
      rulesOf({
        'src/modules/b/use-cases/x.ts':
          "import type { A } from '../../a/domain/model';\nexport type X = A;\n",
        'src/modules/b/module.ts':
          "export { a } from '../a/api';\nexport { find } from '../a/data/repo-a.js';\n",
        'src/modules/a/http/routes.ts': [
          "import { find } from '../data/repo-a';",
          "import { withRetry } from '../../../db/retry';",
          'export const r = (ctx: any, e: any) => ctx.db.withOrg("o", () => e.code === "23505" && find);',
        ].join('\n'),
        'src/db/retry.ts': 'export const withRetry = 1;\n',
        'src/modules/a/domain/rule.ts': [
          "import type { find } from '../data/repo-a';",
          "import { sql } from 'drizzle-orm';",
          "const load = () => import('../use-cases/u');",
          'export { load, sql };',
        ].join('\n'),
        'src/modules/a/use-cases/u.ts':
          "import { sql } from 'drizzle-orm';\nimport type { SQL } from 'drizzle-orm';\n",
        'src/lib/util.ts': "import type { A } from '../modules/a/domain/model';\n",
      }).sort(),
    ).toEqual(
      [
        'src/modules/b/use-cases/x.ts:1 module-api',
        'src/modules/b/module.ts:2 module-api',
        'src/modules/a/http/routes.ts:1 http-no-data',
        'src/modules/a/http/routes.ts:2 thin-routes',
        'src/modules/a/http/routes.ts:3 thin-routes',
        'src/modules/a/http/routes.ts:3 thin-routes',
        'src/modules/a/domain/rule.ts:1 domain-pure',
        'src/modules/a/domain/rule.ts:2 domain-pure',
        'src/modules/a/domain/rule.ts:3 domain-pure',
        'src/modules/a/use-cases/u.ts:1 queries-in-data',
        'src/lib/util.ts:1 lib-no-modules',
      ].sort(),
    );
  });

  it('lets the registry, composition roots and tests import any module file', () => {
    expect(
      rulesOf({
        'src/modules/registry.ts': "import { m } from './a/module';\n",
        'src/modules/a/module.ts': 'export const m = 1;\n',
        'src/cli/a-commands.ts': "import { find } from '../modules/a/data/repo-a';\n",
        'src/http/api-types.ts': "import type { A } from '../modules/a/domain/model';\n",
        'src/modules/b/use-cases/do-b.test.ts': "import { find } from '../../a/data/repo-a';\n",
      }),
    ).toEqual([]);
  });

  it('keeps the dashboard to type imports of the server but its listed constants', () => {
    expect(
      rulesOf({
        'src/modules/orgs/domain/permissions.ts': 'export const ROLES = [];\n',
        'web/src/lib/domain.ts': "export { ROLES } from '../../../src/modules/orgs/domain/permissions';\n",
        'web/src/pages/a.tsx': [
          "import type { A } from '../../../src/modules/a/domain/model';",
          "import { a } from '../../../src/modules/a/api';",
        ].join('\n'),
      }),
    ).toEqual(['web/src/pages/a.tsx:2 web-type-only']);
  });

  it('reports an exception that no longer occurs', () => {
    const root = tree(BASE);
    const exception = {
      file: 'src/modules/b/use-cases/do-b.ts',
      rule: 'module-api',
      target: 'x',
      why: 'gone',
    };
    expect(checkTree(root, [exception]).stale).toEqual([exception]);
  });
});
