/**
 * What the use cases of the registration wizard share (seed 002: Data Diri, Data Kedinasan, Foto
 * Diri): opening the registration through its activation link (the first call moves it from
 * `invited` to `in_progress`), the institution's policy, the person's own view of their data,
 * the duplicate checks by lookup hash, and sealing. The use cases themselves are one per file
 * (read-registration.ts, save-data-diri.ts, check-nip.ts, save-data-kedinasan.ts, save-photo.ts,
 * read-photo.ts, accept-consents.ts, submit-registration.ts).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import {
  accounts,
  institutions,
  registrations,
  type ConsentRecord,
  type EmployeeType,
} from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { consentDocuments, currentConsents, type ConsentLocale } from './consents.js';
import type { EnrollmentContext } from './enrollment-context.js';
import type { InstitutionPolicy } from './institutions.js';
import { lookupHash, openPersonalText, sealPersonal, type LookupKind } from './personal-data.js';
import { phoneVerificationRequired } from './phone-verification.js';
import {
  registrationClosed,
  withRegistrationLink,
  type OpenedRegistration,
  type RegistrationRow,
} from './registration-link.js';

export interface WizardInstitution {
  id: string;
  name: string;
  policy: InstitutionPolicy;
}

export interface Wizard extends OpenedRegistration {
  institution: WizardInstitution;
  /** `account:<id>`, the actor of the person's own changes. */
  actor: string;
}

const open = new Set(['invited', 'in_progress']);

/**
 * Runs `work` with the registration the activation token opens, in one transaction. Refuses a
 * registration that is no longer open (submitted or decided) with ERR_LINK_USED, whose
 * `details.registrationStatus` tells the person whether it waits for the RA, was verified or was
 * rejected (the reason is in the e-mail).
 */
export async function withWizard<T>(
  ctx: EnrollmentContext,
  token: unknown,
  address: string | undefined,
  work: (tx: Tx, wizard: Wizard) => Promise<T> | T,
): Promise<T> {
  return withRegistrationLink(ctx, token, address, async (tx, opened) => {
    if (!open.has(opened.registration.status)) throw registrationClosed(opened.registration.status);
    const [row] = await tx
      .select()
      .from(institutions)
      .where(eq(institutions.id, opened.registration.institutionId));
    if (!row) throw new TekenError('ERR_INSTITUTION_NOT_FOUND');
    const actor = `account:${opened.account.id}`;
    let registration = opened.registration;
    if (registration.status === 'invited') {
      [registration] = (await tx
        .update(registrations)
        .set({ status: 'in_progress', updatedAt: new Date() })
        .where(eq(registrations.accountId, opened.account.id))
        .returning()) as [RegistrationRow];
      await recordAuditEvent(tx, {
        actor,
        action: 'registration.opened',
        target: `account:${opened.account.id}`,
        details: { institutionId: row.id },
      });
    }
    return await work(tx, {
      ...opened,
      registration,
      actor,
      institution: {
        id: row.id,
        name: row.name,
        policy: {
          selfRegistration: row.selfRegistration,
          nipCheckRequired: row.nipCheckRequired,
          fourEyes: row.fourEyes,
          keystoreSelfService: row.keystoreSelfService,
          renewalReusesVerifiedData: row.renewalReusesVerifiedData,
          nameWithoutTitles: row.nameWithoutTitles,
          nameMaxLength: row.nameMaxLength,
          jabatanForbiddenCharacters: row.jabatanForbiddenCharacters,
          jabatanMaxLength: row.jabatanMaxLength,
          unitUnabbreviated: row.unitUnabbreviated,
          unitMaxLength: row.unitMaxLength,
        },
      },
    });
  });
}

export const seal = (
  ctx: EnrollmentContext,
  column: `registrations.${string}`,
  accountId: string,
  value: string | Uint8Array,
) => sealPersonal(ctx.master, column, accountId, value);

export const hashOf = (ctx: EnrollmentContext, kind: LookupKind, value: string) =>
  lookupHash(ctx.master, kind, value);

/** The person's own value of a sealed column, or null. */
export const openText = (
  ctx: EnrollmentContext,
  column: 'registrations.nik' | 'registrations.nip' | 'registrations.phone',
  r: RegistrationRow,
) => {
  const sealed = {
    'registrations.nik': r.nikSealed,
    'registrations.nip': r.nipSealed,
    'registrations.phone': r.phoneSealed,
  }[column];
  return openPersonalText(ctx.master, column, r.accountId, sealed);
};

const duplicateMessages: Record<'nik' | 'phone' | 'email', string> = {
  nik: 'nik: this NIK is already registered by someone else. If it is yours, contact your institution’s RA officer.',
  phone: 'phone: this phone number is already registered by someone else.',
  email: 'email: this e-mail address is already registered by someone else.',
};

export function duplicateError(field: 'nik' | 'phone' | 'email'): TekenError {
  return new TekenError('ERR_REGISTRATION_DUPLICATE', duplicateMessages[field], {
    details: { field, rule: 'unique' },
  });
}

/** Refuses a NIK or phone hash that another registration holds (409 naming the field). */
export async function assertNotRegisteredElsewhere(
  tx: Tx,
  accountId: string,
  field: 'nik' | 'phone',
  hash: Buffer,
): Promise<void> {
  const column = field === 'nik' ? registrations.nikHash : registrations.phoneHash;
  const [other] = await tx
    .select({ id: registrations.accountId })
    .from(registrations)
    .where(and(eq(column, hash), ne(registrations.accountId, accountId)))
    .limit(1);
  if (other) throw duplicateError(field);
}

/** Refuses an e-mail address that another account holds. */
export async function assertEmailNotElsewhere(tx: Tx, accountId: string, email: string): Promise<void> {
  const [other] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(sql`lower(${accounts.email}) = ${email.toLowerCase()}`, ne(accounts.id, accountId)))
    .limit(1);
  if (other) throw duplicateError('email');
}

/** Maps a unique violation of the NIK or phone index (a race with another registration) to 409. */
export function mapUniqueViolation(error: unknown): never {
  for (let at = error, depth = 0; at && typeof at === 'object' && depth < 5; depth++) {
    const e = at as { code?: unknown; constraint?: unknown; message?: unknown };
    if (e.code === '23505') {
      const text = `${typeof e.constraint === 'string' ? e.constraint : ''} ${typeof e.message === 'string' ? e.message : ''}`;
      if (text.includes('registrations_nik_uq')) throw duplicateError('nik');
      if (text.includes('registrations_phone_uq')) throw duplicateError('phone');
    }
    at = (at as { cause?: unknown }).cause;
  }
  throw error;
}

export interface RegistrationView {
  status: string;
  step: number;
  email: string;
  fullName: string;
  institution: { name: string; rules: InstitutionPolicy };
  dataDiri: {
    fullName: string;
    nik: string | null;
    gelarDepan: string | null;
    gelarBelakang: string | null;
    phone: string | null;
    phoneVerified: boolean;
    /** Submit refuses an unverified number (phone-verification.ts `phoneVerificationRequired`). */
    phoneVerificationRequired: boolean;
  };
  dataKedinasan: {
    employeeType: EmployeeType | null;
    nip: string | null;
    nipVerifiedBy: 'bkn' | 'manual' | null;
    unitOrganisasi: string | null;
    jabatan: string | null;
    province: string | null;
  };
  photo: { selfie: boolean; ktp: boolean };
  consents: ConsentRecord[];
  consentDocuments: { document: string; version: string; title: string }[];
  registryEnabled: boolean;
  linkExpiresAt: string;
}

/** The person's own data, for the wizard to show back (progress is kept across visits). */
export function registrationView(
  ctx: EnrollmentContext,
  wizard: Wizard,
  registryEnabled: boolean,
  fullName = wizard.account.fullName,
): RegistrationView {
  const r = wizard.registration;
  const locale: ConsentLocale = wizard.account.locale === 'en' ? 'en' : 'id';
  return {
    status: r.status,
    step: r.step,
    email: wizard.account.email,
    fullName,
    institution: { name: wizard.institution.name, rules: wizard.institution.policy },
    dataDiri: {
      fullName,
      nik: openText(ctx, 'registrations.nik', r),
      gelarDepan: r.gelarDepan,
      gelarBelakang: r.gelarBelakang,
      phone: openText(ctx, 'registrations.phone', r),
      phoneVerified: r.phoneVerifiedAt !== null,
      phoneVerificationRequired: phoneVerificationRequired(ctx.config),
    },
    dataKedinasan: {
      employeeType: r.employeeType,
      nip: openText(ctx, 'registrations.nip', r),
      nipVerifiedBy: r.nipVerifiedBy,
      unitOrganisasi: r.unitOrganisasi,
      jabatan: r.jabatan,
      province: r.province,
    },
    photo: { selfie: r.selfieSealed !== null, ktp: r.ktpSealed !== null },
    consents: currentConsents(r.consents),
    consentDocuments: consentDocuments().map((d) => ({
      document: d.document,
      version: d.version,
      title: d.title[locale],
    })),
    registryEnabled,
    linkExpiresAt: wizard.linkExpiresAt.toISOString(),
  };
}

/** Updates the registration row and returns it. */
export async function updateRegistration(
  tx: Tx,
  accountId: string,
  values: Partial<typeof registrations.$inferInsert>,
): Promise<RegistrationRow> {
  try {
    const [row] = await tx
      .update(registrations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(registrations.accountId, accountId))
      .returning();
    return row!;
  } catch (error) {
    return mapUniqueViolation(error);
  }
}
