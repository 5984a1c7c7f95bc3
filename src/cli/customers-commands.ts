import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { AppContext } from '../http/types';
import { toCsv } from '../lib/csv';
import type { ImportFormat } from '../modules/customers/domain/read-records';
import {
  type ImportKind,
  type ImportReport,
  importStream,
  type LineError,
} from '../modules/customers/use-cases/import-stream';
import { findOrgId, withContext } from './context';

const ERROR_COLUMNS = ['line', 'field', 'message'] as const;
const SHOWN_ERRORS = 20;

export type ImportFileOptions = {
  orgId: string;
  kind: ImportKind;
  path: string;
  format?: ImportFormat;
  batchSize?: number;
  /** Every refused row is written here as CSV (line, field, message). */
  errorsPath?: string;
  progress?: boolean;
};

export function formatOf(path: string): ImportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  throw new InvalidArgumentError(
    `cannot tell the format of ${path}: name it .csv or .ndjson, or pass --format`,
  );
}

/** Imports a file as `orientir import` does: progress by bytes read, every refused row reported. */
export async function importFile(ctx: AppContext, o: ImportFileOptions): Promise<ImportReport> {
  const format = o.format ?? formatOf(o.path);
  const total = statSync(o.path).size;
  const stream = createReadStream(o.path);
  const bar = o.progress
    ? new SingleBar({ format: ' {bar} {percentage}% | {rows} rows | {eta_formatted} left' })
    : null;
  bar?.start(total, 0, { rows: 0 });
  const errorsOut = o.errorsPath ? createWriteStream(o.errorsPath) : null;
  errorsOut?.write(toCsv([], ERROR_COLUMNS));
  try {
    return await importStream(ctx, o.orgId, o.kind, format, stream, {
      batchSize: o.batchSize,
      onProgress: (rows) => bar?.update(stream.bytesRead, { rows }),
      onError: (e: LineError) => errorsOut?.write(toCsv([e], ERROR_COLUMNS).split('\r\n')[1] + '\r\n'),
    });
  } finally {
    bar?.update(total);
    bar?.stop();
    if (errorsOut) await new Promise((resolve) => errorsOut.end(resolve));
  }
}

/** The closing summary and the first refused rows, as lines of text. */
export function describeReport(kind: ImportKind, r: ImportReport, errorsPath?: string): string[] {
  const written =
    kind === 'customers'
      ? `${r.created ?? 0} created, ${r.updated ?? 0} updated`
      : `${r.stored ?? 0} stored, ${r.duplicates ?? 0} already stored, ${r.customersCreated ?? 0} new customers`;
  const lines = [`${r.rows} rows read: ${r.accepted} accepted (${written}), ${r.refused} refused`];
  for (const e of r.errors.slice(0, SHOWN_ERRORS)) lines.push(`  line ${e.line}: ${e.field}: ${e.message}`);
  if (r.refused > SHOWN_ERRORS) {
    lines.push(
      `  … and ${r.refused - SHOWN_ERRORS} more refused rows${errorsPath ? ` (all in ${errorsPath})` : '; pass --errors FILE to get them all'}`,
    );
  }
  return lines;
}

export function registerCustomerCommands(program: Command) {
  program
    .command('import')
    .description('import customers or interaction events from a CSV or NDJSON file')
    .addArgument(program.createArgument('<kind>', 'what the file holds').choices(['customers', 'events']))
    .argument('<file>', 'a .csv file with a header line, or .ndjson with one JSON object per line')
    .requiredOption('--org <slug>', 'organization slug')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'ndjson']),
    )
    .option('--errors <file>', 'write every refused row (line, field, message) to this CSV file')
    .option('--batch-size <n>', 'rows per transaction', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('must be 1 to 10000');
      return n;
    })
    .action(async (kind: ImportKind, file: string, o) => {
      const report = await withContext(async (ctx) =>
        importFile(ctx, {
          orgId: await findOrgId(ctx, o.org),
          kind,
          path: file,
          format: o.format,
          batchSize: o.batchSize,
          errorsPath: o.errors,
          progress: Boolean(process.stderr.isTTY),
        }),
      );
      const [summary, ...errors] = describeReport(kind, report, o.errors);
      process.stdout.write(`${summary}\n`);
      if (errors.length) process.stderr.write(`${errors.join('\n')}\n`);
      if (report.refused) process.exitCode = 2;
    });
}
