/**
 * Step 1, Data Diri: Nama Lengkap, NIK, Gelar Depan, Gelar Belakang, Nomor Telepon (the e-mail is
 * given). The name follows the institution's rules, the NIK is checked (nik.ts), and a NIK or
 * phone number that another registration holds is refused (409 naming the field). A new phone
 * number is no longer verified.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts } from '../db/schema.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { parseNik } from './nik.js';
import { validPhone } from './phone.js';
import { checkFullName, checkTitle } from './profile-rules.js';
import {
  assertNotRegisteredElsewhere,
  hashOf,
  registrationView,
  seal,
  updateRegistration,
  withWizard,
  type RegistrationView,
} from './wizard-registration.js';

export interface DataDiriInput {
  fullName?: unknown;
  nik?: unknown;
  gelarDepan?: unknown;
  gelarBelakang?: unknown;
  phone?: unknown;
}

export async function saveDataDiri(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  input: DataDiriInput,
  registryEnabled: boolean,
): Promise<RegistrationView> {
  return withWizard(ctx, token, address, async (tx, wizard) => {
    const accountId = wizard.account.id;
    const fullName = checkFullName(input.fullName, wizard.institution.policy);
    const nik = parseNik(input.nik, ctx.now ? { now: ctx.now() } : {}).nik;
    const gelarDepan = checkTitle(input.gelarDepan, 'gelarDepan');
    const gelarBelakang = checkTitle(input.gelarBelakang, 'gelarBelakang');
    const phone = validPhone(input.phone);
    const nikHash = hashOf(ctx, 'nik', nik);
    const phoneHash = hashOf(ctx, 'phone', phone);
    await assertNotRegisteredElsewhere(tx, accountId, 'nik', nikHash);
    await assertNotRegisteredElsewhere(tx, accountId, 'phone', phoneHash);
    const before = wizard.registration;
    const phoneChanged = !before.phoneHash || !Buffer.from(before.phoneHash).equals(phoneHash);
    const registration = await updateRegistration(tx, accountId, {
      nikSealed: seal(ctx, 'registrations.nik', accountId, nik),
      nikHash,
      gelarDepan,
      gelarBelakang,
      phoneSealed: seal(ctx, 'registrations.phone', accountId, phone),
      phoneHash,
      ...(phoneChanged ? { phoneVerifiedAt: null, phoneVerifiedBy: null } : {}),
      step: Math.max(before.step, 2),
    });
    if (fullName !== wizard.account.fullName)
      await tx.update(accounts).set({ fullName, updatedAt: new Date() }).where(eq(accounts.id, accountId));
    await recordAuditEvent(tx, {
      actor: wizard.actor,
      action: 'registration.data_diri_saved',
      target: `account:${accountId}`,
      details: { phoneChanged },
    });
    return registrationView(ctx, { ...wizard, registration }, registryEnabled, fullName);
  });
}
