/**
 * TOTP authorisations over HTTP and the real storage (signing/totp-authorisation.ts): an API
 * client's `sign/get/totp` mails the holder an approval link; the holder's passphrase on the
 * approval page reseals the key under a fresh code (shown and mailed); the code opens the key for
 * at most N documents, never more in parallel, never after its time; wrong codes are counted and
 * end it; another institution's client is refused; a dump with the master key opens nothing without
 * the code. The seal: activation, "masih berlaku", batch codes, revoke.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { accounts, actionTokens, outbox, registrations, totpAuthorisations } from '../../src/db/schema.js';
import type { ApiClientRow } from '../../src/enrollment/api-client-records.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { openSubscriberKey } from '../../src/keys/subscriber-key-seal.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import {
  openSealKey,
  openTotpKey,
  purgeExpiredTotpAuthorisations,
} from '../../src/signing/totp-authorisation.js';
import { letterPdf } from '../helpers/letter-pdf.js';
import { linkInMail, waitForMail } from '../helpers/mailbox.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const PASSPHRASE = 'Rahasia#2026';
const FAILURES = 3;

describe('TOTP authorisations: eSign v2 get/totp and the seal', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let smtp: TestSmtpServer;
  let clock = Date.now();
  let institutionA: string;
  let clientA: ApiClientRow;
  let basicA: string;
  let basicB: string;
  let clientB: ApiClientRow;
  let n = 0;

  before(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer(
      {
        TEKEN_SMTP_URL: smtp.url,
        TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
        TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
        TEKEN_ESIGN_KEY: 'p256',
        TEKEN_ESEAL_KEY: 'p256',
        TEKEN_FAILURE_DELAY_MS: '0',
        TEKEN_TOTP_FAILURES: String(FAILURES),
        TEKEN_TOTP_MINUTES: '5',
      },
      { now: () => clock },
    );
    const make = async (name: string, domain: string) =>
      (
        await createInstitution(
          server.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { fourEyes: false } },
        )
      ).id;
    institutionA = await make('Dinas Uji TOTP', 'totp-uji.go.id');
    const institutionB = await make('Dinas Lain TOTP', 'totp-lain.go.id');
    const client = async (institutionId: string, description: string) => {
      const made = await createApiClient(identityContextOf(server.rt), { operator: 'test' }, institutionId, {
        description,
      });
      return {
        row: made as unknown as ApiClientRow,
        basic: `Basic ${Buffer.from(`${made.username}:${made.secret}`).toString('base64')}`,
      };
    };
    const a = await client(institutionA, 'Aplikasi Surat Desa');
    const b = await client(institutionB, 'Aplikasi Lain');
    basicA = a.basic;
    basicB = b.basic;
    clientA = await apiClientRow(a.row.id);
    clientB = await apiClientRow(b.row.id);
  });

  async function apiClientRow(id: string): Promise<ApiClientRow> {
    const { apiClients } = await import('../../src/db/schema.js');
    const [row] = await server.rt.db.select().from(apiClients).where(eq(apiClients.id, id));
    return row!;
  }

  const ctx = () => certificatesContextOf(server.rt, { now: () => clock });

  async function holder() {
    const person = syntheticPerson();
    const email = `pegawai${++n}.${crypto.randomBytes(3).toString('hex')}@totp-uji.go.id`;
    const { accountId } = await addSubscriber(enrollmentContextOf(server.rt), 'test', {
      institutionId: institutionA,
      fullName: person.fullName,
      email,
      nik: person.nik,
      verified: true,
    });
    await server.rt.db
      .update(registrations)
      .set({ jabatan: 'Analis', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    const { id } = await requestCertificate(ctx(), account!, { product: 'esign' });
    await approveCertificateRequest(ctx(), { operator: 'test' }, id);
    const cert = await setPassphraseAsOperator(ctx(), 'test', id, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    return { nik: person.nik, email, certificateId: cert.id, pem: cert.certificate.pem };
  }

  async function sealHolder() {
    const admin = await createTestAccount(server.rt, {
      prefix: 'admin-segel',
      n: ++n,
      name: 'Admin Segel',
      roles: ['institution_admin'],
      institutionId: institutionA,
      password: 'Kata-Sandi-Panjang-1',
    });
    const { id } = await requestCertificate(ctx(), admin, { product: 'eseal' });
    await approveCertificateRequest(ctx(), { operator: 'test' }, id);
    const cert = await setPassphraseAsOperator(ctx(), 'test', id, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    return { email: admin.email, idSubscriber: cert.id, pem: cert.certificate.pem };
  }

  const post = (url: string, body: unknown, authorization = basicA) =>
    server.web.app.inject({
      method: 'POST',
      url,
      headers: { authorization, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const json = (response: { statusCode: number; body: string }, status = 200) => {
    assert.equal(response.statusCode, status, response.body);
    return JSON.parse(response.body) as Record<string, unknown>;
  };
  const signs = (key: crypto.KeyObject, pem: string) => {
    const data = crypto.randomBytes(64);
    return crypto.verify(
      'sha256',
      data,
      new crypto.X509Certificate(pem).publicKey,
      crypto.sign('sha256', data, key),
    );
  };

  /** The approval link mailed to `to` after the `since`-th message, as its token. */
  async function approvalToken(to: string, since: number): Promise<string> {
    const mail = await waitForMail(smtp, to, /Persetujuan Tanda Tangan/, { since });
    return linkInMail(mail, server.rt.config.publicUrl, '/persetujuan').split('#')[1]!;
  }
  const approve = (token: string, passphrase = PASSPHRASE) =>
    server.web.app.inject({
      method: 'POST',
      url: '/api/v1/totp-approval/approve',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ passphrase }),
    });

  /** get/totp, the mail, the approval: the code. */
  async function signingCode(h: { nik: string; email: string }, documents: number) {
    const since = smtp.received.length;
    assert.deepEqual(json(await post('/api/v2/sign/get/totp', { nik: h.nik, data: documents })), {
      success: true,
      message: 'TOTP berhasil dikirim',
      data: null,
    });
    const token = await approvalToken(h.email, since);
    const approved = json(await approve(token)) as { code: string; documents: number };
    return { code: approved.code, token, since };
  }

  it('runs end to end: get/totp mails a link, the passphrase makes a code shown and mailed, the code signs N documents', async () => {
    const h = await holder();
    const since = smtp.received.length;
    const asked = await post('/api/v2/sign/get/totp', { nik: h.nik, email: h.email, data: 3 });
    assert.deepEqual(json(asked), { success: true, message: 'TOTP berhasil dikirim', data: null });
    const [pending] = await server.rt.db
      .select()
      .from(totpAuthorisations)
      .where(eq(totpAuthorisations.subscriberCertificateId, h.certificateId));
    assert.equal(pending!.state, 'pending');
    assert.equal(pending!.sealedKey, null, 'no key is sealed before the holder approves');
    const token = await approvalToken(h.email, since);
    const about = json(
      await server.web.app.inject({
        method: 'POST',
        url: '/api/v1/totp-approval',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ locale: 'id' }),
      }),
    );
    assert.equal(about['kind'], 'sign');
    assert.equal(about['client'], 'Aplikasi Surat Desa');
    assert.equal(about['documents'], 3);
    assert.equal(about['institution'], 'Dinas Uji TOTP');
    // A wrong passphrase is a passphrase guess (counted per certificate), and the link stays usable.
    const wrong = await approve(token, 'bukan passphrase');
    assert.equal(wrong.statusCode, 403, wrong.body);
    assert.equal((JSON.parse(wrong.body) as { code: string }).code, 'ERR_PASSPHRASE_WRONG');
    const approved = json(await approve(token)) as { code: string; documents: number; kind: string };
    assert.match(approved.code, /^\d{8}$/);
    assert.equal(approved.documents, 3);
    assert.equal((await approve(token)).statusCode, 410, 'the link is used once');
    const mail = await waitForMail(smtp, h.email, /Kode TOTP/, { since });
    assert.ok(mail.text?.includes(approved.code), 'the code is mailed too');
    assert.ok(mail.text?.includes('Aplikasi Surat Desa'));

    const first = await openTotpKey(ctx(), {
      client: clientA,
      holder: { nik: h.nik },
      code: approved.code,
      documents: 2,
    });
    assert.ok(signs(first.privateKey, h.pem), 'the code opens the certificate’s key');
    assert.equal(first.remaining, 1);
    // A number loses leading zeros; the code is read back either way.
    const last = await openTotpKey(ctx(), {
      client: clientA,
      holder: { email: h.email },
      code: ` ${approved.code.slice(0, 4)} ${approved.code.slice(4)}`,
    });
    assert.equal(last.remaining, 0);
    await assert.rejects(
      openTotpKey(ctx(), { client: clientA, holder: { nik: h.nik }, code: approved.code }),
      {
        code: 'ERR_TOTP_SPENT',
      },
    );
  });

  it('signs through POST /api/v2/sign/pdf with the approved code as `totp` (or `otp`), N documents and no more', async () => {
    const h = await holder();
    const { code } = await signingCode(h, 2);
    const pdf = letterPdf('Surat uji TOTP').toString('base64');
    // A call that fails (a bad PDF after a good one) signs nothing and gives the code its two back.
    const failed = await post('/api/v2/sign/pdf', {
      nik: h.nik,
      totp: code,
      file: [pdf, Buffer.from('%PDF-1.7 rusak').toString('base64')],
    });
    assert.equal(failed.statusCode, 400, failed.body);
    const signed = json(await post('/api/v2/sign/pdf', { nik: h.nik, totp: code, file: [pdf] })) as {
      file: string[];
    };
    assert.equal(signed.file.length, 1);
    const out = Buffer.from(signed.file[0]!, 'base64');
    assert.equal(out.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(out.length > Buffer.from(pdf, 'base64').length, 'a signature revision was appended');
    // `otp` is read as `totp`; the second document is the last the code allows.
    json(await post('/api/v2/sign/pdf', { email: h.email, otp: code, file: [pdf] }));
    const spent = await post('/api/v2/sign/pdf', { nik: h.nik, totp: code, file: [pdf] });
    assert.equal(spent.statusCode, 400, spent.body);
    assert.ok(typeof (JSON.parse(spent.body) as { error?: unknown }).error === 'string');
    const wrongCode = await post('/api/v2/sign/pdf', { nik: h.nik, totp: '00000000', file: [pdf] });
    assert.equal(wrongCode.statusCode, 400, wrongCode.body);
  });

  it('keeps nothing in a dump (tables and master key) that opens the key without the code', async () => {
    const h = await holder();
    const { code } = await signingCode(h, 2);
    const [row] = await server.rt.db
      .select()
      .from(totpAuthorisations)
      .where(
        and(
          eq(totpAuthorisations.subscriberCertificateId, h.certificateId),
          eq(totpAuthorisations.state, 'approved'),
        ),
      );
    const sealed = Buffer.from(row!.sealedKey!);
    const outer = ctx().outers.master!;
    // With the master key the outer layer opens, and the inner layer is still sealed under the code.
    const inner = await outer.unwrap(sealed, `subscriber-key/outer:totp:${row!.id}`);
    assert.throws(() => crypto.createPrivateKey({ key: inner, format: 'der', type: 'pkcs8' }));
    for (const guess of ['00000000', '12345678', code.replace(/\d$/, (d) => String((Number(d) + 1) % 10))])
      assert.equal(await openSubscriberKey(sealed, guess, `totp:${row!.id}`, outer), null);
    assert.ok(await openSubscriberKey(sealed, code, `totp:${row!.id}`, outer), 'only the code opens it');
    // No column anywhere holds the code: the link's token is hashed, the mailed code's payload is
    // dropped once the SMTP server took it.
    const dump =
      JSON.stringify(await server.rt.db.select().from(totpAuthorisations)) +
      JSON.stringify(await server.rt.db.select().from(actionTokens));
    assert.ok(!dump.includes(code));
    await waitForMail(smtp, h.email, /Kode TOTP/);
    for (let i = 0; i < 50; i++) {
      const rows = await server.rt.db.select().from(outbox).where(eq(outbox.template, 'totp-code'));
      if (
        rows.every((r) => r.status !== 'sent' || r.sealedPayload === null) &&
        rows.some((r) => r.status === 'sent')
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sent = await server.rt.db.select().from(outbox).where(eq(outbox.template, 'totp-code'));
    assert.ok(sent.filter((r) => r.status === 'sent').every((r) => r.sealedPayload === null));
  });

  it('counts wrong codes, and the last allowed one ends the authorisation and wipes its key', async () => {
    const h = await holder();
    const { code } = await signingCode(h, 5);
    const wrongCode = code === '11111111' ? '22222222' : '11111111';
    for (let i = 1; i <= FAILURES; i++)
      await assert.rejects(openTotpKey(ctx(), { client: clientA, holder: { nik: h.nik }, code: wrongCode }), {
        code: 'ERR_TOTP_INVALID',
      });
    await assert.rejects(openTotpKey(ctx(), { client: clientA, holder: { nik: h.nik }, code }), {
      code: 'ERR_TOTP_INVALID',
    });
    const [row] = await server.rt.db
      .select()
      .from(totpAuthorisations)
      .where(
        and(
          eq(totpAuthorisations.subscriberCertificateId, h.certificateId),
          eq(totpAuthorisations.kind, 'sign'),
        ),
      );
    assert.equal(row!.state, 'ended');
    assert.equal(row!.sealedKey, null);
    assert.equal(row!.remaining, 5, 'nothing was taken');
    // Malformed codes are guesses too (and never reach argon2id).
    const again = await signingCode(h, 1);
    await assert.rejects(openTotpKey(ctx(), { client: clientA, holder: { nik: h.nik }, code: 'abc' }), {
      code: 'ERR_TOTP_INVALID',
    });
    assert.equal(
      (await openTotpKey(ctx(), { client: clientA, holder: { nik: h.nik }, code: again.code })).remaining,
      0,
    );
  });

  it('never takes more than N documents from parallel uses', async () => {
    const h = await holder();
    const { code } = await signingCode(h, 3);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => openTotpKey(ctx(), { client: clientA, holder: { nik: h.nik }, code })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    assert.ok(ok >= 1 && ok <= 3, `${ok} uses succeeded`);
    for (const r of results)
      if (r.status === 'rejected')
        assert.ok(['ERR_TOTP_SPENT', 'ERR_TOTP_INVALID'].includes((r.reason as { code: string }).code));
    const [row] = await server.rt.db
      .select()
      .from(totpAuthorisations)
      .where(
        and(
          eq(totpAuthorisations.subscriberCertificateId, h.certificateId),
          eq(totpAuthorisations.kind, 'sign'),
        ),
      );
    assert.equal(row!.remaining, 3 - ok);
    assert.ok(row!.remaining >= 0);
  });

  it('lapses after TEKEN_TOTP_MINUTES, and the purge wipes the key', async () => {
    const h = await holder();
    const { code } = await signingCode(h, 3);
    clock += 6 * 60_000;
    try {
      await assert.rejects(openTotpKey(ctx(), { client: clientA, holder: { nik: h.nik }, code }), {
        code: 'ERR_TOTP_SPENT',
      });
      await purgeExpiredTotpAuthorisations(server.rt.db, new Date(clock));
      const [row] = await server.rt.db
        .select()
        .from(totpAuthorisations)
        .where(
          and(
            eq(totpAuthorisations.subscriberCertificateId, h.certificateId),
            eq(totpAuthorisations.kind, 'sign'),
          ),
        );
      assert.equal(row!.sealedKey, null);
      assert.equal(row!.state, 'ended');
    } finally {
      clock = Date.now();
    }
  });

  it('refuses another institution’s client, bad input in BSrE’s shape, and a refused request makes no code', async () => {
    const h = await holder();
    const other = json(await post('/api/v2/sign/get/totp', { nik: h.nik, data: 1 }, basicB), 404);
    assert.equal(other['status'], false);
    assert.equal(other['error'], 'User tidak terdaftar');
    assert.equal(other['status_code'], 2011);
    await assert.rejects(openTotpKey(ctx(), { client: clientB, holder: { nik: h.nik }, code: '12345678' }), {
      code: 'ERR_SUBSCRIBER_CERT_NOT_FOUND',
    });
    for (const body of [
      { nik: h.nik, data: 0 },
      { nik: h.nik, data: 'tiga' },
      { nik: h.nik },
      { nik: '123', data: 1 },
      {},
    ]) {
      const bad = json(await post('/api/v2/sign/get/totp', body), 400);
      assert.equal(bad['status'], false);
      assert.equal(bad['code'], 'ERR_INPUT_INVALID');
    }
    const unauthenticated = await post('/api/v2/sign/get/totp', { nik: h.nik, data: 1 }, 'Basic eDp5');
    assert.equal(unauthenticated.statusCode, 401);
    // Refusal: the link is used, the request ends, nothing is sealed.
    const since = smtp.received.length;
    json(await post('/api/v2/sign/get/totp', { nik: h.nik, data: 1 }));
    const token = await approvalToken(h.email, since);
    const refused = await server.web.app.inject({
      method: 'POST',
      url: '/api/v1/totp-approval/refuse',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(refused.statusCode, 204, refused.body);
    assert.equal((await approve(token)).statusCode, 410);
    const rows = await server.rt.db
      .select()
      .from(totpAuthorisations)
      .where(eq(totpAuthorisations.subscriberCertificateId, h.certificateId));
    assert.deepEqual(
      rows.map((r) => [r.state, r.sealedKey]),
      [['refused', null]],
    );
  });

  it('the seal: activation by the holder, "masih berlaku", batch codes for N documents, revoke ends all', async () => {
    const seal = await sealHolder();
    const since = smtp.received.length;
    const sent = json(await post('/api/v2/seal/get/activation', { idSubscriber: seal.idSubscriber }));
    assert.deepEqual(sent, { success: true, message: 'TOTP Aktivasi berhasil dikirim', data: null });
    // Another institution's client does not find the seal.
    assert.equal(
      (await post('/api/v2/seal/get/activation', { idSubscriber: seal.idSubscriber }, basicB)).statusCode,
      404,
    );
    assert.equal((await post('/api/v2/seal/get/activation', { idSubscriber: 'bukan-id' })).statusCode, 404);
    assert.equal((await post('/api/v2/seal/get/activation', {})).statusCode, 400);
    const token = await approvalToken(seal.email, since);
    const activation = json(await approve(token)) as { code: string; kind: string; documents: null };
    assert.equal(activation.kind, 'seal_activation');
    assert.match(activation.code, /^\d{16}$/);
    assert.equal(activation.documents, null);

    const still = json(
      await post('/api/v2/seal/get/activation', { idSubscriber: seal.idSubscriber, totp: activation.code }),
    );
    assert.equal(still['message'], 'TOTP Aktivasi masih berlaku');
    assert.equal(still['totp'], activation.code);
    assert.ok(new Date(String(still['expires'])).getTime() > Date.now() + 23 * 3_600_000);

    const batch = json(
      await post('/api/v2/seal/get/totp', {
        idSubscriber: seal.idSubscriber,
        data: 2,
        totp: activation.code,
      }),
    );
    assert.equal(batch['message'], 'TOTP berhasil dibuat');
    assert.match(String(batch['totp']), /^\d{16}$/);
    assert.ok(new Date(String(batch['expires'])).getTime() <= Date.now() + 5 * 60_000 + 1000);
    assert.equal(
      (
        await post(
          '/api/v2/seal/get/totp',
          { idSubscriber: seal.idSubscriber, data: 2, totp: activation.code },
          basicB,
        )
      ).statusCode,
      404,
    );
    const opened = await openSealKey(ctx(), clientA, {
      idSubscriber: seal.idSubscriber,
      code: batch['totp'],
      documents: 2,
    });
    assert.ok(signs(opened.privateKey, seal.pem), 'the batch code opens the seal’s key');
    await assert.rejects(
      openSealKey(ctx(), clientA, { idSubscriber: seal.idSubscriber, code: batch['totp'] }),
      {
        code: 'ERR_TOTP_SPENT',
      },
    );
    const second = json(
      await post('/api/v2/seal/get/totp', {
        idSubscriber: seal.idSubscriber,
        data: 5,
        totp: activation.code,
      }),
    );
    const wrongRevoke = await post('/api/v2/seal/revoke/activation', {
      idSubscriber: seal.idSubscriber,
      totp: '0'.repeat(16),
    });
    assert.equal(wrongRevoke.statusCode, 403, wrongRevoke.body);
    assert.deepEqual(
      json(
        await post('/api/v2/seal/revoke/activation', {
          idSubscriber: seal.idSubscriber,
          totp: activation.code,
        }),
      ),
      { success: true, message: 'TOTP Aktivasi berhasil dicabut', data: null },
    );
    assert.equal(
      (
        await post('/api/v2/seal/get/totp', {
          idSubscriber: seal.idSubscriber,
          data: 1,
          totp: activation.code,
        })
      ).statusCode,
      403,
    );
    await assert.rejects(
      openSealKey(ctx(), clientA, { idSubscriber: seal.idSubscriber, code: second['totp'] }),
      {
        code: 'ERR_TOTP_INVALID',
      },
    );
    const rows = await server.rt.db
      .select()
      .from(totpAuthorisations)
      .where(eq(totpAuthorisations.subscriberCertificateId, seal.idSubscriber));
    assert.ok(
      rows.every((r) => r.sealedKey === null),
      'revoking wipes the activation’s and its batches’ keys',
    );
    // An expired or revoked activation given again: a new approval link is mailed.
    const since2 = smtp.received.length;
    assert.equal(
      json(
        await post('/api/v2/seal/get/activation', { idSubscriber: seal.idSubscriber, totp: activation.code }),
      )['message'],
      'TOTP Aktivasi berhasil dikirim',
    );
    await approvalToken(seal.email, since2);
  });
});
