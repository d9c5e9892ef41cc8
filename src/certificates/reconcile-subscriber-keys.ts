/**
 * Settles subscriber keys left `pending` by a set-passphrase that did not finish (set-passphrase.ts):
 * the certificate recorded for the key (`certificates.request_ref`) decides. Only keys older than
 * `olderThanMs` are touched: a younger one may be in flight, and its own call links it.
 * - issued: the key is linked to it and the request finished (the holder is told), as if the
 *   process had not died;
 * - abandoned (the authority's reconciler revoked a certificate left pending), or none recorded:
 *   the key is `failed`; the request stays approved, so the
 *   holder sets the passphrase again with the same link;
 * - still pending at the authority: left for the authority's reconciler to settle first.
 * Runs in `teken serve`'s background jobs and at start; each key in its own transaction, locked,
 * so concurrent instances never settle one twice.
 */
import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { certificateRequests, certificates, subscriberCertificates } from '../db/schema.js';
import type { CertificatesContext } from './certificates-context.js';
import { linkIssued, revokeSuperseded } from './set-passphrase.js';

export type KeySettlement = 'linked' | 'failed' | 'waiting' | 'none';

export async function reconcileSubscriberKey(
  ctx: CertificatesContext,
  keyId: string,
  options: { olderThanMs?: number } = {},
): Promise<KeySettlement> {
  return ctx.db.transaction(async (tx) => {
    // The request first, in the order set-passphrase's steps lock (request, then key): a
    // set-passphrase finishing this key meanwhile is waited for, never deadlocked with.
    const [peek] = await tx
      .select({ requestId: subscriberCertificates.requestId })
      .from(subscriberCertificates)
      .where(and(eq(subscriberCertificates.id, keyId), eq(subscriberCertificates.state, 'pending')));
    if (!peek) return 'none' as const;
    await tx
      .select({ id: certificateRequests.id })
      .from(certificateRequests)
      .where(eq(certificateRequests.id, peek.requestId))
      .for('update');
    const [key] = await tx
      .select()
      .from(subscriberCertificates)
      .where(and(eq(subscriberCertificates.id, keyId), eq(subscriberCertificates.state, 'pending')))
      .for('update', { skipLocked: true });
    if (!key) return 'none' as const;
    // A key younger than the threshold may be in flight (its set-passphrase between issuing and
    // linking): linking it here would take the finish away from that call, so it waits.
    if (Date.now() - key.createdAt.getTime() < (options.olderThanMs ?? 0)) return 'waiting' as const;
    const [certificate] = await tx
      .select({
        caId: certificates.authorityId,
        serialHex: certificates.serial,
        status: certificates.status,
        notAfter: certificates.notAfter,
        subject: certificates.subjectDn,
      })
      .from(certificates)
      .where(eq(certificates.requestRef, keyId));
    if (certificate?.status === 'issued') {
      await linkIssued(ctx, tx, keyId, certificate, 'system:reconcile');
      return 'linked' as const;
    }
    if (certificate?.status === 'pending') return 'waiting' as const;
    await tx
      .update(subscriberCertificates)
      .set({ state: 'failed', updatedAt: new Date() })
      .where(eq(subscriberCertificates.id, keyId));
    await recordAuditEvent(tx, {
      actor: 'system:reconcile',
      action: 'subscriber_certificate.failed',
      target: `subscriber_certificate:${keyId}`,
      details: {
        requestId: key.requestId,
        reason: certificate ? 'certificate abandoned' : 'no certificate was recorded',
      },
    });
    return 'failed' as const;
  });
}

/** Every pending key older than `olderThanMs` (default 5 minutes: younger ones may be in flight). */
export async function reconcileSubscriberKeys(
  ctx: CertificatesContext,
  olderThanMs = 5 * 60_000,
): Promise<Record<KeySettlement, number>> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const pending = await ctx.db
    .select({ id: subscriberCertificates.id })
    .from(subscriberCertificates)
    .where(and(eq(subscriberCertificates.state, 'pending'), lt(subscriberCertificates.createdAt, cutoff)))
    .limit(500);
  const counts: Record<KeySettlement, number> = { linked: 0, failed: 0, waiting: 0, none: 0 };
  for (const { id } of pending) counts[await reconcileSubscriberKey(ctx, id, { olderThanMs })]++;
  return counts;
}

/**
 * A passphrase reset that died between linking the new certificate and revoking the old one
 * (set-passphrase.ts step 5) leaves a replaced certificate still valid: revoked here as superseded.
 */
export async function reconcileSupersededCertificates(ctx: CertificatesContext): Promise<number> {
  const rows = await ctx.db
    .select({ id: subscriberCertificates.id })
    .from(subscriberCertificates)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .where(and(isNotNull(subscriberCertificates.replacedBy), isNull(certificates.revokedAt)))
    .limit(100);
  let revoked = 0;
  for (const { id } of rows) if (await revokeSuperseded(ctx, id, 'system:reconcile')) revoked++;
  return revoked;
}
