import { AsnConvert } from '@peculiar/asn1-schema';
import type { Extension } from '@peculiar/asn1-x509';
import {
  AlgorithmIdentifier,
  Certificate,
  Extensions,
  Name,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';

/** AlgorithmIdentifier for a signature OID: NULL parameters for RSA PKCS#1 v1.5, absent for ECDSA (RFC 5758). */
export function signatureAlgorithmIdentifier(oid: string): AlgorithmIdentifier {
  return new AlgorithmIdentifier({
    algorithm: oid,
    parameters: oid.startsWith('1.2.840.113549.') ? null : undefined,
  });
}

export interface TbsCertificateInput {
  serial: Uint8Array;
  signatureAlgorithmOid: string;
  issuerNameDer: Uint8Array;
  subjectNameDer: Uint8Array;
  spkiDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  extensions: Extension[];
}

/**
 * DER of a TBSCertificate (RFC 5280 4.1). Validity times are UTCTime before 2050 and
 * GeneralizedTime after, as 4.1.2.5 requires.
 */
export function encodeTbsCertificate(input: TbsCertificateInput): Uint8Array {
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: input.serial.slice().buffer,
    signature: signatureAlgorithmIdentifier(input.signatureAlgorithmOid),
    issuer: AsnConvert.parse(input.issuerNameDer, Name),
    subject: AsnConvert.parse(input.subjectNameDer, Name),
    validity: new Validity({
      notBefore: truncateToSeconds(input.notBefore),
      notAfter: truncateToSeconds(input.notAfter),
    }),
    subjectPublicKeyInfo: AsnConvert.parse(input.spkiDer, SubjectPublicKeyInfo),
    extensions: new Extensions(input.extensions),
  });
  return new Uint8Array(AsnConvert.serialize(tbs));
}

export function truncateToSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Wraps signed TBS bytes into a Certificate, keeping the TBS bytes exactly as recorded. */
export function assembleCertificate(
  tbsDer: Uint8Array,
  signatureAlgorithmOid: string,
  signature: Uint8Array,
): Uint8Array {
  const certificate = new Certificate({
    tbsCertificate: AsnConvert.parse(tbsDer, TBSCertificate),
    signatureAlgorithm: signatureAlgorithmIdentifier(signatureAlgorithmOid),
    signatureValue: signature.slice().buffer,
  });
  const der = new Uint8Array(AsnConvert.serialize(certificate));
  // Re-encoding must not change a byte of what was recorded and signed.
  if (!Buffer.from(der).includes(Buffer.from(tbsDer)))
    throw new Error('TBSCertificate changed during assembly.');
  return der;
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
