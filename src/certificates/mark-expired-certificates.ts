/**
 * The expiry job: issued subscriber certificates whose notAfter has passed are marked
 * (`subscriber_certificates.expired_at`) and their holders told ("Sertifikat Elektronik
 * Kedaluwarsa"; not for a certificate already revoked for good, which no longer counts). Rows are
 * claimed with FOR UPDATE SKIP LOCKED in the transaction that marks them and queues the mail, so
 * when several instances run the job at once each certificate is marked and mailed exactly once.
 * The status a user sees comes from notAfter itself (subscriber-status.ts), never from this mark.
 */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { revocationReasons } from '../authority/revocation-reasons.js';
import { accounts, certificates, subscriberCertificates } from '../db/schema.js';
import { formatWib } from '../notify/format-wib.js';
import type { CertificatesContext } from './certificates-context.js';
import { products } from './products.js';

/** Marks up to `batch` expired certificates; returns how many it marked. */
export async function markExpiredCertificates(ctx: CertificatesContext, batch = 100): Promise<number> {
  const now = new Date(ctx.now?.() ?? Date.now());
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ sc: subscriberCertificates })
      .from(subscriberCertificates)
      .where(
        and(
          eq(subscriberCertificates.state, 'active'),
          isNull(subscriberCertificates.expiredAt),
          lte(subscriberCertificates.notAfter, now),
        ),
      )
      .orderBy(asc(subscriberCertificates.notAfter))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const ids = due.map((d) => d.sc.id);
    await tx
      .update(subscriberCertificates)
      .set({ expiredAt: now, updatedAt: now })
      .where(inArray(subscriberCertificates.id, ids));
    for (const { sc } of due) {
      const [cert] = await tx
        .select({ revokedAt: certificates.revokedAt, reason: certificates.revocationReason })
        .from(certificates)
        .where(and(eq(certificates.authorityId, sc.authorityId!), eq(certificates.serial, sc.serial!)));
      const revokedForGood =
        !!cert?.revokedAt && cert.reason !== revocationReasons.certificateHold && cert.revokedAt <= now;
      await recordAuditEvent(tx, {
        actor: 'system',
        action: 'subscriber_certificate.expired',
        target: `subscriber_certificate:${sc.id}`,
        details: { institutionId: sc.institutionId, notAfter: sc.notAfter?.toISOString() ?? null },
      });
      if (revokedForGood) continue;
      const [holder] = await tx.select().from(accounts).where(eq(accounts.id, sc.accountId));
      if (!holder) continue;
      await ctx.notify(tx, {
        template: 'certificate-expired',
        locale: holder.locale,
        to: holder.email,
        data: {
          name: holder.fullName,
          product: products[sc.product].label[holder.locale],
          serial: sc.serial ?? '',
          expiredAt: formatWib(sc.notAfter ?? now, holder.locale),
        },
        idempotencyKey: `certificate-expired:${sc.id}`,
        accountId: holder.id,
      });
    }
    return due.length;
  });
}
