import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { outbox } from '../db/schema.js';
import type { MasterKey } from '../keys/master-key.js';
import type { ChannelName } from './channels/channel.js';
import { outboxAad } from './enqueue-message.js';
import { maskRecipient } from './mask-recipient.js';

/** One outbox row as the administrator's outbox page shows it: no address, no variables. */
export interface OutboxEntry {
  id: string;
  channel: ChannelName;
  template: string;
  locale: 'id' | 'en';
  /** Masked, e.g. `b***@contoh.go.id`. */
  recipient: string;
  subject: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  accountId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** When it was dead-lettered. */
  failedAt: Date | null;
  /** A dead letter whose sealed content is still kept: "Kirim ulang" is possible. */
  resendable: boolean;
}

export type OutboxRow = typeof outbox.$inferSelect;

/** The newest messages first, a page at a time, with the total for paging; `status` filters ("Gagal": failed). */
export async function listOutbox(
  db: Db,
  master: MasterKey,
  page: { limit: number; offset: number; status?: OutboxEntry['status'] },
): Promise<{ total: number; items: OutboxEntry[] }> {
  const where = page.status ? eq(outbox.status, page.status) : undefined;
  const limit = Math.min(Math.max(Math.trunc(page.limit), 1), 200);
  const offset = Math.max(Math.trunc(page.offset), 0);
  const rows = await db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(outbox).where(where);
  return { total: total?.n ?? 0, items: rows.map((row) => toEntry(master, row)) };
}

export function toEntry(master: MasterKey, row: OutboxRow): OutboxEntry {
  let recipient: string;
  try {
    recipient = maskRecipient(
      master.open('personal-data/v1', row.sealedRecipient, outboxAad(row.id)).toString('utf8'),
    );
  } catch {
    recipient = '[unreadable]';
  }
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    locale: row.locale,
    recipient,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    accountId: row.accountId,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    failedAt: row.failedAt,
    resendable: row.status === 'failed' && row.sealedPayload !== null,
  };
}
