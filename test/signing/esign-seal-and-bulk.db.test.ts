/**
 * The organisation seal's `POST /api/v2/seal/pdf` over HTTP Basic of the institution's API client:
 * activation (the seal's holder approves by e-mail link with the passphrase), a batch code from
 * `seal/get/totp` for N documents, N documents sealed (pdfsig and openssl judge them; the signer is
 * the institution's eSeal certificate), the N+1st refused; a wrong code, another institution's
 * client and bad input answered in BSrE's shape. And the all-or-nothing of a v2 bulk call: one bad
 * PDF among good ones fails the call, records and keeps nothing, and gives a code its documents
 * back.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, eq, gt, sql } from 'drizzle-orm';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { auditEvents, signedDocuments, totpAuthorisations } from '../../src/db/schema.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { linkInMail, waitForMail } from '../helpers/mailbox.js';
import { PASSPHRASE, signingFixture } from '../helpers/signing-fixture.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

describe('eSign v2: the seal (seal/pdf) and all-or-nothing bulk calls', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let smtp: TestSmtpServer;
  let pdf64: string;
  const bad64 = Buffer.from('%PDF-1.7\n1 0 obj rusak').toString('base64');
  let n = 0;
  before(async () => {
    smtp = await startSmtpServer();
    f = await signingFixture({ TEKEN_SMTP_URL: smtp.url, TEKEN_ESEAL_KEY: 'p256' });
    pdf64 = Buffer.from(await pdfLibDocument(1, 'Surat keputusan #')).toString('base64');
  });

  const post = (url: string, body: unknown, authorization = f.a.basic) =>
    f.server.web.app.inject({
      method: 'POST',
      url,
      headers: { authorization, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const json = (r: { statusCode: number; body: string }, status = 200) => {
    assert.equal(r.statusCode, status, r.body);
    return JSON.parse(r.body) as Record<string, unknown>;
  };
  /** BSrE's error shape: a 400 with `error` and `message` the same text, and `status: false`. */
  const bsreError = (r: { statusCode: number; body: string }) => {
    assert.equal(r.statusCode, 400, r.body);
    const body = JSON.parse(r.body) as {
      status: boolean;
      error: string;
      message: string;
      status_code: number;
    };
    assert.equal(body.status, false);
    assert.equal(body.error, body.message);
    return body;
  };
  const approve = (token: string) =>
    f.server.web.app.inject({
      method: 'POST',
      url: '/api/v1/totp-approval/approve',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ passphrase: PASSPHRASE }),
    });
  const ctx = () => certificatesContextOf(f.rt);

  /** An institution admin of A holding an issued eSeal certificate. */
  async function sealOf() {
    const admin = await createTestAccount(f.rt, {
      prefix: `segel${crypto.randomBytes(3).toString('hex')}-`,
      n: ++n,
      name: 'Admin Segel',
      roles: ['institution_admin'],
      institutionId: f.a.id,
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

  /** seal/get/activation, the holder's approval by the mailed link: the activation code. */
  async function activationOf(seal: { email: string; idSubscriber: string }) {
    const since = smtp.received.length;
    json(await post('/api/v2/seal/get/activation', { idSubscriber: seal.idSubscriber }));
    const mail = await waitForMail(smtp, seal.email, /Persetujuan Tanda Tangan/, { since });
    const token = linkInMail(mail, f.rt.config.publicUrl, '/persetujuan').split('#')[1]!;
    return String(json(await approve(token))['code']);
  }
  const batchOf = async (idSubscriber: string, activation: string, data: number) =>
    String(json(await post('/api/v2/seal/get/totp', { idSubscriber, data, totp: activation }))['totp']);

  const signedCount = async (certificateId: string) =>
    (
      await f.rt.db
        .select({ n: sql<number>`count(*)::int` })
        .from(signedDocuments)
        .where(eq(signedDocuments.subscriberCertificateId, certificateId))
    )[0]!.n;
  const signedAudits = async (since: Date) =>
    (
      await f.rt.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'signed_document.signed'), gt(auditEvents.occurredAt, since)))
    )[0]!.n;

  it('seals N documents with a batch code for N; the signer is the eSeal certificate; the N+1st is refused', async () => {
    const seal = await sealOf();
    const activation = await activationOf(seal);
    const code = await batchOf(seal.idSubscriber, activation, 3);
    const r = await post('/api/v2/seal/pdf', {
      idSubscriber: seal.idSubscriber,
      totp: code,
      file: [pdf64, pdf64],
      signatureProperties: [
        { tampilan: 'INVISIBLE', reason: 'Segel instansi', location: 'Bandung' },
        { tampilan: 'VISIBLE', tag_koordinat: '#', reason: '', location: null },
      ],
    });
    const body = json(r) as { time: number; file: string[]; id_dokumen: string[]; error?: unknown };
    assert.equal(body.error, undefined);
    assert.equal(typeof body.time, 'number');
    assert.equal(body.file.length, 2);
    const commonName = /CN=([^\n]+)/.exec(new crypto.X509Certificate(seal.pem).subject)![1]!;
    body.file.forEach((b64, i) => {
      const out = judgeSigned(f.judges, f.judges.dir, Buffer.from(b64, 'base64'), `seal-${i}`, 1);
      assert.ok(out.includes(`Signer Certificate Common Name: ${commonName}`), out);
    });
    // Recorded as the seal's, for the client's institution: downloadable once by its client.
    const [row] = await f.rt.db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.id, body.id_dokumen[0]!));
    assert.equal(row!.channel, 'seal');
    assert.equal(row!.subscriberCertificateId, seal.idSubscriber);
    assert.equal(row!.apiClientId, f.a.clientId);
    const download = await f.server.web.app.inject({
      method: 'GET',
      url: `/api/sign/download/${body.id_dokumen[0]}`,
      headers: { authorization: f.a.basic },
    });
    assert.equal(download.statusCode, 200);
    // The public look-up behind the QR code names it a seal, with the seal's name and the output's hash.
    for (const [i, id] of body.id_dokumen.entries()) {
      const lookUp = await f.server.web.app.inject({
        method: 'GET',
        url: `/api/public/verify/document/${id}`,
        remoteAddress: `10.89.0.${i + 1}`,
      });
      assert.equal(lookUp.statusCode, 200, lookUp.body);
      const record = lookUp.json<{ kind: string; signerName: string; sha256: string }>();
      assert.equal(record.kind, 'seal');
      assert.equal(record.signerName, commonName);
      assert.equal(
        record.sha256,
        crypto.createHash('sha256').update(Buffer.from(body.file[i]!, 'base64')).digest('hex'),
      );
    }
    // One left of three: a call for two is refused whole, and the one left still seals.
    const tooMany = bsreError(
      await post('/api/v2/seal/pdf', { idSubscriber: seal.idSubscriber, totp: code, file: [pdf64, pdf64] }),
    );
    assert.match(tooMany.error, /^Proses signing gagal : TOTP sudah kedaluwarsa/);
    json(await post('/api/v2/seal/pdf', { idSubscriber: seal.idSubscriber, otp: code, file: [pdf64] }));
    const spent = bsreError(
      await post('/api/v2/seal/pdf', { idSubscriber: seal.idSubscriber, totp: code, file: [pdf64] }),
    );
    assert.match(spent.error, /^Proses signing gagal :/);
    assert.equal(await signedCount(seal.idSubscriber), 3);
  });

  it("refuses a wrong code, another institution's client, a passphrase and bad input, in BSrE's shape", async () => {
    const seal = await sealOf();
    const activation = await activationOf(seal);
    const code = await batchOf(seal.idSubscriber, activation, 2);
    const wrong = bsreError(
      await post('/api/v2/seal/pdf', {
        idSubscriber: seal.idSubscriber,
        totp: '0'.repeat(16),
        file: [pdf64],
      }),
    );
    assert.match(wrong.error, /^Proses signing gagal : TOTP salah/);
    // The activation code is not a batch code.
    bsreError(
      await post('/api/v2/seal/pdf', { idSubscriber: seal.idSubscriber, totp: activation, file: [pdf64] }),
    );
    const foreign = bsreError(
      await post(
        '/api/v2/seal/pdf',
        { idSubscriber: seal.idSubscriber, totp: code, file: [pdf64] },
        f.b.basic,
      ),
    );
    assert.match(foreign.error, /^Proses signing gagal : idSubscriber: segel tidak ditemukan/);
    // The seal signs with its batch code only, never a person's passphrase.
    const passphrase = bsreError(
      await post('/api/v2/seal/pdf', {
        idSubscriber: seal.idSubscriber,
        passphrase: PASSPHRASE,
        file: [pdf64],
      }),
    );
    assert.match(passphrase.error, /^Proses signing gagal : totp wajib diisi/);
    for (const body of [
      {},
      { idSubscriber: seal.idSubscriber, totp: code },
      { idSubscriber: seal.idSubscriber, totp: code, file: ['***'] },
      { idSubscriber: seal.idSubscriber, totp: code, file: [pdf64], signatureProperties: [{}, {}] },
      { idSubscriber: 'bukan-id', totp: code, file: [pdf64] },
      { idSubscriber: seal.idSubscriber, totp: { kode: 1 }, file: [pdf64] },
      {
        idSubscriber: seal.idSubscriber,
        totp: code,
        file: [pdf64],
        signatureProperties: { tampilan: 'VISIBLE', page: 1, originX: 1, originY: 1, width: 9, height: 9 },
      },
    ])
      assert.ok(typeof bsreError(await post('/api/v2/seal/pdf', body)).error === 'string');
    assert.equal(
      (
        await post(
          '/api/v2/seal/pdf',
          { idSubscriber: seal.idSubscriber, totp: code, file: [pdf64] },
          'Basic eDp5',
        )
      ).statusCode,
      401,
    );
    // None of these took a document: both still seal.
    json(
      await post('/api/v2/seal/pdf', { idSubscriber: seal.idSubscriber, totp: code, file: [pdf64, pdf64] }),
    );
  });

  it('fails a bulk call whole when one PDF is bad: nothing recorded, kept or audited as signed (passphrase)', async () => {
    const h = await f.holder();
    const since = new Date(Date.now() - 1);
    const before = await signedAudits(since);
    const r = bsreError(
      await post('/api/v2/sign/pdf', { nik: h.nik, passphrase: PASSPHRASE, file: [pdf64, bad64, pdf64] }),
    );
    assert.match(r.error, /^Proses signing gagal :/);
    const rows = await f.rt.db
      .select()
      .from(signedDocuments)
      .where(eq(signedDocuments.accountId, h.accountId));
    assert.equal(rows.length, 0, 'the good document signed before the bad one is not recorded');
    assert.equal(await signedAudits(since), before);
    // The same documents without the bad one: all signed.
    const ok = json(
      await post('/api/v2/sign/pdf', { nik: h.nik, passphrase: PASSPHRASE, file: [pdf64, pdf64] }),
    );
    assert.equal((ok['file'] as string[]).length, 2);
  });

  it('gives a seal batch code its documents back when the call fails', async () => {
    const seal = await sealOf();
    const activation = await activationOf(seal);
    const code = await batchOf(seal.idSubscriber, activation, 3);
    bsreError(
      await post('/api/v2/seal/pdf', {
        idSubscriber: seal.idSubscriber,
        totp: code,
        file: [pdf64, pdf64, bad64],
      }),
    );
    assert.equal(await signedCount(seal.idSubscriber), 0);
    const [batch] = await f.rt.db
      .select()
      .from(totpAuthorisations)
      .where(
        and(
          eq(totpAuthorisations.subscriberCertificateId, seal.idSubscriber),
          eq(totpAuthorisations.kind, 'seal_batch'),
        ),
      );
    assert.equal(batch!.remaining, 3);
    const ok = json(
      await post('/api/v2/seal/pdf', {
        idSubscriber: seal.idSubscriber,
        totp: code,
        file: [pdf64, pdf64, pdf64],
      }),
    );
    assert.equal((ok['file'] as string[]).length, 3);
    assert.equal(await signedCount(seal.idSubscriber), 3);
  });
});
