// The fit report as a plain-text table (the CLI's --report), in the reader's language.
import type { Locale } from '../../../i18n/locales';
import { valueText } from '../messages';
import type { FitReport, ReportedFit } from './models/report';

const MODEL_NAMES = { bgnbd: 'BG/NBD', paretoNbd: 'Pareto/NBD', gammaGamma: 'Gamma-Gamma' } as const;

/** What scoring did: the model used, customers scored, tier changes and customers per tier. */
export type ScoreOutcome = {
  model: 'bgnbd' | 'paretoNbd';
  scored: number;
  tierChanges: number;
  tiers: Record<string, number>;
};

export type ReportContext = { locale: Locale; currency: string; scoring?: ScoreOutcome | null };

export function formatFitReport(report: FitReport, c: ReportContext): string {
  const { locale } = c;
  const num = (v: number, digits = 4) =>
    Number.isFinite(v) ? new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(v) : '–';
  const fixed = (v: number, decimals: number) =>
    new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(v);
  const units = (count: number) =>
    valueText(locale, report.timeUnit === 'week' ? 'unitWeek' : 'unitDay', { count });
  const lines = [
    valueText(locale, 'title', { until: report.until, unit: report.timeUnit }),
    valueText(locale, 'customers', {
      customers: report.customers,
      repeat: report.repeatCustomers,
      tuples: report.tuples,
      seconds: fixed(report.durationMs / 1000, 1),
    }),
  ];

  const section = <P extends object>(title: string, fit: ReportedFit<P> | null) => {
    if (!fit) return;
    lines.push(
      '',
      `${title.padEnd(20)}${valueText(locale, 'estimate').padStart(14)}${valueText(locale, 'stdErr').padStart(14)}`,
    );
    for (const [name, value] of Object.entries(fit.params) as [keyof P & string, number][]) {
      const se = fit.stdErr[name];
      lines.push(
        `  ${name.padEnd(18)}${num(value).padStart(14)}${(se === null ? '–' : num(se)).padStart(14)}`,
      );
    }
    const status = valueText(locale, fit.converged ? 'converged' : 'notConverged', {
      iterations: fit.iterations,
    });
    lines.push(`  ${valueText(locale, 'logLik').padEnd(18)}${fixed(fit.logLik, 2).padStart(14)}  ${status}`);
  };
  section(MODEL_NAMES.bgnbd, report.models.bgnbd);
  section(MODEL_NAMES.paretoNbd, report.models.paretoNbd);
  section(
    `${MODEL_NAMES.gammaGamma} (${valueText(locale, 'spendUnit', { currency: c.currency })})`,
    report.models.gammaGamma,
  );
  if (!report.models.bgnbd && !report.models.paretoNbd && !report.models.gammaGamma) {
    lines.push('', valueText(locale, 'noModels'));
  }

  const h = report.holdout;
  if (h) {
    const models = (['bgnbd', 'paretoNbd'] as const).filter((m) => h.predictedTotal[m] !== undefined);
    lines.push(
      '',
      valueText(locale, 'holdoutTitle', { from: h.from, until: h.until, length: units(h.length) }),
      `  ${valueText(locale, 'frequency').padEnd(12)}${valueText(locale, 'customersColumn').padStart(12)}` +
        `${valueText(locale, 'actual').padStart(12)}${models.map((m) => MODEL_NAMES[m].padStart(12)).join('')}`,
    );
    for (const g of h.groups) {
      lines.push(
        `  ${g.frequency.padEnd(12)}${String(g.customers).padStart(12)}${fixed(g.actual, 3).padStart(12)}` +
          models.map((m) => fixed(g.predicted[m] ?? Number.NaN, 3).padStart(12)).join(''),
      );
    }
    lines.push(
      `  ${valueText(locale, 'total').padEnd(24)}${fixed(h.actualTotal, 0).padStart(12)}` +
        models
          .map((m) =>
            `${fixed(h.predictedTotal[m]!, 1)} (${fixed(h.aggregateErrorPercent[m]!, 1)}%)`.padStart(20),
          )
          .join(''),
      `  ${valueText(locale, 'meanAbsoluteError').padEnd(36)}` +
        models.map((m) => fixed(h.meanAbsoluteError[m]!, 3).padStart(12)).join(''),
    );
  }

  if (c.scoring !== undefined) {
    lines.push('');
    if (c.scoring) {
      const tiers = Object.entries(c.scoring.tiers)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([tier, n]) => `${tier} ${n}`)
        .join(', ');
      lines.push(
        valueText(locale, 'scored', {
          count: c.scoring.scored,
          model: MODEL_NAMES[c.scoring.model],
          tiers,
          changes: c.scoring.tierChanges,
        }),
      );
    } else lines.push(valueText(locale, 'notScored'));
  }
  if (report.warnings.length)
    lines.push('', valueText(locale, 'warnings', { warnings: report.warnings.join(', ') }));
  return `${lines.join('\n')}\n`;
}
