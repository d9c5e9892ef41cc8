/**
 * Time-Stamp Protocol codec (RFC 3161, with ESSCertIDv2 from RFC 5816). Pure: no I/O, no database.
 *
 * Requests are parsed with asn1js/PKI.js (`TimeStampReq`), which also reads the BER some clients
 * send. Tokens and responses are written with the DER writer of der.ts, as OCSP responses and
 * certificates are: assembled from PKI.js object trees, a token cost about 40 times its signature
 * (bench/RESULTS.md, "Time-stamping"), so the fixed parts of a unit (its names, serial, algorithm
 * identifiers, signing-certificate-v2 attribute and certificate) are encoded once and each token
 * writes only what changes. test/helpers/pkijs-time-stamp-token.ts, the PKI.js encoder as first
 * written, is the tests' oracle: the output is byte-identical. Hashes come from node:crypto and the
 * signature from the `Signer`, so the TSA key may live in an HSM.
 *
 * A request that cannot be answered is never an exception for the caller: `parseTimeStampRequest`
 * returns the PKIFailureInfo of the `rejection` to send (RFC 3161 2.4.2).
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeTlv, der, integerDer, nullDer, oidDer, tag, type Tlv } from './der.js';
import { signatureAlgorithmOf, type Signer } from './signer.js';

export type TspHashAlgorithm = 'sha256' | 'sha384' | 'sha512';

/**
 * PKIFailureInfo (RFC 3161 2.4.2, a named BIT STRING): the bit of each reason a request is refused.
 */
export const tspFailureBits = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  addInfoNotAvailable: 17,
  systemFailure: 25,
} as const;

export type TspFailure = keyof typeof tspFailureBits;

/** What a TimeStampReq asks for, once checked. */
export interface TimeStampRequest {
  hashAlgorithm: TspHashAlgorithm;
  /** The hashedMessage of the MessageImprint: the digest of the datum, never the datum. */
  digest: Uint8Array;
  /** The reqPolicy, when the client named one (it is then the TSA's policy). */
  policy?: string;
  /** The nonce's INTEGER content octets, echoed byte for byte in the TSTInfo. */
  nonce?: Uint8Array;
  /** Whether the TSA's certificate goes into the token (certReq, DEFAULT FALSE). */
  certReq: boolean;
}

export type ParsedTimeStampRequest =
  { ok: true; request: TimeStampRequest } | { ok: false; failure: TspFailure; text: string };

interface HashInfo {
  name: TspHashAlgorithm;
  oid: string;
  length: number;
}

/** The hash algorithms Teken time-stamps (SHA-2 of 256 bits and more; SHA-1 and others: badAlg). */
export const tspHashAlgorithms: readonly HashInfo[] = [
  { name: 'sha256', oid: '2.16.840.1.101.3.4.2.1', length: 32 },
  { name: 'sha384', oid: '2.16.840.1.101.3.4.2.2', length: 48 },
  { name: 'sha512', oid: '2.16.840.1.101.3.4.2.3', length: 64 },
];

const hashByName = (name: TspHashAlgorithm | 'sha256' | 'sha384'): HashInfo =>
  tspHashAlgorithms.find((h) => h.name === name)!;

/** A nonce is an INTEGER of any size; clients send 64 bits. More than this is not a nonce. */
export const maxNonceOctets = 64;

const oid = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

function reject(failure: TspFailure, text: string): ParsedTimeStampRequest {
  return { ok: false, failure, text };
}

/**
 * Parses and checks a DER TimeStampReq against what this TSA does: version 1, a SHA-2 imprint of
 * the right length, no policy but `policy`, no extensions (RFC 3161 2.4.1 lets a TSA refuse those
 * it does not know, and Teken knows none). Never throws.
 *
 * @example
 * const parsed = parseTimeStampRequest(body, { policy: '1.3.6.1.4.1.61234.1.4' });
 * if (!parsed.ok) return rejectionResponse(parsed.failure, parsed.text);
 */
export function parseTimeStampRequest(
  requestDer: Uint8Array,
  options: { policy: string },
): ParsedTimeStampRequest {
  let req: pkijs.TimeStampReq;
  try {
    const asn1 = asn1js.fromBER(requestDer);
    if (asn1.offset === -1 || asn1.offset !== requestDer.byteLength)
      return reject('badDataFormat', 'The request is not one DER value.');
    const checked = asn1js.compareSchema(
      asn1.result,
      asn1.result,
      pkijs.TimeStampReq.schema() as asn1js.AsnSchemaType,
    );
    if (!checked.verified) return reject('badDataFormat', 'The request is not a TimeStampReq.');
    req = new pkijs.TimeStampReq({ schema: asn1.result });
  } catch {
    // asn1js and PKI.js throw on what they cannot read (including nesting deep enough to exhaust
    // the stack): all of it is a malformed request.
    return reject('badDataFormat', 'The request is not a TimeStampReq.');
  }
  if (req.version !== 1) return reject('badDataFormat', 'Only version 1 requests are supported.');
  const algorithm = req.messageImprint.hashAlgorithm;
  const hash = tspHashAlgorithms.find((h) => h.oid === algorithm.algorithmId);
  if (!hash) return reject('badAlg', `The hash algorithm ${algorithm.algorithmId} is not accepted.`);
  const params = algorithm.algorithmParams as asn1js.BaseBlock | undefined;
  if (params !== undefined && !(params instanceof asn1js.Null))
    return reject('badAlg', 'The hash algorithm parameters must be NULL or absent.');
  const digest = new Uint8Array(req.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (digest.length !== hash.length)
    return reject('badDataFormat', `A ${hash.name} digest has ${hash.length} octets, not ${digest.length}.`);
  if (req.reqPolicy !== undefined && req.reqPolicy !== options.policy)
    return reject('unacceptedPolicy', `The policy ${req.reqPolicy} is not this TSA's.`);
  if (req.extensions !== undefined && req.extensions.length > 0)
    return reject('unacceptedExtension', 'Extensions are not supported.');
  let nonce: Uint8Array | undefined;
  if (req.nonce !== undefined) {
    nonce = new Uint8Array(req.nonce.valueBlock.valueHexView);
    if (nonce.length === 0 || nonce.length > maxNonceOctets)
      return reject('badDataFormat', `The nonce must have 1 to ${maxNonceOctets} octets.`);
  }
  return {
    ok: true,
    request: {
      hashAlgorithm: hash.name,
      digest,
      ...(req.reqPolicy !== undefined ? { policy: req.reqPolicy } : {}),
      ...(nonce ? { nonce } : {}),
      certReq: req.certReq === true,
    },
  };
}

/** The INTEGER content octets (two's complement, minimal) of a nonce given as a bigint. */
export function nonceOctets(nonce: bigint): Uint8Array {
  let hex = (nonce < 0n ? -nonce : nonce).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Buffer.from(hex, 'hex');
  if (nonce >= 0n) {
    if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return new Uint8Array(bytes);
  }
  // Negative: two's complement of the magnitude, one octet wider when the sign bit would be lost.
  const width = bytes.length + 1;
  const value = (1n << BigInt(width * 8)) + nonce;
  let out = Buffer.from(value.toString(16).padStart(width * 2, '0'), 'hex');
  while (out.length > 1 && out[0] === 0xff && out[1]! & 0x80) out = out.subarray(1);
  return new Uint8Array(out);
}

/** The TSA unit as the encoder needs it: its key and its certificate. */
export interface TsaUnit {
  key: Signer;
  /** The TSA certificate, DER (critical EKU timeStamping only, RFC 3161 2.3). */
  certificateDer: Uint8Array;
}

/** Everything in a TSTInfo that changes from token to token. */
export interface TstInfoInput {
  policy: string;
  hashAlgorithm: TspHashAlgorithm;
  digest: Uint8Array;
  /** The token's serial number: the INTEGER content octets (positive, unique per TSA). */
  serial: Uint8Array;
  genTime: Date;
  /** Accuracy of genTime in milliseconds (at least 1). */
  accuracyMs: number;
  nonce?: Uint8Array;
}

/** The parts of every token of one TSA unit that do not change: encoded once per certificate. */
interface PreparedUnit {
  hash: 'sha256' | 'sha384';
  /** AlgorithmIdentifier of the signer's digest (parameters absent, RFC 5754 2). */
  digestAlgorithm: Uint8Array;
  /** SET OF DigestAlgorithmIdentifier of the SignedData. */
  digestAlgorithms: Uint8Array;
  signatureAlgorithm: Uint8Array;
  /** SignerIdentifier: IssuerAndSerialNumber. */
  sid: Uint8Array;
  /** TSTInfo `tsa` field: [0] GeneralName directoryName (the unit's subject). */
  tsaName: Uint8Array;
  /** The signed attributes that are the same in every token. */
  contentTypeAttribute: Uint8Array;
  signingCertificateV2Attribute: Uint8Array;
  /** `certificates` [0] IMPLICIT SET OF, with the unit certificate. */
  certificates: Uint8Array;
}

const prepared = new WeakMap<Uint8Array, PreparedUnit>();

const octetString = (bytes: Uint8Array) => der(tag.octetString, bytes);
const sequence = (...parts: Uint8Array[]) => der(tag.sequence, ...parts);
const algorithmIdentifier = (algorithm: string, withNull = false) =>
  sequence(oidDer(algorithm), ...(withNull ? [nullDer] : []));
const oidCache = new Map<string, Uint8Array>();
const cachedOid = (value: string) => {
  let encoded = oidCache.get(value);
  if (!encoded) oidCache.set(value, (encoded = oidDer(value)));
  return encoded;
};

/** The TLVs of the certificate that tokens name it by: serial, issuer, subject (X.509 TBSCertificate). */
function certificateParts(certificateDer: Uint8Array): {
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
} {
  const next = (pos: number, limit: number, what: string): Tlv => {
    const tlv = decodeTlv(certificateDer, pos, limit);
    if (typeof tlv === 'string') throw new RangeError(`The TSA certificate's ${what} ${tlv}.`);
    return tlv;
  };
  const certificate = next(0, certificateDer.length, 'certificate');
  const tbs = next(certificate.contentStart, certificate.end, 'tbsCertificate');
  let item = next(tbs.contentStart, tbs.end, 'version');
  if (item.tag === tag.context0) item = next(item.end, tbs.end, 'serial');
  const serial = item;
  const signature = next(serial.end, tbs.end, 'signature');
  const issuer = next(signature.end, tbs.end, 'issuer');
  const validity = next(issuer.end, tbs.end, 'validity');
  const subject = next(validity.end, tbs.end, 'subject');
  if (serial.tag !== tag.integer || issuer.tag !== tag.sequence || subject.tag !== tag.sequence)
    throw new RangeError('The TSA certificate is not an X.509 certificate.');
  const slice = (t: Tlv) => certificateDer.slice(t.start, t.end);
  return { serial: slice(serial), issuer: slice(issuer), subject: slice(subject) };
}

function prepare(unit: TsaUnit): PreparedUnit {
  const known = prepared.get(unit.certificateDer);
  if (known) return known;
  const { serial, issuer, subject } = certificateParts(unit.certificateDer);
  const signature = signatureAlgorithmOf[unit.key.algorithm];
  const digestAlgorithm = algorithmIdentifier(hashByName(signature.hash).oid);
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035 3); ESSCertIDv2
  // with hashAlgorithm left at its DEFAULT, SHA-256, and issuerSerial (GeneralNames with the
  // issuer's directoryName, and the serial) so a verifier can match the certificate directly.
  const certHash = crypto.createHash('sha256').update(unit.certificateDer).digest();
  const essCertIdV2 = sequence(octetString(certHash), sequence(sequence(der(0xa4, issuer)), serial));
  const result: PreparedUnit = {
    hash: signature.hash,
    digestAlgorithm,
    digestAlgorithms: der(tag.set, digestAlgorithm),
    signatureAlgorithm: algorithmIdentifier(signature.oid, unit.key.algorithm.startsWith('rsa')),
    sid: sequence(issuer, serial),
    // [0] on a CHOICE is explicit; directoryName is [4] EXPLICIT Name for the same reason.
    tsaName: der(tag.context0, der(0xa4, subject)),
    contentTypeAttribute: attributeDer(oid.contentType, oidDer(oid.tstInfo)),
    signingCertificateV2Attribute: attributeDer(oid.signingCertificateV2, sequence(sequence(essCertIdV2))),
    certificates: der(tag.context0, unit.certificateDer),
  };
  prepared.set(unit.certificateDer, result);
  return result;
}

/** Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue } with one value. */
function attributeDer(type: string, value: Uint8Array): Uint8Array {
  return sequence(oidDer(type), der(tag.set, value));
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * GeneralizedTime with milliseconds (RFC 3161 2.4.2: YYYYMMDDhhmmss[.s...]Z, no trailing zeros in
 * the fraction, none at all for a whole second).
 */
export function generalizedTimeDer(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 1 || year > 9999)
    throw new RangeError('The date cannot be written as a GeneralizedTime.');
  const ms = date.getUTCMilliseconds();
  const text =
    pad(year, 4) +
    pad(date.getUTCMonth() + 1, 2) +
    pad(date.getUTCDate(), 2) +
    pad(date.getUTCHours(), 2) +
    pad(date.getUTCMinutes(), 2) +
    pad(date.getUTCSeconds(), 2) +
    (ms > 0 ? '.' + pad(ms, 3).replace(/0+$/, '') : '') +
    'Z';
  return der(tag.generalizedTime, Buffer.from(text, 'latin1'));
}

/** Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, millis [0] INTEGER (1..999) OPTIONAL, ... }. */
function accuracyDer(accuracyMs: number): Uint8Array {
  const seconds = Math.floor(accuracyMs / 1000);
  const millis = accuracyMs % 1000;
  const millisDer = integerDer(millis);
  millisDer[0] = 0x80; // [0] IMPLICIT INTEGER
  return sequence(...(seconds > 0 ? [integerDer(seconds)] : []), ...(millis > 0 ? [millisDer] : []));
}

/** An INTEGER (tag and all) from its content octets, as given (the caller's are minimal). */
const integerFromOctets = (octets: Uint8Array) => der(tag.integer, octets);

/** The TSTInfo of a token, DER (RFC 3161 2.4.2). */
export function encodeTstInfo(unit: TsaUnit, input: TstInfoInput): Uint8Array {
  const p = prepare(unit);
  return sequence(
    integerDer(1),
    cachedOid(input.policy),
    // MessageImprint: the client's digest with its algorithm (parameters absent).
    sequence(algorithmIdentifier(hashByName(input.hashAlgorithm).oid), octetString(input.digest)),
    integerFromOctets(input.serial),
    generalizedTimeDer(input.genTime),
    accuracyDer(input.accuracyMs),
    // ordering: DEFAULT FALSE, so absent.
    ...(input.nonce ? [integerFromOctets(input.nonce)] : []),
    // The TSA's name (the subject of its certificate), for `openssl ts -verify -tsa_name`.
    p.tsaName,
  );
}

/**
 * Signs a TimeStampToken (RFC 3161 2.4.2): a CMS SignedData (RFC 5652) over the TSTInfo, signed
 * attributes contentType, messageDigest and signing-certificate-v2, the TSA certificate in
 * `certificates` when asked (certReq). Returns the ContentInfo, DER.
 */
export async function buildTimeStampToken(
  unit: TsaUnit,
  input: TstInfoInput,
  includeCertificate: boolean,
): Promise<Uint8Array> {
  const p = prepare(unit);
  const tstInfo = encodeTstInfo(unit, input);
  const messageDigest = attributeDer(
    oid.messageDigest,
    octetString(crypto.createHash(p.hash).update(tstInfo).digest()),
  );
  // DER orders a SET OF by the encodings of its elements (X.690 11.6).
  const attributes = [p.contentTypeAttribute, messageDigest, p.signingCertificateV2Attribute].sort((a, b) =>
    Buffer.compare(a, b),
  );
  // The signature covers the attributes as a SET (RFC 5652 5.4); the SignerInfo holds them as [0] IMPLICIT.
  const signedAttributes = der(tag.set, ...attributes);
  const signature = await unit.key.sign(signedAttributes);
  signedAttributes[0] = tag.context0;
  const signerInfo = sequence(
    integerDer(1),
    p.sid,
    p.digestAlgorithm,
    signedAttributes,
    p.signatureAlgorithm,
    octetString(signature),
  );
  const signedData = sequence(
    integerDer(3),
    p.digestAlgorithms,
    // EncapsulatedContentInfo: id-ct-TSTInfo, [0] EXPLICIT OCTET STRING.
    sequence(oidDer(oid.tstInfo), der(tag.context0, octetString(tstInfo))),
    ...(includeCertificate ? [p.certificates] : []),
    der(tag.set, signerInfo),
  );
  return sequence(oidDer(oid.signedData), der(tag.context0, signedData));
}

/** PKIStatusInfo of a grant: SEQUENCE { status INTEGER granted(0) }. */
const grantedStatus = sequence(integerDer(0));

/** TimeStampResp with status granted and the token (RFC 3161 2.4.2). */
export function grantedResponse(token: Uint8Array): Uint8Array {
  return sequence(grantedStatus, token);
}

/**
 * TimeStampResp with status rejection, the PKIFailureInfo bit of `failure` and a statusString
 * (`openssl ts -reply -text` prints both).
 */
export function rejectionResponse(failure: TspFailure, text: string): Uint8Array {
  const bit = tspFailureBits[failure];
  // A named BIT STRING in DER drops its trailing zero bits (X.690 11.2.2): the last octet holds `bit`.
  const bits = new Uint8Array(1 + (bit >> 3) + 1);
  bits[0] = 7 - (bit & 7);
  bits[1 + (bit >> 3)] = 0x80 >> (bit & 7);
  return sequence(
    sequence(
      integerDer(2),
      // PKIFreeText ::= SEQUENCE SIZE (1..MAX) OF UTF8String
      sequence(der(0x0c, Buffer.from(text, 'utf8'))),
      der(tag.bitString, bits),
    ),
  );
}
