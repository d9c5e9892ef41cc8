/**
 * An RA officer marks a registration's phone number verified (seed 003: the status becomes
 * "Terverifikasi" for the verifier too): phoneVerifiedAt, phoneVerifiedBy = the officer's id, a
 * Riwayat Data row (cause `ra_correction`) and an audit event, in one transaction.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { recordHistory } from './profile-history.js';
import { loadRegistration } from './registration-records.js';

export async function markPhoneVerified(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
): Promise<{ phoneVerifiedAt: string }> {
  return ctx.db.transaction(async (tx) => {
    const { registration: r } = await loadRegistration(tx, actor, 'registration.review', accountId, {
      forUpdate: true,
    });
    if (!r.phoneSealed)
      throw new TekenError('ERR_REGISTRATION_STATE', 'phone: the registration has no phone number.', {
        details: { field: 'phone' },
      });
    if (r.phoneVerifiedAt) return { phoneVerifiedAt: r.phoneVerifiedAt.toISOString() };
    const at = new Date(ctx.now?.() ?? Date.now());
    await tx
      .update(registrations)
      .set({ phoneVerifiedAt: at, phoneVerifiedBy: actor.id, updatedAt: at })
      .where(eq(registrations.accountId, r.accountId));
    await recordHistory(tx, ctx.master, {
      accountId: r.accountId,
      field: 'phoneVerified',
      old: 'Belum Terverifikasi',
      new: 'Terverifikasi',
      changedBy: actor.id,
      cause: 'ra_correction',
    });
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'registration.phone_marked_verified',
      target: `account:${r.accountId}`,
    });
    return { phoneVerifiedAt: at.toISOString() };
  });
}
