import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { addDocumentTimestamp } from '../../src/signing/pades/document-timestamp.js';
import { signPdf, type SignPdfInput } from '../../src/signing/pades/sign-pdf.js';
import { cmsVerify, findSignatures, judgeSigned, pdfsig, pdfsigVerdicts } from '../helpers/pades-judges.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { testTsa, type TestTsa } from '../helpers/pades-tsa.js';
import { runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

let pki: PadesPki;
let tsa: TestTsa;
let dir: string;

async function document(pages: { text: string; rotate?: number }[] = [{ text: 'Surat Keputusan #' }]) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of pages) {
    const page = doc.addPage([595, 842]);
    page.drawText(p.text, { x: 72, y: 760, size: 12, font });
    if (p.rotate) page.setRotation(degrees(p.rotate));
  }
  return doc.save({ useObjectStreams: false });
}

function base(pdf: Uint8Array, who: 'rsa' | 'ec' = 'rsa'): SignPdfInput {
  return {
    pdf,
    privateKey: pki[who].key,
    certificate: pki[who].certificate,
    chain: [pki.ca.certificate],
    level: 'B-B',
  };
}

const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

/** The page images pdftoppm draws, as raw grey pixels, to see what a reader sees. */
function render(pdf: Uint8Array, name: string, page = 1): { width: number; height: number; dark: number } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const out = path.join(dir, `${name}-render`);
  const r = runTool('pdftoppm', ['-r', '36', '-gray', '-f', String(page), '-l', String(page), file, out]);
  assert.equal(r.status, 0, r.stderr);
  const pgm = fs.readdirSync(dir).find((f) => f.startsWith(`${name}-render`))!;
  const data = fs.readFileSync(path.join(dir, pgm));
  // P5 header: "P5\n<w> <h>\n255\n"
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString('latin1', 0, 40))!;
  const pixels = data.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 100) dark++;
  return { width: Number(header[1]), height: Number(header[2]), dark };
}

before(() => {
  pki = makePadesPki();
  tsa = testTsa(pki.tsa, [pki.ca.certificate]);
  dir = tmpDir();
});

describe('PAdES levels', () => {
  it('signs B-B with an RSA-2048 key: pdfsig, openssl cms and qpdf accept it', async () => {
    const { pdf, fieldName } = await signPdf({
      ...base(await document()),
      reason: 'Persetujuan',
      location: 'Jakarta',
      contactInfo: 'ttd@contoh.go.id',
    });
    assert.equal(fieldName, 'Signature1');
    const out = judgeSigned(pki, dir, pdf, 'bb-rsa', 1);
    assert.match(out, /Total document signed/);
    assert.match(out, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(out, /Signer Certificate Common Name: Penanda Tangan RSA/);
    assert.match(text(pdf), /\/Reason \(Persetujuan\)/);
    assert.match(text(pdf), /\/Location \(Jakarta\)/);
    assert.match(text(pdf), /\/ContactInfo \(ttd@contoh\.go\.id\)/);
    assert.match(text(pdf), /\/M \(D:\d{14}\+00'00'\)/);
    // Invisible: a zero-size widget, printed and locked.
    assert.match(text(pdf), /\/Rect \[0 0 0 0\]/);
  });

  it('signs B-B with a P-256 key', async () => {
    const { pdf } = await signPdf(base(await document(), 'ec'));
    assert.match(judgeSigned(pki, dir, pdf, 'bb-ec', 1), /Total document signed/);
  });

  it('signs B-T: the signature time-stamp is over the signature value and verifies with openssl ts', async () => {
    const before = tsa.counted;
    const result = await signPdf({ ...base(await document()), level: 'B-T', tsa });
    assert.equal(tsa.counted, before + 1);
    assert.ok(result.timestampTime && Math.abs(result.timestampTime.getTime() - Date.now()) < 60_000);
    assert.match(judgeSigned(pki, dir, result.pdf, 'bt', 1), /Total document signed/);
    const printed = cmsVerify(findSignatures(result.pdf)[0]!, pki.bundleFile).printed;
    assert.match(printed, /id-smime-aa-timeStampToken/);
  });

  it('refuses B-T without a TSA, and reports a failing TSA as ERR_PADES_TIMESTAMP', async () => {
    const pdf = await document();
    await assert.rejects(signPdf({ ...base(pdf), level: 'B-T' }), { code: 'ERR_INPUT_INVALID' });
    const failing = { timestamp: () => Promise.reject(new Error('connection refused')) };
    await assert.rejects(signPdf({ ...base(pdf), level: 'B-T', tsa: failing }), {
      code: 'ERR_PADES_TIMESTAMP',
    });
    // A token for another digest is refused before it is sealed into the document.
    const liar = { timestamp: (_d: Uint8Array, h: 'sha256') => tsa.timestamp(new Uint8Array(32), h) };
    await assert.rejects(signPdf({ ...base(pdf), level: 'B-T', tsa: liar }), {
      code: 'ERR_PADES_TIMESTAMP',
      message: /another digest/,
    });
  });

  it('signs B-LT: a DSS with the chain, the OCSP response, the CRL and a VRI for the signature', async () => {
    const { pdf } = await signPdf({
      ...base(await document()),
      level: 'B-LT',
      tsa,
      validation: { ocspResponses: [pki.ocsp.rsa], crls: [pki.crl] },
    });
    judgeSigned(pki, dir, pdf, 'blt', 1);
    const file = path.join(dir, 'blt.pdf');
    // qpdf reads the DSS back: three kinds of streams, and the VRI key is the SHA-1 of /Contents.
    const json = JSON.parse(runTool('qpdf', ['--json', '--json-stream-data=inline', file]).stdout) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { data?: string } }>];
    };
    const objects = json.qpdf[1];
    const catalog = Object.values(objects).find(
      (o) => (o.value as { '/Type'?: string })?.['/Type'] === '/Catalog',
    )!;
    const dssRef = (catalog.value as { '/DSS': string })['/DSS'];
    const dss = objects[`obj:${dssRef}`]!.value as Record<string, unknown>;
    const streamOf = (ref: string) => Buffer.from(objects[`obj:${ref}`]!.stream!.data!, 'base64');
    const certs = (dss['/Certs'] as string[]).map(streamOf);
    const ocsps = (dss['/OCSPs'] as string[]).map(streamOf);
    const crls = (dss['/CRLs'] as string[]).map(streamOf);
    assert.ok(certs.some((c) => c.equals(pki.rsa.certificate)));
    assert.ok(certs.some((c) => c.equals(pki.ca.certificate)));
    assert.ok(
      certs.some((c) => c.equals(pki.tsa.certificate)),
      'the TSA certificate from the token',
    );
    assert.ok(ocsps[0]!.equals(pki.ocsp.rsa));
    assert.ok(crls[0]!.equals(pki.crl));
    const [signature] = findSignatures(pdf);
    const contentsHex = text(pdf).slice(signature!.byteRange[1] + 1, signature!.byteRange[2] - 1);
    const vriKey = (await import('node:crypto'))
      .createHash('sha1')
      .update(Buffer.from(contentsHex, 'hex'))
      .digest('hex')
      .toUpperCase();
    const vri = dss['/VRI'] as Record<string, unknown>;
    assert.ok(vri[`/${vriKey}`], `VRI ${vriKey} in ${Object.keys(vri).join(',')}`);
    // pdfsig still sees one valid signature; the DSS update after it is allowed.
    assert.equal(pdfsigVerdicts(pdfsig(file, pki.nssDir).out)[0]!.valid, true);
  });

  it('signs B-LTA: the document time-stamp covers the signature and the DSS, and verifies', async () => {
    const result = await signPdf({
      ...base(await document(), 'ec'),
      level: 'B-LTA',
      tsa,
      validation: { ocspResponses: [pki.ocsp.ec], crls: [pki.crl] },
    });
    assert.ok(result.documentTimestampTime);
    const found = findSignatures(result.pdf);
    assert.deepEqual(
      found.map((s) => s.subFilter),
      ['ETSI.CAdES.detached', 'ETSI.RFC3161'],
    );
    assert.equal(found[1]!.byteRange[2] + found[1]!.byteRange[3], result.pdf.length);
    assert.match(text(result.pdf), /\/Type \/DocTimeStamp/);
    judgeSigned(pki, dir, result.pdf, 'blta', 2);
    // A later document time-stamp renews the archive: both verify.
    const renewed = await addDocumentTimestamp({ pdf: result.pdf, tsa });
    judgeSigned(pki, dir, renewed.pdf, 'blta-renewed', 3);
  });
});

describe('several signatures', () => {
  it('keeps every earlier signature valid: RSA B-T, EC B-LT, RSA visible B-B', async () => {
    let pdf = await document();
    pdf = (await signPdf({ ...base(pdf), level: 'B-T', tsa })).pdf;
    const first = pdf.slice();
    pdf = (
      await signPdf({ ...base(pdf, 'ec'), level: 'B-LT', tsa, validation: { ocspResponses: [pki.ocsp.ec] } })
    ).pdf;
    // Incremental: the earlier revision is a prefix of the new file.
    assert.ok(Buffer.from(pdf.subarray(0, first.length)).equals(first));
    const third = await signPdf({
      ...base(pdf),
      visible: {
        placement: { page: 1, box: { x: 400, y: 60, width: 120, height: 60 } },
        content: { qr: 'https://teken.example/v/1' },
      },
    });
    assert.equal(third.fieldName, 'Signature3');
    const out = judgeSigned(pki, dir, third.pdf, 'three', 3);
    const verdicts = pdfsigVerdicts(out);
    assert.equal(verdicts.length, 3);
    assert.ok(verdicts.every((v) => v.valid && (v.trusted || v.repeatedSigner)));
    assert.ok(verdicts[0]!.trusted && verdicts[1]!.trusted);
    assert.ok(verdicts[2]!.total, 'the last signature covers the whole file');
  });
});

describe('visible signatures', () => {
  it('draws a PNG or a JPEG specimen in the box, fitted and centred', async () => {
    const png = await sharp({
      create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const jpg = await sharp({
      create: { width: 200, height: 100, channels: 3, background: { r: 0, g: 0, b: 0 } },
    })
      .jpeg()
      .toBuffer();
    const blank = render(await document([{ text: '' }]), 'blank');
    for (const [name, image] of [
      ['png', png],
      ['jpg', jpg],
    ] as const) {
      const { pdf, widgets } = await signPdf({
        ...base(await document([{ text: '' }])),
        visible: {
          placement: { page: 1, box: { x: 100, y: 100, width: 200, height: 100 } },
          content: { image },
        },
      });
      assert.equal(widgets, 1);
      judgeSigned(pki, dir, pdf, `visible-${name}`, 1);
      // 200x100 pt at 36 dpi is 100x50 px of black.
      const shown = render(pdf, `visible-${name}`);
      assert.ok(
        Math.abs(shown.dark - blank.dark - 5000) < 400,
        `${name}: ${shown.dark - blank.dark} dark pixels`,
      );
    }
  });

  it('places the box on the first or the last page (halaman)', async () => {
    const pdf = await document([{ text: 'satu' }, { text: 'dua' }, { text: 'tiga' }]);
    for (const [page, rendered] of [
      ['first', 1],
      ['last', 3],
    ] as const) {
      const signed = await signPdf({
        ...base(pdf),
        visible: {
          placement: { page, box: { x: 50, y: 50, width: 100, height: 100 } },
          content: { qr: 'https://teken.example/v/2' },
        },
      });
      judgeSigned(pki, dir, signed.pdf, `halaman-${page}`, 1);
      const other = rendered === 1 ? 3 : 1;
      assert.ok(render(signed.pdf, `h-${page}-on`, rendered).dark > 300);
      assert.ok(render(signed.pdf, `h-${page}-off`, other).dark < 100);
    }
  });

  it('puts a widget at every occurrence of the tag: #, $, [qr_bsre], ${ttd_pengirim1}', async () => {
    for (const tag of ['#', '$', '[qr_bsre]', '${ttd_pengirim1}']) {
      const pdf = await document([
        { text: `Pihak pertama ${tag} dan pihak kedua ${tag}` },
        { text: 'tanpa penanda' },
        { text: `Mengetahui ${tag}` },
      ]);
      const signed = await signPdf({
        ...base(pdf),
        visible: { placement: { tag, width: 60, height: 60 }, content: { qr: 'https://teken.example/v/3' } },
      });
      assert.equal(signed.widgets, 3, tag);
      judgeSigned(pki, dir, signed.pdf, `tag-${signed.widgets}-${tag.length}`, 1);
      assert.equal((text(signed.pdf).match(/\/Subtype \/Stamp/g) ?? []).length, 2);
    }
    await assert.rejects(
      signPdf({
        ...base(await document([{ text: 'tidak ada' }])),
        visible: { placement: { tag: '[qr_bsre]', width: 60, height: 60 }, content: { qr: 'x' } },
      }),
      { code: 'ERR_PDF_TAG_NOT_FOUND' },
    );
  });

  it('stands upright on rotated pages', async () => {
    for (const rotate of [90, 180, 270]) {
      const pdf = await document([{ text: '', rotate }]);
      const signed = await signPdf({
        ...base(pdf),
        visible: {
          placement: { page: 1, box: { x: 20, y: 20, width: 200, height: 50 } },
          content: {
            image: await sharp({
              create: { width: 400, height: 100, channels: 3, background: { r: 0, g: 0, b: 0 } },
            })
              .png()
              .toBuffer(),
          },
        },
      });
      judgeSigned(pki, dir, signed.pdf, `rot-${rotate}`, 1);
      // Seen as displayed: the black bar is wide, low and at the left (20,20)-(220,70) pt → px at 36 dpi.
      const file = path.join(dir, `rot-${rotate}.pdf`);
      const png = path.join(dir, `rot-${rotate}`);
      runTool('pdftoppm', ['-r', '36', '-gray', '-png', '-singlefile', file, png]);
      const { data, info } = await sharp(`${png}.png`).raw().toBuffer({ resolveWithObject: true });
      const isDark = (x: number, y: number) => data[(y * info.width + x) * info.channels]! < 100;
      const h = info.height;
      assert.ok(isDark(60, h - 18), `rotate ${rotate}: inside the bar`);
      assert.ok(!isDark(60, h - 60), `rotate ${rotate}: above the bar`);
      assert.ok(!isDark(120, h - 18), `rotate ${rotate}: right of the bar`);
    }
  });

  it('refuses boxes outside the page, bad images and empty content', async () => {
    const pdf = await document();
    const visible = (v: unknown) => signPdf({ ...base(pdf), visible: v as never });
    await assert.rejects(
      visible({
        placement: { page: 1, box: { x: 5000, y: 10, width: 10, height: 10 } },
        content: { qr: 'x' },
      }),
      {
        code: 'ERR_INPUT_INVALID',
      },
    );
    await assert.rejects(
      visible({ placement: { page: 2, box: { x: 5, y: 10, width: 10, height: 10 } }, content: { qr: 'x' } }),
      {
        code: 'ERR_INPUT_INVALID',
      },
    );
    await assert.rejects(
      visible({ placement: { page: 1, box: { x: 5, y: 10, width: -1, height: 10 } }, content: { qr: 'x' } }),
      {
        code: 'ERR_INPUT_INVALID',
      },
    );
    await assert.rejects(
      visible({
        placement: { page: 1, box: { x: 5, y: 10, width: 10, height: 10 } },
        content: { image: new Uint8Array([1, 2, 3]) },
      }),
      { code: 'ERR_INPUT_INVALID' },
    );
    await assert.rejects(visible({ placement: { page: 1, box: { x: 5, y: 10, width: 10, height: 10 } } }), {
      code: 'ERR_INPUT_INVALID',
    });
  });
});
