/**
 * The `text` of a visible signature (BSrE v1's `text` field), drawn by the appearance builder under
 * the image or QR code: WinAnsi in Helvetica, wrapped to the box in at most three lines, shrunk to
 * fit; judged by pdfsig, openssl and qpdf, read back by pdftotext and seen in pdftoppm's render.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { textLayout, winAnsiText } from '../../src/signing/pades/appearance.js';
import { signPdf, type SignPdfInput } from '../../src/signing/pades/sign-pdf.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

let pki: PadesPki;
let dir: string;
let blank: Uint8Array;

before(async () => {
  pki = makePadesPki();
  dir = tmpDir();
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  blank = await doc.save({ useObjectStreams: false });
});

const base = (): SignPdfInput => ({
  pdf: blank,
  privateKey: pki.ec.key,
  certificate: pki.ec.certificate,
  chain: [pki.ca.certificate],
  level: 'B-B',
});

/** Dark pixels of page 1 at 36 dpi, below and above y (in points from the bottom). */
function darkPixels(pdf: Uint8Array, name: string): number {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const r = runTool('pdftoppm', ['-r', '36', '-gray', '-f', '1', '-l', '1', file, path.join(dir, name)]);
  assert.equal(r.status, 0, r.stderr);
  const pgm = fs.readdirSync(dir).find((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))!;
  const data = fs.readFileSync(path.join(dir, pgm));
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString('latin1', 0, 40))!;
  let dark = 0;
  for (const p of data.subarray(header[0].length)) if (p < 128) dark++;
  return dark;
}

function pdftotext(pdf: Uint8Array, name: string): string {
  const file = path.join(dir, `${name}-t.pdf`);
  fs.writeFileSync(file, pdf);
  const r = runTool('pdftotext', [file, '-']);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/\s+/g, ' ');
}

describe('the text of a visible signature', () => {
  it('keeps printable Latin-1 and turns the rest into "?"', () => {
    assert.equal(winAnsiText('  Kepala  Dinas\tKominfo\n'), 'Kepala Dinas Kominfo');
    assert.equal(winAnsiText('Jalan Merdeka — No. 5 ✓ é ü'), 'Jalan Merdeka ? No. 5 ? é ü');
    assert.equal(winAnsiText('a\u0000b'), 'a?b');
  });

  it('wraps to the box in at most three lines and shrinks for a small box', () => {
    const long = 'Ditandatangani secara elektronik oleh Kepala Dinas Komunikasi dan Informatika Provinsi';
    const wide = textLayout(long, 300, 150);
    assert.ok(wide.lines.length <= 3 && wide.lines.length >= 1);
    assert.equal(wide.lines.join(' '), long);
    const narrow = textLayout(long, 80, 80);
    assert.ok(narrow.size < wide.size, `${narrow.size} < ${wide.size}`);
    assert.ok(narrow.lines.length <= 3);
    // Too much for three lines at the smallest size: cut, ending in "...".
    const huge = textLayout('kata '.repeat(200).trim(), 60, 60);
    assert.equal(huge.lines.length, 3);
    assert.ok(huge.lines[2]!.endsWith('...'));
    // A word longer than the line is cut, not left to overflow.
    const word = textLayout('x'.repeat(100), 50, 150);
    assert.ok(word.lines.every((l) => l.length < 100));
  });

  it('draws the text under a QR code and under an image; the signature stays valid', async () => {
    const image = await sharp({ create: { width: 100, height: 50, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const box = { x: 100, y: 100, width: 200, height: 120 };
    for (const [name, content] of [
      ['qr', { qr: 'https://teken.example/verifikasi?dokumen=1' }],
      ['image', { image }],
    ] as const) {
      const without = await signPdf({ ...base(), visible: { placement: { page: 1, box }, content } });
      const withText = await signPdf({
        ...base(),
        visible: {
          placement: { page: 1, box },
          content: { ...content, text: 'Kepala Dinas (Plt.) \\ Bandung' },
        },
      });
      judgeSigned(pki, dir, withText.pdf, `text-${name}`, 1);
      assert.match(pdftotext(withText.pdf, `text-${name}`), /Kepala Dinas \(Plt\.\) \\ Bandung/);
      assert.doesNotMatch(pdftotext(without.pdf, `plain-${name}`), /Kepala/);
      // The mark shrinks to leave the band for the text; the text adds dark pixels of its own.
      assert.notEqual(darkPixels(withText.pdf, `r-text-${name}`), darkPixels(without.pdf, `r-plain-${name}`));
    }
  });

  it('refuses a text that is not one, or too long', async () => {
    for (const text of [42 as unknown as string, 'x'.repeat(513)])
      await assert.rejects(
        signPdf({
          ...base(),
          visible: {
            placement: { page: 1, box: { x: 10, y: 10, width: 100, height: 100 } },
            content: { qr: 'https://teken.example/v', text },
          },
        }),
        (error: { code?: string }) => error.code === 'ERR_INPUT_INVALID',
      );
  });
});
