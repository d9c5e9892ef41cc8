/**
 * The RA officer's decision on a passphrase reset's selfie (/ra/foto-diri, "Cocok" / "Tidak
 * cocok"), in one transaction with the check locked: Cocok marks it matched and approves the reset
 * request (the holder goes on to "Buat Passphrase" through the same link); Tidak cocok marks it
 * refused with the reason, rejects the request and tells the holder by e-mail. Audited either way.
 * An officer of the holder's institution or a CA admin, never on their own reset (authorize.ts).
 */
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, certificateRequests, selfieChecks } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadSelfieCheck } from './list-selfie-checks.js';

export const SELFIE_REFUSE_REASON_MAX = 500;

export async function decideSelfieCheck(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  input: { match: unknown; reason?: unknown },
): Promise<{ status: 'matched' | 'refused' }> {
  return ctx.db.transaction(async (tx) => {
    // Who may decide first: a check one may not see does not exist, whatever the input.
    const check = await loadSelfieCheck(tx, actor, id, { forUpdate: true });
    if (typeof input.match !== 'boolean')
      throw new TekenError('ERR_INPUT_INVALID', 'match: true (Cocok) or false (Tidak cocok).', {
        details: { field: 'match' },
      });
    const match = input.match;
    const reason = typeof input.reason === 'string' ? input.reason.trim().replace(/\s+/g, ' ') : '';
    if (!match && (reason.length < 5 || reason.length > SELFIE_REFUSE_REASON_MAX))
      throw new TekenError(
        'ERR_INPUT_INVALID',
        `reason: why the selfie does not match, told to the holder (5 to ${SELFIE_REFUSE_REASON_MAX} characters).`,
        { details: { field: 'reason' } },
      );
    if (check.status !== 'pending')
      throw new TekenError('ERR_SELFIE_CHECK_STATE', `status: the check is ${check.status}.`, {
        details: { field: 'status' },
      });
    const at = new Date(ctx.now?.() ?? Date.now());
    const decidedBy = `account:${actor.id}`;
    await tx
      .update(selfieChecks)
      .set({
        status: match ? 'matched' : 'refused',
        decidedBy,
        decidedAt: at,
        refuseReason: match ? null : reason,
      })
      .where(eq(selfieChecks.id, check.id));
    const [request] = await tx
      .update(certificateRequests)
      .set(
        match
          ? { status: 'approved', approvedBy: decidedBy, approvedAt: at, updatedAt: at }
          : { status: 'rejected', rejectedBy: actor.id, rejectedAt: at, rejectReason: reason, updatedAt: at },
      )
      .where(and(eq(certificateRequests.id, check.requestId), eq(certificateRequests.status, 'submitted')))
      .returning({ id: certificateRequests.id });
    if (!request)
      throw new TekenError('ERR_SELFIE_CHECK_STATE', 'The reset is no longer waiting for this check.');
    await recordAuditEvent(tx, {
      actor: decidedBy,
      action: match ? 'selfie_check.matched' : 'selfie_check.refused',
      target: `selfie_check:${check.id}`,
      details: { requestId: check.requestId, accountId: check.accountId, institutionId: check.institutionId },
    });
    if (!match) {
      const [holder] = await tx.select().from(accounts).where(eq(accounts.id, check.accountId));
      if (holder)
        await ctx.notify(tx, {
          template: 'passphrase-reset-refused',
          locale: holder.locale,
          to: holder.email,
          data: { name: holder.fullName, reason },
          idempotencyKey: `passphrase-reset-refused:${check.id}`,
          accountId: holder.id,
        });
    }
    return { status: match ? ('matched' as const) : ('refused' as const) };
  });
}
