/**
 * Submit ("Aktivasi berhasil"): every check of the wizard runs again on what is stored — the NIK,
 * the NIP and their consistency, the institution's rules, a NIK, e-mail or phone number registered
 * by someone else, the NIP against the personnel registry when the policy requires it and a
 * registry is configured, the selfie, and the current version of all three consents. Then the
 * registration is `submitted` ("Menunggu Verifikasi" in the RA queue), the activation link is
 * closed, and the data is written to Riwayat Data (profile_history, values sealed) with an audit
 * event, in one transaction.
 * Where WhatsApp is configured the number must have been verified by its code first
 * (phone-verification.ts `phoneVerificationRequired`; missing `phoneVerification`).
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError } from '../errors/teken-error.js';
import type { PersonnelRegistry } from './adapters/personnel-registry.js';
import { missingConsents } from './consents.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { parseNik } from './nik.js';
import { assertNipMatchesNik, parseNip } from './nip.js';
import { validPhone } from './phone.js';
import { phoneVerificationRequired } from './phone-verification.js';
import { recordHistory } from './profile-history.js';
import { checkFullName, checkJabatan, checkProvince, checkTitle, checkUnit } from './profile-rules.js';
import { closeRegistrationLink } from './registration-link.js';
import {
  assertEmailNotElsewhere,
  assertNotRegisteredElsewhere,
  hashOf,
  openText,
  updateRegistration,
  withWizard,
} from './wizard-registration.js';

const incomplete = (missing: string[]) =>
  new TekenError(
    'ERR_REGISTRATION_INCOMPLETE',
    `${missing[0]}: the registration is not complete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
    { details: { field: missing[0], rule: 'required', missing } },
  );

export async function submitRegistration(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  registry: PersonnelRegistry | null,
): Promise<{ status: 'submitted' }> {
  const now = ctx.now ? { now: ctx.now() } : {};
  // Phase 1: does the NIP still need the registry's word?
  const pending = await withWizard(ctx, token, address, (_tx, wizard) => {
    const r = wizard.registration;
    if (!registry || !wizard.institution.policy.nipCheckRequired || r.employeeType !== 'asn') return null;
    if (r.nipVerifiedBy === 'bkn') return null;
    return openText(ctx, 'registrations.nip', r);
  });
  let confirmedNip: string | null = null;
  if (pending && registry) {
    const nip = parseNip(pending, now);
    const record = await registry.lookUp(nip.nip);
    if (!record || !record.active)
      throw new TekenError(
        'ERR_NIP_NOT_FOUND',
        'nip: the personnel registry (BKN) does not confirm this NIP, which this institution requires. Check it in Data Kedinasan.',
        { details: { field: 'nip', rule: record ? 'registry_inactive' : 'registry_not_found' } },
      );
    confirmedNip = nip.nip;
  }

  return withWizard(ctx, token, address, async (tx, wizard) => {
    const r = wizard.registration;
    const accountId = wizard.account.id;
    const policy = wizard.institution.policy;
    const nikText = openText(ctx, 'registrations.nik', r);
    const phoneText = openText(ctx, 'registrations.phone', r);
    const nipText = openText(ctx, 'registrations.nip', r);
    const missing: string[] = [];
    if (!nikText) missing.push('nik');
    if (!phoneText) missing.push('phone');
    if (!r.employeeType) missing.push('employeeType');
    else {
      if (r.employeeType === 'asn' && !nipText) missing.push('nip');
      if (!r.unitOrganisasi) missing.push('unitOrganisasi');
      if (!r.jabatan) missing.push('jabatan');
      if (!r.province) missing.push('province');
    }
    if (!r.selfieSealed) missing.push('selfie');
    // With WhatsApp configured the number is verified by code during registration (issue 9); without
    // it, the RA officer verifies it (Tinjau Ulang → mark verified).
    if (phoneVerificationRequired(ctx.config) && phoneText && !r.phoneVerifiedAt)
      missing.push('phoneVerification');
    if (missing.length > 0) throw incomplete(missing);

    const fullName = checkFullName(wizard.account.fullName, policy);
    checkTitle(r.gelarDepan, 'gelarDepan');
    checkTitle(r.gelarBelakang, 'gelarBelakang');
    const nik = parseNik(nikText, now);
    const phone = validPhone(phoneText);
    let nipVerifiedBy = r.nipVerifiedBy;
    if (r.employeeType === 'asn') {
      const nip = parseNip(nipText, now);
      assertNipMatchesNik(nip, nik);
      if (confirmedNip !== null) {
        if (confirmedNip !== nip.nip)
          throw new TekenError(
            'ERR_RESOURCE_CONFLICT',
            'nip: the NIP changed while it was being checked; submit again.',
            {
              details: { field: 'nip' },
            },
          );
        nipVerifiedBy = 'bkn';
      }
    }
    checkUnit(r.unitOrganisasi, policy);
    checkJabatan(r.jabatan, policy);
    checkProvince(r.province);
    await assertNotRegisteredElsewhere(tx, accountId, 'nik', hashOf(ctx, 'nik', nik.nik));
    await assertNotRegisteredElsewhere(tx, accountId, 'phone', hashOf(ctx, 'phone', phone));
    await assertEmailNotElsewhere(tx, accountId, wizard.account.email);
    const consentsMissing = missingConsents(r.consents);
    if (consentsMissing.length > 0) {
      const outdated = consentsMissing.some((d) => r.consents.some((c) => c.document === d));
      throw new TekenError(
        outdated ? 'ERR_CONSENT_OUTDATED' : 'ERR_REGISTRATION_INCOMPLETE',
        `consents: accept the current version of ${consentsMissing.join(', ')} first.`,
        {
          details: {
            field: 'consents',
            rule: outdated ? 'current_version' : 'required',
            missing: consentsMissing,
          },
        },
      );
    }

    const submittedAt = new Date(ctx.now?.() ?? Date.now());
    await updateRegistration(tx, accountId, {
      status: 'submitted',
      submittedAt,
      step: 3,
      nipVerifiedBy,
    });
    await closeRegistrationLink(tx, token);
    const values: [string, string | null][] = [
      ['fullName', fullName],
      ['email', wizard.account.email],
      ['nik', nik.nik],
      ['gelarDepan', r.gelarDepan],
      ['gelarBelakang', r.gelarBelakang],
      ['phone', phone],
      ['employeeType', r.employeeType],
      ['nip', r.employeeType === 'asn' ? nipText : null],
      ['nipVerifiedBy', nipVerifiedBy],
      ['unitOrganisasi', r.unitOrganisasi],
      ['jabatan', r.jabatan],
      ['province', r.province],
    ];
    await recordHistory(
      tx,
      ctx.master,
      values
        .filter(([, value]) => value !== null)
        .map(([field, value]) => ({
          accountId,
          field,
          old: null,
          new: value,
          changedBy: 'self',
          cause: 'registration',
          at: submittedAt,
        })),
    );
    await recordAuditEvent(tx, {
      actor: wizard.actor,
      action: 'registration.submitted',
      target: `account:${accountId}`,
      details: {
        institutionId: wizard.institution.id,
        employeeType: r.employeeType,
        nipVerifiedBy,
        ktp: r.ktpSealed !== null,
        consents: r.consents.map((c) => `${c.document}@${c.version}`),
      },
    });
    return { status: 'submitted' as const };
  });
}
