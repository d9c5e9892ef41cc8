import { AsnConvert } from '@peculiar/asn1-schema';
import type { Extension } from '@peculiar/asn1-x509';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { der, tag, timeDer } from './der.js';

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
  /** Extension objects, or the DER of each Extension (what the issuance hot path passes). */
  extensions: (Extension | Uint8Array)[];
}

/** version [0] EXPLICIT INTEGER v3(2). */
const versionV3Der = der(tag.context0, der(tag.integer, new Uint8Array([2])));
const algorithmIdentifiers = new Map<string, Uint8Array>();

/** DER of signatureAlgorithmIdentifier(oid), encoded once per OID. */
export function signatureAlgorithmDer(oid: string): Uint8Array {
  let encoded = algorithmIdentifiers.get(oid);
  if (!encoded) {
    encoded = new Uint8Array(AsnConvert.serialize(signatureAlgorithmIdentifier(oid)));
    algorithmIdentifiers.set(oid, encoded);
  }
  return encoded;
}

/** DER of one Extension. */
export function extensionDer(extension: Extension | Uint8Array): Uint8Array {
  return extension instanceof Uint8Array ? extension : new Uint8Array(AsnConvert.serialize(extension));
}

/**
 * DER of a TBSCertificate (RFC 5280 4.1), written directly: the names and the key go in as given
 * (they are DER already: encodeName, the issuer certificate, a checked SPKI), and validity times are
 * UTCTime before 2050 and GeneralizedTime after, as 4.1.2.5 requires. The pre-issuance lint reads
 * the result back with its own parser before anything signs it.
 */
export function encodeTbsCertificate(input: TbsCertificateInput): Uint8Array {
  const serial = input.serial;
  if (serial.length === 0 || serial.length > 20 || serial[0]! & 0x80)
    throw new RangeError('A serial number is 1 to 20 octets and positive.');
  return der(
    tag.sequence,
    versionV3Der,
    der(tag.integer, serial),
    signatureAlgorithmDer(input.signatureAlgorithmOid),
    input.issuerNameDer,
    der(
      tag.sequence,
      timeDer(truncateToSeconds(input.notBefore)),
      timeDer(truncateToSeconds(input.notAfter)),
    ),
    input.subjectNameDer,
    input.spkiDer,
    der(tag.context3, der(tag.sequence, ...input.extensions.map(extensionDer))),
  );
}

export function truncateToSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }: the
 * recorded TBS bytes go in unchanged.
 */
export function assembleCertificate(
  tbsDer: Uint8Array,
  signatureAlgorithmOid: string,
  signature: Uint8Array,
): Uint8Array {
  return der(
    tag.sequence,
    tbsDer,
    signatureAlgorithmDer(signatureAlgorithmOid),
    der(tag.bitString, new Uint8Array([0]), signature),
  );
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
