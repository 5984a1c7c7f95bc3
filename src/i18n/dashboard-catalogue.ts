import { readFileSync } from 'node:fs';
import { humanize } from '../lib/humanize';
import type { Locale } from './locales';

export { humanize };

/**
 * The dashboard's catalogue (`web/src/i18n/<locale>.json`) read by the server, so that names of the
 * API's codes and column headings in server-made files (CSV exports) are the very words the pages
 * show: one catalogue, never a copy. Read once per language, on first use.
 */
type Tree = { [key: string]: string | Tree };

const loaded = new Map<Locale, Tree>();

function treeOf(locale: Locale): Tree {
  let tree = loaded.get(locale);
  if (!tree) {
    const file = new URL(`../../web/src/i18n/${locale}.json`, import.meta.url);
    tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
    loaded.set(locale, tree);
  }
  return tree;
}

/** The dashboard's text at a dotted key (`stages.loyal`), undefined when the catalogue has none. */
export function dashboardText(locale: Locale, key: string): string | undefined {
  let node: string | Tree | undefined = treeOf(locale);
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Names of the API's codes in one language, as the dashboard's labels give them: catalogue
 * enumerations, languages by `Intl.DisplayNames`, other codes humanized. Empty for no code.
 */
export function codeNames(locale: Locale) {
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  const known = (section: string) => (code: string | null | undefined) =>
    code == null || code === '' ? '' : (dashboardText(locale, `${section}.${code}`) ?? humanize(code));
  return {
    stage: known('stages'),
    segment: known('segments'),
    tier: known('tiers'),
    channel: known('channels'),
    caseStatus: known('caseStatus'),
    priority: known('priorities'),
    touchpoint: (code: string | null | undefined) => (code ? humanize(code) : ''),
    language: (code: string | null | undefined) => {
      if (!code || code === 'und') return dashboardText(locale, 'common.unknownLanguage') ?? '';
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
