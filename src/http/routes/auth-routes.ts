/** Sign-in, its steps, links and "Lupa Password" (`/api/v1/auth/...`). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  assertSameOrigin,
  clearSessionCookie,
  requestMeta,
  requireSession,
  sessionCookieName,
  setSessionCookie,
} from '../session-auth.js';

const str = (max: number) => ({ type: 'string', maxLength: max }) as const;
const body = (properties: Record<string, unknown>, required: string[]) => ({
  body: { type: 'object', additionalProperties: false, required, properties },
});

export function authRoutes(app: FastifyInstance, ctx: IdentityContext): void {
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

  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: body({ login: str(254), password: str(4096), remember: { type: 'boolean' } }, [
        'login',
        'password',
      ]),
    },
    async (request, reply) => {
      assertSameOrigin(request);
      const input = request.body as { login: string; password: string; remember?: boolean };
      const result = await signIn(ctx, input, requestMeta(request));
      return respond(reply, result, input.remember === true, { devices: result.devices ?? [] });
    },
  );

  app.get('/api/v1/auth/flow', async (request) => {
    const { session, account } = await requireSession(ctx, request, 'partial');
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
  });

  const step =
    (
      run: (request: FastifyRequest, auth: Awaited<ReturnType<typeof requireSession>>) => Promise<StepResult>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const auth = await requireSession(ctx, request, 'partial');
      const remember = (auth.session.flow as unknown as AuthFlowState | null)?.remember ?? false;
      return respond(reply, await run(request, auth), remember);
    };

  app.post(
    '/api/v1/auth/password',
    { schema: body({ password: str(4096) }, ['password']) },
    step((request, { session }) =>
      passwordStep(ctx, session, (request.body as { password: string }).password, requestMeta(request)),
    ),
  );

  app.post(
    '/api/v1/auth/otp',
    { schema: body({ code: str(16), deviceId: str(64) }, ['code']) },
    step((request, { session }) =>
      otpStep(ctx, session, request.body as { code: string; deviceId?: string }, requestMeta(request)),
    ),
  );

  app.post('/api/v1/auth/totp/enrollment', async (request) => {
    const { session } = await requireSession(ctx, request, 'any');
    return beginTotpEnrollment(ctx, session);
  });

  app.post(
    '/api/v1/auth/totp/confirm',
    { schema: body({ code: str(16), deviceName: str(64) }, ['code', 'deviceName']) },
    async (request, reply) => {
      const { session } = await requireSession(ctx, request, 'any');
      const remember = (session.flow as unknown as AuthFlowState | null)?.remember ?? false;
      const result = await confirmTotpEnrollment(
        ctx,
        session,
        request.body as { code: string; deviceName: string },
        requestMeta(request),
      );
      return respond(reply, result, remember);
    },
  );

  app.post(
    '/api/v1/auth/new-password',
    { schema: body({ password: str(4096), confirmation: str(4096) }, ['password', 'confirmation']) },
    step((request, { session }) =>
      updatePasswordStep(
        ctx,
        session,
        request.body as { password: string; confirmation: string },
        requestMeta(request),
      ),
    ),
  );

  app.post(
    '/api/v1/auth/links/redeem',
    { schema: body({ token: str(64) }, ['token']) },
    async (request, reply) => {
      assertSameOrigin(request);
      const result = await redeemLink(ctx, (request.body as { token: string }).token, requestMeta(request));
      return respond(reply, result, false, { kind: result.kind });
    },
  );

  app.post(
    '/api/v1/auth/forgot-password',
    { schema: body({ email: str(254) }, ['email']) },
    async (request, reply) => {
      assertSameOrigin(request);
      await requestPasswordReset(ctx, (request.body as { email: string }).email, requestMeta(request));
      // The same answer whether or not the address belongs to an account.
      return reply.code(202).send({
        message: 'If the address belongs to an account, a link to reset the password is on its way.',
      });
    },
  );

  app.post('/api/v1/auth/sign-out', async (request, reply) => {
    const token = request.cookies[sessionCookieName(ctx.config)];
    const session = await findSession(ctx.db, ctx.config, token);
    if (session) {
      await requireSession(ctx, request, 'any');
      await signOut(ctx, session, requestMeta(request));
    }
    clearSessionCookie(reply, ctx.config);
    return reply.code(204).send();
  });
}
