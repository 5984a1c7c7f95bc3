import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { feedbackText } from '../modules/feedback/messages';
import { surveyText } from '../modules/surveys/messages';
import { valueText } from '../modules/value/messages';
import { webhookText } from '../modules/webhooks/messages';
import type { Translator } from './define-messages';
import { LOCALES, type Locale } from './locales';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ path: relative(SRC, join(SRC, f)), text: readFileSync(join(SRC, f), 'utf8') }));
/** A module's `messages.ts`, or for a module of several parts one `messages-<part>.ts` per part beside it. */
const isCatalogueFile = (path: string) => /(^|\/)messages(-[a-z-]+)?\.ts$/.test(path);

type AnyTranslator = Translator<Record<string, string>>;
const isTranslator = (v: unknown): v is AnyTranslator =>
  typeof v === 'function' && 'messages' in v && typeof (v as AnyTranslator).messages?.en === 'object';

/** Every translator exported by a `messages.ts` of the server, by file and export name. */
const catalogues = (
  await Promise.all(
    sources
      .filter((s) => isCatalogueFile(s.path))
      .map(async (s) =>
        Object.entries(await import(join(SRC, s.path)))
          .filter(([, v]) => isTranslator(v))
          .map(([name, v]) => ({ name: `${s.path} ${name}`, translator: v as AnyTranslator })),
      ),
  )
).flat();

const ast = (message: string) => parse(message, { ignoreTag: true });

/** Argument names of a message, branches of plurals and selects included. */
function argumentsOf(nodes: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.type !== TYPE.literal && node.type !== TYPE.pound && 'value' in node)
      out.add(String(node.value));
    if ('options' in node) for (const o of Object.values(node.options)) argumentsOf(o.value, out);
  }
  return out;
}

function* walk(nodes: MessageFormatElement[]): Generator<MessageFormatElement> {
  for (const node of nodes) {
    yield node;
    if ('options' in node) for (const o of Object.values(node.options)) yield* walk(o.value);
  }
}

const literalText = (message: string) =>
  [...walk(ast(message))].map((n) => (n.type === TYPE.literal ? n.value : '')).join('');

/** Parameters that exercise a message: a number for plurals, the first choice for selects, a word else. */
function sampleParams(message: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const node of walk(ast(message))) {
    if (node.type === TYPE.plural) params[node.value] = 2;
    else if (node.type === TYPE.select) params[node.value] = Object.keys(node.options)[0];
    else if (node.type === TYPE.argument) params[node.value] ??= 'X';
  }
  return params;
}

describe('server message catalogues', () => {
  it('are all found, one translator in every messages.ts', () => {
    const files = new Set(catalogues.map((c) => c.name.split(' ')[0]));
    expect(files).toEqual(new Set(sources.map((s) => s.path).filter(isCatalogueFile)));
    expect(catalogues.length).toBeGreaterThanOrEqual(5);
  });

  it('go through one mechanism: defineMessages in messages.ts files, ICU only in src/i18n', () => {
    for (const { path, text } of sources) {
      if (text.includes('defineMessages(') && !path.startsWith('i18n/')) {
        expect(isCatalogueFile(path), `${path} defines messages`).toBe(true);
      }
      if (!path.startsWith('i18n/')) expect(text, path).not.toMatch(/from 'intl-messageformat'/);
    }
  });

  describe.each(catalogues)('$name', ({ translator }) => {
    const { en } = translator.messages;

    it('has every key in every locale, with the arguments of English', () => {
      for (const locale of LOCALES) {
        const messages = translator.messages[locale];
        expect(Object.keys(messages).sort(), locale).toEqual(Object.keys(en).sort());
        for (const [key, message] of Object.entries(messages)) {
          expect(argumentsOf(ast(message)), `${locale} ${key}`).toEqual(argumentsOf(ast(en[key])));
        }
      }
    });

    it('gives every plural all forms of its language and every select an other', () => {
      for (const locale of LOCALES) {
        const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [key, message] of Object.entries(translator.messages[locale])) {
          for (const node of walk(ast(message))) {
            if (node.type === TYPE.plural) {
              const categories = Object.keys(node.options).filter((k) => !k.startsWith('='));
              expect(categories.sort(), `${locale} ${key}`).toEqual([...forms].sort());
            }
            if (node.type === TYPE.select)
              expect(Object.keys(node.options), `${locale} ${key}`).toContain('other');
          }
        }
      }
    });

    it('shows every apostrophe as written and leaves no brace unfilled', () => {
      const apostrophes = (text: string) => text.split("'").length - 1;
      for (const locale of LOCALES) {
        for (const [key, message] of Object.entries(translator.messages[locale])) {
          expect(apostrophes(literalText(message)), `${locale} ${key}`).toBe(apostrophes(message));
          expect(translator(locale, key, sampleParams(message)), `${locale} ${key}`).not.toMatch(/[{}]/);
        }
      }
    });
  });
});

describe('plural forms', () => {
  type Count = (n: number) => string;
  const forms = (name: string, render: Count, expected: Record<number, string>) =>
    Object.entries(expected).map(([n, text]) => ({
      name: `${name} ${n}`,
      render: () => render(Number(n)),
      text,
    }));
  const unit =
    (locale: Locale, key: 'unitWeek' | 'unitDay'): Count =>
    (count) =>
      valueText(locale, key, { count });
  const errors =
    (locale: Locale): Count =>
    (count) =>
      surveyText(locale, 'survey.errorSummary', { count });

  it.each([
    ...forms('pl survey.errorSummary', errors('pl'), {
      1: '1 pytanie wymaga uwagi.',
      2: '2 pytania wymagają uwagi.',
      5: '5 pytań wymaga uwagi.',
      22: '22 pytania wymagają uwagi.',
      1.5: '1,5 pytania wymaga uwagi.',
    }),
    ...forms('cs survey.errorSummary', errors('cs'), {
      1: '1 otázka vyžaduje pozornost.',
      2: '2 otázky vyžadují pozornost.',
      5: '5 otázek vyžaduje pozornost.',
      22: '22 otázek vyžaduje pozornost.',
      1.5: '1,5 otázky vyžaduje pozornost.',
    }),
    ...forms('ru survey.errorSummary', errors('ru'), {
      1: '1 вопрос требует внимания.',
      2: '2 вопроса требуют внимания.',
      5: '5 вопросов требуют внимания.',
      21: '21 вопрос требует внимания.',
      22: '22 вопроса требуют внимания.',
      1.5: '1,5 вопроса требуют внимания.',
    }),
    ...forms('pl unitWeek', unit('pl', 'unitWeek'), {
      1: '1 tydzień',
      2: '2 tygodnie',
      5: '5 tygodni',
      22: '22 tygodnie',
      1.5: '1,5 tygodnia',
    }),
    ...forms('cs unitWeek', unit('cs', 'unitWeek'), {
      1: '1 týden',
      2: '2 týdny',
      5: '5 týdnů',
      22: '22 týdnů',
      1.5: '1,5 týdne',
    }),
    ...forms('ru unitWeek', unit('ru', 'unitWeek'), {
      1: '1 неделя',
      2: '2 недели',
      5: '5 недель',
      22: '22 недели',
      1.5: '1,5 недели',
    }),
    ...forms('pl unitDay', unit('pl', 'unitDay'), {
      1: '1 dzień',
      2: '2 dni',
      22: '22 dni',
      1.5: '1,5 dnia',
    }),
    ...forms('cs unitDay', unit('cs', 'unitDay'), { 1: '1 den', 2: '2 dny', 5: '5 dní', 1.5: '1,5 dne' }),
    ...forms('ru unitDay', unit('ru', 'unitDay'), { 1: '1 день', 2: '2 дня', 5: '5 дней', 1.5: '1,5 дня' }),
  ])('$name', ({ render, text }) => {
    expect(render()).toBe(text);
  });

  it('counts in the sentences that used to fake them', () => {
    const groups = (count: number) => feedbackText('en', 'withheldGroups', { count, threshold: 5 });
    expect(groups(1)).toBe('1 group with fewer than 5 employees or internal clients is not shown.');
    expect(groups(2)).toBe('2 groups with fewer than 5 employees or internal clients are not shown.');
    const withheld = (locale: Locale, threshold: number) => feedbackText(locale, 'withheld', { threshold });
    expect(withheld('ru', 21)).toContain('ответили менее 21 сотрудника или внутреннего клиента,');
    expect(withheld('ru', 5)).toContain('ответили менее 5 сотрудников или внутренних клиентов,');
    expect(withheld('cs', 3)).toContain('odpověděli méně než 3 zaměstnanci nebo interní klienti a');
    expect(withheld('cs', 5)).toContain('odpovědělo méně než 5 zaměstnanců nebo interních klientů a');
    const disabled = (locale: Locale, failures: number) =>
      webhookText(locale, 'disabledBody', { url: 'https://x.example', failures });
    expect(disabled('ru', 21)).toContain('успешно 21 раз подряд');
    expect(disabled('ru', 22)).toContain('успешно 22 раза подряд');
    expect(disabled('pl', 10)).toContain('zawiódł 10 razy z rzędu');
    expect(disabled('en', 10)).toContain('failed 10 times in a row');
    expect(disabled('cs', 10)).toContain('selhal 10krát po sobě');
    const scored = (count: number) =>
      valueText('en', 'scored', { count, model: 'BG/NBD', tiers: 'gold 1', changes: 0 });
    expect(scored(1)).toMatch(/^Scored 1 customer with/);
    expect(scored(12345)).toMatch(/^Scored 12345 customers with/);
    expect(valueText('ru', 'title', { until: '2024-01-31', unit: 'day' })).toMatch(/единица времени: дни$/);
  });
});
