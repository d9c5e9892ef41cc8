/**
 * The registration wizard's scheme (access `activation`): the activation link's token, sent as
 * `Authorization: Bearer <token>` (the console reads it from the link's fragment, so it is in no
 * URL, log or Referer). The hook only checks that a well-formed token is present and puts it on
 * `request.activationToken`; the use case opens the registration with it
 * (enrollment/registration-link.ts), which is where unknown tokens are counted by the attempt guard.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TekenError } from '../errors/teken-error.js';
import { isWellFormedToken } from '../identity/opaque-token.js';
import { useAuthScheme } from './access.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The activation token of a wizard request (routes with access `activation`). */
    activationToken: string | null;
  }
}

export function useActivationAuth(scope: FastifyInstance): void {
  if (!scope.hasRequestDecorator('activationToken')) scope.decorateRequest('activationToken', null);
  useAuthScheme(scope, {
    name: 'activation',
    enforces: (access) => access === 'activation',
    authenticate: (request) => {
      const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(request.headers.authorization ?? '');
      if (!match || !isWellFormedToken(match[1]))
        throw new TekenError(
          'ERR_AUTH_REQUIRED',
          'Open the activation link from your e-mail again (the wizard sends its token as Authorization: Bearer).',
        );
      request.activationToken = match[1]!;
    },
  });
}

/** The token the scheme found; a route without access `activation` has none. */
export function activationTokenOf(request: FastifyRequest): string {
  if (!request.activationToken)
    throw new Error(`${request.routeOptions.url ?? request.url}: no activation token was checked`);
  return request.activationToken;
}
