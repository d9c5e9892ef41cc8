import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Config } from '../config/load-config.js';
import type { Db } from '../db/open-database.js';
import { outbox } from '../db/schema.js';
import type { MasterKey } from '../keys/master-key.js';
import type { Logger } from '../runtime/logger.js';
import { isPermanentFailure, type Channel, type ChannelName, type Channels } from './channels/channel.js';
import { outboxAad } from './enqueue-message.js';
import { maskRecipient } from './mask-recipient.js';
import type { RenderedMessage } from './templates/render-message.js';
import type { TemplateRegistry } from './templates/template-registry.js';

export interface DeliveryDeps {
  db: Db;
  master: MasterKey;
  config: Config;
  log: Logger;
  channels: Channels;
  templates: TemplateRegistry;
  /**
   * The per-recipient limit; without it there is none. The runtime gives the attempt guard's
   * `outbox_recipient` quota (notify sits below identity, so it names only what it needs).
   */
  recipientQuota?: RecipientQuota;
}

/** Takes one message from a recipient's hourly allowance, or says when there is room again. */
export interface RecipientQuota {
  consume(key: string, max: number): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
}

/**
 * How long a claimed message is left alone. A worker that dies between claiming and marking
 * leaves its messages to be picked up again after this; it must exceed the time one batch can
 * take (20 messages × nodemailer's timeouts in smtp-channel.ts).
 */
const CLAIM_LEASE = sql`now() + interval '15 minutes'`;
const FIRST_RETRY_SECONDS = 10;
const MAX_RETRY_SECONDS = 3600;
const MAX_ERROR_LENGTH = 500;

/** Seconds before the next attempt after `attempts` failed ones: 10, 20, 40, … at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_SECONDS);
}

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Delivers up to `limit` due messages and returns how many it attempted (sent or not), so a caller
 * can loop while it gets a full batch.
 *
 * Claiming is one short transaction: the due rows are locked with `FOR UPDATE SKIP LOCKED` (so
 * several instances, or two calls in one, never take the same row) and moved out of reach by
 * pushing `next_attempt_at` ahead and counting the attempt. Sending happens outside any
 * transaction (PGlite has a single connection, and SMTP can be slow); each result is written in
 * its own statement, only if the row is still as this worker claimed it.
 */
export async function deliverDueMessages(deps: DeliveryDeps, limit = 20): Promise<number> {
  const available = Object.keys(deps.channels) as ChannelName[];
  if (available.length === 0) return 0;
  const claimed = await deps.db.transaction(async (tx) => {
    const due = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          lte(outbox.nextAttemptAt, sql`now()`),
          inArray(outbox.channel, available),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: CLAIM_LEASE })
      .where(inArray(outbox.id, due))
      .returning();
  });
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const row of claimed) await deliverOne(deps, row);
  return claimed.length;
}

async function deliverOne(deps: DeliveryDeps, row: OutboxRow): Promise<void> {
  const channel = deps.channels[row.channel] as Channel;
  let to: string | undefined;
  let data: Record<string, string>;
  let rendered: RenderedMessage;
  try {
    if (!row.sealedPayload) throw new Error('the message has no payload');
    if (!deps.templates.has(row.template)) throw new Error(`unknown template "${row.template}"`);
    const aad = outboxAad(row.id);
    to = deps.master.open('personal-data/v1', row.sealedRecipient, aad).toString('utf8');
    data = JSON.parse(
      deps.master.open('personal-data/v1', row.sealedPayload, aad).toString('utf8'),
    ) as Record<string, string>;
    rendered = deps.templates.render(row.template, row.locale, data, deps.config.organisationName);
  } catch (error) {
    // Nothing a retry could fix: a changed template, a corrupted row, another master key.
    await markFailed(deps, row, channel, describeError(error, to), true);
    return;
  }
  if (await heldBack(deps, row, to)) return;
  const whatsapp = deps.templates.whatsapp(row.template);
  try {
    await channel.send({
      id: row.id,
      template: row.template,
      locale: row.locale,
      to,
      data,
      rendered,
      ...(whatsapp ? { whatsapp } : {}),
    });
  } catch (error) {
    await markFailed(deps, row, channel, describeError(error, to), isPermanentFailure(error));
    return;
  }
  await deps.db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      lastError: null,
      ...(channel.keepsPayload ? {} : { sealedPayload: null }),
    })
    .where(claimedAsBefore(row));
  deps.log.debug({ outboxId: row.id, template: row.template, channel: row.channel }, 'message delivered');
}

async function markFailed(
  deps: DeliveryDeps,
  row: OutboxRow,
  channel: Channel,
  lastError: string,
  permanent: boolean,
): Promise<void> {
  const final = permanent || row.attempts >= deps.config.notify.maxAttempts;
  const delay = retryDelaySeconds(row.attempts);
  // A dead letter keeps its sealed payload for TEKEN_OUTBOX_FAILED_RETENTION_DAYS so that it can be
  // sent again ("Kirim ulang"); purgeFailedPayloads drops it after that.
  const keep = channel.keepsPayload || deps.config.notify.failedRetentionDays > 0;
  await deps.db
    .update(outbox)
    .set(
      final
        ? { status: 'failed', lastError, failedAt: sql`now()`, ...(keep ? {} : { sealedPayload: null }) }
        : { lastError, nextAttemptAt: sql`now() + make_interval(secs => ${delay})` },
    )
    .where(claimedAsBefore(row));
  deps.log.warn(
    {
      outboxId: row.id,
      template: row.template,
      channel: row.channel,
      attempts: row.attempts,
      error: lastError,
      ...(final ? {} : { retryInSeconds: delay }),
    },
    final ? 'message delivery failed for good' : 'message delivery failed, will retry',
  );
}

/**
 * The per-recipient limit (TEKEN_OUTBOX_RECIPIENT_PER_HOUR per channel): a message over it is held
 * back, not dropped: its claim's attempt is given back and it is due again when the recipient's
 * hour has passed. The recipient is named in the counter by a keyed hash only. The log channel
 * delivers to nobody and has no limit.
 */
async function heldBack(deps: DeliveryDeps, row: OutboxRow, to: string): Promise<boolean> {
  if (!deps.recipientQuota || row.channel === 'log') return false;
  const digest = crypto
    .createHmac('sha256', deps.master.derive('throttle-subject/v1'))
    .update(to.toLowerCase())
    .digest('base64url')
    .slice(0, 32);
  const taken = await deps.recipientQuota.consume(
    `${row.channel}:${digest}`,
    deps.config.notify.recipientPerHour,
  );
  if (taken.ok) return false;
  await deps.db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} - 1`,
      lastError: `Held back: more than ${deps.config.notify.recipientPerHour} messages to this recipient within an hour (TEKEN_OUTBOX_RECIPIENT_PER_HOUR).`,
      nextAttemptAt: sql`now() + make_interval(secs => ${taken.retryAfterSeconds})`,
    })
    .where(claimedAsBefore(row));
  deps.log.warn(
    {
      outboxId: row.id,
      template: row.template,
      channel: row.channel,
      retryInSeconds: taken.retryAfterSeconds,
    },
    'message held back by the per-recipient limit',
  );
  return true;
}

/**
 * Drops the sealed payload of dead letters older than TEKEN_OUTBOX_FAILED_RETENTION_DAYS (a
 * background job), after which they can no longer be sent again. Returns how many it purged.
 */
export async function purgeFailedPayloads(db: Db, retentionDays: number): Promise<number> {
  const purged = await db
    .update(outbox)
    .set({ sealedPayload: null })
    .where(
      and(
        eq(outbox.status, 'failed'),
        isNotNull(outbox.sealedPayload),
        lte(outbox.failedAt, sql`now() - make_interval(days => ${retentionDays})`),
      ),
    )
    .returning({ id: outbox.id });
  return purged.length;
}

/**
 * The row is still pending with the attempt count of this claim. If the lease ran out and another
 * worker claimed it meanwhile, that worker's result stands and this one's is dropped.
 */
function claimedAsBefore(row: OutboxRow) {
  return and(eq(outbox.id, row.id), eq(outbox.status, 'pending'), eq(outbox.attempts, row.attempts));
}

/**
 * An error as it may be stored and logged: SMTP replies echo addresses, so every e-mail address
 * is masked and every URL (a link, a connection URL with a password) is cut out.
 */
export function describeError(error: unknown, recipient?: string): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  let text = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && !text.includes(e.code)) text = `${e.code}: ${text}`;
  if (recipient) text = text.split(recipient).join(maskRecipient(recipient));
  text = text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]')
    // Phone numbers (a provider's details may echo one) and codes: no run of digits survives.
    .replace(/\+?\d{9,}/g, (digits) => maskRecipient(digits))
    .replace(/[^\s<>()[\]@"',;:]+@[A-Za-z0-9.-]+/g, (address) => maskRecipient(address))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
