/**
 * Every route declares who may call it, in its route config (`config: { access: ... }`), and the
 * app refuses to register a route that does not, or whose access no authentication scheme of its
 * plugin enforces. So a new route cannot forget its check: it fails at start, not in production.
 *
 * Authentication schemes (`useAuthScheme`) are hooks of one encapsulated plugin: the console's
 * cookie session for the JSON API (session-auth.ts), HTTP Basic for API clients of the eSign API.
 * Each runs as an `onRequest` hook, before the body is parsed and validated, and puts what it
 * resolved on the request, so handlers never authenticate themselves.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Action } from '../identity/authorize.js';

/**
 * - `public`: anyone, signed in or not.
 * - `partial`: a sign-in in progress (password or authenticator step still pending).
 * - `session`: any signed-in account (a full session).
 * - `any-session`: a full session or a sign-in in progress (adding an authenticator).
 * - `{ action }`: a full session whose account may perform the Action of authorize.ts on some
 *   target; the use case checks the actual target again.
 * - `api-client`: a machine client of the eSign API (HTTP Basic).
 * - `activation`: a person in the registration wizard, holding the activation link's token
 *   (`Authorization: Bearer <token>`, activation-auth.ts); the use case opens the registration with
 *   it through enrollment/registration-link.ts.
 */
export type Access =
  'public' | 'partial' | 'session' | 'any-session' | 'api-client' | 'activation' | { action: Action };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function describeAccess(access: Access): string {
  return typeof access === 'string' ? access : `action:${access.action}`;
}

export interface AuthScheme {
  /** Shown in the error when a route declares access no scheme enforces. */
  name: string;
  /** Whether this scheme enforces `access`. */
  enforces(access: Access): boolean;
  /** Authenticates a request to a route it enforces; throws (a TekenError) to refuse. */
  authenticate(request: FastifyRequest, reply: FastifyReply, access: Access): Promise<void> | void;
}

/** Schemes per plugin instance; a plugin's children inherit them (Fastify children are prototypes). */
const schemesOf = new WeakMap<object, AuthScheme[]>();
const defaultAccessOf = new WeakMap<object, Access>();

function lookup<T>(map: WeakMap<object, T>, instance: object): T[] {
  const found: T[] = [];
  for (let at: object | null = instance; at; at = Object.getPrototypeOf(at) as object | null) {
    const value = map.get(at);
    if (value !== undefined) found.push(value);
  }
  return found;
}

/** Adds an authentication scheme to `scope` (a plugin instance) and its hook. */
export function useAuthScheme(scope: FastifyInstance, scheme: AuthScheme): void {
  schemesOf.set(scope, [...(schemesOf.get(scope) ?? []), scheme]);
  scope.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public' || !scheme.enforces(access)) return;
    await scheme.authenticate(request, reply, access);
  });
}

/**
 * The access of routes in `scope` that do not declare one, for routes a third-party plugin
 * registers (the console's static files). Use only for public content.
 */
export function defaultAccess(scope: FastifyInstance, access: 'public'): void {
  defaultAccessOf.set(scope, access);
}

/** One registered route, as the route-list tests see it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  schema: RouteOptions['schema'];
  /** Hidden from the OpenAPI document (raw or binary routes). */
  hidden: boolean;
}

/**
 * The root `onRoute` hook: refuses routes without an access declaration, or whose declaration no
 * scheme of their plugin enforces, and collects the others into `routes`.
 */
export function enforceAccessDeclarations(app: FastifyInstance, routes: RouteEntry[]): void {
  app.addHook('onRoute', function (this: FastifyInstance, route) {
    const declared = route.config?.access ?? lookup(defaultAccessOf, this)[0];
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const where = `${methods.join(',')} ${route.url}`;
    if (declared === undefined)
      throw new Error(
        `${where}: the route declares no access (config: { access: ... }, see src/http/access.ts)`,
      );
    if (declared !== 'public') {
      const schemes = lookup(schemesOf, this).flat();
      if (!schemes.some((s) => s.enforces(declared)))
        throw new Error(
          `${where}: access ${describeAccess(declared)} is enforced by no authentication scheme of its plugin` +
            (schemes.length ? ` (it has ${schemes.map((s) => s.name).join(', ')})` : ''),
        );
    }
    route.config = { ...route.config, access: declared };
    for (const method of methods) {
      // Fastify adds a HEAD route after each GET (@fastify/static one before): the list keeps the GET.
      if (method === 'HEAD' && routes.some((r) => r.method === 'GET' && r.url === route.url)) continue;
      if (method === 'GET') {
        const head = routes.findIndex((r) => r.method === 'HEAD' && r.url === route.url);
        if (head >= 0) routes.splice(head, 1);
      }
      routes.push({
        method,
        url: route.url,
        access: declared,
        schema: route.schema,
        hidden: route.schema?.hide === true,
      });
    }
  });
}
