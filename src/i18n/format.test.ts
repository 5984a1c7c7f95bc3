import { describe, expect, it } from 'vitest';
import { format } from './format';

describe('format', () => {
  it('fills arguments as they are and numbers plurals in the locale’s digits', () => {
    expect(format('en', '{org} has {n} customers', { org: 'Pizzeria', n: 12345 })).toBe(
      'Pizzeria has 12345 customers',
    );
    expect(
      format('pl', '{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}', { n: 1.5 }),
    ).toBe('1,5 dnia');
    expect(format('en', '{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 })).toBe('none');
  });

  it('chooses by select', () => {
    const message = '{unit, select, week {weeks} other {days}}';
    expect(format('en', message, { unit: 'week' })).toBe('weeks');
    expect(format('en', message, { unit: 'day' })).toBe('days');
  });

  it('keeps a plain apostrophe, quotes only before braces, and reads no tags', () => {
    expect(format('en', "the customer's {what}", { what: 'case' })).toBe("the customer's case");
    expect(format('en', "{n, plural, one {it's #} other {they're #}}", { n: 2 })).toBe("they're 2");
    expect(format('en', "a literal '{brace}' and ''{what}''", { what: 'x' })).toBe(
      "a literal {brace} and 'x'",
    );
    expect(format('en', '<b>{what}</b> < 3', { what: 'x' })).toBe('<b>x</b> < 3');
  });

  it('refuses a message without its parameters', () => {
    expect(() => format('en', 'Hello {name}')).toThrow(/name/);
  });
});
