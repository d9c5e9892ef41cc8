/** Sign-in, its steps, links and "Lupa Password" (`/api/v1/auth/...`). */
import type { FastifyReply } from 'fastify';
import { confirmedDevices } from '../../identity/accounts.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { findSession, type AuthFlowState } from '../../identity/sessions.js';
import { beginTotpEnrollment } from '../../identity/begin-totp-enrollment.js';
import { confirmTotpEnrollment } from '../../identity/confirm-totp-enrollment.js';
import { otpStep } from '../../identity/otp-step.js';
import { passwordStep } from '../../identity/password-step.js';
import { redeemLink } from '../../identity/redeem-link.js';
import { requestPasswordReset } from '../../identity/request-password-reset.js';
import { signIn } from '../../identity/sign-in.js';
import { signOut } from '../../identity/sign-out.js';
import { updatePasswordStep } from '../../identity/update-password-step.js';
import { type StepResult } from '../../identity/flow-steps.js';
import {
  arrayOf,
  boolean,
  noContent,
  object,
  responses,
  secret,
  stringEnum,
  strictObject,
  text,
  uuid,
} from '../schemas.js';
import { routeGroup } from '../route-group.js';
import {
  assertSameOrigin,
  authOf,
  clearSessionCookie,
  requestMeta,
  requireSession,
  sessionCookieName,
  setSessionCookie,
  useSessionAuth,
} from '../session-auth.js';

export interface AuthRoutesOptions {
  identity: IdentityContext;
}

const flowSteps = ['password', 'otp', 'configure_totp', 'update_password'] as const;
const flowKinds = [
  'login',
  'reset_password',
  'admin_update_password',
  'admin_reset_otp',
  'setup_admin',
  'setup_account',
  'add_device',
] as const;

const device = strictObject(
  { id: uuid(), name: { type: 'string' } },
  { $id: 'AuthDevice', title: 'AuthDevice' },
);

/** What every sign-in step answers: the next step, and the CSRF token when a session was made. */
const stepResult = object(
  {
    next: stringEnum([...flowSteps, 'done', 'sign_in']),
    csrfToken: { type: 'string', description: 'Send it as X-CSRF-Token with every write.' },
  },
  ['next'],
  { $id: 'StepResult', title: 'StepResult' },
);

const deviceRef = { $ref: 'AuthDevice#' } as const;
const stepRef = { $ref: 'StepResult#' } as const;

export const authRoutes = routeGroup<AuthRoutesOptions>((app, { identity: ctx }) => {
  useSessionAuth(app, ctx);
  app.addSchema(device);
  app.addSchema(stepResult);

  /** Sends a step result, setting or clearing the cookie, and the CSRF token of a new session. */
  const respond = async (
    reply: FastifyReply,
    result: StepResult,
    remember = false,
    extra: Record<string, unknown> = {},
  ) => {
    const csrfToken = result.csrfToken;
    if (result.token) setSessionCookie(reply, ctx.config, result.token, remember && result.next === 'done');
    if (result.clearCookie) clearSessionCookie(reply, ctx.config);
    return reply.send({ next: result.next, ...(csrfToken ? { csrfToken } : {}), ...extra });
  };
  const rememberOf = (flow: unknown) => (flow as AuthFlowState | null)?.remember ?? false;

  app.post<{ Body: { login: string; password: string; remember?: boolean } }>(
    '/api/v1/auth/sign-in',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Step 1 of sign-in: username or e-mail and password.',
        body: object({ login: text(254), password: secret(), remember: boolean }, ['login', 'password']),
        response: responses({
          200: object({ ...stepResult.properties, devices: arrayOf(deviceRef) }, ['next', 'devices'], {
            title: 'SignInResult',
          }),
        }),
      },
    },
    async (request, reply) => {
      assertSameOrigin(request);
      const input = request.body;
      const result = await signIn(ctx, input, requestMeta(request));
      return respond(reply, result, input.remember === true, { devices: result.devices ?? [] });
    },
  );

  app.get(
    '/api/v1/auth/flow',
    {
      config: { access: 'partial' },
      schema: {
        summary: 'The sign-in in progress: its kind, the next step and the confirmed authenticators.',
        response: responses({
          200: strictObject(
            {
              kind: stringEnum(flowKinds),
              next: { type: ['string', 'null'], enum: [...flowSteps, null] },
              pending: arrayOf(stringEnum(flowSteps)),
              csrfToken: { type: 'string' },
              account: strictObject({ fullName: { type: 'string' }, username: { type: 'string' } }),
              devices: arrayOf(deviceRef),
            },
            { title: 'AuthFlow' },
          ),
        }),
      },
    },
    async (request) => {
      const { session, account } = authOf(request);
      const flow = session.flow as unknown as AuthFlowState;
      const devices = await confirmedDevices(ctx.db, account.id);
      return {
        kind: flow.kind,
        next: flow.pending[0] ?? null,
        pending: flow.pending,
        csrfToken: session.csrfToken,
        account: { fullName: account.fullName, username: account.username },
        devices: devices.map((d) => ({ id: d.id, name: d.name })),
      };
    },
  );

  app.post<{ Body: { password: string } }>(
    '/api/v1/auth/password',
    {
      config: { access: 'partial' },
      schema: {
        summary: 'The password step of a link flow.',
        body: object({ password: secret() }, ['password']),
        response: responses({ 200: stepRef }),
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      const result = await passwordStep(ctx, session, request.body.password, requestMeta(request));
      return respond(reply, result, rememberOf(session.flow));
    },
  );

  app.post<{ Body: { code: string; deviceId?: string } }>(
    '/api/v1/auth/otp',
    {
      config: { access: 'partial' },
      schema: {
        summary: 'The authenticator code step.',
        body: object({ code: text(16), deviceId: uuid() }, ['code']),
        response: responses({ 200: stepRef }),
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      const result = await otpStep(ctx, session, request.body, requestMeta(request));
      return respond(reply, result, rememberOf(session.flow));
    },
  );

  app.post(
    '/api/v1/auth/totp/enrollment',
    {
      config: { access: 'any-session' },
      schema: {
        summary: 'Starts (or shows again) an authenticator enrolment: the secret for the QR code.',
        response: responses({
          200: strictObject(
            { secret: { type: 'string' }, uri: { type: 'string' } },
            { title: 'TotpEnrollment' },
          ),
        }),
      },
    },
    async (request) => beginTotpEnrollment(ctx, authOf(request).session),
  );

  app.post<{ Body: { code: string; deviceName: string } }>(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'any-session' },
      schema: {
        summary: 'Confirms an enrolment with a first code and a device name.',
        body: object({ code: text(16), deviceName: text(64, { minLength: 1 }) }, ['code', 'deviceName']),
        response: responses({ 200: stepRef }),
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      const result = await confirmTotpEnrollment(ctx, session, request.body, requestMeta(request));
      return respond(reply, result, rememberOf(session.flow));
    },
  );

  app.post<{ Body: { password: string; confirmation: string } }>(
    '/api/v1/auth/new-password',
    {
      config: { access: 'partial' },
      schema: {
        summary: 'The update-password step: the new password twice.',
        body: object({ password: secret(), confirmation: secret() }, ['password', 'confirmation']),
        response: responses({ 200: stepRef }),
      },
    },
    async (request, reply) => {
      const { session } = authOf(request);
      const result = await updatePasswordStep(ctx, session, request.body, requestMeta(request));
      return respond(reply, result, rememberOf(session.flow));
    },
  );

  app.post<{ Body: { token: string } }>(
    '/api/v1/auth/links/redeem',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Opens a link from an e-mail: starts its flow on a new sign-in.',
        body: object({ token: { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } }, ['token']),
        response: responses({
          200: object({ ...stepResult.properties, kind: stringEnum(flowKinds) }, ['next', 'kind'], {
            title: 'LinkRedeemed',
          }),
        }),
      },
    },
    async (request, reply) => {
      assertSameOrigin(request);
      const result = await redeemLink(ctx, request.body.token, requestMeta(request));
      return respond(reply, result, false, { kind: result.kind });
    },
  );

  app.post<{ Body: { email: string } }>(
    '/api/v1/auth/forgot-password',
    {
      config: { access: 'public' },
      schema: {
        summary: '"Lupa Password": sends a reset link if the address belongs to an account.',
        body: object({ email: text(254) }, ['email']),
        response: responses({ 202: strictObject({ message: { type: 'string' } }, { title: 'Accepted' }) }),
      },
    },
    async (request, reply) => {
      assertSameOrigin(request);
      await requestPasswordReset(ctx, request.body.email, requestMeta(request));
      // The same answer whether or not the address belongs to an account.
      return reply.code(202).send({
        message: 'If the address belongs to an account, a link to reset the password is on its way.',
      });
    },
  );

  // Public: signing out without a session only clears the cookie. With one, the CSRF token is needed.
  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { access: 'public' },
      schema: { summary: 'Signs out the current session.', response: responses({ 204: noContent }) },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName(ctx.config)];
      const session = await findSession(ctx.db, ctx.config, token);
      if (session) {
        await requireSession(ctx, request, 'any');
        await signOut(ctx, session, requestMeta(request));
      }
      clearSessionCookie(reply, ctx.config);
      return reply.code(204).send();
    },
  );
});
