import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.js';
import { isTekenError } from '../errors/teken-error.js';

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

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** Maps every error to problem+json; 5xx never expose their cause (it goes to the log). */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isTekenError(error)) {
      if (!error.expose) request.log.error({ err: error }, 'request failed');
      return sendProblem(
        reply,
        error.expose ? problemOf(error.code, error.message, error.details) : problemOf(error.code),
      );
    }
    if (error.validation) return sendProblem(reply, problemOf('ERR_INPUT_INVALID', error.message));
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, problemOf('ERR_INPUT_TOO_LARGE'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, problemOf('ERR_INPUT_UNSUPPORTED_MEDIA_TYPE'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, problemOf('ERR_INPUT_INVALID', error.message));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problemOf('ERR_INPUT_INVALID', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problemOf('ERR_SERVER_INTERNAL'));
  });
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
