/**
 * Does an uploaded PDF hold the document Teken recorded (`GET /api/public/verify/document/{id}`,
 * whose `sha256` is that of the signed PDF as Teken handed it out)? Either the file is that PDF,
 * or it grew by incremental updates after it (a later signature, a DSS, a document time-stamp),
 * which append to the file and leave the signed PDF as a prefix ending at one of its `%%EOF`
 * markers (ISO 32000-1 §7.5.6). The hashes are made here with Web Crypto: the file is not sent
 * a second time for this, and the page needs no hash code of its own.
 */

export type RecordMatch = 'same' | 'contains' | 'different' | 'unavailable';

const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]; // "%%EOF"
const CR = 0x0d;
const LF = 0x0a;
/** Enough for any real document; a file with more markers is compared on its first ones. */
const MAX_REVISIONS = 64;

/** The lengths of every prefix that ends a revision: after each `%%EOF`, with or without its EOL. */
export function revisionEnds(bytes: Uint8Array): number[] {
  const ends = new Set<number>();
  for (let i = 0; i + EOF_MARK.length <= bytes.length && ends.size < MAX_REVISIONS * 3; i++) {
    if (bytes[i] !== 0x25 || !EOF_MARK.every((b, k) => bytes[i + k] === b)) continue;
    let end = i + EOF_MARK.length;
    ends.add(end);
    if (bytes[end] === CR) ends.add(++end);
    if (bytes[end] === LF) ends.add(++end);
    i = end - 1;
  }
  ends.delete(bytes.length);
  return [...ends].sort((a, b) => a - b);
}

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** How the file relates to the recorded SHA-256 (lower hex). */
export async function matchRecord(bytes: Uint8Array, sha256: string): Promise<RecordMatch> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return 'unavailable';
  const digest = async (length: number) =>
    hex(await subtle.digest('SHA-256', bytes.subarray(0, length) as Uint8Array<ArrayBuffer>));
  const wanted = sha256.toLowerCase();
  if ((await digest(bytes.length)) === wanted) return 'same';
  for (const end of revisionEnds(bytes)) if ((await digest(end)) === wanted) return 'contains';
  return 'different';
}
