import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, beforeEach, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditEvents, outbox } from '../../src/db/schema.js';
import { purgeFailedPayloads } from '../../src/notify/deliver-outbox.js';
import { listOutbox } from '../../src/notify/list-outbox.js';
import { resendOutboxMessage } from '../../src/notify/resend-outbox-message.js';
import type { MessageToSend } from '../../src/notify/enqueue-message.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { startFakeWhatsApp, type FakeFailure, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { openTestRuntime } from '../helpers/test-runtime.js';
import { startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

const PHONE = '+6281234567801';
const LINK = 'https://teken.contoh.go.id/terbit#dGVzdC1saW5rLXRva2Vu';

let n = 0;
const codeMessage = (to = PHONE, code = '482913'): MessageToSend => ({
  template: 'phone-code-change',
  channel: 'whatsapp',
  locale: 'id',
  to,
  data: { code, expiresInMinutes: '10' },
  idempotencyKey: `test-wa:${++n}`,
});
const linkMessage = (): MessageToSend => ({
  template: 'wa-certificate-issuance-link',
  channel: 'whatsapp',
  locale: 'id',
  to: PHONE,
  data: { name: 'Sari Wulandari', link: LINK, expiresInHours: '24' },
  idempotencyKey: `test-wa:${++n}`,
});
const mail = (): MessageToSend => ({
  template: 'reset-password',
  locale: 'id',
  to: 'sari.wulandari@contoh.go.id',
  data: { name: 'Sari Wulandari', link: LINK, expiresInMinutes: '30' },
  idempotencyKey: `test-mail:${++n}`,
});

describe('WhatsApp channel and dead letters', () => {
  let rt: Runtime;
  let wa: FakeWhatsApp;
  let smtp: TestSmtpServer;

  before(async () => {
    wa = await startFakeWhatsApp();
    smtp = await startSmtpServer();
    ({ rt } = await openTestRuntime({
      ...wa.env(),
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_OUTBOX_MAX_ATTEMPTS: '2',
      TEKEN_OUTBOX_RECIPIENT_PER_HOUR: '3',
      TEKEN_WHATSAPP_TEMPLATE_NAMES: 'wa-certificate-issuance-link=link_terbit_sertifikat',
    }));
  });
  beforeEach(async () => {
    await rt.db.delete(outbox);
    await rt.db.execute(sql`delete from throttles`);
    wa.received.length = 0;
    wa.failNext.length = 0;
    smtp.received.length = 0;
    smtp.rejectRecipients = false;
  });

  const enqueue = (msg: MessageToSend) => rt.db.transaction((tx) => rt.notify.enqueue(tx, msg));
  const only = async () => {
    const rows = await rt.db.select().from(outbox);
    assert.equal(rows.length, 1);
    return rows[0]!;
  };
  const makeDue = () => rt.db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) });

  it('sends a code as an authentication template with the copy-code button', async () => {
    await enqueue(codeMessage());
    const queued = await only();
    assert.equal(queued.channel, 'whatsapp');
    assert.equal(queued.subject, '[Teken] Kode Verifikasi Nomor HP');
    assert.equal(await rt.notify.deliver(), 1);
    assert.deepEqual(wa.rejected, []);
    assert.equal(wa.received.length, 1);
    const sent = wa.received[0]!;
    assert.equal(sent.to, '6281234567801');
    assert.equal(sent.template, 'teken_kode_ubah_nomor');
    assert.equal(sent.language, 'id');
    assert.deepEqual(sent.parameters, ['482913']);
    assert.equal(sent.buttonCode, '482913');
    // The outbox id is the idempotency key towards the provider.
    assert.equal(sent.callbackData, queued.id);
    const row = await only();
    assert.equal(row.status, 'sent');
    assert.equal(row.sealedPayload, null);
  });

  it('sends a link as a utility template with its parameters in order, under the configured name', async () => {
    await enqueue(linkMessage());
    await rt.notify.deliver();
    assert.deepEqual(wa.rejected, []);
    assert.equal(wa.received[0]!.template, 'link_terbit_sertifikat');
    assert.deepEqual(wa.received[0]!.parameters, ['Sari Wulandari', LINK, '24']);
    assert.equal(wa.received[0]!.buttonCode, undefined);
  });

  it('refuses to queue a WhatsApp message to something that is not an E.164 number', async () => {
    await assert.rejects(enqueue(codeMessage('08123456789')), { code: 'ERR_INPUT_INVALID' });
    await assert.rejects(enqueue({ ...mail(), channel: 'whatsapp', to: PHONE }), {
      code: 'ERR_SERVER_INTERNAL',
    });
  });

  const transient: FakeFailure[] = ['rate-limit', 'http-429', 'server-error', 'expired-token'];
  for (const failure of transient) {
    it(`retries with backoff after ${failure}`, async () => {
      await enqueue(codeMessage());
      wa.failNext.push(failure);
      await rt.notify.deliver();
      const row = await only();
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.ok(row.nextAttemptAt.getTime() > Date.now() + 5_000, 'backs off');
      assert.ok(row.lastError && !row.lastError.includes('6281234567801'), row.lastError ?? '');
      await makeDue();
      await rt.notify.deliver();
      assert.equal((await only()).status, 'sent');
      assert.equal(wa.received.length, 1);
    });
  }

  const permanent: FakeFailure[] = ['not-on-whatsapp', 'template-missing', 'invalid-parameter'];
  for (const failure of permanent) {
    it(`dead-letters at once after ${failure}, keeping the content for a resend`, async () => {
      await enqueue(codeMessage());
      wa.failNext.push(failure);
      await rt.notify.deliver();
      const row = await only();
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, 1);
      assert.ok(row.failedAt);
      assert.ok(row.sealedPayload, 'content kept for "Kirim ulang"');
      const page = await listOutbox(rt.db, rt.masterKey, { limit: 10, offset: 0, status: 'failed' });
      assert.equal(page.total, 1);
      assert.equal(page.items[0]!.resendable, true);
      assert.equal(page.items[0]!.recipient, '***801');
      const pending = await listOutbox(rt.db, rt.masterKey, { limit: 10, offset: 0, status: 'pending' });
      assert.equal(pending.total, 0);
    });
  }

  it('"Kirim ulang" queues a dead letter again under the same id, audited; a purged one cannot be', async () => {
    const admin = await createTestAccount(rt, {
      prefix: 'waadm',
      n: 1,
      name: 'Admin',
      roles: ['ca_admin'],
      password: 'Rahasia-Sekali-123',
    });
    await enqueue(codeMessage());
    wa.failNext.push('not-on-whatsapp');
    await rt.notify.deliver();
    const failed = await only();
    await assert.rejects(resendOutboxMessage(rt.db, admin.id, crypto.randomUUID()), {
      code: 'ERR_RESOURCE_NOT_FOUND',
    });
    await resendOutboxMessage(rt.db, admin.id, failed.id);
    assert.equal((await only()).status, 'pending');
    await rt.notify.deliver();
    const sent = await only();
    assert.equal(sent.status, 'sent');
    assert.equal(wa.received[0]!.callbackData, failed.id);
    const events = await rt.db.select().from(auditEvents).where(eq(auditEvents.action, 'outbox.resend'));
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor, `account:${admin.id}`);
    await assert.rejects(resendOutboxMessage(rt.db, admin.id, failed.id), {
      code: 'ERR_OUTBOX_NOT_RESENDABLE',
    });

    // After the retention the content is purged and "Kirim ulang" is refused.
    await enqueue(codeMessage());
    wa.failNext.push('template-missing');
    await rt.notify.deliver();
    const [dead] = await rt.db.select().from(outbox).where(eq(outbox.status, 'failed'));
    assert.equal(await purgeFailedPayloads(rt.db, 7), 0);
    await rt.db
      .update(outbox)
      .set({ failedAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(outbox.id, dead!.id));
    assert.equal(await purgeFailedPayloads(rt.db, 7), 1);
    await assert.rejects(resendOutboxMessage(rt.db, admin.id, dead!.id), {
      code: 'ERR_OUTBOX_NOT_RESENDABLE',
    });
  });

  it('holds back messages beyond the per-recipient limit, per channel, without spending attempts', async () => {
    for (let i = 0; i < 4; i++) await enqueue(codeMessage(PHONE, `10000${i}`));
    await enqueue(codeMessage('+6281234567802'));
    await enqueue(mail());
    await rt.notify.deliver();
    assert.equal(wa.received.filter((m) => m.to === '6281234567801').length, 3);
    assert.equal(wa.received.filter((m) => m.to === '6281234567802').length, 1);
    assert.equal(smtp.received.length, 1);
    const held = await rt.db.select().from(outbox).where(eq(outbox.status, 'pending'));
    assert.equal(held.length, 1);
    assert.equal(held[0]!.attempts, 0);
    assert.match(held[0]!.lastError ?? '', /Held back/);
    assert.ok(held[0]!.nextAttemptAt.getTime() > Date.now() + 30 * 60_000, 'due when the hour has passed');
  });

  it('dead-letters e-mail after the last attempt over real SMTP, and resends it', async () => {
    const admin = await createTestAccount(rt, {
      prefix: 'waadm',
      n: 2,
      name: 'Admin',
      roles: ['ca_admin'],
      password: 'Rahasia-Sekali-123',
    });
    smtp.rejectRecipients = 450;
    await enqueue(mail());
    await rt.notify.deliver();
    await makeDue();
    await rt.notify.deliver();
    const failed = await only();
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 2);
    assert.ok(failed.sealedPayload);
    smtp.rejectRecipients = false;
    await resendOutboxMessage(rt.db, admin.id, failed.id);
    await rt.notify.deliver();
    assert.equal((await only()).status, 'sent');
    assert.equal(smtp.received.length, 1);
    // The same Message-ID as the failed attempts: the provider can recognise a duplicate.
    assert.equal(smtp.received[0]!.mail.messageId?.startsWith(`<${failed.id}@`), true);
  });
});
