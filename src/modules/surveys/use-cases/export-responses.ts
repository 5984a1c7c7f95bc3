import type { z } from 'zod';
import type { ExportContext } from '../../../http/csv-export';
import { decodeCursor } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import type { CsvCell } from '../../../lib/csv';
import { AppError, notFound } from '../../../lib/errors';
import { findLocationNames } from '../../people/api';
import * as repo from '../data/repo-surveys';
import type { LocalizedText, Question } from '../domain/questions';
import type { ZResponseListQuery } from '../http/schemas';
import { listResponses } from './list-responses';

type Filters = Omit<z.output<typeof ZResponseListQuery>, 'cursor' | 'limit'>;
type Item = Awaited<ReturnType<typeof listResponses>>['items'][number];

const PAGE = 500;

/** The survey's questions of its current version; a survey of another organization is a 404. */
export function surveyQuestions(ctx: AppContext, orgId: string, surveyId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const survey = await repo.findSurvey(tx, orgId, surveyId);
    if (!survey) throw notFound('survey');
    if (survey.audience !== 'customers') {
      throw new AppError(
        'conflict',
        'params.id: answers of a staff survey are anonymous and shown only in groups, in its eNPS report',
      );
    }
    const questions = (await repo.findQuestions(tx, orgId, surveyId, survey.currentVersion)) ?? [];
    return { questions, defaultLocale: survey.defaultLocale };
  });
}

const textIn = (text: LocalizedText | undefined, x: ExportContext, fallbackLocale: string, id: string) =>
  text?.[x.locale] ?? text?.[fallbackLocale] ?? Object.values(text ?? {})[0] ?? id;

/** The headings of a survey's response export: the response's facts, then each question in the file's language. */
export function responseExportHeader(x: ExportContext, questions: Question[], defaultLocale: string) {
  return [
    x.heading('feedback.submitted'),
    x.heading('feedback.customer'),
    x.heading('feedback.channel'),
    x.heading('dimensions.touchpoint'),
    x.heading('dimensions.location'),
    x.heading('customers.locale'),
    ...questions.map((q) => textIn(q.text, x, defaultLocale, q.id)),
  ];
}

/** One answer as a cell: scales as numbers, choices by their text in the file's language. */
function answerCell(x: ExportContext, q: Question, value: unknown, defaultLocale: string): CsvCell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return { number: x.formats.integer(value) };
  const option = (id: unknown) => {
    const found = q.options?.find((o) => o.id === id);
    return found ? textIn(found.text, x, defaultLocale, found.id) : String(id);
  };
  if (q.type === 'choice') return (Array.isArray(value) ? value : [value]).map(option).join(', ');
  return Array.isArray(value) ? value.join(', ') : String(value);
}

const cells = (
  x: ExportContext,
  questions: Question[],
  defaultLocale: string,
  locations: Map<string, string>,
  r: Item,
): CsvCell[] => [
  x.formats.instant(r.submittedAt ?? r.createdAt),
  r.customerExternalId ?? '',
  x.names.channel(r.channel),
  x.names.touchpoint(r.touchpoint),
  r.locationId ? (locations.get(r.locationId) ?? '') : '',
  x.names.language(r.locale),
  ...questions.map((q) => answerCell(x, q, (r.answers as Record<string, unknown>)[q.id], defaultLocale)),
];

/** Every response of the filter, newest first, a page at a time, as rows of the export. */
export async function* responseExportRows(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  filters: Filters,
  survey: { questions: Question[]; defaultLocale: string },
  x: ExportContext,
): AsyncGenerator<CsvCell[][]> {
  let cursor: string | null = null;
  do {
    const after = decodeCursor(cursor ?? undefined, ['instant', 'uuid']);
    const page = await listResponses(ctx, orgId, surveyId, { ...filters, limit: PAGE, after });
    const ids = page.items.flatMap((r) => (r.locationId ? [r.locationId] : []));
    const locations = ids.length
      ? await ctx.db.withOrg(orgId, (tx) => findLocationNames(tx, orgId, ids))
      : new Map<string, string>();
    yield page.items.map((r) => cells(x, survey.questions, survey.defaultLocale, locations, r));
    cursor = page.nextCursor;
  } while (cursor);
}
