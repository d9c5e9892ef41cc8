/**
 * "A certificate whose data changed (approved profile change) is flagged for renewal" (issue 10):
 * when an approved profile change or an RA correction changes a value the certificate's subject
 * carries (the name, e-mail, Jabatan, Unit Organisasi, province), the holder's active certificates
 * get `renewalDueAt`: they show "Renew", and the user's status is RENEW until a renewal replaces
 * them (a signature would otherwise carry outdated data). Called by the runtime from the
 * enrollment module's `onProfileChanged`, in the transaction that applied the change.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { subscriberCertificates } from '../db/schema.js';

/** Profile fields that appear in an eSign certificate (certificate-subject.ts). */
export const subjectFields = ['fullName', 'email', 'jabatan', 'unitOrganisasi', 'province'] as const;

export async function flagForRenewal(tx: Tx, accountId: string, fields: readonly string[]): Promise<number> {
  const touched = fields.filter((f) => (subjectFields as readonly string[]).includes(f));
  if (touched.length === 0) return 0;
  const flagged = await tx
    .update(subscriberCertificates)
    .set({ renewalDueAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(subscriberCertificates.accountId, accountId),
        eq(subscriberCertificates.product, 'esign'),
        eq(subscriberCertificates.state, 'active'),
        isNull(subscriberCertificates.replacedBy),
        isNull(subscriberCertificates.renewalDueAt),
      ),
    )
    .returning({ id: subscriberCertificates.id });
  for (const { id } of flagged)
    await recordAuditEvent(tx, {
      actor: 'system',
      action: 'subscriber_certificate.renewal_due',
      target: `subscriber_certificate:${id}`,
      details: { fields: touched },
    });
  return flagged.length;
}
