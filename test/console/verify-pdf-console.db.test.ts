/**
 * "Verifikasi PDF" in a real browser (Chromium), without signing in: a holder's document is signed
 * by the signing use case (a visible QR code of its verification link), then the QR link
 * `/verifikasi?dokumen=<id>` says who signed it and when; the uploaded file reads VALID, matches
 * the record, and its report downloads as JSON and as a PDF (pdftotext reads it); a tampered copy,
 * dropped on the page, reads TIDAK VALID and is not the recorded document; English on request;
 * at 360 px nothing scrolls sideways; signed again, the file still holds the recorded document;
 * a password-protected PDF is refused without its password
 * and VALID with it; a document signed in "Tanda Tangan Dokumen" (QR code at a tag) verifies on the
 * page opened from its link while signed in; an unknown or malformed code says so; the public header
 * of the sign-in page links to the page.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { signedDocuments } from '../../src/db/schema.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { formatWib } from '../../src/notify/format-wib.js';
import { signingContextOf } from '../../src/runtime/signing-context-of.js';
import { signDocuments, verificationUrl, type SignedDocument } from '../../src/signing/sign-documents.js';
import { heading, launchChromium, openPage, screenshots } from '../helpers/browser.js';
import {
  assertNoSidewaysScroll,
  firstSignInPages,
  holderWithCertificate,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const PASSWORD = 'sungai mengalir ke laut';
const PASSPHRASE = 'Rahasia#2026';

describe('Verifikasi PDF in the console (Chromium)', () => {
  let server: ConsoleServer;
  let base: string;
  let browser: Browser;
  const pageErrors: string[] = [];
  const dir = tmpDir();
  let signed: SignedDocument;
  let signedFile: string;
  let tamperedFile: string;
  let record: { signerName: string; signingTime: string; sha256: string; level: string };
  let holderId: string;
  let holder: AccountRow;

  before(async () => {
    ({ server, base } = await startConsoleServer());
    const { id: institutionId } = await createInstitution(
      server.rt.db,
      { operator: 'test' },
      {
        name: 'Dinas Konsol Verifikasi',
        emailDomains: ['verifikasi.go.id'],
        province: 'Jawa Barat',
        policy: {},
      },
    );
    const { account } = await holderWithCertificate(server.rt, {
      institutionId,
      email: `verif.${crypto.randomBytes(3).toString('hex')}@verifikasi.go.id`,
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
    holderId = account.id;
    holder = account;
    const pdf = await pdfLibDocument(1, 'Surat keputusan');
    const { documents } = await signDocuments(signingContextOf(server.rt), {
      holder: account.id,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [
        {
          pdf: Buffer.from(pdf),
          appearance: {
            visible: true,
            placement: { kind: 'box', page: 1, x: 72, y: 60, width: 90, height: 90 },
            mark: { kind: 'qr', link: undefined },
          },
          details: { reason: 'Persetujuan', location: 'Bandung', contactInfo: undefined, text: undefined },
          pdfPassword: undefined,
        },
      ],
      actor: `account:${account.id}`,
      channel: 'console',
    });
    signed = documents[0]!;
    signedFile = path.join(dir, 'surat-keputusan.pdf');
    fs.writeFileSync(signedFile, signed.pdf);
    // One letter of the producer's name changed ("pdf-lib" → "qdf-lib", UTF-16 in hex): same
    // length, same structure, a broken signature.
    const bytes = Buffer.from(signed.pdf);
    const marker = '/Producer <FEFF0070';
    const at = bytes.indexOf(marker);
    assert.ok(at > 0 && at < bytes.length / 2, 'the producer string is in the signed part');
    bytes[at + marker.length - 1] = '1'.charCodeAt(0);
    tamperedFile = path.join(dir, 'surat-diubah.pdf');
    fs.writeFileSync(tamperedFile, bytes);
    const res = await fetch(`${base}/api/public/verify/document/${signed.id}`);
    assert.equal(res.status, 200);
    record = (await res.json()) as typeof record;
    browser = await launchChromium();
  });

  const newPage = async (width = 1280): Promise<Page> =>
    (await openPage(browser, pageErrors, { viewport: { width, height: 800 }, acceptDownloads: true })).page;
  const download = async (page: Page, click: () => Promise<void>, name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const target = path.join(dir, name);
    await file.saveAs(target);
    return { file: target, suggested: file.suggestedFilename() };
  };
  /** Drops a file on the drop zone as a person dragging it from their files would. */
  const dropFile = async (page: Page, file: string) => {
    const content = fs.readFileSync(file).toString('base64');
    const name = path.basename(file);
    // An expression: the test's tsconfig has no DOM types, the page has them.
    const dataTransfer = await page.evaluateHandle(`(() => {
      const raw = atob(${JSON.stringify(content)});
      const bytes = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], ${JSON.stringify(name)}, { type: 'application/pdf' }));
      return transfer;
    })()`);
    const zone = page.getByTestId('drop-zone');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  };

  it('the QR link: who signed and when; the file reads VALID, matches, and its reports download', async () => {
    const page = await newPage();
    const link = verificationUrl(base, signed.id);
    assert.equal(link, `${base}/verifikasi?dokumen=${signed.id}`);
    await page.goto(link);
    await heading(page, 'Verifikasi PDF').waitFor();
    const about = page.getByTestId('document-record');
    await about.waitFor();
    const time = formatWib(new Date(record.signingTime), 'id');
    assert.ok(record.signerName.length > 0);
    assert.match(
      await about.innerText(),
      new RegExp(`Dokumen ini ditandatangani oleh ${record.signerName} pada ${time.replace(/[.]/g, '\\.')}`),
    );
    assert.match(await about.innerText(), /PAdES B-LT/);
    assert.match(await about.innerText(), new RegExp(signed.sha256));
    // No sign-in: the page is reachable as it is, with no session cookie.
    assert.deepEqual(
      (await page.context().cookies()).filter((c) => /session/i.test(c.name)),
      [],
    );

    await page.getByLabel('Pilih berkas PDF').setInputFiles(signedFile);
    await page.getByTestId('chosen-file').getByText('surat-keputusan.pdf', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-conclusion'), 'VALID');
    assert.match(await verdict.innerText(), /^VALID/);
    assert.match(await verdict.innerText(), /Dokumen valid/);
    assert.equal(await page.getByTestId('record-match').getAttribute('data-match'), 'same');
    assert.match(await page.getByTestId('record-match').innerText(), /sama persis/);
    const signature = page.getByTestId('signature').first();
    const text = await signature.innerText();
    assert.match(text, new RegExp(`Tanda tangan 1: ${record.signerName}`));
    assert.match(text, /Tanda tangan sah/);
    assert.match(text, /Terpercaya/);
    assert.match(text, /Utuh/);
    assert.match(text, /Status pencabutan saat penandatanganan\s+Tidak dicabut/);
    assert.match(text, /PAdES-BASELINE-LT/);
    assert.match(text, /Segel waktu \(time-stamp\)\s+\w+, .* WIB, oleh .*: valid/);
    assert.match(text, /LTV \(validasi jangka panjang\)\s+Ya/);
    assert.match(text, /Alasan\s+Persetujuan/);

    const json = await download(
      page,
      () => page.getByRole('button', { name: 'Unduh laporan (JSON)' }).click(),
      'l.json',
    );
    assert.equal(json.suggested, 'laporan-verifikasi-surat-keputusan.json');
    const report = JSON.parse(fs.readFileSync(json.file, 'utf8')) as {
      conclusion: string;
      fileName: string;
      signatures: { signerName: string; trusted: boolean; integrity: boolean; level: string }[];
    };
    assert.equal(report.conclusion, 'VALID');
    assert.equal(report.fileName, 'surat-keputusan.pdf');
    assert.equal(report.signatures[0]!.signerName, record.signerName);
    assert.equal(report.signatures[0]!.trusted, true);
    assert.equal(report.signatures[0]!.level, 'PAdES-BASELINE-LT');

    const pdf = await download(
      page,
      () => page.getByRole('button', { name: 'Unduh laporan (PDF)' }).click(),
      'l.pdf',
    );
    assert.equal(pdf.suggested, 'laporan-verifikasi.pdf');
    const pdfText = runTool('pdftotext', [pdf.file, '-']);
    assert.equal(pdfText.status, 0, pdfText.stderr);
    assert.match(pdfText.stdout, /Laporan Verifikasi PDF/);
    assert.ok(pdfText.stdout.includes(record.signerName));
    assert.deepEqual(pageErrors, []);
  });

  it('a tampered copy, dropped on the page: TIDAK VALID, not the recorded document; then in English', async () => {
    const page = await newPage();
    await page.goto(`${base}/verifikasi?dokumen=${signed.id.toUpperCase()}`);
    await page.getByTestId('document-record').waitFor();
    await dropFile(page, tamperedFile);
    await page.getByTestId('chosen-file').getByText('surat-diubah.pdf', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-conclusion'), 'INVALID');
    assert.match(await verdict.innerText(), /^TIDAK VALID/);
    assert.equal(await page.getByTestId('record-match').getAttribute('data-match'), 'different');
    const text = await page.getByTestId('signature').first().innerText();
    assert.match(text, /Tanda tangan tidak sah/);
    assert.match(text, /Rusak/);

    // English on request: the page, the record and the report the page holds.
    await page.getByRole('button', { name: /English/ }).click();
    await heading(page, 'Verify PDF').waitFor();
    assert.match(await verdict.innerText(), /^NOT VALID/);
    assert.match(await verdict.innerText(), /The document is not valid/);
    assert.match(await page.getByTestId('document-record').innerText(), /This document was signed by /);
    assert.match(await page.getByTestId('record-match').innerText(), /NOT the document Teken signed/);
    assert.match(await page.getByTestId('signature').first().innerText(), /Signature not valid/);
    const pdf = await download(
      page,
      () => page.getByRole('button', { name: 'Download the report (PDF)' }).click(),
      'en.pdf',
    );
    const pdfText = runTool('pdftotext', [pdf.file, '-']);
    assert.equal(pdfText.status, 0, pdfText.stderr);
    assert.match(pdfText.stdout, /PDF Verification Report/);
    await page.screenshot({ path: path.join(screenshots, 'verifikasi-tampered-en.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  });

  it('at 360 px: the header, the record and the report fit; the file matches', async () => {
    const page = await newPage(360);
    await page.goto(`${base}/verifikasi?dokumen=${signed.id}`);
    await page.getByTestId('document-record').waitFor();
    await assertNoSidewaysScroll(page, 'the page with the record');
    await page.getByLabel('Pilih berkas PDF').setInputFiles(signedFile);
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page.getByTestId('verdict').waitFor();
    assert.equal(await page.getByTestId('record-match').getAttribute('data-match'), 'same');
    await assertNoSidewaysScroll(page, 'the report');
    await page.screenshot({ path: path.join(screenshots, 'verifikasi-360.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  });

  it('signed again after Teken’s signature: the file holds the recorded document, both signatures hold', async () => {
    const { documents } = await signDocuments(signingContextOf(server.rt), {
      holder: holderId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [
        {
          pdf: Buffer.from(signed.pdf),
          appearance: { visible: false },
          details: { reason: 'Mengetahui', location: undefined, contactInfo: undefined, text: undefined },
          pdfPassword: undefined,
        },
      ],
      actor: `account:${holderId}`,
      channel: 'console',
    });
    const twice = path.join(dir, 'surat-dua-tanda-tangan.pdf');
    fs.writeFileSync(twice, documents[0]!.pdf);
    const page = await newPage();
    await page.goto(`${base}/verifikasi?dokumen=${signed.id}`);
    await page.getByTestId('document-record').waitFor();
    await page.getByLabel('Pilih berkas PDF').setInputFiles(twice);
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-conclusion'), 'VALID');
    assert.equal(await page.getByTestId('record-match').getAttribute('data-match'), 'contains');
    assert.match(
      await page.getByTestId('record-match').innerText(),
      /memuat dokumen yang ditandatangani Teken/,
    );
    const cards = page.getByTestId('signature');
    assert.equal(await cards.count(), 2);
    assert.match(
      await cards.nth(0).innerText(),
      /Perubahan setelah ditandatangani\s+Ada, perubahan yang diizinkan/,
    );
    assert.match(await cards.nth(1).innerText(), /Tanda tangan 2: .*\n[^]*Tanda tangan sah/);
    assert.deepEqual(pageErrors, []);
  });

  it('a password-protected PDF: refused without its password, VALID with it', async () => {
    const plain = path.join(dir, 'rahasia-polos.pdf');
    fs.writeFileSync(plain, await pdfLibDocument(1, 'Nota dinas rahasia'));
    const locked = path.join(dir, 'rahasia-terkunci.pdf');
    const qpdf = runTool('qpdf', ['--encrypt', 'rahasia1', 'pemilik1', '256', '--', plain, locked]);
    assert.equal(qpdf.status, 0, qpdf.stderr);
    const { documents } = await signDocuments(signingContextOf(server.rt), {
      holder: holderId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [
        {
          pdf: fs.readFileSync(locked),
          appearance: { visible: false },
          details: { reason: undefined, location: undefined, contactInfo: undefined, text: undefined },
          pdfPassword: 'rahasia1',
        },
      ],
      actor: `account:${holderId}`,
      channel: 'console',
    });
    const file = path.join(dir, 'nota-dinas.pdf');
    fs.writeFileSync(file, documents[0]!.pdf);

    const page = await newPage();
    await page.goto(`${base}/verifikasi?dokumen=${documents[0]!.id}`);
    await page.getByTestId('document-record').waitFor();
    await page.getByLabel('Pilih berkas PDF').setInputFiles(file);
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page.getByText('PDF ini dilindungi password').waitFor();
    assert.equal(await page.getByTestId('verdict').count(), 0);
    await page.getByLabel('Password PDF (jika ada)').fill('rahasia1');
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-conclusion'), 'VALID');
    assert.equal(await page.getByTestId('record-match').getAttribute('data-match'), 'same');
    // The PDF report needs the password as well: the page sends it again.
    const pdf = await download(
      page,
      () => page.getByRole('button', { name: 'Unduh laporan (PDF)' }).click(),
      'r.pdf',
    );
    assert.match(runTool('pdftotext', [pdf.file, '-']).stdout, /Laporan Verifikasi PDF/);
    assert.deepEqual(pageErrors, []);
  });

  it('Tanda Tangan Dokumen signs with a QR code; Verifikasi PDF, signed in, finds that document VALID', async () => {
    const unsigned = path.join(dir, 'surat-tugas.pdf');
    fs.writeFileSync(unsigned, await pdfLibDocument(1, 'Surat tugas #'));
    const page = await firstSignInPages(
      server,
      browser,
      pageErrors,
      base,
      PASSWORD,
    )(holder, {
      acceptDownloads: true,
    });
    await page.goto(`${base}/sertifikat/tanda-tangan-dokumen`);
    await heading(page, 'Tanda Tangan Dokumen').waitFor();
    await page.getByLabel('Pilih berkas PDF').setInputFiles(unsigned);
    await page.getByText('1 halaman', { exact: false }).waitFor();
    await page.getByLabel('Gunakan teks penanda (tag)').check();
    await page.getByLabel('Teks penanda', { exact: true }).fill('#');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Tanda Tangani' }).click();
    const signedCopy = await download(
      page,
      () =>
        page
          .getByRole('link', { name: /^Unduh/ })
          .first()
          .click(),
      'konsol.pdf',
    );
    const [row] = await server.rt.db
      .select({ id: signedDocuments.id })
      .from(signedDocuments)
      .where(eq(signedDocuments.accountId, holderId))
      .orderBy(desc(signedDocuments.createdAt))
      .limit(1);
    assert.ok(row);

    // The QR code's link, opened by someone signed in: the same public page.
    await page.goto(verificationUrl(base, row.id));
    await heading(page, 'Verifikasi PDF').waitFor();
    await page.getByTestId('document-record').waitFor();
    await page.getByLabel('Pilih berkas PDF').setInputFiles(signedCopy.file);
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-conclusion'), 'VALID');
    assert.equal(await page.getByTestId('record-match').getAttribute('data-match'), 'same');
    assert.match(await page.getByTestId('signature').first().innerText(), /Tanda tangan sah/);
    assert.deepEqual(pageErrors, []);
  });

  it('an unknown or malformed code says so; the sign-in page’s header links to the page', async () => {
    const page = await newPage();
    await page.goto(`${base}/verifikasi?dokumen=${crypto.randomBytes(16).toString('hex')}`);
    await page.getByText('Tidak ada dokumen bertanda tangan Teken dengan kode').waitFor();
    await page.goto(`${base}/verifikasi?dokumen=bukan-kode`);
    await page.getByText('Kode dokumen pada tautan ini tidak sah.').waitFor();
    // Not a PDF: refused in the page, without a request.
    const notPdf = path.join(dir, 'catatan.txt');
    fs.writeFileSync(notPdf, 'bukan pdf');
    await page.getByLabel('Pilih berkas PDF').setInputFiles(notPdf);
    await page.getByText('catatan.txt bukan berkas PDF.').waitFor();

    await page.goto(`${base}/masuk`);
    const nav = page.getByRole('navigation', { name: 'Menu publik' });
    await nav.getByRole('link', { name: 'Verifikasi PDF' }).click();
    await page.waitForURL((url) => url.pathname === '/verifikasi');
    await heading(page, 'Verifikasi PDF').waitFor();
    assert.equal(
      await nav.getByRole('link', { name: 'Verifikasi PDF' }).getAttribute('aria-current'),
      'page',
    );
    assert.deepEqual(pageErrors, []);
  });
});
