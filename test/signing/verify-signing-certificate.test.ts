/**
 * The signed signing-certificate-v2 (ESSCertIDv2, RFC 5035) and signing-certificate (ESSCertID,
 * RFC 2634) attributes against the signer's certificate (cms-check.ts): a CMS whose attribute names
 * another certificate, or the signer's hash with another serial, is INVALID with that reason, by
 * both CMS readers and through the whole validator; one that names the signer holds.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { der, oidDer, tag } from '../../src/pki/der.js';
import {
  buildSignerInfo,
  cadesSignedAttributes,
  digest,
  issuerAndSerial,
  oid,
  signedDataContentInfo,
} from '../../src/signing/pades/cms.js';
import { signPdf } from '../../src/signing/pades/sign-pdf.js';
import { checkCms, cmsOid } from '../../src/signing/verify/cms-check.js';
import { validatePdf } from '../../src/signing/verify/validate-pdf.js';
import { conclusionOf } from '../../src/signing/verify/validation-report.js';
import { publicReport, publicReportPdf } from '../../src/signing/verify/public-report.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

let pki: PadesPki;
let content: Uint8Array;

const seq = (...parts: Uint8Array[]) => der(tag.sequence, ...parts);
const attribute = (type: string, value: Uint8Array) => seq(oidDer(type), der(tag.set, value));
const octets = (bytes: Uint8Array) => der(tag.octetString, bytes);

/** The SET of signed attributes: content-type, message-digest and the given signing-certificate ones. */
function signedAttributes(messageDigest: Uint8Array, ...extra: Uint8Array[]): Uint8Array {
  const parts = [
    attribute(oid.contentType, oidDer(oid.data)),
    attribute(oid.messageDigest, octets(messageDigest)),
    ...extra,
  ].sort((a, b) => Buffer.compare(a, b));
  return der(tag.set, ...parts);
}

/** ESSCertIDv2 (SHA-256, hashAlgorithm left out) of `hashed`, naming `named`'s issuer and serial. */
function essCertIdV2(hashed: Uint8Array, named = hashed): Uint8Array {
  const { issuer, serial } = issuerAndSerial(named);
  return attribute(
    cmsOid.signingCertificateV2,
    seq(seq(seq(octets(digest('sha256', hashed)), seq(seq(der(0xa4, issuer)), serial)))),
  );
}

/** ESSCertID (SHA-1) of `hashed`, without issuerSerial. */
function essCertIdV1(hashed: Uint8Array): Uint8Array {
  const sha1 = new Uint8Array(crypto.createHash('sha1').update(hashed).digest());
  return attribute(cmsOid.signingCertificate, seq(seq(seq(octets(sha1)))));
}

/** A detached CAdES SignedData by the EC signer over `data` with these signed attributes. */
async function cmsWith(data: Uint8Array, attrs: (md: Uint8Array) => Uint8Array): Promise<Uint8Array> {
  const signed = attrs(digest('sha256', data));
  const signerInfo = await buildSignerInfo(pki.ec.key, pki.ec.certificate, 'sha256', signed);
  return signedDataContentInfo(
    'sha256',
    seq(oidDer(oid.data)),
    [pki.ec.certificate, pki.ca.certificate],
    signerInfo,
  );
}

before(() => {
  pki = makePadesPki();
  content = new Uint8Array(Buffer.from('Nota dinas nomor 12/2026', 'latin1'));
});

describe('the signing-certificate attributes against the signer', () => {
  it("Teken's own CMS (ESSCertIDv2 of the signer): matches, by both readers", async () => {
    const cms = await cmsWith(content, (md) => cadesSignedAttributes(pki.ec.certificate, md, 'sha256'));
    for (const reader of ['auto', 'pkijs'] as const) {
      const check = checkCms(cms, content, reader);
      assert.equal(check.signatureValid, true);
      assert.equal(check.signingCertificate, 'matches', reader);
    }
  });

  it('no signing-certificate attribute: absent', async () => {
    const cms = await cmsWith(content, (md) => signedAttributes(md));
    assert.equal(checkCms(cms, content).signingCertificate, 'absent');
    assert.equal(checkCms(cms, content, 'pkijs').signingCertificate, 'absent');
  });

  const cases: [string, (md: Uint8Array) => Uint8Array, 'matches' | 'mismatch'][] = [
    [
      'ESSCertIDv2 of another certificate',
      (md) => signedAttributes(md, essCertIdV2(pki.rsa.certificate)),
      'mismatch',
    ],
    [
      "ESSCertIDv2 with the signer's hash but another certificate's serial",
      (md) => signedAttributes(md, essCertIdV2(pki.ec.certificate, pki.rsa.certificate)),
      'mismatch',
    ],
    [
      'ESSCertIDv2 that is not DER',
      (md) => signedAttributes(md, attribute(cmsOid.signingCertificateV2, seq(octets(new Uint8Array(3))))),
      'mismatch',
    ],
    [
      'ESSCertID (v1) of the signer',
      (md) => signedAttributes(md, essCertIdV1(pki.ec.certificate)),
      'matches',
    ],
    [
      'ESSCertID (v1) of another certificate',
      (md) => signedAttributes(md, essCertIdV1(pki.rsa.certificate)),
      'mismatch',
    ],
    [
      "both, v2 the signer's and v1 another's",
      (md) => signedAttributes(md, essCertIdV2(pki.ec.certificate), essCertIdV1(pki.rsa.certificate)),
      'mismatch',
    ],
  ];
  for (const [name, attrs, expected] of cases) {
    it(`${name}: ${expected}, the signature value itself intact`, async () => {
      const cms = await cmsWith(content, attrs);
      for (const reader of ['auto', 'pkijs'] as const) {
        const check = checkCms(cms, content, reader);
        assert.equal(check.digestMatches, true);
        assert.equal(check.signatureValid, true);
        assert.equal(check.signingCertificate, expected, reader);
      }
    });
  }
});

describe('a PDF whose CMS names another certificate', () => {
  /** `pdf` with its signature's CMS replaced by one made by `attrs` over the same byte range. */
  async function resigned(pdf: Uint8Array, attrs: (md: Uint8Array) => Uint8Array): Promise<Uint8Array> {
    const text = Buffer.from(pdf).toString('latin1');
    const m = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text)!;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const signed = Buffer.concat([pdf.subarray(0, a), pdf.subarray(b, b + c)]);
    const cms = Buffer.from(await cmsWith(signed, attrs)).toString('hex');
    const room = b - a - 2;
    assert.ok(cms.length <= room);
    const out = new Uint8Array(pdf);
    out.set(Buffer.from(cms.padEnd(room, '0'), 'latin1'), a + 1);
    return out;
  }

  it('INVALID, with the reason in the report (JSON and PDF); the same CMS naming the signer holds', async () => {
    const plain = await pdfLibDocument(1);
    const { pdf } = await signPdf({
      pdf: plain,
      privateKey: pki.ec.key,
      certificate: pki.ec.certificate,
      chain: [pki.ca.certificate],
      level: 'B-B',
    });
    const options = {
      trustAnchors: [pki.root.certificate],
      ownStatus: () => Promise.resolve({ revokedAt: null }),
    };
    const good = await validatePdf(
      await resigned(pdf, (md) => cadesSignedAttributes(pki.ec.certificate, md, 'sha256')),
      options,
    );
    assert.equal(good.signatures[0]!.signingCertificate, 'matches');
    assert.equal(conclusionOf(good), 'VALID');

    const other = await resigned(pdf, (md) => cadesSignedAttributes(pki.rsa.certificate, md, 'sha256'));
    const report = await validatePdf(other, options);
    const s = report.signatures[0]!;
    assert.equal(s.digestMatches, true);
    assert.equal(s.signatureValid, true);
    assert.equal(s.signingCertificate, 'mismatch');
    assert.equal(conclusionOf(report), 'INVALID');
    const pub = publicReport(report);
    assert.equal(pub.conclusion, 'INVALID');
    assert.equal(pub.signatures[0]!.signingCertificateMatches, false);
    assert.equal(pub.signatures[0]!.integrity, false);
    const file = path.join(tmpDir(), 'laporan.pdf');
    fs.writeFileSync(file, await publicReportPdf(pub, 'en'));
    const printed = runTool('pdftotext', [file, '-']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(
      printed.stdout.replace(/\s+/g, ' '),
      /Signer's certificate: does not match: the signed signing-certificate attribute names another certificate/,
    );
  });
});
