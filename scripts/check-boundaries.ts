/**
 * The layer and module boundaries of CONTRIBUTING.md ("Boundaries"), checked on every import of `src/`
 * and `web/src/`. Run by `npm run lint`; prints `file:line rule: what` for each violation and exits 1.
 *
 *   npx tsx scripts/check-boundaries.ts [root]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface Import {
  /** Path of the importing file, relative to the root, with `/`. */
  file: string;
  line: number;
  specifier: string;
  /** The imported file relative to the root, when the specifier is relative and resolves to a file. */
  target: string | null;
  /** `import type`, `export type`, or every named binding marked `type`: erased from the JavaScript. */
  typeOnly: boolean;
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
  message: string;
  /** The imported file or package, for an import. */
  target?: string;
}

export interface Exception {
  file: string;
  rule: string;
  /** The import it excuses; none for a rule about the file's code. */
  target?: string;
  why: string;
}

/**
 * Files that wire the modules together and so may import any of their files: the registry and the central
 * lists derived from the manifests (files at the top of src/modules), the app, the CLI and the demo.
 */
const COMPOSITION_ROOTS = [
  /^src\/modules\/[^/]+\.ts$/,
  /^src\/app\.ts$/,
  /^src\/main\.ts$/,
  /^src\/runtime\.ts$/,
  /^src\/cli\//,
  /^src\/demo\//,
];

/** Pure constant modules of the server the dashboard bundles as values (no database, no Node built-ins). */
const WEB_VALUE_IMPORTS = [
  'src/lib/csv.ts',
  'src/lib/humanize.ts',
  'src/modules/cases/domain/model.ts',
  'src/modules/customers/domain/customer-sorts.ts',
  'src/modules/customers/domain/rfm-segments.ts',
  'src/modules/customers/domain/stages.ts',
  'src/modules/feedback/domain/metrics/scales.ts',
  'src/modules/orgs/domain/permissions.ts',
  'src/modules/surveys/domain/check-questions.ts',
  'src/modules/surveys/domain/inbox.ts',
  'src/modules/surveys/domain/questions.ts',
  'src/modules/surveys/domain/templates.ts',
  'src/modules/surveys/messages.ts',
];

/**
 * Known exceptions, each with the reason it stands. An entry that no longer matches a violation is
 * reported, so the list only shrinks.
 */
export const ALLOWED: Exception[] = [];

const DATABASE_PACKAGES =
  /^(drizzle-orm|pg|pg-copy-streams|@electric-sql\/pglite|fastify|@fastify\/.*)(\/|$)/;

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveTarget(root: string, fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(join(root, fromFile)), specifier).replace(/\.js$/, '');
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return toPosix(relative(root, candidate));
  }
  return null;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Every static import, re-export, `import()` and `require()` of one file. */
export function importsOf(root: string, file: string, text: string): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Import[] = [];
  const add = (node: ts.Node, specifier: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(specifier)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const target = resolveTarget(root, file, specifier.text);
    found.push({ file, line, specifier: specifier.text, target, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (!!clause &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier, typeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

interface Place {
  /** The module a file belongs to (`src/modules/<module>/…`). */
  module: string | null;
  /** Its layer folder inside the module: http, use-cases, domain, data; null at the module's top level. */
  layer: string | null;
  /** The path inside the module. */
  rest: string;
}

function placeOf(path: string): Place | null {
  const match = /^src\/modules\/([^/]+)\/(.+)$/.exec(path);
  if (!match) return null;
  const [, module, rest] = match;
  const layer = /^(http|use-cases|domain|data)\//.exec(rest)?.[1] ?? null;
  return { module, layer, rest };
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path) || /(^|\/)test-[^/]*\.ts$/.test(path);

/** The rules, applied to one import. */
export function check(imp: Import): Violation | null {
  const { file, target, specifier } = imp;
  const at = (rule: string, message: string): Violation => ({
    file,
    line: imp.line,
    rule,
    message,
    target: target ?? specifier,
  });
  const from = placeOf(file);
  const to = target ? placeOf(target) : null;

  if (file.startsWith('web/src/')) {
    if (target?.startsWith('src/') && !imp.typeOnly && !WEB_VALUE_IMPORTS.includes(target)) {
      return at('web-type-only', `the dashboard imports the server's ${target} only as types (import type)`);
    }
    return null;
  }
  if (!file.startsWith('src/') || isTest(file)) return null;

  // (e) shared code knows no module.
  if (file.startsWith('src/lib/') && to) {
    return at('lib-no-modules', `src/lib imports nothing from src/modules (${target})`);
  }

  // (a) a module reaches another only through its api.ts; the registry alone assembles the manifests.
  if (to && to.module !== from?.module) {
    if (file === 'src/http/api-types.ts' && imp.typeOnly) return null;
    if (COMPOSITION_ROOTS.some((root) => root.test(file))) return null;
    if (to.rest !== 'api.ts') {
      const who = from ? `module ${from.module}` : file;
      return at('module-api', `${who} imports module ${to.module} only through its api.ts, not ${target}`);
    }
    return null;
  }

  if (!from) return null;

  // (b) routes call use cases; only use cases reach the data layer.
  if (from.layer === 'http' && to?.layer === 'data') {
    return at('http-no-data', `http/ never imports data/ (${target}): call a use case`);
  }

  // (f) routes reach the database only through use cases.
  if (from.layer === 'http' && target?.startsWith('src/db/') && !imp.typeOnly) {
    return at('thin-routes', `http/ imports no database code (${target}): call a use case`);
  }

  // (c) the domain is pure.
  if (from.layer === 'domain') {
    if (to && to.layer !== 'domain' && to.layer !== null) {
      return at('domain-pure', `domain/ imports no ${to.layer}/ file (${target})`);
    }
    if (to && to.rest === 'module.ts') return at('domain-pure', `domain/ imports no manifest (${target})`);
    if (target?.startsWith('src/db/') || target?.startsWith('src/http/') || target?.startsWith('src/jobs/')) {
      return at('domain-pure', `domain/ imports no database, HTTP or job code (${target})`);
    }
    if (DATABASE_PACKAGES.test(specifier) && !imp.typeOnly) {
      return at('domain-pure', `domain/ imports no database or HTTP package (${specifier})`);
    }
  }

  // (d) only the data layer builds queries.
  if (from.layer !== 'data' && /^drizzle-orm(\/|$)/.test(specifier) && !imp.typeOnly) {
    return at(
      'queries-in-data',
      `only data/ files build queries with ${specifier}: move the query to data/repo-*.ts`,
    );
  }
  return null;
}

export interface Report {
  violations: Violation[];
  /** Allow-list entries that match no import any more. */
  stale: Exception[];
}

/**
 * (f) Routes are thin: an http/ file opens no transaction and decodes no database error; a use case does
 * both and throws AppError.
 */
export function checkRouteBodies(file: string, text: string): Violation[] {
  const from = placeOf(file);
  if (from?.layer !== 'http' || isTest(file)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Violation[] = [];
  const at = (node: ts.Node, message: string) =>
    found.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      rule: 'thin-routes',
      message,
    });
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (name === 'withOrg' || name === 'asSystem' || name === 'transaction') {
        at(node, `http/ opens no transaction (${name}): the use case it calls owns one`);
      }
    }
    if (
      ts.isBinaryExpression(node) &&
      ts.isStringLiteralLike(node.right) &&
      /^[0-9A-Z]{2}[0-9]{3}$/.test(node.right.text)
    ) {
      const left = node.left;
      if (ts.isPropertyAccessExpression(left) && left.name.text === 'code') {
        at(node, `http/ decodes no database error code ('${node.right.text}'): the use case throws AppError`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function checkTree(root: string, allowed = ALLOWED): Report {
  const files = [...walk(join(root, 'src'), []), ...walk(join(root, 'web', 'src'), [])].map((f) =>
    toPosix(relative(root, f)),
  );
  const violations: Violation[] = [];
  const used = new Set<Exception>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const found = [...checkRouteBodies(file, text), ...importsOf(root, file, text).map(check)];
    for (const violation of found) {
      if (!violation) continue;
      const exception = allowed.find(
        (a) => a.file === violation.file && a.rule === violation.rule && a.target === violation.target,
      );
      if (exception) used.add(exception);
      else violations.push(violation);
    }
  }
  const stale = allowed.filter((a) => !used.has(a));
  return { violations, stale };
}

const invoked = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invoked) {
  const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..'));
  const { violations, stale } = checkTree(root);
  for (const v of violations) console.error(`${v.file}:${v.line} ${v.rule}: ${v.message}`);
  for (const s of stale) {
    console.error(
      `scripts/check-boundaries.ts: the exception ${s.rule} for ${s.file} ${s.target ?? ''} is gone; remove it`,
    );
  }
  if (violations.length > 0 || stale.length > 0) {
    console.error(
      `${violations.length} boundary violation(s); the rules are in CONTRIBUTING.md ("Boundaries")`,
    );
    process.exit(1);
  }
}
