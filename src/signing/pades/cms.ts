/**
 * The CMS of a PAdES signature (ETSI EN 319 142-1 5.3, ETSI EN 319 122-1 for CAdES): a detached
 * SignedData over the document's byte range with exactly the signed attributes PAdES baseline wants:
 * content-type, message-digest and signing-certificate-v2, and no signing-time (EN 319 142-1 5.3
 * forbids it; the claimed time is the signature dictionary's /M, the proven one the time-stamp).
 * The signature time-stamp (B-T) is an unsigned attribute over the signature value (RFC 3161
 * Appendix A).
 *
 * Written with the strict DER writer of `pki/der.ts`: the structure is fixed, and PKI.js would build
 * an object tree per signature for no gain. test/signing/pades-*.test.ts judge it with
 * `openssl cms -verify` and pdfsig.
 *
 * ```asn1
 * SignedData ::= SEQUENCE { version CMSVersion, digestAlgorithms SET OF DigestAlgorithmIdentifier,
 *   encapContentInfo EncapsulatedContentInfo, certificates [0] IMPLICIT CertificateSet OPTIONAL,
 *   signerInfos SET OF SignerInfo }                                            -- RFC 5652 5.1
 * SignerInfo ::= SEQUENCE { version CMSVersion, sid SignerIdentifier, digestAlgorithm,
 *   signedAttrs [0] IMPLICIT SignedAttributes, signatureAlgorithm, signature OCTET STRING,
 *   unsignedAttrs [1] IMPLICIT UnsignedAttributes OPTIONAL }                   -- RFC 5652 5.3
 * ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT sha256, certHash OCTET STRING,
 *   issuerSerial IssuerSerial OPTIONAL }                                       -- RFC 5035 4
 * ```
 */
import crypto from 'node:crypto';
import { der, derReader, integerDer, nullDer, oidDer, tag, type Tlv } from '../../pki/der.js';
import { TekenError } from '../../errors/teken-error.js';

export type PadesHash = 'sha256' | 'sha384' | 'sha512';

export const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

export const hashOid: Record<PadesHash, string> = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

const rsaSignatureOid: Record<PadesHash, string> = {
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};
const ecdsaSignatureOid: Record<PadesHash, string> = {
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

const seq = (...parts: Uint8Array[]) => der(tag.sequence, ...parts);
const set = (...parts: Uint8Array[]) => der(tag.set, ...parts);
const octets = (bytes: Uint8Array) => der(tag.octetString, bytes);
/** A digest AlgorithmIdentifier, parameters absent (RFC 5754 2). */
export const digestAlgorithmDer = (hash: PadesHash) => seq(oidDer(hashOid[hash]));

export function digest(hash: PadesHash, ...parts: Uint8Array[]): Uint8Array {
  const h = crypto.createHash(hash);
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
}

/** DER SET OF: the elements sorted by their encodings (X.690 11.6). */
function setOf(elements: Uint8Array[]): Uint8Array {
  return set(...[...elements].sort((a, b) => Buffer.compare(a, b)));
}

const attribute = (type: string, value: Uint8Array) => seq(oidDer(type), set(value));

const badCertificate = (message: string): never => {
  throw new TekenError('ERR_INPUT_INVALID', `The signing certificate ${message}.`);
};
const reader = derReader(badCertificate);

/** The issuer Name and the serialNumber INTEGER of a certificate, as DER (RFC 5280 4.1). */
export function issuerAndSerial(certificate: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const cert = reader.only(certificate, 0, certificate.length, tag.sequence, 'certificate');
  const tbs = reader.expect(certificate, cert.contentStart, cert.end, tag.sequence, 'tbsCertificate');
  let pos = tbs.contentStart;
  let next: Tlv = reader.read(certificate, pos, tbs.end, 'version');
  if (next.tag === tag.context0) {
    pos = next.end;
    next = reader.read(certificate, pos, tbs.end, 'serialNumber');
  }
  if (next.tag !== tag.integer) badCertificate('has no serial number');
  const serial = certificate.slice(next.start, next.end);
  const signature = reader.expect(certificate, next.end, tbs.end, tag.sequence, 'signature');
  const issuer = reader.expect(certificate, signature.end, tbs.end, tag.sequence, 'issuer');
  return { issuer: certificate.slice(issuer.start, issuer.end), serial };
}

export type SigningKeyKind = 'rsa' | 'ec';

export function keyKind(key: crypto.KeyObject): SigningKeyKind {
  if (key.type !== 'private')
    throw new TekenError('ERR_INPUT_INVALID', 'The signing key is not a private key.');
  if (key.asymmetricKeyType === 'rsa') return 'rsa';
  if (key.asymmetricKeyType === 'ec') return 'ec';
  throw new TekenError(
    'ERR_INPUT_INVALID',
    `Keys of type ${key.asymmetricKeyType} cannot sign PAdES signatures.`,
  );
}

export interface CadesInput {
  /** The unlocked key of the signer (RSA or EC). */
  privateKey: crypto.KeyObject;
  /** The signer's certificate, DER. */
  certificate: Uint8Array;
  /** Issuing CAs (and optionally the root), DER, nearest first. */
  chain: readonly Uint8Array[];
  /** Digest of the signed byte range. */
  messageDigest: Uint8Array;
  hash: PadesHash;
  /** Gets the signature time-stamp token over the digest of the signature value (B-T). */
  timestamp?: (signatureValueDigest: Uint8Array) => Promise<Uint8Array>;
}

/** The DER SET of signed attributes (what the signature covers, RFC 5652 5.4). */
export function cadesSignedAttributes(
  certificate: Uint8Array,
  messageDigest: Uint8Array,
  hash: PadesHash,
  contentType: string = oid.data,
) {
  const { issuer, serial } = issuerAndSerial(certificate);
  // ESSCertIDv2 with sha256 leaves hashAlgorithm out (it is the DEFAULT, so DER omits it).
  const essCertId = seq(
    ...(hash === 'sha256' ? [] : [digestAlgorithmDer(hash)]),
    octets(digest(hash, certificate)),
    seq(seq(der(0xa4, issuer)), serial),
  );
  return setOf([
    attribute(oid.contentType, oidDer(contentType)),
    attribute(oid.messageDigest, octets(messageDigest)),
    attribute(oid.signingCertificateV2, seq(seq(essCertId))),
  ]);
}

/**
 * Builds the CAdES detached SignedData (ContentInfo, DER) of one PAdES signature.
 *
 * @example
 * const cms = await buildCadesSignature({ privateKey, certificate, chain, messageDigest, hash: 'sha256' });
 */
export async function buildCadesSignature(input: CadesInput): Promise<Uint8Array> {
  const signedAttrs = cadesSignedAttributes(input.certificate, input.messageDigest, input.hash);
  const signerInfo = await buildSignerInfo(
    input.privateKey,
    input.certificate,
    input.hash,
    signedAttrs,
    input.timestamp,
  );
  return signedDataContentInfo(
    input.hash,
    seq(oidDer(oid.data)),
    [input.certificate, ...input.chain],
    signerInfo,
  );
}

/**
 * A SignerInfo (RFC 5652 5.3) over `signedAttrs`, with the signature time-stamp as its unsigned
 * attribute when `timestamp` is given.
 */
export async function buildSignerInfo(
  privateKey: crypto.KeyObject,
  certificate: Uint8Array,
  hash: PadesHash,
  signedAttrs: Uint8Array,
  timestamp?: (signatureValueDigest: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const kind = keyKind(privateKey);
  // Node signs ECDSA as the DER Ecdsa-Sig-Value, what CMS wants (RFC 5753 7.2).
  const signature = new Uint8Array(crypto.sign(hash, signedAttrs, privateKey));
  const unsigned: Uint8Array[] = [];
  if (timestamp)
    unsigned.push(attribute(oid.signatureTimeStampToken, await timestamp(digest(hash, signature))));
  const { issuer, serial } = issuerAndSerial(certificate);
  const signatureAlgorithm =
    kind === 'rsa' ? seq(oidDer(rsaSignatureOid[hash]), nullDer) : seq(oidDer(ecdsaSignatureOid[hash]));
  return seq(
    integerDer(1),
    seq(issuer, serial),
    digestAlgorithmDer(hash),
    // [0] IMPLICIT: the SET's content under the context tag.
    der(0xa0, signedAttrs.subarray(headerLength(signedAttrs))),
    signatureAlgorithm,
    octets(signature),
    ...(unsigned.length > 0 ? [der(0xa1, ...unsigned)] : []),
  );
}

/** The ContentInfo of a SignedData with one signer (RFC 5652 3, 5.1). */
export function signedDataContentInfo(
  hash: PadesHash,
  encapContentInfo: Uint8Array,
  certificates: readonly Uint8Array[],
  signerInfo: Uint8Array,
  version = 1,
): Uint8Array {
  const signedData = seq(
    integerDer(version),
    set(digestAlgorithmDer(hash)),
    encapContentInfo,
    ...(certificates.length > 0 ? [der(0xa0, ...certificates)] : []),
    set(signerInfo),
  );
  return seq(oidDer(oid.signedData), der(0xa0, signedData));
}

/** Length of a DER TLV's header (tag and length octets). */
export function headerLength(tlv: Uint8Array): number {
  const first = tlv[1]!;
  return first < 0x80 ? 2 : 2 + (first & 0x7f);
}
