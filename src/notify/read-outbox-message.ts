import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { outbox } from '../db/schema.js';
import type { MasterKey } from '../keys/master-key.js';
import { outboxAad } from './enqueue-message.js';
import { toEntry, type OutboxEntry } from './list-outbox.js';
import type { RenderedMessage } from './templates/render-message.js';
import type { TemplateRegistry } from './templates/template-registry.js';

export interface OutboxMessage extends OutboxEntry {
  /**
   * The message as the recipient would see it: only for the log channel, whose messages are read
   * here instead of being sent. For e-mail it is null: once sent its payload is gone, and before
   * that an administrator must not read another person's reset link.
   */
  content: RenderedMessage | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One message for the administrator's outbox page; undefined when there is no such id. The caller
 * records the read in the audit log: the content holds a person's name and, for the log channel, a
 * live link. `organisation` is TEKEN_ORGANISATION_NAME, as the message is rendered for sending.
 */
export async function readOutboxMessage(
  db: Db,
  master: MasterKey,
  id: string,
  organisation: string,
  templates: TemplateRegistry,
): Promise<OutboxMessage | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) return undefined;
  let content: RenderedMessage | null = null;
  if (row.channel === 'log' && row.sealedPayload && templates.has(row.template)) {
    const data = JSON.parse(
      master.open('personal-data/v1', row.sealedPayload, outboxAad(row.id)).toString('utf8'),
    ) as Record<string, string>;
    content = templates.render(row.template, row.locale, data, organisation);
  }
  return { ...toEntry(master, row), content };
}
