import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The widget's own folder: sources in src/, the built bundles in dist/. */
export const WIDGET_ROOT = fileURLToPath(new URL('../../../../widget/', import.meta.url));
const ENTRIES = { widget: 'widget.ts', page: 'page.ts' } as const;
export type BundleName = keyof typeof ENTRIES;

const newestSource = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);

// The page script shares the question rules with the server.
const SHARED_SOURCES = [fileURLToPath(new URL('../domain/questions.ts', import.meta.url))];

function isStale(out: string) {
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return (
    newestSource(join(WIDGET_ROOT, 'src')) > built || SHARED_SOURCES.some((f) => statSync(f).mtimeMs > built)
  );
}

/**
 * Builds the widget and page scripts with esbuild when missing or older than their sources
 * (at server start and in tests), and returns their code. Written to a temporary file and
 * renamed, so processes building at once never serve half a file. Without esbuild or sources,
 * whatever was built before is served; with nothing built, the pages work without script.
 */
export async function loadBundles(): Promise<Partial<Record<BundleName, string>>> {
  const out: Partial<Record<BundleName, string>> = {};
  const dist = join(WIDGET_ROOT, 'dist');
  for (const [name, entry] of Object.entries(ENTRIES) as [BundleName, string][]) {
    const file = join(dist, `${name}.js`);
    const source = join(WIDGET_ROOT, 'src', entry);
    if (existsSync(source) && isStale(file)) await build(source, file).catch(() => undefined);
    if (existsSync(file)) out[name] = readFileSync(file, 'utf8');
  }
  return out;
}

async function build(entry: string, file: string) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await esbuild({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    legalComments: 'none',
    logLevel: 'silent',
  });
  renameSync(temp, file);
}
