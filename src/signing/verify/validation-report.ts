/**
 * What the one validator (issue "Verification": the console's "Verifikasi PDF" and both eSign
 * verify endpoints) finds in a signed PDF, per signature. The endpoints and the console only
 * present this report (esign/verify-response.ts for BSrE's two shapes); none of them decides
 * anything of its own, so the three can never disagree.
 */

/** The PAdES baseline level a signature reaches (ETSI EN 319 142-1), or none of them. */
export type PadesLevel =
  'PAdES-BASELINE-B' | 'PAdES-BASELINE-T' | 'PAdES-BASELINE-LT' | 'PAdES-BASELINE-LTA' | 'NOT_PADES';

export interface CertificateFacts {
  subjectDn: string;
  commonName: string;
  issuerDn: string;
  issuerCommonName: string;
  /** Lower-case hex, as OpenSSL prints it. */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** RFC 5280 names: digitalSignature, nonRepudiation, … */
  keyUsages: string[];
  /** e.g. SHA256withECDSA, SHA256withRSA. */
  signatureAlgorithm: string;
}

export interface TimestampFacts {
  /** The TSA's name (its certificate's common name). */
  signerName: string;
  time: Date;
  /** The token's signature, its imprint over the signature value, and the TSA's chain hold. */
  valid: boolean;
  /** The token's signature and its imprint hold (whether or not its TSA is trusted). */
  intact: boolean;
  tsaCertificate: { notBefore: Date; notAfter: Date } | undefined;
}

export interface SignatureFacts {
  /** The signature field's full name. */
  fieldName: string;
  /** A document time-stamp (B-LTA's /DocTimeStamp) rather than a signature. */
  documentTimestamp: boolean;
  signer: CertificateFacts;
  /** The signer's certificate first, up to the anchor where one was found. */
  chain: CertificateFacts[];
  /** The chain ends at Teken's root or a configured trust anchor, every certificate valid then. */
  trusted: boolean;
  /** The byte range's digest equals the signed message-digest attribute. */
  digestMatches: boolean;
  /** The signature value verifies under the signer's public key. */
  signatureValid: boolean;
  /**
   * The signed signing-certificate-v2 (ESSCertIDv2) or signing-certificate (ESSCertID) attribute
   * names the signer's certificate (its hash, issuer and serial), names another one or cannot be
   * read (`mismatch`: INVALID), or there is none (`absent`; a document time-stamp: its token's).
   */
  signingCertificate: 'matches' | 'mismatch' | 'absent';
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** Hex digest of the signed byte range. */
  documentDigestHex: string;
  /** The byte range covers the whole revision it signs (no gap but /Contents). */
  coversRevision: boolean;
  /** Bytes were added after this signature's revision. */
  modifiedAfter: boolean;
  /** What was added after is what PAdES allows (DSS, later signatures, document time-stamps). */
  laterChangesAllowed: boolean;
  /** The claimed signing time (/M), and the time-stamp's where there is one. */
  claimedSigningTime: Date | undefined;
  timestamp: TimestampFacts | undefined;
  /** The DSS holds what validating this signature needs (chain, OCSP or CRL) later, offline. */
  ltv: boolean;
  /** At the signing time (the time-stamp's, else the claimed one). */
  revocation: 'good' | 'revoked' | 'unknown';
  level: PadesLevel;
  /** A certification (DocMDP) signature: 1 no changes, 2 form filling, 3 annotations too. */
  certificationLevel: 0 | 1 | 2 | 3;
  reason: string | undefined;
  location: string | undefined;
  contactInfo: string | undefined;
}

export interface ValidationReport {
  fileName: string | undefined;
  signatures: SignatureFacts[];
}

/**
 * Whether a signature holds, by the facts: intact, trusted, known not revoked at signing time,
 * unchanged but for the changes PAdES allows, its time-stamp (if any) valid.
 */
export function signatureHolds(s: SignatureFacts): boolean {
  return (
    s.digestMatches &&
    s.signatureValid &&
    s.signingCertificate !== 'mismatch' &&
    s.coversRevision &&
    s.trusted &&
    s.revocation === 'good' &&
    (!s.modifiedAfter || s.laterChangesAllowed) &&
    (s.timestamp === undefined || s.timestamp.valid)
  );
}

export type Conclusion = 'VALID' | 'INVALID' | 'INDETERMINATE' | 'NO_SIGNATURE';

/**
 * The document's verdict: VALID when every signature holds; INVALID when one is broken (integrity,
 * revoked, disallowed changes); INDETERMINATE when all are intact but one cannot be tied to a trust
 * anchor or its revocation status is unknown (an intact time-stamp of an untrusted TSA too).
 */
export function conclusionOf(report: ValidationReport): Conclusion {
  const signatures = report.signatures;
  if (signatures.length === 0) return 'NO_SIGNATURE';
  if (signatures.every(signatureHolds)) return 'VALID';
  const broken = signatures.some(
    (s) =>
      !s.digestMatches ||
      !s.signatureValid ||
      s.signingCertificate === 'mismatch' ||
      !s.coversRevision ||
      s.revocation === 'revoked' ||
      (s.modifiedAfter && !s.laterChangesAllowed) ||
      (s.timestamp !== undefined && !s.timestamp.intact),
  );
  return broken ? 'INVALID' : 'INDETERMINATE';
}
