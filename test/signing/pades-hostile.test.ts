import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { before, describe, it } from 'node:test';
import { isTekenError } from '../../src/errors/teken-error.js';
import { signPdf, type SignPdfInput } from '../../src/signing/pades/sign-pdf.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';

let pki: PadesPki;
let valid: Uint8Array;

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** A minimal PDF around `objects` (object 1 is the catalog), with a correct xref. */
function pdfWith(objects: string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return ascii(body);
}

function streamObject(data: Buffer, dict = ''): string {
  return `<< /Length ${data.length} ${dict}>>\nstream\n${data.toString('latin1')}\nendstream`;
}

function input(pdf: Uint8Array, extra: Partial<SignPdfInput> = {}): SignPdfInput {
  return {
    pdf,
    privateKey: pki.rsa.key,
    certificate: pki.rsa.certificate,
    chain: [pki.ca.certificate],
    level: 'B-B',
    ...extra,
  };
}

/** Signs or fails with a TekenError of status 400 (what the API answers), in bounded time. */
async function signsOrRefuses(name: string, pdf: Uint8Array, extra: Partial<SignPdfInput> = {}) {
  const started = performance.now();
  try {
    await signPdf(input(pdf, extra));
    return 'signed';
  } catch (error) {
    assert.ok(isTekenError(error), `${name}: ${String(error)}`);
    assert.equal(error.status, 400, `${name}: ${error.code} ${error.message}`);
    return error.code;
  } finally {
    assert.ok(performance.now() - started < 10_000, `${name} took ${performance.now() - started} ms`);
  }
}

before(async () => {
  pki = makePadesPki();
  valid = await pdfLibDocument(3);
});

describe('hostile PDFs', () => {
  it('refuses what is not a PDF, truncated files and broken structures with a clear 400', async () => {
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['text', ascii('bukan pdf')],
      ['header only', ascii('%PDF-1.7\n')],
      ['no catalog', pdfWith(['<< /Type /Pages /Kids [] /Count 0 >>'])],
      ['no pages', pdfWith(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'])],
      ['pages is a number', pdfWith(['<< /Type /Catalog /Pages 42 >>'])],
      [
        'page tree loop',
        pdfWith(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']),
      ],
      [
        'huge /Count',
        pdfWith([
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>',
          '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
        ]),
      ],
    ];
    for (let cut = 0.1; cut < 1; cut += 0.2)
      cases.push([`truncated at ${cut}`, valid.subarray(0, Math.floor(valid.length * cut))]);
    const results: Record<string, string> = {};
    for (const [name, pdf] of cases) results[name] = await signsOrRefuses(name, pdf);
    assert.equal(results.empty, 'ERR_PDF_INVALID');
    assert.equal(results.text, 'ERR_PDF_INVALID');
    assert.equal(results['no pages'], 'ERR_PDF_INVALID');
  });

  it('survives deep nesting, malformed objects and streams with lying lengths', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepDict = '<< /A '.repeat(50_000) + '1' + ' >>'.repeat(50_000);
    const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>';
    const catalogAndPages = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    ];
    const cases: [string, Uint8Array][] = [
      ['deep array', pdfWith([...catalogAndPages, page, deep])],
      [
        'deep dict in the catalog',
        pdfWith([`<< /Type /Catalog /Pages 2 0 R /X ${deepDict} >>`, catalogAndPages[1]!, page, '<< >>']),
      ],
      [
        'stream longer than its /Length',
        pdfWith([
          ...catalogAndPages,
          page,
          streamObject(Buffer.alloc(5000, 65)).replace('/Length 5000', '/Length 10'),
        ]),
      ],
      [
        'stream /Length huge',
        pdfWith([
          ...catalogAndPages,
          page,
          streamObject(Buffer.alloc(10, 65)).replace('/Length 10', '/Length 99999999999'),
        ]),
      ],
      [
        'garbage in a dict',
        pdfWith([...catalogAndPages, page.replace('/Contents 4 0 R', '/Contents <<<< ]]] (( >>'), '<< >>']),
      ],
      [
        'bad flate stream',
        pdfWith([
          ...catalogAndPages,
          page,
          streamObject(Buffer.from('xxxxxxxxxxxx'), '/Filter /FlateDecode '),
        ]),
      ],
      [
        'random bytes after the header',
        new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x3c)])),
      ],
    ];
    for (const [name, pdf] of cases) {
      const outcome = await signsOrRefuses(name, pdf);
      assert.ok(outcome, name);
    }
  });

  it('refuses a zip bomb in a content stream when it searches for a tag, without inflating it', async () => {
    const bomb = zlib.deflateSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    assert.ok(bomb.length < 300_000);
    const pdf = pdfWith([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      streamObject(bomb, '/Filter /FlateDecode '),
    ]);
    const before = process.memoryUsage().rss;
    const code = await signsOrRefuses('zip bomb', pdf, {
      visible: { placement: { tag: '#', width: 50, height: 50 }, content: { qr: 'x' } },
    });
    assert.equal(code, 'ERR_PDF_TOO_LARGE');
    assert.ok(process.memoryUsage().rss - before < 150 * 1024 * 1024, 'bounded memory');
    // Invisibly it signs: the page content is never inflated.
    assert.equal(await signsOrRefuses('zip bomb, invisible', pdf), 'signed');
  });

  it('refuses files and page counts over the limits', async () => {
    assert.equal(
      await signsOrRefuses('too large', valid, { limits: { maxBytes: 1000 } }),
      'ERR_PDF_TOO_LARGE',
    );
    assert.equal(
      await signsOrRefuses('too many pages', valid, { limits: { maxPages: 2 } }),
      'ERR_PDF_TOO_LARGE',
    );
    assert.equal(
      await signsOrRefuses('too many tags', await pdfLibDocument(3, '# # #'), {
        limits: { maxTagMatches: 5 },
        visible: { placement: { tag: '#', width: 10, height: 10 }, content: { qr: 'x' } },
      }),
      'ERR_PDF_TOO_LARGE',
    );
  });

  it('refuses bad signing input: text with control characters, a public key, a broken certificate', async () => {
    assert.equal(await signsOrRefuses('control chars', valid, { reason: 'a\u0000b' }), 'ERR_INPUT_INVALID');
    assert.equal(
      await signsOrRefuses('long reason', valid, { reason: 'x'.repeat(5000) }),
      'ERR_INPUT_INVALID',
    );
    const { createPublicKey } = await import('node:crypto');
    assert.equal(
      await signsOrRefuses('public key', valid, { privateKey: createPublicKey(pki.rsa.key) }),
      'ERR_INPUT_INVALID',
    );
    assert.equal(
      await signsOrRefuses('broken certificate', valid, {
        certificate: new Uint8Array([0x30, 0x03, 1, 2, 3]),
      }),
      'ERR_INPUT_INVALID',
    );
    assert.equal(await signsOrRefuses('bad level', valid, { level: 'B-X' as never }), 'ERR_INPUT_INVALID');
  });
});
