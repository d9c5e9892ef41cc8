/**
 * The eSign API version 1 over a listening server, as BSrE's clients call it (shared/BSRE-API.md):
 * `POST /api/sign/pdf` and `POST /api/sign/verify`, multipart/form-data with HTTP Basic of an
 * institution's API client. Every v1 field and variant: `tampilan` in any case, `image`
 * true/false/1/"", `imageTTD`, `linkQR`, page and box as decimal strings, `halaman`
 * pertama/TERAKHIR, `tag_koordinat` of one or several characters winning over page/xAxis/yAxis,
 * tag mode without image/linkQR/page (the QR of the verification link), `"null"` and `""` as
 * absent, `text` drawn in the appearance, `reason`/`location`, `jenis_response` BYTE/BASE64, field
 * names in any case. The answers: the signed PDF with `id_dokumen`, `id-dokumen`, `signing_time`
 * (judged by pdfsig, openssl and qpdf); BSrE's errors (2031, 2011, "Proses signing gagal : …"),
 * 400/413 never 5xx for hostile uploads (truncated, not a PDF, too large, also chunked without a
 * Content-Length and with `Expect: 100-continue`, and through curl), 429 with Retry-After; the
 * transport variants (a base URL ending in `/api/sign/` with relative paths, doubled and trailing
 * slashes).
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { before, describe, it } from 'node:test';
import { PDFDocument, PDFName } from 'pdf-lib';
import qrcode from 'qrcode-generator';
import sharp from 'sharp';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { runToolAsync } from '../helpers/run-tool.js';
import { PASSPHRASE, signingFixture, type Holder } from '../helpers/signing-fixture.js';

/** The smallest TEKEN_SIGN_MAX_PDF_BYTES, so the limit is reached with small uploads. */
const MAX_PDF = 100_000;

type Part = string | { bytes: Uint8Array; filename: string; type?: string };

/** A multipart/form-data body (RFC 7578) written by hand, so the tests control every byte. */
function multipartBody(fields: Record<string, Part>, boundary = `----teken${crypto.randomUUID()}`) {
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string')
      chunks.push(
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${value.filename}"\r\n` +
            `content-type: ${value.type ?? 'application/pdf'}\r\n\r\n`,
        ),
      );
      chunks.push(Buffer.from(value.bytes), Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** An interim 100 Continue was received. */
  continued: boolean;
}

/**
 * A raw HTTP/1.1 request: `chunked` sends the body in pieces without a Content-Length;
 * `expectContinue` waits for the server's 100 Continue before sending it (as curl and Guzzle do).
 */
function rawRequest(
  url: string,
  options: {
    authorization: string;
    body: Buffer;
    contentType: string;
    chunked?: boolean;
    expectContinue?: boolean;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = {
      authorization: options.authorization,
      'content-type': options.contentType,
      ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': options.body.length }),
      ...(options.expectContinue ? { expect: '100-continue' } : {}),
    };
    let continued = false;
    const req = http.request(url, { method: 'POST', headers, agent: false });
    const send = () => {
      if (!options.chunked) return void req.end(options.body);
      // Pieces of 16 KiB, each its own chunk.
      for (let i = 0; i < options.body.length; i += 16 * 1024)
        req.write(options.body.subarray(i, i + 16 * 1024));
      req.end();
    };
    req.on('continue', () => {
      continued = true;
      send();
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          continued,
        }),
      );
      res.on('error', reject);
    });
    // A server that answers early may reset the rest of the upload: the answer counts, not the write.
    req.on('error', reject);
    if (!options.expectContinue) send();
  });
}

/** The decompressed content of every Flate stream in a PDF (to find what the appearance draws). */
function inflatedStreams(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) break;
    re.lastIndex = end + 'endstream'.length;
    try {
      out.push(zlib.inflateSync(Buffer.from(pdf).subarray(start, end)).toString('latin1'));
    } catch {
      // not Flate, or not complete: skip
    }
  }
  return out;
}

/**
 * The visible signature marks per page (0-based page index → count), read with pdf-lib: the
 * field's widget, and the locked stamps the engine puts at further occurrences of a tag
 * (signature-revision.ts).
 */
async function widgetsByPage(pdf: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const annots = page.node.Annots();
    if (!annots) return 0;
    let count = 0;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i) as unknown as { get(name: PDFName): unknown };
      const subtype = String(annot.get(PDFName.of('Subtype')));
      if ((subtype === '/Widget' || subtype === '/Stamp') && annot.get(PDFName.of('Rect'))) {
        const rect = String(annot.get(PDFName.of('Rect')));
        if (rect !== '[ 0 0 0 0 ]') count++;
      }
    }
    return count;
  });
}

/**
 * Whether an appearance stream draws the QR code of `link`: its module squares ("col row 1 1 re",
 * rows counted from the bottom) are exactly the dark modules qrcode-generator computes for it.
 */
function drawsQrOf(streams: string[], link: string): boolean {
  const qr = qrcode(0, 'M');
  qr.addData(unescape(encodeURIComponent(link)), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const expected: string[] = [];
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) if (qr.isDark(row, col)) expected.push(`${col} ${n - 1 - row}`);
  return streams.some((s) => {
    const drawn = [...s.matchAll(/^(\d+) (\d+) 1 1 re$/gm)].map((m) => `${m[1]} ${m[2]}`);
    return drawn.length === expected.length && drawn.join(',') === expected.join(',');
  });
}

describe('eSign API v1: POST /api/sign/pdf and /api/sign/verify (multipart)', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let h: Holder;
  let onePage: Uint8Array;
  let twoPages: Uint8Array;
  let tagged: Uint8Array;
  let png: Buffer;

  before(async () => {
    f = await signingFixture({ TEKEN_SIGN_MAX_PDF_BYTES: String(MAX_PDF) });
    h = await f.holder();
    onePage = await pdfLibDocument(1, 'Nota dinas');
    twoPages = await pdfLibDocument(2, 'Surat keputusan');
    tagged = await pdfLibDocument(2, 'Tanda tangan ${ttd_pengirim1} dan #');
    png = await sharp({ create: { width: 120, height: 60, channels: 3, background: '#2040a0' } })
      .png()
      .toBuffer();
    assert.ok(onePage.length < MAX_PDF && tagged.length < MAX_PDF, 'the test PDFs fit the limit');
  });

  const pdfPart = (bytes: Uint8Array = onePage, filename = 'nota.pdf'): Part => ({ bytes, filename });
  const sign = async (
    fields: Record<string, Part>,
    options: { url?: string; authorization?: string } = {},
  ) => {
    const { body, contentType } = multipartBody(fields);
    const res = await fetch(options.url ?? `${f.server.url}/api/sign/pdf`, {
      method: 'POST',
      headers: { authorization: options.authorization ?? f.a.basic, 'content-type': contentType },
      body,
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const signed = async (fields: Record<string, Part>, label: string, expected = 1) => {
    const { res, bytes } = await sign({ nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(), ...fields });
    assert.equal(res.status, 200, `${label}: ${Buffer.from(bytes).toString('utf8').slice(0, 300)}`);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const id = res.headers.get('id_dokumen') ?? '';
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal(res.headers.get('id-dokumen'), id);
    assert.ok(!Number.isNaN(Date.parse(res.headers.get('signing_time') ?? '')), 'signing_time');
    judgeSigned(f.judges, f.judges.dir, bytes, `v1-${label}`, expected);
    return { pdf: bytes, id };
  };
  const bsreError = async (res: Response, label = '') => {
    assert.ok(res.status >= 400 && res.status < 500, `${label}: ${res.status}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as {
      status: boolean;
      error: string;
      message: string;
      status_code: number;
    };
    assert.equal(body.status, false);
    assert.equal(body.message, body.error);
    return { ...body, http: res.status };
  };
  const failed = async (fields: Record<string, Part>, label = '') => {
    const { body, contentType } = multipartBody(fields);
    return bsreError(
      await fetch(`${f.server.url}/api/sign/pdf`, {
        method: 'POST',
        headers: { authorization: f.a.basic, 'content-type': contentType },
        body,
      }),
      label,
    );
  };

  it('signs invisibly by default; the PDF with id_dokumen, id-dokumen, signing_time; downloadable once', async () => {
    const { pdf, id } = await signed({ reason: 'Setuju', location: 'Bandung' }, 'invisible');
    assert.deepEqual(await widgetsByPage(pdf), [0], 'no visible widget');
    const text = Buffer.from(pdf).toString('latin1');
    assert.match(text, /\/Reason\s*\(Setuju\)/);
    assert.match(text, /\/Location\s*\(Bandung\)/);
    const download = await fetch(`${f.server.url}/api/sign/download/${id}`, {
      headers: { authorization: f.a.basic },
    });
    assert.equal(download.status, 200);
    assert.ok(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf)));
  });

  it('jenis_response=BASE64 answers JSON {base64_signed_file, id_dokumen, signing_time}; BYTE the PDF', async () => {
    const { res, bytes } = await sign({
      nik: h.nik,
      passphrase: PASSPHRASE,
      file: pdfPart(),
      jenis_response: 'base64',
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, string>;
    assert.equal(body['error'], undefined);
    assert.equal(body['id_dokumen'], res.headers.get('id_dokumen'));
    assert.equal(body['signing_time'], res.headers.get('signing_time'));
    judgeSigned(f.judges, f.judges.dir, Buffer.from(body['base64_signed_file']!, 'base64'), 'v1-base64', 1);
    await signed({ jenis_response: 'BYTE', tampilan: 'INVISIBLE' }, 'byte');
    // The OpenAPI document describes both answers, and the download's PDF.
    const openapi = (await (await fetch(`${f.server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const signAnswer = openapi.paths['/api/sign/pdf']!['post']!.responses['200']!.content!;
    assert.deepEqual(Object.keys(signAnswer).sort(), ['application/json', 'application/pdf']);
    const download = openapi.paths['/api/sign/download/{id}']!['get']!.responses['200']!.content!;
    assert.deepEqual(Object.keys(download), ['application/pdf']);
  });

  it('visible with the specimen image (image=true/1/TRUE), decimal coordinates, text drawn', async () => {
    for (const [label, image] of [
      ['true', 'true'],
      ['one', '1'],
      ['upper', 'TRUE'],
    ] as const) {
      const { pdf } = await signed(
        {
          tampilan: label === 'upper' ? 'VISIBLE' : 'visible',
          image,
          imageTTD: { bytes: png, filename: 'ttd.png', type: 'image/png' },
          page: '1',
          xAxis: '43.63',
          yAxis: '100.5',
          width: '150.25',
          height: '80',
          text: 'Ditandatangani secara elektronik oleh Kepala Dinas',
          linkQR: 'null',
        },
        `image-${label}`,
      );
      assert.deepEqual(await widgetsByPage(pdf), [1]);
      assert.match(Buffer.from(pdf).toString('latin1'), /\/Rect\s*\[\s*43\.63 100\.5 193\.88 180\.5\s*\]/);
      const drawn = inflatedStreams(pdf).find((s) => s.includes('/Im1 Do'));
      assert.ok(drawn, 'the appearance draws the image');
      assert.match(drawn, /\/F1 [\d.]+ Tf/, 'and the text');
      const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex');
      assert.ok(drawn.includes(hex('Ditandatangani')), drawn.slice(0, 400));
    }
  });

  it('visible with a QR code: image=false or "" with linkQR; halaman pertama/TERAKHIR instead of page', async () => {
    const first = await signed(
      {
        tampilan: 'Visible',
        image: 'false',
        linkQR: 'https://contoh.go.id/cek?d=1',
        halaman: 'pertama',
        xAxis: '400',
        yAxis: '50',
        width: '100',
        height: '100',
      },
      'qr-first',
    );
    assert.deepEqual(await widgetsByPage(first.pdf), [1]);
    assert.ok(drawsQrOf(inflatedStreams(first.pdf), 'https://contoh.go.id/cek?d=1'), 'the QR of linkQR');
    const { body, contentType } = multipartBody({
      nik: h.nik,
      passphrase: PASSPHRASE,
      file: pdfPart(twoPages, 'sk.pdf'),
      tampilan: 'visible',
      image: '',
      halaman: 'TERAKHIR',
      page: 'null',
      xAxis: '400',
      yAxis: '50',
      width: '100',
      height: '100',
      reason: '',
      location: 'null',
    });
    const res = await fetch(`${f.server.url}/api/sign/pdf`, {
      method: 'POST',
      headers: { authorization: f.a.basic, 'content-type': contentType },
      body,
    });
    assert.equal(res.status, 200, await res.clone().text());
    const last = new Uint8Array(await res.arrayBuffer());
    judgeSigned(f.judges, f.judges.dir, last, 'v1-qr-last', 1);
    assert.deepEqual(await widgetsByPage(last), [0, 1], 'on the last page');
    const text = Buffer.from(last).toString('latin1');
    assert.doesNotMatch(text, /\/Reason/, '"" is no reason');
    assert.doesNotMatch(text, /\/Location/, '"null" is no location');
  });

  it('tag mode: the tag wins over page/xAxis/yAxis; without image, linkQR or page it draws the verification QR', async () => {
    const fields = (tag: string, extra: Record<string, Part> = {}) => ({
      nik: h.nik,
      passphrase: PASSPHRASE,
      file: pdfPart(tagged, 'tag.pdf'),
      tampilan: 'visible',
      tag_koordinat: tag,
      ...extra,
    });
    // A tag of several characters, on both pages; page and coordinates sent too (ignored).
    const { res, bytes } = await sign(fields('${ttd_pengirim1}', { page: '1', xAxis: '10', yAxis: '10' }));
    assert.equal(res.status, 200, Buffer.from(bytes).toString('utf8').slice(0, 300));
    judgeSigned(f.judges, f.judges.dir, bytes, 'v1-tag-long', 1);
    assert.deepEqual(await widgetsByPage(bytes), [1, 1], 'at every occurrence');
    // The QR encodes the verification page of this document.
    const link = `${f.rt.config.publicUrl.replace(/\/+$/, '')}/verifikasi?dokumen=${res.headers.get('id_dokumen')}`;
    assert.ok(drawsQrOf(inflatedStreams(bytes), link), `the QR of ${link}`);
    assert.ok(!drawsQrOf(inflatedStreams(bytes), `${link}0`), 'and of no other link');
    // One character, with width/height.
    const hash = await sign(fields('#', { width: '60', height: '60', text: 'Kepala Dinas' }));
    assert.equal(hash.res.status, 200);
    assert.deepEqual(await widgetsByPage(hash.bytes), [1, 1]);
    assert.match(
      Buffer.from(hash.bytes).toString('latin1'),
      /\/Rect\s*\[\s*[\d.]+ [\d.]+ [\d.]+ [\d.]+\s*\]/,
    );
    // Absent: a clear 400.
    const missing = await failed(fields('[qr_bsre]'));
    assert.equal(missing.http, 400);
    assert.match(missing.error, /^Proses signing gagal : /);
    assert.match(missing.error, /tag/i);
  });

  it('reads field names in any case (Tampilan, XAXIS, ImageTTD)', async () => {
    const { pdf } = await signed(
      {
        Tampilan: 'VISIBLE',
        Image: 'true',
        ImageTTD: { bytes: png, filename: 'ttd.png', type: 'image/png' },
        Page: '1',
        XAXIS: '50',
        yaxis: '50',
        Width: '90',
        HEIGHT: '45',
      },
      'case',
    );
    assert.deepEqual(await widgetsByPage(pdf), [1]);
  });

  it("answers BSrE's errors: 2031, 2011, and 'Proses signing gagal :' for bad input, never a 5xx", async () => {
    const wrong = await failed({ nik: h.nik, passphrase: 'Salah#2026x', file: pdfPart() });
    assert.equal(wrong.http, 400);
    assert.equal(wrong.error, 'Passphrase anda salah');
    assert.equal(wrong.status_code, 2031);
    const other = await f.holder(f.b);
    const foreign = await failed({ nik: other.nik, passphrase: PASSPHRASE, file: pdfPart() });
    assert.equal(foreign.error, 'Proses signing gagal : User tidak terdaftar 2011');
    const cases: [string, Record<string, Part>, RegExp][] = [
      ['no file', { nik: h.nik, passphrase: PASSPHRASE }, /file/],
      ['no nik', { passphrase: PASSPHRASE, file: pdfPart() }, /nik/],
      ['bad nik', { nik: '12345', passphrase: PASSPHRASE, file: pdfPart() }, /nik/],
      ['no passphrase', { nik: h.nik, file: pdfPart() }, /passphrase/],
      [
        'truncated after the header',
        { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(onePage.subarray(0, 40)) },
        /./,
      ],
      [
        'not a PDF',
        { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(Buffer.from('bukan pdf sama sekali')) },
        /./,
      ],
      ['empty file', { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(new Uint8Array(0)) }, /file/],
      [
        'image without imageTTD',
        {
          nik: h.nik,
          passphrase: PASSPHRASE,
          file: pdfPart(),
          tampilan: 'visible',
          image: 'true',
          page: '1',
          xAxis: '1',
          yAxis: '1',
          width: '9',
          height: '9',
        },
        /imageTTD/,
      ],
      [
        'imageTTD not an image',
        {
          nik: h.nik,
          passphrase: PASSPHRASE,
          file: pdfPart(),
          tampilan: 'visible',
          image: 'true',
          imageTTD: { bytes: Buffer.from('GIF89a bukan'), filename: 'x.gif', type: 'image/gif' },
          page: '1',
          xAxis: '1',
          yAxis: '1',
          width: '9',
          height: '9',
        },
        /./,
      ],
      [
        'visible without a place',
        { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(), tampilan: 'visible' },
        /page/,
      ],
      [
        'page past the end',
        {
          nik: h.nik,
          passphrase: PASSPHRASE,
          file: pdfPart(),
          tampilan: 'visible',
          page: '9',
          xAxis: '1',
          yAxis: '1',
          width: '9',
          height: '9',
        },
        /page/,
      ],
      [
        'bad tampilan',
        { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(), tampilan: 'kadang' },
        /tampilan/,
      ],
      [
        'bad jenis_response',
        { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(), jenis_response: 'XML' },
        /jenis_response/,
      ],
      [
        'bad linkQR',
        {
          nik: h.nik,
          passphrase: PASSPHRASE,
          file: pdfPart(),
          tampilan: 'visible',
          halaman: 'pertama',
          xAxis: '1',
          yAxis: '1',
          width: '9',
          height: '9',
          linkQR: 'javascript:alert(1)',
        },
        /linkQR/,
      ],
      ['two files', { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(), FILE: pdfPart() }, /file/],
      [
        'NUL in reason',
        { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(), reason: 'a\u0000b' },
        /reason/,
      ],
    ];
    for (const [label, fields, pattern] of cases) {
      const e = await failed(fields, label);
      assert.equal(e.http, 400, `${label}: ${e.http} ${e.error}`);
      assert.match(e.error, /^Proses signing gagal : /, label);
      assert.match(e.error, pattern, `${label}: ${e.error}`);
    }
    // Cut in the middle: the engine may rebuild the cross-reference table and sign (the output then
    // passes the judges), or refuse with a 400; never anything else.
    const half = await sign({
      nik: h.nik,
      passphrase: PASSPHRASE,
      file: pdfPart(onePage.subarray(0, onePage.length / 2)),
    });
    if (half.res.status === 200) judgeSigned(f.judges, f.judges.dir, half.bytes, 'v1-half', 1);
    else {
      assert.equal(half.res.status, 400);
      assert.match(Buffer.from(half.bytes).toString(), /"error":"Proses signing gagal : /);
    }
    // Not multipart: JSON, a form, a broken multipart body.
    for (const [type, body] of [
      ['application/json', JSON.stringify({ nik: h.nik })],
      ['application/x-www-form-urlencoded', 'nik=1'],
      ['multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="nik"\r\n\r\n1'],
      ['multipart/form-data', '--x--'],
    ]) {
      const e = await bsreError(
        await fetch(`${f.server.url}/api/sign/pdf`, {
          method: 'POST',
          headers: { authorization: f.a.basic, 'content-type': type! },
          body: body!,
        }),
      );
      assert.ok(e.http === 400 || e.http === 415, `${type}: ${e.http} ${e.error}`);
    }
    const anonymous = await sign(
      { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart() },
      { authorization: 'Basic eDp5' },
    );
    assert.equal(anonymous.res.status, 401);
  });

  it('refuses an upload past TEKEN_SIGN_MAX_PDF_BYTES with 413, also chunked and with Expect: 100-continue', async () => {
    const huge = Buffer.concat([Buffer.from(onePage), crypto.randomBytes(MAX_PDF * 3)]);
    const { body, contentType } = multipartBody({ nik: h.nik, passphrase: PASSPHRASE, file: pdfPart(huge) });
    const url = `${f.server.url}/api/sign/pdf`;
    for (const mode of [
      {},
      { chunked: true },
      { expectContinue: true },
      { chunked: true, expectContinue: true },
    ]) {
      const r = await rawRequest(url, { authorization: f.a.basic, body, contentType, ...mode });
      assert.equal(r.status, 413, `${JSON.stringify(mode)}: ${r.body.toString()}`);
      const e = JSON.parse(r.body.toString()) as { status: boolean; error: string; status_code: number };
      assert.equal(e.status, false);
      assert.match(e.error, /^Proses signing gagal : file melebihi 100000 byte/);
      assert.equal(e.status_code, 413);
      if ('expectContinue' in mode) assert.ok(r.continued, '100 Continue');
    }
    // A specimen image past its 5 MiB.
    const bigImage = multipartBody({
      nik: h.nik,
      passphrase: PASSPHRASE,
      file: pdfPart(),
      tampilan: 'visible',
      image: 'true',
      imageTTD: { bytes: Buffer.alloc(5 * 1024 * 1024 + 10), filename: 'ttd.png', type: 'image/png' },
    });
    const img = await rawRequest(url, { authorization: f.a.basic, ...bigImage, chunked: true });
    assert.equal(img.status, 413, img.body.toString());
    assert.match(img.body.toString(), /imageTTD melebihi/);
  });

  it('signs uploads sent chunked without Content-Length and with Expect: 100-continue (raw client and curl)', async () => {
    const { body, contentType } = multipartBody({
      nik: h.nik,
      passphrase: PASSPHRASE,
      file: pdfPart(),
      tampilan: 'invisible',
    });
    for (const mode of [
      { chunked: true },
      { expectContinue: true },
      { chunked: true, expectContinue: true },
    ]) {
      const r = await rawRequest(`${f.server.url}/api/sign/pdf`, {
        authorization: f.a.basic,
        body,
        contentType,
        ...mode,
      });
      assert.equal(r.status, 200, `${JSON.stringify(mode)}: ${r.body.toString().slice(0, 300)}`);
      assert.match(String(r.headers['id_dokumen']), /^[0-9a-f]{32}$/);
      assert.equal(r.headers['id-dokumen'], r.headers['id_dokumen']);
      if (mode.expectContinue) assert.ok(r.continued);
      judgeSigned(f.judges, f.judges.dir, new Uint8Array(r.body), `v1-raw-${Object.keys(mode).join('-')}`, 1);
    }
    // curl as PHP's Guzzle drives it: -F parts, a forced Expect: 100-continue, chunked.
    const dir = f.judges.dir;
    const input = path.join(dir, 'curl-in.pdf');
    const output = path.join(dir, 'curl-out.pdf');
    fs.writeFileSync(input, tagged);
    const [user, password] = Buffer.from(f.a.basic.slice(6), 'base64').toString().split(':');
    const curl = await runToolAsync('curl', [
      '-sS',
      '-o',
      output,
      '-D',
      '-',
      '-u',
      `${user}:${password}`,
      '-H',
      'Expect: 100-continue',
      '-H',
      'Transfer-Encoding: chunked',
      '-F',
      `file=@${input};type=application/pdf`,
      '-F',
      `nik=${h.nik}`,
      '-F',
      `passphrase=${PASSPHRASE}`,
      '-F',
      'tampilan=VISIBLE',
      '-F',
      'tag_koordinat=#',
      `${f.server.url}/api/sign/pdf`,
    ]);
    assert.equal(curl.status, 0, curl.stderr);
    assert.match(curl.stdout, /HTTP\/1\.1 100 Continue/);
    assert.match(curl.stdout, /HTTP\/1\.1 200/);
    assert.match(curl.stdout, /id_dokumen: [0-9a-f]{32}/i);
    const viaCurl = new Uint8Array(fs.readFileSync(output));
    judgeSigned(f.judges, dir, viaCurl, 'v1-curl', 1);
    assert.deepEqual(await widgetsByPage(viaCurl), [1, 1]);
  });

  it('works from a base URL ending in /api/sign/ with relative pdf, verify, download/{id}; doubled and trailing slashes', async () => {
    const base = `${f.server.url}/api/sign/`;
    const relative = await sign(
      { nik: h.nik, passphrase: PASSPHRASE, file: pdfPart() },
      { url: new URL('pdf', base).href },
    );
    assert.equal(relative.res.status, 200);
    const id = relative.res.headers.get('id_dokumen')!;
    for (const url of [`${base}/pdf`, `${base}pdf/`]) {
      const r = await sign({ nik: h.nik, passphrase: PASSPHRASE, file: pdfPart() }, { url });
      assert.equal(r.res.status, 200, url);
    }
    const download = await fetch(`${base}/download/${id}`, { headers: { authorization: f.a.basic } });
    assert.equal(download.status, 200);
    const { body, contentType } = multipartBody({
      signed_file: { bytes: relative.bytes, filename: 'x.pdf' },
    });
    const verify = await fetch(new URL('verify', base), {
      method: 'POST',
      headers: { authorization: f.a.basic, 'content-type': contentType },
      body,
    });
    assert.equal(verify.status, 200);
  });

  it('limits the client: 429 with Retry-After in BSrE shape', async () => {
    const client = await createApiClient(identityContextOf(f.rt), { operator: 'test' }, f.a.id, {
      description: 'Aplikasi terbatas',
      rateLimitPerMinute: 2,
    });
    const authorization = `Basic ${Buffer.from(`${client.username}:${client.secret}`).toString('base64')}`;
    const statuses: number[] = [];
    let limited: { res: Response; bytes: Uint8Array } | undefined;
    for (let i = 0; i < 3; i++) {
      const answer = await sign({ nik: h.nik, passphrase: PASSPHRASE, file: pdfPart() }, { authorization });
      statuses.push(answer.res.status);
      if (answer.res.status === 429) limited = answer;
    }
    assert.deepEqual(statuses, [200, 200, 429]);
    assert.ok(Number(limited!.res.headers.get('retry-after')) >= 1);
    assert.match(limited!.res.headers.get('content-type') ?? '', /^application\/json/);
    const e = JSON.parse(Buffer.from(limited!.bytes).toString()) as {
      status: boolean;
      error: string;
      status_code: number;
    };
    assert.equal(e.status, false);
    assert.ok(e.error);
    assert.equal(e.status_code, 429);
  });

  it('verify: signed_file → v1 JSON (application/json, JSON booleans); unsigned → 0; bad input → 400', async () => {
    const { pdf } = await signed({ reason: 'Menyetujui', location: 'Jakarta' }, 'to-verify');
    const verify = async (fields: Record<string, Part>) => {
      const { body, contentType } = multipartBody(fields);
      return fetch(`${f.server.url}/api/sign/verify`, {
        method: 'POST',
        headers: { authorization: f.a.basic, 'content-type': contentType },
        body,
      });
    };
    const res = await verify({ signed_file: { bytes: pdf, filename: 'surat.pdf' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as {
      nama_dokumen: string;
      jumlah_signature: number;
      summary: string;
      notes: string;
      details: {
        signature_document: Record<string, unknown>;
        info_signer: Record<string, unknown>;
        info_tsa: Record<string, unknown> | null;
      }[];
    };
    assert.equal(body.nama_dokumen, 'surat.pdf');
    assert.equal(body.jumlah_signature, 1);
    assert.equal(body.summary, 'VALID');
    assert.equal(body.notes, 'Dokumen valid, Sertifikat yang digunakan terpercaya');
    const d = body.details[0]!;
    for (const key of ['document_integrity', 'signature_value', 'signed_using_tsa'])
      assert.equal(d.signature_document[key], true, key);
    assert.equal(d.info_signer['cert_user_certified'], true);
    assert.equal(d.signature_document['reason'], 'Menyetujui');
    assert.equal(d.signature_document['location'], 'Jakarta');
    assert.match(String(d.signature_document['signed_in']), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d$/);
    assert.ok(d.info_tsa);
    const unsigned = await verify({ signed_file: { bytes: onePage, filename: 'polos.pdf' } });
    assert.equal(unsigned.status, 200);
    assert.equal(((await unsigned.json()) as { jumlah_signature: number }).jumlah_signature, 0);
    for (const fields of [
      { signed_file: { bytes: Buffer.from('bukan pdf'), filename: 'x.pdf' } },
      { signed_file: { bytes: pdf.subarray(0, 200), filename: 'x.pdf' } },
      { nama: 'tanpa berkas' },
    ] as Record<string, Part>[]) {
      const e = await bsreError(await verify(fields));
      assert.equal(e.http, 400, e.error);
    }
  });
});
