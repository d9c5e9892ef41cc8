/** Administration of accounts: list, read, create, "Kirim tautan", unlock; the notification outbox. */
import type { FastifyInstance } from 'fastify';
import { createAccount, publicAccount } from '../../identity/accounts.js';
import { activeLinks } from '../../identity/list-active-links.js';
import { listAccounts } from '../../identity/list-accounts.js';
import { readAccount } from '../../identity/read-account.js';
import { sendAdminLink } from '../../identity/send-admin-link.js';
import { unlockAccount } from '../../identity/unlock-account.js';
import { authorize } from '../../identity/authorize.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import type { Role } from '../../db/schema.js';
import { requireSession } from '../session-auth.js';

const idParam = {
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
};

export interface OutboxReader {
  list(limit: number, offset: number): Promise<unknown>;
  read(id: string): Promise<unknown>;
}

export function adminRoutes(app: FastifyInstance, ctx: IdentityContext, outbox?: OutboxReader): void {
  app.get<{ Querystring: { q?: string; limit?: number; offset?: number } }>(
    '/api/v1/admin/accounts',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: 100 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
          },
        },
      },
    },
    async (request) => {
      const { account } = await requireSession(ctx, request);
      return listAccounts(ctx, account, request.query);
    },
  );

  app.get<{ Params: { id: string } }>('/api/v1/admin/accounts/:id', { schema: idParam }, async (request) => {
    const { account: admin } = await requireSession(ctx, request);
    return readAccount(ctx, admin, request.params.id);
  });

  app.post(
    '/api/v1/admin/accounts',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'email', 'fullName', 'roles'],
          properties: {
            username: { type: 'string', maxLength: 64 },
            email: { type: 'string', maxLength: 254 },
            fullName: { type: 'string', maxLength: 200 },
            roles: {
              type: 'array',
              minItems: 1,
              maxItems: 4,
              items: { type: 'string', enum: ['subscriber', 'ra_officer', 'institution_admin', 'ca_admin'] },
            },
            institutionId: { type: 'string', maxLength: 36 },
            locale: { type: 'string', enum: ['id', 'en'] },
          },
        },
      },
    },
    async (request, reply) => {
      const { account: admin } = await requireSession(ctx, request);
      const input = request.body as {
        username: string;
        email: string;
        fullName: string;
        roles: Role[];
        institutionId?: string;
        locale?: 'id' | 'en';
      };
      const institutionId = input.institutionId ?? admin.institutionId;
      authorize(admin, 'account.create', { institutionId, roles: input.roles });
      const created = await ctx.db.transaction((tx) =>
        createAccount(
          ctx,
          tx,
          { ...input, institutionId, requiredActions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'] },
          `account:${admin.id}`,
        ),
      );
      return reply.code(201).send({ account: publicAccount(created) });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/links',
    {
      schema: {
        ...idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['action'],
          properties: { action: { type: 'string', enum: ['RESET_OTP_DEVICE', 'UPDATE_PASSWORD'] } },
        },
      },
    },
    async (request, reply) => {
      const { account: admin } = await requireSession(ctx, request);
      return reply
        .code(202)
        .send(
          await sendAdminLink(ctx, admin, request.params.id, (request.body as { action: string }).action),
        );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/links',
    { schema: idParam },
    async (request) => {
      const { account: admin } = await requireSession(ctx, request);
      return { links: await activeLinks(ctx, admin, request.params.id) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/unlock',
    { schema: idParam },
    async (request, reply) => {
      const { account: admin } = await requireSession(ctx, request);
      await unlockAccount(ctx, admin, request.params.id);
      return reply.code(204).send();
    },
  );

  if (outbox) {
    app.get<{ Querystring: { limit?: number; offset?: number } }>(
      '/api/v1/admin/outbox',
      {
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 200 },
              offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
            },
          },
        },
      },
      async (request) => {
        const { account } = await requireSession(ctx, request);
        authorize(account, 'outbox.read');
        return outbox.list(request.query.limit ?? 50, request.query.offset ?? 0);
      },
    );
    app.get<{ Params: { id: string } }>('/api/v1/admin/outbox/:id', { schema: idParam }, async (request) => {
      const { account } = await requireSession(ctx, request);
      authorize(account, 'outbox.read');
      return outbox.read(request.params.id);
    });
  }
}
