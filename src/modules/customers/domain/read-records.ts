import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export type ImportFormat = 'csv' | 'ndjson';

/** One data row of a file: its values, or why it could not be read; `line` is 1-based. */
export type SourceRecord =
  | { line: number; value: Record<string, unknown>; error?: undefined }
  | { line: number; error: string; value?: undefined };

/**
 * Rows of a CSV stream with a header line, read incrementally. A malformed row (wrong number
 * of fields, a broken quote) is reported with its line and reading goes on.
 */
export async function* readCsv(stream: Readable): AsyncGenerator<SourceRecord> {
  const skipped: SourceRecord[] = [];
  const parser = stream.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        skipped.push({
          line: (err as { lines?: number } | undefined)?.lines ?? 0,
          error: err?.message.replace(/^Invalid Record Length: /, '') ?? 'malformed row',
        });
        return undefined;
      },
    }),
  );
  stream.on('error', (err) => parser.destroy(err));
  for await (const { info, record } of parser as AsyncIterable<{
    info: { lines: number };
    record: Record<string, string>;
  }>) {
    // The parser reads ahead: a malformed row may be known before the good rows above it.
    while (skipped.length && skipped[0].line < info.lines) yield skipped.shift()!;
    yield { line: info.lines, value: record };
  }
  while (skipped.length) yield skipped.shift()!;
}

/** Objects of a newline-delimited JSON stream, one per non-empty line. */
export async function* readNdjson(stream: Readable): AsyncGenerator<SourceRecord> {
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, error: 'is not valid JSON' };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, error: 'must be a JSON object' };
      continue;
    }
    yield { line, value: value as Record<string, unknown> };
  }
}

export const readRecords = (format: ImportFormat, stream: Readable) =>
  format === 'csv' ? readCsv(stream) : readNdjson(stream);
