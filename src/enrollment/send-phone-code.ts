/**
 * "Kirim Kode OTP" / "Kirim Ulang": sends a 6-digit code to a phone number over WhatsApp (template
 * `phone-code-registration` or `phone-code-change`). The code is crypto-random, stored only as an
 * HMAC, valid for 10 minutes; a new one voids the previous one and may be asked for 30 seconds
 * after it (the answer says when). Sending is limited per account and per number through the
 * attempt guard's quota `phone_code_send` (TEKEN_PHONE_CODES_PER_HOUR). A number another account
 * has verified is refused. Without the WhatsApp channel the answer says that the RA officer
 * verifies numbers.
 */
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { phoneVerifications } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { lookupHash, sealPersonal } from './personal-data.js';
import { maskPhone, validPhone } from './phone.js';
import {
  codeHash,
  currentVerification,
  newPhoneCode,
  numberSubject,
  PHONE_CODE_MINUTES,
  PHONE_RESEND_SECONDS,
  refuseTakenNumber,
  requireWhatsApp,
  type PhoneHolder,
} from './phone-verification.js';

export interface PhoneCodeSent {
  /** Masked, e.g. `+62 812-****-789`. */
  phone: string;
  expiresAt: Date;
  /** When "Kirim Ulang" is allowed. */
  resendAt: Date;
  /** The wait before "Kirim Ulang", for a countdown on the browser's own clock. */
  resendInSeconds: number;
}

export async function sendPhoneCode(
  ctx: EnrollmentContext,
  holder: PhoneHolder,
  rawPhone: unknown,
): Promise<PhoneCodeSent> {
  const phone = validPhone(rawPhone);
  requireWhatsApp(ctx);
  const hash = lookupHash(ctx.master, 'phone', phone);
  await refuseTakenNumber(ctx.db, holder.accountId, hash);
  const now = ctx.now?.() ?? Date.now();
  const previous = await currentVerification(ctx.db, holder.accountId, holder.purpose);
  if (previous) {
    const waitMs = previous.sentAt.getTime() + PHONE_RESEND_SECONDS * 1000 - now;
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new TekenError(
        'ERR_PHONE_CODE_TOO_SOON',
        `Kirim Ulang dalam ${retryAfterSeconds} detik. / A code was just sent: send again in ${retryAfterSeconds} seconds.`,
        { details: { retryAfterSeconds } },
      );
    }
  }
  for (const subject of [`acct:${holder.accountId}`, numberSubject(hash)]) {
    const quota = await ctx.guard.consume('phone_code_send', subject);
    if (!quota.ok)
      throw new TekenError(
        'ERR_PHONE_CODE_QUOTA',
        `Terlalu banyak kode dikirim; coba lagi dalam ${Math.ceil(quota.retryAfterSeconds / 60)} menit. / ` +
          `Too many codes were sent (at most ${ctx.config.enrollment.phoneCodesPerHour} an hour); try again later.`,
        { details: { retryAfterSeconds: quota.retryAfterSeconds } },
      );
  }
  const id = crypto.randomUUID();
  const code = newPhoneCode();
  const sentAt = new Date(now);
  const expiresAt = new Date(now + PHONE_CODE_MINUTES * 60_000);
  await holder.open(async (tx) => {
    await tx
      .update(phoneVerifications)
      .set({ voidedAt: sentAt })
      .where(
        and(
          eq(phoneVerifications.accountId, holder.accountId),
          eq(phoneVerifications.purpose, holder.purpose),
          isNull(phoneVerifications.usedAt),
          isNull(phoneVerifications.voidedAt),
        ),
      );
    await tx.insert(phoneVerifications).values({
      id,
      accountId: holder.accountId,
      purpose: holder.purpose,
      phoneSealed: sealPersonal(ctx.master, 'phone_verifications.phone', holder.accountId, phone),
      phoneHash: hash,
      codeHash: codeHash(ctx.master, id, code),
      expiresAt,
      sentAt,
    });
    await ctx.notify(tx, {
      template: holder.purpose === 'registration' ? 'phone-code-registration' : 'phone-code-change',
      channel: 'whatsapp',
      locale: holder.locale,
      to: phone,
      data: { code, expiresInMinutes: String(PHONE_CODE_MINUTES) },
      idempotencyKey: `phone-code:${id}`,
      accountId: holder.accountId,
    });
    await recordAuditEvent(tx, {
      actor: holder.actor,
      action: 'phone.code_sent',
      target: `account:${holder.accountId}`,
      details: { purpose: holder.purpose, verification: id },
    });
  });
  return {
    phone: maskPhone(phone),
    expiresAt,
    resendAt: new Date(now + PHONE_RESEND_SECONDS * 1000),
    resendInSeconds: PHONE_RESEND_SECONDS,
  };
}
