import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'pl', 'cs', 'ru'];
const load = (l: string) =>
  JSON.parse(readFileSync(new URL(`../../web/src/i18n/${l}.json`, import.meta.url), 'utf8'));

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v as Record<string, unknown>, key));
  }
  return out;
}

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };

/** Argument names of an ICU message, branches of plurals and selects included. */
function argumentsOf(nodes: Node[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.type !== 0 && node.type !== 7 && node.value) out.add(node.value);
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, out);
  }
  return out;
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))]));

describe('dashboard catalogues', () => {
  it('hold the same keys in every language', () => {
    const keys = Object.keys(catalogues.en).sort();
    for (const l of LOCALES) expect(Object.keys(catalogues[l]).sort(), l).toEqual(keys);
  });

  it('are valid ICU messages with the same placeholders as English', () => {
    const placeholders = (msg: string) => argumentsOf(new IntlMessageFormat(msg, 'en').getAst());
    for (const l of LOCALES) {
      for (const [key, msg] of Object.entries(catalogues[l])) {
        expect(() => new IntlMessageFormat(msg, l), `${l} ${key}`).not.toThrow();
        expect(placeholders(msg), `${l} ${key}`).toEqual(placeholders(catalogues.en[key]));
      }
    }
  });

  it('pluralise by each language’s rules', () => {
    const plural = '{count, plural, one {# x} few {# y} many {# z} other {# w}}';
    expect(new IntlMessageFormat(plural, 'ru').format({ count: 5 })).toBe('5 z');
    expect(new IntlMessageFormat(plural, 'pl').format({ count: 3 })).toBe('3 y');
    expect(new IntlMessageFormat(plural, 'cs').format({ count: 1.5 })).toContain('z');
  });
});
