/**
 * A fast reader of the CMS SignedData (RFC 5652 5) that PAdES signatures and RFC 3161 time-stamp
 * tokens are, for the validator's hot path: the raw bytes of every part it checks, as views into the
 * input, without building an object tree or re-encoding anything.
 *
 * The validator parsed each SignedData with PKI.js, and re-encoded every certificate it carries to
 * get its DER back: on a 10-signature PDF (20 SignedData, 40 certificates) that was four fifths of
 * the verification time (bench/RESULTS.md §9). The shapes Teken and the usual signers write are
 * plain DER, so they are read here with der.ts; anything else (BER indefinite lengths or constructed
 * strings, other certificate choices, CRLs inside the SignedData, a subject-key-identifier signer
 * id) gives `undefined`, and the caller falls back to PKI.js, so what is accepted and what is found
 * never depends on which reader ran.
 *
 * ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT SignedData }
 * SignedData ::= SEQUENCE { version INTEGER, digestAlgorithms SET OF AlgorithmIdentifier,
 *   encapContentInfo SEQUENCE { eContentType OID, eContent [0] EXPLICIT OCTET STRING OPTIONAL },
 *   certificates [0] IMPLICIT SET OF CertificateChoices OPTIONAL,
 *   crls [1] IMPLICIT RevocationInfoChoices OPTIONAL, signerInfos SET OF SignerInfo }
 * SignerInfo ::= SEQUENCE { version INTEGER, sid IssuerAndSerialNumber, digestAlgorithm,
 *   signedAttrs [0] IMPLICIT SET OF Attribute OPTIONAL, signatureAlgorithm, signature OCTET STRING,
 *   unsignedAttrs [1] IMPLICIT SET OF Attribute OPTIONAL }
 * Attribute ::= SEQUENCE { attrType OID, attrValues SET OF ANY }
 */
import { decodeTlv, oidIsValid, oidText, tag, type Tlv } from './der.js';

const signedDataOid = '1.2.840.113549.1.7.2';

export interface RawAttribute {
  type: string;
  /** Each value's whole TLV. */
  values: Uint8Array[];
}

export interface RawSignedData {
  /** The DER of every certificate it carries, in order. */
  certificates: Uint8Array[];
  eContentType: string;
  /** The content of the encapsulated OCTET STRING, when there is one. */
  eContent: Uint8Array | undefined;
  /** The one SignerInfo (a SignedData with more or fewer signers is not read here). */
  signer: {
    /** IssuerAndSerialNumber: the issuer Name's whole TLV and the serial INTEGER's content. */
    issuer: Uint8Array;
    serial: Uint8Array;
    digestOid: string;
    /** The signed attributes as signed: their DER with the SET tag (RFC 5652 5.4). */
    signedAttrsDer: Uint8Array | undefined;
    signedAttrs: RawAttribute[] | undefined;
    signatureAlgorithmOid: string;
    /** The algorithm's parameters, whole TLV, when present. */
    signatureAlgorithmParams: Uint8Array | undefined;
    signature: Uint8Array;
    unsignedAttrs: RawAttribute[];
  };
}

/** The parts of a certificate that CMS and OCSP match on, as views into `der`. */
export interface RawCertificateIds {
  serial: Uint8Array;
  /** Whole TLVs of the issuer and subject Names. */
  issuer: Uint8Array;
  subject: Uint8Array;
  /** The subjectPublicKey BIT STRING's bits (without the unused-bits octet). */
  publicKey: Uint8Array;
}

class NotPlain extends Error {}

function read(der: Uint8Array, pos: number, limit: number, expected?: number): Tlv {
  const tlv = decodeTlv(der, pos, limit);
  if (typeof tlv === 'string') throw new NotPlain(tlv);
  if (expected !== undefined && tlv.tag !== expected) throw new NotPlain('unexpected tag');
  return tlv;
}

/** The TLVs that fill [start, end) exactly. */
function children(der: Uint8Array, start: number, end: number): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = start; pos < end;) {
    const tlv = read(der, pos, end);
    out.push(tlv);
    pos = tlv.end;
  }
  return out;
}

const inner = (der: Uint8Array, tlv: Tlv) => children(der, tlv.contentStart, tlv.end);
const whole = (der: Uint8Array, tlv: Tlv) => der.subarray(tlv.start, tlv.end);
const content = (der: Uint8Array, tlv: Tlv) => der.subarray(tlv.contentStart, tlv.end);

function oid(der: Uint8Array, tlv: Tlv | undefined): string {
  if (!tlv || tlv.tag !== tag.oid || !oidIsValid(der, tlv)) throw new NotPlain('not an OID');
  return oidText(der, tlv);
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } */
function algorithm(der: Uint8Array, tlv: Tlv | undefined): { oid: string; params: Uint8Array | undefined } {
  if (!tlv || tlv.tag !== tag.sequence) throw new NotPlain('not an AlgorithmIdentifier');
  const [id, params, extra] = inner(der, tlv);
  if (extra) throw new NotPlain('AlgorithmIdentifier too long');
  return { oid: oid(der, id), params: params ? whole(der, params) : undefined };
}

function attributes(der: Uint8Array, set: Tlv): RawAttribute[] {
  return inner(der, set).map((attr) => {
    if (attr.tag !== tag.sequence) throw new NotPlain('not an Attribute');
    const [type, values, extra] = inner(der, attr);
    if (!values || values.tag !== tag.set || extra) throw new NotPlain('not an Attribute');
    return { type: oid(der, type), values: inner(der, values).map((v) => whole(der, v)) };
  });
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } */
function certificateFields(der: Uint8Array, cert: Tlv): Tlv[] {
  if (cert.tag !== tag.sequence) throw new NotPlain('not a Certificate');
  const [tbs, alg, value, extra] = inner(der, cert);
  if (!tbs || tbs.tag !== tag.sequence || alg?.tag !== tag.sequence || value?.tag !== tag.bitString || extra)
    throw new NotPlain('not a Certificate');
  // TBSCertificate ::= SEQUENCE { version [0] EXPLICIT OPTIONAL, serialNumber, signature, issuer,
  //   validity, subject, subjectPublicKeyInfo, [1], [2], [3] extensions OPTIONAL }
  const fields = inner(der, tbs);
  if (fields[0]?.tag === tag.context0) fields.shift();
  const [serial, signature, issuer, validity, subject, spki] = fields;
  if (
    serial?.tag !== tag.integer ||
    signature?.tag !== tag.sequence ||
    issuer?.tag !== tag.sequence ||
    validity?.tag !== tag.sequence ||
    subject?.tag !== tag.sequence ||
    spki?.tag !== tag.sequence
  )
    throw new NotPlain('not a TBSCertificate');
  return fields;
}

/**
 * The serial, issuer, subject and public key of a DER certificate, as views into it; undefined when
 * it is not one.
 */
export function readCertificateIds(der: Uint8Array): RawCertificateIds | undefined {
  try {
    const cert = read(der, 0, der.length, tag.sequence);
    const [serial, , issuer, , subject, spki] = certificateFields(der, cert) as [
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
      Tlv,
    ];
    const [, key] = inner(der, spki);
    if (key?.tag !== tag.bitString || key.end === key.contentStart) return undefined;
    return {
      serial: content(der, serial),
      issuer: whole(der, issuer),
      subject: whole(der, subject),
      publicKey: der.subarray(key.contentStart + 1, key.end),
    };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

/**
 * Reads the ContentInfo `der` as a SignedData with one signer identified by issuer and serial
 * number; undefined when it is anything else or not plain DER (see the module comment).
 */
export function readSignedData(der: Uint8Array): RawSignedData | undefined {
  try {
    return readUnguarded(der);
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

function readUnguarded(der: Uint8Array): RawSignedData {
  const info = read(der, 0, der.length, tag.sequence);
  const [type, explicit, extraInfo] = inner(der, info);
  if (oid(der, type) !== signedDataOid || explicit?.tag !== tag.context0 || extraInfo)
    throw new NotPlain('not a SignedData');
  const [signedData, afterSignedData] = inner(der, explicit);
  if (signedData?.tag !== tag.sequence || afterSignedData) throw new NotPlain('not a SignedData');
  const parts = inner(der, signedData);
  const [version, digestAlgorithms, encap] = parts;
  if (version?.tag !== tag.integer || digestAlgorithms?.tag !== tag.set || encap?.tag !== tag.sequence)
    throw new NotPlain('not a SignedData');
  for (const alg of inner(der, digestAlgorithms)) algorithm(der, alg);

  const [eContentTypeTlv, eContentExplicit, extraEncap] = inner(der, encap);
  const eContentType = oid(der, eContentTypeTlv);
  let eContent: Uint8Array | undefined;
  if (eContentExplicit) {
    if (eContentExplicit.tag !== tag.context0 || extraEncap)
      throw new NotPlain('not an EncapsulatedContentInfo');
    const [octets, extra] = inner(der, eContentExplicit);
    if (octets?.tag !== tag.octetString || extra)
      throw new NotPlain('eContent is not a primitive OCTET STRING');
    eContent = content(der, octets);
  }

  let next = 3;
  const certificates: Uint8Array[] = [];
  if (parts[next]?.tag === tag.context0) {
    for (const cert of inner(der, parts[next]!)) {
      certificateFields(der, cert);
      certificates.push(whole(der, cert));
    }
    next++;
  }
  // CRLs inside the SignedData: left to PKI.js (Teken and PAdES put revocation data in the DSS).
  const signerInfos = parts[next];
  if (signerInfos?.tag !== tag.set || parts.length !== next + 1) throw new NotPlain('no signerInfos');
  const signers = inner(der, signerInfos);
  if (signers.length !== 1 || signers[0]!.tag !== tag.sequence) throw new NotPlain('not one signer');

  const fields = inner(der, signers[0]!);
  const [signerVersion, sid, digestAlgorithm] = fields;
  if (signerVersion?.tag !== tag.integer || sid?.tag !== tag.sequence) throw new NotPlain('not a SignerInfo');
  const [issuer, serial, extraSid] = inner(der, sid);
  if (issuer?.tag !== tag.sequence || serial?.tag !== tag.integer || extraSid)
    throw new NotPlain('not an IssuerAndSerialNumber');
  const digest = algorithm(der, digestAlgorithm);
  let at = 3;
  let signedAttrsDer: Uint8Array | undefined;
  let signedAttrs: RawAttribute[] | undefined;
  if (fields[at]?.tag === tag.context0) {
    const attrs = fields[at]!;
    signedAttrs = attributes(der, attrs);
    signedAttrsDer = der.slice(attrs.start, attrs.end);
    signedAttrsDer[0] = tag.set;
    at++;
  }
  const signatureAlgorithm = algorithm(der, fields[at++]);
  const signature = fields[at++];
  if (signature?.tag !== tag.octetString) throw new NotPlain('signature is not a primitive OCTET STRING');
  let unsignedAttrs: RawAttribute[] = [];
  if (fields[at]?.tag === tag.context1) unsignedAttrs = attributes(der, fields[at++]!);
  if (at !== fields.length) throw new NotPlain('SignerInfo too long');

  return {
    certificates,
    eContentType,
    eContent,
    signer: {
      issuer: whole(der, issuer),
      serial: content(der, serial),
      digestOid: digest.oid,
      signedAttrsDer,
      signedAttrs,
      signatureAlgorithmOid: signatureAlgorithm.oid,
      signatureAlgorithmParams: signatureAlgorithm.params,
      signature: content(der, signature),
      unsignedAttrs,
    },
  };
}

/** The parts of an RFC 3161 TSTInfo (3161 2.4.2) that a validator checks, as views into `der`. */
export interface RawTstInfo {
  imprintHashOid: string;
  hashedMessage: Uint8Array;
  /** The genTime GeneralizedTime's whole TLV (its fractions and forms are read by the caller). */
  genTime: Uint8Array;
}

/**
 * Reads a DER TSTInfo ::= SEQUENCE { version INTEGER, policy OID, messageImprint SEQUENCE
 * { hashAlgorithm, hashedMessage OCTET STRING }, serialNumber INTEGER, genTime GeneralizedTime,
 * accuracy SEQUENCE OPTIONAL, ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL,
 * tsa [0] GeneralName OPTIONAL, extensions [1] IMPLICIT Extensions OPTIONAL }; undefined for
 * anything else.
 */
export function readTstInfo(der: Uint8Array): RawTstInfo | undefined {
  try {
    const info = read(der, 0, der.length, tag.sequence);
    if (info.end !== der.length) return undefined;
    const [version, policy, imprint, serial, genTime, ...rest] = inner(der, info);
    if (
      version?.tag !== tag.integer ||
      policy?.tag !== tag.oid ||
      !oidIsValid(der, policy) ||
      imprint?.tag !== tag.sequence ||
      serial?.tag !== tag.integer ||
      genTime?.tag !== tag.generalizedTime
    )
      return undefined;
    // The optional tail, each at most once and in order.
    const order = [tag.sequence, tag.boolean, tag.integer, tag.context0, tag.context1];
    let next = 0;
    for (const field of rest) {
      const at = order.indexOf(field.tag as (typeof order)[number], next);
      if (at < 0) return undefined;
      next = at + 1;
    }
    const [hashAlgorithm, hashed, extra] = inner(der, imprint);
    if (hashed?.tag !== tag.octetString || extra) return undefined;
    return {
      imprintHashOid: algorithm(der, hashAlgorithm).oid,
      hashedMessage: content(der, hashed),
      genTime: whole(der, genTime),
    };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}
