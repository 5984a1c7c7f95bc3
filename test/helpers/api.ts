import type { TestApp, TestOrg } from './app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiOptions = {
  /** Added to (and overriding) the caller's authentication headers. */
  headers?: Record<string, string>;
};

/** An answer of the app: its status, headers, text, and the body parsed when it is JSON. */
export type ApiResponse<T = any> = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body as received. */
  text: string;
  /** The body parsed when its content type is JSON (problem+json too), else its text. */
  body: T;
  json: <U = T>() => U;
};

/**
 * The one way tests call the API: `api(t, org).post('/api/v1/…', body)` as that organization's
 * admin key, `api(t)` without credentials, or `api(t, { authorization: … })` with any headers.
 * Answers are returned whatever their status; `ok()` fails on any status of 300 and up.
 */
export function api(t: Pick<TestApp, 'app'>, as?: TestOrg | Record<string, string>) {
  const auth: Record<string, string> = as && 'orgId' in as ? (as as TestOrg).auth : (as ?? {});
  const call = async <T = any>(
    method: Method,
    url: string,
    payload?: unknown,
    options: ApiOptions = {},
  ): Promise<ApiResponse<T>> => {
    const res = await t.app.inject({
      method,
      url,
      headers: { ...auth, ...options.headers },
      payload: payload as object | undefined,
    });
    const isJson = /\bjson\b/.test(String(res.headers['content-type'] ?? ''));
    const body = isJson && res.body ? JSON.parse(res.body) : res.body;
    return { status: res.statusCode, headers: res.headers, text: res.body, body, json: () => body };
  };
  const ok = async <T = any>(method: Method, url: string, payload?: unknown, options?: ApiOptions) => {
    const res = await call<T>(method, url, payload, options);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text}`);
    return res.text ? res.body : undefined;
  };
  return {
    call,
    ok,
    get: <T = any>(url: string, options?: ApiOptions) => call<T>('GET', url, undefined, options),
    post: <T = any>(url: string, payload?: unknown, options?: ApiOptions) =>
      call<T>('POST', url, payload, options),
    put: <T = any>(url: string, payload?: unknown, options?: ApiOptions) =>
      call<T>('PUT', url, payload, options),
    patch: <T = any>(url: string, payload?: unknown, options?: ApiOptions) =>
      call<T>('PATCH', url, payload, options),
    delete: <T = any>(url: string, options?: ApiOptions) => call<T>('DELETE', url, undefined, options),
  };
}

export type Api = ReturnType<typeof api>;
