/**
 * The HTTP routes of Daftar Sertifikat Elektronik through the real storage, judged by OpenSSL:
 * the list with its Aksi, Info, Unduh (PEM with the chain verified by `openssl verify`, DER),
 * Ubah passphrase (a wrong old one counted, then the key locked even for the right one), the
 * self-service keystore refused without the institution's policy and opened by `openssl pkcs12`
 * with it, the RA's DOWNLOAD_KEYSTORE link and its public routes (token in body or Bearer).
 * Another subscriber sees nothing; the holder's RA reads but changes nothing; another
 * institution's RA sees nothing.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import {
  accounts,
  auditEvents,
  institutions,
  outbox,
  registrations,
  subscriberCertificates,
} from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { currentTotp } from '../../src/identity/totp.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { ApiClient } from '../helpers/api-client.js';
import { caFixture, type CaFixture } from '../helpers/ca-fixture.js';
import { openssl, runTool } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';

const PASSWORD = 'Kata-Sandi-Panjang-1';
const PASSPHRASE = 'Rahasia#2026';
const NEW_PASSPHRASE = 'Baru-Rahasia#2027';
const FAILURES = 3;

interface Item {
  id: string;
  commonName: string;
  enrollMethod: string;
  productLabel: string;
  validUntilText: string;
  status: string;
  note: string | null;
  serial: string;
  actions: string[];
}

describe('certificate routes (Daftar Sertifikat Elektronik)', () => {
  let fx: CaFixture;
  let app: FastifyInstance;
  let clock = Date.now();
  let ip = 0;
  let n = 0;
  let instA: string;
  let instB: string;

  const signIn = async (account: AccountRow) => {
    const client = new ApiClient(app, `10.78.0.${++ip}`);
    await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, (clock += 30_000)));
    return client;
  };

  /** A file route's bytes (inject's `rawPayload`), with the client's cookie and CSRF token. */
  const file = async (
    client: ApiClient | undefined,
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.inject({
      method,
      url,
      remoteAddress: client?.ip ?? '10.78.1.1',
      headers: {
        ...(client?.cookie ? { cookie: client.cookie } : {}),
        ...(client?.csrf && method === 'POST' ? { 'x-csrf-token': client.csrf } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
    return response;
  };

  async function subscriber(institutionId: string, domain: string): Promise<AccountRow> {
    const person = syntheticPerson();
    const { accountId } = await addSubscriber(enrollmentContextOf(fx.rt), 'test', {
      institutionId,
      fullName: person.fullName,
      email: `daftar${++n}.${crypto.randomBytes(3).toString('hex')}@${domain}`,
      nik: person.nik,
      nip: person.nip,
      phone: person.phone,
      verified: true,
    });
    await fx.rt.db
      .update(registrations)
      .set({ jabatan: 'Analis Kebijakan', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    await fx.rt.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(accounts.id, accountId));
    const [row] = await fx.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    return row!;
  }

  /** A verified subscriber with an issued eSign certificate under PASSPHRASE. */
  async function holderWithCertificate(institutionId: string, domain: string) {
    const holder = await subscriber(institutionId, domain);
    const ctx = certificatesContextOf(fx.rt);
    const { id: requestId } = await requestCertificate(ctx, holder, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, requestId);
    const issued = await setPassphraseAsOperator(ctx, 'test', requestId, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    return { holder, certificateId: issued.id, serial: issued.certificate.serialHex };
  }

  const officer = (institutionId: string) =>
    createTestAccount(fx.rt, {
      prefix: 'ra-daftar',
      n: ++n,
      name: 'RA Daftar',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });

  const sealedKeyOf = async (id: string) =>
    Buffer.from(
      (await fx.rt.db.select().from(subscriberCertificates).where(eq(subscriberCertificates.id, id)))[0]!
        .sealedKey,
    );

  before(async () => {
    fx = await caFixture({
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_PASSPHRASE_FAILURES: String(FAILURES),
    });
    ({ app } = await buildApp(fx.rt, { now: () => clock }));
    const make = async (name: string, domain: string) =>
      (
        await createInstitution(
          fx.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { fourEyes: false } },
        )
      ).id;
    instA = await make('Dinas Daftar Sertifikat', 'daftar.go.id');
    instB = await make('Dinas Daftar Lain', 'daftar-lain.go.id');
  });

  it('lists, shows Info and gives the certificate with its chain to its holder', async () => {
    const { holder, certificateId, serial } = await holderWithCertificate(instA, 'daftar.go.id');
    const me = await signIn(holder);
    const list = await me.get<{ certificates: Item[] }>('/api/v1/certificates');
    assert.equal(list.status, 200);
    assert.equal(list.body.certificates.length, 1);
    const [item] = list.body.certificates;
    assert.equal(item!.id, certificateId);
    assert.equal(item!.status, 'Issued');
    assert.equal(item!.enrollMethod, 'Esign');
    assert.equal(item!.commonName, holder.fullName);
    assert.match(item!.validUntilText, /^\w+, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB$/);
    assert.equal(item!.note, null);
    // The policy keeps the keystore off by default; renewal is not due for a year.
    assert.deepEqual(item!.actions, ['download', 'info', 'changePassphrase', 'resetPassphrase', 'revoke']);

    const pem = await file(me, 'POST', `/api/v1/certificates/${certificateId}/download`, { format: 'pem' });
    assert.equal(pem.statusCode, 200);
    assert.match(String(pem.headers['content-type']), /application\/x-pem-file/);
    assert.match(
      String(pem.headers['content-disposition']),
      /^attachment; filename="sertifikat-[0-9a-f]+\.pem"$/,
    );
    assert.equal(pem.headers['cache-control'], 'no-store');
    const pemFile = fx.write('rute.pem', pem.rawPayload);
    assert.match(
      openssl(['verify', '-x509_strict', '-CAfile', fx.caPem('root'), '-untrusted', pemFile, pemFile]),
      /: OK/,
    );
    const der = await file(me, 'POST', `/api/v1/certificates/${certificateId}/download`, { format: 'der' });
    assert.equal(der.statusCode, 200);
    assert.match(
      openssl(['x509', '-inform', 'DER', '-in', fx.write('rute.der', der.rawPayload), '-noout', '-serial']),
      new RegExp(`serial=${serial.toUpperCase()}`),
    );
    for (const bad of [{}, { format: 'p7b' }, { format: 'pem', x: 1 }])
      assert.equal(
        (await me.post(`/api/v1/certificates/${certificateId}/download`, bad)).status,
        400,
        JSON.stringify(bad),
      );
    // A GET records nothing: there is no such route, so Catatan stays empty until the POSTs above.
    assert.equal((await me.get(`/api/v1/certificates/${certificateId}/download?format=pem`)).status, 404);

    const info = await me.get<{
      serial: string;
      issuer: string;
      sha256Fingerprint: string;
      keyUsages: string[];
      status: string;
      history: { event: string }[];
    }>(`/api/v1/certificates/${certificateId}`);
    assert.equal(info.status, 200);
    assert.equal(info.body.serial.toLowerCase().replace(/:/g, ''), serial);
    assert.equal(
      info.body.sha256Fingerprint.replace(/:/g, ''),
      crypto.createHash('sha256').update(der.rawPayload).digest('hex').toUpperCase(),
    );
    assert.ok(info.body.keyUsages.includes('nonRepudiation'), info.body.keyUsages.join());
    assert.equal(info.body.status, 'Issued');
    assert.deepEqual(
      info.body.history.map((h) => h.event),
      ['issued'],
    );
    // Catatan records the download.
    const after = await me.get<{ certificates: Item[] }>('/api/v1/certificates');
    assert.match(after.body.certificates[0]!.note ?? '', /^Telah di unduh @ \d{1,2} \w+ \d{4}$/);
    assert.equal(
      (
        await fx.rt.db
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.action, 'subscriber_certificate.downloaded'),
              eq(auditEvents.target, `subscriber_certificate:${certificateId}`),
            ),
          )
      ).length,
      2,
    );
    // Without a session nothing answers.
    const anon = new ApiClient(app, '10.78.2.1');
    assert.equal((await anon.get('/api/v1/certificates')).status, 401);
    assert.equal((await anon.get(`/api/v1/certificates/${certificateId}`)).status, 401);
  });

  it('shows another subscriber nothing; the holder’s RA reads but changes nothing; another RA sees nothing', async () => {
    const { holder, certificateId } = await holderWithCertificate(instA, 'daftar.go.id');
    const before = await sealedKeyOf(certificateId);
    const change = { oldPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE, confirmation: NEW_PASSPHRASE };
    const neighbour = await signIn(await subscriber(instA, 'daftar.go.id'));
    const raA = await signIn(await officer(instA));
    const raB = await signIn(await officer(instB));
    for (const stranger of [neighbour, raB]) {
      assert.equal(
        (await stranger.get(`/api/v1/certificates?accountId=${holder.id}`)).body.code,
        'ERR_SUBSCRIBER_CERT_NOT_FOUND',
      );
      assert.equal((await stranger.get(`/api/v1/certificates/${certificateId}`)).status, 404);
      assert.equal(
        (await stranger.post(`/api/v1/certificates/${certificateId}/download`, { format: 'pem' })).status,
        404,
      );
      assert.equal(
        (await stranger.post(`/api/v1/certificates/${certificateId}/passphrase`, change)).status,
        404,
      );
      assert.equal(
        (await stranger.post(`/api/v1/certificates/${certificateId}/keystore`, { passphrase: PASSPHRASE }))
          .status,
        404,
      );
    }
    // Their own list is empty (nothing of the holder's leaks into it).
    assert.deepEqual((await neighbour.get('/api/v1/certificates')).body, { certificates: [] });
    assert.equal(
      (await raB.post(`/api/v1/ra/certificates/${certificateId}/keystore-link`)).body.code,
      'ERR_SUBSCRIBER_CERT_NOT_FOUND',
    );
    assert.equal(
      (await neighbour.post(`/api/v1/ra/certificates/${certificateId}/keystore-link`)).status,
      403,
    );

    // The holder's RA reads the list (Unduh and Info only) but changes nothing.
    const staffList = await raA.get<{ certificates: Item[] }>(`/api/v1/certificates?accountId=${holder.id}`);
    assert.equal(staffList.status, 200);
    assert.deepEqual(staffList.body.certificates[0]!.actions, ['download', 'info']);
    assert.equal((await raA.get(`/api/v1/certificates/${certificateId}`)).status, 200);
    assert.equal(
      (await raA.post(`/api/v1/certificates/${certificateId}/passphrase`, change)).body.code,
      'ERR_AUTH_FORBIDDEN',
    );
    assert.equal(
      (await raA.post(`/api/v1/certificates/${certificateId}/keystore`, { passphrase: PASSPHRASE })).body
        .code,
      'ERR_AUTH_FORBIDDEN',
    );
    // A staff download is audited but is not the holder's Catatan.
    assert.equal(
      (await file(raA, 'POST', `/api/v1/certificates/${certificateId}/download`, { format: 'der' }))
        .statusCode,
      200,
    );
    const holderView = await (await signIn(holder)).get<{ certificates: Item[] }>('/api/v1/certificates');
    assert.equal(holderView.body.certificates[0]!.note, null);
    assert.deepEqual(await sealedKeyOf(certificateId), before);
  });

  it('changes the passphrase; a wrong old one is counted and locks the key at the limit', async () => {
    const { holder, certificateId } = await holderWithCertificate(instA, 'daftar.go.id');
    const me = await signIn(holder);
    const url = `/api/v1/certificates/${certificateId}/passphrase`;
    const before = await sealedKeyOf(certificateId);
    // Bad input changes nothing and costs no attempt.
    const mismatch = await me.post(url, {
      oldPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      confirmation: `${NEW_PASSPHRASE}x`,
    });
    assert.equal(mismatch.status, 400);
    assert.equal(
      (await me.post(url, { oldPassphrase: PASSPHRASE, newPassphrase: 'lemah', confirmation: 'lemah' })).body
        .code,
      'ERR_PASSPHRASE_POLICY',
    );
    assert.equal(
      (await me.post(url, { oldPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE })).status,
      400,
    );
    assert.deepEqual(await sealedKeyOf(certificateId), before);

    const wrong = await me.post<{ code: string; details: { failuresLeft: number } }>(url, {
      oldPassphrase: 'Salah#0000',
      newPassphrase: NEW_PASSPHRASE,
      confirmation: NEW_PASSPHRASE,
    });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.code, 'ERR_PASSPHRASE_WRONG');
    assert.equal(wrong.body.details.failuresLeft, FAILURES - 1);
    const ok = await me.post(url, {
      oldPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      confirmation: NEW_PASSPHRASE,
    });
    assert.equal(ok.status, 204);
    assert.notDeepEqual(await sealedKeyOf(certificateId), before);
    const info = await me.get<{ history: { event: string }[] }>(`/api/v1/certificates/${certificateId}`);
    assert.deepEqual(
      info.body.history.map((h) => h.event),
      ['issued', 'passphrase_changed'],
    );

    // Wrong guesses up to the limit lock the key: then even the right passphrase is refused.
    const guesses: string[] = [];
    for (let i = 0; i < FAILURES; i++)
      guesses.push(
        (
          await me.post<{ code: string }>(url, {
            oldPassphrase: `Salah#000${i}`,
            newPassphrase: PASSPHRASE,
            confirmation: PASSPHRASE,
          })
        ).body.code,
      );
    assert.deepEqual(guesses, [
      ...Array<string>(FAILURES - 1).fill('ERR_PASSPHRASE_WRONG'),
      'ERR_PASSPHRASE_LOCKED',
    ]);
    const locked = await me.post<{ code: string; details: { retryAfterSeconds?: number } }>(url, {
      oldPassphrase: NEW_PASSPHRASE,
      newPassphrase: PASSPHRASE,
      confirmation: PASSPHRASE,
    });
    assert.equal(locked.body.code, 'ERR_PASSPHRASE_LOCKED');
    assert.ok(Number(locked.body.details.retryAfterSeconds) > 0);
    // The lock covers every path that takes the passphrase: the keystore too.
    await fx.rt.db.update(institutions).set({ keystoreSelfService: true }).where(eq(institutions.id, instA));
    try {
      assert.equal(
        (await me.post(`/api/v1/certificates/${certificateId}/keystore`, { passphrase: NEW_PASSPHRASE })).body
          .code,
        'ERR_PASSPHRASE_LOCKED',
      );
    } finally {
      await fx.rt.db
        .update(institutions)
        .set({ keystoreSelfService: false })
        .where(eq(institutions.id, instA));
    }
    const mails = await fx.rt.db
      .select({ template: outbox.template })
      .from(outbox)
      .where(eq(outbox.accountId, holder.id));
    assert.ok(mails.some((m) => m.template === 'passphrase-changed'));
    assert.ok(mails.some((m) => m.template === 'passphrase-locked'));
  });

  it('refuses the self-service keystore without the policy, gives one OpenSSL opens with it', async () => {
    const { holder, certificateId } = await holderWithCertificate(instB, 'daftar-lain.go.id');
    const me = await signIn(holder);
    const url = `/api/v1/certificates/${certificateId}/keystore`;
    const refused = await me.post(url, { passphrase: PASSPHRASE });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'ERR_AUTH_FORBIDDEN');
    await fx.rt.db.update(institutions).set({ keystoreSelfService: true }).where(eq(institutions.id, instB));
    const list = await me.get<{ certificates: Item[] }>('/api/v1/certificates');
    assert.ok(list.body.certificates[0]!.actions.includes('keystore'));
    const wrong = await file(me, 'POST', url, { passphrase: 'Salah#0000' });
    assert.equal(wrong.statusCode, 403);
    assert.equal((JSON.parse(wrong.body) as { code: string }).code, 'ERR_PASSPHRASE_WRONG');
    const p12 = await file(me, 'POST', url, { passphrase: PASSPHRASE });
    assert.equal(p12.statusCode, 200);
    assert.equal(p12.headers['content-type'], 'application/x-pkcs12');
    assert.match(
      String(p12.headers['content-disposition']),
      /^attachment; filename="keystore-[0-9a-f]+\.p12"$/,
    );
    const p12File = fx.write('rute.p12', p12.rawPayload);
    const opened = runTool(
      'openssl',
      ['pkcs12', '-in', p12File, '-noenc', '-passin', 'env:P12PASS'],
      undefined,
      {
        ...process.env,
        P12PASS: PASSPHRASE,
      },
    );
    assert.equal(opened.status, 0, opened.stderr);
    assert.match(opened.stdout, /BEGIN PRIVATE KEY/);
    assert.equal(opened.stdout.match(/BEGIN CERTIFICATE/g)?.length, 3, 'certificate, issuing CA, root');
    const noted = await me.get<{ certificates: Item[] }>('/api/v1/certificates');
    assert.match(noted.body.certificates[0]!.note ?? '', /^Telah di unduh @ /);

    // Suspended by the RA: no keystore and no Ubah passphrase (refused before the passphrase is
    // tried), and Aksi says so.
    const ra = await signIn(await officer(instB));
    const suspended = await ra.post(`/api/v1/ra/certificates/${certificateId}/suspend`, {
      note: 'Diperiksa oleh RA',
    });
    assert.equal(suspended.status, 200);
    const now = await me.get<{ certificates: Item[] }>('/api/v1/certificates');
    assert.equal(now.body.certificates[0]!.status, 'Suspended');
    assert.deepEqual(now.body.certificates[0]!.actions, ['download', 'info', 'revoke']);
    const change = await me.post(`/api/v1/certificates/${certificateId}/passphrase`, {
      oldPassphrase: 'Salah#0000',
      newPassphrase: NEW_PASSPHRASE,
      confirmation: NEW_PASSPHRASE,
    });
    assert.equal(change.status, 409);
    assert.equal(change.body.code, 'ERR_SUBSCRIBER_CERT_STATE');
    const failuresBefore = await fx.rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'subscriber_certificate.passphrase_wrong'));
    const refusedState = await me.post(url, { passphrase: 'Salah#0000' });
    assert.equal(refusedState.status, 409);
    assert.equal(refusedState.body.code, 'ERR_SUBSCRIBER_CERT_STATE');
    assert.equal((await me.post(url, { passphrase: PASSPHRASE })).body.code, 'ERR_SUBSCRIBER_CERT_STATE');
    const failuresAfter = await fx.rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'subscriber_certificate.passphrase_wrong'));
    assert.equal(failuresAfter.length, failuresBefore.length, 'no passphrase tried');
  });

  it('sends a DOWNLOAD_KEYSTORE link from Tinjau Ulang; the public page reads and redeems it once', async () => {
    const { holder, certificateId, serial } = await holderWithCertificate(instA, 'daftar.go.id');
    const ra = await signIn(await officer(instA));
    const sent = await ra.post<{ expiresAt: string }>(
      `/api/v1/ra/certificates/${certificateId}/keystore-link`,
    );
    assert.equal(sent.status, 200);
    assert.ok(Date.parse(sent.body.expiresAt) > Date.now());
    const [row] = await fx.rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, holder.id), eq(outbox.template, 'download-keystore')))
      .orderBy(desc(outbox.createdAt));
    const message = await readOutboxMessage(
      fx.rt.db,
      fx.rt.masterKey,
      row!.id,
      fx.rt.config.organisationName,
      fx.rt.notify.templates,
    );
    const token = /\/keystore#([A-Za-z0-9_-]{43})/.exec(message!.content!.text)?.[1];
    assert.ok(token, message!.content!.text);

    const anon = new ApiClient(app, '10.78.3.1');
    assert.equal(
      (await anon.post('/api/v1/keystore-link', { token: 'x'.repeat(43) })).body.code,
      'ERR_LINK_INVALID',
    );
    assert.equal((await anon.post('/api/v1/keystore-link', {})).body.code, 'ERR_LINK_INVALID');
    const read = await anon.post<{
      certificateId: string;
      commonName: string;
      serial: string;
      validUntilText: string;
    }>('/api/v1/keystore-link', {}, { authorization: `Bearer ${token}` });
    assert.equal(read.status, 200);
    assert.equal(read.body.certificateId, certificateId);
    assert.equal(read.body.serial, serial);
    assert.equal(read.body.commonName, holder.fullName);
    assert.match(read.body.validUntilText, / WIB$/);
    // A wrong passphrase is counted and leaves the link usable.
    const wrong = await file(undefined, 'POST', '/api/v1/keystore-link/download', {
      token,
      passphrase: 'Salah#0000',
    });
    assert.equal((JSON.parse(wrong.body) as { code: string }).code, 'ERR_PASSPHRASE_WRONG');
    const p12 = await file(
      undefined,
      'POST',
      '/api/v1/keystore-link/download',
      { passphrase: PASSPHRASE },
      { authorization: `Bearer ${token}` },
    );
    assert.equal(p12.statusCode, 200);
    assert.equal(p12.headers['content-type'], 'application/x-pkcs12');
    const opened = runTool(
      'openssl',
      ['pkcs12', '-in', fx.write('link.p12', p12.rawPayload), '-noenc', '-passin', 'env:P12PASS'],
      undefined,
      { ...process.env, P12PASS: PASSPHRASE },
    );
    assert.equal(opened.status, 0, opened.stderr);
    // Used once.
    const again = await anon.post('/api/v1/keystore-link/download', { token, passphrase: PASSPHRASE });
    assert.ok(again.status === 404 || again.status === 410, String(again.status));
  });
});
