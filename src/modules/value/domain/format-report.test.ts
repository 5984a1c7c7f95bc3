import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/locales';
import { formatFitReport } from './format-report';
import { readCdnowSample } from './models/cdnow-fixture';
import { buildFitReport } from './models/report';
import { summarizePurchases } from './models/summarize';

const report = buildFitReport(
  summarizePurchases(readCdnowSample(), { until: '1997-09-30', holdoutUntil: '1998-06-30' }),
);

describe('the fit report as text', () => {
  it('shows parameters, errors, log-likelihoods and the holdout check', () => {
    const text = formatFitReport(report, { locale: 'en', currency: 'USD' });
    expect(text).toContain('calibration until 1997-09-30, time unit: weeks');
    expect(text).toContain('Customers: 2357 (946 with repeat purchases)');
    expect(text).toMatch(/\n {2}r\s+0\.2426\s+0\.01256\n/);
    expect(text).toMatch(/log-likelihood\s+-9,582\.43\s+converged/);
    expect(text).toContain('Gamma-Gamma (spend in minor units of USD)');
    expect(text).toContain('Holdout check 1997-10-01 – 1998-06-30 (39 weeks)');
    expect(text).toMatch(/\n {2}7\+\s+64\s+6\.359/);
  });

  it('speaks every language of the product, with its plural forms', () => {
    const weeks = { en: '39 weeks', pl: '39 tygodni', cs: '39 týdnů', ru: '39 недель' };
    for (const locale of LOCALES) {
      const text = formatFitReport(report, { locale, currency: 'USD', scoring: null });
      expect(text).toContain(weeks[locale]);
      expect(text).not.toMatch(/\{\w+\}/);
    }
    expect(formatFitReport(report, { locale: 'pl', currency: 'PLN' })).toMatch(/0,2426/);
  });
});
