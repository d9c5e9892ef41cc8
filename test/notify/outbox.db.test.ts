import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { before, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Config } from '../../src/config/load-config.js';
import { outbox } from '../../src/db/schema.js';
import { createLogChannel } from '../../src/notify/channels/log-channel.js';
import { createSmtpChannel } from '../../src/notify/channels/smtp-channel.js';
import { deliverDueMessages } from '../../src/notify/deliver-outbox.js';
import { enqueueMessage } from '../../src/notify/enqueue-message.js';
import type { IdentityMessage } from '../../src/identity/templates/identity-templates.js';
import { formatWib } from '../../src/notify/format-wib.js';
import { listOutbox } from '../../src/notify/list-outbox.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import { createLogger } from '../../src/runtime/logger.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { startBackgroundJobs } from '../../src/runtime/background-jobs.js';
import { openTestRuntime, testEngine } from '../helpers/test-runtime.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

const ADDRESS = 'budi.santoso@contoh.go.id';
const LINK = 'https://teken.contoh.go.id/reset?token=Zm9vYmFyLXNlY3JldC10b2tlbg';

let n = 0;
const resetMessage = (
  overrides: Partial<IdentityMessage & { template: 'reset-password' }> = {},
): IdentityMessage => ({
  template: 'reset-password',
  locale: 'id',
  to: ADDRESS,
  data: { name: 'Budi Santoso', link: LINK, expiresInMinutes: '30' },
  idempotencyKey: `reset-password:${++n}`,
  ...overrides,
});

describe('notify outbox', () => {
  let smtp: TestSmtpServer;
  let rt: Runtime;
  let config: Config;

  before(async () => {
    smtp = await startSmtpServer();
    ({ rt, config } = await openTestRuntime({
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_OUTBOX_MAX_ATTEMPTS: '3',
      // Every message here goes to one address; the per-recipient limit has its own test (whatsapp.db.test.ts).
      TEKEN_OUTBOX_RECIPIENT_PER_HOUR: '10000',
    }));
  });
  beforeEach(async () => {
    await rt.db.delete(outbox);
    smtp.received.length = 0;
    smtp.rejectRecipients = false;
    smtp.refuse.clear();
  });

  const rowsOf = () => rt.db.select().from(outbox);
  const only = async () => {
    const rows = await rowsOf();
    assert.equal(rows.length, 1);
    return rows[0]!;
  };
  /** Makes every pending message due now (instead of waiting out the backoff). */
  const makeDue = () => rt.db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) });
  const secondsUntil = (date: Date) => (date.getTime() - Date.now()) / 1000;

  it('sends nothing when the enqueuing transaction rolls back', async () => {
    await assert.rejects(
      rt.db.transaction(async (tx) => {
        assert.equal(await rt.notify.enqueue(tx, resetMessage()), true);
        tx.rollback();
      }),
    );
    assert.equal(await rt.notify.deliver(), 0);
    assert.equal(smtp.received.length, 0);
    assert.equal((await rowsOf()).length, 0);
  });

  it('delivers a committed message once, in Indonesian, and wipes its payload', async () => {
    await rt.db.transaction(async (tx) => {
      assert.equal(await rt.notify.enqueue(tx, resetMessage()), true);
    });
    const queued = await only();
    assert.equal(queued.channel, 'email');
    assert.equal(queued.subject, '[Teken] Reset Password');
    assert.ok(!Buffer.from(queued.sealedRecipient).toString('latin1').includes('budi'));
    assert.ok(!Buffer.from(queued.sealedPayload!).toString('latin1').includes('token'));

    assert.equal(await rt.notify.deliver(), 1);
    assert.equal(await rt.notify.deliver(), 0);
    assert.equal(smtp.received.length, 1);
    const { rcptTo, mail } = smtp.received[0]!;
    assert.deepEqual(rcptTo, [ADDRESS]);
    assert.equal(mail.subject, '[Teken] Reset Password');
    assert.equal(mail.messageId, `<${queued.id}@teken.invalid>`);
    assert.deepEqual(mail.from?.value, [{ name: 'Teken', address: 'no-reply@teken.invalid' }]);
    assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
    assert.match(mail.text ?? '', /^Teken\n\nHalo Budi Santoso,\n\nSeseorang baru saja meminta/);
    assert.ok(mail.text?.includes(`Reset Password:\n${LINK}`));
    assert.ok(mail.text?.includes('Tautan ini berlaku selama 30 menit'));
    assert.ok(mail.text?.includes('Pesan ini dikirim secara otomatis oleh Teken'));
    const html = mail.html || '';
    assert.ok(html.includes(`<a href="${LINK}"`));
    assert.ok(html.includes('<html lang="id">'));
    assert.ok(html.includes('Halo Budi Santoso,'));

    const sent = await only();
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 1);
    assert.ok(sent.sentAt);
    assert.equal(sent.sealedPayload, null);
    assert.equal(sent.lastError, null);
    const shown = await readOutboxMessage(
      rt.db,
      rt.masterKey,
      sent.id,
      rt.config.organisationName,
      rt.notify.templates,
    );
    assert.equal(shown?.recipient, 'b***@contoh.go.id');
    assert.equal(shown?.status, 'sent');
    assert.equal(shown?.content, null);
  });

  it('delivers in English', async () => {
    const time = formatWib(new Date('2026-11-23T02:35:00Z'), 'en');
    await rt.db.transaction((tx) =>
      rt.notify.enqueue(tx, {
        template: 'password-changed',
        locale: 'en',
        to: ADDRESS,
        data: { name: 'Budi & <Santoso>', time },
        idempotencyKey: 'password-changed:1',
      }),
    );
    assert.equal(await rt.notify.deliver(), 1);
    const { mail } = smtp.received[0]!;
    assert.equal(mail.subject, '[Teken] Your password was changed');
    assert.ok(mail.text?.includes('Hello Budi & <Santoso>,'));
    assert.ok(
      mail.text?.includes(
        'The password of your Teken account was changed on Monday, 23 November 2026 at 09:35 WIB.',
      ),
    );
    assert.ok(mail.text?.includes('This message was sent automatically by Teken'));
    const html = mail.html || '';
    assert.ok(html.includes('Hello Budi &amp; &lt;Santoso&gt;,'));
    assert.ok(!html.includes('<Santoso>'));
    assert.ok(html.includes('<html lang="en">'));
  });

  it('queues one message per idempotency key', async () => {
    assert.equal(await rt.notify.enqueue(rt.db, resetMessage({ idempotencyKey: 'same-key' })), true);
    assert.equal(await rt.notify.enqueue(rt.db, resetMessage({ idempotencyKey: 'same-key' })), false);
    await rt.db.transaction(async (tx) => {
      assert.equal(await rt.notify.enqueue(tx, resetMessage({ idempotencyKey: 'same-key' })), false);
    });
    assert.equal((await rowsOf()).length, 1);
    assert.equal(await rt.notify.deliver(), 1);
    assert.equal(await rt.notify.deliver(), 0);
    assert.equal(smtp.received.length, 1);
  });

  it('retries a refused message with backoff, then marks it failed', async () => {
    smtp.rejectRecipients = 450;
    await rt.notify.enqueue(rt.db, resetMessage());

    assert.equal(await rt.notify.deliver(), 1);
    let row = await only();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.lastError ?? '', /450/);
    assert.ok(row.lastError?.includes('b***@contoh.go.id'), row.lastError ?? '');
    assert.ok(!row.lastError?.includes(ADDRESS));
    assert.ok(Math.abs(secondsUntil(row.nextAttemptAt) - 10) < 3, String(secondsUntil(row.nextAttemptAt)));
    assert.equal(await rt.notify.deliver(), 0, 'not due before the backoff');

    await makeDue();
    assert.equal(await rt.notify.deliver(), 1);
    row = await only();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 2);
    assert.ok(Math.abs(secondsUntil(row.nextAttemptAt) - 20) < 3, String(secondsUntil(row.nextAttemptAt)));

    await makeDue();
    assert.equal(await rt.notify.deliver(), 1);
    row = await only();
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    // A dead letter keeps its sealed content for "Kirim ulang" (TEKEN_OUTBOX_FAILED_RETENTION_DAYS).
    assert.ok(row.sealedPayload);
    assert.ok(row.failedAt);
    assert.match(row.lastError ?? '', /450/);

    await makeDue();
    assert.equal(await rt.notify.deliver(), 0);
    assert.equal(smtp.received.length, 0);
  });

  it('delivers after a temporary refusal clears', async () => {
    smtp.rejectRecipients = 451;
    await rt.notify.enqueue(rt.db, resetMessage());
    assert.equal(await rt.notify.deliver(), 1);
    smtp.rejectRecipients = false;
    await makeDue();
    assert.equal(await rt.notify.deliver(), 1);
    const row = await only();
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    assert.equal(row.lastError, null);
    assert.equal(smtp.received.length, 1);
  });

  it('retries when the mail server is down', async () => {
    await rt.notify.enqueue(rt.db, resetMessage());
    const down = createSmtpChannel({
      url: `smtp://127.0.0.1:${await closedPort()}?ignoreTLS=true`,
      from: config.notify.mailFrom,
    });
    const deps = {
      db: rt.db,
      master: rt.masterKey,
      config,
      log: rt.log,
      channels: { email: down },
      templates: rt.notify.templates,
    };
    assert.equal(await deliverDueMessages(deps), 1);
    const row = await only();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.lastError ?? '', /ECONNREFUSED/);
    assert.ok(row.sealedPayload);
  });

  it('delivers each message once with two workers at the same time', async () => {
    const total = 30;
    for (let i = 0; i < total; i++) await rt.notify.enqueue(rt.db, resetMessage());
    const worker = async () => {
      let attempted = 0;
      for (let k; (k = await rt.notify.deliver(4)) > 0;) attempted += k;
      return attempted;
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    assert.equal(a + b, total);
    assert.equal(smtp.received.length, total);
    assert.equal(new Set(smtp.received.map((r) => r.mail.messageId)).size, total);
    for (const row of await rowsOf()) {
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 1);
    }
  });

  it('sends a batch over a few pooled connections, in order per recipient', async () => {
    const connectionsBefore = smtp.connections;
    for (let i = 0; i < 12; i++) {
      const to = i % 3 === 0 ? ADDRESS : `user${i}@contoh.go.id`;
      await rt.notify.enqueue(rt.db, resetMessage({ to }));
    }
    // Distinct creation times, so the order the worker must keep is unambiguous.
    const queued = (await rowsOf()).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const [i, row] of queued.entries()) {
      await rt.db
        .update(outbox)
        .set({ createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })
        .where(eq(outbox.id, row.id));
    }
    assert.equal(await rt.notify.deliver(20), 12);
    assert.equal(smtp.received.length, 12);
    const opened = smtp.connections - connectionsBefore;
    assert.ok(opened <= 4, `${opened} connections for one batch`);
    assert.ok(opened < 12, 'connections are reused');
    const byCreation = (await rowsOf()).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const toAddress = smtp.received.filter((r) => r.rcptTo[0] === ADDRESS).map((r) => r.mail.messageId);
    const expected = byCreation.filter((_, i) => i % 3 === 0).map((r) => `<${r.id}@teken.invalid>`);
    assert.deepEqual(toAddress, expected);
    for (const row of byCreation) {
      assert.equal(row.status, 'sent');
      assert.equal(row.sealedPayload, null);
    }
  });

  it('still delivers the rest of a batch when one recipient is refused', async () => {
    const refused = 'ditolak@contoh.go.id';
    smtp.refuse.set(refused, 550);
    for (const to of ['satu@contoh.go.id', refused, 'dua@contoh.go.id', 'tiga@contoh.go.id'])
      await rt.notify.enqueue(rt.db, resetMessage({ to }));
    assert.equal(await rt.notify.deliver(), 4);
    assert.deepEqual(smtp.received.map((r) => r.rcptTo[0]).sort(), [
      'dua@contoh.go.id',
      'satu@contoh.go.id',
      'tiga@contoh.go.id',
    ]);
    const rows = await rowsOf();
    assert.equal(rows.filter((r) => r.status === 'sent').length, 3);
    const [left] = rows.filter((r) => r.status !== 'sent');
    assert.equal(left?.status, 'pending');
    assert.equal(left?.attempts, 1);
    assert.match(left?.lastError ?? '', /550/);
    assert.ok(left?.sealedPayload);
  });

  it('opens a new connection after the mail server dropped the pooled one', async () => {
    await rt.notify.enqueue(rt.db, resetMessage({ to: 'satu@contoh.go.id' }));
    assert.equal(await rt.notify.deliver(), 1);
    const connections = smtp.connections;
    smtp.dropConnections();
    await rt.notify.enqueue(rt.db, resetMessage({ to: 'dua@contoh.go.id' }));
    assert.equal(await rt.notify.deliver(), 1);
    assert.deepEqual(
      smtp.received.map((r) => r.rcptTo[0]),
      ['satu@contoh.go.id', 'dua@contoh.go.id'],
    );
    assert.equal(smtp.connections, connections + 1);
    for (const row of await rowsOf()) assert.equal(row.status, 'sent');
  });

  it('does not mark a message sent that another worker claimed again after the lease', async () => {
    await rt.notify.enqueue(rt.db, resetMessage());
    const [row] = await rowsOf();
    const slow = {
      name: 'email' as const,
      keepsPayload: false,
      concurrency: 4,
      send: async () => {
        // Meanwhile the lease ran out and another worker took the message (attempt 2).
        await rt.db.update(outbox).set({ attempts: 2 }).where(eq(outbox.id, row!.id));
      },
    };
    const deps = {
      db: rt.db,
      master: rt.masterKey,
      config,
      log: rt.log,
      channels: { email: slow },
      templates: rt.notify.templates,
    };
    assert.equal(await deliverDueMessages(deps), 1);
    const after = await only();
    assert.equal(after.status, 'pending');
    assert.equal(after.attempts, 2);
    assert.ok(after.sealedPayload);
  });

  // PostgreSQL only: PGlite has one connection, so no second instance can hold a row lock.
  if (testEngine === 'postgres') {
    it('skips a message another instance holds locked', async () => {
      await rt.notify.enqueue(rt.db, resetMessage());
      await rt.notify.enqueue(rt.db, resetMessage());
      const [held] = await rowsOf();
      await rt.db.transaction(async (tx) => {
        await tx.select().from(outbox).where(eq(outbox.id, held!.id)).for('update');
        // Another connection of the pool: must not wait for the lock, nor take the locked row.
        assert.equal(await rt.notify.deliver(), 1);
      });
      assert.equal(smtp.received.length, 1);
      assert.equal(await rt.notify.deliver(), 1);
      assert.equal(smtp.received.length, 2);
    });
  }

  it('is delivered by the background jobs', async () => {
    const jobs = startBackgroundJobs(rt);
    try {
      await rt.notify.enqueue(rt.db, resetMessage());
      await jobs.runAll();
      assert.equal(smtp.received.length, 1);
    } finally {
      await jobs.stop();
    }
  });

  it('keeps log-channel messages readable and logs no link or address', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    const log = createLogger('debug', stream);
    const devConfig: Config = { ...config, notify: { ...config.notify, smtpUrl: undefined } };
    const deps = {
      db: rt.db,
      master: rt.masterKey,
      config: devConfig,
      log,
      channels: { log: createLogChannel(log) },
      templates: rt.notify.templates,
    };

    assert.equal(
      await enqueueMessage(
        rt.db,
        rt.masterKey,
        devConfig,
        rt.notify.templates,
        resetMessage({ locale: 'en' }),
      ),
      true,
    );
    const queued = await only();
    assert.equal(queued.channel, 'log');
    assert.equal(await deliverDueMessages(deps), 1);
    await new Promise((resolve) => setImmediate(resolve));

    const row = await only();
    assert.equal(row.status, 'sent');
    assert.ok(row.sealedPayload, 'the log channel keeps the payload for the outbox page');
    assert.equal(smtp.received.length, 0);

    const output = lines.join('');
    assert.ok(output.includes(row.id));
    assert.ok(output.includes('reset-password'));
    assert.ok(output.includes('b***@contoh.go.id'));
    assert.ok(!output.includes(ADDRESS));
    assert.ok(!output.includes('budi.santoso'));
    assert.ok(!output.includes('Zm9vYmFy'));
    assert.ok(!output.includes('Budi Santoso'));

    const shown = await readOutboxMessage(
      rt.db,
      rt.masterKey,
      row.id,
      rt.config.organisationName,
      rt.notify.templates,
    );
    assert.ok(shown?.content);
    assert.equal(shown.recipient, 'b***@contoh.go.id');
    assert.equal(shown.content.subject, '[Teken] Reset password');
    assert.ok(shown.content.text.includes(LINK));
    assert.ok(shown.content.html.includes(`href="${LINK}"`));
    assert.equal(shown.status, 'sent');
    assert.equal(
      await readOutboxMessage(
        rt.db,
        rt.masterKey,
        crypto.randomUUID(),
        rt.config.organisationName,
        rt.notify.templates,
      ),
      undefined,
    );
    assert.equal(
      await readOutboxMessage(
        rt.db,
        rt.masterKey,
        'not-a-uuid',
        rt.config.organisationName,
        rt.notify.templates,
      ),
      undefined,
    );

    // The runtime's own log channel delivers it too (the runtime always has one).
    assert.ok(rt.notify.channels.log);
  });

  it('lists the outbox newest first with masked recipients', async () => {
    for (let i = 0; i < 3; i++) await rt.notify.enqueue(rt.db, resetMessage({ to: `user${i}@contoh.go.id` }));
    const page = await listOutbox(rt.db, rt.masterKey, { limit: 2, offset: 0 });
    assert.equal(page.total, 3);
    assert.equal(page.items.length, 2);
    for (const item of page.items) {
      assert.match(item.recipient, /^u\*\*\*@contoh\.go\.id$/);
      assert.equal(item.subject, '[Teken] Reset Password');
      assert.equal(item.status, 'pending');
    }
    const rest = await listOutbox(rt.db, rt.masterKey, { limit: 2, offset: 2 });
    assert.equal(rest.items.length, 1);
  });

  it('refuses a recipient that is not a plain e-mail address', async () => {
    for (const to of [
      'budi',
      'budi@contoh.go.id\r\nBcc: x@contoh.go.id',
      'Budi <budi@contoh.go.id>',
      'a,b@contoh.go.id',
    ]) {
      await assert.rejects(rt.notify.enqueue(rt.db, resetMessage({ to })), { code: 'ERR_INPUT_INVALID' });
    }
    assert.equal((await rowsOf()).length, 0);
  });

  it('refuses a message with a missing variable at enqueue time', async () => {
    await assert.rejects(
      rt.notify.enqueue(rt.db, {
        ...resetMessage(),
        data: { name: 'Budi', link: LINK },
      }),
      /expiresInMinutes/,
    );
    assert.equal((await rowsOf()).length, 0);
  });

  it('marks a message that can no longer be rendered failed at once', async () => {
    await rt.notify.enqueue(rt.db, resetMessage());
    await rt.db.update(outbox).set({ template: 'retired-template' }).where(eq(outbox.status, 'pending'));
    assert.equal(await rt.notify.deliver(), 1);
    const row = await only();
    assert.equal(row.status, 'failed');
    assert.match(row.lastError ?? '', /unknown template/);
    assert.equal(smtp.received.length, 0);
  });
});
