import i18n from 'i18next';
import type { FieldError, Page } from '../../../src/http/api-types';

export type { Page };

/** A problem+json answer of the API (RFC 9457); `errors` names each bad field. */
export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status() {
    return this.problem.status;
  }
}

const CSRF_COOKIE = 'orientir_csrf';
const SAFE = new Set(['GET', 'HEAD']);

/** The session's CSRF token: the server sets it in a readable cookie at login. */
function readCsrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

let onUnauthorized: () => void = () => {};
/** Called when a request answers 401: the session ended, the shell shows the login page. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** `/api/v1/...` with the query's defined values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the API with the session cookie; writes echo the CSRF token. Errors throw ApiError. */
export async function api<T>(
  method: string,
  path: string,
  options: {
    query?: Query;
    body?: unknown;
    /** A body sent as it is (a CSV file, a photo) with its media type, instead of JSON. */
    raw?: { text: string | Blob; contentType: string };
    idempotencyKey?: string;
  } = {},
): Promise<T> {
  // The dashboard's language: what the API writes texts it renders (case titles, labels) in.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.raw) headers['content-type'] = options.raw.contentType;
  if (!SAFE.has(method)) {
    const csrf = readCsrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const res = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.raw
      ? options.raw.text
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && path !== '/auth/login') onUnauthorized();
    const problem = (data && typeof data === 'object' ? data : {}) as Problem;
    throw new ApiError({ ...problem, status: res.status });
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, { query });
/** Every item of a list, page after page: for the short lists of the settings. */
export async function getAll<T>(path: string, query?: Query): Promise<Page<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<Page<T>>(path, { ...query, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, nextCursor: null };
}
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, { body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, { body });
export const del = <T>(path: string) => api<T>('DELETE', path);
