import crypto from 'node:crypto';
import { TekenError } from '../errors/teken-error.js';
import { bytesEqual, decodeTlv, hex, integerIsMinimal, tag, tlvEquals, type Tlv } from './der.js';

export interface PublicKeyDescription {
  type: 'rsa' | 'ec';
  /** RSA modulus length or EC field size, in bits. */
  bits: number;
  /** 'P-256' / 'P-384' for EC. */
  curve?: string;
  /** e.g. "RSA 3072" or "ECDSA P-256". */
  label: string;
}

/**
 * Describes an SPKI and checks it against what Teken certifies: RSA 2048 to 4096 bits with an odd
 * exponent of at least 65537, or ECDSA on P-256 or P-384 (the curves Adobe, poppler and Java accept).
 */
export function describePublicKey(spkiDer: Uint8Array): PublicKeyDescription {
  return importPublicKey(spkiDer).description;
}

/**
 * Reads an SPKI once (OpenSSL checks it, an EC point included; this is the expensive part) and
 * describes it as describePublicKey does. The KeyObject verifies signatures by the key.
 */
export function importPublicKey(spkiDer: Uint8Array): {
  key: crypto.KeyObject;
  description: PublicKeyDescription;
} {
  let key: crypto.KeyObject;
  try {
    const jwk = jwkOf(spkiDer);
    key = jwk
      ? crypto.createPublicKey({ key: jwk, format: 'jwk' })
      : crypto.createPublicKey({
          key: Buffer.from(spkiDer.buffer, spkiDer.byteOffset, spkiDer.byteLength),
          format: 'der',
          type: 'spki',
        });
  } catch (error) {
    throw new TekenError('ERR_CSR_KEY_UNSUPPORTED', 'The public key cannot be read.', { cause: error });
  }
  return { key, description: describeKeyObject(key) };
}

const rsaEncryptionDer = hex('06092a864886f70d010101');
const ecPublicKeyDer = hex('06072a8648ce3d0201');
const prime256v1Der = hex('06082a8648ce3d030107');

/** A positive, minimal DER INTEGER's magnitude (no sign octet), or undefined. */
function positiveInteger(der: Uint8Array, tlv: Tlv): Uint8Array | undefined {
  if (tlv.tag !== tag.integer || !integerIsMinimal(der, tlv) || der[tlv.contentStart]! & 0x80)
    return undefined;
  const first = der[tlv.contentStart]!;
  return der.subarray(tlv.contentStart + (first === 0 ? 1 : 0), tlv.end);
}

const base64url = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');

/**
 * The JWK of an RSA or P-256 SubjectPublicKeyInfo in its common DER form, else undefined (the DER
 * import decides). OpenSSL's JWK import is the faster one for these (RSA: 25x; P-256: 2x, with the
 * same check that the point is on the curve); for P-384 it is slower, so P-384 keys go as DER.
 */
function jwkOf(spkiDer: Uint8Array): crypto.JsonWebKey | undefined {
  const parts = readSpki(spkiDer);
  if (!parts) return undefined;
  const { oid, parameters, bits: b } = parts;

  if (tlvEquals(spkiDer, oid, rsaEncryptionDer)) {
    if (parameters.length !== 2 || parameters[0] !== tag.null || parameters[1] !== 0) return undefined;
    // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
    const sequence = decodeTlv(b, 0, b.length);
    if (typeof sequence === 'string' || sequence.tag !== tag.sequence || sequence.end !== b.length)
      return undefined;
    const modulus = decodeTlv(b, sequence.contentStart, sequence.end);
    if (typeof modulus === 'string') return undefined;
    const exponent = decodeTlv(b, modulus.end, sequence.end);
    if (typeof exponent === 'string' || exponent.end !== sequence.end) return undefined;
    const n = positiveInteger(b, modulus);
    const e = positiveInteger(b, exponent);
    if (!n || !e) return undefined;
    return { kty: 'RSA', n: base64url(n), e: base64url(e) };
  }
  if (tlvEquals(spkiDer, oid, ecPublicKeyDer)) {
    if (!bytesEqual(parameters, prime256v1Der)) return undefined;
    // An uncompressed point: 04 || x || y, 32 octets each.
    const point = b;
    if (point.length !== 65 || point[0] !== 4) return undefined;
    return { kty: 'EC', crv: 'P-256', x: base64url(point.subarray(1, 33)), y: base64url(point.subarray(33)) };
  }
  return undefined;
}

function describeKeyObject(key: crypto.KeyObject): PublicKeyDescription {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    const exponent = details.publicExponent ?? 0n;
    if (bits < 2048 || bits > 4096 || bits % 8 !== 0) {
      throw new TekenError(
        'ERR_CSR_KEY_UNSUPPORTED',
        `RSA keys must have 2048 to 4096 bits (this one has ${bits}).`,
      );
    }
    if (exponent < 65537n || exponent % 2n === 0n) {
      throw new TekenError('ERR_CSR_KEY_UNSUPPORTED', 'RSA public exponents must be odd and at least 65537.');
    }
    return { type: 'rsa', bits, label: `RSA ${bits}` };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve =
      details.namedCurve === 'prime256v1'
        ? 'P-256'
        : details.namedCurve === 'secp384r1'
          ? 'P-384'
          : undefined;
    if (!curve) {
      throw new TekenError(
        'ERR_CSR_KEY_UNSUPPORTED',
        `The elliptic curve ${details.namedCurve ?? '(unnamed)'} is not allowed; use P-256 or P-384.`,
      );
    }
    return { type: 'ec', bits: curve === 'P-256' ? 256 : 384, curve, label: `ECDSA ${curve}` };
  }
  throw new TekenError(
    'ERR_CSR_KEY_UNSUPPORTED',
    `Keys of type ${key.asymmetricKeyType ?? 'unknown'} are not allowed; use RSA or ECDSA (P-256, P-384).`,
  );
}

/**
 * The parts of a DER SubjectPublicKeyInfo (views into `spkiDer`): the algorithm OID TLV, the raw
 * parameters after it, and the subjectPublicKey bits (whole octets); undefined when it is not one.
 */
function readSpki(spkiDer: Uint8Array): { oid: Tlv; parameters: Uint8Array; bits: Uint8Array } | undefined {
  const spki = decodeTlv(spkiDer, 0, spkiDer.length);
  if (typeof spki === 'string' || spki.tag !== tag.sequence || spki.end !== spkiDer.length) return undefined;
  const algorithm = decodeTlv(spkiDer, spki.contentStart, spki.end);
  if (typeof algorithm === 'string' || algorithm.tag !== tag.sequence) return undefined;
  const key = decodeTlv(spkiDer, algorithm.end, spki.end);
  if (typeof key === 'string' || key.tag !== tag.bitString || key.end !== spki.end) return undefined;
  // The first content octet counts unused bits; keys are whole octets.
  if (key.end - key.contentStart < 2 || spkiDer[key.contentStart] !== 0) return undefined;
  const oid = decodeTlv(spkiDer, algorithm.contentStart, algorithm.end);
  if (typeof oid === 'string') return undefined;
  return {
    oid,
    parameters: spkiDer.subarray(oid.end, algorithm.end),
    bits: spkiDer.subarray(key.contentStart + 1, key.end),
  };
}

/** The subjectPublicKey bits of a DER SubjectPublicKeyInfo (what key identifiers and OCSP key hashes cover). */
export function subjectPublicKeyBits(spkiDer: Uint8Array): Uint8Array | undefined {
  return readSpki(spkiDer)?.bits;
}
