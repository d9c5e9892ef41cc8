/**
 * The validation report as "Verifikasi PDF" shows it, in Indonesian and English: the verdict and,
 * per signature, the signer, trust, integrity, changes after signing, the time-stamp, LTV and the
 * level; as JSON (the page and its JSON download) and as a PDF made with @libpdf/core (already the
 * engine's library, so no new dependency; pdfkit stays a test tool).
 */
import { PDF, rgb } from '@libpdf/core';
import { conclusionOf, signatureHolds, type Conclusion, type ValidationReport } from './validation-report.js';

export type ReportLanguage = 'id' | 'en';

const verdicts: Record<Conclusion, Record<ReportLanguage, string>> = {
  VALID: {
    id: 'Dokumen valid, Sertifikat yang digunakan terpercaya',
    en: 'The document is valid; the certificates used are trusted',
  },
  INDETERMINATE: {
    id: 'Dokumen tidak berubah, namun sertifikat yang digunakan tidak dapat dipastikan terpercaya',
    en: 'The document is unchanged, but the certificates used cannot be confirmed as trusted',
  },
  INVALID: {
    id: 'Dokumen tidak valid: tanda tangan rusak, sertifikat dicabut, atau dokumen diubah setelah ditandatangani',
    en: 'The document is not valid: a signature is broken, a certificate revoked, or the document changed after signing',
  },
  NO_SIGNATURE: {
    id: 'Dokumen belum ditandatangani secara elektronik',
    en: 'The document has no electronic signature',
  },
};

export interface PublicSignature {
  fieldName: string;
  documentTimestamp: boolean;
  holds: boolean;
  signerName: string;
  signerDn: string;
  issuerName: string;
  chain: string[];
  trusted: boolean;
  integrity: boolean;
  /** The signed signing-certificate(-v2) attribute names the signer's certificate (or is absent). */
  signingCertificateMatches: boolean;
  modified: boolean;
  modifiedAllowed: boolean;
  signingTime: string | null;
  timestamp: { signerName: string; time: string; valid: boolean } | null;
  ltv: boolean;
  revocation: 'good' | 'revoked' | 'unknown';
  level: string;
  certificationLevel: number;
  reason: string | null;
  location: string | null;
}

export interface PublicReport {
  fileName: string | null;
  conclusion: Conclusion;
  summary: { id: string; en: string };
  signatureCount: number;
  signatures: PublicSignature[];
}

export function publicReport(report: ValidationReport): PublicReport {
  // Document time-stamps are shown, but the verdict is the signatures' (and a broken time-stamp's).
  const proper = report.signatures.filter((s) => !s.documentTimestamp);
  const brokenStamp = report.signatures.some(
    (s) =>
      s.documentTimestamp && !(s.digestMatches && s.signatureValid && s.signingCertificate !== 'mismatch'),
  );
  const conclusion: Conclusion = brokenStamp ? 'INVALID' : conclusionOf({ ...report, signatures: proper });
  return {
    fileName: report.fileName ?? null,
    conclusion,
    summary: verdicts[conclusion],
    signatureCount: proper.length,
    signatures: report.signatures.map((s) => {
      const when = s.timestamp?.time ?? s.claimedSigningTime;
      return {
        fieldName: s.fieldName,
        documentTimestamp: s.documentTimestamp,
        holds: signatureHolds(s),
        signerName: s.signer.commonName,
        signerDn: s.signer.subjectDn,
        issuerName: s.signer.issuerCommonName,
        chain: s.chain.map((c) => c.commonName),
        trusted: s.trusted,
        integrity:
          s.digestMatches && s.signatureValid && s.signingCertificate !== 'mismatch' && s.coversRevision,
        signingCertificateMatches: s.signingCertificate !== 'mismatch',
        modified: s.modifiedAfter,
        modifiedAllowed: !s.modifiedAfter || s.laterChangesAllowed,
        signingTime: when ? when.toISOString() : null,
        timestamp: s.timestamp
          ? {
              signerName: s.timestamp.signerName,
              time: s.timestamp.time.toISOString(),
              valid: s.timestamp.valid,
            }
          : null,
        ltv: s.ltv,
        revocation: s.revocation,
        level: s.level,
        certificationLevel: s.certificationLevel,
        reason: s.reason ?? null,
        location: s.location ?? null,
      };
    }),
  };
}

const labels = {
  id: {
    title: 'Laporan Verifikasi PDF',
    file: 'Dokumen',
    result: 'Hasil',
    signatures: 'Jumlah tanda tangan',
    signature: 'Tanda tangan',
    stamp: 'Stempel waktu dokumen',
    signer: 'Penanda tangan',
    issuer: 'Penerbit',
    trusted: 'Sertifikat terpercaya',
    integrity: 'Integritas dokumen',
    signingCertificate: 'Sertifikat penanda tangan',
    signingCertificateMismatch:
      'tidak sesuai: atribut signing-certificate yang ditandatangani menunjuk sertifikat lain',
    modified: 'Diubah setelah ditandatangani',
    time: 'Waktu tanda tangan',
    timestamp: 'Stempel waktu',
    ltv: 'LTV',
    revocation: 'Status pencabutan',
    level: 'Level',
    yes: 'Ya',
    no: 'Tidak',
    allowed: 'Ya (perubahan yang diizinkan)',
    none: '-',
    generated: 'Dibuat',
  },
  en: {
    title: 'PDF Verification Report',
    file: 'Document',
    result: 'Result',
    signatures: 'Signatures',
    signature: 'Signature',
    stamp: 'Document time-stamp',
    signer: 'Signer',
    issuer: 'Issuer',
    trusted: 'Certificate trusted',
    integrity: 'Document integrity',
    signingCertificate: "Signer's certificate",
    signingCertificateMismatch:
      'does not match: the signed signing-certificate attribute names another certificate',
    modified: 'Changed after signing',
    time: 'Signing time',
    timestamp: 'Time-stamp',
    ltv: 'LTV',
    revocation: 'Revocation status',
    level: 'Level',
    yes: 'Yes',
    no: 'No',
    allowed: 'Yes (allowed changes)',
    none: '-',
    generated: 'Generated',
  },
} as const;

/** Keeps what the standard fonts' WinAnsi encoding can show. */
const printable = (text: string) => text.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');

/** The report as a PDF of one or more A4 pages. */
export async function publicReportPdf(report: PublicReport, language: ReportLanguage, now = new Date()) {
  const t = labels[language];
  const pdf = PDF.create();
  let page = pdf.addPage({ size: 'a4' });
  let y = 800;
  const line = (text: string, opts: { size?: number; bold?: boolean; indent?: number } = {}) => {
    const size = opts.size ?? 10;
    if (y < 60) {
      page = pdf.addPage({ size: 'a4' });
      y = 800;
    }
    page.drawText(printable(text), {
      x: 50 + (opts.indent ?? 0),
      y,
      size,
      font: opts.bold ? 'Helvetica-Bold' : 'Helvetica',
      color: rgb(0.1, 0.1, 0.1),
      maxWidth: 495 - (opts.indent ?? 0),
    });
    y -= size * 1.5 * Math.max(1, Math.ceil((text.length * size * 0.5) / (495 - (opts.indent ?? 0))));
  };
  const yn = (v: boolean) => (v ? t.yes : t.no);
  line(t.title, { size: 18, bold: true });
  y -= 6;
  line(`${t.file}: ${report.fileName ?? t.none}`);
  line(`${t.result}: ${report.conclusion} - ${report.summary[language]}`, { bold: true });
  line(`${t.signatures}: ${report.signatureCount}`);
  line(`${t.generated}: ${now.toISOString()}`);
  report.signatures.forEach((s, i) => {
    y -= 8;
    line(`${s.documentTimestamp ? t.stamp : t.signature} ${i + 1}: ${s.fieldName}`, { size: 12, bold: true });
    const rows: [string, string][] = [
      [t.signer, s.signerName || t.none],
      [t.issuer, s.issuerName || t.none],
      [t.trusted, yn(s.trusted)],
      [t.integrity, yn(s.integrity)],
      ...(s.signingCertificateMatches
        ? []
        : [[t.signingCertificate, t.signingCertificateMismatch] as [string, string]]),
      [t.modified, s.modified ? (s.modifiedAllowed ? t.allowed : t.yes) : t.no],
      [t.time, s.signingTime ?? t.none],
      [
        t.timestamp,
        s.timestamp ? `${s.timestamp.signerName} ${s.timestamp.time} (${yn(s.timestamp.valid)})` : t.none,
      ],
      [t.ltv, yn(s.ltv)],
      [t.revocation, s.revocation],
      [t.level, s.level],
    ];
    for (const [k, v] of rows) line(`${k}: ${v}`, { indent: 12 });
  });
  return pdf.save();
}
