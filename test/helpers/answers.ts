import type { App } from '../../src/http/types';

/**
 * The whole suite as witness of the OpenAPI document: every answer an app of `createTestApp`
 * gives is recorded (method, route template, status, media type) and, when the app closes,
 * compared with what the document declares for that operation. An answer it does not declare
 * fails the test file, naming the route, status and media type.
 *
 * - A documented operation: the status must be declared, and the media type among its
 *   content (no media type for a response declared without content).
 * - No route (404, 405, errors of the router): application/problem+json.
 * - A route the document hides: its errors under /api/ are application/problem+json.
 * - Any other route missing from the document is an error itself: the check cannot pass by
 *   failing to find the operations it should check.
 */

export type Answer = {
  method: string;
  /** The route template (`/api/v1/surveys/:id`), undefined when no route matched. */
  route?: string;
  /** The route keeps out of the document (`schema.hide`). */
  hidden?: boolean;
  url: string;
  status: number;
  mediaType?: string;
};

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

const PROBLEM = 'application/problem+json';

/** Every answer this process's apps checked against the document (the dedicated test reads it). */
export const witnessed = { answers: 0, againstDocument: 0 };

export function mediaTypeOf(header: unknown): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || !value) return undefined;
  return value.split(';')[0].trim().toLowerCase();
}

/** `/api/v1/surveys/:id/qr.png` → `/api/v1/surveys/{id}/qr.png`, as @fastify/swagger writes paths. */
export function documentPath(route: string): string {
  return route.replace(/:(\w+)/g, '{$1}');
}

/** Why an answer is not what the document allows; undefined when it is. */
export function undeclared(doc: OpenApiDocument, answer: Answer): string | undefined {
  const { method, route, hidden, url, status, mediaType } = answer;
  const path = url.split('?')[0];
  const where = `${method} ${route ?? path} → ${status} ${mediaType ?? '(no content type)'}`;
  const mustBeProblem = () => (mediaType === PROBLEM ? undefined : `${where}: an error must be ${PROBLEM}`);
  if (route === undefined) return status >= 400 ? mustBeProblem() : `${where}: an answer without a route`;
  const operation = doc.paths[documentPath(route)]?.[(method === 'HEAD' ? 'GET' : method).toLowerCase()];
  if (!operation && !hidden) return `${where}: the route is missing from the document`;
  if (!operation) return status >= 400 && path.startsWith('/api/') ? mustBeProblem() : undefined;
  const responses = operation.responses ?? {};
  const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (!declared)
    return `${where}: status not in the document (it lists ${Object.keys(responses).join(', ')})`;
  const content = Object.keys(declared.content ?? {});
  if (!content.length) return mediaType ? `${where}: the document declares no content` : undefined;
  if (!mediaType || !content.includes(mediaType)) {
    return `${where}: content type not in the document (it lists ${content.join(', ')})`;
  }
  return undefined;
}

/** Records every answer of `app`; `check` compares them with the app's own document. */
export function witnessAnswers(app: App) {
  const answers: Answer[] = [];
  app.addHook('onResponse', async (req, reply) => {
    answers.push({
      method: req.method,
      route: req.routeOptions.url,
      hidden: Boolean((req.routeOptions.schema as { hide?: boolean } | undefined)?.hide),
      url: req.url,
      status: reply.statusCode,
      mediaType: mediaTypeOf(reply.getHeader('content-type')),
    });
  });
  return {
    answers,
    /** Problems found; each answer is checked once. */
    check(): string[] {
      const doc = app.swagger() as unknown as OpenApiDocument;
      const problems = new Set<string>();
      for (const answer of answers.splice(0)) {
        witnessed.answers++;
        if (answer.route && doc.paths[documentPath(answer.route)]) witnessed.againstDocument++;
        const problem = undeclared(doc, answer);
        if (problem) problems.add(problem);
      }
      return [...problems];
    },
  };
}
