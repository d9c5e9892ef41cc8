/** The signed-in user's phone number as the console shows it: masked, and whether it is verified. */
import { eq } from 'drizzle-orm';
import { registrations } from '../db/schema.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { openPersonalText } from './personal-data.js';
import { maskPhone } from './phone.js';

export interface PhoneStatus {
  /** `+62 812-****-789`, or null when no number is on file. */
  phone: string | null;
  /** Terverifikasi / Belum Terverifikasi. */
  verified: boolean;
  /** Whether this account has a profile (registration) a number belongs to. */
  hasProfile: boolean;
  /** Whether the WhatsApp channel is configured (else the RA officer verifies numbers). */
  whatsapp: boolean;
}

export async function readPhone(ctx: EnrollmentContext, accountId: string): Promise<PhoneStatus> {
  const [row] = await ctx.db
    .select({ phoneSealed: registrations.phoneSealed, verifiedAt: registrations.phoneVerifiedAt })
    .from(registrations)
    .where(eq(registrations.accountId, accountId));
  const phone = row ? openPersonalText(ctx.master, 'registrations.phone', accountId, row.phoneSealed) : null;
  return {
    phone: phone ? maskPhone(phone) : null,
    verified: !!row?.verifiedAt && !!phone,
    hasProfile: !!row,
    whatsapp: !!ctx.config.notify.whatsapp,
  };
}
