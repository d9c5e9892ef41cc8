/** Administration of accounts: list, read, create, "Kirim tautan", unlock; the notification outbox. */
import { actionLinkKinds, type Role } from '../../db/schema.js';
import { createAccount, publicAccount } from '../../identity/accounts.js';
import { activeLinks } from '../../identity/list-active-links.js';
import { listAccounts } from '../../identity/list-accounts.js';
import { readAccount } from '../../identity/read-account.js';
import { sendAdminLink } from '../../identity/send-admin-link.js';
import { unlockAccount } from '../../identity/unlock-account.js';
import { authorize } from '../../identity/authorize.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import {
  accountSchema,
  addSchemas,
  adminAccountDetailSchema,
  adminAccountSchema,
  roleNames,
} from '../account-schemas.js';
import {
  arrayOf,
  boolean,
  integer,
  noContent,
  nullableString,
  nullableTimestamp,
  nullableUuid,
  object,
  responses,
  stringEnum,
  strictObject,
  text,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { routeGroup } from '../route-group.js';
import { authOf, useSessionAuth } from '../session-auth.js';

/** The notification outbox as the admin pages read it (src/notify). */
export interface OutboxReader {
  list(limit: number, offset: number, status?: 'pending' | 'sent' | 'failed'): Promise<unknown>;
  read(id: string): Promise<unknown>;
  /** "Kirim ulang" of a dead letter by this administrator (audited). */
  resend(actorId: string, id: string): Promise<void>;
}

export interface AdminRoutesOptions {
  identity: IdentityContext;
  /** Without it the outbox pages are not served. */
  outbox?: OutboxReader;
}

const page = {
  limit: integer(1, 200, 'At most this many (default 50 for the outbox, 100 for accounts).'),
  offset: integer(0, 1_000_000),
};

const outboxEntry = strictObject(
  {
    id: uuid(),
    channel: stringEnum(['email', 'whatsapp', 'log']),
    template: { type: 'string' },
    locale: stringEnum(['id', 'en']),
    recipient: { type: 'string', description: 'Masked, e.g. b***@contoh.go.id.' },
    subject: nullableString,
    status: stringEnum(['pending', 'sent', 'failed']),
    attempts: { type: 'integer', minimum: 0 },
    nextAttemptAt: timestamp,
    lastError: nullableString,
    accountId: nullableUuid,
    createdAt: timestamp,
    sentAt: nullableTimestamp,
    failedAt: nullableTimestamp,
    resendable: { ...boolean, description: 'A dead letter whose content is still kept ("Kirim ulang").' },
  },
  { $id: 'OutboxEntry', title: 'OutboxEntry' },
);

const linkActions = ['RESET_OTP_DEVICE', 'UPDATE_PASSWORD'] as const;

export const adminRoutes = routeGroup<AdminRoutesOptions>((app, { identity: ctx, outbox }) => {
  useSessionAuth(app, ctx);
  addSchemas(app, accountSchema, adminAccountSchema, adminAccountDetailSchema, outboxEntry);

  app.get<{ Querystring: { q?: string; limit?: number; offset?: number } }>(
    '/api/v1/admin/accounts',
    {
      config: { access: { action: 'account.list' } },
      schema: {
        summary: 'The accounts the caller may see, newest first, with their lock state.',
        querystring: object({
          q: text(100, { description: 'Part of the username, e-mail or name.' }),
          ...page,
        }),
        response: responses({
          200: strictObject(
            { total: { type: 'integer', minimum: 0 }, accounts: arrayOf({ $ref: 'AdminAccount#' }) },
            { title: 'AccountList' },
          ),
        }),
      },
    },
    async (request) => listAccounts(ctx, authOf(request).account, request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id',
    {
      config: { access: { action: 'account.read' } },
      schema: {
        summary: 'One account, and what the caller may do to it.',
        params: uuidParams,
        response: responses({
          200: strictObject(
            {
              account: { $ref: 'AdminAccountDetail#' },
              permissions: strictObject({ sendLink: boolean, unlock: boolean }),
            },
            { title: 'AccountDetail' },
          ),
        }),
      },
    },
    async (request) => readAccount(ctx, authOf(request).account, request.params.id),
  );

  app.post<{
    Body: {
      username: string;
      email: string;
      fullName: string;
      roles: Role[];
      institutionId?: string;
      locale?: 'id' | 'en';
    };
  }>(
    '/api/v1/admin/accounts',
    {
      config: { access: { action: 'account.create' } },
      schema: {
        summary: 'Creates an account; it sets its password and authenticator from the link it is sent.',
        body: object(
          {
            username: text(64),
            email: text(254),
            fullName: text(200),
            roles: {
              type: 'array',
              minItems: 1,
              maxItems: 4,
              uniqueItems: true,
              items: stringEnum(roleNames),
            },
            institutionId: uuid('Default: the caller’s institution.'),
            locale: stringEnum(['id', 'en']),
          },
          ['username', 'email', 'fullName', 'roles'],
        ),
        response: responses({
          201: strictObject({ account: { $ref: 'Account#' } }, { title: 'AccountCreated' }),
        }),
      },
    },
    async (request, reply) => {
      const { account: admin } = authOf(request);
      const input = request.body;
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

  app.post<{ Params: { id: string }; Body: { action: (typeof linkActions)[number] } }>(
    '/api/v1/admin/accounts/:id/links',
    {
      config: { access: { action: 'account.send_link' } },
      schema: {
        summary: '"Kirim tautan": e-mails the account a link to reset its authenticator or password.',
        params: uuidParams,
        body: object({ action: stringEnum(linkActions) }, ['action']),
        response: responses({ 202: strictObject({ expiresAt: timestamp }, { title: 'LinkSent' }) }),
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await sendAdminLink(ctx, authOf(request).account, request.params.id, request.body.action)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/links',
    {
      config: { access: { action: 'account.read' } },
      schema: {
        summary: 'The open links of an account ("Tautan Aktif"), without their tokens.',
        params: uuidParams,
        response: responses({
          200: strictObject({
            links: arrayOf(
              strictObject(
                {
                  action: stringEnum(actionLinkKinds),
                  createdAt: timestamp,
                  expiresAt: timestamp,
                },
                { title: 'ActiveLink' },
              ),
            ),
          }),
        }),
      },
    },
    async (request) => ({ links: await activeLinks(ctx, authOf(request).account, request.params.id) }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/unlock',
    {
      config: { access: { action: 'account.unlock' } },
      schema: {
        summary: 'Ends a lockout before its time.',
        params: uuidParams,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await unlockAccount(ctx, authOf(request).account, request.params.id);
      return reply.code(204).send();
    },
  );

  if (!outbox) return;
  app.get<{ Querystring: { limit?: number; offset?: number; status?: 'pending' | 'sent' | 'failed' } }>(
    '/api/v1/admin/outbox',
    {
      config: { access: { action: 'outbox.read' } },
      schema: {
        summary: 'The notification outbox, newest first; `status=failed` lists the dead letters ("Gagal").',
        querystring: object({ ...page, status: stringEnum(['pending', 'sent', 'failed']) }),
        response: responses({
          200: strictObject(
            { total: { type: 'integer', minimum: 0 }, items: arrayOf({ $ref: 'OutboxEntry#' }) },
            { title: 'OutboxPage' },
          ),
        }),
      },
    },
    async (request) =>
      outbox.list(request.query.limit ?? 50, request.query.offset ?? 0, request.query.status),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/admin/outbox/:id',
    {
      config: { access: { action: 'outbox.read' } },
      schema: {
        summary: 'One outbox message; the log channel’s with its rendered content.',
        params: uuidParams,
        response: responses({
          200: strictObject(
            {
              ...outboxEntry.properties,
              content: {
                type: ['object', 'null'],
                additionalProperties: false,
                required: ['subject', 'text', 'html'],
                properties: {
                  subject: { type: 'string' },
                  text: { type: 'string' },
                  html: { type: 'string' },
                },
              },
            },
            { title: 'OutboxMessage' },
          ),
        }),
      },
    },
    async (request) => outbox.read(request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/outbox/:id/resend',
    {
      config: { access: { action: 'outbox.resend' } },
      schema: {
        summary: '"Kirim ulang": queues a failed message again (its content must still be kept).',
        params: uuidParams,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      const actor = authOf(request).account;
      authorize(actor, 'outbox.resend');
      await outbox.resend(actor.id, request.params.id);
      return reply.code(204).send();
    },
  );
});
