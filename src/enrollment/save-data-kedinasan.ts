/**
 * Step 2, Data Kedinasan: "ASN dan Penyidik POLRI" with the NIP (checked and consistent with the
 * NIK), or "Lainnya"; Unit Organisasi, Jabatan and Provinsi under the institution's rules. A NIP
 * confirmed by "Cek NIP / NRP" stays verified while it is unchanged.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { EmployeeType, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { parseNik } from './nik.js';
import { assertNipMatchesNik, parseNip } from './nip.js';
import { checkJabatan, checkProvince, checkUnit } from './profile-rules.js';
import {
  hashOf,
  openText,
  registrationView,
  seal,
  updateRegistration,
  withWizard,
  type RegistrationView,
} from './wizard-registration.js';

export interface DataKedinasanInput {
  employeeType?: unknown;
  nip?: unknown;
  unitOrganisasi?: unknown;
  jabatan?: unknown;
  province?: unknown;
}

export async function saveDataKedinasan(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  input: DataKedinasanInput,
  registryEnabled: boolean,
): Promise<RegistrationView> {
  return withWizard(ctx, token, address, async (tx, wizard) => {
    const accountId = wizard.account.id;
    const policy = wizard.institution.policy;
    const now = ctx.now ? { now: ctx.now() } : {};
    if (input.employeeType !== 'asn' && input.employeeType !== 'other')
      throw new TekenError(
        'ERR_INPUT_INVALID',
        'employeeType: choose "asn" (ASN dan Penyidik POLRI) or "other" (Lainnya).',
        {
          details: { field: 'employeeType', rule: 'required' },
        },
      );
    const employeeType: EmployeeType = input.employeeType;
    const unitOrganisasi = checkUnit(input.unitOrganisasi, policy);
    const jabatan = checkJabatan(input.jabatan, policy);
    const province = checkProvince(input.province);
    const before = wizard.registration;
    let nipValues: Partial<typeof registrations.$inferInsert>;
    if (employeeType === 'asn') {
      if (input.nip === undefined || input.nip === null || input.nip === '')
        throw new TekenError(
          'ERR_INPUT_INVALID',
          'nip: the NIP / NRP is required for ASN dan Penyidik POLRI.',
          {
            details: { field: 'nip', rule: 'required' },
          },
        );
      const nip = parseNip(input.nip, now);
      const storedNik = openText(ctx, 'registrations.nik', before);
      if (!storedNik)
        throw new TekenError('ERR_REGISTRATION_INCOMPLETE', 'nik: fill in Data Diri (with the NIK) first.', {
          details: { field: 'nik', rule: 'required' },
        });
      assertNipMatchesNik(nip, parseNik(storedNik, now));
      const nipHash = hashOf(ctx, 'nip', nip.nip);
      const same = before.nipHash !== null && Buffer.from(before.nipHash).equals(nipHash);
      nipValues = {
        nipSealed: seal(ctx, 'registrations.nip', accountId, nip.nip),
        nipHash,
        nipVerifiedBy: same ? before.nipVerifiedBy : null,
      };
    } else nipValues = { nipSealed: null, nipHash: null, nipVerifiedBy: null };
    const registration = await updateRegistration(tx, accountId, {
      employeeType,
      ...nipValues,
      unitOrganisasi,
      jabatan,
      province,
      step: Math.max(before.step, 3),
    });
    await recordAuditEvent(tx, {
      actor: wizard.actor,
      action: 'registration.data_kedinasan_saved',
      target: `account:${accountId}`,
      details: { employeeType, nipVerifiedBy: registration.nipVerifiedBy },
    });
    return registrationView(ctx, { ...wizard, registration }, registryEnabled);
  });
}
