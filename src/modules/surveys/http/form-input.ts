import { invalid } from '../../../lib/errors';
import { findInputProblem } from '../../../lib/safe-input';
import { ZLocationCode, ZNonce } from './schemas';

export type FormBody = Record<string, string | string[]>;

/** application/x-www-form-urlencoded → fields; a repeated name (checkboxes) becomes a list. */
export function parseForm(body: string): FormBody {
  const out: FormBody = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** One text value of a field; anything else (a JSON body may carry numbers or objects) is absent. */
const one = (v: unknown): string | undefined => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : undefined;
};

/**
 * The respondent's form: answers from `q.<id>` fields, the nonce, what was shown, what was asked.
 * A field holding what no column can store (NUL; a browser never sends it) is refused with a 400.
 */
export function readSurveyForm(body: Record<string, unknown>) {
  const problem = findInputProblem(body);
  if (problem) throw invalid(['body', ...problem.path].join('.'), problem.message);
  const answers: Record<string, unknown> = {};
  const details: Record<string, Record<string, string | undefined>> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith('q.') || key === 'q.__proto__') continue;
    // `q.<id>.email` and `q.<id>.phone` belong to the "may we contact you?" answer `q.<id>`.
    const [, id, part] = /^q\.([^.]+)\.(email|phone)$/.exec(key) ?? [];
    if (id && id !== '__proto__') details[id] = { ...details[id], [part]: one(value) };
    else answers[key.slice(2)] = value;
  }
  for (const [id, { email, phone }] of Object.entries(details)) {
    if (answers[id] === undefined) continue;
    answers[id] = { consent: one(answers[id]), email, phone };
  }
  const nonce = one(body.nonce);
  const touchpoint = one(body.tp)?.trim().slice(0, 100);
  // A location code no location has is left out: the respondent cannot mend the link they followed.
  const location = one(body.l)?.trim();
  return {
    answers,
    nonce: nonce && ZNonce.safeParse(nonce).success ? nonce : undefined,
    presented: (one(body.presented) ?? '').split(',').filter(Boolean),
    final: one(body.action) !== 'save',
    honeypot: Boolean(one(body.website)),
    channel: one(body.ch) === 'qr' ? 'qr' : 'link',
    touchpoint: touchpoint || undefined,
    locationCode: location && ZLocationCode.safeParse(location).success ? location : undefined,
    lang: one(body.lang),
  };
}
