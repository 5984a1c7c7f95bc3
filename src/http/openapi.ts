import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * What the OpenAPI document says each route answers. A route declares its successful answers
 * in `schema.response` (JSON by default; `jsonOrCsv` and `mediaOf` for other media types); the
 * errors it can answer follow from what the route is, so no route lists them by hand:
 *
 * - every route: 429 (rate limit), 500, 503 (the database away);
 * - any input (path, query, headers) or a method that carries a body: 400;
 * - a method that carries a body: 413 and 415 as well;
 * - path parameters: 404;
 * - anything but `public`: 401 and 403;
 * - writes of a signed-in caller: 409 and 422 (`Idempotency-Key` still running, or reused);
 * - and what a route's `config.problems` adds, with why (a login's 401, a lookup's 404 without
 *   parameters).
 *
 * Each of these is `application/problem+json`, one shared `Problem` schema.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Error statuses the route answers beyond those its kind implies, each with why (see `problemStatuses`). */
    problems?: Readonly<Record<number, string>>;
  }
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** RFC 9457 problem details as `sendProblem` writes them. */
export const ZProblem = z
  .object({
    type: z.string().describe('urn:orientir:problem:<code>; the code names the kind of error'),
    title: z.string().describe('the HTTP status in words'),
    status: z.number().int().describe('the HTTP status code'),
    detail: z.string().describe('what went wrong; a bad input names its field first'),
    errors: z
      .array(
        z.object({ field: z.string().describe('body.x, query.x, path.x or header.x'), message: z.string() }),
      )
      .optional()
      .describe('each bad field of a validation failure'),
  })
  .describe('RFC 9457 problem details');

/** The `Problem` component of the document, which every error answer refers to. */
export function problemComponent(): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(ZProblem, { target: 'draft-2020-12', io: 'output' });
  return schema;
}

/** A table answered as JSON, or as CSV when `format=csv` or `Accept: text/csv` asks for it. */
export function jsonOrCsv<T extends z.ZodType>(schema: T) {
  return {
    description: 'The table as JSON, or as CSV (format=csv or Accept: text/csv)',
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string().describe('comma-separated values with a header row') },
    },
  };
}

/** An answer of one non-JSON media type (an image, a page); `binary` for bytes that are not text. */
export function mediaOf(mediaType: string, description: string, binary = false) {
  const body = binary ? z.unknown().meta({ contentMediaType: mediaType }) : z.string();
  return { description, content: { [mediaType]: { schema: body.describe(description) } } };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Why each error status can answer, as the document describes it. */
export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: an invalid field (errors[] names each) or a malformed body',
  401: 'Unauthorized: no valid API key or session',
  403: 'Forbidden: the key or user lacks the permission, or a session write lacks its CSRF header',
  404: 'Not Found: nothing of that identifier in this organization',
  409: 'Conflict: the current state refuses the change, or a request with this Idempotency-Key is still running',
  410: 'Gone: no longer available',
  413: 'Content Too Large: the body exceeds the limit',
  415: 'Unsupported Media Type: the body is not of a type this route reads',
  422: 'Unprocessable Content: the Idempotency-Key was used with a different request',
  429: 'Too Many Requests: a rate limit; retry later',
  500: 'Internal Server Error: the request id is in the x-request-id header',
  503: 'Service Unavailable: the database is unreachable; retry after Retry-After',
};

type RouteLike = Pick<RouteOptions, 'method' | 'schema'> & {
  config?: { access?: string; problems?: Readonly<Record<number, string>> };
};

/** The error statuses a route can answer, from its method, access rule, inputs and `config.problems`. */
export function problemStatuses(route: RouteLike): number[] {
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) =>
    String(m).toUpperCase(),
  );
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const access = route.config?.access;
  const statuses = new Set<number>([429, 500, 503]);
  const hasBody = methods.some((m) => WITH_BODY.has(m));
  if (hasBody || schema.params || schema.querystring || schema.headers || schema.body) statuses.add(400);
  if (hasBody) {
    statuses.add(413);
    statuses.add(415);
  }
  if (schema.params) statuses.add(404);
  if (access && access !== 'public') {
    statuses.add(401);
    statuses.add(403);
    if (methods.some((m) => WRITES.has(m))) {
      statuses.add(409);
      statuses.add(422);
    }
  }
  for (const status of Object.keys(route.config?.problems ?? {})) statuses.add(Number(status));
  return [...statuses].sort((a, b) => a - b);
}

/** Statuses whose answer may say when to try again. */
const RETRY_AFTER = new Set([429, 503]);

function problemResponse(status: number, why?: string) {
  const general = PROBLEM_DESCRIPTIONS[status] ?? 'Error';
  return {
    description: why ? `${general.split(':')[0]}: ${why}` : general,
    ...(RETRY_AFTER.has(status)
      ? {
          headers: { 'retry-after': { type: 'integer', description: 'seconds to wait before trying again' } },
        }
      : {}),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The swagger transform: zod schemas to JSON Schema (fastify-type-provider-zod), then the error
 * answers of the route added beside the answers it declares.
 */
export function openapiTransform(input: TransformInput) {
  const out = jsonSchemaTransform(input);
  const schema = out.schema as Record<string, unknown> | undefined;
  if (!schema || schema.hide) return out;
  const route = (input as { route?: RouteLike }).route ?? { method: 'GET', schema: input.schema };
  const declared = (schema.response ?? {}) as Record<string, unknown>;
  const response: Record<string, unknown> = { ...declared };
  for (const status of problemStatuses(route)) {
    if (!(String(status) in declared))
      response[status] = problemResponse(status, route.config?.problems?.[status]);
  }
  return { ...out, schema: { ...schema, response } };
}
