import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { connectionFailure, DATABASE_RETRY_AFTER_SECONDS, isConnectionError } from '../db/connection-errors';
import { AppError, type FieldError } from '../lib/errors';

/** RFC 9457 problem details; `errors` names each bad field of a validation failure. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `urn:orientir:problem:${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      ...(errors ? { errors } : {}),
    });
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function fieldErrors(
  error: FastifyError & { validation?: unknown[]; validationContext?: string },
): FieldError[] {
  const part = PART_NAMES[error.validationContext ?? 'body'] ?? 'body';
  return (error.validation ?? []).map((v) => {
    const issue = v as {
      instancePath?: string;
      message?: string;
      params?: { issue?: { path?: PropertyKey[] } };
    };
    const path =
      issue.params?.issue?.path?.map(String) ?? (issue.instancePath ?? '').split('/').filter(Boolean);
    return { field: [part, ...path].join('.'), message: issue.message ?? 'is invalid' };
  });
}

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.status >= 500) req.log.error({ err: error }, 'request failed');
    return sendProblem(reply, error.status, error.code, error.message, error.errors);
  }
  if (hasZodFastifySchemaValidationErrors(error) || (error as { validation?: unknown }).validation) {
    const errors = fieldErrors(error as FastifyError & { validation: unknown[] });
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return sendProblem(reply, 400, 'validation', detail || error.message, errors);
  }
  if (isResponseSerializationError(error)) {
    req.log.error({ err: error }, 'response did not match its schema');
    return sendProblem(reply, 500, 'internal', 'internal error');
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return sendProblem(reply, 429, 'rate_limited', 'rate limit exceeded; retry later');
  if (status >= 400 && status < 500) {
    const code = (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
    return sendProblem(reply, status, code, error.message);
  }
  if (isConnectionError(error)) {
    // The database is restarting, failing over or unreachable: the same request may succeed shortly.
    req.log.warn(connectionFailure(error), 'database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendProblem(reply, 503, 'unavailable', 'the database is unavailable; retry later');
  }
  req.log.error({ err: error }, 'request failed');
  return sendProblem(reply, 500, 'internal', 'internal error; the request id is in the x-request-id header');
}
