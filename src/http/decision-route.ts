/**
 * The RA's decisions share one route shape: `POST /api/v1/ra/<things>/:id/<verb>` on the UUID of
 * what is decided, under the action authorize.ts checks, with the words the holder is told (a
 * `reason` or a `note`: multiline, bounded, required) and perhaps a closed choice (a revocation
 * reason), answering with the new status. Approve / reject of certificate requests, Pencabutan
 * requests and profile changes, and suspend / release / revoke of certificates are declared with
 * `decisionRoute`, so that the shape (and what the route fuzzer and the OpenAPI document see) is
 * written once.
 *
 * @example
 * decisionRoute(app, {
 *   url: '/api/v1/ra/change-requests/:id/reject',
 *   action: 'change_request.review',
 *   summary: 'Rejects with a reason the subscriber is told.',
 *   texts: { reason: REASON_MAX },
 *   response: decided,
 *   decide: (actor, id, body) => rejectChangeRequest(ctx, actor, id, body.reason),
 * });
 */
import type { FastifyInstance } from 'fastify';
import type { AccountRow } from '../identity/accounts.js';
import type { Action } from '../identity/authorize.js';
import { multilineText, object, uuidParams } from './schemas.js';
import { authOf } from './session-auth.js';

export interface DecisionRoute<B extends Record<string, string>> {
  url: `/api/v1/ra/${string}/:id/${string}`;
  action: Action;
  summary: string;
  /** Closed choices of the body (e.g. `reason: stringEnum(...)`), each required; they come first. */
  choices?: { readonly [K in keyof B]?: unknown };
  /** The words for the holder, by field (`reason`, `note`): each required, at most this many characters. */
  texts?: { readonly [K in keyof B]?: number };
  /** The route's `response` schema (`responses({ 200: … })`). */
  response: unknown;
  decide: (actor: AccountRow, id: string, body: B) => Promise<unknown>;
}

/** The body schema of a decision: its choices, then its texts, all required; none without either. */
function bodyOf(choices: Record<string, unknown>, texts: Record<string, number | undefined>) {
  const properties: Record<string, unknown> = { ...choices };
  for (const [field, max] of Object.entries(texts))
    if (max !== undefined) properties[field] = multilineText(max, { minLength: 1 });
  const fields = Object.keys(properties);
  return fields.length > 0 ? object(properties, fields) : undefined;
}

export function decisionRoute<B extends Record<string, string> = Record<never, never>>(
  app: FastifyInstance,
  route: DecisionRoute<B>,
): void {
  const body = bodyOf(route.choices ?? {}, route.texts ?? {});
  app.post<{ Params: { id: string }; Body: B }>(
    route.url,
    {
      config: { access: { action: route.action } },
      schema: {
        summary: route.summary,
        params: uuidParams,
        ...(body ? { body } : {}),
        response: route.response,
      },
    },
    async (request) =>
      route.decide(authOf(request).account, request.params.id, (request.body as B | undefined) ?? ({} as B)),
  );
}
