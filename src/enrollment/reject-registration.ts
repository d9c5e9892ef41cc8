/**
 * Reject on Tinjau Ulang, with a reason the user is told by e-mail ("Registrasi Ditolak"). Any
 * waiting registration (also one with a first approval) can be rejected by an RA officer who may
 * review it; the account stays pending (it cannot sign in).
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { hasControlCharacters, type AccountRow } from '../identity/accounts.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { assertWaiting, loadRegistration } from './registration-records.js';

export const REJECT_REASON_MAX = 1000;

export function validReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (
    reason.length < 3 ||
    reason.length > REJECT_REASON_MAX ||
    hasControlCharacters(reason.replace(/\n/g, ' '))
  )
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `reason: give the reason the user is told (3 to ${REJECT_REASON_MAX} characters).`,
      { details: { field: 'reason' } },
    );
  return reason;
}

export async function rejectRegistration(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
  reasonInput: unknown,
): Promise<{ status: 'rejected' }> {
  return ctx.db.transaction(async (tx) => {
    const { registration: r, account } = await loadRegistration(tx, actor, 'registration.review', accountId, {
      forUpdate: true,
    });
    const reason = validReason(reasonInput);
    assertWaiting(r);
    const at = new Date(ctx.now?.() ?? Date.now());
    await tx
      .update(registrations)
      .set({ status: 'rejected', rejectedBy: actor.id, rejectedAt: at, rejectReason: reason, updatedAt: at })
      .where(eq(registrations.accountId, r.accountId));
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'registration.rejected',
      target: `account:${r.accountId}`,
      details: { institutionId: r.institutionId, previousStatus: r.status },
    });
    await ctx.notify(tx, {
      template: 'registration-rejected',
      locale: account.locale,
      to: account.email,
      data: { name: account.fullName, reason },
      idempotencyKey: `registration-rejected:${crypto.randomUUID()}`,
      accountId: r.accountId,
    });
    return { status: 'rejected' as const };
  });
}
