/**
 * The validation report in BSrE's two verify shapes (shared/BSRE-API.md), field by field: JSON
 * booleans, WIB times without a `T`, the misspelt v2 fields clients read, an unsigned PDF as zero
 * signatures, document time-stamps left out, and the document's verdict from the facts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { v1VerifyResponse, v2VerifyResponse, wibTimestamp } from '../../src/signing/esign/verify-response.js';
import {
  conclusionOf,
  type SignatureFacts,
  type ValidationReport,
} from '../../src/signing/verify/validation-report.js';

const cert = (cn: string, serialHex: string, issuer = 'Teken Individual CA') => ({
  subjectDn: `CN=${cn},O=Dinas Uji,C=ID`,
  commonName: cn,
  issuerDn: `CN=${issuer},O=Teken,C=ID`,
  issuerCommonName: issuer,
  serialHex,
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2028-01-01T00:00:00Z'),
  keyUsages: ['digitalSignature', 'nonRepudiation'],
  signatureAlgorithm: 'SHA256withECDSA',
});

function signature(overrides: Partial<SignatureFacts> = {}): SignatureFacts {
  const signer = cert('Budi Santoso', '0a1b2c');
  return {
    fieldName: 'Signature1',
    documentTimestamp: false,
    signer,
    chain: [signer, cert('Teken Individual CA', '01', 'Teken Root CA')],
    trusted: true,
    digestMatches: true,
    signatureValid: true,
    signingCertificate: 'matches',
    digestAlgorithm: 'SHA-256',
    signatureAlgorithm: 'SHA256withECDSA',
    documentDigestHex: 'ab'.repeat(32),
    coversRevision: true,
    modifiedAfter: false,
    laterChangesAllowed: true,
    claimedSigningTime: new Date('2026-12-03T07:05:09.270Z'),
    timestamp: {
      signerName: 'Teken TSA',
      time: new Date('2026-12-03T07:05:10.000Z'),
      valid: true,
      intact: true,
      tsaCertificate: {
        notBefore: new Date('2026-01-01T00:00:00Z'),
        notAfter: new Date('2031-01-01T00:00:00Z'),
      },
    },
    ltv: true,
    revocation: 'good',
    level: 'PAdES-BASELINE-LT',
    certificationLevel: 0,
    reason: 'Menyetujui',
    location: 'Jakarta',
    contactInfo: undefined,
    ...overrides,
  };
}

describe('BSrE verify responses', () => {
  it('writes WIB times as v1 clients read them', () => {
    assert.equal(wibTimestamp(new Date('2026-12-03T07:05:09.270Z')), '2026-12-03 14:05:09.27');
    assert.equal(wibTimestamp(new Date('2026-12-31T20:00:00.000Z')), '2027-01-01 03:00:00.00');
  });

  it('v1: every field, JSON booleans, a document time-stamp left out', () => {
    const report: ValidationReport = {
      fileName: 'surat.pdf',
      signatures: [
        signature(),
        signature({
          fieldName: 'Signature2',
          timestamp: undefined,
          level: 'PAdES-BASELINE-B',
          reason: undefined,
        }),
        signature({ fieldName: 'DocTs1', documentTimestamp: true }),
      ],
    };
    const v1 = v1VerifyResponse(report);
    assert.equal(v1.nama_dokumen, 'surat.pdf');
    assert.equal(v1.jumlah_signature, 2);
    assert.equal(v1.summary, 'VALID');
    assert.equal(v1.notes, 'Dokumen valid, Sertifikat yang digunakan terpercaya');
    const [first, second] = v1.details;
    assert.deepEqual(first, {
      signature_field: 'Signature1',
      info_tsa: { name: 'Teken TSA', tsa_cert_validity: '2026-01-01 07:00:00 to 2031-01-01 07:00:00' },
      info_signer: {
        issuer_dn: 'CN=Teken Individual CA,O=Teken,C=ID',
        signer_name: 'Budi Santoso',
        signer_cert_validity: '2026-01-01 07:00:00 to 2028-01-01 07:00:00',
        signer_dn: 'CN=Budi Santoso,O=Dinas Uji,C=ID',
        cert_user_certified: true,
      },
      signature_document: {
        signed_using_tsa: true,
        reason: 'Menyetujui',
        document_integrity: true,
        signature_value: true,
        signed_in: '2026-12-03 14:05:10.00',
        location: 'Jakarta',
        hash_value: 'ab'.repeat(32),
      },
    });
    assert.equal(second!.info_tsa, null);
    assert.equal(second!.signature_document.signed_using_tsa, false);
    assert.equal(
      second!.signature_document.signed_in,
      '2026-12-03 14:05:09.27',
      'the claimed time without a time-stamp',
    );
    assert.equal(second!.signature_document.reason, '');
    // Booleans are JSON booleans, never strings.
    const json = JSON.parse(JSON.stringify(v1)) as typeof v1;
    assert.equal(typeof json.details[0]!.signature_document.document_integrity, 'boolean');
    assert.equal(typeof json.details[0]!.info_signer.cert_user_certified, 'boolean');
  });

  it('v2: every field, the misspellings clients read, the last signature marked', () => {
    const v2 = v2VerifyResponse({
      fileName: undefined,
      signatures: [signature(), signature({ fieldName: 'Signature2', level: 'PAdES-BASELINE-LTA' })],
    });
    assert.equal(v2.conclusion, 'VALID');
    assert.equal(v2.signatureCount, 2);
    assert.equal(v2.signatureInformations.length, 2);
    const [a, b] = v2.signatureInformations;
    assert.equal(a!.fieldName, 'Signature1');
    assert.equal(a!.signerName, 'Budi Santoso');
    assert.equal(a!.signatureFormat, 'PAdES-BASELINE-LT');
    assert.equal(a!.signatureDate, '2026-12-03T07:05:10.000Z');
    assert.equal(a!.integrityValid, true);
    assert.equal(a!.certificateTrusted, true);
    assert.equal(a!.modified, false);
    assert.equal(a!.ltv, true);
    assert.equal(a!.lastSignature, false);
    assert.equal(b!.lastSignature, true);
    assert.deepEqual(a!.timestampInfomation && Object.keys(a!.timestampInfomation), [
      'id',
      'signerName',
      'timestampDate',
    ]);
    assert.equal(a!.certificateDetails.length, 2);
    assert.deepEqual(Object.keys(a!.certificateDetails[0]!).sort(), [
      'commonName',
      'id',
      'issuerName',
      'keyUsages',
      'notAfterDate',
      'notBeforeDate',
      'serialNumber',
      'signatureAlgoritm',
    ]);
    assert.notEqual(a!.id, b!.id);
  });

  it('an unsigned PDF: zero signatures in both shapes', () => {
    const empty: ValidationReport = { fileName: 'kosong.pdf', signatures: [] };
    const v1 = v1VerifyResponse(empty);
    assert.equal(v1.jumlah_signature, 0);
    assert.deepEqual(v1.details, []);
    assert.equal(v1.notes, 'Dokumen belum ditandatangani secara elektronik');
    const v2 = v2VerifyResponse(empty);
    assert.equal(v2.signatureCount, 0);
    assert.equal(v2.conclusion, 'NO_SIGNATURE');
  });

  it('the verdict: broken, revoked or changed → INVALID; intact but untrusted or unknown → INDETERMINATE', () => {
    const one = (s: Partial<SignatureFacts>) =>
      conclusionOf({ fileName: undefined, signatures: [signature(), signature(s)] });
    assert.equal(one({}), 'VALID');
    assert.equal(one({ digestMatches: false }), 'INVALID');
    assert.equal(one({ signatureValid: false }), 'INVALID');
    assert.equal(one({ coversRevision: false }), 'INVALID');
    assert.equal(one({ revocation: 'revoked' }), 'INVALID');
    assert.equal(one({ modifiedAfter: true, laterChangesAllowed: false }), 'INVALID');
    assert.equal(one({ modifiedAfter: true, laterChangesAllowed: true }), 'VALID');
    assert.equal(one({ trusted: false }), 'INDETERMINATE');
    assert.equal(one({ revocation: 'unknown' }), 'INDETERMINATE');
    const changed = v1VerifyResponse({
      fileName: undefined,
      signatures: [signature({ modifiedAfter: true, laterChangesAllowed: false })],
    });
    assert.equal(changed.details[0]!.signature_document.document_integrity, false);
    assert.equal(changed.summary, 'INVALID');
    const v2 = v2VerifyResponse({ fileName: undefined, signatures: [signature({ trusted: false })] });
    assert.equal(v2.signatureInformations[0]!.certificateTrusted, false);
    assert.equal(v2.conclusion, 'INDETERMINATE');
  });
});
