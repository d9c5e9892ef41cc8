import { and, eq, lt } from 'drizzle-orm';
import { recordAuditEvents } from '../audit/record-audit-event.js';
import { certificates } from '../db/schema.js';
import type { AuthorityContext } from './authority-context.js';
import { notifyStatusChange } from './notify-status.js';
import { revocationReasons } from './revocation-reasons.js';

/**
 * Settles certificates left `pending` by a process that died between recording and storing. Their
 * TBS bytes are on record, but whether the key signed them is unknown, so they are marked
 * `abandoned` and revoked: if such a certificate ever surfaced, relying parties would reject it.
 * Only rows older than `olderThanMs` are touched: younger ones may be in flight in another process.
 */
export async function reconcilePendingCertificates(
  ctx: AuthorityContext,
  actor: string,
  olderThanMs = 5 * 60_000,
): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const settled = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(certificates)
      .set({
        status: 'abandoned',
        revokedAt: new Date(),
        revocationReason: revocationReasons.cessationOfOperation,
      })
      .where(and(eq(certificates.status, 'pending'), lt(certificates.createdAt, cutoff)))
      .returning({ caId: certificates.authorityId, serial: certificates.serial });
    for (const r of rows) await notifyStatusChange(tx, r.caId, r.serial);
    await recordAuditEvents(
      tx,
      rows.map((r) => ({
        actor,
        action: 'certificate.abandon',
        target: `certificate:${r.caId}/${r.serial}`,
        details: { reason: 'process ended between recording and storing' },
      })),
    );
    return rows;
  });
  for (const caId of new Set(settled.map((r) => r.caId))) ctx.onRevocation?.(caId);
  for (const r of settled) ctx.onStatusChange?.(r.caId, r.serial);
  return settled.length;
}
