import { describe, expect, it } from 'vitest';
import { slugFromName } from './slug';

describe('slugFromName', () => {
  it('keeps the Latin letters of a name without their marks', () => {
    expect(slugFromName('Kawiarnia Łąka & Syn')).toBe('kawiarnia-laka-syn');
    expect(slugFromName('Kavárna Žluťoučký kůň')).toBe('kavarna-zlutoucky-kun');
  });

  it('falls back when too few Latin letters remain', () => {
    expect(slugFromName('Кофейня')).toBe('organization');
    expect(slugFromName('A')).toBe('organization');
  });

  it('fits the slug column: at most 63 characters, no dash at either end', () => {
    const slug = slugFromName(`${'ab '.repeat(40)}!`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slug).toMatch(/^[a-z0-9][a-z0-9-]{1,62}$/);
    expect(slug.endsWith('-')).toBe(false);
  });
});
