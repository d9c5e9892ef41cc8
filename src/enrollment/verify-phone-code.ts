/**
 * "Verifikasi OTP": checks the code sent by send-phone-code.ts. Each guess goes through the attempt
 * guard (kind `phone_code`): at most 5 per code, and a daily budget per account and per number, plus
 * the source address's; a wrong code answers "Kode OTP salah". The right code writes the number
 * (E.164, sealed, lookup hash `phone`) with phoneVerifiedAt and phoneVerifiedBy `whatsapp` to the
 * registration, a Riwayat Data row (profile_history, old and new number sealed) and an audit event,
 * in one transaction. Another account's unverified copy of the number loses it (this person has
 * just proved they hold it); a number another account has verified is refused.
 */
import crypto from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { phoneVerifications, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { addressThrottled, PHONE_CODE_GUESSES } from '../identity/lockout-policy.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { lookupHash, openPersonalText, sealPersonal } from './personal-data.js';
import { maskPhone } from './phone.js';
import { recordHistory } from './profile-history.js';
import {
  codeHash,
  currentVerification,
  numberSubject,
  refuseTakenNumber,
  type PhoneHolder,
} from './phone-verification.js';

export interface PhoneVerified {
  phone: string;
  verified: true;
  verifiedAt: Date;
}

const expired = () =>
  new TekenError(
    'ERR_PHONE_CODE_EXPIRED',
    'Kode OTP sudah tidak berlaku; kirim kode baru. / The code has expired or was replaced: send a new one.',
  );

export async function verifyPhoneCode(
  ctx: EnrollmentContext,
  holder: PhoneHolder,
  rawCode: unknown,
  address: string | undefined,
): Promise<PhoneVerified> {
  if (typeof rawCode !== 'string' || !/^\d{6}$/.test(rawCode.trim()))
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'code: Masukkan Kode OTP (6 digit angka). / The code has 6 digits.',
      {
        details: { field: 'code' },
      },
    );
  const code = rawCode.trim();
  const row = await currentVerification(ctx.db, holder.accountId, holder.purpose);
  const now = ctx.now?.() ?? Date.now();
  if (!row || row.expiresAt.getTime() <= now) throw expired();
  const result = await ctx.guard.attempt(
    'phone_code',
    {
      subject: row.id,
      ...(address ? { address } : {}),
      also: { account: `acct:${holder.accountId}`, number: numberSubject(row.phoneHash) },
    },
    () => {
      const expected = codeHash(ctx.master, row.id, code);
      return Promise.resolve(crypto.timingSafeEqual(expected, row.codeHash) ? true : null);
    },
  );
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      `Terlalu banyak kode salah. Kirim kode baru, atau coba lagi dalam ${Math.ceil(result.retryAfterSeconds / 60)} menit. / ` +
        'Too many wrong codes: send a new code, or try again later.',
      { details: { retryAfterSeconds: result.retryAfterSeconds } },
    );
  }
  if (result.outcome === 'wrong') {
    await ctx.db.transaction((tx) =>
      recordAuditEvent(tx, {
        actor: holder.actor,
        action: 'phone.code_failed',
        target: `account:${holder.accountId}`,
        details: { purpose: holder.purpose, ip: address ?? null, failures: result.failures },
      }),
    );
    const attemptsLeft = Math.max(0, PHONE_CODE_GUESSES - result.failures);
    throw new TekenError(
      'ERR_PHONE_CODE_INVALID',
      `Kode OTP salah. / The code is wrong (${attemptsLeft} attempts left).`,
      {
        details: { field: 'code', attemptsLeft },
      },
    );
  }
  return holder.open(async (tx) => {
    const [used] = await tx
      .update(phoneVerifications)
      .set({ usedAt: new Date(now) })
      .where(
        and(
          eq(phoneVerifications.id, row.id),
          isNull(phoneVerifications.usedAt),
          isNull(phoneVerifications.voidedAt),
        ),
      )
      .returning({ id: phoneVerifications.id });
    if (!used) throw expired();
    const phone = openPersonalText(
      ctx.master,
      'phone_verifications.phone',
      holder.accountId,
      row.phoneSealed,
    )!;
    const hash = lookupHash(ctx.master, 'phone', phone);
    await refuseTakenNumber(tx, holder.accountId, hash);
    // An unverified copy elsewhere (typed in by an HR import) gives way to the proven holder.
    const others = await tx
      .select({ accountId: registrations.accountId })
      .from(registrations)
      .where(and(eq(registrations.phoneHash, hash), ne(registrations.accountId, holder.accountId)));
    for (const other of others) {
      await tx
        .update(registrations)
        .set({
          phoneSealed: null,
          phoneHash: null,
          phoneVerifiedAt: null,
          phoneVerifiedBy: null,
          updatedAt: new Date(),
        })
        .where(eq(registrations.accountId, other.accountId));
      await recordHistory(tx, ctx.master, {
        accountId: other.accountId,
        field: 'phone',
        old: phone,
        new: null,
        changedBy: 'system',
        cause: 'phone_verification',
      });
    }
    const [current] = await tx
      .select({ phoneSealed: registrations.phoneSealed })
      .from(registrations)
      .where(eq(registrations.accountId, holder.accountId));
    if (!current)
      throw new TekenError(
        'ERR_RESOURCE_NOT_FOUND',
        'This account has no registration to verify a number for.',
      );
    const old = openPersonalText(ctx.master, 'registrations.phone', holder.accountId, current.phoneSealed);
    const verifiedAt = new Date(now);
    await tx
      .update(registrations)
      .set({
        phoneSealed: sealPersonal(ctx.master, 'registrations.phone', holder.accountId, phone),
        phoneHash: hash,
        phoneVerifiedAt: verifiedAt,
        phoneVerifiedBy: 'whatsapp',
        updatedAt: verifiedAt,
      })
      .where(eq(registrations.accountId, holder.accountId));
    await recordHistory(tx, ctx.master, {
      accountId: holder.accountId,
      field: 'phone',
      old,
      new: phone,
      changedBy: holder.actor === 'self' ? 'self' : holder.actor.replace(/^account:/, ''),
      cause: 'phone_verification',
    });
    await recordAuditEvent(tx, {
      actor: holder.actor,
      action: 'phone.verified',
      target: `account:${holder.accountId}`,
      details: { purpose: holder.purpose, by: 'whatsapp', replacedUnverified: others.length },
    });
    return { phone: maskPhone(phone), verified: true as const, verifiedAt };
  });
}
