import { describe, expect, it } from 'vitest';
import { stemWord } from './stem';
import { stemPolish } from './stem-polish';

describe('stemPolish', () => {
  it('conflates common inflected forms', () => {
    const same = (forms: string[]) => new Set(forms.map(stemPolish));
    expect(
      same(['opóźnienie', 'opóźnienia', 'opóźnieniem', 'opóźnieniu', 'opóźnień', 'opóźnieniami']),
    ).toEqual(new Set(['opóźnien']));
    expect(same(['kurier', 'kuriera', 'kurierem', 'kurierowi', 'kurierów'])).toEqual(new Set(['kurier']));
    expect(same(['dostawa', 'dostawy', 'dostawę', 'dostawie', 'dostawą'])).toEqual(new Set(['dostaw']));
    expect(same(['szybko', 'szybka', 'szybki', 'szybkie', 'szybkiego'])).toEqual(new Set(['szybk']));
    expect(same(['jakość', 'jakości'])).toEqual(new Set(['jakośc']));
  });

  it('leaves short words alone', () => {
    expect(stemPolish('dom')).toBe('dom');
    expect(stemPolish('ok')).toBe('ok');
  });
});

describe('stemWord', () => {
  it('uses Snowball for en, ru and cs', () => {
    expect(stemWord('deliveries', 'en')).toBe(stemWord('delivery', 'en'));
    expect(stemWord('курьера', 'ru')).toBe(stemWord('курьер', 'ru'));
    expect(stemWord('doručením', 'cs')).toBe(stemWord('doručení', 'cs'));
  });

  it('leaves undetermined languages unstemmed', () => {
    expect(stemWord('lieferung', 'und')).toBe('lieferung');
  });
});
