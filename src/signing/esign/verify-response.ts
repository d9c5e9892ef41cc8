/**
 * The validation report in the two shapes BSrE's clients read (shared/BSRE-API.md): version 1's
 * `POST /api/sign/verify` and version 2's `POST /api/v2/verify/pdf`, field by field, with the
 * quirks clients depend on: JSON booleans (clients pass them through `Boolean()`, so the string
 * "false" would read as true), `signed_in` as "Y-m-d H:i:s.SS" in WIB, v2's misspelt
 * `timestampInfomation` and `signatureAlgoritm`, an unsigned PDF as `jumlah_signature: 0` and
 * `signatureCount: 0`. Document time-stamps (B-LTA) are not signatures to these clients: they are
 * left out of both lists and counts (the console's report shows them).
 */
import {
  conclusionOf,
  signatureHolds,
  type CertificateFacts,
  type SignatureFacts,
  type ValidationReport,
} from '../verify/validation-report.js';

const WIB_MS = 7 * 3_600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-03 14:05:09.27" in WIB (UTC+7): how v1 clients read `signed_in` (no `T`: WIB). */
export function wibTimestamp(when: Date): string {
  const d = new Date(when.getTime() + WIB_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.` +
    pad(Math.floor(d.getUTCMilliseconds() / 10))
  );
}

/** "2026-12-03 14:05:09" in WIB, for validity ranges. */
const wibSeconds = (when: Date) => wibTimestamp(when).slice(0, 19);

const notes = {
  VALID: 'Dokumen valid, Sertifikat yang digunakan terpercaya',
  INDETERMINATE: 'Dokumen tidak berubah, namun sertifikat yang digunakan tidak dapat dipastikan terpercaya',
  INVALID:
    'Dokumen tidak valid: tanda tangan rusak, sertifikat dicabut, atau dokumen diubah setelah ditandatangani',
  NO_SIGNATURE: 'Dokumen belum ditandatangani secara elektronik',
} as const;

/** The signatures proper, without document time-stamps. */
function signaturesOf(report: ValidationReport): SignatureFacts[] {
  return report.signatures.filter((s) => !s.documentTimestamp);
}

/** The time a client shows as the signing time: the time-stamp's where there is one. */
const signedAt = (s: SignatureFacts) => s.timestamp?.time ?? s.claimedSigningTime;

export interface V1VerifyDetail {
  signature_field: string;
  info_tsa: { name: string; tsa_cert_validity: string } | null;
  info_signer: {
    issuer_dn: string;
    signer_name: string;
    signer_cert_validity: string;
    signer_dn: string;
    cert_user_certified: boolean;
  };
  signature_document: {
    signed_using_tsa: boolean;
    reason: string;
    document_integrity: boolean;
    signature_value: boolean;
    signed_in: string;
    location: string;
    hash_value: string;
  };
}

export interface V1VerifyResponse {
  nama_dokumen: string;
  jumlah_signature: number;
  notes: string;
  summary: string;
  details: V1VerifyDetail[];
}

export function v1VerifyResponse(report: ValidationReport): V1VerifyResponse {
  const signatures = signaturesOf(report);
  const conclusion = conclusionOf({ ...report, signatures });
  return {
    nama_dokumen: report.fileName ?? 'dokumen.pdf',
    jumlah_signature: signatures.length,
    notes: notes[conclusion],
    summary: conclusion,
    details: signatures.map((s) => {
      const when = signedAt(s);
      return {
        signature_field: s.fieldName,
        info_tsa: s.timestamp
          ? {
              name: s.timestamp.signerName,
              tsa_cert_validity: s.timestamp.tsaCertificate
                ? `${wibSeconds(s.timestamp.tsaCertificate.notBefore)} to ${wibSeconds(s.timestamp.tsaCertificate.notAfter)}`
                : '',
            }
          : null,
        info_signer: {
          issuer_dn: s.signer.issuerDn,
          signer_name: s.signer.commonName,
          signer_cert_validity: `${wibSeconds(s.signer.notBefore)} to ${wibSeconds(s.signer.notAfter)}`,
          signer_dn: s.signer.subjectDn,
          cert_user_certified: s.trusted,
        },
        signature_document: {
          signed_using_tsa: s.timestamp !== undefined,
          reason: s.reason ?? '',
          document_integrity:
            s.digestMatches && s.coversRevision && (!s.modifiedAfter || s.laterChangesAllowed),
          signature_value: s.signatureValid && s.signingCertificate !== 'mismatch',
          signed_in: when ? wibTimestamp(when) : '',
          location: s.location ?? '',
          hash_value: s.documentDigestHex,
        },
      };
    }),
  };
}

export interface V2CertificateDetail {
  id: string;
  issuerName: string;
  commonName: string;
  serialNumber: string;
  notBeforeDate: string;
  notAfterDate: string;
  /** Sic: the field name clients read. */
  signatureAlgoritm: string;
  keyUsages: string[];
}

export interface V2SignatureInformation {
  id: string;
  fieldName: string;
  signerName: string;
  signatureFormat: string;
  signatureDate: string | null;
  reason: string | null;
  location: string | null;
  certLevelCode: number;
  integrityValid: boolean;
  certificateTrusted: boolean;
  modified: boolean;
  ltv: boolean;
  lastSignature: boolean;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** Sic: the field name clients read. */
  timestampInfomation: { id: string; signerName: string; timestampDate: string } | null;
  certificateDetails: V2CertificateDetail[];
}

export interface V2VerifyResponse {
  conclusion: string;
  description: string;
  signatureCount: number;
  signatureInformations: V2SignatureInformation[];
}

const certificateId = (c: CertificateFacts) => `C-${c.serialHex.toUpperCase()}`;

export function v2VerifyResponse(report: ValidationReport): V2VerifyResponse {
  const signatures = signaturesOf(report);
  const conclusion = conclusionOf({ ...report, signatures });
  return {
    conclusion,
    description: notes[conclusion],
    signatureCount: signatures.length,
    signatureInformations: signatures.map((s, i) => {
      const when = signedAt(s);
      return {
        id: `S-${s.documentDigestHex.slice(0, 16).toUpperCase()}-${i + 1}`,
        fieldName: s.fieldName,
        signerName: s.signer.commonName,
        signatureFormat: s.level,
        signatureDate: when ? when.toISOString() : null,
        reason: s.reason ?? null,
        location: s.location ?? null,
        certLevelCode: s.certificationLevel,
        integrityValid:
          s.digestMatches && s.signatureValid && s.signingCertificate !== 'mismatch' && s.coversRevision,
        certificateTrusted: s.trusted,
        modified: s.modifiedAfter && !s.laterChangesAllowed,
        ltv: s.ltv,
        lastSignature: i === signatures.length - 1,
        digestAlgorithm: s.digestAlgorithm,
        signatureAlgorithm: s.signatureAlgorithm,
        timestampInfomation: s.timestamp
          ? {
              id: `T-${s.timestamp.time.getTime().toString(16).toUpperCase()}`,
              signerName: s.timestamp.signerName,
              timestampDate: s.timestamp.time.toISOString(),
            }
          : null,
        certificateDetails: s.chain.map((c) => ({
          id: certificateId(c),
          issuerName: c.issuerDn,
          commonName: c.commonName,
          serialNumber: c.serialHex,
          notBeforeDate: c.notBefore.toISOString(),
          notAfterDate: c.notAfter.toISOString(),
          signatureAlgoritm: c.signatureAlgorithm,
          keyUsages: c.keyUsages,
        })),
      };
    }),
  };
}

/** Whether every signature holds (for callers that want one boolean). */
export const allSignaturesHold = (report: ValidationReport) =>
  signaturesOf(report).length > 0 && signaturesOf(report).every(signatureHolds);
