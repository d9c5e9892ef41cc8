/**
 * The one validator (src/signing/verify/validate-pdf.ts) on PDFs that Teken's engine signs at each
 * level, several signatures, a tampered byte, a foreign root, a revoked signer, a page changed after
 * signing, a DSS added after, an unsigned PDF, an encrypted one, one signed by @signpdf; and its
 * verdicts side by side with pdfsig's.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { PDF, rgb } from '@libpdf/core';
import { addValidationData } from '../../src/signing/pades/dss.js';
import { openPdf, defaultPadesLimits } from '../../src/signing/pades/open-pdf.js';
import { writeUpdate } from '../../src/signing/pades/signature-revision.js';
import { signPdf, type PadesLevel } from '../../src/signing/pades/sign-pdf.js';
import { validatePdf, type ValidatePdfOptions } from '../../src/signing/verify/validate-pdf.js';
import { conclusionOf, type ValidationReport } from '../../src/signing/verify/validation-report.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import { makeCorpus, pdfLibDocument, signpdfSigned } from '../helpers/pades-corpus.js';
import { pdfsig, pdfsigVerdicts } from '../helpers/pades-judges.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { testTsa, type TestTsa } from '../helpers/pades-tsa.js';
import { openssl } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

let pki: PadesPki;
let tsa: TestTsa;
let dir: string;
let plain: Uint8Array;

/** What Teken's CA database says of the test PKI's certificates: issued, not revoked. */
const ownGood: ValidatePdfOptions['ownStatus'] = () => Promise.resolve({ revokedAt: null });

const trust = (extra: Partial<ValidatePdfOptions> = {}): ValidatePdfOptions => ({
  trustAnchors: [pki.root.certificate],
  ...extra,
});

async function sign(
  pdf: Uint8Array,
  level: PadesLevel,
  extra: { pdfPassword?: string; who?: 'rsa' | 'ec' } = {},
) {
  const who = extra.who ?? 'rsa';
  const result = await signPdf({
    pdf,
    privateKey: pki[who].key,
    certificate: pki[who].certificate,
    chain: [pki.ca.certificate],
    level,
    tsa,
    reason: 'Menyetujui',
    location: 'Jakarta',
    validation: { ocspResponses: [pki.ocsp[who]], crls: [pki.crl] },
    ...(extra.pdfPassword ? { pdfPassword: extra.pdfPassword } : {}),
  });
  return result.pdf;
}

function pdfsigOf(pdf: Uint8Array, name: string, password?: string) {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return pdfsigVerdicts(pdfsig(file, pki.nssDir, password).out);
}

const proper = (r: ValidationReport) => r.signatures.filter((s) => !s.documentTimestamp);

before(async () => {
  pki = makePadesPki();
  tsa = testTsa(pki.tsa, [pki.ca.certificate]);
  dir = tmpDir();
  plain = await pdfLibDocument(1);
});

describe('validatePdf: the levels Teken signs', () => {
  const expected: Record<PadesLevel, string> = {
    'B-B': 'PAdES-BASELINE-B',
    'B-T': 'PAdES-BASELINE-T',
    'B-LT': 'PAdES-BASELINE-LT',
    'B-LTA': 'PAdES-BASELINE-LTA',
  };
  for (const level of ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const) {
    it(`${level}: VALID, every fact, the level reached, as pdfsig says`, async () => {
      const pdf = await sign(plain, level);
      // B-B and B-T carry no status of the signer: Teken's CA database gives it.
      const report = await validatePdf(
        pdf,
        trust(level === 'B-B' || level === 'B-T' ? { ownStatus: ownGood } : {}),
      );
      assert.equal(conclusionOf(report), 'VALID', JSON.stringify(report, null, 1));
      const [s] = proper(report);
      assert.ok(s);
      assert.equal(s.level, expected[level]);
      assert.equal(s.signer.commonName, 'Penanda Tangan RSA');
      assert.deepEqual(
        s.chain.map((c) => c.commonName),
        ['Penanda Tangan RSA', 'Teken Uji Individu CA', 'Teken Uji Root CA'],
      );
      assert.equal(s.trusted, true);
      assert.equal(s.digestMatches, true);
      assert.equal(s.signatureValid, true);
      assert.equal(s.coversRevision, true);
      assert.equal(s.revocation, 'good');
      assert.equal(s.digestAlgorithm, 'SHA-256');
      assert.equal(s.signatureAlgorithm, 'SHA256withRSA');
      assert.equal(s.reason, 'Menyetujui');
      assert.equal(s.location, 'Jakarta');
      assert.equal(s.timestamp !== undefined, level !== 'B-B');
      if (s.timestamp) {
        assert.equal(s.timestamp.valid, true);
        assert.equal(s.timestamp.signerName, 'Teken Uji TSA');
      }
      assert.equal(s.ltv, level === 'B-LT' || level === 'B-LTA');
      // B-LT adds a DSS update after the signature: modified, and allowed.
      assert.equal(s.modifiedAfter, level === 'B-LT' || level === 'B-LTA');
      assert.equal(s.laterChangesAllowed, true);
      const stamps = report.signatures.filter((x) => x.documentTimestamp);
      assert.equal(stamps.length, level === 'B-LTA' ? 1 : 0);
      if (stamps[0]) {
        assert.equal(stamps[0].digestMatches, true);
        assert.equal(stamps[0].signatureValid, true);
        assert.equal(stamps[0].trusted, true);
      }
      const verdicts = pdfsigOf(pdf, `level-${level}`);
      assert.ok(verdicts[0]?.valid && verdicts[0].trusted, JSON.stringify(verdicts));
    });
  }

  it('B-B without any status of the signer: INDETERMINATE (revocation unknown)', async () => {
    const report = await validatePdf(await sign(plain, 'B-B'), trust());
    assert.equal(proper(report)[0]!.revocation, 'unknown');
    assert.equal(conclusionOf(report), 'INDETERMINATE');
  });

  it('several signatures (RSA, EC, RSA at B-LT): each VALID, the earlier ones modified by allowed changes', async () => {
    let pdf = await sign(plain, 'B-T');
    pdf = await sign(pdf, 'B-T', { who: 'ec' });
    pdf = await sign(pdf, 'B-LT');
    const report = await validatePdf(pdf, trust({ ownStatus: ownGood }));
    assert.equal(conclusionOf(report), 'VALID', JSON.stringify(report.signatures, null, 1));
    const sigs = proper(report);
    assert.deepEqual(
      sigs.map((s) => s.signer.commonName),
      ['Penanda Tangan RSA', 'Penanda Tangan EC', 'Penanda Tangan RSA'],
    );
    assert.deepEqual(
      sigs.map((s) => s.modifiedAfter),
      [true, true, true],
    );
    assert.ok(sigs.every((s) => s.laterChangesAllowed));
    assert.equal(sigs[1]!.signatureAlgorithm, 'SHA256withECDSA');
    const verdicts = pdfsigOf(pdf, 'three');
    assert.equal(verdicts.length, 3);
    assert.ok(verdicts.every((v) => v.valid));
  });
});

describe('validatePdf: what breaks a signature', () => {
  it('a tampered byte inside the signed range: INVALID (digest), and pdfsig agrees', async () => {
    const pdf = await sign(plain, 'B-T');
    const tampered = new Uint8Array(pdf);
    // A byte of the header's binary comment, inside the first part of the byte range.
    const at = 12;
    tampered[at] = tampered[at]! ^ 0x01;
    const report = await validatePdf(tampered, trust({ ownStatus: ownGood }));
    assert.equal(conclusionOf(report), 'INVALID');
    assert.equal(report.signatures[0]!.digestMatches, false);
    assert.equal(report.signatures[0]!.signatureValid, true);
    const verdicts = pdfsigOf(tampered, 'tampered');
    assert.equal(verdicts[0]!.valid, false);
  });

  it('a foreign root: intact but INDETERMINATE (not trusted)', async () => {
    const other = makePadesPki();
    const report = await validatePdf(await sign(plain, 'B-LT'), {
      trustAnchors: [other.root.certificate],
      ownStatus: ownGood,
    });
    const s = report.signatures[0]!;
    assert.equal(s.digestMatches && s.signatureValid, true);
    assert.equal(s.trusted, false);
    assert.equal(conclusionOf(report), 'INDETERMINATE');
  });

  it('a certificate revoked before signing (the DSS OCSP says so): INVALID', async () => {
    const index = path.join(pki.dir, 'revoked-index.txt');
    fs.writeFileSync(
      index,
      `R\t301231000000Z\t240101000000Z,keyCompromise\t2001\tunknown\t/C=ID/O=Contoh/CN=Penanda Tangan RSA\n`,
    );
    const req = path.join(pki.dir, 'revoked.req');
    const out = path.join(pki.dir, 'revoked.ocsp');
    openssl(['ocsp', '-issuer', pki.ca.certFile, '-cert', pki.rsa.certFile, '-no_nonce', '-reqout', req]);
    openssl([
      'ocsp',
      '-index',
      index,
      '-CA',
      pki.ca.certFile,
      '-rsigner',
      pki.ca.certFile,
      '-rkey',
      pki.ca.keyFile,
      '-reqin',
      req,
      '-respout',
      out,
      '-ndays',
      '7',
    ]);
    const signed = await signPdf({
      pdf: plain,
      privateKey: pki.rsa.key,
      certificate: pki.rsa.certificate,
      chain: [pki.ca.certificate],
      level: 'B-LT',
      tsa,
      validation: { ocspResponses: [new Uint8Array(fs.readFileSync(out))] },
    });
    const report = await validatePdf(signed.pdf, trust());
    assert.equal(report.signatures[0]!.revocation, 'revoked');
    assert.equal(conclusionOf(report), 'INVALID');
  });

  it("revoked in Teken's CA database before signing: INVALID; revoked only after: VALID", async () => {
    const pdf = await sign(plain, 'B-T');
    const early = await validatePdf(
      pdf,
      trust({ ownStatus: () => Promise.resolve({ revokedAt: new Date('2024-01-01') }) }),
    );
    assert.equal(conclusionOf(early), 'INVALID');
    const late = await validatePdf(
      pdf,
      trust({ ownStatus: () => Promise.resolve({ revokedAt: new Date(Date.now() + 86_400_000) }) }),
    );
    assert.equal(conclusionOf(late), 'VALID');
  });

  it('page content changed in an incremental update after signing: modified, not allowed, INVALID', async () => {
    const signed = await sign(plain, 'B-T');
    const doc = await PDF.load(signed);
    doc.getPage(0)!.drawText('DIUBAH', { x: 100, y: 100, size: 30, color: rgb(1, 0, 0) });
    const changed = await doc.save({ incremental: true });
    assert.deepEqual(changed.subarray(0, signed.length), signed);
    const report = await validatePdf(changed, trust({ ownStatus: ownGood }));
    const s = report.signatures[0]!;
    assert.equal(s.digestMatches, true);
    assert.equal(s.modifiedAfter, true);
    assert.equal(s.laterChangesAllowed, false);
    assert.equal(conclusionOf(report), 'INVALID');
  });

  it('a DSS added in a later update: modified, allowed, the level rises to B-LT', async () => {
    const signed = await sign(plain, 'B-T');
    const pdf = await openPdf(signed, undefined, defaultPadesLimits);
    const touched = addValidationData(pdf, {
      certificates: [pki.ca.certificate],
      ocspResponses: [pki.ocsp.rsa],
      crls: [pki.crl],
    });
    const extended = writeUpdate(pdf, touched);
    const report = await validatePdf(extended, trust());
    const s = report.signatures[0]!;
    assert.equal(s.modifiedAfter, true);
    assert.equal(s.laterChangesAllowed, true);
    assert.equal(s.ltv, true);
    assert.equal(s.level, 'PAdES-BASELINE-LT');
    assert.equal(conclusionOf(report), 'VALID');
  });

  it('appended bytes that are no revision: modified, not allowed', async () => {
    const signed = await sign(plain, 'B-T');
    const junk = new Uint8Array([...signed, ...Buffer.from('\n1 0 obj junk endobj\n')]);
    const report = await validatePdf(junk, trust({ ownStatus: ownGood }));
    assert.equal(report.signatures[0]!.laterChangesAllowed, false);
    assert.equal(conclusionOf(report), 'INVALID');
  });
});

describe('validatePdf: other documents', () => {
  it('an unsigned PDF: no signatures (NO_SIGNATURE)', async () => {
    const report = await validatePdf(plain, trust());
    assert.equal(report.signatures.length, 0);
    assert.equal(conclusionOf(report), 'NO_SIGNATURE');
  });

  it('encrypted PDFs (RC4, AES-128, AES-256) signed with the password verify with it; a wrong one is refused', async () => {
    const corpus = (await makeCorpus(pki, tmpDir())).filter((e) => e.password && e.signatures === 0);
    assert.ok(corpus.length >= 3);
    for (const entry of corpus) {
      const pdf = await sign(entry.pdf, 'B-LT', { pdfPassword: entry.password! });
      const report = await validatePdf(pdf, trust({ password: entry.password }));
      assert.equal(
        conclusionOf(report),
        'VALID',
        `${entry.name}: ${JSON.stringify(report.signatures, null, 1)}`,
      );
      assert.equal(report.signatures[0]!.reason, 'Menyetujui', entry.name);
      await assert.rejects(
        validatePdf(pdf, trust({ password: 'salah-sekali' })),
        (e) => isTekenError(e) && e.code === 'ERR_PDF_PASSWORD',
      );
    }
  });

  it('a PDF signed by another producer (@signpdf, adbe.pkcs7.detached): intact and trusted, not PAdES', async () => {
    const pdf = await signpdfSigned(pki, plain);
    const report = await validatePdf(pdf, trust({ intermediates: [pki.ca.certificate], ownStatus: ownGood }));
    const s = report.signatures[0]!;
    assert.equal(s.digestMatches, true);
    assert.equal(s.signatureValid, true);
    assert.equal(s.trusted, true);
    assert.equal(s.level, 'NOT_PADES');
    assert.equal(conclusionOf(report), 'VALID');
    // Teken then signs after it: both hold.
    const both = await validatePdf(
      await sign(pdf, 'B-T'),
      trust({ intermediates: [pki.ca.certificate], ownStatus: ownGood }),
    );
    assert.equal(both.signatures.length, 2);
    assert.equal(conclusionOf(both), 'VALID', JSON.stringify(both.signatures, null, 1));
  });

  it('hostile input: not a PDF, truncated, a broken /Contents: clear errors or a broken signature, never a crash', async () => {
    await assert.rejects(
      validatePdf(new Uint8Array(Buffer.from('bukan pdf')), trust()),
      (e) => isTekenError(e) && e.code === 'ERR_PDF_INVALID',
    );
    const signed = await sign(plain, 'B-B');
    await assert.rejects(validatePdf(signed.subarray(0, 200), trust()), (e) => isTekenError(e));
    // Zero the CMS inside /Contents: the signature is reported broken.
    const broken = new Uint8Array(signed);
    const text = Buffer.from(signed).toString('latin1');
    const m = /\/ByteRange\s*\[\s*0\s+(\d+)/.exec(text)!;
    broken.fill(0x30, Number(m[1]) + 1, Number(m[1]) + 200);
    const report = await validatePdf(broken, trust());
    assert.equal(report.signatures[0]!.signatureValid, false);
    assert.equal(conclusionOf(report), 'INVALID');
    await assert.rejects(
      validatePdf(signed, trust({ limits: { maxBytes: 100 } })),
      (e) => isTekenError(e) && e.code === 'ERR_PDF_TOO_LARGE',
    );
  });
});
