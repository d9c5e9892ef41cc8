/**
 * Step 1 of sign-in: username, e-mail or NIK and password. Every failure gets one answer, and a login that
 * names no account is counted, delayed and locked like a known one (lockout-policy.ts), so neither
 * the answer nor its time tells whether an account exists.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { confirmedDevices, findAccountByLogin } from './accounts.js';
import { stepsAfterPassword, type StepResult } from './flow-steps.js';
import type { IdentityContext } from './identity-context.js';
import {
  accountSubject,
  addressThrottled,
  invalidCredentials,
  recordWrongGuess,
  unknownLoginSubject,
} from './lockout-policy.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';
import { createSession, type AuthFlowState, type SessionMeta } from './sessions.js';

export async function signIn(
  ctx: IdentityContext,
  input: { login: unknown; password: unknown; remember?: unknown },
  meta: SessionMeta,
): Promise<StepResult & { devices?: { id: string; name: string }[] }> {
  if (
    typeof input.login !== 'string' ||
    typeof input.password !== 'string' ||
    input.login.length > 254 ||
    input.password.length > 4096
  ) {
    throw new TekenError('ERR_INPUT_INVALID', 'Give a username or e-mail and a password.');
  }
  const password = input.password;
  const account = await findAccountByLogin(ctx.db, input.login, ctx.master);
  const subject = account ? accountSubject(account.id) : unknownLoginSubject(ctx, input.login);
  const result = await ctx.guard.attempt(
    'password',
    { subject, address: meta.ip },
    async () =>
      (await verifyPassword(account?.passwordHash, password)) && account?.status === 'active'
        ? account
        : null,
    // A refused attempt hashes too, so a locked account answers in the time of an unknown one.
    { decoy: () => verifyPassword(undefined, password) },
  );
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw invalidCredentials(ctx.config);
  }
  if (result.outcome === 'wrong') {
    if (account) {
      await recordWrongGuess(ctx, account, 'password', result, meta);
    } else {
      // The same work as for a known account: one audit event (credential stuffing shows in the log).
      await ctx.db.transaction((tx) =>
        recordAuditEvent(tx, {
          actor: 'anonymous',
          action: 'auth.password_failed',
          target: subject,
          details: { ip: meta.ip ?? null, failures: result.failures },
        }),
      );
    }
    throw invalidCredentials(ctx.config);
  }
  const known = result.value;
  if (known.passwordHash && needsRehash(known.passwordHash)) {
    await ctx.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(accounts.id, known.id));
  }
  const devices = await confirmedDevices(ctx.db, known.id);
  const flow: AuthFlowState = {
    kind: 'login',
    pending: stepsAfterPassword(known, devices.length > 0),
    remember: input.remember === true,
  };
  const { token, session } = await createSession(ctx.db, ctx.config, {
    accountId: known.id,
    stage: 'partial',
    remember: flow.remember,
    flow,
    ...meta,
  });
  return {
    next: flow.pending[0]!,
    token,
    csrfToken: session.csrfToken,
    devices: devices.map((d) => ({ id: d.id, name: d.name })),
  };
}
