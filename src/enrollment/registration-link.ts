/**
 * The activation link as the wizard's credential. Unlike the sign-in links it is not used up when
 * opened: the person can leave and come back through the same link (seed 002) until they submit,
 * when `closeRegistrationLink` marks it used. A newer link (a re-send) voids it, and it expires
 * after TEKEN_ACTIVATION_LINK_HOURS. Unknown tokens count against the source address through the
 * attempt guard (kind `link`), as for every other link.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database.js';
import { accounts, actionTokens, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { hashOpaqueToken, isWellFormedToken } from '../identity/opaque-token.js';
import { addressThrottled } from '../identity/lockout-policy.js';
import type { EnrollmentContext } from './enrollment-context.js';

export type RegistrationRow = typeof registrations.$inferSelect;
export type RegistrationAccount = Pick<
  typeof accounts.$inferSelect,
  'id' | 'email' | 'fullName' | 'username' | 'institutionId' | 'locale' | 'status'
>;

export interface OpenedRegistration {
  registration: RegistrationRow;
  account: RegistrationAccount;
  linkExpiresAt: Date;
}

const closedMessages: Partial<Record<RegistrationRow['status'], string>> = {
  verified: 'This registration has been verified: follow the "Informasi Akun" e-mail to sign in.',
  rejected: 'This registration was rejected by the RA: the e-mail says why. Contact your RA.',
};

/**
 * ERR_LINK_USED for a registration that was submitted (its link spent) or decided, with
 * `details.registrationStatus`: the wizard's page tells the person whether it still waits for the
 * RA, was verified, or was rejected (whose reason went by e-mail), not "being verified" forever.
 */
export function registrationClosed(status: RegistrationRow['status']): TekenError {
  return new TekenError(
    'ERR_LINK_USED',
    closedMessages[status] ?? 'This registration has been submitted. Sign in once it is verified.',
    { details: { registrationStatus: status } },
  );
}

async function lookUp(tx: Tx | Db, token: unknown): Promise<OpenedRegistration | 'unknown'> {
  if (!isWellFormedToken(token)) return 'unknown';
  const [row] = await tx
    .select({ link: actionTokens, registration: registrations, account: accounts })
    .from(actionTokens)
    .innerJoin(registrations, eq(registrations.accountId, actionTokens.accountId))
    .innerJoin(accounts, eq(accounts.id, actionTokens.accountId))
    .where(
      and(eq(actionTokens.tokenHash, hashOpaqueToken(token)), eq(actionTokens.action, 'ACTIVATE_ACCOUNT')),
    );
  if (!row) return 'unknown';
  if (row.link.usedAt) throw registrationClosed(row.registration.status);
  if (row.link.voidedAt)
    throw new TekenError('ERR_LINK_EXPIRED', 'This link was replaced by a newer one. Use the newest link.', {
      details: { reason: 'replaced' },
    });
  if (row.link.expiresAt <= new Date())
    throw new TekenError('ERR_LINK_EXPIRED', 'This link has expired. Ask your institution for a new one.', {
      details: { reason: 'expired' },
    });
  const { id, email, fullName, username, institutionId, locale, status } = row.account;
  return {
    registration: row.registration,
    account: { id, email, fullName, username, institutionId, locale, status },
    linkExpiresAt: row.link.expiresAt,
  };
}

/**
 * Runs `work` in a transaction with the registration the token opens (its row locked), or throws
 * ERR_LINK_INVALID / ERR_LINK_USED / ERR_LINK_EXPIRED, or ERR_AUTH_THROTTLED for an address that
 * guessed too often.
 */
export async function withRegistrationLink<T>(
  ctx: EnrollmentContext,
  token: unknown,
  address: string | undefined,
  work: (tx: Tx, opened: OpenedRegistration) => Promise<T>,
): Promise<T> {
  // The guard decides on the token alone: a refusal of the work itself (a wrong NIK) is not a
  // wrong guess and must not count against the address.
  const checked = await ctx.guard.attempt('link', address ? { address } : {}, async () => {
    const opened = await lookUp(ctx.db, token);
    return opened === 'unknown' ? null : true;
  });
  if (checked.outcome === 'refused') throw addressThrottled(checked.retryAfterSeconds);
  if (checked.outcome === 'wrong') throw new TekenError('ERR_LINK_INVALID');
  return ctx.db.transaction(async (tx) => {
    const opened = await lookUp(tx, token);
    if (opened === 'unknown') throw new TekenError('ERR_LINK_INVALID');
    await tx
      .select({ id: registrations.accountId })
      .from(registrations)
      .where(eq(registrations.accountId, opened.account.id))
      .for('update');
    return work(tx, opened);
  });
}

/** Marks the activation link used (on submit), in the caller's transaction. */
export async function closeRegistrationLink(tx: Tx, token: string): Promise<void> {
  await tx
    .update(actionTokens)
    .set({ usedAt: new Date() })
    .where(eq(actionTokens.tokenHash, hashOpaqueToken(token)));
}
