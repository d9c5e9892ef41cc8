/**
 * console/src/lib/revision-hashes.ts, the page's comparison of an uploaded file with the SHA-256
 * Teken recorded: the file itself, a file that grew by incremental updates after it (each
 * revision ends at `%%EOF` with LF, CRLF, CR or no end-of-line), or another file; the whole file
 * is not one of its own revisions, and a file without a marker has none.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { matchRecord, revisionEnds } from '../../console/src/lib/revision-hashes.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';

const sha = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
const join = (...parts: (Uint8Array | string)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))));

describe('revision hashes (Verifikasi PDF ?dokumen=)', () => {
  it('the same file, the file with later updates, another file', async () => {
    const original = await pdfLibDocument(1, 'Surat perbandingan');
    const update = '\n1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nstartxref\n123\n%%EOF\n';
    assert.equal(await matchRecord(original, sha(original)), 'same');
    assert.equal(await matchRecord(original, sha(original).toUpperCase()), 'same');
    const grown = join(original, update, update);
    assert.equal(await matchRecord(grown, sha(original)), 'contains');
    assert.equal(await matchRecord(grown, sha(join(original, update))), 'contains');
    const other = join(original.subarray(0, 100), 'x', original.subarray(101));
    assert.equal(await matchRecord(other, sha(original)), 'different');
    assert.equal(await matchRecord(join(update, original), sha(original)), 'different');
  });

  it('every end-of-line after %%EOF is a revision end; the whole file and a half marker are not', () => {
    assert.deepEqual(revisionEnds(join('a%%EOF\nb%%EOF\r\nc%%EOF\rd%%EOFe')), [6, 7, 13, 14, 15, 21, 22, 28]);
    assert.deepEqual(revisionEnds(join('%%EOF')), []);
    assert.deepEqual(revisionEnds(join('no marker here')), []);
    assert.deepEqual(revisionEnds(join('%%EO')), []);
  });
});
