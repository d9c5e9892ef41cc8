/**
 * The consents of step 3 (Kebijakan Privasi, Perjanjian Pemilik Sertifikat Elektronik, Persetujuan
 * Pemrosesan Data Pribadi): each accepted document's current version is recorded with its time.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError } from '../errors/teken-error.js';
import { acceptConsents as merge } from './consents.js';
import type { EnrollmentContext } from './enrollment-context.js';
import {
  registrationView,
  updateRegistration,
  withWizard,
  type RegistrationView,
} from './wizard-registration.js';

export async function acceptConsents(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  input: { accepted?: unknown },
  registryEnabled: boolean,
): Promise<RegistrationView> {
  if (!Array.isArray(input.accepted) || input.accepted.length === 0)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'accepted: list the documents you accept, each with its version.',
      {
        details: { field: 'accepted', rule: 'required' },
      },
    );
  const accepted = input.accepted as { document: unknown; version: unknown }[];
  return withWizard(ctx, token, address, async (tx, wizard) => {
    const accountId = wizard.account.id;
    const consents = merge(wizard.registration.consents, accepted, new Date(ctx.now?.() ?? Date.now()));
    const registration = await updateRegistration(tx, accountId, { consents });
    await recordAuditEvent(tx, {
      actor: wizard.actor,
      action: 'registration.consents_accepted',
      target: `account:${accountId}`,
      details: { consents: consents.map((c) => `${c.document}@${c.version}`) },
    });
    return registrationView(ctx, { ...wizard, registration }, registryEnabled);
  });
}
