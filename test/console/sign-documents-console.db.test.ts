/**
 * "Tanda Tangan Dokumen" (/sertifikat/tanda-tangan-dokumen) in Chromium, as a holder with an
 * issued eSign certificate does it: two PDFs uploaded at once (one with a page turned by /Rotate
 * 90), their page previews, the signature box dragged on each preview, a specimen image (a PNG)
 * as the appearance, a wrong passphrase (said and counted), then the passphrase once for the
 * batch; each signed file downloaded and the zip. The outputs are judged by pdfsig, openssl and
 * qpdf, and the widget's /Rect is compared with where the box was dragged, in the page's own user
 * space; on the rotated page also by rendering it with pdftoppm and finding the specimen's
 * colour where the drag was. Then a tag text with the QR code, at 360 px and in English.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { degrees, PDFArray, PDFDict, PDFDocument, PDFName, StandardFonts, type PDFNumber } from 'pdf-lib';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { formatWib } from '../../src/notify/format-wib.js';
import { heading, launchChromium, screenshots } from '../helpers/browser.js';
import {
  assertNoSidewaysScroll,
  enrolAuthenticator,
  holderWithCertificate,
  signedInPage,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { findSignatures, judgeSigned } from '../helpers/pades-judges.js';
import { runTool } from '../helpers/run-tool.js';
import { judgesOf } from '../helpers/signing-fixture.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const DOMAIN = 'tandatangan-konsol.go.id';
const PASSWORD = 'layang-layang di atas sawah';
const PASSPHRASE = 'Rahasia#2026';
/** A4 portrait, in PDF units. */
const A4 = { w: 595, h: 842 } as const;
/** The specimen's colour, found again in the rendered page. */
const MAGENTA = { r: 200, g: 0, b: 200 } as const;

/** A box as fractions of the displayed page, from its top-left corner (how a person drags). */
interface Drag {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

async function pdf(pages: { text: string; rotate?: number }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of pages) {
    const page = doc.addPage([A4.w, A4.h]);
    if (p.rotate) page.setRotation(degrees(p.rotate));
    page.drawText(p.text, { x: 72, y: 760, size: 14, font });
    for (let line = 0; line < 30; line++)
      page.drawText('Lorem ipsum dolor sit amet, consectetur adipiscing elit.', {
        x: 72,
        y: 720 - line * 18,
        size: 10,
        font,
      });
  }
  return doc.save({ useObjectStreams: false });
}

/** The /Rect of every widget annotation on each page (pdf-lib reads the incremental updates). */
async function widgetRects(bytes: Uint8Array): Promise<{ page: number; rect: number[] }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: { page: number; rect: number[] }[] = [];
  doc.getPages().forEach((page, i) => {
    const annots = page.node.Annots();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = annots!.lookup(k, PDFDict);
      if (annot.get(PDFName.of('Subtype'))?.toString() !== '/Widget') continue;
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray);
      out.push({
        page: i + 1,
        rect: rect.asArray().map((v) => (v as PDFNumber).asNumber()),
      });
    }
  });
  return out;
}

/**
 * Where a drag on the displayed page lies in the page's user space (the widget's /Rect), worked
 * out from what /Rotate means (ISO 32000-2 7.7.3.3: the page is turned clockwise when shown):
 * at 90° the displayed top-left corner is the user-space origin, the displayed x axis runs along
 * user y and the displayed downward direction along user x.
 */
function expectedRect(drag: Drag, rotate: 0 | 90): number[] {
  if (rotate === 0)
    return [drag.left * A4.w, (1 - drag.bottom) * A4.h, drag.right * A4.w, (1 - drag.top) * A4.h];
  // Displayed: A4.h wide, A4.w high.
  return [drag.top * A4.w, drag.left * A4.h, drag.bottom * A4.w, drag.right * A4.h];
}

function assertClose(actual: number[], expected: number[], what: string, tolerance = 1.5): void {
  assert.equal(actual.length, expected.length, what);
  const off = actual.some((v, i) => Math.abs(v - expected[i]!) > tolerance);
  assert.ok(
    !off,
    `${what}: /Rect [${actual.map((v) => v.toFixed(1)).join(' ')}], dragged [${expected.map((v) => v.toFixed(1)).join(' ')}]`,
  );
}

describe('Tanda Tangan Dokumen in Chromium: previews, dragged boxes, the batch, pdfsig', () => {
  let server: ConsoleServer;
  let base: string;
  let page: Page;
  let judges: ReturnType<typeof judgesOf>;
  const dir = tmpDir();
  const pageErrors: string[] = [];
  let rotated: Uint8Array;
  let plain: Uint8Array;
  let tagged: Uint8Array;
  let specimen: Buffer;
  let validUntil: Date;

  before(async () => {
    ({ server, base } = await startConsoleServer());
    judges = judgesOf(server.rt);
    const { id: institutionId } = await createInstitution(
      server.rt.db,
      { operator: 'test' },
      { name: 'Dinas Uji Tanda Tangan Konsol', emailDomains: [DOMAIN], province: 'Bali', policy: {} },
    );
    const [browser, { account, issued }] = await Promise.all([
      launchChromium(),
      holderWithCertificate(server.rt, {
        institutionId,
        email: `penanda.${crypto.randomBytes(3).toString('hex')}@${DOMAIN}`,
        password: PASSWORD,
        passphrase: PASSPHRASE,
      }),
    ]);
    [rotated, plain, tagged, specimen] = await Promise.all([
      pdf([{ text: 'Surat Keputusan halaman 1' }, { text: 'Lampiran melintang', rotate: 90 }]),
      pdf([{ text: 'Nota Dinas' }]),
      pdf([{ text: 'Disetujui oleh: [ttd]' }]),
      sharp({ create: { width: 200, height: 100, channels: 3, background: MAGENTA } })
        .png()
        .toBuffer(),
    ]);
    validUntil = issued.certificate.notAfter;
    const secret = await enrolAuthenticator(server, account, PASSWORD);
    page = await signedInPage(
      browser,
      pageErrors,
      base,
      { account, password: PASSWORD, secret },
      { width: 1280, acceptDownloads: true },
    );
  });

  /** The preview of the current document: its canvas drawn, the overlay the page's displayed size. */
  const preview = async (name: string, pageNumber: number) => {
    const overlay = page.getByRole('img', { name: `Halaman ${pageNumber} dari ${name}` });
    await overlay.waitFor();
    // Something was drawn: the canvas has dark pixels (the text), not only white.
    const canvas = page.locator('canvas.sign-canvas');
    await page.waitForFunction(
      `(() => { const c = document.querySelector('canvas.sign-canvas'); if (!c || !c.width) return false;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 3] > 0) return true; return false; })()`,
    );
    assert.ok(await canvas.isVisible());
    return {
      overlay,
      width: Number(await overlay.getAttribute('data-page-width')),
      height: Number(await overlay.getAttribute('data-page-height')),
    };
  };

  /** Drags from the top-left to the bottom-right fraction of the overlay, with the mouse. */
  const drag = async (overlay: ReturnType<Page['getByRole']>, d: Drag) => {
    // The drag's middle scrolled to the middle of the window, as a person scrolls to it.
    const before = (await overlay.boundingBox())!;
    const middle = before.y + ((d.top + d.bottom) / 2) * before.height;
    await page.evaluate(`window.scrollBy(0, ${Math.round(middle - page.viewportSize()!.height / 2)})`);
    const box = (await overlay.boundingBox())!;
    await page.mouse.move(box.x + d.left * box.width, box.y + d.top * box.height);
    await page.mouse.down();
    await page.mouse.move(box.x + ((d.left + d.right) / 2) * box.width, box.y + d.bottom * box.height, {
      steps: 4,
    });
    await page.mouse.move(box.x + d.right * box.width, box.y + d.bottom * box.height, { steps: 4 });
    await page.mouse.up();
  };

  /** The page says where the box is, in displayed PDF units (x/y its lower-left corner, y up). */
  const boxSaid = async (pageNumber: number, d: Drag, size: { width: number; height: number }) => {
    const said = page.getByTestId('box-text');
    await said.getByText(new RegExp(`^Halaman ${pageNumber}: `)).waitFor();
    const [x, y, w, h] = (/x (\d+), y (\d+), (\d+) × (\d+) pt$/.exec(await said.innerText()) ?? [])
      .slice(1)
      .map(Number);
    assertClose(
      [x!, y!, w!, h!],
      [
        d.left * size.width,
        (1 - d.bottom) * size.height,
        (d.right - d.left) * size.width,
        (d.bottom - d.top) * size.height,
      ],
      `the box said on page ${pageNumber}`,
    );
  };

  const download = async (trigger: () => Promise<void>, name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
    const target = path.join(dir, name);
    await file.saveAs(target);
    return { suggested: file.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(target)) };
  };

  it('signs two PDFs (one page rotated) with dragged boxes and a specimen image under one passphrase', async () => {
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Tanda Tangan Dokumen' })
      .click();
    await heading(page, 'Tanda Tangan Dokumen').waitFor();
    await page.getByText(`, berlaku sampai ${formatWib(validUntil, 'id')}.`, { exact: false }).waitFor();

    await page.locator('input[type=file][accept^="application/pdf"]').setInputFiles([
      { name: 'surat-putar.pdf', mimeType: 'application/pdf', buffer: Buffer.from(rotated) },
      { name: 'nota.pdf', mimeType: 'application/pdf', buffer: Buffer.from(plain) },
    ]);
    const list = page.getByRole('list', { name: 'Dokumen' });
    await list.getByRole('listitem').filter({ hasText: 'surat-putar.pdf' }).getByText('2 halaman').waitFor();
    await list.getByRole('listitem').filter({ hasText: 'nota.pdf' }).getByText('1 halaman').waitFor();

    // surat-putar.pdf: page 1 is upright, page 2 is shown wide (its /Rotate 90 applied).
    const first = await preview('surat-putar.pdf', 1);
    assert.deepEqual([first.width, first.height], [A4.w, A4.h]);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    const turned = await preview('surat-putar.pdf', 2);
    assert.deepEqual([turned.width, turned.height], [A4.h, A4.w], 'the rotated page is shown wide');
    const onTurned: Drag = { left: 0.55, top: 0.6, right: 0.85, bottom: 0.8 };
    await drag(turned.overlay, onTurned);
    await boxSaid(2, onTurned, turned);
    await page.screenshot({ path: path.join(screenshots, 'tanda-tangan-dokumen-putar.png'), fullPage: true });

    // Signing before nota.pdf has a box: the page says so and shows it.
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Tanda Tangani' }).click();
    await page.getByRole('alert').getByText('Tempatkan kotak tanda tangan pada nota.pdf.').waitFor();
    const note = await preview('nota.pdf', 1);
    // A click places a box of the usual size (120 × 60) there; dragging the box moves it; a drag
    // beside it draws a new one.
    const clicked = { left: 0.2, top: 0.2, right: 0.2 + 120 / A4.w, bottom: 0.2 + 60 / A4.h };
    await drag(note.overlay, { ...clicked, right: clicked.left, bottom: clicked.top });
    await boxSaid(1, clicked, note);
    const mid = { x: (clicked.left + clicked.right) / 2, y: (clicked.top + clicked.bottom) / 2 };
    await drag(note.overlay, { left: mid.x, top: mid.y, right: mid.x + 0.1, bottom: mid.y + 0.05 });
    const moved = {
      left: clicked.left + 0.1,
      top: clicked.top + 0.05,
      right: clicked.right + 0.1,
      bottom: clicked.bottom + 0.05,
    };
    await boxSaid(1, moved, note);
    const onNote: Drag = { left: 0.1, top: 0.75, right: 0.45, bottom: 0.85 };
    await drag(note.overlay, onNote);
    await boxSaid(1, onNote, note);

    // The specimen image, with its preview.
    await page.getByLabel('Gambar spesimen', { exact: true }).check();
    await page.getByLabel('Gambar spesimen tanda tangan').setInputFiles({
      name: 'spesimen.png',
      mimeType: 'image/png',
      buffer: specimen,
    });
    await page.getByRole('img', { name: 'Gambar spesimen tanda tangan' }).waitFor();
    await page.getByLabel('Alasan (opsional)').fill('Persetujuan');
    await page.getByLabel('Lokasi (opsional)').fill('Denpasar');
    await page.getByText('dimasukkan sekali untuk 2 dokumen').waitFor();

    // A wrong passphrase: said, and counted (one try fewer each time).
    const passphrase = page.getByLabel('Passphrase', { exact: true });
    const sign = page.getByRole('button', { name: 'Tanda Tangani' });
    const left = async () => {
      const text = await page
        .getByRole('alert')
        .getByText(/^Passphrase salah\./)
        .innerText();
      return Number(/Sisa percobaan sebelum passphrase dikunci: (\d+)\./.exec(text)?.[1]);
    };
    await passphrase.fill('Salah#0000');
    await sign.click();
    const left1 = await left();
    assert.ok(left1 > 0, 'the tries left are said');
    assert.equal(await passphrase.inputValue(), '', 'the passphrase is not kept');
    await passphrase.fill('Salah#0001');
    await sign.click();
    await page
      .getByRole('alert')
      .getByText(`dikunci: ${left1 - 1}.`, { exact: false })
      .waitFor();

    await passphrase.fill(PASSPHRASE);
    await sign.click();
    const done = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Dokumen ditandatangani' }) });
    await done.getByText('2 dokumen berhasil ditandatangani.').waitFor({ timeout: 30_000 });
    await assertNoSidewaysScroll(page, 'signed, 1280 px');

    // Each file, then the zip: the same bytes.
    const one = await download(
      () => done.getByRole('link', { name: 'Unduh surat-putar_signed.pdf' }).click(),
      'surat-putar_signed.pdf',
    );
    const two = await download(
      () => done.getByRole('link', { name: 'Unduh nota_signed.pdf' }).click(),
      'nota_signed.pdf',
    );
    assert.equal(one.suggested, 'surat-putar_signed.pdf');
    assert.equal(two.suggested, 'nota_signed.pdf');
    const zip = await download(
      () => done.getByRole('button', { name: 'Unduh semua (ZIP)' }).click(),
      'dokumen_signed.zip',
    );
    assert.equal(zip.suggested, 'dokumen_signed.zip');
    const entries = unzipSync(zip.bytes);
    assert.deepEqual(Object.keys(entries).sort(), ['nota_signed.pdf', 'surat-putar_signed.pdf']);
    assert.deepEqual(entries['surat-putar_signed.pdf'], one.bytes);
    assert.deepEqual(entries['nota_signed.pdf'], two.bytes);

    // pdfsig, openssl cms, qpdf: valid, trusted, the whole document.
    for (const [name, bytes] of [
      ['surat-putar', one.bytes],
      ['nota', two.bytes],
    ] as const) {
      const out = judgeSigned(judges, dir, bytes, `${name}-judged`, 1);
      assert.match(out, /Certificate is Trusted/);
      // At B-LT (the default level) the DSS follows the signature in a revision of its own, so
      // pdfsig says "Not total document signed": after the signed bytes comes the DSS only.
      const [signature] = findSignatures(bytes);
      const after = Buffer.from(bytes.subarray(signature!.byteRange[2] + signature!.byteRange[3])).toString(
        'latin1',
      );
      assert.match(after, /\/Type \/DSS/);
      assert.doesNotMatch(after, /\/Annots|\/Type \/Page\b|\/Type \/Annot|\/ByteRange/);
      // pdfsig 22.12 does not print them: the signature dictionary holds the reason and place.
      const text = Buffer.from(bytes).toString('latin1');
      assert.ok(text.includes('/Reason (Persetujuan)') && text.includes('/Location (Denpasar)'));
    }

    // The widgets are where the boxes were dragged, in each page's own user space.
    const [turnedWidget] = await widgetRects(one.bytes);
    assert.equal(turnedWidget?.page, 2);
    assertClose(turnedWidget.rect, expectedRect(onTurned, 90), 'the rotated page');
    const [noteWidget] = await widgetRects(two.bytes);
    assert.equal(noteWidget?.page, 1);
    assertClose(noteWidget.rect, expectedRect(onNote, 0), 'the upright page');

    // As a reader sees the rotated page: the specimen's colour fills the dragged box's height,
    // centred in it (the 2:1 image keeps its proportions), and nothing of it lies outside.
    const signedFile = path.join(dir, 'surat-putar-render.pdf');
    fs.writeFileSync(signedFile, one.bytes);
    const render = runTool('pdftoppm', [
      '-r',
      '72',
      '-f',
      '2',
      '-l',
      '2',
      '-png',
      signedFile,
      path.join(dir, 'putar'),
    ]);
    assert.equal(render.status, 0, render.stderr);
    const pngFile = fs.readdirSync(dir).find((f) => /^putar-\d+\.png$/.test(f))!;
    const { data, info } = await sharp(path.join(dir, pngFile)).raw().toBuffer({ resolveWithObject: true });
    assert.ok(info.width > info.height, 'rendered wide');
    let minX = Infinity;
    let maxX = -1;
    let minY = Infinity;
    let maxY = -1;
    for (let y = 0; y < info.height; y++)
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * info.channels;
        if (data[i]! > 150 && data[i + 1]! < 80 && data[i + 2]! > 150) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    assert.ok(maxX >= 0, 'the specimen is drawn on the rotated page');
    const fx = (v: number) => v / info.width;
    const fy = (v: number) => v / info.height;
    const near = (a: number, b: number, what: string) =>
      assert.ok(Math.abs(a - b) < 0.01, `${what}: ${a.toFixed(3)} rendered, ${b.toFixed(3)} dragged`);
    near(fy(minY), onTurned.top, 'top');
    near(fy(maxY + 1), onTurned.bottom, 'bottom');
    near(fx((minX + maxX + 1) / 2), (onTurned.left + onTurned.right) / 2, 'horizontal centre');
    assert.ok(fx(minX) >= onTurned.left - 0.01 && fx(maxX + 1) <= onTurned.right + 0.01, 'inside the box');
    assert.ok(maxX - minX > 2 * (maxY - minY) * 0.95, 'the image stands upright (2:1, wide)');
  });

  it('signs at a tag text with the QR code, at 360 px and in English', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    const list = page.getByRole('list', { name: 'Dokumen' });
    for (const name of ['surat-putar.pdf', 'nota.pdf'])
      await list.getByRole('button', { name: `Hapus ${name}` }).click();
    await page.locator('.lang-switch').click();
    await heading(page, 'Sign Documents').waitFor();
    // The certificate's validity in English too (the page formats it, the route gives the time).
    await page.getByText(`, valid until ${formatWib(validUntil, 'en')}.`, { exact: false }).waitFor();
    await page.locator('input[type=file][accept^="application/pdf"]').setInputFiles({
      name: 'persetujuan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(tagged),
    });
    await page.getByRole('list', { name: 'Documents' }).getByText('1 page', { exact: true }).waitFor();
    await page.getByRole('img', { name: 'Page 1 of persetujuan.pdf' }).waitFor();
    await assertNoSidewaysScroll(page, 'the preview at 360 px');
    await page.getByText('The passphrase of your certificate, for 1 document.').waitFor();
    await page.getByLabel('Use a tag text').check();
    await page.getByRole('textbox', { name: 'Tag text' }).fill('[ttd]');
    await page.getByLabel('Width (pt)').fill('80');
    await page.getByLabel('Height (pt)').fill('80');
    await page.getByLabel('QR code').check();
    await page.getByText('The QR code holds the verification link of the signed document.').waitFor();
    await assertNoSidewaysScroll(page, 'the tag form at 360 px');
    await page.getByLabel('Passphrase', { exact: true }).fill('Salah#0002');
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/Attempts left before the passphrase is locked: \d+\./)
      .waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    const done = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Documents signed' }) });
    await done.getByText('1 document signed.', { exact: true }).waitFor({ timeout: 30_000 });
    await assertNoSidewaysScroll(page, 'signed, 360 px');
    assert.equal(
      await done.getByRole('button', { name: 'Download all (ZIP)' }).count(),
      0,
      'no zip for one file',
    );
    const signed = await download(
      () => done.getByRole('link', { name: 'Download persetujuan_signed.pdf' }).click(),
      'persetujuan_signed.pdf',
    );
    judgeSigned(judges, dir, signed.bytes, 'persetujuan-judged', 1);
    // The box's lower-left corner at the tag's: "[ttd]" follows "Disetujui oleh: " at x 72, 14 pt.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const tagX = 72 + font.widthOfTextAtSize('Disetujui oleh: ', 14);
    const [widget] = await widgetRects(signed.bytes);
    assert.equal(widget?.page, 1);
    assert.ok(Math.abs(widget.rect[0]! - tagX) < 1.5, `x ${widget.rect[0]} at the tag's ${tagX}`);
    assert.ok(Math.abs(widget.rect[1]! - 760) < 5, `y ${widget.rect[1]} at the tag's line 760`);
    assert.ok(Math.abs(widget.rect[2]! - widget.rect[0]! - 80) < 0.01);
    assert.ok(Math.abs(widget.rect[3]! - widget.rect[1]! - 80) < 0.01);
    await page.screenshot({ path: path.join(screenshots, 'sign-documents-360.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  });
});
