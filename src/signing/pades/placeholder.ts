/**
 * The placeholders of a signature dictionary (ISO 32000-2 12.8.1): /ByteRange and /Contents are
 * written as raw bytes of fixed width, then patched in place once the file's final length is known.
 * Raw objects pass the writer untouched, so /Contents is never encrypted in an encrypted PDF
 * (ISO 32000-2 7.6.2 exempts it), and the strings around it are.
 */
import crypto from 'node:crypto';
import type { PdfObject } from '@libpdf/core';
import { TekenError } from '../../errors/teken-error.js';
import type { PadesHash } from './cms.js';

/** Bytes written as they are, what @libpdf/core's own (unexported) PdfRaw does. */
class RawBytes {
  readonly type = 'raw';
  constructor(readonly bytes: Uint8Array) {}
  toBytes(writer: { writeBytes(bytes: Uint8Array): void }): void {
    writer.writeBytes(this.bytes);
  }
}

const ascii = (text: string) => new TextEncoder().encode(text);

// Ten digits per number: files up to 10 GB.
const byteRangeMarker = '[0 ********** ********** **********]';

export const byteRangePlaceholder = (): PdfObject => new RawBytes(ascii(byteRangeMarker));

export const contentsPlaceholder = (size: number): PdfObject =>
  new RawBytes(ascii(`<${'0'.repeat(size * 2)}>`));

export interface Placeholders {
  byteRangeStart: number;
  /** Offset of the first hex digit of /Contents (after '<'). */
  contentsStart: number;
  /** Number of hex digits. */
  contentsLength: number;
}

/**
 * Finds the placeholders written after `from` (the end of the previous revision), so text in the
 * earlier document can never be mistaken for them.
 */
export function findPlaceholders(pdf: Uint8Array, from: number, size: number): Placeholders {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const byteRangeStart = buffer.indexOf(byteRangeMarker, from, 'latin1');
  const contentsStart = buffer.indexOf(`<${'0'.repeat(64)}`, from, 'latin1') + 1;
  if (byteRangeStart < 0 || contentsStart <= 0)
    throw new TekenError('ERR_SERVER_INTERNAL', 'The signature placeholders were not written.');
  if (buffer[contentsStart + size * 2] !== 0x3e)
    throw new TekenError('ERR_SERVER_INTERNAL', 'The /Contents placeholder has an unexpected length.');
  return { byteRangeStart, contentsStart, contentsLength: size * 2 };
}

export type ByteRange = [number, number, number, number];

/** Writes the real /ByteRange (everything but the /Contents string, '<' and '>' included). */
export function patchByteRange(pdf: Uint8Array, at: Placeholders): ByteRange {
  const range: ByteRange = [0, at.contentsStart - 1, at.contentsStart + at.contentsLength + 1, 0];
  range[3] = pdf.length - range[2];
  const text = `[0 ${range[1]} ${range[2]} ${range[3]}]`.padEnd(byteRangeMarker.length, ' ');
  if (text.length !== byteRangeMarker.length) throw new TekenError('ERR_PDF_TOO_LARGE');
  pdf.set(ascii(text), at.byteRangeStart);
  return range;
}

export function byteRangeDigest(pdf: Uint8Array, range: ByteRange, hash: PadesHash): Uint8Array {
  return new Uint8Array(
    crypto
      .createHash(hash)
      .update(pdf.subarray(range[0], range[0] + range[1]))
      .update(pdf.subarray(range[2], range[2] + range[3]))
      .digest(),
  );
}

/** Writes the CMS into /Contents; false when it does not fit (the caller reserves more and retries). */
export function patchContents(pdf: Uint8Array, at: Placeholders, cms: Uint8Array): boolean {
  if (cms.length * 2 > at.contentsLength) return false;
  pdf.set(ascii(Buffer.from(cms).toString('hex').toUpperCase()), at.contentsStart);
  return true;
}
