/**
 * A small, strict DER reader and writer for the hot paths (OCSP, issuance, CRLs, CSRs, lint).
 *
 * asn1js and @peculiar/asn1-schema build object trees and cost more than the signature on these
 * paths; the structures here are fixed and bounded, so they are read and written directly. The
 * reader accepts DER only: definite, minimal lengths and low tag numbers, every TLV inside its parent;
 * the content readers below (INTEGER, BOOLEAN, NULL, BIT STRING, OID, times) accept only the DER
 * forms of X.690 8 and 11. Which elements a structure has, and their tags, are the caller's, who knows
 * the grammar. Anything of open-ended shape (names, general names, policies) still goes through the
 * libraries. test/pki/der.test.ts holds hand-written and OpenSSL-made vectors for every part.
 */

export const tag = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  enumerated: 0x0a,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1,
  context2: 0xa2,
  context3: 0xa3,
} as const;

export function hex(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'hex'));
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** One DER TLV: identifier octet, content [contentStart, end). */
export interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/**
 * Decodes the TLV at `pos`, which must end at or before `limit`; returns what is wrong instead when it
 * is not DER (definite, minimal length; low tag number).
 */
export function decodeTlv(der: Uint8Array, pos: number, limit: number): Tlv | string {
  if (pos + 2 > limit) return 'is truncated';
  const identifier = der[pos]!;
  if ((identifier & 0x1f) === 0x1f) return 'has an unexpected tag';
  let length = der[pos + 1]!;
  let contentStart = pos + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) return 'uses an indefinite length (not DER)';
    if (count > 3) return 'is too long';
    if (contentStart + count > limit) return 'is truncated';
    if (der[contentStart] === 0) return 'has a non-minimal length (not DER)';
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[contentStart + i]!;
    if (length < 0x80) return 'has a non-minimal length (not DER)';
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) return 'is truncated';
  return { tag: identifier, start: pos, contentStart, end };
}

/**
 * Where the content of the SEQUENCE at `pos` starts, when that SEQUENCE is DER (the length rules of
 * decodeTlv) and ends exactly at `end`; -1 otherwise. decodeTlv without the object, for hot paths
 * that only follow nested SEQUENCEs (the two must accept the same headers: der.test.ts checks).
 */
export function filledSequenceContentStart(der: Uint8Array, pos: number, end: number): number {
  if (pos + 2 > end || der[pos] !== tag.sequence) return -1;
  let length = der[pos + 1]!;
  let contentStart = pos + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || contentStart + count > end || der[contentStart] === 0) return -1;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[contentStart + i]!;
    if (length < 0x80) return -1;
    contentStart += count;
  }
  return contentStart + length === end ? contentStart : -1;
}

/** Readers that report a problem through `fail` (which throws), naming the element with `what`. */
export interface DerReader {
  /** The TLV at `pos`, ending at or before `limit`. */
  read: (der: Uint8Array, pos: number, limit: number, what: string) => Tlv;
  /** Like read, with the given tag. */
  expect: (der: Uint8Array, pos: number, limit: number, expected: number, what: string) => Tlv;
  /** Like expect, but the TLV must fill [pos, limit) exactly (an EXPLICIT tag's single child). */
  only: (der: Uint8Array, pos: number, limit: number, expected: number, what: string) => Tlv;
}

export function derReader(fail: (message: string) => never): DerReader {
  const read = (der: Uint8Array, pos: number, limit: number, what: string): Tlv => {
    const tlv = decodeTlv(der, pos, limit);
    if (typeof tlv === 'string') fail(`${what} ${tlv}`);
    return tlv;
  };
  const expect = (der: Uint8Array, pos: number, limit: number, expected: number, what: string): Tlv => {
    const tlv = read(der, pos, limit, what);
    if (tlv.tag !== expected) fail(`${what} has an unexpected tag`);
    return tlv;
  };
  return {
    read,
    expect,
    only: (der, pos, limit, expected, what) => {
      const tlv = expect(der, pos, limit, expected, what);
      if (tlv.end !== limit) fail(`${what} is followed by unexpected data`);
      return tlv;
    },
  };
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Whether the content of `tlv` equals `expected`. */
export function contentEquals(der: Uint8Array, tlv: Tlv, expected: Uint8Array): boolean {
  if (tlv.end - tlv.contentStart !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (der[tlv.contentStart + i] !== expected[i]) return false;
  return true;
}

/** Whether the whole TLV (tag, length and content) equals `expected`. */
export function tlvEquals(der: Uint8Array, tlv: Tlv, expected: Uint8Array): boolean {
  if (tlv.end - tlv.start !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (der[tlv.start + i] !== expected[i]) return false;
  return true;
}

/** Whether the contents of two TLVs of `der` are equal. */
export function rangesEqual(der: Uint8Array, a: Tlv, b: Tlv): boolean {
  const length = a.end - a.contentStart;
  if (b.end - b.contentStart !== length) return false;
  for (let i = 0; i < length; i++) if (der[a.contentStart + i] !== der[b.contentStart + i]) return false;
  return true;
}

/** A fresh copy (a byte loop: faster than subarray() on a Buffer, which is what HTTP bodies are). */
export function copy(der: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  for (let i = 0; i < out.length; i++) out[i] = der[start + i]!;
  return out;
}

/**
 * Dotted form of an OID's content octets (X.690 8.19; an OID that does not end cleanly yields what
 * it can). Arcs of any size: 2.25 UUID arcs are 128 bits.
 */
export function oidText(der: Uint8Array, tlv: Tlv): string {
  const arcs: (number | bigint)[] = [];
  let value = 0;
  let big: bigint | undefined;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const septet = der[i]! & 0x7f;
    if (big !== undefined) big = big * 128n + BigInt(septet);
    else if (value >= 2 ** 45) big = BigInt(value) * 128n + BigInt(septet);
    else value = value * 128 + septet;
    if (!(der[i]! & 0x80)) {
      const arc = big ?? value;
      if (arcs.length === 0) {
        // The first subidentifier is 40 * arc1 + arc2, with arc2 unbounded when arc1 is 2.
        if (arc < 80) arcs.push(Math.floor(Number(arc) / 40), Number(arc) % 40);
        else arcs.push(2, typeof arc === 'bigint' ? arc - 80n : arc - 80);
      } else arcs.push(arc);
      value = 0;
      big = undefined;
    }
  }
  return arcs.join('.');
}

/** Whether an OID's content is well-formed: not empty, the last octet ends an arc, no 0x80 padding. */
export function oidIsValid(der: Uint8Array, tlv: Tlv): boolean {
  if (tlv.end === tlv.contentStart || der[tlv.end - 1]! & 0x80) return false;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const startsArc = i === tlv.contentStart || !(der[i - 1]! & 0x80);
    if (startsArc && der[i] === 0x80) return false;
  }
  return true;
}

/**
 * The time of a UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ) TLV, in the forms
 * RFC 5280 4.1.2.5 allows; undefined for anything else.
 */
export function readTime(der: Uint8Array, tlv: Tlv): Date | undefined {
  const length = tlv.end - tlv.contentStart;
  let text = '';
  for (let i = tlv.contentStart; i < tlv.end; i++) text += String.fromCharCode(der[i]!);
  let match: RegExpExecArray | null;
  let year: number;
  if (tlv.tag === tag.utcTime && length === 13) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) return undefined;
    const yy = Number(match[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (tlv.tag === tag.generalizedTime && length === 15) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) return undefined;
    year = Number(match[1]);
  } else return undefined;
  const [month, day, hours, minutes, seconds] = match.slice(2).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  // Reject what Date.UTC would silently roll over (month 13, 31 February, 24:00).
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hours ||
    date.getUTCMinutes() !== minutes ||
    date.getUTCSeconds() !== seconds
  )
    return undefined;
  return date;
}

/** Whether an INTEGER's content is DER (X.690 8.3.2): not empty, no redundant leading 0x00 or 0xff. */
export function integerIsMinimal(der: Uint8Array, tlv: Tlv): boolean {
  const length = tlv.end - tlv.contentStart;
  if (length === 0) return false;
  if (length === 1) return true;
  const first = der[tlv.contentStart]!;
  const second = der[tlv.contentStart + 1]!;
  return !((first === 0x00 && second < 0x80) || (first === 0xff && second >= 0x80));
}

/** The value of a DER INTEGER TLV (two's complement, minimal), or undefined. */
export function readInteger(der: Uint8Array, tlv: Tlv): bigint | undefined {
  if (tlv.tag !== tag.integer || !integerIsMinimal(der, tlv)) return undefined;
  let value = 0n;
  for (let i = tlv.contentStart; i < tlv.end; i++) value = (value << 8n) | BigInt(der[i]!);
  if (der[tlv.contentStart]! & 0x80) value -= 1n << BigInt(8 * (tlv.end - tlv.contentStart));
  return value;
}

/** The value of a DER BOOLEAN TLV: one octet, 0x00 or 0xff (X.690 11.1); undefined for anything else. */
export function readBoolean(der: Uint8Array, tlv: Tlv): boolean | undefined {
  if (tlv.tag !== tag.boolean || tlv.end - tlv.contentStart !== 1) return undefined;
  const value = der[tlv.contentStart];
  return value === 0xff ? true : value === 0x00 ? false : undefined;
}

/** Whether the TLV is a NULL with no content (X.690 8.8). */
export function isNull(tlv: Tlv): boolean {
  return tlv.tag === tag.null && tlv.end === tlv.contentStart;
}

/**
 * The content of a DER BIT STRING TLV: its unused-bit count (0 to 7, 0 when empty) and its octets,
 * with the unused bits zero (X.690 8.6.2, 11.2.1); undefined for anything else. `bytes` is a view.
 */
export function readBitString(
  der: Uint8Array,
  tlv: Tlv,
): { unusedBits: number; bytes: Uint8Array } | undefined {
  if (tlv.tag !== tag.bitString || tlv.end === tlv.contentStart) return undefined;
  const unusedBits = der[tlv.contentStart]!;
  if (unusedBits > 7) return undefined;
  const bytes = der.subarray(tlv.contentStart + 1, tlv.end);
  if (bytes.length === 0) return unusedBits === 0 ? { unusedBits, bytes } : undefined;
  if (bytes[bytes.length - 1]! & ((1 << unusedBits) - 1)) return undefined;
  return { unusedBits, bytes };
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** Number of bytes of a DER length field for a content of `length` bytes (X.690 8.1.3). */
export function lengthFieldSize(length: number): number {
  if (length < 0x80) return 1;
  let size = 1;
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) size++;
  return size;
}

/** Writes a tag and a DER length at `offset`; returns the offset after them. */
export function writeHeader(buffer: Uint8Array, offset: number, tagByte: number, length: number): number {
  buffer[offset++] = tagByte;
  if (length < 0x80) {
    buffer[offset++] = length;
    return offset;
  }
  const size = lengthFieldSize(length) - 1;
  buffer[offset++] = 0x80 | size;
  for (let i = size - 1; i >= 0; i--) buffer[offset + i] = Math.floor(length / 256 ** (size - 1 - i)) % 256;
  return offset + size;
}

/** A complete DER TLV with the given content. */
export function der(tagByte: number, ...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(1 + lengthFieldSize(length) + length);
  let offset = writeHeader(out, 0, tagByte, length);
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * DER OBJECT IDENTIFIER (tag and all) of a dotted OID (X.690 8.19). Throws RangeError for text that
 * is not an OID: fewer than two arcs, a first arc above 2, a second arc above 39 under 0 or 1.
 */
export function oidDer(oid: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9]\d*))+$/.test(oid)) throw new RangeError(`${oid} is not an OID.`);
  const arcs = oid.split('.').map(BigInt);
  if (arcs[0]! < 2n && arcs[1]! >= 40n) throw new RangeError(`${oid} is not an OID.`);
  const bytes: number[] = [];
  const push = (value: bigint) => {
    const groups = [Number(value & 0x7fn)];
    for (let rest = value >> 7n; rest > 0n; rest >>= 7n) groups.unshift(Number(rest & 0x7fn) | 0x80);
    bytes.push(...groups);
  };
  push(arcs[0]! * 40n + arcs[1]!);
  for (const arc of arcs.slice(2)) push(arc);
  return der(tag.oid, new Uint8Array(bytes));
}

/** DER INTEGER (tag and all) of a value, in the minimal two's complement form (X.690 8.3). */
export function integerDer(value: bigint | number): Uint8Array {
  let rest = BigInt(value);
  const bytes: number[] = [];
  for (;;) {
    const byte = Number(rest & 0xffn);
    bytes.unshift(byte);
    rest >>= 8n;
    // Done when the rest is only the sign extension of the byte just written.
    if ((rest === 0n && !(byte & 0x80)) || (rest === -1n && byte & 0x80)) break;
  }
  return der(tag.integer, new Uint8Array(bytes));
}

/** DER BOOLEAN (tag and all): TRUE is 0xff (X.690 11.1). */
export function booleanDer(value: boolean): Uint8Array {
  return new Uint8Array([tag.boolean, 1, value ? 0xff : 0x00]);
}

export const nullDer = new Uint8Array([tag.null, 0]);

const digits2 = (value: number) => (value < 10 ? '0' : '') + String(value);

/**
 * A certificate validity time as RFC 5280 4.1.2.5 asks: UTCTime (YYMMDDHHMMSSZ) through 2049,
 * GeneralizedTime (YYYYMMDDHHMMSSZ) from 2050; `generalized` forces the latter (OCSP, CRL entry
 * extensions). Fractions of a second are dropped. Throws RangeError for an invalid date or a year
 * outside 1950-9999.
 */
export function timeDer(date: Date, generalized = false): Uint8Array {
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 1950 || year > 9999)
    throw new RangeError('The date cannot be written as an X.509 time.');
  const utc = !generalized && year < 2050;
  const text =
    (utc ? digits2(year % 100) : String(year)) +
    digits2(date.getUTCMonth() + 1) +
    digits2(date.getUTCDate()) +
    digits2(date.getUTCHours()) +
    digits2(date.getUTCMinutes()) +
    digits2(date.getUTCSeconds()) +
    'Z';
  const out = new Uint8Array(2 + text.length);
  out[0] = utc ? tag.utcTime : tag.generalizedTime;
  out[1] = text.length;
  for (let i = 0; i < text.length; i++) out[2 + i] = text.charCodeAt(i);
  return out;
}
