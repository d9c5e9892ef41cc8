import { and, eq, isNotNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/open-database.js';
import { outbox } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Kirim ulang": puts a dead letter back in the queue, due now with a fresh attempt count, and
 * records who did it. Only a failed message whose sealed content is still kept can be sent again
 * (TEKEN_OUTBOX_FAILED_RETENTION_DAYS); the same row goes out, so the provider sees the same
 * idempotency key (the outbox id: the e-mail Message-ID, WhatsApp's callback data).
 */
export async function resendOutboxMessage(db: Db, actorId: string, id: string): Promise<void> {
  if (!UUID.test(id)) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such message.');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: outbox.status, kept: isNotNull(outbox.sealedPayload), channel: outbox.channel })
      .from(outbox)
      .where(eq(outbox.id, id))
      .for('update');
    if (!row) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such message.');
    if (row.status !== 'failed')
      throw new TekenError(
        'ERR_OUTBOX_NOT_RESENDABLE',
        `id: only a failed message can be sent again (this one is ${row.status}).`,
      );
    if (!row.kept)
      throw new TekenError(
        'ERR_OUTBOX_NOT_RESENDABLE',
        'id: the content of this message has been purged (TEKEN_OUTBOX_FAILED_RETENTION_DAYS); send it again from where it started.',
      );
    await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), failedAt: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')));
    await recordAuditEvent(tx, {
      actor: `account:${actorId}`,
      action: 'outbox.resend',
      target: `outbox:${id}`,
      details: { channel: row.channel },
    });
  });
}
