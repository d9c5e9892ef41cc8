/**
 * HTTP Basic for the routes of API clients (access `api-client`): the authentication scheme of
 * their plugin, BSrE's error format for everything those routes answer, and an audit event for
 * every call.
 *
 * - An `onRequest` hook reads `Authorization: Basic`, authenticates the client through
 *   enrollment/authenticate-api-client.ts (the attempt guard, the allowlist, the rate limit) and
 *   puts it on `request.apiCaller`, before the body is read.
 * - Errors answer `{"status": false, "error": "…", "message": "…", "code": "ERR_…", "status_code": n}`
 *   (BSRE-API.md: clients read `error`, then `message`, then `status`; `status_code` is BSrE's code
 *   such as 2031 where the error has one, else the HTTP status), 401 with `WWW-Authenticate: Basic
 *   realm="Teken"`, 429 with `Retry-After`.
 * - `onResponse` records `api_client.call` with the client, method, route pattern and status,
 *   never a body or a header.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { errorCatalogue } from '../errors/catalogue.js';
import { isTekenError } from '../errors/teken-error.js';
import { authenticateApiClient, parseBasicAuthorization } from '../enrollment/authenticate-api-client.js';
import type { ApiClientRow } from '../enrollment/api-client-records.js';
import type { IdentityContext } from '../identity/identity-context.js';
import { useAuthScheme } from './access.js';
import { problemForError, retryAfterOf } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API client the Basic scheme authenticated (routes with access `api-client`). */
    apiCaller: ApiClientRow | null;
  }
}

export const BASIC_REALM = 'Basic realm="Teken", charset="UTF-8"';

/** The body of every error an API-client route answers (BSrE's clients read `error`). */
export const bsreErrorSchema = {
  type: 'object',
  title: 'ApiClientError',
  required: ['status', 'error', 'message', 'code', 'status_code'],
  properties: {
    status: { type: 'boolean', enum: [false] },
    error: { type: 'string' },
    message: { type: 'string' },
    code: { type: 'string', enum: Object.keys(errorCatalogue) },
    status_code: {
      type: 'integer',
      description:
        "BSrE's code where it has one (2011 not registered, 2031 wrong passphrase), else the HTTP status.",
    },
    retryAfterSeconds: { type: 'integer' },
  },
} as const;

/** Route `response` schemas for API-client routes: the successes, and BSrE's error body. */
export const apiClientResponses = <R extends Record<number, unknown>>(ok: R) => ({
  ...ok,
  '4xx': bsreErrorSchema,
  '5xx': bsreErrorSchema,
});

/**
 * A problem in BSrE's error shape (`error`, then `message`, as clients read them; `status_code`).
 * Also the app's answer to errors raised before routing on the eSign API's paths (build-app.ts).
 */
export function sendBsreError(
  reply: FastifyReply,
  problem: { status: number; code: string; title: string; detail?: string | undefined },
  statusCode: number = problem.status,
  retryAfterSeconds?: number,
): FastifyReply {
  const text = problem.detail ?? problem.title;
  return reply
    .code(problem.status)
    .type('application/json; charset=utf-8')
    .send({
      status: false,
      error: text,
      message: text,
      code: problem.code,
      status_code: statusCode,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
}

export function useApiClientAuth(scope: FastifyInstance, ctx: IdentityContext): void {
  if (!scope.hasRequestDecorator('apiCaller')) scope.decorateRequest('apiCaller', null);
  useAuthScheme(scope, {
    name: 'api-client',
    enforces: (access) => access === 'api-client',
    authenticate: async (request) => {
      request.apiCaller = await authenticateApiClient(
        ctx,
        parseBasicAuthorization(request.headers.authorization),
        request.ip,
      );
    },
  });
  // The same mapping as problem+json (catalogue codes, validation, database errors), in BSrE's shape.
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemForError(error, request);
    const retry = retryAfterOf(problem);
    if (problem.status === 401) void reply.header('www-authenticate', BASIC_REALM);
    if (retry !== undefined) void reply.header('retry-after', String(retry));
    return sendBsreError(reply, problem, bsreCodeOf(error) ?? problem.status, retry);
  });
  scope.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.config.access !== 'api-client') return;
    await recordCall(ctx, request, reply.statusCode).catch((error: unknown) =>
      request.log.error({ err: error }, 'could not record the API client call'),
    );
  });
}

async function recordCall(ctx: IdentityContext, request: FastifyRequest, status: number): Promise<void> {
  const client = request.apiCaller;
  await ctx.db.transaction((tx) =>
    recordAuditEvent(tx, {
      actor: client ? `api-client:${client.id}` : 'anonymous',
      action: 'api_client.call',
      ...(client ? { target: `api-client:${client.id}` } : {}),
      details: {
        ...(client ? { username: client.username, institution: client.institutionId } : {}),
        method: request.method,
        route: request.routeOptions.url ?? null,
        status,
        ip: request.ip,
      },
    }),
  );
}

/** BSrE's numeric code an error carries (`details.bsreCode`), if any. */
function bsreCodeOf(error: unknown): number | undefined {
  if (!isTekenError(error)) return undefined;
  const code = error.details?.['bsreCode'];
  return typeof code === 'number' ? code : undefined;
}

/** The client the route's hook authenticated; a route without access `api-client` has none. */
export function apiCallerOf(request: FastifyRequest): ApiClientRow {
  if (!request.apiCaller)
    throw new Error(`${request.routeOptions.url ?? request.url}: no API client was authenticated`);
  return request.apiCaller;
}
