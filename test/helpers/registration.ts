/**
 * Registrations for tests, each started the real way (startRegistration), in the states the tests
 * need:
 * - `startTestRegistration`: just started, with a fresh activation token for the wizard;
 * - `submittedRegistration`: as the wizard leaves it — NIK, NIP and phone sealed with
 *   `sealPersonal` and hashed with `lookupHash`, Data Kedinasan, a small real JPEG selfie (and
 *   optionally a KTP scan), the three consents, status 'submitted' — for the RA desk;
 * - `createVerifiedSubscriber`: that, verified by an RA officer, the account active with a
 *   password (the first sign-in with its authenticator is `firstSignIn` of test-accounts.ts).
 * Identities are synthetic (synthetic-identity.ts).
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { accounts, registrations } from '../../src/db/schema.js';
import { lookupHash, sealPersonal } from '../../src/enrollment/personal-data.js';
import { normalisePhone } from '../../src/enrollment/phone.js';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import { createActionLink } from '../../src/identity/action-links.js';
import { getAccount, type AccountRow } from '../../src/identity/accounts.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { syntheticPerson, type SyntheticPerson } from './synthetic-identity.js';

export async function startTestRegistration(
  rt: Runtime,
  institutionId: string,
  options: { email?: string; fullName?: string; lifetimeMs?: number } = {},
): Promise<{ accountId: string; token: string; email: string }> {
  const email = options.email ?? `daftar.${crypto.randomBytes(4).toString('hex')}@contoh.go.id`;
  const ctx = enrollmentContextOf(rt);
  return rt.db.transaction(async (tx) => {
    const started = await startRegistration(ctx, tx, {
      institutionId,
      fullName: options.fullName ?? 'Budi Santoso',
      email,
      source: 'invite',
      invitedBy: 'system',
    });
    // A new link voids the one the e-mail carried (its token is only in the sealed outbox message).
    const { token } = await createActionLink(tx, {
      accountId: started.accountId,
      action: 'ACTIVATE_ACCOUNT',
      lifetimeMs: options.lifetimeMs ?? 3_600_000,
      createdBy: 'system',
    });
    return { accountId: started.accountId, token, email };
  });
}

/** A 24×32 JPEG (a face-coloured oval), made by Chromium's encoder: a real image, no EXIF. */
export const selfieJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAA' +
    'AABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAA' +
    'ABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAA' +
    'AAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAA' +
    'AAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAA' +
    'AABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsK' +
    'CA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYV' +
    'FSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAgABgDASIAAhEB' +
    'AxEB/8QAGAAAAwEBAAAAAAAAAAAAAAAAAAMGBAX/xAAlEAACAQMCBQUAAAAAAAAAAAABAgADBBESMQUTFVFxISIyUsH/xAAV' +
    'AQEBAAAAAAAAAAAAAAAAAAACA//EABoRAAIDAQEAAAAAAAAAAAAAAAECAAMRIRL/2gAMAwEAAhEDEQA/AL13WmhdzhVGSZzO' +
    't0ebp5T6M/LP5GccZhYYXYuAfEnpG61lbBLU1Ky6ZYI61EDoQVYZBEJg4GzGww2wcgeIS6t6UGQZfLETZc0FuLd6TegYb9j3' +
    'nD6Ndc3T7NP3zKGEL1q/TEljJwRVtQW3t0pJso37mEbCMDOQE72f/9k=',
  'base64',
);

/** A 34×22 JPEG (a blue card with two lines). */
export const ktpJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAA' +
    'AABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAA' +
    'ABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAA' +
    'AAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAA' +
    'AAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAA' +
    'AABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsK' +
    'CA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYV' +
    'FSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAWACIDASIAAhEB' +
    'AxEB/8QAGAABAQEBAQAAAAAAAAAAAAAAAAMCBAX/xAAlEAABBAEDAgcAAAAAAAAAAAAAAQIDEQQSExQFURVVZHGTo+H/xAAX' +
    'AQEAAwAAAAAAAAAAAAAAAAAAAQIE/8QAGREBAQADAQAAAAAAAAAAAAAAAAEREiHB/9oADAMBAAIRAxEAPwD3caHFkjVZ8zZd' +
    'dI3bV1p3tC3F6f5n9DiONmceNWcbHltbuRmpS3iXocL4v03XbPPGSa4RyYcWONFgzN510rdtW0ne1OY1I7XI5+lrdSqtNSkT' +
    '2Ml4rQAEoAAAAAAAAf/Z',
  'base64',
);

export interface SubmittedRegistration {
  accountId: string;
  email: string;
  person: SyntheticPerson;
  /** The phone in E.164. */
  phone: string;
}

export interface RegistrationInput {
  institutionId: string;
  /** `<local>@<domain>`; default `pendaftar<n>.<random>@contoh.go.id`. */
  email?: string;
  /** Default the person's synthetic name. */
  fullName?: string;
  invitedBy?: string;
  ktp?: boolean;
  phoneVerified?: boolean;
  person?: SyntheticPerson;
  /** Gelar Depan / Gelar Belakang; default Dr. and S.Kom. */
  titles?: { gelarDepan: string | null; gelarBelakang: string | null };
  unitOrganisasi?: string;
  jabatan?: string;
  province?: string;
}

let seq = 0;

export async function submittedRegistration(
  rt: Runtime,
  input: RegistrationInput,
): Promise<SubmittedRegistration> {
  const ctx = enrollmentContextOf(rt);
  const person = input.person ?? syntheticPerson();
  const email = input.email ?? `pendaftar${++seq}.${Math.random().toString(36).slice(2, 8)}@contoh.go.id`;
  const phone = normalisePhone(person.phone)!;
  const titles = input.titles ?? { gelarDepan: 'Dr.', gelarBelakang: 'S.Kom.' };
  const accountId = await rt.db.transaction(async (tx) => {
    const { accountId } = await startRegistration(ctx, tx, {
      institutionId: input.institutionId,
      fullName: input.fullName ?? person.fullName,
      email,
      source: 'invite',
      invitedBy: input.invitedBy ?? 'test',
    });
    const at = new Date();
    await tx
      .update(registrations)
      .set({
        status: 'submitted',
        step: 3,
        nikSealed: sealPersonal(rt.masterKey, 'registrations.nik', accountId, person.nik),
        nikHash: lookupHash(rt.masterKey, 'nik', person.nik),
        phoneSealed: sealPersonal(rt.masterKey, 'registrations.phone', accountId, phone),
        phoneHash: lookupHash(rt.masterKey, 'phone', phone),
        phoneVerifiedAt: input.phoneVerified ? at : null,
        phoneVerifiedBy: input.phoneVerified ? 'whatsapp' : null,
        ...titles,
        employeeType: 'asn',
        nipSealed: sealPersonal(rt.masterKey, 'registrations.nip', accountId, person.nip),
        nipHash: lookupHash(rt.masterKey, 'nip', person.nip),
        nipVerifiedBy: 'manual',
        unitOrganisasi: input.unitOrganisasi ?? 'Balai Besar Sertifikasi Elektronik',
        jabatan: input.jabatan ?? 'Pranata Komputer Ahli Muda',
        province: input.province ?? 'DKI JAKARTA',
        selfieSealed: sealPersonal(rt.masterKey, 'registrations.selfie', accountId, selfieJpeg),
        selfieType: 'image/jpeg',
        ...(input.ktp
          ? {
              ktpSealed: sealPersonal(rt.masterKey, 'registrations.ktp', accountId, ktpJpeg),
              ktpType: 'image/jpeg',
            }
          : {}),
        consents: [
          { document: 'privacy_policy', version: '1.0', acceptedAt: at.toISOString() },
          { document: 'subscriber_agreement', version: '1.0', acceptedAt: at.toISOString() },
          { document: 'data_processing', version: '1.0', acceptedAt: at.toISOString() },
        ],
        submittedAt: at,
        updatedAt: at,
      })
      .where(eq(registrations.accountId, accountId));
    return accountId;
  });
  return { accountId, email, person, phone };
}

export interface VerifiedSubscriber {
  account: AccountRow;
  person: SyntheticPerson;
}

/** A submitted registration (without titles, Data Kedinasan of a ministry) verified, the account active. */
export async function createVerifiedSubscriber(
  rt: Runtime,
  input: RegistrationInput & { email: string; fullName: string; password: string },
): Promise<VerifiedSubscriber> {
  const passwordHash = await hashPassword(input.password);
  const { accountId, person } = await submittedRegistration(rt, {
    titles: { gelarDepan: null, gelarBelakang: null },
    unitOrganisasi: 'Sekretariat Jenderal',
    jabatan: 'Analis Kebijakan',
    ...input,
  });
  const account = await rt.db.transaction(async (tx) => {
    await tx
      .update(registrations)
      .set({ status: 'verified', verifiedAt: new Date() })
      .where(eq(registrations.accountId, accountId));
    await tx
      .update(accounts)
      .set({ status: 'active', passwordHash, passwordChangedAt: new Date() })
      .where(eq(accounts.id, accountId));
    return getAccount(tx, accountId);
  });
  return { account, person };
}
