/**
 * Checks one CMS SignedData (RFC 5652) with one signer, as the validator needs it: a PAdES
 * signature over a byte range, or an RFC 3161 time-stamp token over its TSTInfo. Parsed with PKI.js,
 * the digest and the signature value checked with Node's crypto, each finding kept apart (the
 * report tells an altered document from a forged signature).
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, contentEquals, decodeTlv, oidText, tag, tlvEquals, type Tlv } from '../../pki/der.js';
import { readCertificateIds, readSignedData, readTstInfo } from '../../pki/read-signed-data.js';

export const cmsOid = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

const digestNames: Record<string, { node: string; label: string }> = {
  '1.3.14.3.2.26': { node: 'sha1', label: 'SHA-1' },
  '2.16.840.1.101.3.4.2.4': { node: 'sha224', label: 'SHA-224' },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', label: 'SHA-256' },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', label: 'SHA-384' },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', label: 'SHA-512' },
};

/** Signature algorithm OIDs: the hash they fix (if any) and the key family. */
const signatureAlgorithms: Record<string, { hash?: string; family: 'RSA' | 'ECDSA' | 'RSASSA-PSS' }> = {
  '1.2.840.113549.1.1.1': { family: 'RSA' },
  '1.2.840.113549.1.1.5': { hash: 'sha1', family: 'RSA' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', family: 'RSA' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', family: 'RSA' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', family: 'RSA' },
  '1.2.840.113549.1.1.10': { family: 'RSASSA-PSS' },
  '1.2.840.10045.2.1': { family: 'ECDSA' },
  '1.2.840.10045.4.1': { hash: 'sha1', family: 'ECDSA' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', family: 'ECDSA' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', family: 'ECDSA' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', family: 'ECDSA' },
};

/** "SHA256withECDSA" for a signature algorithm OID (and the digest used with it). */
export function signatureAlgorithmName(algorithmOid: string, digestOid?: string): string {
  const alg = signatureAlgorithms[algorithmOid];
  if (!alg) return algorithmOid;
  const hash = alg.hash ?? (digestOid ? digestNames[digestOid]?.node : undefined) ?? '';
  const h = hash.toUpperCase();
  return alg.family === 'RSASSA-PSS' ? `${h}withRSAandMGF1` : `${h}with${alg.family}`;
}

export const digestLabel = (digestOid: string) => digestNames[digestOid]?.label ?? digestOid;
export const nodeDigestOf = (digestOid: string) => digestNames[digestOid]?.node;

export const view = (buffer: ArrayBuffer | ArrayBufferView): Uint8Array =>
  buffer instanceof ArrayBuffer
    ? new Uint8Array(buffer)
    : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export const derOf = (cert: pkijs.Certificate): Uint8Array => view(cert.toSchema(false).toBER(false));

export interface CmsCheck {
  /** DER of every certificate the SignedData carries. */
  certificates: Uint8Array[];
  /** The signer's certificate (DER), when the SignedData carries it. */
  signerCertificate: Uint8Array | undefined;
  digestOid: string;
  signatureAlgorithmOid: string;
  /** The signed content's digest equals the message-digest attribute (or the signature covers it). */
  digestMatches: boolean;
  /** The signature value verifies under the signer certificate's key. */
  signatureValid: boolean;
  /** The content's digest, hex. */
  contentDigestHex: string;
  /** The signature value (what a signature time-stamp stamps). */
  signatureValue: Uint8Array;
  /** OIDs of the signed attributes. */
  signedAttributeTypes: string[];
  /**
   * The signing-certificate-v2 (ESSCertIDv2, RFC 5035) or signing-certificate (ESSCertID, RFC 2634)
   * signed attribute against the signer's certificate: its first entry's hash (and issuer and serial,
   * when given) name that certificate, or not (another certificate, or unreadable); absent when
   * there is neither attribute. Both present: both must match.
   */
  signingCertificate: SigningCertificateFinding;
  /** The signature time-stamp token (unsigned attribute), DER. */
  timestampToken: Uint8Array | undefined;
  /** The encapsulated content (a time-stamp token's TSTInfo), when there is one. */
  eContent: Uint8Array | undefined;
  eContentType: string;
}

function octets(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return view(value.valueBlock.valueHexView);
  return view(value.getValue());
}

function matchesSid(sid: pkijs.SignerInfo['sid'], cert: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      Buffer.compare(
        Buffer.from(sid.serialNumber.valueBlock.valueHexView),
        Buffer.from(cert.serialNumber.valueBlock.valueHexView),
      ) === 0 && sid.issuer.isEqual(cert.issuer)
    );
  }
  // [0] SubjectKeyIdentifier
  const ski = (sid as asn1js.Primitive).valueBlock?.valueHexView;
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.14');
  if (!ski || !ext) return false;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  const keyId =
    parsed.result instanceof asn1js.OctetString ? parsed.result.valueBlock.valueHexView : undefined;
  return keyId !== undefined && Buffer.compare(Buffer.from(keyId), Buffer.from(ski)) === 0;
}

/**
 * A certificate's public key, kept across validations by the certificate's digest (the same CAs,
 * TSA and responders sign most documents; parsing the certificate costs more than hashing it).
 */
const publicKeys = new Map<string, crypto.KeyObject>();
function publicKeyOf(certificate: Uint8Array): crypto.KeyObject {
  const id = crypto.createHash('sha256').update(certificate).digest('base64');
  let key = publicKeys.get(id);
  if (!key) {
    key = new crypto.X509Certificate(certificate).publicKey;
    if (publicKeys.size >= 512) publicKeys.delete(publicKeys.keys().next().value!);
    publicKeys.set(id, key);
  }
  return key;
}

/** Verifies `signature` over `data` with the certificate's key, the way `algorithmOid` says. */
export function verifyWith(
  certificate: Uint8Array,
  algorithmOid: string,
  digestOid: string,
  data: Uint8Array,
  signature: Uint8Array,
  pssParams?: unknown,
): boolean {
  try {
    const key = publicKeyOf(certificate);
    const alg = signatureAlgorithms[algorithmOid];
    const hash = alg?.hash ?? nodeDigestOf(digestOid);
    if (!alg || !hash) return false;
    if (alg.family === 'RSASSA-PSS') {
      const params =
        pssParams instanceof asn1js.Sequence ? new pkijs.RSASSAPSSParams({ schema: pssParams }) : undefined;
      const pssHash = params ? nodeDigestOf(params.hashAlgorithm.algorithmId) : hash;
      if (!pssHash) return false;
      return crypto.verify(
        pssHash,
        data,
        { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: params?.saltLength ?? 20 },
        signature,
      );
    }
    return crypto.verify(hash, data, key, signature);
  } catch {
    return false;
  }
}

/** Parses a ContentInfo holding a SignedData; throws on anything else (the caller reports it). */
export function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new Error('not BER');
  const info = new pkijs.ContentInfo({ schema: asn1.result });
  if (info.contentType !== cmsOid.signedData) throw new Error('not a SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

export type SigningCertificateFinding = 'matches' | 'mismatch' | 'absent';

/** The TLVs inside a constructed TLV; undefined when they are not DER or do not fill it. */
function childrenOf(der: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let pos = parent.contentStart; pos < parent.end;) {
    const child = decodeTlv(der, pos, parent.end);
    if (typeof child === 'string') return undefined;
    out.push(child);
    pos = child.end;
  }
  return out;
}

/**
 * Whether the attribute value `value` (SigningCertificateV2 when `v2`, else SigningCertificate)
 * names `signer` in its first ESSCertID(v2), the signer's (RFC 5035 5.4): the certificate's hash
 * under its hashAlgorithm (v2: SHA-256 by default; v1: SHA-1), and the issuerSerial when present.
 */
function essCertIdNames(value: Uint8Array, v2: boolean, signer: Uint8Array): boolean {
  const top = decodeTlv(value, 0, value.length);
  if (typeof top === 'string' || top.tag !== tag.sequence || top.end !== value.length) return false;
  const certs = childrenOf(value, top)?.[0];
  if (certs?.tag !== tag.sequence) return false;
  const first = childrenOf(value, certs)?.[0];
  if (first?.tag !== tag.sequence) return false;
  const fields = childrenOf(value, first);
  if (!fields) return false;
  let at = 0;
  let hash = v2 ? 'sha256' : 'sha1';
  if (v2 && fields[0]?.tag === tag.sequence) {
    const algorithm = childrenOf(value, fields[0])?.[0];
    if (algorithm?.tag !== tag.oid) return false;
    const named = nodeDigestOf(oidText(value, algorithm));
    if (!named) return false;
    hash = named;
    at++;
  }
  const certHash = fields[at++];
  if (certHash?.tag !== tag.octetString) return false;
  if (!contentEquals(value, certHash, crypto.createHash(hash).update(signer).digest())) return false;
  const issuerSerial = fields[at++];
  if (fields[at] !== undefined) return false;
  if (!issuerSerial) return true;
  const ids = readCertificateIds(signer);
  const [names, serial, extra] =
    issuerSerial.tag === tag.sequence ? (childrenOf(value, issuerSerial) ?? []) : [];
  if (!ids || names?.tag !== tag.sequence || serial?.tag !== tag.integer || extra) return false;
  if (!contentEquals(value, serial, ids.serial)) return false;
  // A directoryName ([4], the Name inside) must be the certificate's issuer.
  for (const name of childrenOf(value, names) ?? []) {
    if (name.tag !== 0xa4) continue;
    const inner = childrenOf(value, name)?.[0];
    if (!inner || !tlvEquals(value, inner, ids.issuer)) return false;
  }
  return true;
}

function signingCertificateOf(v: SignerView): SigningCertificateFinding {
  const found = [
    { value: v.signingCertificateV2, v2: true },
    { value: v.signingCertificateV1, v2: false },
  ].filter((a): a is { value: Uint8Array; v2: boolean } => a.value !== undefined);
  if (found.length === 0) return 'absent';
  const signer = v.signerCertificate;
  return signer !== undefined && found.every((a) => essCertIdNames(a.value, a.v2, signer))
    ? 'matches'
    : 'mismatch';
}

/** What checkCms needs of a SignedData, from either reader. */
interface SignerView {
  certificates: Uint8Array[];
  signerCertificate: Uint8Array | undefined;
  eContent: Uint8Array | undefined;
  eContentType: string;
  digestOid: string;
  signatureAlgorithmOid: string;
  /** The algorithm's parameters as PKI.js has them (verifyWith reads RSASSA-PSS's). */
  signatureAlgorithmParams: unknown;
  signature: Uint8Array;
  /** The signed attributes' DER as signed (with the SET tag), when there are any. */
  signedAttrsDer: Uint8Array | undefined;
  signedAttributeTypes: string[] | undefined;
  /** The message-digest attribute's value, when it is an OCTET STRING. */
  messageDigest: Uint8Array | undefined;
  /** The first value (DER) of the signing-certificate-v2 and signing-certificate attributes. */
  signingCertificateV2: Uint8Array | undefined;
  signingCertificateV1: Uint8Array | undefined;
  timestampToken: Uint8Array | undefined;
}

/**
 * Whether PKI.js reads a certificate, once per distinct certificate (by its digest): what PKI.js
 * refuses inside a SignedData makes the whole SignedData unreadable, by either reader.
 */
const pkijsReads = new Map<string, boolean>();
function pkijsReadsCertificate(der: Uint8Array): boolean {
  const id = crypto.createHash('sha256').update(der).digest('base64');
  let ok = pkijsReads.get(id);
  if (ok === undefined) {
    try {
      pkijs.Certificate.fromBER(der);
      ok = true;
    } catch {
      ok = false;
    }
    if (pkijsReads.size >= 1024) pkijsReads.delete(pkijsReads.keys().next().value!);
    pkijsReads.set(id, ok);
  }
  return ok;
}

/** Empties the caches of public keys and of certificates PKI.js reads (the benchmark's uncached figure). */
export function clearCmsCaches(): void {
  publicKeys.clear();
  pkijsReads.clear();
}

/** The fast path (src/pki/read-signed-data.ts); undefined where PKI.js must read it. */
function fastView(der: Uint8Array): SignerView | undefined {
  const raw = readSignedData(der);
  if (!raw || !raw.certificates.every(pkijsReadsCertificate)) return undefined;
  const s = raw.signer;
  // The signer's certificate by the exact bytes of issuer and serial; PKI.js compares names the
  // way RFC 5280 7.1 allows (case, spaces), so anything else is left to it.
  const signerCertificate = raw.certificates.find((c) => {
    const ids = readCertificateIds(c);
    return ids !== undefined && bytesEqual(ids.serial, s.serial) && bytesEqual(ids.issuer, s.issuer);
  });
  if (!signerCertificate) return undefined;
  let messageDigest: Uint8Array | undefined;
  const md = s.signedAttrs?.find((a) => a.type === cmsOid.messageDigest)?.values[0];
  if (md) {
    const tlv = decodeTlv(md, 0, md.length);
    if (typeof tlv !== 'string' && tlv.tag === tag.octetString) messageDigest = md.subarray(tlv.contentStart);
    else if (md[0] === 0x24) return undefined; // a constructed OCTET STRING: PKI.js joins its parts
  }
  let params: unknown = undefined;
  if (s.signatureAlgorithmParams && signatureAlgorithms[s.signatureAlgorithmOid]?.family === 'RSASSA-PSS')
    params = asn1js.fromBER(s.signatureAlgorithmParams).result;
  return {
    certificates: raw.certificates,
    signerCertificate,
    eContent: raw.eContent,
    eContentType: raw.eContentType,
    digestOid: s.digestOid,
    signatureAlgorithmOid: s.signatureAlgorithmOid,
    signatureAlgorithmParams: params,
    signature: s.signature,
    signedAttrsDer: s.signedAttrsDer,
    signedAttributeTypes: s.signedAttrs?.map((a) => a.type),
    messageDigest,
    signingCertificateV2: s.signedAttrs?.find((a) => a.type === cmsOid.signingCertificateV2)?.values[0],
    signingCertificateV1: s.signedAttrs?.find((a) => a.type === cmsOid.signingCertificate)?.values[0],
    timestampToken: s.unsignedAttrs.find((a) => a.type === cmsOid.signatureTimeStampToken)?.values[0],
  };
}

/** PKI.js's reading: BER, other certificate choices, names matched as RFC 5280 7.1 allows. */
function pkijsView(der: Uint8Array): SignerView {
  const signedData = parseSignedData(der);
  const signer = signedData.signerInfos[0];
  if (!signer || signedData.signerInfos.length !== 1) throw new Error('not exactly one signer');
  const certs = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const signerCert = certs.find((c) => matchesSid(signer.sid, c));
  const encap = signedData.encapContentInfo;
  const md: unknown = signer.signedAttrs?.attributes.find((a) => a.type === cmsOid.messageDigest)?.values[0];
  const tsAttr = signer.unsignedAttrs?.attributes.find((a) => a.type === cmsOid.signatureTimeStampToken);
  const token: unknown = tsAttr?.values[0];
  const attributeDer = (type: string): Uint8Array | undefined => {
    const value: unknown = signer.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
    return value instanceof asn1js.BaseBlock ? view(value.toBER(false)) : undefined;
  };
  return {
    certificates: certs.map(derOf),
    signerCertificate: signerCert ? derOf(signerCert) : undefined,
    eContent: encap.eContent ? octets(encap.eContent) : undefined,
    eContentType: encap.eContentType,
    digestOid: signer.digestAlgorithm.algorithmId,
    signatureAlgorithmOid: signer.signatureAlgorithm.algorithmId,
    signatureAlgorithmParams: signer.signatureAlgorithm.algorithmParams,
    signature: view(signer.signature.valueBlock.valueHexView),
    signedAttrsDer: signer.signedAttrs ? view(signer.signedAttrs.encodedValue) : undefined,
    signedAttributeTypes: signer.signedAttrs?.attributes.map((a) => a.type),
    messageDigest: md instanceof asn1js.OctetString ? octets(md) : undefined,
    signingCertificateV2: attributeDer(cmsOid.signingCertificateV2),
    signingCertificateV1: attributeDer(cmsOid.signingCertificate),
    timestampToken: token instanceof asn1js.BaseBlock ? view(token.toBER(false)) : undefined,
  };
}

/**
 * Checks the SignedData `der` against `content` (detached: the byte range) or its own
 * encapsulated content (a time-stamp token). `reader` is for the tests that hold the two readers
 * to the same findings.
 */
export function checkCms(
  der: Uint8Array,
  content: Uint8Array | undefined,
  reader: 'auto' | 'pkijs' = 'auto',
): CmsCheck {
  const v = (reader === 'auto' ? fastView(der) : undefined) ?? pkijsView(der);
  const data = content ?? v.eContent;
  if (!data) throw new Error('no content');
  const digestOid = v.digestOid;
  const nodeDigest = nodeDigestOf(digestOid);
  if (!nodeDigest) throw new Error(`unknown digest ${digestOid}`);
  const contentDigest = crypto.createHash(nodeDigest).update(data).digest();
  const signerDer = v.signerCertificate;
  let digestMatches: boolean;
  let signatureValid: boolean;
  if (v.signedAttrsDer) {
    digestMatches =
      v.messageDigest !== undefined && Buffer.compare(Buffer.from(v.messageDigest), contentDigest) === 0;
    signatureValid =
      signerDer !== undefined &&
      verifyWith(
        signerDer,
        v.signatureAlgorithmOid,
        digestOid,
        v.signedAttrsDer,
        v.signature,
        v.signatureAlgorithmParams,
      );
  } else {
    // No signed attributes: the signature is over the content itself.
    signatureValid =
      signerDer !== undefined &&
      verifyWith(
        signerDer,
        v.signatureAlgorithmOid,
        digestOid,
        data,
        v.signature,
        v.signatureAlgorithmParams,
      );
    digestMatches = signatureValid;
  }
  return {
    certificates: v.certificates,
    signerCertificate: signerDer,
    digestOid,
    signatureAlgorithmOid: v.signatureAlgorithmOid,
    digestMatches,
    signatureValid,
    contentDigestHex: contentDigest.toString('hex'),
    signatureValue: v.signature,
    signedAttributeTypes: v.signedAttributeTypes ?? [],
    signingCertificate: signingCertificateOf(v),
    timestampToken: v.timestampToken,
    eContent: v.eContent,
    eContentType: v.eContentType,
  };
}

export interface TokenCheck {
  cms: CmsCheck;
  genTime: Date;
  /** The token's message imprint equals the digest of `stamped` under the imprint's hash. */
  imprintMatches: boolean;
}

/** Checks an RFC 3161 token: its own CMS and its message imprint over `stamped`. */
export function checkTimestampToken(
  token: Uint8Array,
  stamped: Uint8Array,
  reader: 'auto' | 'pkijs' = 'auto',
): TokenCheck {
  const cms = checkCms(token, undefined, reader);
  if (cms.eContentType !== cmsOid.tstInfo || !cms.eContent) throw new Error('not a TSTInfo');
  let hashOid: string;
  let imprint: Uint8Array;
  let genTime: Date;
  const raw = reader === 'auto' ? readTstInfo(cms.eContent) : undefined;
  const time = raw ? asn1js.fromBER(raw.genTime).result : undefined;
  if (raw && time instanceof asn1js.GeneralizedTime) {
    hashOid = raw.imprintHashOid;
    imprint = raw.hashedMessage;
    genTime = time.toDate();
  } else {
    const tst = pkijs.TSTInfo.fromBER(cms.eContent);
    hashOid = tst.messageImprint.hashAlgorithm.algorithmId;
    imprint = view(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
    genTime = tst.genTime;
  }
  const hash = nodeDigestOf(hashOid);
  const imprintMatches =
    hash !== undefined &&
    Buffer.compare(Buffer.from(imprint), crypto.createHash(hash).update(stamped).digest()) === 0;
  return { cms, genTime, imprintMatches };
}
