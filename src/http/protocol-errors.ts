import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem';

/**
 * Errors answered before a route runs, all as problem+json: the HTTP parser's (URI or headers
 * too long, malformed requests), the router's (undecodable URL, a path parameter too long) and
 * unknown paths or methods (404, or 405 with `Allow` when the path exists for other methods).
 */

/** The longest path parameter the router takes (UTF-16 units); longer is 414. Identifiers are ≤ 255. */
export const MAX_PARAM_LENGTH = 255;

/** The same problem+json body sendProblem writes, for answers written on the raw socket. */
function problemBody(status: number, code: string, detail: string) {
  return JSON.stringify({
    type: `urn:orientir:problem:${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
  });
}

/** The request line of a raw packet when the packet starts the request, else undefined. */
function requestLineOf(packet: Buffer | undefined): { line: string; ended: boolean } | undefined {
  if (!packet?.length) return undefined;
  const head = packet.subarray(0, 64 * 1024).toString('latin1');
  const end = head.indexOf('\n');
  return { line: end === -1 ? head : head.slice(0, end).replace(/\r$/, ''), ended: end !== -1 };
}

/**
 * Node reports a request line or headers past its size limit alike (HPE_HEADER_OVERFLOW). The
 * packet it failed on tells which: still inside an unfinished first line, or a first line that
 * ends in `HTTP/1.x` after most of the limit, is a URI too long (414); otherwise the headers (431).
 */
function overflowStatus(packet: Buffer | undefined): 414 | 431 {
  const first = requestLineOf(packet);
  if (!first) return 431;
  const startsRequest = /^[A-Z]+ \S/.test(first.line);
  if (!first.ended) return startsRequest ? 414 : 431;
  if (/ HTTP\/\d\.\d$/.test(first.line)) return startsRequest && first.line.length < 4096 ? 431 : 414;
  return 431;
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'timeout', 'the request did not arrive in time'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'payload_too_large', 'chunk extensions too large'],
};

/**
 * Fastify's `clientErrorHandler`: the Node HTTP parser refused the request, so no request or
 * reply exists; the answer is written on the socket, which then closes.
 */
export function clientErrorHandler(this: FastifyInstance, err: ConnectionError, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  // Node hands the packet it failed on as a Buffer (Fastify's type says otherwise).
  const packet: unknown = err.rawPacket;
  let answer: [number, string, string];
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    answer =
      overflowStatus(Buffer.isBuffer(packet) ? packet : undefined) === 414
        ? [414, 'uri_too_long', 'the request URI is too long']
        : [431, 'header_fields_too_large', 'the request headers are too large'];
  } else {
    answer = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'bad_request', 'the request is not valid HTTP/1.1'];
  }
  const [status, code, detail] = answer;
  this.log.trace({ err }, `client error ${status}`);
  if (socket.writable) {
    const body = problemBody(status, code, detail);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(err);
}

const FRAMEWORK_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_BAD_URL: [400, 'bad_url', 'the URL is not validly percent-encoded'],
  FST_ERR_MAX_PARAM_LENGTH: [
    414,
    'uri_too_long',
    `a path segment is longer than ${MAX_PARAM_LENGTH} characters`,
  ],
};

/** Fastify's `frameworkErrors`: the router refused the URL before any route was found. */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const known = FRAMEWORK_ERRORS[error.code];
  if (known) return sendProblem(reply, known[0], known[1], known[2]);
  req.log.error({ err: error }, 'routing failed');
  return sendProblem(reply, 500, 'internal', 'internal error; the request id is in the x-request-id header');
}

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

/**
 * The methods a concrete path has routes for. The dashboard's catch-all (`/*`) does not count:
 * a path only it matches exists for no method.
 */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => {
    const found = app.findRoute({ method, url: path });
    return found !== null && !('*' in (found.params ?? {}));
  });
}

/** Whether a segment of the path is longer than any route takes (the router never matched it). */
function segmentTooLong(path: string): boolean {
  return path.split('/').some((segment) => {
    if (segment.length <= MAX_PARAM_LENGTH) return false;
    try {
      return decodeURIComponent(segment).length > MAX_PARAM_LENGTH;
    } catch {
      return true;
    }
  });
}

/**
 * Unknown path: 404; known path, other method: 405 with `Allow`; a path segment too long for
 * any route: 414 (the router reports that itself only when no catch-all route matches).
 */
export function notFoundHandler(app: FastifyInstance) {
  return (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    if (segmentTooLong(path)) {
      const [status, code, detail] = FRAMEWORK_ERRORS.FST_ERR_MAX_PARAM_LENGTH;
      return sendProblem(reply, status, code, detail);
    }
    const allow = allowedMethods(app, path);
    if (allow.length && !allow.includes(req.method)) {
      reply.header('allow', allow.join(', '));
      return sendProblem(
        reply,
        405,
        'method_not_allowed',
        `${req.method} is not allowed here; use ${allow.join(', ')}`,
      );
    }
    return sendProblem(reply, 404, 'not_found', `no route ${req.method} ${path}`);
  };
}
