/**
 * The selfie or the KTP scan of a registration, for the RA officer beside the Overview. Each view is
 * an audit event (who, whose, which photo), in the transaction that opens it; the route sends it
 * with `Cache-Control: no-store`.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { openPersonal } from './personal-data.js';
import { loadRegistration } from './registration-records.js';

export type RegistrationPhoto = 'selfie' | 'ktp';

export async function readRegistrationPhoto(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
  photo: RegistrationPhoto,
): Promise<{ bytes: Buffer; type: string }> {
  return ctx.db.transaction(async (tx) => {
    const { registration: r } = await loadRegistration(tx, actor, 'registration.photo', accountId);
    const sealed = photo === 'selfie' ? r.selfieSealed : r.ktpSealed;
    const type = (photo === 'selfie' ? r.selfieType : r.ktpType) ?? 'image/jpeg';
    if (!sealed) throw new TekenError('ERR_REGISTRATION_NO_PHOTO', `${photo}: no ${photo} was uploaded.`);
    const bytes = openPersonal(ctx.master, `registrations.${photo}`, r.accountId, sealed);
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'registration.photo_viewed',
      target: `account:${r.accountId}`,
      details: { photo },
    });
    return { bytes, type };
  });
}
