import { useTranslation } from 'react-i18next';
import type { ValueReport } from '../../../../src/http/api-types';
import { DataTable } from '../../components/data-table';
import { useFormat } from '../../lib/format';

type Row = {
  model: string;
  param: string;
  value: number;
  stdErr: number | null;
  logLik: number;
  converged: boolean;
};

/** Every fitted parameter with its standard error, and the log-likelihood of each model. */
export function FitReport({ report }: { report: ValueReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: Row[] = [];
  for (const [model, fit] of Object.entries(report.models)) {
    if (!fit) continue;
    for (const [param, value] of Object.entries(fit.params)) {
      rows.push({
        model,
        param,
        value,
        stdErr: (fit.stdErr as Record<string, number | null>)[param],
        logLik: fit.logLik,
        converged: fit.converged,
      });
    }
  }
  return (
    <section className="card stack">
      <h2>{t('value.fitReport')}</h2>
      <p className="muted">
        {t('value.fitSummary', {
          until: f.date(`${report.until}T12:00:00Z`),
          customers: report.customers,
          repeat: report.repeatCustomers,
          unit: t(`value.unit.${report.timeUnit}`),
        })}
      </p>
      {report.warnings.map((w) => (
        <p key={w} className="warn">
          {w}
        </p>
      ))}
      <DataTable
        caption={t('value.fitReport')}
        captionHidden
        rows={rows}
        rowKey={(r) => `${r.model}-${r.param}`}
        exportName="value-fit"
        columns={[
          { key: 'model', header: t('value.model'), render: (r) => t(`value.models.${r.model}`) },
          { key: 'param', header: t('value.parameter') },
          { key: 'value', header: t('value.estimate'), numeric: true, render: (r) => f.num(r.value) },
          { key: 'stdErr', header: t('value.stdErr'), numeric: true, render: (r) => f.num(r.stdErr) },
          { key: 'logLik', header: t('value.logLik'), numeric: true, render: (r) => f.dec(r.logLik) },
          {
            key: 'converged',
            header: t('value.converged'),
            value: (r) => r.converged,
            render: (r) => (r.converged ? '✓' : '✗'),
          },
        ]}
      />
    </section>
  );
}
