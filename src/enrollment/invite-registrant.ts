/**
 * "Undang Pengguna": an RA officer or institution admin invites one person of their institution (a
 * CA admin: of any institution). The registration starts (startRegistration) and the person gets
 * the "[BSrE] Aktivasi Akun" e-mail; inviting an address whose registration is still open sends a
 * fresh link instead (the old one ends).
 */
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import { isTekenError, TekenError } from '../errors/teken-error.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { takeLinkEmailQuota } from './link-email-quota.js';
import { startRegistrationOnce } from './start-registration-once.js';
import { validEmail, validFullName, type StartedRegistration } from './start-registration.js';

export interface InviteInput {
  institutionId: string;
  fullName: unknown;
  email: unknown;
  locale?: 'id' | 'en';
}

export async function inviteRegistrant(
  ctx: EnrollmentContext,
  actor: AccountRow,
  input: InviteInput,
): Promise<StartedRegistration> {
  authorize(actor, 'registration.invite', { institutionId: input.institutionId });
  const fullName = nameOf(input.fullName);
  const email = validEmail(input.email);
  await takeLinkEmailQuota(ctx, email);
  return startRegistrationOnce(ctx, {
    institutionId: input.institutionId,
    fullName,
    email,
    source: 'invite',
    invitedBy: `account:${actor.id}`,
    ...(input.locale ? { locale: input.locale } : {}),
  });
}

/** startRegistration's name rule, naming this route's field (`fullName`, not BSrE's `nama`). */
function nameOf(value: unknown): string {
  try {
    return validFullName(value);
  } catch (error) {
    if (!isTekenError(error, 'ERR_INPUT_INVALID')) throw error;
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'fullName: the full name is required (at most 200 characters).',
      {
        details: { field: 'fullName' },
      },
    );
  }
}
