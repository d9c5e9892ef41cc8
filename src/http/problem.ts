import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mapDatabaseError } from '../db/map-database-error.js';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.js';
import { isTekenError } from '../errors/teken-error.js';
import { controlCharacterPatterns } from './schemas.js';

/** RFC 9457 (formerly 7807) problem details, with Teken's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  details?: Record<string, unknown>;
}

export function problemOf(code: ErrorCode, detail?: string, details?: Record<string, unknown>): Problem {
  const { status, title } = errorCatalogue[code];
  return {
    type: `https://teken.dev/errors/${code}`,
    title,
    status,
    code,
    ...(detail !== undefined && detail !== title ? { detail } : {}),
    ...(details ? { details } : {}),
  };
}

/**
 * The seconds after which a refused call may be tried again (RFC 9110 §10.2.3), where the error
 * says: every answer of the attempt guard and of the quotas (429, and a lock's 401/403) carries
 * `details.retryAfterSeconds`, the end of the guard's block or window.
 */
export function retryAfterOf(problem: Problem): number | undefined {
  const seconds = problem.details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? Math.ceil(seconds)
    : undefined;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  const retry = retryAfterOf(problem);
  if (retry !== undefined) void reply.header('retry-after', String(retry));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** The shared schema of a problem+json body, `Problem` in the OpenAPI components. */
export const problemSchema = {
  $id: 'Problem',
  title: 'Problem',
  description: 'RFC 9457 problem details with a stable `code` (docs/errors.md).',
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(errorCatalogue) },
    detail: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
  },
} as const;

type Validation = NonNullable<FastifyError['validation']>;

/**
 * Ajv's message, except for the text patterns, whose regular expression helps nobody. Exported for
 * plugins with their own error format.
 */
export function validationMessage(error: FastifyError, validation: Validation): string {
  const first = validation[0];
  const pattern = (first?.params as { pattern?: unknown } | undefined)?.pattern;
  if (first?.keyword === 'pattern' && typeof pattern === 'string' && controlCharacterPatterns.has(pattern)) {
    const where = `${error.validationContext ?? 'body'}${first.instancePath}`;
    return `${where} must not contain control characters.`;
  }
  return error.message;
}

/** problem+json for any error: catalogue errors, validation, Fastify's own, database constraints. */
export function problemForError(error: FastifyError, request: FastifyRequest): Problem {
  if (isTekenError(error)) {
    if (!error.expose) request.log.error({ err: error }, 'request failed');
    if (error.expose) return problemOf(error.code, error.message, error.details);
    // A 5xx shows the catalogue's title only, and when to try again (ERR_SIGNING_BUSY's 503): the
    // one detail that says nothing of the cause.
    const retry = error.details?.['retryAfterSeconds'];
    return typeof retry === 'number'
      ? problemOf(error.code, undefined, { retryAfterSeconds: retry })
      : problemOf(error.code);
  }
  if (error.validation) return problemOf('ERR_INPUT_INVALID', validationMessage(error, error.validation));
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf('ERR_INPUT_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf('ERR_INPUT_UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemOf('ERR_INPUT_INVALID', error.message);
  }
  // A constraint or type the database refused: the client's input, never a 500.
  const mapped = mapDatabaseError(error);
  if (mapped) return problemOf(mapped.code, mapped.message, mapped.details);
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return problemOf('ERR_INPUT_INVALID', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return problemOf('ERR_SERVER_INTERNAL');
}

/** Maps every error to problem+json; 5xx never expose their cause (it goes to the log). */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) =>
    sendProblem(reply, problemForError(error, request)),
  );
}

/**
 * 404s as problem+json; a browser asking for HTML at a path that is not the API's gets the console
 * (`htmlFallback`), so the console's own routes can be deep-linked.
 */
export function registerNotFound(
  app: FastifyInstance,
  htmlFallback?: (reply: FastifyReply) => FastifyReply,
): void {
  const reserved = /^\/(api|ocsp|crl|ca|healthz|readyz)(\/|$|\.)/;
  app.setNotFoundHandler((request, reply) => {
    if (
      htmlFallback &&
      request.method === 'GET' &&
      !reserved.test(request.url) &&
      (request.headers.accept ?? '').includes('text/html')
    ) {
      return htmlFallback(reply);
    }
    return sendProblem(
      reply,
      problemOf('ERR_RESOURCE_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`),
    );
  });
}
