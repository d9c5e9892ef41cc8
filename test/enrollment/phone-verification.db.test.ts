import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { auditEvents, institutions, outbox, profileHistory, registrations } from '../../src/db/schema.js';
import { lookupHash, openPersonalText } from '../../src/enrollment/personal-data.js';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import { buildApp } from '../../src/http/build-app.js';
import { currentTotp } from '../../src/identity/totp.js';
import { outboxAad } from '../../src/notify/enqueue-message.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const PASSWORD = 'Rahasia-Sekali-123';

describe('phone verification over WhatsApp', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let wa: FakeWhatsApp;
  let clock = Date.now();
  let institutionId: string;
  let seq = 0;

  before(async () => {
    wa = await startFakeWhatsApp();
    ({ rt } = await openTestRuntime({ ...wa.env(), TEKEN_FAILURE_DELAY_MS: '0' }));
    app = (await buildApp(rt, { now: () => clock })).app;
    institutionId = crypto.randomUUID();
    await rt.db
      .insert(institutions)
      .values({ id: institutionId, code: 'kemen-uji', name: 'Kementerian Uji' });
  });

  /** A registration in the wizard: its account id and the activation token from its e-mail. */
  const registration = async () => {
    const n = ++seq;
    const ctx = enrollmentContextOf(rt);
    const started = await rt.db.transaction((tx) =>
      startRegistration(ctx, tx, {
        institutionId,
        fullName: `Pendaftar Uji ${n}`,
        email: `pendaftar${n}@contoh.go.id`,
        source: 'invite',
        invitedBy: 'test',
      }),
    );
    const [mail] = await rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, started.accountId), eq(outbox.template, 'activate-account')));
    const data = JSON.parse(
      rt.masterKey.open('personal-data/v1', mail!.sealedPayload!, outboxAad(mail!.id)).toString('utf8'),
    ) as { link: string };
    const token = data.link.split('#')[1]!;
    const client = new ApiClient(app, `10.44.${n}.1`);
    const call = <T = Record<string, unknown>>(url: string, body: unknown) =>
      client.post<T>(url, body, { authorization: `Bearer ${token}` });
    return { accountId: started.accountId, call };
  };

  const deliverCode = async (phone: string) => {
    await rt.notify.deliver();
    assert.deepEqual(wa.rejected, []);
    const code = wa.lastCode(phone);
    assert.ok(code && /^\d{6}$/.test(code));
    return code;
  };
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('verifies the wizard’s number: Kirim Kode OTP, Kirim Ulang after 30 s, Kode OTP salah, success', async () => {
    const r = await registration();
    const noAuth = await new ApiClient(app).post('/api/v1/registration/phone/code', {
      phone: '081234567001',
    });
    assert.equal(noAuth.status, 401);
    const bad = await r.call('/api/v1/registration/phone/code', { phone: '12345' });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.detail), /Contoh: 08123456789/);

    const sent = await r.call<{
      phone: string;
      expiresAt: string;
      resendAt: string;
      resendInSeconds: number;
    }>('/api/v1/registration/phone/code', { phone: '0812-3456-7001' });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.phone, '+62 812-****-001');
    assert.equal(new Date(sent.body.resendAt).getTime() - clock, 30_000);
    assert.equal(new Date(sent.body.expiresAt).getTime() - clock, 600_000);
    assert.equal(sent.body.resendInSeconds, 30);
    const first = await deliverCode('+6281234567001');
    assert.equal(wa.received.at(-1)!.template, 'teken_kode_aktivasi');

    const soon = await r.call('/api/v1/registration/phone/code', { phone: '081234567001' });
    assert.equal(soon.status, 429);
    assert.equal(soon.body.code, 'ERR_PHONE_CODE_TOO_SOON');
    assert.equal((soon.body.details as { retryAfterSeconds: number }).retryAfterSeconds, 30);
    clock += 31_000;
    assert.equal((await r.call('/api/v1/registration/phone/code', { phone: '081234567001' })).status, 200);
    const code = await deliverCode('+6281234567001');
    // The first code was replaced by the second.
    if (first !== code) {
      const old = await r.call('/api/v1/registration/phone/verify', { code: first });
      assert.equal(old.body.code, 'ERR_PHONE_CODE_INVALID');
    }

    const miss = await r.call('/api/v1/registration/phone/verify', { code: wrong(code) });
    assert.equal(miss.status, 400);
    assert.equal(miss.body.code, 'ERR_PHONE_CODE_INVALID');
    assert.match(String(miss.body.detail), /^Kode OTP salah/);

    const ok = await r.call<{ phone: string; verified: boolean }>('/api/v1/registration/phone/verify', {
      code,
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.phone, ok.body.verified], ['+62 812-****-001', true]);
    const [row] = await rt.db.select().from(registrations).where(eq(registrations.accountId, r.accountId));
    assert.equal(row!.phoneVerifiedBy, 'whatsapp');
    assert.ok(row!.phoneVerifiedAt);
    assert.equal(
      openPersonalText(rt.masterKey, 'registrations.phone', r.accountId, row!.phoneSealed),
      '+6281234567001',
    );
    assert.ok(Buffer.from(row!.phoneHash!).equals(lookupHash(rt.masterKey, 'phone', '+6281234567001')));
    const history = await rt.db
      .select()
      .from(profileHistory)
      .where(eq(profileHistory.accountId, r.accountId));
    assert.equal(history.length, 1);
    assert.equal(history[0]!.field, 'phone');
    assert.equal(history[0]!.cause, 'phone_verification');
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, `account:${r.accountId}`));
    assert.ok(events.some((e) => e.action === 'phone.verified'));
    assert.ok(events.some((e) => e.action === 'phone.code_failed'));
    assert.ok(
      !JSON.stringify(events.map((e) => e.details)).includes('81234567001'),
      'no number in the audit log',
    );
    // Used up: the same code does not verify twice.
    const again = await r.call('/api/v1/registration/phone/verify', { code });
    assert.equal(again.body.code, 'ERR_PHONE_CODE_EXPIRED');
  });

  it('refuses an expired code, and a code after 5 wrong guesses', async () => {
    const r = await registration();
    await r.call('/api/v1/registration/phone/code', { phone: '081234567002' });
    const code = await deliverCode('+6281234567002');
    clock += 10 * 60_000 + 1_000;
    const late = await r.call('/api/v1/registration/phone/verify', { code });
    assert.equal(late.status, 410);
    assert.equal(late.body.code, 'ERR_PHONE_CODE_EXPIRED');

    await r.call('/api/v1/registration/phone/code', { phone: '081234567002' });
    const fresh = await deliverCode('+6281234567002');
    for (let i = 0; i < 5; i++) {
      const miss = await r.call('/api/v1/registration/phone/verify', { code: wrong(fresh) });
      assert.equal(miss.body.code, 'ERR_PHONE_CODE_INVALID');
    }
    const refused = await r.call('/api/v1/registration/phone/verify', { code: fresh });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'ERR_AUTH_THROTTLED');
  });

  it('"Ubah nomor HP" of a signed-in user; a number verified by someone else is refused', async () => {
    const account = await createTestAccount(rt, {
      prefix: 'hp',
      n: 1,
      name: 'Pengguna HP',
      roles: ['subscriber'],
      institutionId,
      password: PASSWORD,
    });
    await rt.db.insert(registrations).values({
      accountId: account.id,
      institutionId,
      source: 'invite',
      invitedBy: 'test',
      status: 'verified',
    });
    const client = new ApiClient(app, '10.45.0.1');
    let totpClock = clock;
    await firstSignIn(client, account.username, PASSWORD, (secret) =>
      currentTotp(secret, (totpClock += 30_000)),
    );
    clock = totpClock;

    const before = await client.get('/api/v1/profile/phone');
    assert.deepEqual(before.body, { phone: null, verified: false, hasProfile: true, whatsapp: true });

    const taken = await client.post('/api/v1/profile/phone/code', { phone: '081234567001' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'ERR_PHONE_TAKEN');

    assert.equal(
      (await client.post('/api/v1/profile/phone/code', { phone: '+62 812 3456 7003' })).status,
      200,
    );
    const code = await deliverCode('+6281234567003');
    assert.equal(wa.received.at(-1)!.template, 'teken_kode_ubah_nomor');
    assert.equal(
      (await client.post('/api/v1/profile/phone/verify', { code: wrong(code) })).body.code,
      'ERR_PHONE_CODE_INVALID',
    );
    const ok = await client.post('/api/v1/profile/phone/verify', { code });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const after = await client.get('/api/v1/profile/phone');
    assert.deepEqual(after.body, {
      phone: '+62 812-****-003',
      verified: true,
      hasProfile: true,
      whatsapp: true,
    });
  });
});
