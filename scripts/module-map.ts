/**
 * The map of every module for CONTRIBUTING.md: each module's files by layer, each with the first
 * sentence of its first doc comment. Written by `npm run docs`; a test fails when it is stale.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const LAYERS = ['', 'http', 'use-cases', 'domain', 'data'] as const;
const START = '<!-- module map: written by npm run docs -->';
const END = '<!-- /module map -->';

/** The first sentence of the file's first doc comment (or leading line comment), on one line. */
export function summaryOf(source: string): string {
  const doc = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? /^\/\/ (.+)$/m.exec(source)?.[1] ?? '';
  const text = doc
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  let sentence = /^(.+?\.)(\s|$)/.exec(text)?.[1] ?? text;
  // A long first sentence is cut where its first clause ends.
  if (sentence.length > 160) sentence = /^(.{20,}?[:;])(\s|$)/.exec(sentence)?.[1] ?? sentence;
  return sentence.replace(/\|/g, '\\|');
}

export function moduleMap(root: string): string {
  const modules = join(root, 'src/modules');
  const lines: string[] = [];
  for (const name of readdirSync(modules).sort()) {
    const dir = join(modules, name);
    if (!statSync(dir).isDirectory()) continue;
    lines.push(`#### ${name}`, '', '| file | what it holds |', '|---|---|');
    for (const layer of LAYERS) {
      const at = join(dir, layer);
      let files: string[];
      try {
        files = readdirSync(at).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
      } catch {
        continue;
      }
      for (const file of files.sort()) {
        const path = join(at, file);
        if (!statSync(path).isFile()) continue;
        lines.push(`| \`${relative(dir, path)}\` | ${summaryOf(readFileSync(path, 'utf8'))} |`);
      }
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** CONTRIBUTING.md with its module map replaced by `map`. */
export function withModuleMap(text: string, map: string): string {
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < 0) throw new Error('CONTRIBUTING.md has no module map markers');
  return `${text.slice(0, from + START.length)}\n\n${map}\n\n${text.slice(to)}`;
}
