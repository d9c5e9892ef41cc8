/** Confirms an enrolment with a first code and a device name ("Nama Device", unique per account). */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, totpDevices } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { getAccount } from './accounts.js';
import { enrollmentAad } from './begin-totp-enrollment.js';
import { advance, expectStep, flowOf, type StepResult } from './flow-steps.js';
import type { IdentityContext } from './identity-context.js';
import { accountSubject, addressThrottled, invalidOtp, recordWrongGuess } from './lockout-policy.js';
import { updateFlow, type AuthFlowState, type SessionMeta, type SessionRow } from './sessions.js';
import { verifyTotp } from './totp.js';

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
  if (typeof input.code !== 'string' || input.code.length > 32)
    throw new TekenError('ERR_INPUT_INVALID', 'Give the 6-digit code shown by the app.');
  const code = input.code.replace(/\s/g, '');
  const account = await getAccount(ctx.db, session.accountId);
  const secret = ctx.master
    .open('personal-data/v1', Buffer.from(flow.enrollment.sealedSecret, 'base64'), enrollmentAad(session))
    .toString('utf8');
  const result = await ctx.guard.attempt(
    'otp',
    { subject: accountSubject(account.id), address: meta.ip },
    () => Promise.resolve(verifyTotp(secret, code, 0, ctx.now?.())),
  );
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw invalidOtp(result.blockedUntil);
  }
  if (result.outcome === 'wrong') {
    await recordWrongGuess(ctx, account, 'otp', result, meta);
    throw invalidOtp(
      result.blockedUntil,
      'The code does not match: check the time on your phone and try again.',
    );
  }
  const step = result.value;
  const existing = await ctx.db.select().from(totpDevices).where(eq(totpDevices.accountId, account.id));
  const replacing = flow.kind === 'admin_reset_otp';
  if (!replacing && existing.some((d) => d.confirmed && d.name.toLowerCase() === name.toLowerCase())) {
    throw new TekenError('ERR_TOTP_DEVICE_NAME_TAKEN', `You already have an authenticator called "${name}".`);
  }
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    if (replacing) await tx.delete(totpDevices).where(eq(totpDevices.accountId, account.id));
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
