/**
 * Self-registration ("Daftar", seed 002) at an institution whose policy allows it: the e-mail must
 * be at one of the institution's domains, then the same "[BSrE] Aktivasi Akun" link as an
 * invitation. Quotas through the guard: `self_registration` per source address (refused with 429)
 * and `link_email` per e-mail address (beyond it, nothing is sent and the answer is the same).
 *
 * No account enumeration: a new address, an address with an open registration (it gets a fresh
 * link) and an address that already has an account (nothing is sent; the owner can use "Lupa
 * Password") all get the same answer. Refusals that say something are about the request only: a
 * malformed field, an e-mail outside the institution's domains, an institution that is closed.
 */
import { eq } from 'drizzle-orm';
import { institutions } from '../db/schema.js';
import { isTekenError, TekenError } from '../errors/teken-error.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { startRegistrationOnce } from './start-registration-once.js';
import { assertEmailDomain, validEmail, validFullName } from './start-registration.js';

export interface SelfRegistrationInput {
  institutionId: string;
  fullName: unknown;
  email: unknown;
  locale?: 'id' | 'en';
}

/** What happened, for the log and the tests; the HTTP answer is the same for each. */
export type SelfRegistrationOutcome = 'started' | 'resent' | 'not_sent';

export async function selfRegister(
  ctx: EnrollmentContext,
  input: SelfRegistrationInput,
  address: string | undefined,
): Promise<SelfRegistrationOutcome> {
  if (address) {
    const perAddress = await ctx.guard.consume('self_registration', address);
    if (!perAddress.ok)
      throw new TekenError(
        'ERR_AUTH_THROTTLED',
        'Too many registrations from your network. Try again later.',
        { details: { retryAfterSeconds: perAddress.retryAfterSeconds } },
      );
  }
  let fullName: string;
  try {
    fullName = validFullName(input.fullName);
  } catch {
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'fullName: the full name is required (at most 200 characters).',
      {
        details: { field: 'fullName' },
      },
    );
  }
  const email = validEmail(input.email);
  const [institution] = await ctx.db
    .select({
      active: institutions.active,
      selfRegistration: institutions.selfRegistration,
      emailDomains: institutions.emailDomains,
    })
    .from(institutions)
    .where(eq(institutions.id, input.institutionId));
  if (!institution)
    throw new TekenError('ERR_INSTITUTION_NOT_FOUND', 'institutionId: no such institution.', {
      details: { field: 'institutionId' },
    });
  if (!institution.active || !institution.selfRegistration)
    throw new TekenError(
      'ERR_SELF_REGISTRATION_CLOSED',
      'institutionId: this institution does not take self-registration. Ask its RA officer or administrator for an invitation.',
      { details: { field: 'institutionId' } },
    );
  assertEmailDomain(email, institution.emailDomains);
  // Past this point every outcome answers the same.
  const quota = await ctx.guard.consume('link_email', email);
  if (!quota.ok) return 'not_sent';
  try {
    const started = await startRegistrationOnce(ctx, {
      institutionId: input.institutionId,
      fullName,
      email,
      source: 'self',
      invitedBy: 'self',
      ...(input.locale ? { locale: input.locale } : {}),
    });
    return started.resent ? 'resent' : 'started';
  } catch (error) {
    if (isTekenError(error, 'ERR_ACCOUNT_EXISTS')) return 'not_sent';
    throw error;
  }
}
