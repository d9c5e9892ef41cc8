/**
 * Cookie sessions for the console's JSON API. The cookie is `__Host-teken_session` (Secure,
 * HttpOnly, SameSite=Strict, Path=/) when TEKEN_PUBLIC_URL is https, and `teken_session` without
 * Secure on plain-http development setups, where browsers would refuse a `__Host-` cookie.
 * Cookie-authenticated writes need the session's CSRF token in `X-CSRF-Token`, and a cross-site
 * Origin is refused outright.
 */
import crypto from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/load-config.js';
import { TekenError } from '../errors/teken-error.js';
import { getAccount, type AccountRow } from '../identity/accounts.js';
import { can } from '../identity/authorize.js';
import type { IdentityContext } from '../identity/identity-context.js';
import { findSession, type SessionMeta, type SessionRow } from '../identity/sessions.js';
import { useAuthScheme, type Access } from './access.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session the route's authentication hook resolved (routes with a session access). */
    auth: Authenticated | null;
  }
}

export function sessionCookieName(config: Config): string {
  return config.publicUrl.startsWith('https:') ? '__Host-teken_session' : 'teken_session';
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  token: string,
  remember: boolean,
): void {
  const secure = config.publicUrl.startsWith('https:');
  void reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'strict',
    ...(remember ? { maxAge: config.identity.sessionRememberDays * 86_400 } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    secure: config.publicUrl.startsWith('https:'),
    sameSite: 'strict',
  });
}

export function requestMeta(request: FastifyRequest): SessionMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuses requests whose Origin is another site (browsers send Origin on every unsafe request). */
export function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin || !unsafe.has(request.method)) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new TekenError('ERR_AUTH_CSRF', 'The Origin header is not valid.');
  }
  if (host !== request.headers.host)
    throw new TekenError('ERR_AUTH_CSRF', 'Cross-site requests are not accepted.');
}

export interface Authenticated {
  session: SessionRow;
  account: AccountRow;
}

/** The session behind the cookie, checked for stage and CSRF; throws ERR_AUTH_REQUIRED. */
export async function requireSession(
  ctx: IdentityContext,
  request: FastifyRequest,
  stage: 'partial' | 'full' | 'any' = 'full',
): Promise<Authenticated> {
  assertSameOrigin(request);
  const token = request.cookies[sessionCookieName(ctx.config)];
  const session = await findSession(ctx.db, ctx.config, token);
  if (!session || (stage !== 'any' && session.stage !== stage)) {
    throw new TekenError(
      'ERR_AUTH_REQUIRED',
      stage === 'partial' ? 'The sign-in has expired. Start again.' : 'Sign in first.',
    );
  }
  if (unsafe.has(request.method) && !csrfTokenMatches(request.headers['x-csrf-token'], session.csrfToken)) {
    throw new TekenError('ERR_AUTH_CSRF');
  }
  const account = await getAccount(ctx.db, session.accountId);
  if (account.status !== 'active') throw new TekenError('ERR_AUTH_REQUIRED');
  return { session, account };
}

/**
 * Compares the X-CSRF-Token header with the session's token in constant time. A missing, repeated
 * or differently long header is refused without comparing, which tells nothing: every session's
 * token has the same length.
 */
export function csrfTokenMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length) return false;
  return crypto.timingSafeEqual(given, wanted);
}

const stageOf = (access: Access): 'partial' | 'full' | 'any' =>
  access === 'partial' ? 'partial' : access === 'any-session' ? 'any' : 'full';

/**
 * The console's cookie session as the authentication scheme of a plugin: for routes whose access
 * is `partial`, `session`, `any-session` or an action, an `onRequest` hook resolves the session
 * (before the body is read and validated) and puts it on `request.auth`. For an action it also
 * refuses, with 403, an account that may not perform it on any target; the use case checks the
 * actual target.
 */
export function useSessionAuth(scope: FastifyInstance, identity: IdentityContext): void {
  if (!scope.hasRequestDecorator('auth')) scope.decorateRequest('auth', null);
  useAuthScheme(scope, {
    name: 'session',
    enforces: (access) =>
      access === 'partial' || access === 'session' || access === 'any-session' || typeof access === 'object',
    authenticate: async (request, _reply, access) => {
      const auth = await requireSession(identity, request, stageOf(access));
      if (typeof access === 'object') {
        const { account } = auth;
        if (!can(account, access.action, { institutionId: account.institutionId }))
          throw new TekenError('ERR_AUTH_FORBIDDEN');
      }
      request.auth = auth;
    },
  });
}

/** The session the route's hook resolved; a route without a session access has none. */
export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new Error(`${request.routeOptions.url ?? request.url}: no session was resolved`);
  return request.auth;
}
