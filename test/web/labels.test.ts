import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { beforeAll, describe, expect, it } from 'vitest';
import { humanize, type Labels, makeLabels } from '../../web/src/lib/label-map';

const catalogue = (l: string) =>
  JSON.parse(readFileSync(new URL(`../../web/src/i18n/${l}.json`, import.meta.url), 'utf8'));

describe('codes named in the user’s language', () => {
  let pl: Labels;
  beforeAll(async () => {
    const i18n = i18next.createInstance().use(ICU);
    await i18n.init({ lng: 'pl', resources: { pl: { translation: catalogue('pl') } }, returnNull: false });
    pl = makeLabels(i18n.t, 'pl', { rootCauses: new Map([['late_courier', 'Spóźniony kurier']]) });
  });

  it('names enumerations from the catalogue and languages by Intl', () => {
    expect(pl.caseStatus('in_progress')).toBe('W toku');
    expect(pl.tier('premium')).toBe('Premium');
    expect(pl.channel('qr')).toBe('Kod QR');
    expect(pl.language('cs')).toBe('czeski');
    expect(pl.language('de')).toBe('niemiecki');
    expect(pl.language('und')).toBe('Nieznany język');
    expect(pl.group('locale', 'ru')).toBe('rosyjski');
    expect(pl.group('lifecycleStage', null)).toBe('Brak');
  });

  it("uses the organization's names, else a readable form of its own codes", () => {
    expect(pl.rootCause('late_courier')).toBe('Spóźniony kurier');
    expect(pl.rootCause('wrong-size')).toBe('Wrong size');
    expect(pl.tier('gold_plus')).toBe('Gold plus');
    expect(pl.touchpoint('after_delivery')).toBe('After delivery');
    expect(pl.attributeKey('city')).toBe('Miasto');
    expect(humanize('__')).toBe('__');
  });
});
