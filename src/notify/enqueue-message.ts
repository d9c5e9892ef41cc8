import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../config/load-config.js';
import type { Tx } from '../db/open-database.js';
import { outbox } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { MasterKey } from '../keys/master-key.js';
import type { Locale } from './templates/template.js';
import type { TemplateRegistry } from './templates/template-registry.js';

/**
 * A message to queue. Modules type theirs with `MessageOf<their templates>` (template-registry.ts);
 * the outbox checks the variables against the registered template when it renders the subject.
 */
export interface MessageToSend {
  template: string;
  locale: Locale;
  /** The recipient's e-mail address, or an E.164 number (src/enrollment/phone.ts) for WhatsApp. */
  to: string;
  /**
   * `email` (the default; the log channel while SMTP is not configured) or `whatsapp` (the template
   * must have a WhatsApp mapping and the channel must be configured: callers check
   * `config.notify.whatsapp` first and tell the user otherwise).
   */
  channel?: 'email' | 'whatsapp';
  /** The template's variables; times preformatted with `formatWib`. */
  data: Readonly<Record<string, string>>;
  /**
   * Names the message so that a retried request does not send it twice, e.g.
   * `reset-password:<action token id>`. A second message with the same key is dropped.
   */
  idempotencyKey: string;
  accountId?: string;
}

/** The additional authenticated data binding a sealed recipient and payload to their row. */
export const outboxAad = (id: string) => `outbox:${id}`;

/**
 * Queues a message in the caller's transaction, so it goes out if and only if the change it
 * announces is committed. The recipient and variables are sealed under the master key (a variable
 * may be a live link); the rendered subject is stored in clear for the outbox page, which is why
 * subjects never contain variables. Rendering here also makes a missing variable fail the caller
 * at once rather than the delivery later. Returns false when the idempotency key was used before.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   // ... create the action token ...
 *   await enqueueMessage(tx, master, config, templates, {
 *     template: 'reset-password', locale: 'id', to: account.email,
 *     data: { name: account.name, link, expiresInMinutes: '30' },
 *     idempotencyKey: `reset-password:${tokenId}`, accountId: account.id,
 *   });
 * });
 */
export async function enqueueMessage(
  tx: Tx,
  master: MasterKey,
  config: Config,
  templates: TemplateRegistry,
  msg: MessageToSend,
): Promise<boolean> {
  const [queued] = await enqueueMessages(tx, master, config, templates, [msg]);
  return queued!;
}

/**
 * Queues several messages in one INSERT (a CSV import queues one per row): each checked, rendered
 * and sealed exactly as `enqueueMessage` does (that is this, with one message). Returns, per message
 * in order, false where its idempotency key was used before (or earlier in the same call).
 */
export async function enqueueMessages(
  tx: Tx,
  master: MasterKey,
  config: Config,
  templates: TemplateRegistry,
  msgs: readonly MessageToSend[],
): Promise<boolean[]> {
  if (msgs.length === 0) return [];
  const rows = msgs.map((msg) => {
    const whatsapp = msg.channel === 'whatsapp';
    if (whatsapp) {
      if (!/^\+[1-9]\d{7,14}$/.test(msg.to))
        throw new TekenError('ERR_INPUT_INVALID', 'The recipient is not a phone number in E.164 (+62…).');
      if (!templates.whatsapp(msg.template))
        throw new TekenError(
          'ERR_SERVER_INTERNAL',
          `The template "${msg.template}" has no WhatsApp template.`,
        );
      if (!config.notify.whatsapp)
        throw new TekenError('ERR_SERVER_INTERNAL', 'The WhatsApp channel is not configured.');
    } else if (!isEmailAddress(msg.to))
      throw new TekenError('ERR_INPUT_INVALID', 'The recipient is not an e-mail address.');
    if (msg.idempotencyKey.length === 0 || msg.idempotencyKey.length > 200) {
      throw new TekenError('ERR_SERVER_INTERNAL', 'An outbox idempotency key must have 1 to 200 characters.');
    }
    const data = msg.data;
    const { subject } = templates.render(msg.template, msg.locale, data, config.organisationName);
    const id = crypto.randomUUID();
    const aad = outboxAad(id);
    return {
      id,
      channel: whatsapp
        ? ('whatsapp' as const)
        : config.notify.smtpUrl
          ? ('email' as const)
          : ('log' as const),
      template: msg.template,
      locale: msg.locale,
      sealedRecipient: master.seal('personal-data/v1', Buffer.from(msg.to, 'utf8'), aad),
      sealedPayload: master.seal('personal-data/v1', Buffer.from(JSON.stringify(data), 'utf8'), aad),
      idempotencyKey: msg.idempotencyKey,
      subject,
      accountId: msg.accountId ?? null,
    };
  });
  // One JSON parameter rather than a bind parameter per cell (a CSV import queues 500 at once).
  const batch = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      template: r.template,
      locale: r.locale,
      recipient: r.sealedRecipient.toString('base64'),
      payload: r.sealedPayload.toString('base64'),
      key: r.idempotencyKey,
      subject: r.subject,
      account_id: r.accountId,
    })),
  );
  const result = await tx.execute(sql`
    insert into ${outbox} (id, channel, template, locale, sealed_recipient, sealed_payload,
      idempotency_key, subject, account_id)
    select m.id, m.channel, m.template, m.locale, decode(m.recipient, 'base64'),
      decode(m.payload, 'base64'), m.key, m.subject, m.account_id
    from json_to_recordset(${batch}::json) as m(id uuid, channel text, template text, locale text,
      recipient text, payload text, key text, subject text, account_id uuid)
    on conflict (idempotency_key) do nothing
    returning id`);
  const ids = new Set((result as { rows: { id: string }[] }).rows.map((r) => r.id));
  return rows.map((r) => ids.has(r.id));
}

/** A plain addr-spec without display name, spaces or line breaks (no header injection). */
export function isEmailAddress(value: string): boolean {
  return (
    value.length <= 254 &&
    /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
      value,
    )
  );
}
