/**
 * Verified subscribers for the profile-change tests: `startRegistration` (the real way in), then
 * the wizard's result written straight into the registration (sealed NIK, NIP and phone with their
 * lookup hashes, Data Kedinasan), status verified, the account active with a password; the first
 * sign-in (with its authenticator) is `firstSignIn` of test-accounts.ts.
 */
import { eq } from 'drizzle-orm';
import { accounts, registrations } from '../../src/db/schema.js';
import { lookupHash, sealPersonal } from '../../src/enrollment/personal-data.js';
import { normalisePhone } from '../../src/enrollment/phone.js';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import { getAccount, type AccountRow } from '../../src/identity/accounts.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { syntheticPerson, type SyntheticPerson } from './synthetic-identity.js';

export interface VerifiedSubscriber {
  account: AccountRow;
  person: SyntheticPerson;
}

export async function createVerifiedSubscriber(
  rt: Runtime,
  input: {
    institutionId: string;
    email: string;
    fullName: string;
    password: string;
    unitOrganisasi?: string;
    jabatan?: string;
    province?: string;
  },
): Promise<VerifiedSubscriber> {
  const ctx = enrollmentContextOf(rt);
  const person = syntheticPerson();
  const phone = normalisePhone(person.phone)!;
  const passwordHash = await hashPassword(input.password);
  const account = await rt.db.transaction(async (tx) => {
    const { accountId } = await startRegistration(ctx, tx, {
      institutionId: input.institutionId,
      fullName: input.fullName,
      email: input.email,
      source: 'invite',
      invitedBy: 'test',
    });
    const seal = (column: 'nik' | 'nip' | 'phone', value: string) =>
      sealPersonal(rt.masterKey, `registrations.${column}`, accountId, value);
    await tx
      .update(registrations)
      .set({
        status: 'verified',
        step: 3,
        nikSealed: seal('nik', person.nik),
        nikHash: lookupHash(rt.masterKey, 'nik', person.nik),
        nipSealed: seal('nip', person.nip),
        nipHash: lookupHash(rt.masterKey, 'nip', person.nip),
        nipVerifiedBy: 'manual',
        phoneSealed: seal('phone', phone),
        phoneHash: lookupHash(rt.masterKey, 'phone', phone),
        employeeType: 'asn',
        unitOrganisasi: input.unitOrganisasi ?? 'Sekretariat Jenderal',
        jabatan: input.jabatan ?? 'Analis Kebijakan',
        province: input.province ?? 'DKI JAKARTA',
        submittedAt: new Date(),
        verifiedAt: new Date(),
      })
      .where(eq(registrations.accountId, accountId));
    await tx
      .update(accounts)
      .set({ status: 'active', passwordHash, passwordChangedAt: new Date() })
      .where(eq(accounts.id, accountId));
    return getAccount(tx, accountId);
  });
  return { account, person };
}
