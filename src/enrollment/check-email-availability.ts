/**
 * "Cek ketersediaan email": whether a new address could be asked for in "Ubah Profil" — valid, at
 * one of the institution's domains, and not the address of another account. Each check takes one
 * unit of the account's `email_availability` quota (lockout-policy.ts), so the button cannot be
 * used to find out in bulk who has an account.
 */
import { sql } from 'drizzle-orm';
import { accounts } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { accountSubject } from '../identity/lockout-policy.js';
import { verifiedProfile } from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { checkEmail } from './profile-rules.js';

export interface EmailAvailability {
  email: string;
  available: boolean;
  /** `current`: it is already this account's address; `taken`: another account has it. */
  reason: 'current' | 'taken' | null;
}

export async function checkEmailAvailability(
  ctx: EnrollmentContext,
  account: AccountRow,
  email: unknown,
): Promise<EmailAvailability> {
  const quota = await ctx.guard.consume('email_availability', accountSubject(account.id));
  if (!quota.ok)
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      'Terlalu sering memeriksa email; coba lagi nanti. / Too many e-mail checks; try again later.',
      { details: { retryAfterSeconds: quota.retryAfterSeconds } },
    );
  const profile = await verifiedProfile(ctx.db, account.id);
  const address = checkEmail(email, profile.rules.emailDomains);
  if (address === profile.account.email.toLowerCase())
    return { email: address, available: false, reason: 'current' };
  const [other] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${address}`);
  return { email: address, available: !other, reason: other ? 'taken' : null };
}
