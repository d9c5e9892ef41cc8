/**
 * The verify endpoints over HTTP: eSign v2 `POST /api/v2/verify/pdf` (HTTP Basic of an API client,
 * BSrE's JSON shape, JSON booleans, Content-Type application/json, an unsigned PDF as
 * signatureCount 0, bad input a 400 in BSrE's error shape) and the public "Verifikasi PDF"
 * `POST /api/public/verify/pdf` (+ `/report`, a PDF) with its per-address quota. The test PKI's
 * root is trusted through TEKEN_TRUST_ANCHORS.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import { signPdf } from '../../src/signing/pades/sign-pdf.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { testTsa } from '../helpers/pades-tsa.js';
import { runTool } from '../helpers/run-tool.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const quota = 6;

describe('verify endpoints (eSign v2 and the public page)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let pki: PadesPki;
  let basic: string;
  let signed: Uint8Array;
  let unsigned: Uint8Array;

  before(async () => {
    pki = makePadesPki();
    server = await startTestServer({
      TEKEN_TRUST_ANCHORS: pki.root.certFile,
      TEKEN_VERIFY_REQUESTS_PER_MINUTE: String(quota),
    });
    const institution = await createInstitution(
      server.rt.db,
      { operator: 'test' },
      {
        name: 'Dinas Uji Verifikasi',
        emailDomains: ['verif.go.id'],
        province: 'Jawa Barat',
        policy: { fourEyes: false },
      },
    );
    const client = await createApiClient(identityContextOf(server.rt), { operator: 'test' }, institution.id, {
      description: 'Aplikasi verifikasi',
    });
    basic = `Basic ${Buffer.from(`${client.username}:${client.secret}`).toString('base64')}`;
    unsigned = await pdfLibDocument(1);
    signed = (
      await signPdf({
        pdf: unsigned,
        privateKey: pki.ec.key,
        certificate: pki.ec.certificate,
        chain: [pki.ca.certificate],
        level: 'B-LT',
        tsa: testTsa(pki.tsa, [pki.ca.certificate]),
        reason: 'Menyetujui',
        validation: { ocspResponses: [pki.ocsp.ec], crls: [pki.crl] },
      })
    ).pdf;
  });

  const v2 = (body: unknown, auth = basic) =>
    fetch(`${server.url}/api/v2/verify/pdf`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('v2: a B-LT PDF → VALID in BSrE shape, JSON booleans, application/json', async () => {
    const res = await v2({ file: Buffer.from(signed).toString('base64') });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as Record<string, unknown> & {
      signatureInformations: Record<string, unknown>[];
    };
    assert.equal(body.conclusion, 'VALID');
    assert.equal(body.signatureCount, 1);
    assert.equal(body.signatureInformations.length, 1);
    const s = body.signatureInformations[0]!;
    for (const key of ['integrityValid', 'certificateTrusted', 'modified', 'ltv', 'lastSignature'])
      assert.equal(typeof s[key], 'boolean', key);
    assert.equal(s.integrityValid, true);
    assert.equal(s.certificateTrusted, true);
    assert.equal(s.modified, false);
    assert.equal(s.ltv, true);
    assert.equal(s.signatureFormat, 'PAdES-BASELINE-LT');
    assert.equal(s.signerName, 'Penanda Tangan EC');
    assert.equal(s.reason, 'Menyetujui');
    assert.equal((s.timestampInfomation as { signerName: string }).signerName, 'Teken Uji TSA');
    const certs = s.certificateDetails as {
      commonName: string;
      signatureAlgoritm: string;
      keyUsages: string[];
    }[];
    assert.deepEqual(
      certs.map((c) => c.commonName),
      ['Penanda Tangan EC', 'Teken Uji Individu CA', 'Teken Uji Root CA'],
    );
    assert.deepEqual(certs[0]!.keyUsages, ['digitalSignature', 'nonRepudiation']);
    assert.equal(typeof certs[0]!.signatureAlgoritm, 'string');
  });

  it('v2: an unsigned PDF → signatureCount 0; the password field is accepted', async () => {
    const res = await v2({
      file: Buffer.from(unsigned).toString('base64'),
      password: null,
      extra: 'diabaikan',
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      signatureCount: number;
      conclusion: string;
      signatureInformations: unknown[];
    };
    assert.equal(body.signatureCount, 0);
    assert.equal(body.conclusion, 'NO_SIGNATURE');
    assert.deepEqual(body.signatureInformations, []);
  });

  it('v2: bad input → 400 in BSrE error shape; no credentials → 401', async () => {
    for (const body of [
      { file: '!!! bukan base64 !!!' },
      { file: Buffer.from('bukan pdf').toString('base64') },
      {},
      { file: 5 },
    ]) {
      const res = await v2(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const err = (await res.json()) as { status: boolean; error: string; message: string; code: string };
      assert.equal(err.status, false);
      assert.equal(typeof err.error, 'string');
      assert.equal(typeof err.message, 'string');
    }
    const res = await v2({ file: Buffer.from(signed).toString('base64') }, 'Basic eDp5');
    assert.equal(res.status, 401);
  });

  const pub = (pathname: string, body: unknown) =>
    fetch(`${server.url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('public: the report in Indonesian and English without signing in; a PDF report too', async () => {
    const res = await pub('/api/public/verify/pdf', {
      file: Buffer.from(signed).toString('base64'),
      fileName: 'surat.pdf',
    });
    assert.equal(res.status, 200);
    const report = (await res.json()) as {
      conclusion: string;
      fileName: string;
      summary: { id: string; en: string };
      signatures: { signerName: string; trusted: boolean; integrity: boolean; ltv: boolean; level: string }[];
    };
    assert.equal(report.conclusion, 'VALID');
    assert.equal(report.fileName, 'surat.pdf');
    assert.match(report.summary.id, /Dokumen valid/);
    assert.match(report.summary.en, /valid/);
    assert.equal(report.signatures[0]!.signerName, 'Penanda Tangan EC');
    assert.equal(report.signatures[0]!.level, 'PAdES-BASELINE-LT');

    const pdf = await pub('/api/public/verify/pdf/report?lang=en', {
      file: Buffer.from(signed).toString('base64'),
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    const file = path.join(tmpDir(), 'laporan.pdf');
    fs.writeFileSync(file, bytes);
    const text = runTool('pdftotext', [file, '-']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /PDF Verification Report/);
    assert.match(text.stdout, /Penanda Tangan EC/);
    assert.match(text.stdout, /PAdES-BASELINE-LT/);
    const qpdf = runTool('qpdf', ['--check', file]);
    assert.equal(qpdf.status, 0, qpdf.stdout);
  });

  it('public: bad input is a 400 problem; past the quota a 429 with Retry-After', async () => {
    const bad = await pub('/api/public/verify/pdf', { file: 'xx' });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
    let limited: Response | undefined;
    for (let i = 0; i < quota + 2 && !limited; i++) {
      const res = await pub('/api/public/verify/pdf', { file: Buffer.from(unsigned).toString('base64') });
      if (res.status === 429) limited = res;
      else assert.equal(res.status, 200);
    }
    assert.ok(limited, 'the quota was never reached');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });
});
