/**
 * The new e-mail address of an "Ubah Profil" request, confirmed from that address: the
 * "[BSrE] Konfirmasi Email" link's token (single use, CONFIRM_EMAIL) marks the pending request's
 * `email_confirmed_at`, after which an RA officer may approve it. Unknown tokens count against the
 * source address through the attempt guard (kind `link`), as for every other link.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { changeRequests } from '../db/schema.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import { redeemActionLink } from '../identity/action-links.js';
import { addressThrottled } from '../identity/lockout-policy.js';
import { pendingRequestOf } from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';

export async function confirmChangeEmail(
  ctx: EnrollmentContext,
  token: unknown,
  address: string | undefined,
): Promise<{ confirmed: true; requestId: string }> {
  const result = await ctx.guard.attempt('link', address ? { address } : {}, () =>
    ctx.db
      .transaction(async (tx) => {
        const link = await redeemActionLink(tx, token, ['CONFIRM_EMAIL']);
        const request = await pendingRequestOf(tx, link.accountId);
        // A cancelled or decided request voids its link; this is a link without a request to confirm.
        if (!request || !request.fields.includes('email'))
          throw new TekenError('ERR_LINK_EXPIRED', 'This change request is no longer pending.');
        await tx
          .update(changeRequests)
          .set({ emailConfirmedAt: new Date() })
          .where(eq(changeRequests.id, request.id));
        await recordAuditEvent(tx, {
          actor: `account:${link.accountId}`,
          action: 'change_request.email_confirmed',
          target: `change-request:${request.id}`,
          details: { account: link.accountId, ip: address ?? null },
        });
        return { confirmed: true as const, requestId: request.id };
      })
      .catch((error: unknown) => {
        if (isTekenError(error) && error.code === 'ERR_LINK_INVALID') return null;
        throw error;
      }),
  );
  if (result.outcome === 'refused') throw addressThrottled(result.retryAfterSeconds);
  if (result.outcome === 'wrong') throw new TekenError('ERR_LINK_INVALID');
  return result.value;
}
