/**
 * X.509 v2 CRL encoding (RFC 5280 section 5). Pure: no I/O, the signature comes from a Signer.
 *
 * Built for very large CRLs (10^6 entries and more). The one-off parts (algorithm identifier,
 * extensions) come from @peculiar/asn1-x509. The revoked-certificate entries, repeated up to
 * millions of times, are written straight into byte buffers by a small DER writer for that one
 * fixed structure. It builds no per-entry ASN.1 object tree. The tests check its bytes against the
 * library encoding on random entries.
 *
 * Memory: the encoded entries (about 40–80 bytes each) go into 1 MiB chunks. Once their total
 * length is known, the chunks are copied into the output buffer, which has room in front for the
 * SEQUENCE headers and room at the back for the signature. The TBSCertList is signed where it lies
 * in that buffer and is not copied again. Peak memory is about twice the size of the CRL.
 */
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  DistributionPointName,
  Extension,
  GeneralName,
  IssuingDistributionPoint,
  Name,
} from '@peculiar/asn1-x509';
import { TekenError } from '../errors/teken-error.js';
import { signatureAlgorithmIdentifier } from './certificate-assembly.js';
import { der as tlv, lengthFieldSize, writeHeader } from './der.js';
import { authorityKeyIdentifier } from './extensions.js';
import { signatureAlgorithmOf, type KeyAlgorithm, type Signer } from './signer.js';

export interface CrlEntry {
  /** Lower-case hex of the serial number's value: no leading zero bytes and no 00 sign byte. */
  serialHex: string;
  revokedAt: Date;
  /**
   * RFC 5280 CRLReason (0..10, not 7). Omit it, or pass 0, for unspecified: RFC 5280 5.3.1 says
   * to leave out the reasonCode extension in that case.
   */
  reason?: number;
  /** Encoded as a GeneralizedTime in the invalidityDate entry extension (RFC 5280 5.3.2). */
  invalidityDate?: Date;
}

export interface CrlInput {
  /** DER of the issuer Name, copied from the CA certificate's subject. */
  issuerNameDer: Uint8Array;
  /** The CA's subject key identifier, for the authorityKeyIdentifier extension. */
  issuerKeyIdentifier: Uint8Array;
  /** The cRLNumber extension (RFC 5280 5.2.3): 0 ≤ crlNumber < 2^159 (at most 20 octets). */
  crlNumber: bigint;
  thisUpdate: Date;
  nextUpdate: Date;
  /** Read once, in order. Pass a generator (for example over a database cursor) for large CRLs. */
  entries: Iterable<CrlEntry>;
  signingKey: Signer;
  /**
   * URL for a critical issuingDistributionPoint extension (RFC 5280 5.2.5): a fullName with this URI
   * and every scope flag FALSE. OpenSSL with -crl_check then uses the CRL only for certificates
   * whose cRLDistributionPoints has the same URI.
   */
  issuingDistributionPoint?: string;
}

/** Reasons RFC 5280 5.3.1 defines: 0..10 without 7. */
const validReasons = new Set([0, 1, 2, 3, 4, 5, 6, 8, 9, 10]);

/** Upper bound of `Signer.sign` output per algorithm (RSA: modulus size; ECDSA: DER Ecdsa-Sig-Value). */
const maxSignatureLength: Record<KeyAlgorithm, number> = {
  rsa2048: 256,
  rsa3072: 384,
  rsa4096: 512,
  p256: 72, // SEQUENCE(2) + 2 × INTEGER(2 + 33)
  p384: 104, // SEQUENCE(2) + 2 × INTEGER(2 + 49)
};

const idpOid = '2.5.29.28';

// ---------------------------------------------------------------------------------------------
// DER helpers for the one-off parts.

/** Content octets of a DER INTEGER holding a non-negative bigint. */
function integerContent(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = '0' + hex;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = '00' + hex;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

// ---------------------------------------------------------------------------------------------
// The hot path: one revokedCertificates entry.
//
//   SEQUENCE {                                          30 L
//     userCertificate  INTEGER                          02 L [00] value       ≤ 2 + 21
//     revocationDate   UTCTime | GeneralizedTime        17 0d …Z | 18 0f …Z   ≤ 17
//     crlEntryExtensions SEQUENCE OF Extension {        30 L                    2
//       SEQUENCE { OID 2.5.29.21, OCTET STRING { ENUMERATED reason } }          12
//       SEQUENCE { OID 2.5.29.24, OCTET STRING { GeneralizedTime } }            26
//     } OPTIONAL
//   }
//
// The largest content is 23 + 17 + 2 + 12 + 26 = 80 bytes, under 128: every length in an entry
// is one short-form byte, so the writer computes each length first and writes forward.

/** The largest entry: 2 bytes of header plus 80 of content. */
const MAX_ENTRY_LENGTH = 82;
const UTC_TIME_LENGTH = 15; // 17 0d YYMMDDHHMMSSZ
const GENERALIZED_TIME_LENGTH = 17; // 18 0f YYYYMMDDHHMMSSZ
/** Extension { extnID 2.5.29.21, extnValue OCTET STRING { ENUMERATED } }, less the reason byte. */
const REASON_CODE_PREFIX = new Uint8Array([0x30, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0a, 0x01]);
/** Extension { extnID 2.5.29.24, extnValue OCTET STRING { … } }, up to the GeneralizedTime. */
const INVALIDITY_DATE_PREFIX = new Uint8Array([0x30, 0x18, 0x06, 0x03, 0x55, 0x1d, 0x18, 0x04, 0x11]);
const REASON_CODE_LENGTH = REASON_CODE_PREFIX.length + 1;
const INVALIDITY_DATE_LENGTH = INVALIDITY_DATE_PREFIX.length + GENERALIZED_TIME_LENGTH;

/** Hex digit values by character code; -1 for anything but 0-9 a-f. */
const hexValue = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) hexValue['0123456789abcdef'.charCodeAt(i)] = i;

function nibble(hex: string, index: number): number {
  const code = hex.charCodeAt(index);
  return code < 128 ? hexValue[code]! : -1;
}

function invalid(message: string): TekenError {
  return new TekenError('ERR_INPUT_INVALID', message);
}

function isValidDate(date: unknown): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** What is wrong with a date to be encoded (to whole seconds, UTC) in a CRL, if anything. */
function dateProblem(date: unknown): string | undefined {
  if (!isValidDate(date)) return 'is not a valid date';
  const year = date.getUTCFullYear();
  if (year < 1950 || year > 9999) {
    return `(${date.toISOString()}) is outside the years 1950 to 9999 that a CRL can hold`;
  }
  return undefined;
}

function checkDate(date: unknown, what: string): asserts date is Date {
  const problem = dateProblem(date);
  if (problem !== undefined) throw invalid(`${what} ${problem}.`);
}

function writeTwoDigits(buffer: Uint8Array, offset: number, value: number): void {
  buffer[offset] = 0x30 + ((value / 10) | 0);
  buffer[offset + 1] = 0x30 + (value % 10);
}

/**
 * Writes `date`, truncated to the second, as a UTCTime (before 2050) or a GeneralizedTime (from
 * 2050, or always with `generalized`), as RFC 5280 5.1.2.4 asks. The year must be in 1950..9999.
 */
function writeTime(buffer: Uint8Array, offset: number, date: Date, generalized: boolean): number {
  const year = date.getUTCFullYear();
  if (generalized || year >= 2050) {
    buffer[offset++] = 0x18;
    buffer[offset++] = 0x0f;
    writeTwoDigits(buffer, offset, (year / 100) | 0);
    offset += 2;
  } else {
    buffer[offset++] = 0x17;
    buffer[offset++] = 0x0d;
  }
  writeTwoDigits(buffer, offset, year % 100);
  writeTwoDigits(buffer, offset + 2, date.getUTCMonth() + 1);
  writeTwoDigits(buffer, offset + 4, date.getUTCDate());
  writeTwoDigits(buffer, offset + 6, date.getUTCHours());
  writeTwoDigits(buffer, offset + 8, date.getUTCMinutes());
  writeTwoDigits(buffer, offset + 10, date.getUTCSeconds());
  buffer[offset + 12] = 0x5a; // 'Z'
  return offset + 13;
}

/** Says what is wrong with a serial that failed the fast check (only called on errors). */
function serialProblem(serialHex: unknown): string {
  if (typeof serialHex !== 'string') return 'serialHex must be a string';
  if (serialHex.length === 0) return 'serialHex is empty';
  if (!/^[0-9a-f]+$/.test(serialHex)) return 'serialHex must be lower-case hexadecimal (0-9, a-f)';
  if (/^0+$/.test(serialHex)) return 'the serial number must be positive, not zero';
  if (serialHex.length > 40) return 'the serial number is longer than 20 bytes';
  return 'serialHex must not have leading zeros (beyond a whole first byte)';
}

function describeEntry(index: number, entry: CrlEntry | undefined): string {
  const serial = entry?.serialHex;
  const shown =
    typeof serial === 'string'
      ? ` (serial "${serial.length > 48 ? serial.slice(0, 48) + '…' : serial}")`
      : '';
  return `CRL entry #${index}${shown}`;
}

/**
 * Writes one RevokedCertificate at `offset` (which must have MAX_ENTRY_LENGTH bytes free after
 * it) and returns the offset after it. Throws ERR_INPUT_INVALID for an invalid entry.
 */
function writeEntry(buffer: Uint8Array, offset: number, entry: CrlEntry, index: number): number {
  if (typeof entry !== 'object' || entry === null)
    throw invalid(`${describeEntry(index, undefined)} is not an object.`);
  const { serialHex, revokedAt, reason, invalidityDate } = entry;

  // Serial: 1..40 hex digits, no redundant leading zero (an odd length means a leading 0 nibble).
  const digits = typeof serialHex === 'string' ? serialHex.length : 0;
  const first = digits > 0 ? nibble(serialHex, 0) : -1;
  const odd = digits & 1;
  if (
    digits === 0 ||
    digits > 40 ||
    first < 0 ||
    (odd === 1 ? first === 0 : first === 0 && nibble(serialHex, 1) === 0)
  ) {
    throw invalid(`${describeEntry(index, entry)}: ${serialProblem(serialHex)}.`);
  }
  const valueLength = (digits + odd) >> 1;
  // A set top bit would make the INTEGER negative: prefix a 00 byte (X.690 8.3.2).
  const signByte = odd === 0 && first >= 8 ? 1 : 0;
  const integerLength = signByte + valueLength;

  // Error messages are only built on failure: this runs up to millions of times.
  let problem = dateProblem(revokedAt);
  if (problem !== undefined) throw invalid(`${describeEntry(index, entry)}: revokedAt ${problem}.`);
  const timeLength = revokedAt.getUTCFullYear() >= 2050 ? GENERALIZED_TIME_LENGTH : UTC_TIME_LENGTH;

  let extensionsLength = 0;
  if (reason !== undefined) {
    if (typeof reason !== 'number' || !validReasons.has(reason)) {
      throw invalid(
        `${describeEntry(index, entry)}: reason ${String(reason)} is not an RFC 5280 CRLReason (0 to 10, not 7).`,
      );
    }
    if (reason !== 0) extensionsLength += REASON_CODE_LENGTH;
  }
  if (invalidityDate !== undefined) {
    problem = dateProblem(invalidityDate);
    if (problem !== undefined) throw invalid(`${describeEntry(index, entry)}: invalidityDate ${problem}.`);
    extensionsLength += INVALIDITY_DATE_LENGTH;
  }

  const contentLength = 2 + integerLength + timeLength + (extensionsLength > 0 ? 2 + extensionsLength : 0);
  buffer[offset++] = 0x30;
  buffer[offset++] = contentLength;

  buffer[offset++] = 0x02;
  buffer[offset++] = integerLength;
  if (signByte) buffer[offset++] = 0;
  let digit = 0;
  if (odd) {
    buffer[offset++] = first;
    digit = 1;
  }
  for (; digit < digits; digit += 2) {
    const high = nibble(serialHex, digit);
    const low = nibble(serialHex, digit + 1);
    if ((high | low) < 0) throw invalid(`${describeEntry(index, entry)}: ${serialProblem(serialHex)}.`);
    buffer[offset++] = (high << 4) | low;
  }

  offset = writeTime(buffer, offset, revokedAt, false);

  if (extensionsLength > 0) {
    buffer[offset++] = 0x30;
    buffer[offset++] = extensionsLength;
    if (reason !== undefined && reason !== 0) {
      for (let i = 0; i < REASON_CODE_PREFIX.length; i++) buffer[offset++] = REASON_CODE_PREFIX[i]!;
      buffer[offset++] = reason;
    }
    if (invalidityDate !== undefined) {
      for (let i = 0; i < INVALIDITY_DATE_PREFIX.length; i++) buffer[offset++] = INVALIDITY_DATE_PREFIX[i]!;
      offset = writeTime(buffer, offset, invalidityDate, true);
    }
  }
  return offset;
}

// ---------------------------------------------------------------------------------------------

const CHUNK_SIZE = 1 << 20;
/** Entries encoded between two yields to the event loop, so a big CRL does not stall the server. */
const ENTRIES_PER_SLICE = 65_536;

/** Encodes all entries into 1 MiB chunks; returns the chunks and their total length. */
async function encodeEntries(entries: Iterable<CrlEntry>): Promise<{ chunks: Buffer[]; length: number }> {
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(CHUNK_SIZE);
  let offset = 0;
  let length = 0;
  let index = 0;
  for (const entry of entries) {
    if (offset > CHUNK_SIZE - MAX_ENTRY_LENGTH) {
      chunks.push(chunk.subarray(0, offset));
      length += offset;
      chunk = Buffer.allocUnsafe(CHUNK_SIZE);
      offset = 0;
    }
    offset = writeEntry(chunk, offset, entry, index);
    if (++index % ENTRIES_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (offset > 0) {
    chunks.push(chunk.subarray(0, offset));
    length += offset;
  }
  return { chunks, length };
}

function checkInput(input: CrlInput): void {
  if (!(input.issuerNameDer instanceof Uint8Array) || input.issuerNameDer[0] !== 0x30) {
    throw invalid('issuerNameDer must be the DER encoding of an X.501 Name (a SEQUENCE).');
  }
  try {
    // The whole input must be one Name, and re-encoding it must give back the same bytes.
    const reencoded = new Uint8Array(AsnConvert.serialize(AsnConvert.parse(input.issuerNameDer, Name)));
    if (Buffer.compare(reencoded, input.issuerNameDer) !== 0) throw new Error('not DER');
  } catch (error) {
    throw new TekenError('ERR_INPUT_INVALID', 'issuerNameDer is not a DER-encoded X.501 Name.', {
      cause: error,
    });
  }
  if (!(input.issuerKeyIdentifier instanceof Uint8Array) || input.issuerKeyIdentifier.length === 0) {
    throw invalid('issuerKeyIdentifier must be a non-empty key identifier.');
  }
  if (typeof input.crlNumber !== 'bigint' || input.crlNumber < 0n || input.crlNumber >= 1n << 159n) {
    throw invalid('crlNumber must be a bigint from 0 to 2^159 - 1 (RFC 5280 5.2.3: at most 20 octets).');
  }
  checkDate(input.thisUpdate, 'thisUpdate');
  checkDate(input.nextUpdate, 'nextUpdate');
  if (Math.floor(input.nextUpdate.getTime() / 1000) <= Math.floor(input.thisUpdate.getTime() / 1000)) {
    throw invalid('nextUpdate must be at least one second after thisUpdate.');
  }
  if (!Object.hasOwn(signatureAlgorithmOf, input.signingKey.algorithm)) {
    throw invalid(`Unknown signing key algorithm "${String(input.signingKey.algorithm)}".`);
  }
  const idp = input.issuingDistributionPoint;
  if (idp !== undefined) {
    // IA5String: printable ASCII only; and it has to be an absolute URL.
    if (typeof idp !== 'string' || !/^[\x21-\x7e]+$/.test(idp) || !URL.canParse(idp)) {
      throw invalid(`issuingDistributionPoint must be an absolute ASCII URL, not ${JSON.stringify(idp)}.`);
    }
  }
}

function crlExtensions(input: CrlInput): Uint8Array {
  const extensions: Uint8Array[] = [
    new Uint8Array(AsnConvert.serialize(authorityKeyIdentifier(input.issuerKeyIdentifier))),
    // Extension { cRLNumber, non-critical, OCTET STRING { INTEGER } }. Built here because the
    // library's CRLNumber is a JavaScript number, too small for 159 bits.
    tlv(
      0x30,
      tlv(0x06, new Uint8Array([0x55, 0x1d, 0x14])),
      tlv(0x04, tlv(0x02, integerContent(input.crlNumber))),
    ),
  ];
  if (input.issuingDistributionPoint !== undefined) {
    const idp = new IssuingDistributionPoint({
      distributionPoint: new DistributionPointName({
        fullName: [new GeneralName({ uniformResourceIdentifier: input.issuingDistributionPoint })],
      }),
    });
    extensions.push(
      new Uint8Array(
        AsnConvert.serialize(
          new Extension({
            extnID: idpOid,
            critical: true,
            extnValue: new OctetString(AsnConvert.serialize(idp)),
          }),
        ),
      ),
    );
  }
  // crlExtensions [0] EXPLICIT Extensions
  return tlv(0xa0, tlv(0x30, ...extensions));
}

function encodeTime(date: Date): Uint8Array {
  const out = new Uint8Array(GENERALIZED_TIME_LENGTH);
  return out.subarray(0, writeTime(out, 0, date, false));
}

/**
 * Encodes and signs an X.509 v2 CRL (RFC 5280 5.1) and returns its DER CertificateList.
 *
 * The entries are read once and streamed into the encoding. Invalid input of any kind throws
 * ERR_INPUT_INVALID before anything is signed. Times are truncated to whole seconds. The result
 * may be a view into a slightly larger buffer (by a few bytes): use its byteOffset and byteLength,
 * as with any Buffer.
 */
export async function encodeCrl(input: CrlInput): Promise<Uint8Array> {
  checkInput(input);
  const { oid } = signatureAlgorithmOf[input.signingKey.algorithm];
  const algorithmIdentifier = new Uint8Array(AsnConvert.serialize(signatureAlgorithmIdentifier(oid)));

  // version v2, signature, issuer, thisUpdate, nextUpdate
  const head = [
    new Uint8Array([0x02, 0x01, 0x01]),
    algorithmIdentifier,
    input.issuerNameDer,
    encodeTime(input.thisUpdate),
    encodeTime(input.nextUpdate),
  ];
  const headLength = head.reduce((sum, part) => sum + part.length, 0);
  const extensions = crlExtensions(input);

  const { chunks, length: entriesLength } = await encodeEntries(input.entries);
  // revokedCertificates is left out when there are no entries (RFC 5280 5.1.2.6).
  const revokedLength = entriesLength > 0 ? 1 + lengthFieldSize(entriesLength) + entriesLength : 0;
  const tbsContentLength = headLength + revokedLength + extensions.length;
  const tbsLength = 1 + lengthFieldSize(tbsContentLength) + tbsContentLength;

  const maxSignature = maxSignatureLength[input.signingKey.algorithm];
  const maxBitString = 1 + lengthFieldSize(maxSignature + 1) + 1 + maxSignature;
  const maxContentLength = tbsLength + algorithmIdentifier.length + maxBitString;
  // The CertificateList header is written last, right-aligned against the TBSCertList.
  const tbsStart = 1 + lengthFieldSize(maxContentLength);
  const out = Buffer.alloc(tbsStart + maxContentLength);

  let offset = writeHeader(out, tbsStart, 0x30, tbsContentLength);
  for (const part of head) {
    out.set(part, offset);
    offset += part.length;
  }
  if (entriesLength > 0) {
    offset = writeHeader(out, offset, 0x30, entriesLength);
    for (let i = 0; i < chunks.length; i++) {
      out.set(chunks[i]!, offset);
      offset += chunks[i]!.length;
    }
  }
  chunks.length = 0;
  out.set(extensions, offset);
  offset += extensions.length;
  const tbsEnd = offset;

  const signature = await input.signingKey.sign(out.subarray(tbsStart, tbsEnd));
  const bitStringLength = 1 + lengthFieldSize(signature.length + 1) + 1 + signature.length;
  const contentLength = tbsLength + algorithmIdentifier.length + bitStringLength;

  if (signature.length > maxSignature) {
    // A backend returned a longer signature than its algorithm allows for; assemble a new buffer.
    const tbs = out.subarray(tbsStart, tbsEnd);
    const bitString = tlv(0x03, new Uint8Array([0]), signature);
    return tlv(0x30, tbs, algorithmIdentifier, bitString);
  }

  out.set(algorithmIdentifier, offset);
  offset += algorithmIdentifier.length;
  offset = writeHeader(out, offset, 0x03, signature.length + 1);
  out[offset++] = 0; // no unused bits
  out.set(signature, offset);
  offset += signature.length;

  const start = tbsStart - 1 - lengthFieldSize(contentLength);
  writeHeader(out, start, 0x30, contentLength);
  return new Uint8Array(out.buffer, out.byteOffset + start, offset - start);
}
