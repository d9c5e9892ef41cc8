/**
 * "Tinjau Ulang" → Overview (seed 003): Informasi diri, Informasi jabatan (with "Diverifikasi Oleh"),
 * Informasi sertifikat elektronik (the products of Jenis Permohonan; the certificates come with the
 * next issue), Status akun (Tipe Pengguna, Status Verifikasi), the three consents, and what the
 * caller may do. The NIK, NIP and phone are opened for the reader, and that read is audited (who,
 * whose, which fields; never the values) in the same transaction.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ConsentRecord, EmployeeType, RegistrationStatus } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import { can } from '../identity/authorize.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { openPersonalText } from './personal-data.js';
import { loadRegistration, registrationTarget, waitingStatuses } from './registration-records.js';

export interface RegistrationOverview {
  accountId: string;
  username: string;
  status: RegistrationStatus;
  source: string;
  submittedAt: string | null;
  updatedAt: string;
  personal: {
    fullName: string;
    nik: string | null;
    gelarDepan: string | null;
    gelarBelakang: string | null;
    email: string;
    phone: string | null;
    phoneVerifiedAt: string | null;
    /** `whatsapp` or `ra` (an RA officer marked it). */
    phoneVerifiedBy: 'whatsapp' | 'ra' | null;
  };
  employment: {
    employeeType: EmployeeType | null;
    nip: string | null;
    nipVerifiedBy: 'bkn' | 'manual' | null;
    jabatan: string | null;
    organisasi: string;
    institutionId: string;
    unitOrganisasi: string | null;
    province: string | null;
  };
  certificate: { products: string[]; certificates: never[] };
  accountStatus: {
    userType: 'ADMIN' | 'USER';
    accountStatus: string;
    verificationStatus: RegistrationStatus;
  };
  consents: ConsentRecord[];
  photos: { selfie: boolean; ktp: boolean };
  decision: {
    fourEyes: boolean;
    firstApprovedBy: string | null;
    firstApprovedAt: string | null;
    verifiedBy: string | null;
    verifiedAt: string | null;
    rejectedBy: string | null;
    rejectedAt: string | null;
    rejectReason: string | null;
  };
  permissions: {
    review: boolean;
    correctNik: boolean;
    photo: boolean;
    sendLink: boolean;
    /** Approve / reject now (waiting, and not the officer who gave the first approval). */
    decide: boolean;
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function readRegistration(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
): Promise<RegistrationOverview> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadRegistration(tx, actor, 'registration.read', accountId);
    const { registration: r, account, institution } = loaded;
    const id = r.accountId;
    const opened = (['nik', 'nip', 'phone'] as const).filter((f) => r[`${f}Sealed`] !== null);
    if (opened.length > 0)
      await recordAuditEvent(tx, {
        actor: `account:${actor.id}`,
        action: 'registration.personal_data_read',
        target: `account:${id}`,
        details: { fields: opened, view: 'overview' },
      });
    const target = registrationTarget(loaded);
    const review = can(actor, 'registration.review', target);
    return {
      accountId: id,
      username: account.username,
      status: r.status,
      source: r.source,
      submittedAt: iso(r.submittedAt),
      updatedAt: r.updatedAt.toISOString(),
      personal: {
        fullName: account.fullName,
        nik: openPersonalText(ctx.master, 'registrations.nik', id, r.nikSealed),
        gelarDepan: r.gelarDepan,
        gelarBelakang: r.gelarBelakang,
        email: account.email,
        phone: openPersonalText(ctx.master, 'registrations.phone', id, r.phoneSealed),
        phoneVerifiedAt: iso(r.phoneVerifiedAt),
        phoneVerifiedBy: r.phoneVerifiedAt ? (r.phoneVerifiedBy === 'whatsapp' ? 'whatsapp' : 'ra') : null,
      },
      employment: {
        employeeType: r.employeeType,
        nip: openPersonalText(ctx.master, 'registrations.nip', id, r.nipSealed),
        nipVerifiedBy: r.nipVerifiedBy,
        jabatan: r.jabatan,
        organisasi: institution.name,
        institutionId: institution.id,
        unitOrganisasi: r.unitOrganisasi,
        province: r.province,
      },
      certificate: { products: r.products, certificates: [] },
      accountStatus: {
        userType: account.roles.some((role) => role !== 'subscriber') ? 'ADMIN' : 'USER',
        accountStatus: account.status,
        verificationStatus: r.status,
      },
      consents: r.consents,
      photos: { selfie: r.selfieSealed !== null, ktp: r.ktpSealed !== null },
      decision: {
        fourEyes: institution.fourEyes,
        firstApprovedBy: r.firstApprovedBy,
        firstApprovedAt: iso(r.firstApprovedAt),
        verifiedBy: r.verifiedBy,
        verifiedAt: iso(r.verifiedAt),
        rejectedBy: r.rejectedBy,
        rejectedAt: iso(r.rejectedAt),
        rejectReason: r.rejectReason,
      },
      permissions: {
        review,
        correctNik: can(actor, 'registration.correct_nik', target),
        photo: can(actor, 'registration.photo', target),
        sendLink: account.status === 'active' && can(actor, 'account.send_link', target),
        decide:
          review &&
          (waitingStatuses as readonly string[]).includes(r.status) &&
          !(r.status === 'first_approval' && r.firstApprovedBy === actor.id),
      },
    };
  });
}
