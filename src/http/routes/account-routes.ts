/** The signed-in account: profile, Keamanan (sessions, authenticators, password) and Aktivitas. */
import type { FastifyInstance } from 'fastify';
import { changePassword } from '../../identity/change-password.js';
import { listActivity } from '../../identity/list-activity.js';
import { listDevices } from '../../identity/list-devices.js';
import { listSessions } from '../../identity/list-sessions.js';
import { removeDevice } from '../../identity/remove-device.js';
import { signOutOtherSessions } from '../../identity/sign-out-other-sessions.js';
import { signOutSession } from '../../identity/sign-out-session.js';
import { publicAccount } from '../../identity/accounts.js';
import { consolePermissions } from '../../identity/authorize.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { TekenError } from '../../errors/teken-error.js';
import { requestMeta, requireSession } from '../session-auth.js';

const idParam = {
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
};

export function accountRoutes(app: FastifyInstance, ctx: IdentityContext): void {
  app.get('/api/v1/session', async (request) => {
    const { session, account } = await requireSession(ctx, request);
    return {
      account: publicAccount(account),
      permissions: consolePermissions(account),
      csrfToken: session.csrfToken,
      expiresAt: session.absoluteExpiresAt.toISOString(),
    };
  });

  app.get('/api/v1/account/sessions', async (request) => {
    const { session } = await requireSession(ctx, request);
    return { sessions: await listSessions(ctx, session) };
  });

  app.delete<{ Params: { id: string } }>(
    '/api/v1/account/sessions/:id',
    { schema: idParam },
    async (request, reply) => {
      const { session } = await requireSession(ctx, request);
      await signOutSession(ctx, session, request.params.id, requestMeta(request));
      return reply.code(204).send();
    },
  );

  app.post('/api/v1/account/sessions/sign-out-others', async (request) => {
    const { session } = await requireSession(ctx, request);
    return { signedOut: await signOutOtherSessions(ctx, session, requestMeta(request)) };
  });

  app.get('/api/v1/account/devices', async (request) => {
    const { account } = await requireSession(ctx, request);
    return { devices: await listDevices(ctx, account.id) };
  });

  app.delete<{ Params: { id: string } }>(
    '/api/v1/account/devices/:id',
    { schema: idParam },
    async (request, reply) => {
      const { session } = await requireSession(ctx, request);
      await removeDevice(ctx, session, request.params.id, requestMeta(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/account/password',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['currentPassword', 'password', 'confirmation'],
          properties: {
            currentPassword: { type: 'string', maxLength: 4096 },
            password: { type: 'string', maxLength: 4096 },
            confirmation: { type: 'string', maxLength: 4096 },
            signOutOthers: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) => {
      const { session } = await requireSession(ctx, request);
      await changePassword(
        ctx,
        session,
        request.body as Parameters<typeof changePassword>[2],
        requestMeta(request),
      );
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: { before?: string } }>(
    '/api/v1/account/activity',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { before: { type: 'string', pattern: '^[0-9]{1,19}$' } },
        },
      },
    },
    async (request) => {
      const { account } = await requireSession(ctx, request);
      let before: bigint | undefined;
      if (request.query.before !== undefined) before = BigInt(request.query.before);
      if (before !== undefined && before <= 0n)
        throw new TekenError('ERR_INPUT_INVALID', '`before` must be positive.');
      return { events: await listActivity(ctx, account.id, before) };
    },
  );
}
