/**
 * A stray `)`, `{` or `}` where the object parser expects a token: @libpdf/core 0.4.2's reader read
 * an empty keyword there without moving forward, and the parser's recovery looped, collecting
 * warnings until the heap was full (one bit of `/SigFlags` flipped into `/S)gFlags` was enough).
 * Teken installs the patched copy in vendor/ (vendor/libpdf-core/README.md); these tests keep it so.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, it } from 'node:test';
import { PDF } from '@libpdf/core';
import { isTekenError } from '../../src/errors/teken-error.js';
import { signPdf } from '../../src/signing/pades/sign-pdf.js';
import { validatePdf } from '../../src/signing/verify/validate-pdf.js';
import { conclusionOf } from '../../src/signing/verify/validation-report.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';

let pki: PadesPki;
let signed: Uint8Array;

/** `bytes` with the first `from` replaced by `to` (same length: the byte ranges stay where they are). */
function flip(bytes: Uint8Array, from: string, to: string): Uint8Array {
  assert.equal(from.length, to.length);
  const at = Buffer.from(bytes).indexOf(from, 0, 'latin1');
  assert.ok(at >= 0, `${from} is in the file`);
  const out = new Uint8Array(bytes);
  out.set(Buffer.from(to, 'latin1'), at);
  return out;
}

before(async () => {
  pki = makePadesPki();
  const plain = await pdfLibDocument(1);
  signed = (
    await signPdf({
      pdf: plain,
      privateKey: pki.ec.key,
      certificate: pki.ec.certificate,
      chain: [pki.ca.certificate],
      level: 'B-B',
    })
  ).pdf;
});

describe('a stray delimiter in a PDF object', () => {
  it('the installed @libpdf/core is the patched copy of vendor/', () => {
    const require = createRequire(import.meta.url);
    const pkg = require('@libpdf/core/package.json') as { version: string };
    assert.equal(pkg.version, '0.4.2-teken.1');
  });

  for (const stray of [')', '{', '}']) {
    it(`/SigFlags flipped into /S${stray}gFlags: the verdict (INVALID) or a clear error in well under a second`, async () => {
      const hostile = flip(signed, '/SigFlags', `/S${stray}gFlags`);
      const started = performance.now();
      let verdict: string;
      try {
        verdict = conclusionOf(await validatePdf(hostile, { trustAnchors: [pki.root.certificate] }));
      } catch (error) {
        assert.ok(isTekenError(error), String(error));
        verdict = error.code;
      }
      const ms = performance.now() - started;
      assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
      assert.ok(['INVALID', 'ERR_PDF_INVALID'].includes(verdict), verdict);
    });
  }

  it('a dictionary with a stray `)` and `}` loads; the entries around them are read', async () => {
    const body =
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ) } /Lang (id) >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n';
    const xref = body.length;
    const text =
      body +
      `xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n${String(body.indexOf('2 0 obj')).padStart(10, '0')} 00000 n \n` +
      `trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const started = performance.now();
    const pdf = await PDF.load(new Uint8Array(Buffer.from(text, 'latin1')));
    const catalog = pdf.getCatalog();
    assert.ok(catalog.get('Pages'));
    assert.ok(catalog.get('Lang'));
    assert.ok(performance.now() - started < 500);
  });
});
