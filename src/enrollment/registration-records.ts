/**
 * The RA desk's shared pieces: loading one registration with its account and institution, the
 * authorization target of a registration (its institution and account, so the review actions refuse
 * one's own). Riwayat Data rows are written and read through profile-history.ts.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { accounts, institutions, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid, type AccountRow } from '../identity/accounts.js';
import { authorize, can, type Action, type Target } from '../identity/authorize.js';
import type { InstitutionRow } from './institutions.js';

export type RegistrationRow = typeof registrations.$inferSelect;

export interface LoadedRegistration {
  registration: RegistrationRow;
  account: AccountRow;
  institution: InstitutionRow;
}

/** The target `can()` is asked about for a registration. */
export function registrationTarget(loaded: LoadedRegistration): Target {
  return {
    institutionId: loaded.registration.institutionId,
    roles: loaded.account.roles,
    accountId: loaded.account.id,
  };
}

/**
 * One registration, refused as ERR_REGISTRATION_NOT_FOUND when it does not exist or when the actor
 * may not `action` it (another institution's registrations do not exist for an RA officer: a
 * refusal tells nothing about them). `forUpdate` locks the row for a decision.
 */
export async function loadRegistration(
  tx: Tx,
  actor: AccountRow,
  action: Action,
  accountId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedRegistration> {
  if (!isUuid(accountId)) throw new TekenError('ERR_REGISTRATION_NOT_FOUND');
  const query = tx
    .select({ registration: registrations, account: accounts, institution: institutions })
    .from(registrations)
    .innerJoin(accounts, eq(accounts.id, registrations.accountId))
    .innerJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(eq(registrations.accountId, accountId));
  const [row] = options.forUpdate ? await query.for('update', { of: registrations }) : await query;
  if (!row) throw new TekenError('ERR_REGISTRATION_NOT_FOUND');
  const target = registrationTarget(row);
  // Whoever may not even read it learns nothing; whoever may read it is told what is refused.
  if (!can(actor, 'registration.read', target) && !can(actor, action, target))
    throw new TekenError('ERR_REGISTRATION_NOT_FOUND');
  authorize(actor, action, target);
  return row;
}

/** Statuses in which the registration waits for an RA decision ("Menunggu Verifikasi"). */
export const waitingStatuses = ['submitted', 'first_approval'] as const;

export function assertWaiting(registration: RegistrationRow): void {
  if (!(waitingStatuses as readonly string[]).includes(registration.status))
    throw new TekenError(
      'ERR_REGISTRATION_STATE',
      `status: the registration is ${registration.status}; only a submitted registration can be decided.`,
      { details: { field: 'status' } },
    );
}

/** The products of Jenis Permohonan (seed 003's cards); `ssl` is "Segera Hadir" (not yet offered). */
export const products = ['esign', 'eseal'] as const;
export type Product = (typeof products)[number];
