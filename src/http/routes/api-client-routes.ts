/**
 * The console's management of an institution's API clients ("Klien API"): list, create (the answer
 * carries the secret, once), disable, enable and rotate the secret. Institution admins manage their
 * own institution's clients, CA admins any (authorize.ts `api_client.manage`); PATCH edits the
 * allowlist and the rate limit.
 */
import { createApiClient } from '../../enrollment/create-api-client.js';
import { disableApiClient } from '../../enrollment/disable-api-client.js';
import { enableApiClient } from '../../enrollment/enable-api-client.js';
import { listApiClients } from '../../enrollment/list-api-clients.js';
import { rotateApiClientSecret } from '../../enrollment/rotate-api-client-secret.js';
import { updateApiClient } from '../../enrollment/update-api-client.js';
import {
  MAX_ALLOWED_CIDRS,
  MAX_RATE_LIMIT_PER_MINUTE,
  findManagedClient,
} from '../../enrollment/api-client-records.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { addSchemas } from '../account-schemas.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  boolean,
  integer,
  nullableTimestamp,
  object,
  responses,
  strictObject,
  text,
  timestamp,
  uuid,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface ApiClientRoutesOptions {
  identity: IdentityContext;
}

const apiClientSchema = strictObject(
  {
    id: uuid(),
    institutionId: uuid(),
    username: { type: 'string' },
    description: { type: 'string' },
    enabled: boolean,
    allowedCidrs: arrayOf({ type: 'string' }),
    rateLimitPerMinute: { type: 'integer' },
    createdAt: timestamp,
    secretRotatedAt: nullableTimestamp,
    lastUsedAt: nullableTimestamp,
  },
  { $id: 'ApiClient', title: 'ApiClient', description: 'An API client, without its secret or hash.' },
);

const withSecret = strictObject(
  {
    ...apiClientSchema.properties,
    secret: { type: 'string', description: 'The secret (HTTP Basic password): shown this once only.' },
  },
  { title: 'ApiClientWithSecret' },
);

const institutionParams = object({ institutionId: uuid() }, ['institutionId']);
const clientParams = object({ institutionId: uuid(), id: uuid() }, ['institutionId', 'id']);
const base = '/api/v1/institutions/:institutionId/api-clients';
const manage = { access: { action: 'api_client.manage' } } as const;

export const apiClientRoutes = routeGroup<ApiClientRoutesOptions>((app, { identity: ctx }) => {
  useSessionAuth(app, ctx);
  addSchemas(app, apiClientSchema);
  const manager = (request: Parameters<typeof authOf>[0]) => ({ account: authOf(request).account });

  app.get<{ Params: { institutionId: string } }>(
    base,
    {
      config: manage,
      schema: {
        summary: "The institution's API clients (never their secrets).",
        params: institutionParams,
        response: responses({ 200: strictObject({ clients: arrayOf({ $ref: 'ApiClient#' }) }) }),
      },
    },
    async (request) => ({
      clients: await listApiClients(ctx, manager(request), request.params.institutionId),
    }),
  );

  app.post<{
    Params: { institutionId: string };
    Body: { description: string; allowedCidrs?: string[]; rateLimitPerMinute?: number };
  }>(
    base,
    {
      config: manage,
      schema: {
        summary: 'Creates an API client; the answer carries its secret, this once only.',
        params: institutionParams,
        body: object(
          {
            description: text(200, { minLength: 1 }),
            allowedCidrs: arrayOf(text(64, { minLength: 1 }), MAX_ALLOWED_CIDRS),
            rateLimitPerMinute: integer(1, MAX_RATE_LIMIT_PER_MINUTE, 'Calls per minute.'),
          },
          ['description'],
        ),
        response: responses({ 201: withSecret }),
      },
    },
    async (request, reply) => {
      const created = await createApiClient(
        ctx,
        manager(request),
        request.params.institutionId,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );

  const action = (path: string, summary: string, run: typeof disableApiClient) =>
    app.post<{ Params: { institutionId: string; id: string } }>(
      `${base}/:id/${path}`,
      {
        config: manage,
        schema: { summary, params: clientParams, response: responses({ 200: { $ref: 'ApiClient#' } }) },
      },
      async (request) => {
        const who = manager(request);
        const client = await findManagedClient(ctx.db, who, request.params.institutionId, request.params.id);
        return run(ctx, who, client);
      },
    );
  action('disable', 'Disables an API client: its next call is refused.', disableApiClient);
  action('enable', 'Enables a disabled API client again.', enableApiClient);

  app.patch<{
    Params: { institutionId: string; id: string };
    Body: { allowedCidrs?: string[]; rateLimitPerMinute?: number };
  }>(
    `${base}/:id`,
    {
      config: manage,
      schema: {
        summary:
          'Edits the source-address allowlist (CIDR; empty: any) and the rate limit; fields not given stay.',
        params: clientParams,
        body: object({
          allowedCidrs: arrayOf(text(64, { minLength: 1 }), MAX_ALLOWED_CIDRS),
          rateLimitPerMinute: integer(1, MAX_RATE_LIMIT_PER_MINUTE, 'Calls per minute.'),
        }),
        response: responses({ 200: { $ref: 'ApiClient#' } }),
      },
    },
    async (request) => {
      const who = manager(request);
      const client = await findManagedClient(ctx.db, who, request.params.institutionId, request.params.id);
      return updateApiClient(ctx, who, client, request.body);
    },
  );

  app.post<{ Params: { institutionId: string; id: string } }>(
    `${base}/:id/rotate-secret`,
    {
      config: manage,
      schema: {
        summary: 'Gives the client a new secret (answered this once); the old one stops working at once.',
        params: clientParams,
        response: responses({ 200: withSecret }),
      },
    },
    async (request) => {
      const who = manager(request);
      const client = await findManagedClient(ctx.db, who, request.params.institutionId, request.params.id);
      return rotateApiClientSecret(ctx, who, client);
    },
  );
});
