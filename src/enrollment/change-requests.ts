/**
 * What the "Ubah Profil" use cases share: the sealed values of a change request, the current
 * profile of an account (its account and registration rows and its institution's data rules), and
 * the views of a request for its owner and for the RA desk.
 *
 * `change_requests.sealed_changes` holds JSON `{ "<field>": <new value> }` sealed under AAD
 * `change_requests.changes:<account id>`; `fields` names the fields (no values) for lists.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { accounts, changeRequests, institutions, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid, type AccountRow } from '../identity/accounts.js';
import type { MasterKey } from '../keys/master-key.js';
import type { InstitutionRow } from './institutions.js';
import { institutionView } from './institutions.js';
import { openPersonalText, sealPersonal } from './personal-data.js';
import { profileFields, type ProfileField, type ProfileRules, type ProfileValues } from './profile-rules.js';
import type { RegistrationRow } from './registration-link.js';

export type ChangeRequestRow = typeof changeRequests.$inferSelect;
export type ProfileChanges = Partial<ProfileValues>;

export function sealChanges(master: MasterKey, accountId: string, changes: ProfileChanges): Buffer {
  return sealPersonal(master, 'change_requests.changes', accountId, JSON.stringify(changes));
}

export function openChanges(master: MasterKey, row: ChangeRequestRow): ProfileChanges {
  const text = openPersonalText(master, 'change_requests.changes', row.accountId, row.sealedChanges);
  return JSON.parse(text ?? '{}') as ProfileChanges;
}

/** An account's profile as "Ubah Profil" sees it: the rows, the current values, the rules. */
export interface CurrentProfile {
  account: AccountRow;
  registration: RegistrationRow;
  institution: InstitutionRow;
  values: ProfileValues;
  rules: ProfileRules;
}

export async function loadProfile(tx: Tx, accountId: string): Promise<CurrentProfile | null> {
  const [row] = await tx
    .select({ account: accounts, registration: registrations, institution: institutions })
    .from(accounts)
    .innerJoin(registrations, eq(registrations.accountId, accounts.id))
    .innerJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(eq(accounts.id, accountId));
  if (!row) return null;
  const { account, registration, institution } = row;
  return {
    account,
    registration,
    institution,
    values: {
      fullName: account.fullName,
      gelarDepan: registration.gelarDepan,
      gelarBelakang: registration.gelarBelakang,
      email: account.email,
      unitOrganisasi: registration.unitOrganisasi ?? '',
      jabatan: registration.jabatan ?? '',
      province: registration.province ?? '',
    },
    rules: { policy: institutionView(institution).policy, emailDomains: institution.emailDomains },
  };
}

/** The profile of a signed-in subscriber whose registration is verified, or ERR_PROFILE_NOT_VERIFIED. */
export async function verifiedProfile(tx: Tx, accountId: string): Promise<CurrentProfile> {
  const profile = await loadProfile(tx, accountId);
  if (!profile || profile.registration.status !== 'verified')
    throw new TekenError(
      'ERR_PROFILE_NOT_VERIFIED',
      'Ubah Profil is for accounts whose registration an RA officer has verified.',
    );
  return profile;
}

/** The request `id`, locked for update when asked, or ERR_CHANGE_REQUEST_NOT_FOUND. */
export async function getChangeRequest(tx: Tx, id: string, lock = false): Promise<ChangeRequestRow> {
  if (!isUuid(id)) throw new TekenError('ERR_CHANGE_REQUEST_NOT_FOUND');
  const query = tx.select().from(changeRequests).where(eq(changeRequests.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new TekenError('ERR_CHANGE_REQUEST_NOT_FOUND');
  return row;
}

export async function pendingRequestOf(tx: Tx, accountId: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.accountId, accountId), eq(changeRequests.status, 'pending')));
  return row;
}

/** One change: the field, its value now and the value asked for. */
export interface FieldChange {
  field: ProfileField;
  from: string | null;
  to: string | null;
}

/** A change request as its owner and the RA desk see it. */
export interface ChangeRequestView {
  id: string;
  status: ChangeRequestRow['status'];
  changes: FieldChange[];
  /** Whether the request changes the e-mail address, and whether the new address is confirmed. */
  emailChange: boolean;
  emailConfirmed: boolean;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export function changeRequestView(
  master: MasterKey,
  row: ChangeRequestRow,
  current: ProfileValues,
): ChangeRequestView {
  const changes = openChanges(master, row);
  return {
    id: row.id,
    status: row.status,
    changes: profileFields
      .filter((f) => f in changes)
      .map((field) => ({ field, from: current[field], to: changes[field] ?? null })),
    emailChange: row.fields.includes('email'),
    emailConfirmed: row.emailConfirmedAt !== null,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** Field labels for messages, as the console shows them (seed 003 "Lihat Profil"). */
export const fieldLabels: Record<ProfileField, { id: string; en: string }> = {
  fullName: { id: 'Nama', en: 'Name' },
  gelarDepan: { id: 'Gelar Depan', en: 'Title (before the name)' },
  gelarBelakang: { id: 'Gelar Belakang', en: 'Title (after the name)' },
  email: { id: 'E-Mail', en: 'E-mail' },
  unitOrganisasi: { id: 'Unit Organisasi', en: 'Organisational unit' },
  jabatan: { id: 'Jabatan', en: 'Position' },
  province: { id: 'Provinsi', en: 'Province' },
};

/** The console page that shows the profile (the outcome e-mails link to it). */
export const profilePath = '/pengaturan/profil';
