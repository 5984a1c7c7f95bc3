import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moduleMap, summaryOf, withModuleMap } from '../scripts/module-map';

describe('the map of the modules in CONTRIBUTING.md', () => {
  it('lists every file of every module with its summary (npm run docs rewrites it)', () => {
    const root = new URL('..', import.meta.url).pathname;
    const text = readFileSync(new URL('../CONTRIBUTING.md', import.meta.url), 'utf8');
    expect(withModuleMap(text, moduleMap(root))).toBe(text);
  });

  it("takes the first sentence of a file's first doc comment", () => {
    expect(summaryOf("import x from 'y';\n/**\n * Grants goodwill. Within a budget.\n */")).toBe(
      'Grants goodwill.',
    );
    expect(summaryOf('// What other modules may use: the ids.\nexport {}')).toBe(
      'What other modules may use: the ids.',
    );
    const long = `/** ${'A very long clause, '.repeat(6)}then more: the rest of it goes on and on for a while. */`;
    expect(summaryOf(long)).toMatch(/^A very long clause, .*then more:$/);
    expect(summaryOf('export const a = 1;')).toBe('');
  });
});
