/**
 * Sign-in and the link flows, as steps on a partial session (BeID / Keycloak "required actions"):
 *
 *   login                  password → otp (or configure_totp the first time) → [update_password] → signed in
 *   reset_password         link → otp (configure_totp if none yet) → update_password → sign-in page
 *   admin_update_password  link → otp → update_password → sign-in page
 *   admin_reset_otp        link → password → configure_totp (old devices removed) → sign-in page
 *   setup_admin            link → update_password → configure_totp → sign-in page
 *
 * Each link replaces one factor, never both: a reset must not bypass the second factor.
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { accounts, totpDevices } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { formatWib } from '../notify/format-wib.js';
import { confirmedDevices, findAccountByLogin, getAccount, type AccountRow } from './accounts.js';
import { createActionLink, redeemActionLink, voidActionLinks } from './action-links.js';
import { linkUrl, type IdentityContext } from './identity-context.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';
import { assertPasswordAcceptable } from './password-policy.js';
import {
  createSession,
  revokeOtherSessions,
  revokeSession,
  rotateToFullSession,
  updateFlow,
  type AuthFlowState,
  type FlowStep,
  type SessionMeta,
  type SessionRow,
} from './sessions.js';
import {
  clearThrottle,
  progressiveDelayMs,
  recordFailure,
  sleep,
  throttleState,
  throttleStates,
  type ThrottleRule,
} from './throttle.js';
import { generateTotpSecret, totpUri, verifyTotp } from './totp.js';

export interface StepResult {
  /** What the client shows next. */
  next: FlowStep | 'done' | 'sign_in';
  /** A new session token to set as the cookie (new or rotated session), and its CSRF token. */
  token?: string;
  csrfToken?: string;
  /** The partial session ended: clear the cookie. */
  clearCookie?: boolean;
}

const FIFTEEN_MINUTES = 15 * 60_000;

function accountRule(ctx: IdentityContext): ThrottleRule {
  const id = ctx.config.identity;
  return { max: id.lockoutFailures, windowMs: 24 * 3_600_000, blockMs: id.lockoutMinutes * 60_000 };
}
function addressRule(ctx: IdentityContext): ThrottleRule {
  return { max: ctx.config.identity.addressFailures, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES };
}

async function assertAddressAllowed(ctx: IdentityContext, ip: string | undefined): Promise<void> {
  if (!ip) return;
  const state = await throttleState(ctx.db, `auth:ip:${ip}`);
  if (state.blockedUntil) {
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      'Too many failed attempts from your network. Try again later.',
      {
        details: { retryAfterSeconds: Math.ceil((state.blockedUntil.getTime() - Date.now()) / 1000) },
      },
    );
  }
}

/** Counts a failure against the account and the address; locks and e-mails when the limit is hit. */
async function failed(
  ctx: IdentityContext,
  account: AccountRow | undefined,
  kind: 'pw' | 'otp',
  meta: SessionMeta,
): Promise<void> {
  if (meta.ip) await recordFailure(ctx.db, `auth:ip:${meta.ip}`, addressRule(ctx));
  if (!account) return;
  const state = await recordFailure(ctx.db, `${kind}:acct:${account.id}`, accountRule(ctx));
  await ctx.db.transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: kind === 'pw' ? 'auth.password_failed' : 'auth.otp_failed',
      target: `account:${account.id}`,
      details: { ip: meta.ip ?? null, failures: state.failures },
    });
    if (state.justBlocked && state.blockedUntil) {
      await tx.update(accounts).set({ lockedUntil: state.blockedUntil }).where(eq(accounts.id, account.id));
      await recordAuditEvent(tx, {
        actor: 'system',
        action: 'account.locked',
        target: `account:${account.id}`,
        details: {
          reason: kind === 'pw' ? 'password failures' : 'authenticator failures',
          until: state.blockedUntil.toISOString(),
        },
      });
      await ctx.notify(tx, {
        template: 'account-locked',
        locale: account.locale,
        to: account.email,
        data: {
          name: account.fullName,
          minutes: String(ctx.config.identity.lockoutMinutes),
          time: formatWib(state.blockedUntil, account.locale),
        },
        idempotencyKey: `account-locked:${account.id}:${state.blockedUntil.getTime()}`,
        accountId: account.id,
      });
    }
  });
  await sleep(progressiveDelayMs(state.failures, ctx.config.identity.failureDelayMs));
}

async function isLocked(ctx: IdentityContext, account: AccountRow, kind: 'pw' | 'otp'): Promise<boolean> {
  return (await throttleState(ctx.db, `${kind}:acct:${account.id}`)).blockedUntil !== null;
}

function stepsAfterPassword(account: AccountRow, hasDevice: boolean): FlowStep[] {
  const steps: FlowStep[] = [hasDevice ? 'otp' : 'configure_totp'];
  if (account.requiredActions.includes('UPDATE_PASSWORD')) steps.push('update_password');
  return steps;
}

/** Step 1 of sign-in: username or e-mail and password. One generic error for every failure. */
export async function signIn(
  ctx: IdentityContext,
  input: { login: unknown; password: unknown; remember?: unknown },
  meta: SessionMeta,
): Promise<StepResult & { devices?: { id: string; name: string }[] }> {
  if (typeof input.login !== 'string' || typeof input.password !== 'string' || input.password.length > 4096) {
    throw new TekenError('ERR_INPUT_INVALID', 'Give a username or e-mail and a password.');
  }
  const account = await findAccountByLogin(ctx.db, input.login);
  // One read for both counters: the source address and the account.
  const [addressState, accountState] = await throttleStates(ctx.db, [
    `auth:ip:${meta.ip ?? '-'}`,
    `pw:acct:${account?.id ?? '-'}`,
  ]);
  if (meta.ip && addressState!.blockedUntil) {
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      'Too many failed attempts from your network. Try again later.',
      {
        details: { retryAfterSeconds: Math.ceil((addressState!.blockedUntil.getTime() - Date.now()) / 1000) },
      },
    );
  }
  const locked = accountState!.blockedUntil !== null;
  // The password is checked even for unknown or locked accounts, so timing reveals nothing.
  const ok = (await verifyPassword(account?.passwordHash, input.password)) && !locked;
  if (!ok || !account || account.status !== 'active') {
    if (!locked) await failed(ctx, account, 'pw', meta);
    throw new TekenError(
      'ERR_AUTH_INVALID_CREDENTIALS',
      'Username atau password salah. / Invalid username or password.',
    );
  }
  if (accountState!.failures > 0) await clearThrottle(ctx.db, `pw:acct:${account.id}`);
  if (account.passwordHash && needsRehash(account.passwordHash)) {
    await ctx.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(accounts.id, account.id));
  }
  const devices = await confirmedDevices(ctx.db, account.id);
  const flow: AuthFlowState = {
    kind: 'login',
    pending: stepsAfterPassword(account, devices.length > 0),
    remember: input.remember === true,
  };
  const { token, session } = await createSession(ctx.db, ctx.config, {
    accountId: account.id,
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

function flowOf(session: SessionRow): AuthFlowState {
  if (session.stage !== 'partial' || !session.flow)
    throw new TekenError('ERR_AUTH_STEP_INVALID', 'No sign-in is in progress. Start again.');
  return session.flow as unknown as AuthFlowState;
}

function expectStep(flow: AuthFlowState, step: FlowStep): void {
  if (flow.pending[0] !== step) {
    throw new TekenError(
      'ERR_AUTH_STEP_INVALID',
      `The next step is ${flow.pending[0] ?? 'none'}, not ${step}.`,
      {
        details: { next: flow.pending[0] ?? null },
      },
    );
  }
}

/** Moves a flow past its current step; finishes it when nothing is left. */
async function advance(
  ctx: IdentityContext,
  session: SessionRow,
  flow: AuthFlowState,
  meta: SessionMeta,
): Promise<StepResult> {
  const rest: AuthFlowState = { ...flow, pending: flow.pending.slice(1) };
  delete rest.enrollment;
  if (rest.pending.length > 0) {
    await updateFlow(ctx.db, session, rest);
    return { next: rest.pending[0]! };
  }
  if (flow.kind === 'login') {
    return ctx.db.transaction(async (tx) => {
      const { token, session: full } = await rotateToFullSession(tx, ctx.config, session, meta);
      await recordAuditEvent(tx, {
        actor: `account:${session.accountId}`,
        action: 'auth.sign_in',
        target: `account:${session.accountId}`,
        details: {
          ip: meta.ip ?? null,
          userAgent: meta.userAgent?.slice(0, 120) ?? null,
          remember: session.remember,
        },
      });
      return { next: 'done' as const, token, csrfToken: full.csrfToken };
    });
  }
  // Link flows end at the sign-in page: the user proves both factors there.
  await revokeSession(ctx.db, session.idHash);
  return { next: 'sign_in', clearCookie: true };
}

/** The `password` step of the RESET_OTP_DEVICE flow. */
export async function passwordStep(
  ctx: IdentityContext,
  session: SessionRow,
  password: unknown,
  meta: SessionMeta,
): Promise<StepResult> {
  const flow = flowOf(session);
  expectStep(flow, 'password');
  if (typeof password !== 'string') throw new TekenError('ERR_INPUT_INVALID', 'Give your password.');
  await assertAddressAllowed(ctx, meta.ip);
  const account = await getAccount(ctx.db, session.accountId);
  const locked = await isLocked(ctx, account, 'pw');
  if (locked || !(await verifyPassword(account.passwordHash, password))) {
    if (!locked) await failed(ctx, account, 'pw', meta);
    throw new TekenError('ERR_AUTH_INVALID_CREDENTIALS', 'Password salah. / Wrong password.');
  }
  await clearThrottle(ctx.db, `pw:acct:${account.id}`);
  return advance(ctx, session, flow, meta);
}

/** The `otp` step: a code from one of the account's authenticators (a chosen one, or any). */
export async function otpStep(
  ctx: IdentityContext,
  session: SessionRow,
  input: { code: unknown; deviceId?: unknown },
  meta: SessionMeta,
): Promise<StepResult> {
  const flow = flowOf(session);
  expectStep(flow, 'otp');
  if (typeof input.code !== 'string')
    throw new TekenError('ERR_INPUT_INVALID', 'Give the 6-digit code from your authenticator app.');
  await assertAddressAllowed(ctx, meta.ip);
  const account = await getAccount(ctx.db, session.accountId);
  const code = input.code.replace(/\s/g, '');
  let devices = await confirmedDevices(ctx.db, account.id);
  if (typeof input.deviceId === 'string' && input.deviceId !== '')
    devices = devices.filter((d) => d.id === input.deviceId);
  const locked = await isLocked(ctx, account, 'otp');
  let matched: { id: string; step: number } | undefined;
  if (!locked) {
    for (const device of devices) {
      const secret = ctx.master
        .open('personal-data/v1', device.sealedSecret, `totp:${device.id}`)
        .toString('utf8');
      const step = verifyTotp(secret, code, device.lastUsedStep, ctx.now?.());
      if (step !== null) {
        matched = { id: device.id, step };
        break;
      }
    }
  }
  if (matched) {
    // The replay guard is enforced in the UPDATE itself, so two requests racing with one code
    // cannot both succeed.
    const updated = await ctx.db
      .update(totpDevices)
      .set({ lastUsedStep: matched.step, lastUsedAt: new Date() })
      .where(and(eq(totpDevices.id, matched.id), sql`${totpDevices.lastUsedStep} < ${matched.step}`))
      .returning({ id: totpDevices.id });
    if (updated.length === 0) matched = undefined;
  }
  if (!matched) {
    if (!locked) await failed(ctx, account, 'otp', meta);
    throw new TekenError('ERR_AUTH_OTP_INVALID', 'Kode OTP salah. / The code is wrong or was already used.');
  }
  await clearThrottle(ctx.db, `otp:acct:${account.id}`);
  return advance(ctx, session, flow, meta);
}

/** Starts (or shows again) an authenticator enrolment: the secret for the QR code and "Tidak bisa scan?". */
export async function beginTotpEnrollment(
  ctx: IdentityContext,
  session: SessionRow,
): Promise<{ secret: string; uri: string }> {
  let flow: AuthFlowState;
  if (session.stage === 'full') {
    flow =
      (session.flow as unknown as AuthFlowState | null)?.kind === 'add_device'
        ? (session.flow as unknown as AuthFlowState)
        : { kind: 'add_device', pending: [], remember: session.remember };
  } else {
    flow = flowOf(session);
    expectStep(flow, 'configure_totp');
  }
  const aad = `enroll:${Buffer.from(session.idHash).toString('hex')}`;
  let secret: string;
  if (flow.enrollment) {
    secret = ctx.master
      .open('personal-data/v1', Buffer.from(flow.enrollment.sealedSecret, 'base64'), aad)
      .toString('utf8');
  } else {
    secret = generateTotpSecret();
    flow = {
      ...flow,
      enrollment: {
        sealedSecret: ctx.master.seal('personal-data/v1', Buffer.from(secret), aad).toString('base64'),
        createdAt: new Date().toISOString(),
      },
    };
    await updateFlow(ctx.db, session, flow);
  }
  const account = await getAccount(ctx.db, session.accountId);
  return { secret, uri: totpUri(secret, account.username, 'Teken') };
}

/** Confirms an enrolment with a first code and a device name ("Nama Device", unique per account). */
export async function confirmTotpEnrollment(
  ctx: IdentityContext,
  session: SessionRow,
  input: { code: unknown; deviceName: unknown },
  meta: SessionMeta,
): Promise<StepResult> {
  const flow = session.stage === 'full' ? (session.flow as unknown as AuthFlowState | null) : flowOf(session);
  if (session.stage === 'partial') expectStep(flow!, 'configure_totp');
  if (!flow?.enrollment)
    throw new TekenError('ERR_AUTH_STEP_INVALID', 'Start the authenticator setup first.');
  const name = typeof input.deviceName === 'string' ? input.deviceName.trim() : '';
  if (name === '' || name.length > 64)
    throw new TekenError('ERR_INPUT_INVALID', 'Give the device a name of at most 64 characters.');
  if (typeof input.code !== 'string')
    throw new TekenError('ERR_INPUT_INVALID', 'Give the 6-digit code shown by the app.');
  await assertAddressAllowed(ctx, meta.ip);
  const account = await getAccount(ctx.db, session.accountId);
  const secret = ctx.master
    .open(
      'personal-data/v1',
      Buffer.from(flow.enrollment.sealedSecret, 'base64'),
      `enroll:${Buffer.from(session.idHash).toString('hex')}`,
    )
    .toString('utf8');
  const step = verifyTotp(secret, input.code.replace(/\s/g, ''), 0, ctx.now?.());
  if (step === null) {
    await failed(ctx, account, 'otp', meta);
    throw new TekenError(
      'ERR_AUTH_OTP_INVALID',
      'Kode OTP salah. / The code does not match: check the time on your phone and try again.',
    );
  }
  const existing = await ctx.db.select().from(totpDevices).where(eq(totpDevices.accountId, account.id));
  const replacing = flow.kind === 'admin_reset_otp';
  if (!replacing && existing.some((d) => d.confirmed && d.name.toLowerCase() === name.toLowerCase())) {
    throw new TekenError('ERR_TOTP_DEVICE_NAME_TAKEN', `You already have an authenticator called "${name}".`);
  }
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    if (replacing) {
      await tx.delete(totpDevices).where(eq(totpDevices.accountId, account.id));
    }
    await tx.insert(totpDevices).values({
      id,
      accountId: account.id,
      name,
      sealedSecret: ctx.master.seal('personal-data/v1', Buffer.from(secret), `totp:${id}`),
      lastUsedStep: step,
      confirmed: true,
      lastUsedAt: new Date(),
    });
    await tx
      .update(accounts)
      .set({
        requiredActions: sql`array_remove(${accounts.requiredActions}, 'CONFIGURE_TOTP')`,
        updatedAt: new Date(),
      })
      .where(eq(accounts.id, account.id));
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: replacing ? 'account.totp_reset' : 'account.totp_added',
      target: `account:${account.id}`,
      details: { device: name, ip: meta.ip ?? null },
    });
  });
  if (session.stage === 'full') {
    await updateFlow(ctx.db, session, { kind: 'add_device', pending: [], remember: session.remember });
    return { next: 'done' };
  }
  return advance(ctx, session, flow, meta);
}

/** Sets a new password (twice); voids links and signs out every other session. */
export async function setPassword(
  ctx: IdentityContext,
  tx: Tx,
  account: AccountRow,
  password: string,
  meta: SessionMeta,
  keepSession?: Uint8Array,
): Promise<void> {
  const accepted = assertPasswordAcceptable(password, ctx.config.identity, account);
  const passwordHash = await hashPassword(accepted);
  const now = new Date();
  await tx
    .update(accounts)
    .set({
      passwordHash,
      passwordChangedAt: now,
      requiredActions: sql`array_remove(${accounts.requiredActions}, 'UPDATE_PASSWORD')`,
      updatedAt: now,
    })
    .where(eq(accounts.id, account.id));
  await voidActionLinks(tx, account.id, ['RESET_PASSWORD', 'UPDATE_PASSWORD']);
  if (keepSession !== undefined) await revokeOtherSessions(tx, account.id, keepSession);
  await recordAuditEvent(tx, {
    actor: `account:${account.id}`,
    action: 'account.password_changed',
    target: `account:${account.id}`,
    details: { ip: meta.ip ?? null },
  });
  await ctx.notify(tx, {
    template: 'password-changed',
    locale: account.locale,
    to: account.email,
    data: { name: account.fullName, time: formatWib(now, account.locale) },
    idempotencyKey: `password-changed:${account.id}:${now.getTime()}`,
    accountId: account.id,
  });
}

/** The `update_password` step ("Update password"). */
export async function updatePasswordStep(
  ctx: IdentityContext,
  session: SessionRow,
  input: { password: unknown; confirmation: unknown },
  meta: SessionMeta,
): Promise<StepResult> {
  const flow = flowOf(session);
  expectStep(flow, 'update_password');
  if (typeof input.password !== 'string' || typeof input.confirmation !== 'string') {
    throw new TekenError('ERR_INPUT_INVALID', 'Give the new password twice.');
  }
  if (input.password !== input.confirmation) throw new TekenError('ERR_PASSWORD_MISMATCH');
  const account = await getAccount(ctx.db, session.accountId);
  await ctx.db.transaction(async (tx) => {
    // Every other session ends: whoever knew the old password is out.
    await setPassword(ctx, tx, account, input.password as string, meta, session.idHash);
  });
  return advance(ctx, session, flow, meta);
}

const linkFlows = {
  RESET_PASSWORD: 'reset_password',
  UPDATE_PASSWORD: 'admin_update_password',
  RESET_OTP_DEVICE: 'admin_reset_otp',
  SETUP_ADMIN: 'setup_admin',
} as const;

/** Opens a link: marks it used and starts its flow on a new partial session. */
export async function redeemLink(
  ctx: IdentityContext,
  token: unknown,
  meta: SessionMeta,
): Promise<StepResult & { kind: AuthFlowState['kind'] }> {
  await assertAddressAllowed(ctx, meta.ip);
  return ctx.db.transaction(async (tx) => {
    const link = await redeemActionLink(tx, token);
    const account = await getAccount(tx, link.accountId);
    const hasDevice = (await confirmedDevices(tx, account.id)).length > 0;
    const kind = linkFlows[link.action];
    const pending: FlowStep[] =
      kind === 'reset_password'
        ? [hasDevice ? 'otp' : 'configure_totp', 'update_password']
        : kind === 'admin_update_password'
          ? [hasDevice ? 'otp' : 'configure_totp', 'update_password']
          : kind === 'admin_reset_otp'
            ? ['password', 'configure_totp']
            : ['update_password', 'configure_totp'];
    const flow: AuthFlowState = { kind, pending, remember: false };
    const { token: sessionToken, session } = await createSession(tx, ctx.config, {
      accountId: account.id,
      stage: 'partial',
      remember: false,
      flow,
      ...meta,
    });
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: 'link.redeemed',
      target: `account:${account.id}`,
      details: { link: link.action, ip: meta.ip ?? null },
    });
    return { next: pending[0]!, token: sessionToken, csrfToken: session.csrfToken, kind };
  });
}

/**
 * "Lupa Password": the same answer whether or not the address exists; at most
 * TEKEN_LINK_EMAILS_PER_HOUR e-mails per address per hour.
 */
export async function requestPasswordReset(
  ctx: IdentityContext,
  email: unknown,
  meta: SessionMeta,
): Promise<void> {
  if (typeof email !== 'string' || email.length > 254 || !email.includes('@')) {
    throw new TekenError('ERR_INPUT_INVALID', 'Give the e-mail address of your account.');
  }
  await assertAddressAllowed(ctx, meta.ip);
  if (meta.ip)
    await recordFailure(ctx.db, `reset:ip:${meta.ip}`, { max: 30, windowMs: 3_600_000, blockMs: 3_600_000 });
  const account = await findAccountByLogin(ctx.db, email);
  if (!account || account.status !== 'active') return;
  const quota = await recordFailure(ctx.db, `mail:${account.email.toLowerCase()}`, {
    max: ctx.config.identity.linkEmailsPerHour + 1,
    windowMs: 3_600_000,
    blockMs: 3_600_000,
  });
  if (quota.failures > ctx.config.identity.linkEmailsPerHour) return;
  await ctx.db.transaction(async (tx) => {
    const minutes = ctx.config.identity.resetPasswordLinkMinutes;
    const { token } = await createActionLink(tx, {
      accountId: account.id,
      action: 'RESET_PASSWORD',
      lifetimeMs: minutes * 60_000,
      createdBy: `account:${account.id}`,
    });
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: 'auth.reset_requested',
      target: `account:${account.id}`,
      details: { ip: meta.ip ?? null },
    });
    await ctx.notify(tx, {
      template: 'reset-password',
      locale: account.locale,
      to: account.email,
      data: { name: account.fullName, link: linkUrl(ctx.config, token), expiresInMinutes: String(minutes) },
      idempotencyKey: `reset-password:${crypto.randomUUID()}`,
      accountId: account.id,
    });
  });
}

/** Signs out (the current session). */
export async function signOut(ctx: IdentityContext, session: SessionRow, meta: SessionMeta): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, session.idHash);
    if (session.stage === 'full') {
      await recordAuditEvent(tx, {
        actor: `account:${session.accountId}`,
        action: 'auth.sign_out',
        target: `account:${session.accountId}`,
        details: { ip: meta.ip ?? null },
      });
    }
  });
}
