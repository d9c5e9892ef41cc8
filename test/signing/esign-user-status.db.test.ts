/**
 * The eSign API's user status, v1 `GET /api/user/status/{nik}` and v2 `POST
 * /api/v2/user/check/status`, over HTTP Basic of an institution's API client: BSrE's body
 * (status_code 1111 only for ISSUE, the status where every client looks for it), the holder found
 * by NIK or e-mail at the client's institution only, bad input a 400 in BSrE's error shape.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { suspendCertificate } from '../../src/certificates/manage-certificate.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { accounts, registrations } from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';

const env = {
  TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
  TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
  TEKEN_ESIGN_KEY: 'p256',
  TEKEN_FAILURE_DELAY_MS: '0',
};

describe('eSign API: user status (v1 and v2)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let institutionA: string;
  let institutionB: string;
  let basicA: string;
  let n = 0;

  before(async () => {
    server = await startTestServer(env);
    const make = async (name: string, domain: string) =>
      (
        await createInstitution(
          server.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { fourEyes: false } },
        )
      ).id;
    institutionA = await make('Dinas Uji eSign', 'esign.go.id');
    institutionB = await make('Dinas Lain eSign', 'lain-esign.go.id');
    const client = await createApiClient(identityContextOf(server.rt), { operator: 'test' }, institutionA, {
      description: 'Aplikasi surat',
    });
    basicA = `Basic ${Buffer.from(`${client.username}:${client.secret}`).toString('base64')}`;
  });

  async function holder(institutionId = institutionA, domain = 'esign.go.id') {
    const person = syntheticPerson();
    const email = `pegawai${++n}.${crypto.randomBytes(3).toString('hex')}@${domain}`;
    const { accountId } = await addSubscriber(enrollmentContextOf(server.rt), 'test', {
      institutionId,
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
    return { account: account!, nik: person.nik, email };
  }

  async function issued(h: Awaited<ReturnType<typeof holder>>) {
    const ctx = certificatesContextOf(server.rt);
    const { id } = await requestCertificate(ctx, h.account, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, id);
    return setPassphraseAsOperator(ctx, 'test', id, {
      passphrase: 'Rahasia#2026',
      agreementVersion: subscriberAgreement().version,
    });
  }

  const v1 = (nik: string, authorization = basicA) =>
    server.web.app.inject({
      method: 'GET',
      url: `/api/user/status/${encodeURIComponent(nik)}`,
      headers: { authorization },
    });
  const v2 = (body: unknown, authorization = basicA) =>
    server.web.app.inject({
      method: 'POST',
      url: '/api/v2/user/check/status',
      headers: { authorization, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const statusOf = (response: { statusCode: number; body: string }) => {
    assert.equal(response.statusCode, 200, response.body);
    return JSON.parse(response.body) as {
      status_code: number;
      message: string;
      status: string;
      userStatus: string;
      data: { status: string };
    };
  };

  it('answers 1111 and ISSUE for a holder with a certificate, by NIK and by e-mail, in every field clients read', async () => {
    const h = await holder();
    await issued(h);
    const expected = {
      status_code: 1111,
      message: 'Status Sertifikat Anda ISSUE',
      status: 'ISSUE',
      userStatus: 'ISSUE',
      data: { status: 'ISSUE' },
    };
    assert.deepEqual(statusOf(await v1(h.nik)), expected);
    assert.deepEqual(statusOf(await v2({ nik: h.nik })), expected);
    assert.deepEqual(statusOf(await v2({ email: h.email.toUpperCase() })), expected);
    // Clients send the NIK as a number, with "null" e-mails, or both keys (the NIK decides).
    assert.deepEqual(statusOf(await v2({ nik: Number(h.nik), email: 'null' })), expected);
    assert.deepEqual(statusOf(await v2({ nik: h.nik, email: 'orang.lain@esign.go.id' })), expected);
    assert.deepEqual(statusOf(await v2({ nik: '', email: h.email })), expected);
  });

  it('answers the other statuses with a code other than 1111', async () => {
    const none = await holder();
    assert.deepEqual(statusOf(await v1(none.nik)), {
      status_code: 2021,
      message: 'Status Sertifikat Anda NO_CERTIFICATE',
      status: 'NO_CERTIFICATE',
      userStatus: 'NO_CERTIFICATE',
      data: { status: 'NO_CERTIFICATE' },
    });
    const waiting = await holder();
    await requestCertificate(certificatesContextOf(server.rt), waiting.account, { product: 'esign' });
    assert.equal(statusOf(await v2({ nik: waiting.nik })).status, 'WAITING_FOR_VERIFICATION');

    const held = await holder();
    const cert = await issued(held);
    const officer = await createTestAccount(server.rt, {
      prefix: 'ra-esign',
      n: 1,
      name: 'RA',
      roles: ['ra_officer'],
      institutionId: institutionA,
      password: 'Kata-Sandi-Panjang-1',
    });
    await suspendCertificate(certificatesContextOf(server.rt), officer, cert.id, {
      note: 'Sedang diperiksa',
    });
    const suspended = statusOf(await v1(held.nik));
    assert.equal(suspended.status, 'SUSPEND');
    assert.equal(suspended.status_code, 2021);
  });

  it('reads a holder of another institution, and an unknown NIK, as not registered (2011)', async () => {
    const other = await holder(institutionB, 'lain-esign.go.id');
    await issued(other);
    const notRegistered = {
      status_code: 2011,
      message: 'User tidak terdaftar',
      status: 'NOT_REGISTERED',
      userStatus: 'NOT_REGISTERED',
      data: { status: 'NOT_REGISTERED' },
    };
    assert.deepEqual(statusOf(await v1(other.nik)), notRegistered);
    assert.deepEqual(statusOf(await v2({ email: other.email })), notRegistered);
    assert.deepEqual(statusOf(await v1(syntheticPerson().nik)), notRegistered);
  });

  it('refuses bad input with a 400 in BSrE’s error shape, and an unknown client with a 401', async () => {
    for (const response of [
      await v1('12345'),
      await v1('abcdefghijklmnop'),
      await v2({}),
      await v2({ nik: 'null', email: '' }),
      await v2({ email: 'bukan-email' }),
      await v2({ nik: ['3201'] }),
      await v2([]),
    ]) {
      assert.equal(response.statusCode, 400, response.body);
      const body = JSON.parse(response.body) as Record<string, unknown>;
      assert.equal(body.status, false);
      assert.equal(body.status_code, 400);
      assert.equal(typeof body.error, 'string');
      assert.equal(body.message, body.error);
    }
    const wrong = await v1(syntheticPerson().nik, `Basic ${Buffer.from('klien:salah').toString('base64')}`);
    assert.equal(wrong.statusCode, 401);
    assert.equal((JSON.parse(wrong.body) as { status_code: number }).status_code, 401);
  });
});
