/**
 * "Kirim ulang tautan aktivasi": a new activation link for a registration that is still open
 * (invited or in progress). The new link voids the old one (startRegistration → createActionLink),
 * so only the newest e-mail works. Allowed to whoever may invite at the registration's institution;
 * the per-address link e-mail quota applies.
 */
import { eq } from 'drizzle-orm';
import { accounts, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { takeLinkEmailQuota } from './link-email-quota.js';
import { startRegistration, type StartedRegistration } from './start-registration.js';

export const openRegistrationStatuses = ['invited', 'in_progress'] as const;

export async function resendActivation(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
): Promise<StartedRegistration> {
  const [row] = await ctx.db
    .select({ registration: registrations, account: accounts })
    .from(registrations)
    .innerJoin(accounts, eq(accounts.id, registrations.accountId))
    .where(eq(registrations.accountId, accountId));
  if (!row) throw new TekenError('ERR_REGISTRATION_NOT_FOUND');
  authorize(actor, 'registration.invite', { institutionId: row.registration.institutionId });
  if (!(openRegistrationStatuses as readonly string[]).includes(row.registration.status))
    throw new TekenError(
      'ERR_REGISTRATION_CLOSED',
      `The registration is ${row.registration.status}: only an invited or in-progress registration gets a new activation link.`,
    );
  await takeLinkEmailQuota(ctx, row.account.email);
  return ctx.db.transaction((tx) =>
    startRegistration(ctx, tx, {
      institutionId: row.registration.institutionId,
      fullName: row.account.fullName,
      email: row.account.email,
      source: row.registration.source,
      invitedBy: `account:${actor.id}`,
      locale: row.account.locale,
    }),
  );
}
