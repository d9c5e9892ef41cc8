/**
 * Pengaturan → Profil: the signed-in account's own profile, its registration data opened for its
 * owner (a read by the owner is not a staff read and is not audited), with the NIK, the NIP and the
 * phone number masked, and its latest "Ubah Profil" request (pending, or the last decided one).
 * An account without a registration (an administrator created by hand) gets its account fields and
 * nulls, and may not ask for changes.
 */
import { desc, eq } from 'drizzle-orm';
import { changeRequests, institutions } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import { changeRequestView, loadProfile, type ChangeRequestView } from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { openPersonalText } from './personal-data.js';
import { maskPhone } from './phone.js';

export interface OwnProfile {
  username: string;
  fullName: string;
  email: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  unitOrganisasi: string | null;
  jabatan: string | null;
  province: string | null;
  institution: { id: string; name: string } | null;
  /** null without a registration. */
  registrationStatus: string | null;
  /** `3577**********12`: enough for the owner to recognise it, never the whole number. */
  nik: string | null;
  nip: string | null;
  phone: string | null;
  phoneVerified: boolean;
  employeeType: string | null;
  /** "Ubah Profil" is open: a verified registration and no request pending. */
  canRequestChange: boolean;
  /** The pending request, else the latest decided or cancelled one, else null. */
  latestRequest: ChangeRequestView | null;
}

/** Keeps the first four and the last two digits. */
export const maskDigits = (digits: string) =>
  digits.length <= 6
    ? '*'.repeat(digits.length)
    : `${digits.slice(0, 4)}${'*'.repeat(digits.length - 6)}${digits.slice(-2)}`;

export async function readOwnProfile(
  ctx: Pick<EnrollmentContext, 'db' | 'master'>,
  account: AccountRow,
): Promise<OwnProfile> {
  const db = ctx.db;
  const profile = await loadProfile(db, account.id);
  if (!profile) {
    const [institution] = account.institutionId
      ? await db
          .select({ id: institutions.id, name: institutions.name })
          .from(institutions)
          .where(eq(institutions.id, account.institutionId))
      : [];
    return {
      username: account.username,
      fullName: account.fullName,
      email: account.email,
      gelarDepan: null,
      gelarBelakang: null,
      unitOrganisasi: null,
      jabatan: null,
      province: null,
      institution: institution ?? null,
      registrationStatus: null,
      nik: null,
      nip: null,
      phone: null,
      phoneVerified: false,
      employeeType: null,
      canRequestChange: false,
      latestRequest: null,
    };
  }
  const { registration: r, institution, values } = profile;
  const [latest] = await db
    .select()
    .from(changeRequests)
    .where(eq(changeRequests.accountId, account.id))
    .orderBy(desc(changeRequests.createdAt), desc(changeRequests.id))
    .limit(1);
  const open = (column: 'nik' | 'nip' | 'phone', sealed: Uint8Array | null) =>
    openPersonalText(ctx.master, `registrations.${column}`, account.id, sealed);
  const nik = open('nik', r.nikSealed);
  const nip = open('nip', r.nipSealed);
  const phone = open('phone', r.phoneSealed);
  return {
    ...values,
    unitOrganisasi: r.unitOrganisasi,
    jabatan: r.jabatan,
    province: r.province,
    username: profile.account.username,
    institution: { id: institution.id, name: institution.name },
    registrationStatus: r.status,
    nik: nik ? maskDigits(nik) : null,
    nip: nip ? maskDigits(nip) : null,
    phone: phone ? maskPhone(phone) : null,
    phoneVerified: r.phoneVerifiedAt !== null,
    employeeType: r.employeeType,
    canRequestChange: r.status === 'verified' && latest?.status !== 'pending',
    latestRequest: latest ? changeRequestView(ctx.master, latest, values) : null,
  };
}
