import type { App } from '../http/types';

/** Calls the application's own HTTP API in-process, as an integration would. */
export type DemoApi = {
  call<T = any>(method: string, url: string, payload?: unknown): Promise<T>;
  /** Whether the running build has this route (capabilities that have not landed are skipped). */
  has(method: string, url: string): boolean;
};

export function demoApi(app: App, apiKey: string): DemoApi {
  const routes = new Set(app.routeList.map((r) => `${r.method} ${r.url}`));
  return {
    has: (method, url) => routes.has(`${method} ${url}`),
    async call<T>(method: string, url: string, payload?: unknown): Promise<T> {
      const res = await app.inject({
        method: method as 'POST',
        url,
        headers: { authorization: `Bearer ${apiKey}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (res.statusCode >= 300) {
        throw new Error(`demo: ${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
      }
      return (res.body ? res.json() : undefined) as T;
    },
  };
}

/** Splits work into batches the API accepts. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
