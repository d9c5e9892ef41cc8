/**
 * Perpanjangan reminders (issue 10): on the days before a subscriber certificate ends that
 * TEKEN_RENEWAL_REMINDER_DAYS names (30, 7 and 1 by default; each within the renewal window, so
 * the link always opens a renewal that is allowed), its holder gets "Sertifikat Elektronik Segera
 * Berakhir" by e-mail with a link to the Perpanjangan page, and the same link by WhatsApp ("Link Pembaruan Sertifikat Elektronik") where the number is
 * verified. Not for a certificate replaced (renewed or reset), revoked or suspended, or one whose
 * renewal is already under way.
 *
 * Exactly once across instances: a reminder is claimed by lowering
 * `subscriber_certificates.renewal_reminded_days` to its step in the transaction that queues the
 * messages, the rows selected with FOR UPDATE SKIP LOCKED and the step re-checked by PostgreSQL on
 * the locked row, so two runners at once, or a rerun, send nothing twice. A certificate first seen
 * late (the job was down, or the lifetime is short) gets only the nearest step, and the earlier
 * ones are not sent after it.
 */
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, certificateRequests, certificates, subscriberCertificates } from '../db/schema.js';
import { formatWib } from '../notify/format-wib.js';
import { renewalUrl, type CertificatesContext } from './certificates-context.js';
import { verifiedWhatsappNumber } from './decide-certificate-request.js';
import { products } from './products.js';

const dayMs = 86_400_000;

/**
 * The step due for a certificate ending at `notAfter`: the smallest step it is within.
 * `days` are the reminder steps (TEKEN_RENEWAL_REMINDER_DAYS, by default 30, 7 and 1).
 */
export function dueStep(notAfter: Date, now: Date, days: readonly number[]): number | null {
  const left = notAfter.getTime() - now.getTime();
  if (left <= 0) return null;
  let due: number | null = null;
  for (const d of days) if (left <= d * dayMs && (due === null || d < due)) due = d;
  return due;
}

/** Sends the due reminders of up to `batch` certificates; returns how many it claimed. */
export async function sendRenewalReminders(ctx: CertificatesContext, batch = 100): Promise<number> {
  const steps = [...ctx.config.certificates.renewalReminderDays].sort((a, b) => a - b);
  const largest = steps.at(-1);
  if (largest === undefined) return 0;
  const now = new Date(ctx.now?.() ?? Date.now());
  const at = (days: number) => new Date(now.getTime() + days * dayMs);
  // The step as SQL (the smallest one the certificate is within), so the claim is re-checked on
  // the locked row.
  const step = sql.join(
    [
      sql`case`,
      ...steps.map(
        (d) => sql`when ${subscriberCertificates.notAfter} <= ${at(d)} then ${sql.raw(String(d))}`,
      ),
      sql`else ${sql.raw(String(largest))} end`,
    ],
    sql` `,
  );
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ sc: subscriberCertificates })
      .from(subscriberCertificates)
      .innerJoin(
        certificates,
        and(
          eq(certificates.authorityId, subscriberCertificates.authorityId),
          eq(certificates.serial, subscriberCertificates.serial),
        ),
      )
      .where(
        and(
          eq(subscriberCertificates.state, 'active'),
          isNull(subscriberCertificates.replacedBy),
          isNull(certificates.revokedAt),
          gt(subscriberCertificates.notAfter, now),
          lte(subscriberCertificates.notAfter, at(largest)),
          or(
            isNull(subscriberCertificates.renewalRemindedDays),
            sql`${subscriberCertificates.renewalRemindedDays} > ${step}`,
          ),
          sql`not exists (select 1 from ${certificateRequests} where ${certificateRequests.replacesId} = ${subscriberCertificates.id} and ${certificateRequests.status} in ('submitted', 'approved'))`,
        ),
      )
      .orderBy(asc(subscriberCertificates.notAfter))
      .limit(batch)
      .for('update', { of: subscriberCertificates, skipLocked: true });
    let sent = 0;
    for (const { sc } of due) {
      const days = dueStep(sc.notAfter!, now, steps);
      if (days === null || (sc.renewalRemindedDays !== null && sc.renewalRemindedDays <= days)) continue;
      sent++;
      await tx
        .update(subscriberCertificates)
        .set({ renewalRemindedDays: days, updatedAt: now })
        .where(eq(subscriberCertificates.id, sc.id));
      await recordAuditEvent(tx, {
        actor: 'system',
        action: 'subscriber_certificate.renewal_reminded',
        target: `subscriber_certificate:${sc.id}`,
        details: { days, notAfter: sc.notAfter!.toISOString() },
      });
      const [holder] = await tx.select().from(accounts).where(eq(accounts.id, sc.accountId));
      if (!holder || holder.status === 'disabled') continue;
      const link = renewalUrl(ctx.config, sc.id);
      const daysLeft = String(Math.max(1, Math.ceil((sc.notAfter!.getTime() - now.getTime()) / dayMs)));
      await ctx.notify(tx, {
        template: 'certificate-renewal-reminder',
        locale: holder.locale,
        to: holder.email,
        data: {
          name: holder.fullName,
          product: products[sc.product].label[holder.locale],
          serial: sc.serial ?? '',
          validUntil: formatWib(sc.notAfter!, holder.locale),
          daysLeft,
          link,
        },
        idempotencyKey: `renewal-reminder:${sc.id}:${days}`,
        accountId: holder.id,
      });
      const phone = await verifiedWhatsappNumber(ctx, tx, holder.id);
      if (phone)
        await ctx.notify(tx, {
          template: 'wa-renewal-link',
          channel: 'whatsapp',
          locale: holder.locale,
          to: phone,
          data: {
            name: holder.fullName,
            link,
            expiresInHours: String(
              Math.max(1, Math.floor((sc.notAfter!.getTime() - now.getTime()) / 3_600_000)),
            ),
          },
          idempotencyKey: `wa-renewal-link:${sc.id}:${days}`,
          accountId: holder.id,
        });
    }
    return sent;
  });
}
