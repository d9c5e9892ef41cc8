/**
 * OCSP codec (RFC 6960, with the RFC 5019 lightweight profile). Pure: no I/O, no database.
 *
 * Requests are decoded by the small, strict DER reader below rather than by asn1js/pkijs: the request
 * grammar is tiny and bounded, and on this hot path asn1js.fromBER alone manages about 10k requests/s
 * (pkijs.OCSPRequest about 1k/s) where this reader does several hundred thousand. It accepts DER only
 * (definite, minimal lengths, exact tags, minimal INTEGERs), so the CertID bytes it hands back can be
 * echoed verbatim inside a signed response. Responses are written by a small DER writer (the fixed
 * parts of a responder's responses are encoded once per responder); hashes and signatures come from
 * node:crypto and the Signer.
 */
import crypto from 'node:crypto';
import { TekenError } from '../errors/teken-error.js';
import {
  bytesEqual,
  contentEquals,
  copy,
  decodeTlv,
  der,
  derReader,
  filledSequenceContentStart as sequenceContentStart,
  hex,
  integerIsMinimal,
  nullDer,
  oidDer,
  oidIsValid,
  oidText,
  rangesEqual,
  readBoolean,
  tag,
  timeDer,
  type Tlv,
} from './der.js';
import { subjectPublicKeyBits } from './public-key.js';
import { normaliseSerialHex, serialHexToInteger, serialToHex } from './serial-number.js';
import { signatureAlgorithmOf, type Signer } from './signer.js';

export type OcspHashAlgorithm = 'sha1' | 'sha256' | 'sha384' | 'sha512';

export interface OcspCertId {
  hashAlgorithm: OcspHashAlgorithm;
  hashAlgorithmOid: string;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  /** Lower-case hex of the INTEGER content bytes without a leading 00 (see serial-number.ts). */
  serialHex: string;
  /** DER of the CertID, echoed byte-exact in the response. */
  raw: Uint8Array;
}

export interface ParsedOcspRequest {
  certIds: OcspCertId[];
  /**
   * The value of the Nonce (the OCTET STRING inside extnValue, RFC 6960 4.4.1 / RFC 9654), when the
   * request has a well-formed one of 1 to 128 octets. Pass it back to buildOcspResponse unchanged.
   */
  nonce?: Uint8Array;
}

export type OcspCertStatus =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date; reason?: number /* RFC 5280 CRLReason */ }
  | { status: 'unknown' };

export interface OcspSingleResponseInput {
  /** Only `raw` is used: the CertID goes into the response exactly as the client (or certIdFor) wrote it. */
  certId: Pick<OcspCertId, 'raw'>;
  status: OcspCertStatus;
  thisUpdate: Date;
  nextUpdate: Date;
}

export interface OcspResponderInput {
  key: Signer;
  /** The (delegated) responder certificate, DER; included in the response's `certs`. */
  certificateDer: Uint8Array;
}

export type OcspErrorStatus =
  'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized';

/** RFC 5019 2.1.1 lets clients send one request; we accept a few more, but bound the work. */
export const maxOcspRequests = 10;
/** Extensions per Extensions list; clients send one or two (bounds the duplicate check). */
const maxExtensions = 16;
/** RFC 9654: Nonce ::= OCTET STRING (SIZE(1..128)). */
const maxNonceLength = 128;

const oidBasicResponse = '1.3.6.1.5.5.7.48.1.1';
const oidNonce = '1.3.6.1.5.5.7.48.1.2';

interface HashAlgorithmInfo {
  name: OcspHashAlgorithm;
  oid: string;
  /** Content octets of the OBJECT IDENTIFIER. */
  oidDer: Uint8Array;
  length: number;
}

const hashAlgorithms: readonly HashAlgorithmInfo[] = [
  { name: 'sha1', oid: '1.3.14.3.2.26', oidDer: hex('2b0e03021a'), length: 20 },
  { name: 'sha256', oid: '2.16.840.1.101.3.4.2.1', oidDer: hex('608648016503040201'), length: 32 },
  { name: 'sha384', oid: '2.16.840.1.101.3.4.2.2', oidDer: hex('608648016503040202'), length: 48 },
  { name: 'sha512', oid: '2.16.840.1.101.3.4.2.3', oidDer: hex('608648016503040203'), length: 64 },
];

/** id-pkix-ocsp-nonce and id-pkix-ocsp-response (acceptable response types; we always send basic). */
const nonceOidDer = hex('2b0601050507300102');
const acceptableResponsesOidDer = hex('2b0601050507300104');

// ---------------------------------------------------------------------------------------------------
// Request parsing

function malformed(message: string): never {
  throw new TekenError('ERR_INPUT_INVALID', `The OCSP request is malformed: ${message}.`);
}

const { read: readTlv, expect: expectTlv, only: expectOnly } = derReader(malformed);

const hexByte = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** serialToHex (serial-number.ts) over a range of `der`, without the intermediate Buffer. */
function serialHexOf(der: Uint8Array, start: number, end: number): string {
  while (start < end - 1 && der[start] === 0) start++;
  let out = '';
  for (let i = start; i < end; i++) out += hexByte[der[i]!]!;
  return out;
}

function checkOid(der: Uint8Array, tlv: Tlv, what: string): void {
  if (!oidIsValid(der, tlv)) malformed(`${what} is not a valid OID`);
}

/**
 * Walks an Extensions list (the child of an EXPLICIT [n] tag). Unknown critical extensions make the
 * request malformed (RFC 6960 4.4); returns the nonce of a request-level list.
 */
function parseExtensions(
  der: Uint8Array,
  wrapper: Tlv,
  what: string,
  requestLevel: boolean,
): Uint8Array | undefined {
  const list = expectOnly(der, wrapper.contentStart, wrapper.end, tag.sequence, what);
  const seen: Tlv[] = [];
  let nonce: Uint8Array | undefined;
  let pos = list.contentStart;
  while (pos < list.end) {
    if (seen.length === maxExtensions) malformed(`${what} has more than ${maxExtensions} extensions`);
    const extension = expectTlv(der, pos, list.end, tag.sequence, 'an extension');
    const oid = expectTlv(der, extension.contentStart, extension.end, tag.oid, 'an extension OID');
    checkOid(der, oid, 'an extension OID');
    for (const other of seen)
      if (rangesEqual(der, other, oid)) malformed(`${what} repeats ${oidText(der, oid)}`);
    seen.push(oid);
    let item = readTlv(der, oid.end, extension.end, 'an extension');
    let critical = false;
    if (item.tag === tag.boolean) {
      // DER BOOLEAN: 0xff or 0x00 only (X.690 11.1).
      const flag = readBoolean(der, item);
      if (flag === undefined) malformed('an extension has an invalid critical flag');
      critical = flag;
      item = readTlv(der, item.end, extension.end, 'an extension');
    }
    if (item.tag !== tag.octetString) malformed('an extension has no extnValue');
    if (item.end !== extension.end) malformed('an extension is followed by unexpected data');

    if (requestLevel && contentEquals(der, oid, nonceOidDer)) {
      // extnValue holds the DER of Nonce ::= OCTET STRING. RFC 9654 lets a responder ignore a nonce it
      // does not accept; one that is not even an OCTET STRING is only an error when marked critical.
      const value = decodeTlv(der, item.contentStart, item.end);
      const valid =
        typeof value !== 'string' &&
        value.tag === tag.octetString &&
        value.end === item.end &&
        value.end - value.contentStart >= 1 &&
        value.end - value.contentStart <= maxNonceLength;
      if (valid) nonce = copy(der, value.contentStart, value.end);
      else if (critical) malformed('the nonce is not valid');
    } else if (critical && !(requestLevel && contentEquals(der, oid, acceptableResponsesOidDer))) {
      malformed(`unsupported critical extension ${oidText(der, oid)}`);
    }
    pos = extension.end;
  }
  return nonce;
}

function parseCertId(der: Uint8Array, certId: Tlv): OcspCertId {
  const algorithm = expectTlv(
    der,
    certId.contentStart,
    certId.end,
    tag.sequence,
    'the CertID hash algorithm',
  );
  const oid = expectTlv(der, algorithm.contentStart, algorithm.end, tag.oid, 'the CertID hash algorithm');
  if (oid.end < algorithm.end) {
    // Parameters: NULL or absent (RFC 5754 2); clients send both.
    const parameters = expectOnly(der, oid.end, algorithm.end, tag.null, 'the hash algorithm parameters');
    if (parameters.end !== parameters.contentStart) malformed('the hash algorithm parameters are not NULL');
  }
  let hash: HashAlgorithmInfo | undefined;
  for (const candidate of hashAlgorithms) {
    if (contentEquals(der, oid, candidate.oidDer)) {
      hash = candidate;
      break;
    }
  }
  if (!hash) malformed(`the CertID hash algorithm ${oidText(der, oid)} is not supported`);

  const nameHash = expectTlv(der, algorithm.end, certId.end, tag.octetString, 'issuerNameHash');
  if (nameHash.end - nameHash.contentStart !== hash.length)
    malformed(`issuerNameHash is not a ${hash.name} hash`);
  const keyHash = expectTlv(der, nameHash.end, certId.end, tag.octetString, 'issuerKeyHash');
  if (keyHash.end - keyHash.contentStart !== hash.length)
    malformed(`issuerKeyHash is not a ${hash.name} hash`);
  const serial = expectOnly(der, keyHash.end, certId.end, tag.integer, 'serialNumber');
  if (serial.end === serial.contentStart) malformed('serialNumber is empty');
  if (!integerIsMinimal(der, serial)) malformed('serialNumber is not minimally encoded (not DER)');
  const first = der[serial.contentStart]!;
  // RFC 5280 4.1.2.2: serials are positive. A negative one would alias the positive serial with the
  // same digits in our hex spelling, so it is refused rather than looked up.
  if (first & 0x80) malformed('serialNumber is negative');

  return {
    hashAlgorithm: hash.name,
    hashAlgorithmOid: hash.oid,
    issuerNameHash: copy(der, nameHash.contentStart, nameHash.end),
    issuerKeyHash: copy(der, keyHash.contentStart, keyHash.end),
    serialHex: serialHexOf(der, serial.contentStart, serial.end),
    raw: copy(der, certId.start, certId.end),
  };
}

function parseRequest(der: Uint8Array): ParsedOcspRequest {
  if (!(der instanceof Uint8Array)) malformed('it is not a byte array');
  // OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }
  const request = expectTlv(der, 0, der.length, tag.sequence, 'OCSPRequest');
  if (request.end !== der.length) malformed('it has trailing data');
  const tbs = expectTlv(der, request.contentStart, request.end, tag.sequence, 'TBSRequest');
  // A signature, if any, is not checked (RFC 5019 2.1.2 lets responders ignore it); it must be well-formed.
  if (tbs.end < request.end) expectOnly(der, tbs.end, request.end, tag.context0, 'optionalSignature');

  // TBSRequest ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, requestorName [1] EXPLICIT
  //   GeneralName OPTIONAL, requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL }
  let item = readTlv(der, tbs.contentStart, tbs.end, 'TBSRequest');
  if (item.tag === tag.context0) {
    const version = expectOnly(der, item.contentStart, item.end, tag.integer, 'version');
    if (version.end - version.contentStart !== 1 || der[version.contentStart] !== 0)
      malformed('the version is not supported');
    item = readTlv(der, item.end, tbs.end, 'TBSRequest');
  }
  if (item.tag === tag.context1) item = readTlv(der, item.end, tbs.end, 'TBSRequest');
  if (item.tag !== tag.sequence) malformed('requestList is missing');
  const list = item;

  const certIds: OcspCertId[] = [];
  let pos = list.contentStart;
  while (pos < list.end) {
    if (certIds.length === maxOcspRequests) malformed(`it has more than ${maxOcspRequests} requests`);
    // Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT Extensions OPTIONAL }
    const single = expectTlv(der, pos, list.end, tag.sequence, 'Request');
    const certId = expectTlv(der, single.contentStart, single.end, tag.sequence, 'CertID');
    if (certId.end < single.end) {
      const extensions = expectOnly(der, certId.end, single.end, tag.context0, 'singleRequestExtensions');
      parseExtensions(der, extensions, 'singleRequestExtensions', false);
    }
    certIds.push(parseCertId(der, certId));
    pos = single.end;
  }
  if (certIds.length === 0) malformed('it has no requests');

  let nonce: Uint8Array | undefined;
  if (list.end < tbs.end) {
    const extensions = expectOnly(der, list.end, tbs.end, tag.context2, 'requestExtensions');
    nonce = parseExtensions(der, extensions, 'requestExtensions', true);
  }
  return nonce ? { certIds, nonce } : { certIds };
}

/**
 * Where the CertID is in a plain RFC 5019 request: an OCSPRequest whose TBSRequest holds only a
 * requestList of one Request that holds only its CertID (no version, requestorName, extensions or
 * signature), each SEQUENCE exactly filling its parent, in DER. Returns [start, end) of the CertID
 * TLV, or undefined for any other shape (which then takes parseOcspRequest). Every byte is accounted
 * for, so a request of this shape whose CertID bytes parseOcspRequest once accepted is the same
 * request again and names the same certificate: the responder's hot path looks its answer up by
 * these bytes without parsing them. Reads no content and allocates nothing.
 */
export function locatePlainCertId(der: Uint8Array): [start: number, end: number] | undefined {
  // All five SEQUENCEs end where the request ends, since each exactly fills its parent.
  const end = der.length;
  let pos = 0;
  for (let depth = 0; depth < 4; depth++) {
    const contentStart = sequenceContentStart(der, pos, end);
    if (contentStart < 0) return undefined;
    pos = contentStart;
  }
  return sequenceContentStart(der, pos, end) < 0 ? undefined : [pos, end];
}

/**
 * Decodes a DER OCSPRequest (RFC 6960 4.1). Anything malformed, unsupported or over the limits throws
 * TekenError ERR_INPUT_INVALID (never another error type): answer it with ocspErrorResponse('malformedRequest').
 */
export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  try {
    return parseRequest(der);
  } catch (error) {
    if (error instanceof TekenError) throw error;
    throw new TekenError('ERR_INPUT_INVALID', 'The OCSP request is malformed.', { cause: error });
  }
}

// ---------------------------------------------------------------------------------------------------
// DER writing (responses and CertIDs). The structures are small and fixed, so they are written
// directly: asn1js object trees cost more than the signature on this path (every issuance and every
// cache miss signs a response).

const basicResponseOidDer = oidDer(oidBasicResponse);
const nonceExtensionOidDer = oidDer(oidNonce);
/** OCSPResponseStatus successful: ENUMERATED 0. */
const successfulDer = new Uint8Array([0x0a, 0x01, 0x00]);
/** certStatus good [0] IMPLICIT NULL and unknown [2] IMPLICIT NULL. */
const goodDer = new Uint8Array([0x80, 0x00]);
const unknownDer = new Uint8Array([0x82, 0x00]);

/** AlgorithmIdentifier of each CertID hash, NULL parameters (as OpenSSL writes them). */
const certIdAlgorithmDer = new Map(
  hashAlgorithms.map((h) => [h.name, der(tag.sequence, der(tag.oid, h.oidDer), nullDer)]),
);

// ---------------------------------------------------------------------------------------------------
// CertID construction

/**
 * The CertID (RFC 6960 4.1.1) a client would send for the certificate with `serialHex` issued by the
 * CA with this subject Name and SubjectPublicKeyInfo (both DER). Hash parameters are NULL, as OpenSSL
 * writes them.
 */
export function certIdFor(
  issuerNameDer: Uint8Array,
  issuerSpkiDer: Uint8Array,
  serialHex: string,
  hash: 'sha1' | 'sha256' = 'sha1',
): OcspCertId {
  const info = hashAlgorithms.find((h) => h.name === hash);
  if (!info) throw new TekenError('ERR_INPUT_INVALID', `The CertID hash ${String(hash)} is not supported.`);
  const normalised = normaliseSerialHex(serialHex);
  if (normalised === undefined)
    throw new TekenError('ERR_INPUT_INVALID', `${serialHex} is not a serial number.`);
  const name = decodeTlv(issuerNameDer, 0, issuerNameDer.length);
  if (typeof name === 'string' || name.tag !== tag.sequence || name.end !== issuerNameDer.length)
    throw new TekenError('ERR_INPUT_INVALID', 'The issuer name is not a DER Name.');

  const issuerNameHash = new Uint8Array(crypto.createHash(hash).update(issuerNameDer).digest());
  const issuerKey = subjectPublicKeyBits(issuerSpkiDer);
  if (!issuerKey)
    throw new TekenError('ERR_INPUT_INVALID', 'The issuer public key is not a DER SubjectPublicKeyInfo.');
  const issuerKeyHash = new Uint8Array(crypto.createHash(hash).update(issuerKey).digest());
  const serial = serialHexToInteger(normalised);
  const raw = der(
    tag.sequence,
    certIdAlgorithmDer.get(info.name)!,
    der(tag.octetString, issuerNameHash),
    der(tag.octetString, issuerKeyHash),
    der(tag.integer, serial),
  );
  return {
    hashAlgorithm: info.name,
    hashAlgorithmOid: info.oid,
    issuerNameHash,
    issuerKeyHash,
    serialHex: serialToHex(serial),
    raw,
  };
}

// ---------------------------------------------------------------------------------------------------
// Responses

function internal(message: string, cause?: unknown): TekenError {
  return new TekenError('ERR_SERVER_INTERNAL', message, cause === undefined ? undefined : { cause });
}

/** GeneralizedTime YYYYMMDDHHMMSSZ, no fractional seconds (RFC 5280 4.1.2.5.2). */
function generalizedTime(date: Date, what: string): Uint8Array {
  try {
    return timeDer(date, true);
  } catch {
    throw internal(`OCSP ${what} is not a valid date.`);
  }
}

function certStatus(status: OcspCertStatus): Uint8Array {
  switch (status.status) {
    case 'good': // good [0] IMPLICIT NULL
      return goodDer;
    case 'unknown': // unknown [2] IMPLICIT UnknownInfo (NULL)
      return unknownDer;
    case 'revoked': {
      // revoked [1] IMPLICIT RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime,
      //   revocationReason [0] EXPLICIT CRLReason OPTIONAL }
      const time = generalizedTime(status.revokedAt, 'revocationTime');
      if (status.reason === undefined) return der(tag.context1, time);
      const reason = status.reason;
      if (!Number.isInteger(reason) || reason < 0 || reason > 10 || reason === 7)
        throw internal(`${reason} is not a CRLReason.`);
      return der(tag.context1, time, der(tag.context0, new Uint8Array([0x0a, 0x01, reason])));
    }
    default:
      throw internal('Unknown OCSP certificate status.');
  }
}

function singleResponse(input: OcspSingleResponseInput): Uint8Array {
  if (!(input.nextUpdate.getTime() > input.thisUpdate.getTime()))
    throw internal('OCSP nextUpdate must be after thisUpdate.');
  // The CertID must be one DER SEQUENCE; it goes into the response byte for byte.
  const raw = input.certId.raw;
  const certId = decodeTlv(raw, 0, raw.length);
  if (typeof certId === 'string' || certId.tag !== tag.sequence || certId.end !== raw.length)
    throw internal('The CertID is not a DER SEQUENCE.');
  // SingleResponse ::= SEQUENCE { certID, certStatus, thisUpdate, nextUpdate [0] EXPLICIT OPTIONAL, ... }
  return der(
    tag.sequence,
    raw,
    certStatus(input.status),
    generalizedTime(input.thisUpdate, 'thisUpdate'),
    der(tag.context0, generalizedTime(input.nextUpdate, 'nextUpdate')),
  );
}

/** The TLV at `pos` of DER we are given by our own code (not a client): problems are internal errors. */
function trustedTlv(der: Uint8Array, pos: number, limit: number, what: string): Tlv {
  const tlv = decodeTlv(der, pos, limit);
  if (typeof tlv === 'string') throw internal(`${what} ${tlv}.`);
  return tlv;
}

/** The outer TLV of a DER Certificate and its SubjectPublicKeyInfo (a view). */
function readCertificate(der: Uint8Array): { certificate: Tlv; spki: Uint8Array } {
  const what = 'The OCSP responder certificate';
  const certificate = trustedTlv(der, 0, der.length, what);
  if (certificate.tag !== tag.sequence || certificate.end !== der.length)
    throw internal(`${what} is not DER.`);
  const tbs = trustedTlv(der, certificate.contentStart, certificate.end, what);
  let item = trustedTlv(der, tbs.contentStart, tbs.end, what);
  if (item.tag === tag.context0) item = trustedTlv(der, item.end, tbs.end, what); // version
  // serialNumber, signature, issuer, validity, subject, then subjectPublicKeyInfo
  for (let i = 0; i < 5; i++) item = trustedTlv(der, item.end, tbs.end, what);
  if (tbs.tag !== tag.sequence || item.tag !== tag.sequence) throw internal(`${what} is not a certificate.`);
  return { certificate, spki: der.subarray(item.start, item.end) };
}

/** What a responder contributes to every response it signs, checked and encoded once. */
interface ResponderParts {
  certificateDer: Uint8Array;
  /** responderID byKey [2] EXPLICIT KeyHash. */
  responderIdDer: Uint8Array;
  /** signatureAlgorithm AlgorithmIdentifier. */
  algorithmDer: Uint8Array;
  /** certs [0] EXPLICIT SEQUENCE OF Certificate, with the responder certificate. */
  certsDer: Uint8Array;
}

const responderParts = new WeakMap<Signer, ResponderParts>();

function partsOf(key: Signer, certificateDer: Uint8Array): ResponderParts {
  const known = responderParts.get(key);
  if (known && known.certificateDer === certificateDer) return known;
  const algorithm = signatureAlgorithmOf[key.algorithm];
  if (!algorithm) throw internal(`No signature algorithm for ${String(key.algorithm)} keys.`);
  const { certificate, spki } = readCertificate(certificateDer);
  if (!bytesEqual(spki, key.publicKeyDer))
    throw internal('The OCSP responder certificate is not for its key.');
  const publicKey = subjectPublicKeyBits(key.publicKeyDer);
  if (!publicKey) throw internal('The OCSP responder public key is not a SubjectPublicKeyInfo.');
  const oid = oidDer(algorithm.oid);
  const parts: ResponderParts = {
    certificateDer,
    // ResponderID byKey [2] EXPLICIT KeyHash: SHA-1 of the subjectPublicKey BIT STRING value.
    responderIdDer: der(
      tag.context2,
      der(tag.octetString, new Uint8Array(crypto.createHash('sha1').update(publicKey).digest())),
    ),
    // RSA PKCS#1 v1.5 takes NULL parameters; ECDSA none (RFC 5754, RFC 5758).
    algorithmDer: algorithm.oid.startsWith('1.2.840.113549.')
      ? der(tag.sequence, oid, nullDer)
      : der(tag.sequence, oid),
    certsDer: der(
      tag.context0,
      der(tag.sequence, certificateDer.subarray(certificate.start, certificate.end)),
    ),
  };
  responderParts.set(key, parts);
  return parts;
}

/**
 * Signs a BasicOCSPResponse (RFC 6960 4.2.1; responderID byKey, producedAt, one SingleResponse per
 * input with thisUpdate and nextUpdate as RFC 5019 asks, the nonce only when given) and wraps it in
 * an OCSPResponse with status successful. The responder certificate goes in `certs`.
 */
export async function buildOcspResponse(
  responder: OcspResponderInput,
  responses: OcspSingleResponseInput[],
  producedAt: Date,
  nonce?: Uint8Array,
): Promise<Uint8Array> {
  const { key, certificateDer } = responder;
  if (responses.length === 0) throw internal('An OCSP response needs at least one SingleResponse.');
  if (nonce !== undefined && (nonce.length < 1 || nonce.length > maxNonceLength))
    throw internal('The OCSP nonce must be 1 to 128 octets.');
  const parts = partsOf(key, certificateDer);

  // ResponseData ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1 (omitted), responderID ResponderID,
  //   producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse,
  //   responseExtensions [1] EXPLICIT Extensions OPTIONAL }
  const tbsParts = [
    parts.responderIdDer,
    generalizedTime(producedAt, 'producedAt'),
    der(tag.sequence, ...responses.map(singleResponse)),
  ];
  if (nonce !== undefined) {
    // Extension { id-pkix-ocsp-nonce, extnValue OCTET STRING { Nonce ::= OCTET STRING } }
    const extension = der(
      tag.sequence,
      nonceExtensionOidDer,
      der(tag.octetString, der(tag.octetString, nonce)),
    );
    tbsParts.push(der(tag.context1, der(tag.sequence, extension)));
  }
  const tbsDer = der(tag.sequence, ...tbsParts);

  let signature: Uint8Array;
  try {
    signature = await key.sign(tbsDer);
  } catch (error) {
    if (error instanceof TekenError) throw error;
    throw new TekenError('ERR_KEY_BACKEND', 'The OCSP responder key failed to sign.', { cause: error });
  }

  // BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature BIT STRING,
  //   certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
  const basicDer = der(
    tag.sequence,
    tbsDer,
    parts.algorithmDer,
    der(tag.bitString, new Uint8Array([0]), signature),
    parts.certsDer,
  );
  // OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT ResponseBytes }
  // ResponseBytes ::= SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING }
  return der(
    tag.sequence,
    successfulDer,
    der(tag.context0, der(tag.sequence, basicResponseOidDer, der(tag.octetString, basicDer))),
  );
}

/** OCSPResponseStatus values (RFC 6960 4.2.1); 4 is not used. */
const errorStatusCodes = {
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  sigRequired: 5,
  unauthorized: 6,
} as const satisfies Record<OcspErrorStatus, number>;

const errorResponses = new Map<string, Uint8Array>(
  Object.entries(errorStatusCodes).map(([name, code]) => [
    name,
    der(tag.sequence, new Uint8Array([0x0a, 0x01, code])),
  ]),
);

/** An unsigned OCSPResponse with an error status and no responseBytes (precomputed; a fresh copy each call). */
export function ocspErrorResponse(status: OcspErrorStatus): Uint8Array {
  const der = errorResponses.get(status);
  if (!der) throw internal(`${String(status)} is not an OCSP error status.`);
  return der.slice();
}
