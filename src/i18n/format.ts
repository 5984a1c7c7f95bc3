export type MessageParams = Record<string, string | number>;

/**
 * Formats an ICU-like message: `{name}` slots and
 * `{count, plural, =0 {none} one {# day} few {# days} other {# days}}` with the plural
 * category of the locale (Intl.PluralRules); `#` is the number in the locale's digits.
 */
export function formatMessage(locale: string, message: string, params: MessageParams = {}): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) {
      out += message.slice(i);
      break;
    }
    out += message.slice(i, open);
    const close = matchingBrace(message, open);
    out += formatArgument(locale, message.slice(open + 1, close), params);
    i = close + 1;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

function formatArgument(locale: string, body: string, params: MessageParams): string {
  const [name, kind] = body.split(',', 2).map((s) => s.trim());
  const value = params[name];
  if (kind !== 'plural') return value === undefined ? `{${name}}` : String(value);
  const n = Number(value);
  const branches = pluralBranches(body.slice(body.indexOf('plural') + 'plural'.length).replace(/^\s*,/, ''));
  const category = new Intl.PluralRules(locale).select(n);
  const chosen = branches.get(`=${n}`) ?? branches.get(category) ?? branches.get('other') ?? '';
  const number = new Intl.NumberFormat(locale).format(n);
  return formatMessage(locale, chosen.replace(/#/g, number), params);
}

function pluralBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const selector = text.slice(i, open).trim();
    const close = matchingBrace(text, open);
    branches.set(selector, text.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}
