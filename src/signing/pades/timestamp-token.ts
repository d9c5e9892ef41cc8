/**
 * What the engine checks in a time-stamp token before it embeds it (RFC 3161 2.4.2): a SignedData
 * whose content is a TSTInfo over exactly the digest that was asked for, with the hash asked for.
 * The token's signature is the TSA's to make and the validator's to verify; this catches a TSA
 * that answers for another request, or with something that is not a token, before it is sealed
 * into a document.
 *
 * ```asn1
 * TSTInfo ::= SEQUENCE { version INTEGER { v1(1) }, policy TSAPolicyId, messageImprint MessageImprint,
 *   serialNumber INTEGER, genTime GeneralizedTime, ... }
 * MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }
 * ```
 */
import { bytesEqual, copy, derReader, oidText, tag, type Tlv } from '../../pki/der.js';
import { TekenError } from '../../errors/teken-error.js';
import { hashOid, oid, type PadesHash } from './cms.js';

/** The time-stamping authority the engine asks (Teken's own TSA implements it). */
export interface PadesTimestamper {
  timestamp(digest: Uint8Array, hash: PadesHash, opts?: { certReq?: boolean }): Promise<Uint8Array>;
}

/** Asks the TSA; its failures become ERR_PADES_TIMESTAMP. */
export async function callTsa(
  tsa: PadesTimestamper,
  digest: Uint8Array,
  hash: PadesHash,
): Promise<Uint8Array> {
  try {
    return await tsa.timestamp(digest, hash, { certReq: true });
  } catch (error) {
    if (error instanceof TekenError) throw error;
    throw new TekenError('ERR_PADES_TIMESTAMP', undefined, { cause: error });
  }
}

export interface TimestampTokenInfo {
  genTime: Date;
  /** Certificates the token carries (DER), for the DSS. */
  certificates: Uint8Array[];
}

const fail = (message: string): never => {
  throw new TekenError('ERR_PADES_TIMESTAMP', `The time-stamp token ${message}.`);
};
const r = derReader(fail);

/** Reads a TimeStampToken and checks that it stamps `expected` with `hash`. */
export function readTimestampToken(
  token: Uint8Array,
  expected: Uint8Array,
  hash: PadesHash,
): TimestampTokenInfo {
  const contentInfo = r.only(token, 0, token.length, tag.sequence, 'ContentInfo');
  const type = r.expect(token, contentInfo.contentStart, contentInfo.end, tag.oid, 'contentType');
  if (oidText(token, type) !== oid.signedData) fail('is not a SignedData');
  const explicit = r.only(token, type.end, contentInfo.end, tag.context0, 'content');
  const signedData = r.only(token, explicit.contentStart, explicit.end, tag.sequence, 'SignedData');
  const version = r.expect(token, signedData.contentStart, signedData.end, tag.integer, 'version');
  const algorithms = r.expect(token, version.end, signedData.end, tag.set, 'digestAlgorithms');
  const encap = r.expect(token, algorithms.end, signedData.end, tag.sequence, 'encapContentInfo');
  const eType = r.expect(token, encap.contentStart, encap.end, tag.oid, 'eContentType');
  if (oidText(token, eType) !== oid.tstInfo) fail('does not hold a TSTInfo');
  const eContent = r.only(token, eType.end, encap.end, tag.context0, 'eContent');
  const octets = r.only(token, eContent.contentStart, eContent.end, tag.octetString, 'eContent');
  const info = r.only(token, octets.contentStart, octets.end, tag.sequence, 'TSTInfo');
  const infoVersion = r.expect(token, info.contentStart, info.end, tag.integer, 'TSTInfo version');
  const policy = r.expect(token, infoVersion.end, info.end, tag.oid, 'policy');
  const imprint = r.expect(token, policy.end, info.end, tag.sequence, 'messageImprint');
  const algorithm = r.expect(token, imprint.contentStart, imprint.end, tag.sequence, 'hashAlgorithm');
  const algorithmOid = r.expect(token, algorithm.contentStart, algorithm.end, tag.oid, 'hashAlgorithm');
  if (oidText(token, algorithmOid) !== hashOid[hash]) fail(`does not use ${hash}`);
  const hashed = r.only(token, algorithm.end, imprint.end, tag.octetString, 'hashedMessage');
  if (!bytesEqual(token.subarray(hashed.contentStart, hashed.end), expected)) fail('stamps another digest');
  const serial = r.expect(token, imprint.end, info.end, tag.integer, 'serialNumber');
  const genTimeTlv = r.expect(token, serial.end, info.end, tag.generalizedTime, 'genTime');
  const genTime = readGenTime(token, genTimeTlv) ?? fail('has an invalid genTime');
  const certificates: Uint8Array[] = [];
  const next = r.read(token, encap.end, signedData.end, 'certificates');
  if (next.tag === tag.context0) {
    for (let pos = next.contentStart; pos < next.end;) {
      const cert = r.read(token, pos, next.end, 'certificate');
      if (cert.tag === tag.sequence) certificates.push(copy(token, cert.start, cert.end));
      pos = cert.end;
    }
  }
  return { genTime, certificates };
}

/** GeneralizedTime with optional fractions of a second (RFC 3161 2.4.2: YYYYMMDDhhmmss[.s...]Z). */
function readGenTime(der: Uint8Array, tlv: Tlv): Date | undefined {
  const text = Buffer.from(der.subarray(tlv.contentStart, tlv.end)).toString('latin1');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{1,9})?Z$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hours, minutes, seconds] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, ms));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}
