/**
 * "Cek NIP / NRP" (Data Kedinasan): checks the NIP's format and its consistency with the NIK, then
 * asks the personnel registry (BKN SI ASN) when one is configured, which answers the Unit
 * Organisasi, Jabatan and Provinsi to fill in. A NIP the registry confirms is kept as verified by
 * `bkn` ("Diverifikasi Oleh"). Without a registry — the default — or when it cannot be reached,
 * the answer says that only the format and the NIK were checked; the RA officer checks the rest.
 *
 * The registry is called between two short transactions, never while the registration is locked.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import type { PersonnelRegistry } from './adapters/personnel-registry.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { parseNik, type NikFacts } from './nik.js';
import { assertNipMatchesNik, parseNip } from './nip.js';
import { checkProvince } from './profile-rules.js';
import { hashOf, openText, seal, updateRegistration, withWizard } from './wizard-registration.js';

export interface CheckNipResult {
  verifiedBy: 'bkn' | null;
  unitOrganisasi?: string;
  jabatan?: string;
  province?: string;
  message: string;
}

export const registryDisabledMessage =
  'The personnel registry (BKN) is not connected here: the NIP was checked for its format and against your NIK only. Your RA officer checks the rest.';

export async function checkNip(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  input: { nip?: unknown },
  registry: PersonnelRegistry | null,
): Promise<CheckNipResult> {
  const now = ctx.now ? { now: ctx.now() } : {};
  const nip = parseNip(input.nip, now);
  const nik = await withWizard(ctx, token, address, (_tx, wizard) => {
    const stored = openText(ctx, 'registrations.nik', wizard.registration);
    const facts = stored ? parseNik(stored, now) : null;
    if (facts) assertNipMatchesNik(nip, facts);
    return facts;
  });

  let result: CheckNipResult;
  if (!registry) result = { verifiedBy: null, message: registryDisabledMessage };
  else {
    let record;
    try {
      record = await registry.lookUp(nip.nip);
    } catch (error) {
      if (!isTekenError(error, 'ERR_REGISTRY_UNAVAILABLE')) throw error;
      record = undefined;
    }
    if (record === undefined)
      result = {
        verifiedBy: null,
        message:
          'The personnel registry (BKN) could not be reached: the NIP was checked for its format and against your NIK only. Try "Cek NIP / NRP" again later, or go on: your RA officer checks the rest.',
      };
    else if (record === null || !record.active)
      throw new TekenError(
        'ERR_NIP_NOT_FOUND',
        record === null
          ? 'nip: the personnel registry (BKN) does not know this NIP. Check it, or choose "Lainnya".'
          : 'nip: the personnel registry (BKN) lists this NIP as no longer active.',
        { details: { field: 'nip', rule: record === null ? 'registry_not_found' : 'registry_inactive' } },
      );
    else {
      assertRegistryMatches(record, nik);
      let province: string | undefined;
      try {
        province = record.province ? checkProvince(record.province) : undefined;
      } catch {
        province = undefined;
      }
      result = {
        verifiedBy: 'bkn',
        ...(record.unitOrganisasi ? { unitOrganisasi: record.unitOrganisasi } : {}),
        ...(record.jabatan ? { jabatan: record.jabatan } : {}),
        ...(province ? { province } : {}),
        message: 'The personnel registry (BKN) confirmed this NIP. Check the filled-in fields and go on.',
      };
    }
  }

  await withWizard(ctx, token, address, async (tx, wizard) => {
    const accountId = wizard.account.id;
    await updateRegistration(tx, accountId, {
      employeeType: 'asn',
      nipSealed: seal(ctx, 'registrations.nip', accountId, nip.nip),
      nipHash: hashOf(ctx, 'nip', nip.nip),
      nipVerifiedBy: result.verifiedBy,
    });
    await recordAuditEvent(tx, {
      actor: wizard.actor,
      action: 'registration.nip_checked',
      target: `account:${accountId}`,
      details: { verifiedBy: result.verifiedBy, registry: registry ? 'enabled' : 'disabled' },
    });
  });
  return result;
}

function assertRegistryMatches(
  record: { birthDate: string | null; gender: 'male' | 'female' | null },
  nik: NikFacts | null,
): void {
  if (!nik) return;
  if (
    (record.birthDate && record.birthDate !== nik.birthDate) ||
    (record.gender && record.gender !== nik.gender)
  )
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'nip: the personnel registry (BKN) has another birth date or gender for this NIP than your NIK. Check the NIK and the NIP.',
      { details: { field: 'nip', rule: 'registry_mismatch' } },
    );
}
