/**
 * What the WhatsApp phone verification use cases share (send-phone-code.ts, verify-phone-code.ts):
 * who is verifying (a registration in the wizard, or a signed-in user's "Ubah nomor HP"), the code
 * rules and the HMAC under which a code is stored. docs/notifications.md "Phone verification".
 */
import crypto from 'node:crypto';
import { and, desc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Config } from '../config/load-config.js';
import type { Db, Tx } from '../db/open-database.js';
import { phoneVerifications, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { MasterKey } from '../keys/master-key.js';
import type { Locale } from '../notify/templates/template.js';
import type { EnrollmentContext } from './enrollment-context.js';

export type PhonePurpose = 'registration' | 'change';

export const PHONE_CODE_MINUTES = 10;
export const PHONE_RESEND_SECONDS = 30;

/**
 * The person verifying a number and how to reach their registration row: `open` runs the work in
 * a transaction with that row locked (the wizard's withRegistrationLink, or a plain transaction
 * for a signed-in account), and throws if the row is gone.
 */
export interface PhoneHolder {
  accountId: string;
  locale: Locale;
  purpose: PhonePurpose;
  /** Who the Riwayat Data row and the audit event name: `self` / `account:<id>`. */
  actor: string;
  open<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** The stored form of a code: an HMAC (lookup subkey) bound to its verification row. */
export function codeHash(master: MasterKey, verificationId: string, code: string): Buffer {
  return master.lookupHash('phone-code', `${verificationId}:${code}`);
}

/** A uniformly random 6-digit code. */
export function newPhoneCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * Whether a registration's number must be verified by a WhatsApp code before Submit: where the
 * WhatsApp channel is configured. Without it the RA officer verifies the number (Tinjau Ulang →
 * Tandai Terverifikasi). Submit (submit-registration.ts) and the wizard's view of the registration
 * (`dataDiri.phoneVerificationRequired`, which gates the console's Next and Submit) both ask this.
 */
export function phoneVerificationRequired(config: Config): boolean {
  return config.notify.whatsapp !== undefined;
}

/** The WhatsApp channel is configured, or the clear answer that the RA officer verifies numbers. */
export function requireWhatsApp(ctx: EnrollmentContext): void {
  if (!phoneVerificationRequired(ctx.config))
    throw new TekenError(
      'ERR_PHONE_WHATSAPP_UNAVAILABLE',
      'Verifikasi nomor HP lewat WhatsApp tidak tersedia; nomor HP Anda diverifikasi oleh petugas RA. / ' +
        'WhatsApp verification is not configured here: your phone number is verified by the RA officer.',
    );
}

/** Refuses a number another account has already verified. */
export async function refuseTakenNumber(db: Db | Tx, accountId: string, hash: Buffer): Promise<void> {
  const [other] = await db
    .select({ id: registrations.accountId })
    .from(registrations)
    .where(
      and(
        eq(registrations.phoneHash, hash),
        isNotNull(registrations.phoneVerifiedAt),
        ne(registrations.accountId, accountId),
      ),
    );
  if (other)
    throw new TekenError(
      'ERR_PHONE_TAKEN',
      'phone: nomor HP ini sudah diverifikasi untuk akun lain. / This number is already verified for another account.',
      { details: { field: 'phone' } },
    );
}

/** The account's current code for a purpose (not used, not voided), newest first. */
export async function currentVerification(db: Db | Tx, accountId: string, purpose: PhonePurpose) {
  const [row] = await db
    .select()
    .from(phoneVerifications)
    .where(
      and(
        eq(phoneVerifications.accountId, accountId),
        eq(phoneVerifications.purpose, purpose),
        isNull(phoneVerifications.usedAt),
        isNull(phoneVerifications.voidedAt),
      ),
    )
    .orderBy(desc(phoneVerifications.sentAt))
    .limit(1);
  return row;
}

/** The guard subject of a number: its lookup hash, never the number. */
export const numberSubject = (hash: Uint8Array) =>
  `num:${Buffer.from(hash).toString('base64url').slice(0, 32)}`;
