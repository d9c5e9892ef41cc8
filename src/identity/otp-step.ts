/** The `otp` step: a code from one of the account's authenticators (a chosen one, or any). */
import { and, eq, sql } from 'drizzle-orm';
import { totpDevices } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { confirmedDevices, getAccount, type AccountRow } from './accounts.js';
import { advance, expectStep, flowOf, type StepResult } from './flow-steps.js';
import type { IdentityContext } from './identity-context.js';
import { accountSubject, addressThrottled, invalidOtp, recordWrongGuess } from './lockout-policy.js';
import type { SessionMeta, SessionRow } from './sessions.js';
import { verifyTotp } from './totp.js';

/**
 * Checks a code from one of a known account's authenticators (a chosen one, or any) through the
 * attempt guard (kind `otp`), with the replay guard; a wrong code is counted and audited. The `otp`
 * step and every re-confirmation (a Pencabutan) take this one path.
 */
export async function verifyAccountOtp(
  ctx: IdentityContext,
  account: AccountRow,
  input: { code: string; deviceId?: unknown },
  meta: SessionMeta,
): Promise<void> {
  const code = input.code.replace(/\s/g, '');
  let devices = await confirmedDevices(ctx.db, account.id);
  if (typeof input.deviceId === 'string' && input.deviceId !== '')
    devices = devices.filter((d) => d.id === input.deviceId);
  const result = await ctx.guard.attempt(
    'otp',
    { subject: accountSubject(account.id), address: meta.ip },
    async () => {
      for (const device of devices) {
        const secret = ctx.master
          .open('personal-data/v1', device.sealedSecret, `totp:${device.id}`)
          .toString('utf8');
        const step = verifyTotp(secret, code, device.lastUsedStep, ctx.now?.());
        if (step === null) continue;
        // The replay guard is enforced in the UPDATE itself, so two requests racing with one code
        // cannot both succeed; the loser counts as a wrong code.
        const updated = await ctx.db
          .update(totpDevices)
          .set({ lastUsedStep: step, lastUsedAt: new Date() })
          .where(and(eq(totpDevices.id, device.id), sql`${totpDevices.lastUsedStep} < ${step}`))
          .returning({ id: totpDevices.id });
        return updated.length > 0 ? device.id : null;
      }
      return null;
    },
  );
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw invalidOtp(result.blockedUntil);
  }
  if (result.outcome === 'wrong') {
    await recordWrongGuess(ctx, account, 'otp', result, meta);
    throw invalidOtp(result.blockedUntil);
  }
}

export async function otpStep(
  ctx: IdentityContext,
  session: SessionRow,
  input: { code: unknown; deviceId?: unknown },
  meta: SessionMeta,
): Promise<StepResult> {
  const flow = flowOf(session);
  expectStep(flow, 'otp');
  if (typeof input.code !== 'string' || input.code.length > 32)
    throw new TekenError('ERR_INPUT_INVALID', 'Give the 6-digit code from your authenticator app.');
  const account = await getAccount(ctx.db, session.accountId);
  await verifyAccountOtp(ctx, account, { code: input.code, deviceId: input.deviceId }, meta);
  return advance(ctx, session, flow, meta);
}
