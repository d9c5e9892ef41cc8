/**
 * Hand-made PKCS#10 requests for cases OpenSSL will not write (repeated extensions, odd names),
 * signed for real with a P-256 key so that only the intended fault is wrong.
 */
import crypto from 'node:crypto';
import { der, oidDer, tag } from '../../src/pki/der.js';

export interface CsrParts {
  /** DER of the subject Name. */
  subject: Uint8Array;
  /** DER of each Extension in the extensionRequest attribute. */
  extensions?: Uint8Array[];
  /** Whole Attribute TLVs, written after the extensionRequest. */
  extraAttributes?: Uint8Array[];
}

/** An Extension { extnID, extnValue } with the given value DER. */
export function extension(oid: string, value: Uint8Array, critical = false): Uint8Array {
  return der(
    tag.sequence,
    oidDer(oid),
    ...(critical ? [new Uint8Array([0x01, 0x01, 0xff])] : []),
    der(tag.octetString, value),
  );
}

/** A Name with one attribute per RDN, each value a UTF8String of the given bytes. */
export function utf8Name(attributes: [oid: string, value: Uint8Array][]): Uint8Array {
  return der(
    tag.sequence,
    ...attributes.map(([oid, value]) => der(tag.set, der(tag.sequence, oidDer(oid), der(0x0c, value)))),
  );
}

export function extensionRequestAttribute(extensions: Uint8Array[]): Uint8Array {
  return der(tag.sequence, oidDer('1.2.840.113549.1.9.14'), der(tag.set, der(tag.sequence, ...extensions)));
}

/** A DER CertificationRequest signed with ecdsa-with-SHA256 by a fresh P-256 key. */
export function buildCsr(parts: CsrParts): Uint8Array {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const attributes = [
    ...(parts.extensions ? [extensionRequestAttribute(parts.extensions)] : []),
    ...(parts.extraAttributes ?? []),
  ];
  const info = der(
    tag.sequence,
    new Uint8Array([0x02, 0x01, 0x00]),
    parts.subject,
    new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
    der(tag.context0, ...attributes),
  );
  const signature = new Uint8Array(crypto.sign('sha256', info, privateKey));
  return der(
    tag.sequence,
    info,
    der(tag.sequence, oidDer('1.2.840.10045.4.3.2')),
    der(tag.bitString, new Uint8Array([0]), signature),
  );
}
