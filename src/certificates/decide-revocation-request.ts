/**
 * The RA's decision on a Pencabutan: an RA officer of the holder's institution (or a CA admin;
 * authorize.ts `certificate.manage`, never on their own certificate) approves, and the certificate
 * is revoked with the holder's reason (certificate-status-change.ts: CRL, OCSP at once, the e-mail);
 * or rejects with a reason the holder is told, and the certificate is Issued again.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { RevocationReasonName } from '../authority/revocation-reasons.js';
import type { Tx } from '../db/open-database.js';
import { accounts, revocationRequests, subscriberCertificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid, type AccountRow } from '../identity/accounts.js';
import type { CertificatesContext } from './certificates-context.js';
import { mayAct } from './certificate-records.js';
import { revokeSubscriberCertificate } from './certificate-status-change.js';
import { products } from './products.js';

export const REJECT_REASON_MAX = 500;

async function loadForDecision(tx: Tx, actor: AccountRow, requestId: unknown, forUpdate: boolean) {
  if (!isUuid(requestId)) throw new TekenError('ERR_REVOCATION_REQUEST_NOT_FOUND');
  const query = tx
    .select({ request: revocationRequests, certificate: subscriberCertificates })
    .from(revocationRequests)
    .innerJoin(
      subscriberCertificates,
      eq(subscriberCertificates.id, revocationRequests.subscriberCertificateId),
    )
    .where(eq(revocationRequests.id, requestId));
  const [row] = forUpdate ? await query.for('update', { of: revocationRequests }) : await query;
  if (!row) throw new TekenError('ERR_REVOCATION_REQUEST_NOT_FOUND');
  const holder = { accountId: row.request.accountId, institutionId: row.request.institutionId };
  if (mayAct(actor, 'certificate.manage', holder)) return row;
  // Another institution's request does not exist for the caller; one's own tells that it exists.
  throw new TekenError(
    mayAct(actor, 'own', holder) || mayAct(actor, 'certificate.read', holder)
      ? 'ERR_AUTH_FORBIDDEN'
      : 'ERR_REVOCATION_REQUEST_NOT_FOUND',
  );
}

function assertPending(status: string) {
  if (status !== 'pending')
    throw new TekenError('ERR_REVOCATION_REQUEST_STATE', `status: the request is ${status}.`, {
      details: { field: 'status' },
    });
}

export async function approveRevocationRequest(
  ctx: CertificatesContext,
  actor: AccountRow,
  requestId: unknown,
): Promise<{ status: 'revoked'; revokedAt: string }> {
  const row = await ctx.db.transaction((tx) => loadForDecision(tx, actor, requestId, false));
  assertPending(row.request.status);
  const { revokedAt } = await revokeSubscriberCertificate(ctx, row.certificate, {
    reason: row.request.reason as RevocationReasonName,
    actor: `account:${actor.id}`,
    requestId: row.request.id,
  });
  return { status: 'revoked', revokedAt: revokedAt.toISOString() };
}

export async function rejectRevocationRequest(
  ctx: CertificatesContext,
  actor: AccountRow,
  requestId: unknown,
  reason: unknown,
): Promise<{ status: 'rejected' }> {
  const text = typeof reason === 'string' ? reason.trim().replace(/\s+/g, ' ') : '';
  if (text.length < 5 || text.length > REJECT_REASON_MAX)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'reason: the reason the holder is told (5 to 500 characters).',
      {
        details: { field: 'reason' },
      },
    );
  await ctx.db.transaction(async (tx) => {
    const row = await loadForDecision(tx, actor, requestId, true);
    assertPending(row.request.status);
    const at = new Date(ctx.now?.() ?? Date.now());
    await tx
      .update(revocationRequests)
      .set({ status: 'rejected', decidedBy: `account:${actor.id}`, decidedAt: at, rejectReason: text })
      .where(eq(revocationRequests.id, row.request.id));
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'revocation_request.rejected',
      target: `revocation_request:${row.request.id}`,
      details: { institutionId: row.request.institutionId, subscriberCertificateId: row.certificate.id },
    });
    const [holder] = await tx.select().from(accounts).where(eq(accounts.id, row.request.accountId));
    if (holder)
      await ctx.notify(tx, {
        template: 'revocation-request-rejected',
        locale: holder.locale,
        to: holder.email,
        data: {
          name: holder.fullName,
          product: products[row.certificate.product].label[holder.locale],
          serial: row.certificate.serial ?? '',
          reason: text,
        },
        idempotencyKey: `revocation-request-rejected:${row.request.id}`,
        accountId: holder.id,
      });
  });
  return { status: 'rejected' };
}
