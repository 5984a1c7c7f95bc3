import { type Command, Option } from 'commander';
import type { AppContext } from '../http/types';
import { LOCALES, type Locale, pickLocale } from '../i18n/locales';
import { AppError } from '../lib/errors';
import { formatFitReport } from '../modules/value/domain/format-report';
import type { TimeUnit } from '../modules/value/domain/models/types';
import { fitValueModels } from '../modules/value/use-cases/fit-values';
import { loadOrgCalendar } from '../modules/value/use-cases/org-calendar';
import { findOrgId, withContext } from './context';

export type ValueFitOptions = {
  org: string;
  until?: string;
  holdoutUntil?: string;
  timeUnit: TimeUnit;
  report?: boolean;
  json?: boolean;
  locale?: Locale;
};

type Writer = { write(text: string): unknown };

const OPTION_NAMES: Record<string, string> = { until: '--until:', holdoutUntil: '--holdout-until:' };

/**
 * Fits in this process (the same work as the job), stores the report and rescores customers;
 * prints the report as a table (--report), as JSON (--json), or a one-line summary.
 */
export async function runValueFit(ctx: AppContext, o: ValueFitOptions, out: Writer, progress: Writer) {
  const orgId = await findOrgId(ctx, o.org);
  const calendar = await loadOrgCalendar(ctx, orgId);
  const started = Date.now();
  let result: Awaited<ReturnType<typeof fitValueModels>>;
  try {
    const request = { until: o.until, timeUnit: o.timeUnit, holdoutUntil: o.holdoutUntil };
    result = await fitValueModels(ctx, orgId, request, (stage, detail) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      progress.write(`[${seconds} s] ${stage}${detail ? ` (${detail} customers)` : ''}\n`);
    });
  } catch (err) {
    // The service names the API field; here it is the option.
    if (err instanceof AppError) {
      throw new AppError(
        err.code,
        err.message.replace(/^(until|holdoutUntil):/, (_, f) => OPTION_NAMES[f]),
      );
    }
    throw err;
  }
  if (o.json) {
    out.write(
      `${JSON.stringify({ fitId: result.fitId, ...result.report, scoring: result.scoring }, null, 2)}\n`,
    );
  } else if (o.report) {
    out.write(
      formatFitReport(result.report, {
        locale: pickLocale(o.locale, calendar.defaultLocale),
        currency: calendar.baseCurrency,
        scoring: result.scoring,
      }),
    );
  } else {
    out.write(
      `${JSON.stringify({ fitId: result.fitId, customers: result.report.customers, scored: result.scoring?.scored ?? 0 })}\n`,
    );
  }
  return result;
}

export function registerValueCommands(program: Command) {
  const value = program
    .command('value')
    .description('customer value: lifetime value models, profitability, tiers');
  value
    .command('fit')
    .description(
      'fit BG/NBD, Pareto/NBD and Gamma-Gamma on purchases, store the report and rescore customers',
    )
    .requiredOption('--org <slug>', 'organization slug')
    .option(
      '--until <date>',
      "calibration end YYYY-MM-DD, inclusive, in the organization's time zone (default today)",
    )
    .option('--holdout-until <date>', 'end of the holdout check YYYY-MM-DD (default the latest purchase day)')
    .addOption(
      new Option('--time-unit <unit>', 'time unit of the models').choices(['week', 'day']).default('week'),
    )
    .option('--report', 'print the fit report as a table')
    .option('--json', 'print the fit report as JSON')
    .addOption(
      new Option('--locale <locale>', "language of the report (default the organization's)").choices(LOCALES),
    )
    .action(async (o: ValueFitOptions) => {
      await withContext((ctx) => runValueFit(ctx, o, process.stdout, process.stderr));
    });
}
