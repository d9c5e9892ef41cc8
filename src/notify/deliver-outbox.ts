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
 * take: 15 minutes, or a minute (nodemailer's timeouts in smtp-channel.ts add up to 50 s) per
 * message one lane of the narrowest channel may have to send (the log channel never waits).
 */
function claimLease(limit: number, channels: Channels) {
  const sending = Object.values(channels).filter((c) => c && c.name !== 'log');
  const narrowest = Math.min(4, ...sending.map((c) => Math.max(1, c?.concurrency ?? 1)));
  const seconds = Math.max(15 * 60, Math.ceil(limit / narrowest) * 60);
  return sql`now() + make_interval(secs => ${seconds})`;
}
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
 * transaction (PGlite has a single connection, and SMTP can be slow), up to the channel's
 * `concurrency` messages at once (the SMTP channel's pooled connections); messages to one recipient
 * go one after the other, oldest first. Deliveries are recorded as they complete, many in one
 * statement (`sentRecorder`), and only where the row is still as this worker claimed it; a failure
 * is recorded on its own. A worker that dies between sending and recording leaves the row claimed:
 * it is sent again after the lease, with the same Message-ID.
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
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: claimLease(limit, deps.channels) })
      .where(inArray(outbox.id, due))
      .returning();
  });
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const recorder = sentRecorder(deps);
  // One queue per channel and recipient, each worked through in order by one of the channel's lanes.
  const queues = new Map<string, { channel: ChannelName; rows: Prepared[] }>();
  for (const row of claimed) {
    const prepared = prepare(deps, row);
    const key = `${row.channel}\u0000${prepared.ok ? prepared.to.toLowerCase() : row.id}`;
    const queue = queues.get(key) ?? { channel: row.channel, rows: [] };
    queue.rows.push(prepared);
    queues.set(key, queue);
  }
  const lanes: Promise<void>[] = [];
  for (const name of new Set([...queues.values()].map((q) => q.channel))) {
    const pending = [...queues.values()].filter((q) => q.channel === name);
    const lane = async () => {
      for (let queue; (queue = pending.shift());)
        for (const prepared of queue.rows) await deliverOne(deps, prepared, recorder);
    };
    const width = Math.max(1, Math.min(deps.channels[name]?.concurrency ?? 1, pending.length));
    for (let i = 0; i < width; i++) lanes.push(lane());
  }
  const results = await Promise.allSettled(lanes);
  await recorder.flushed();
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return claimed.length;
}

type Prepared =
  | { ok: true; row: OutboxRow; to: string; data: Record<string, string>; rendered: RenderedMessage }
  | { ok: false; row: OutboxRow; to: string | undefined; error: unknown };

/** Opens and renders a claimed message. */
function prepare(deps: DeliveryDeps, row: OutboxRow): Prepared {
  let to: string | undefined;
  try {
    if (!row.sealedPayload) throw new Error('the message has no payload');
    if (!deps.templates.has(row.template)) throw new Error(`unknown template "${row.template}"`);
    const aad = outboxAad(row.id);
    to = deps.master.open('personal-data/v1', row.sealedRecipient, aad).toString('utf8');
    const data = JSON.parse(
      deps.master.open('personal-data/v1', row.sealedPayload, aad).toString('utf8'),
    ) as Record<string, string>;
    const rendered = deps.templates.render(row.template, row.locale, data, deps.config.organisationName);
    return { ok: true, row, to, data, rendered };
  } catch (error) {
    return { ok: false, row, to, error };
  }
}

async function deliverOne(deps: DeliveryDeps, prepared: Prepared, recorder: SentRecorder): Promise<void> {
  const { row } = prepared;
  const channel = deps.channels[row.channel] as Channel;
  if (!prepared.ok) {
    // Nothing a retry could fix: a changed template, a corrupted row, another master key.
    await markFailed(deps, row, channel, describeError(prepared.error, prepared.to), true);
    return;
  }
  const { to, data, rendered } = prepared;
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
  recorder.sent(row, channel);
}

interface SentRecorder {
  sent(row: OutboxRow, channel: Channel): void;
  /** Resolves once every delivery reported so far is stored (rejects if a statement failed). */
  flushed(): Promise<void>;
}

/**
 * Records deliveries as they complete: while one statement is on its way, the deliveries that
 * complete meanwhile wait and go together in the next. Each row is marked sent only if it is still
 * pending with the attempt count of this claim (as `claimedAsBefore`).
 */
function sentRecorder(deps: DeliveryDeps): SentRecorder {
  let waiting: { row: OutboxRow; keep: boolean }[] = [];
  let running: Promise<void> = Promise.resolve();
  let failure: unknown;
  const write = async (batch: { row: OutboxRow; keep: boolean }[]) => {
    for (const keep of [false, true]) {
      const rows = batch.filter((b) => b.keep === keep).map((b) => b.row);
      if (rows.length === 0) continue;
      const claims = sql.join(
        rows.map((r) => sql`(${r.id}::uuid, ${r.attempts}::int)`),
        sql`, `,
      );
      await deps.db
        .update(outbox)
        .set({
          status: 'sent',
          sentAt: sql`now()`,
          lastError: null,
          ...(keep ? {} : { sealedPayload: null }),
        })
        .where(and(eq(outbox.status, 'pending'), sql`(${outbox.id}, ${outbox.attempts}) in (${claims})`));
    }
    for (const { row } of batch)
      deps.log.debug({ outboxId: row.id, template: row.template, channel: row.channel }, 'message delivered');
  };
  const flush = () => {
    running = running.then(async () => {
      if (waiting.length === 0) return;
      const batch = waiting;
      waiting = [];
      await write(batch).catch((error: unknown) => {
        failure ??= error;
      });
    });
  };
  return {
    sent(row, channel) {
      waiting.push({ row, keep: channel.keepsPayload });
      flush();
    },
    async flushed() {
      flush();
      await running;
      if (failure) throw failure instanceof Error ? failure : new Error('recording deliveries failed');
    },
  };
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
