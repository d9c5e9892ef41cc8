/** The signed-in account: profile, Keamanan (sessions, authenticators, password) and Aktivitas. */
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
import { accountSchema, addSchemas, roleNames } from '../account-schemas.js';
import {
  arrayOf,
  boolean,
  integer,
  MAX_SAFE_BIGINT,
  noContent,
  nullableString,
  nullableTimestamp,
  object,
  responses,
  secret,
  stringEnum,
  strictObject,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { routeGroup } from '../route-group.js';
import { authOf, requestMeta, useSessionAuth } from '../session-auth.js';

export interface AccountRoutesOptions {
  identity: IdentityContext;
}

const sessionIdParams = object({ id: { type: 'string', pattern: '^[0-9a-f]{32}$' } }, ['id']);

const permissionsSchema = strictObject(
  {
    listAccounts: boolean,
    createAccountRoles: arrayOf(stringEnum(roleNames)),
    readOutbox: boolean,
    inviteRegistrants: boolean,
    inviteAnyInstitution: boolean,
    importRegistrants: boolean,
    raDesk: boolean,
    // Menus of seed 003.
    listInstitutions: boolean,
    createInstitutions: boolean,
    editInstitutions: boolean,
    manageApiClients: boolean,
    reviewRegistrations: boolean,
    reviewChangeRequests: boolean,
    reviewCertificateRequests: boolean,
    manageCertificates: boolean,
    reviewSelfieChecks: boolean,
  },
  { $id: 'ConsolePermissions', title: 'ConsolePermissions' },
);

const activityDetails = object(
  {
    device: { type: 'string' },
    reason: { type: 'string' },
    link: { type: 'string' },
    session: { type: 'string' },
    count: { type: 'integer' },
    until: timestamp,
  },
  [],
  { title: 'ActivityDetails' },
);

export const accountRoutes = routeGroup<AccountRoutesOptions>((app, { identity: ctx }) => {
  useSessionAuth(app, ctx);
  addSchemas(app, accountSchema, permissionsSchema);

  app.get(
    '/api/v1/session',
    {
      config: { access: 'session' },
      schema: {
        summary: 'The signed-in account, what the console may offer it, and the CSRF token.',
        response: responses({
          200: strictObject(
            {
              account: { $ref: 'Account#' },
              permissions: { $ref: 'ConsolePermissions#' },
              csrfToken: { type: 'string' },
              expiresAt: timestamp,
            },
            { title: 'Session' },
          ),
        }),
      },
    },
    (request) => {
      const { session, account } = authOf(request);
      return {
        account: publicAccount(account),
        permissions: consolePermissions(account),
        csrfToken: session.csrfToken,
        expiresAt: session.absoluteExpiresAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/v1/account/sessions',
    {
      config: { access: 'session' },
      schema: {
        summary: "The account's signed-in sessions (Keamanan).",
        response: responses({
          200: strictObject({
            sessions: arrayOf(
              strictObject(
                {
                  id: { type: 'string', pattern: '^[0-9a-f]{32}$' },
                  current: boolean,
                  createdAt: timestamp,
                  lastSeenAt: timestamp,
                  expiresAt: timestamp,
                  ip: nullableString,
                  userAgent: nullableString,
                  remember: boolean,
                },
                { title: 'AccountSession' },
              ),
            ),
          }),
        }),
      },
    },
    async (request) => ({ sessions: await listSessions(ctx, authOf(request).session) }),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/account/sessions/:id',
    {
      config: { access: 'session' },
      schema: {
        summary: 'Signs out one of the account’s sessions.',
        params: sessionIdParams,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await signOutSession(ctx, authOf(request).session, request.params.id, requestMeta(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/account/sessions/sign-out-others',
    {
      config: { access: 'session' },
      schema: {
        summary: 'Signs out every other session of the account.',
        response: responses({ 200: strictObject({ signedOut: { type: 'integer', minimum: 0 } }) }),
      },
    },
    async (request) => ({
      signedOut: await signOutOtherSessions(ctx, authOf(request).session, requestMeta(request)),
    }),
  );

  app.get(
    '/api/v1/account/devices',
    {
      config: { access: 'session' },
      schema: {
        summary: "The account's authenticators.",
        response: responses({
          200: strictObject({
            devices: arrayOf(
              strictObject(
                { id: uuid(), name: { type: 'string' }, createdAt: timestamp, lastUsedAt: nullableTimestamp },
                { title: 'AccountDevice' },
              ),
            ),
          }),
        }),
      },
    },
    async (request) => ({ devices: await listDevices(ctx, authOf(request).account.id) }),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/account/devices/:id',
    {
      config: { access: 'session' },
      schema: {
        summary: 'Removes an authenticator (not the only one).',
        params: uuidParams,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await removeDevice(ctx, authOf(request).session, request.params.id, requestMeta(request));
      return reply.code(204).send();
    },
  );

  app.post<{
    Body: { currentPassword: string; password: string; confirmation: string; signOutOthers?: boolean };
  }>(
    '/api/v1/account/password',
    {
      config: { access: 'session' },
      schema: {
        summary: 'Changes the password, knowing the current one.',
        body: object(
          { currentPassword: secret(), password: secret(), confirmation: secret(), signOutOthers: boolean },
          ['currentPassword', 'password', 'confirmation'],
        ),
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await changePassword(ctx, authOf(request).session, request.body, requestMeta(request));
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: { before?: number } }>(
    '/api/v1/account/activity',
    {
      config: { access: 'session' },
      schema: {
        summary: "The account's own security events, newest first (Aktivitas).",
        querystring: object({
          // Event ids are a bigserial; a cursor beyond 2^53 - 1 names no event this API ever gave out.
          before: integer(1, MAX_SAFE_BIGINT, 'Only events older than this event id.'),
        }),
        response: responses({
          200: strictObject({
            events: arrayOf(
              strictObject(
                {
                  id: { type: 'string', pattern: '^[0-9]+$' },
                  at: timestamp,
                  action: { type: 'string' },
                  ip: nullableString,
                  details: activityDetails,
                },
                { title: 'ActivityEvent' },
              ),
            ),
          }),
        }),
      },
    },
    async (request) => {
      const before = request.query.before === undefined ? undefined : BigInt(request.query.before);
      return { events: await listActivity(ctx, authOf(request).account.id, before) };
    },
  );
});
