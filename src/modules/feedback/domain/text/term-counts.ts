import { type AnswerTerms, preferLabel } from './analyze-answer';
import { type DetectedLang, isTextLang } from './languages';

export interface TermStat {
  /** Number of answers that mention the term. */
  count: number;
  label: string;
}

/**
 * Term statistics of one (language, class) pair, e.g. Polish detractors. Built incrementally, one
 * answer at a time, and persisted as JSON; rankTerms compares two of them.
 * `cls` is free text so that CSAT or CES classes ('negative', 'positive') fit as well as NPS ones.
 */
export interface TermCounts {
  lang: DetectedLang;
  cls: string;
  /** Answers added (including ones with no terms). */
  answers: number;
  terms: Map<string, TermStat>;
  phrases: Map<string, TermStat>;
}

/** JSON form: maps become objects of key → [count, label]. */
export interface TermCountsJson {
  version: 1;
  lang: DetectedLang;
  cls: string;
  answers: number;
  terms: Record<string, [number, string]>;
  phrases: Record<string, [number, string]>;
}

export function createTermCounts(lang: DetectedLang, cls: string): TermCounts {
  return { lang, cls, answers: 0, terms: new Map(), phrases: new Map() };
}

/** Count one answer's terms (mutates and returns `counts`, so that large maps are not copied). */
export function addAnswerTerms(counts: TermCounts, answer: AnswerTerms): TermCounts {
  if (answer.lang !== counts.lang) {
    throw new RangeError(`answer in ${answer.lang} added to ${counts.lang} term counts`);
  }
  counts.answers++;
  for (const t of answer.terms) bump(counts.terms, t.key, 1, t.label);
  for (const p of answer.phrases) bump(counts.phrases, p.key, 1, p.label);
  return counts;
}

/**
 * Take one answer back out, e.g. when a response is deleted or re-classified (mutates `counts`).
 * Counts return to what they were; a label may keep a spelling that only the removed answer used.
 */
export function removeAnswerTerms(counts: TermCounts, answer: AnswerTerms): TermCounts {
  if (answer.lang !== counts.lang) {
    throw new RangeError(`answer in ${answer.lang} removed from ${counts.lang} term counts`);
  }
  counts.answers = Math.max(0, counts.answers - 1);
  for (const t of answer.terms) bump(counts.terms, t.key, -1, t.label);
  for (const p of answer.phrases) bump(counts.phrases, p.key, -1, p.label);
  return counts;
}

/** Sum two term counts of the same language and class (e.g. two months) into a new one. */
export function mergeTermCounts(a: TermCounts, b: TermCounts): TermCounts {
  if (a.lang !== b.lang || a.cls !== b.cls) {
    throw new RangeError(`cannot merge ${a.lang}/${a.cls} with ${b.lang}/${b.cls}`);
  }
  const merged = createTermCounts(a.lang, a.cls);
  merged.answers = a.answers + b.answers;
  for (const source of [a, b]) {
    for (const [k, s] of source.terms) bump(merged.terms, k, s.count, s.label);
    for (const [k, s] of source.phrases) bump(merged.phrases, k, s.count, s.label);
  }
  return merged;
}

function bump(map: Map<string, TermStat>, key: string, by: number, label: string): void {
  const stat = map.get(key);
  if (!stat) {
    if (by > 0) map.set(key, { count: by, label });
    return;
  }
  stat.count += by;
  if (stat.count <= 0) map.delete(key);
  else stat.label = preferLabel(stat.label, label);
}

export function termCountsToJson(counts: TermCounts): TermCountsJson {
  const toObject = (m: Map<string, TermStat>) => {
    // Sorted keys give a stable JSON text for equal counts.
    const entries = [...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return Object.fromEntries(entries.map(([k, s]) => [k, [s.count, s.label] as [number, string]]));
  };
  return {
    version: 1,
    lang: counts.lang,
    cls: counts.cls,
    answers: counts.answers,
    terms: toObject(counts.terms),
    phrases: toObject(counts.phrases),
  };
}

export function serializeTermCounts(counts: TermCounts): string {
  return JSON.stringify(termCountsToJson(counts));
}

/**
 * Rebuild term counts from their JSON form (a string or the parsed object, as a jsonb column gives it).
 * Validates everything, since the stored value may have been written by an older or broken version.
 */
export function parseTermCounts(input: string | unknown): TermCounts {
  const json = typeof input === 'string' ? JSON.parse(input) : input;
  if (!json || typeof json !== 'object') throw new TypeError('term counts must be an object');
  const o = json as Record<string, unknown>;
  if (o.version !== 1) throw new TypeError(`unsupported term counts version ${String(o.version)}`);
  if (o.lang !== 'und' && !isTextLang(o.lang))
    throw new TypeError(`bad term counts language ${String(o.lang)}`);
  if (typeof o.cls !== 'string') throw new TypeError('term counts class must be a string');
  if (!isCount(o.answers)) throw new TypeError('term counts answers must be a non-negative integer');
  const counts = createTermCounts(o.lang, o.cls);
  counts.answers = o.answers;
  readMap(o.terms, counts.terms, 'terms');
  readMap(o.phrases, counts.phrases, 'phrases');
  return counts;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function readMap(value: unknown, into: Map<string, TermStat>, field: string): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`term counts ${field} must be an object`);
  }
  // Object.entries reads own properties only, so keys such as "constructor" are safe.
  for (const [key, entry] of Object.entries(value)) {
    if (!Array.isArray(entry) || entry.length !== 2 || !isCount(entry[0]) || typeof entry[1] !== 'string') {
      throw new TypeError(`term counts ${field}.${key} must be [count, label]`);
    }
    if (entry[0] > 0) into.set(key, { count: entry[0], label: entry[1] });
  }
}
