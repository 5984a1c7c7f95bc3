import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { findInputProblem } from '../../../lib/safe-input';
import { customerFromCsv, eventFromCsv } from '../domain/map-csv-row';
import { type ImportFormat, readRecords } from '../domain/read-records';
import { type CustomerInput, type EventInput, ZCustomerInput, ZEventInput } from '../http/schemas';
import { ingestEvents } from './ingest-events';
import { upsertCustomers } from './upsert-customers';

export type ImportKind = 'customers' | 'events';
export type LineError = { line: number; field: string; message: string };

export type ImportReport = {
  rows: number;
  accepted: number;
  refused: number;
  created?: number;
  updated?: number;
  stored?: number;
  duplicates?: number;
  customersCreated?: number;
  /** The first `maxErrors` refused rows; every one reaches `onError`. */
  errors: LineError[];
  errorsTruncated: boolean;
};

export type ImportOptions = {
  /** Rows written per transaction. */
  batchSize?: number;
  maxErrors?: number;
  onError?: (error: LineError) => void;
  /** Called after each written batch with the rows read so far. */
  onProgress?: (rows: number) => void;
};

type Pending<T> = { line: number; input: T }[];

/** What differs between importing customers and events: the row shape and how a batch is written. */
type Importer<T> = {
  schema: z.ZodType<T>;
  fromCsv: (row: Record<string, unknown>) => Record<string, unknown>;
  /** Rows with the same key cannot share a batch: a customer's second row must see the first. */
  keyOf?: (input: T) => string;
  write: (ctx: AppContext, orgId: string, batch: Pending<T>, report: ImportReport) => Promise<LineError[]>;
};

const customersImporter: Importer<CustomerInput> = {
  schema: ZCustomerInput,
  fromCsv: customerFromCsv,
  keyOf: (input) => input.externalId,
  write: async (ctx, orgId, batch, report) => {
    const { created, updated } = await upsertCustomers(
      ctx,
      orgId,
      batch.map((b) => b.input),
    );
    report.created = (report.created ?? 0) + created;
    report.updated = (report.updated ?? 0) + updated;
    return [];
  },
};

const eventsImporter: Importer<EventInput> = {
  schema: ZEventInput as z.ZodType<EventInput>,
  fromCsv: eventFromCsv,
  write: async (ctx, orgId, batch, report) => {
    const result = await ingestEvents(
      ctx,
      orgId,
      batch.map((b) => b.input),
      { partial: true },
    );
    report.stored = (report.stored ?? 0) + result.stored;
    report.duplicates = (report.duplicates ?? 0) + result.duplicates;
    report.customersCreated = (report.customersCreated ?? 0) + result.customersCreated;
    return result.errors.map((e) => ({ line: batch[e.index].line, field: e.field, message: e.message }));
  },
};

const IMPORTERS = { customers: customersImporter, events: eventsImporter } as const;

/**
 * Imports a CSV or NDJSON stream incrementally: rows are read, validated like the batch API's
 * items and written `batchSize` at a time, so memory stays flat whatever the size. A refused
 * row is reported with its line number and why; the other rows are written.
 */
export async function importStream(
  ctx: AppContext,
  orgId: string,
  kind: ImportKind,
  format: ImportFormat,
  stream: Readable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const importer = IMPORTERS[kind] as Importer<unknown>;
  const { batchSize = 2000, maxErrors = 1000 } = options;
  const report: ImportReport = { rows: 0, accepted: 0, refused: 0, errors: [], errorsTruncated: false };
  const refuse = (error: LineError) => {
    report.refused++;
    options.onError?.(error);
    if (report.errors.length < maxErrors) report.errors.push(error);
    else report.errorsTruncated = true;
  };
  let pending: Pending<unknown> = [];
  const pendingKeys = new Set<string>();
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingKeys.clear();
    const refused = await writeIsolatingFailures(ctx, orgId, importer, batch, report);
    report.accepted += batch.length - refused.length;
    refused.forEach(refuse);
    options.onProgress?.(report.rows);
  };

  for await (const record of readRecords(format, stream)) {
    report.rows++;
    if (record.error !== undefined) {
      refuse({ line: record.line, field: 'row', message: record.error });
      continue;
    }
    const row = format === 'csv' ? importer.fromCsv(record.value) : record.value;
    // What no column can store (NUL, lone surrogates, denormals) is refused as the batch API refuses it.
    const problem = findInputProblem(row);
    if (problem) {
      refuse({ line: record.line, field: problem.path.join('.') || 'row', message: problem.message });
      continue;
    }
    const parsed = importer.schema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        refuse({ line: record.line, field: issue.path.join('.') || 'row', message: issue.message });
        break; // one error per row keeps the report readable; the row is refused either way
      }
      continue;
    }
    const key = importer.keyOf?.(parsed.data);
    if (key !== undefined) {
      if (pendingKeys.has(key)) await flush();
      pendingKeys.add(key);
    }
    pending.push({ line: record.line, input: parsed.data });
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  // Rows refused by the database come after their batch was read: the report reads top-down.
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

/**
 * Writes a batch; if the database refuses it as a whole, each row is tried alone so that only
 * the rows at fault are refused.
 */
async function writeIsolatingFailures<T>(
  ctx: AppContext,
  orgId: string,
  importer: Importer<T>,
  batch: Pending<T>,
  report: ImportReport,
): Promise<LineError[]> {
  try {
    return await importer.write(ctx, orgId, batch, report);
  } catch {
    if (batch.length === 1) {
      return [{ line: batch[0].line, field: 'row', message: 'could not be stored' }];
    }
    const errors: LineError[] = [];
    for (const row of batch)
      errors.push(...(await writeIsolatingFailures(ctx, orgId, importer, [row], report)));
    return errors;
  }
}
