/**
 * When the certificate of a renewal (or a passphrase reset) is issued, the certificate its request
 * names (`certificate_requests.replaces_id`) is marked replaced (`replaced_by`): the list shows it
 * "Renew", the user's status follows the new one, and no reminder goes for it any more. Called by
 * `linkIssued` in the transaction that finishes the issuance; a second call changes nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { subscriberCertificates } from '../db/schema.js';

export async function markReplaced(tx: Tx, oldId: string, newId: string, actor: string): Promise<boolean> {
  const [replaced] = await tx
    .update(subscriberCertificates)
    .set({ replacedBy: newId, updatedAt: new Date() })
    .where(and(eq(subscriberCertificates.id, oldId), isNull(subscriberCertificates.replacedBy)))
    .returning({ id: subscriberCertificates.id });
  if (!replaced) return false;
  await recordAuditEvent(tx, {
    actor,
    action: 'subscriber_certificate.replaced',
    target: `subscriber_certificate:${oldId}`,
    details: { replacedBy: newId },
  });
  return true;
}
