/**
 * A certificate request from "Permohonan Baru" to "Berhasil", in Chromium against a listening
 * `teken serve`, every e-mail caught by a real SMTP server. A verified subscriber (360 px) picks
 * eSign, is refused a non-PDF and an oversized file at once and an incomplete PDF by the server,
 * sees the exact subject, submits with a PDF, and finds it in "Status Permohonan". The institution
 * has four-eyes: one RA officer approves on Tinjau Ulang with the document beside the profile (the
 * PDF served to the frame), cannot confirm their own approval, and a second officer does. The
 * "[BSrE] Set Passphrase" mail's link opens "Membuat Passphrase" (the rule shown before typing,
 * the agreement with "Setuju"), and after "Berhasil" `openssl verify` judges the issued
 * certificate; the link is then used. Another request is rejected with a reason that the user
 * reads in English on "Request status" and in the refusal mail. Synthetic identities only.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { certificateRequests, certificates } from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { ApiClient } from '../helpers/api-client.js';
import { nextCode } from '../helpers/authenticator.js';
import { heading, launchChromium, openPage, screenshots } from '../helpers/browser.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { letterPdf } from '../helpers/letter-pdf.js';
import { linkInMail, waitForMail } from '../helpers/mailbox.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { openssl } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const DOMAIN = 'permohonan.go.id';
const PASSWORD = 'burung camar terbang tinggi';
const PASSPHRASE = 'Rahasia#2026';

const pdf = letterPdf('Surat Rekomendasi');

describe('certificate requests in the console (Chromium, four-eyes, Membuat Passphrase)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let institutionId: string;
  const dir = tmpDir();
  const pageErrors: string[] = [];
  const officers: { account: AccountRow; secret: string }[] = [];

  before(async () => {
    ensureConsoleBuilt();
    smtp = await startSmtpServer();
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    server = await startTestServer({
      TEKEN_PORT: String(port),
      TEKEN_PUBLIC_URL: base,
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_ORGANISATION_NAME: 'BSrE',
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
    });
    writeCaPems(server.rt, dir);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        {
          name: 'Badan Uji Permohonan',
          emailDomains: [DOMAIN],
          province: 'DKI JAKARTA',
          policy: { fourEyes: true },
        },
      )
    ).id;
    for (let i = 0; i < 2; i++)
      officers.push(await staff('ra-permohonan', 'Verifikator Permohonan', 'ra_officer', institutionId));
    browser = await launchChromium();
  });

  /** A staff account of `institution`, signed in once (its authenticator set up). */
  let staffSeq = 0;
  const staff = async (
    prefix: string,
    name: string,
    role: 'ra_officer' | 'institution_admin',
    institution: string,
  ) => {
    const account = await createTestAccount(server.rt, {
      prefix,
      n: ++staffSeq,
      name,
      roles: [role],
      institutionId: institution,
      password: PASSWORD,
    });
    const secret = await firstSignIn(
      new ApiClient(server.web.app, `10.31.0.${staffSeq}`),
      account.username,
      PASSWORD,
      nextCode,
    );
    return { account, secret };
  };

  let subscriberSeq = 0;
  const subscriber = async () => {
    const person = syntheticPerson();
    const email = `pemohon${++subscriberSeq}.${crypto.randomBytes(3).toString('hex')}@${DOMAIN}`;
    const { account } = await createVerifiedSubscriber(server.rt, {
      institutionId,
      email,
      fullName: person.fullName,
      password: PASSWORD,
      person,
    });
    const secret = await firstSignIn(
      new ApiClient(server.web.app, `10.32.0.${subscriberSeq}`),
      account.username,
      PASSWORD,
      nextCode,
    );
    return { account, secret };
  };

  const signedIn = async (account: AccountRow, secret: string, width: number) => {
    const { page } = await openPage(browser, pageErrors, { viewport: { width, height: 800 } });
    await page.goto(`${base}/masuk`);
    await page.getByLabel('Username atau Email').fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading(page, 'Profil').waitFor();
    return page;
  };
  const noSideways = async (page: Page, what: string) => {
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `${what}: no sideways scrolling (${overflow} px)`);
  };
  const menu = async (page: Page, link: string) => {
    const toggle = page.getByRole('button', { name: 'Menu', exact: true });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: link }).click();
  };
  const openReview = async (page: Page, fullName: string) => {
    await menu(page, 'Permohonan Sertifikat');
    await heading(page, 'Permohonan Sertifikat').waitFor();
    await page.getByRole('link', { name: fullName, exact: true }).click();
    await heading(page, 'Tinjau Ulang Permohonan').waitFor();
  };
  const decision = (page: Page) =>
    page.locator('section').filter({ has: page.getByRole('heading', { name: 'Keputusan' }) });

  /** Permohonan Baru → eSign → Enroll, with the PDF; returns the planned subject shown. */
  const requestEsign = async (page: Page, labels = { enroll: 'Enroll', file: 'Dokumen Pendukung (PDF)' }) => {
    await page
      .getByRole('listitem')
      .filter({ hasText: 'eSign' })
      .getByRole('button', { name: labels.enroll })
      .click();
    await page
      .getByLabel(labels.file)
      .setInputFiles({ name: 'surat-rekomendasi.pdf', mimeType: 'application/pdf', buffer: pdf });
    return (await page.getByTestId('planned-subject').innerText()).trim();
  };

  it('a subscriber requests eSign with a PDF, RA approves (four-eyes), the mailed link issues the certificate', async () => {
    const { account, secret } = await subscriber();
    const page = await signedIn(account, secret, 360);

    // Permohonan Baru: eSign to enroll, SSL "Segera Hadir", no eSeal for a subscriber.
    await menu(page, 'Permohonan Baru');
    await heading(page, 'Permohonan Baru').waitFor();
    const cards = page.locator('.product-card');
    await cards.filter({ hasText: 'SSL' }).waitFor();
    assert.deepEqual(await cards.locator('h2').allInnerTexts(), ['eSign', 'SSL']);
    await cards.filter({ hasText: 'SSL' }).getByText('Segera Hadir').waitFor();
    assert.equal(await cards.filter({ hasText: 'SSL' }).getByRole('button').count(), 0);
    await noSideways(page, 'Permohonan Baru');
    await page.screenshot({ path: path.join(screenshots, 'certificate-products-360.png'), fullPage: true });
    await cards.filter({ hasText: 'eSign' }).getByRole('button', { name: 'Enroll' }).click();
    await page.getByRole('heading', { name: 'Unggah Dokumen Pendukung' }).waitFor();
    const max = server.rt.config.certificates.supportingDocumentMaxBytes;
    await page
      .getByText(`paling besar ${max / 1024 / 1024} MiB`)
      .first()
      .waitFor();
    await page.getByText('Jenis Sertifikat Elektronik: Individu').waitFor();

    // The exact subject before submitting: the verified name without titles, the institution.
    const subject = (await page.getByTestId('planned-subject').innerText()).trim();
    assert.match(subject, new RegExp(`^CN=${account.fullName}, `));
    assert.match(subject, /O=Badan Uji Permohonan/);

    // Checked here at once: not a PDF, too large; the server judges what looks like one.
    const file = page.getByLabel('Dokumen Pendukung (PDF)');
    await file.setInputFiles({
      name: 'foto.png',
      mimeType: 'image/png',
      buffer: Buffer.from('\x89PNG\r\n\x1a\n'),
    });
    await page.getByRole('alert').filter({ hasText: 'Berkas ini bukan PDF' }).waitFor();
    await file.setInputFiles({
      name: 'besar.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(max + 1, 0x25),
    });
    await page.getByRole('alert').filter({ hasText: 'Berkas terlalu besar' }).waitFor();
    await file.setInputFiles({
      name: 'terpotong.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n', 'latin1'),
    });
    await page.getByRole('button', { name: 'Submit' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Dokumen ditolak: berkas harus berupa PDF yang utuh' })
      .waitFor();
    const none = await server.rt.db
      .select()
      .from(certificateRequests)
      .where(eq(certificateRequests.accountId, account.id));
    assert.equal(none.length, 0, 'a refused document stores nothing');

    await file.setInputFiles({ name: 'surat-rekomendasi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('Berkas: surat-rekomendasi.pdf').waitFor();
    await noSideways(page, 'Unggah Dokumen Pendukung');
    await page.screenshot({ path: path.join(screenshots, 'certificate-enroll-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Permohonan terkirim').waitFor();
    await page.getByRole('link', { name: 'Lihat Status Permohonan' }).click();
    await heading(page, 'Status Permohonan').waitFor();
    const row = page.getByRole('row', { name: /eSign Individu/ });
    await row.getByText('Menunggu Verifikasi').waitFor();
    await row.getByText('Belum').waitFor();
    await noSideways(page, 'Status Permohonan');

    // RA officer 1: the queue, Tinjau Ulang with the PDF beside the profile, the first approval.
    const first = await signedIn(officers[0]!.account, officers[0]!.secret, 1280);
    await openReview(first, account.fullName);
    await first.getByText(subject, { exact: true }).waitFor();
    const frame = first.locator('iframe.document-frame');
    const src = await frame.getAttribute('src');
    assert.ok(src, 'the document is framed');
    const served = await first.request.get(new URL(src, base).toString());
    assert.equal(served.status(), 200);
    assert.equal(served.headers()['content-type'], 'application/pdf');
    assert.deepEqual(Buffer.from(await served.body()), pdf, 'the RA sees the bytes the subscriber sent');
    const frameBox = (await frame.boundingBox())!;
    const profileBox = (await first.getByRole('heading', { name: 'Informasi pemohon' }).boundingBox())!;
    assert.ok(frameBox.x > profileBox.x + profileBox.width, 'the document is beside the profile');
    await decision(first).getByText('empat mata').waitFor();
    await first.screenshot({
      path: path.join(screenshots, 'certificate-request-review.png'),
      fullPage: true,
    });
    await decision(first).getByRole('button', { name: 'Setujui' }).click();
    await decision(first).getByRole('button', { name: 'Ya, setujui' }).click();
    await decision(first)
      .getByText('Persetujuan pertama tercatat: petugas RA lain harus mengonfirmasi.')
      .waitFor();
    await decision(first).getByText('Persetujuan pertama adalah milik anda').waitFor();
    assert.equal(
      await decision(first).getByRole('button', { name: 'Setujui' }).count(),
      0,
      'not twice by one',
    );

    // RA officer 2 confirms; the Set Passphrase mail goes out.
    const mailsBefore = smtp.received.length;
    const second = await signedIn(officers[1]!.account, officers[1]!.secret, 1280);
    await openReview(second, account.fullName);
    await decision(second).getByText('menunggu konfirmasi petugas RA lain').waitFor();
    await decision(second).getByRole('button', { name: 'Setujui' }).click();
    await decision(second).getByRole('button', { name: 'Ya, setujui' }).click();
    await decision(second).getByText('Permohonan disetujui').waitFor();
    const mail = await waitForMail(smtp, account.email, /^\[BSrE\] Set Passphrase/, { since: mailsBefore });
    const link = linkInMail(mail, base, '/passphrase');
    await waitForMail(smtp, account.email, /^\[BSrE\] Permohonan Penerbitan Berhasil/, {
      since: mailsBefore,
    });
    await page.reload();
    await page
      .getByRole('row', { name: /eSign Individu/ })
      .getByText('Menunggu Passphrase')
      .waitFor();

    // Membuat Passphrase, from the link in a browser without a session (a phone, 360 px).
    const { page: phone } = await openPage(browser, pageErrors, { viewport: { width: 360, height: 800 } });
    await phone.goto(link);
    await heading(phone, 'Membuat Passphrase').waitFor();
    assert.equal(new URL(phone.url()).hash, '', 'the token leaves the address bar');
    // The rule is on screen before anything is typed.
    await phone.getByText('Passphrase minimal 8 karakter dan harus mengandung').waitFor();
    await phone.getByText(`Subjek: ${subject}`).waitFor();
    await phone.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await phone.getByLabel('Konfirmasi Passphrase').fill(`${PASSPHRASE}x`);
    await phone.getByRole('button', { name: 'Kirim' }).click();
    await phone.getByRole('alert').filter({ hasText: 'Konfirmasi Passphrase tidak sama' }).waitFor();
    await phone.getByLabel('Konfirmasi Passphrase').fill(PASSPHRASE);
    await phone.getByRole('button', { name: 'Kirim' }).click();
    await phone.getByRole('alert').filter({ hasText: 'setujui Perjanjian Pemilik' }).waitFor();
    await phone.getByText('Persetujuan Perjanjian Pemilik Sertifikat Elektronik').click();
    const agreement = phone.getByRole('document', { name: 'Perjanjian Pemilik Sertifikat Elektronik' });
    await agreement.getByText(/Versi \d/).waitFor();
    assert.ok((await agreement.innerText()).length > 1000, 'the full agreement is shown');
    await phone.getByRole('button', { name: 'Setuju', exact: true }).click();
    assert.ok(
      await phone.getByLabel('Saya telah menyetujui Perjanjian Pemilik Sertifikat Elektronik').isChecked(),
    );
    // The server is the judge of the rule too.
    await phone.getByLabel('Passphrase', { exact: true }).fill('lemahsekali');
    await phone.getByLabel('Konfirmasi Passphrase').fill('lemahsekali');
    await phone.getByRole('button', { name: 'Kirim' }).click();
    await phone.getByRole('alert').filter({ hasText: 'satu huruf besar' }).waitFor();
    await phone.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await phone.getByLabel('Konfirmasi Passphrase').fill(PASSPHRASE);
    await noSideways(phone, 'Membuat Passphrase');
    await phone.screenshot({ path: path.join(screenshots, 'passphrase-360.png'), fullPage: true });
    await phone.getByRole('button', { name: 'Kirim' }).click();
    await heading(phone, 'Berhasil').waitFor({ timeout: 30_000 });
    const done = await phone.getByRole('status').filter({ hasText: 'nomor seri' }).innerText();
    const serial = /nomor seri ([0-9a-f]+)/.exec(done)?.[1];
    assert.ok(serial, done);
    await noSideways(phone, 'Berhasil');

    // OpenSSL judges the issued certificate.
    const [cert] = await server.rt.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.serial, serial), eq(certificates.status, 'issued')));
    assert.ok(cert?.der, 'the certificate is stored');
    const certFile = path.join(dir, 'issued.der');
    fs.writeFileSync(certFile, cert.der);
    const pemFile = path.join(dir, 'issued.pem');
    openssl(['x509', '-inform', 'DER', '-in', certFile, '-out', pemFile]);
    const verified = openssl([
      'verify',
      '-x509_strict',
      '-CAfile',
      path.join(dir, 'root.pem'),
      '-untrusted',
      path.join(dir, 'individual.pem'),
      pemFile,
    ]);
    assert.match(verified, /issued\.pem: OK/);
    assert.match(openssl(['x509', '-in', pemFile, '-noout', '-subject']), new RegExp(account.fullName));
    await waitForMail(smtp, account.email, /^\[BSrE\] Sertifikat Elektronik Terbit/, { since: mailsBefore });

    // Status Permohonan says it is issued; the link is spent.
    await page.reload();
    await page
      .getByRole('row', { name: /eSign Individu/ })
      .getByText('Terbit')
      .waitFor();
    const { page: again } = await openPage(browser, pageErrors, { viewport: { width: 360, height: 800 } });
    await again.goto(link);
    await again.getByRole('alert').filter({ hasText: 'Tautan ini sudah digunakan' }).waitFor();
    assert.deepEqual(pageErrors, []);
  });

  it('a rejection with its reason reaches the user, in English at 360 px', async () => {
    const { account, secret } = await subscriber();
    const page = await signedIn(account, secret, 360);
    await page.evaluate(() => localStorage.setItem('teken.lang', 'en'));
    await page.goto(`${base}/sertifikat/permohonan-baru`);
    await heading(page, 'New request').waitFor();
    await page.locator('.product-card').filter({ hasText: 'SSL' }).getByText('Coming soon').waitFor();
    await requestEsign(page, { enroll: 'Enroll', file: 'Supporting document (PDF)' });
    await page.getByRole('heading', { name: 'Upload supporting document' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Request sent').waitFor();
    await noSideways(page, 'New request (en)');

    const reason = 'Surat Rekomendasi belum ditandatangani pimpinan unit.';
    const mailsBefore = smtp.received.length;
    const ra = await signedIn(officers[0]!.account, officers[0]!.secret, 1280);
    await openReview(ra, account.fullName);
    await decision(ra).getByRole('button', { name: 'Tolak' }).click();
    await decision(ra).getByLabel('Alasan penolakan').fill(reason);
    await decision(ra).getByRole('button', { name: 'Tolak permohonan' }).click();
    await decision(ra)
      .getByText('Permohonan ditolak')
      .waitFor()
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)}\n${await decision(ra).innerText()}`);
      });
    await decision(ra).getByText(reason).waitFor();

    await page.goto(`${base}/sertifikat/permohonan`);
    await heading(page, 'Request status').waitFor();
    const row = page.getByRole('row', { name: /eSign Individual/ });
    await row.getByText('REJECTED').waitFor();
    await row.getByText(`Reason: ${reason}`).waitFor();
    await noSideways(page, 'Request status (en)');
    await page.screenshot({
      path: path.join(screenshots, 'certificate-requests-en-360.png'),
      fullPage: true,
    });
    const refusal = await waitForMail(smtp, account.email, /^\[BSrE\] Permohonan Penerbitan Ditolak/, {
      since: mailsBefore,
    });
    assert.ok(refusal.text?.includes(reason), 'the mail carries the reason');

    // A link that is not one says so, in English too.
    const { page: phone } = await openPage(browser, pageErrors, { viewport: { width: 360, height: 800 } });
    await phone.goto(`${base}/masuk`);
    await phone.evaluate(() => localStorage.setItem('teken.lang', 'en'));
    await phone.goto(`${base}/passphrase#${crypto.randomBytes(32).toString('base64url')}`);
    await heading(phone, 'Create passphrase').waitFor();
    await phone.getByRole('alert').filter({ hasText: 'This link is not valid' }).waitFor();
    await noSideways(phone, 'Create passphrase (en)');
    assert.deepEqual(pageErrors, []);
  });

  it('an institution admin requests the institution’s eSeal without a document, once', async () => {
    const { account: admin, secret } = await staff(
      'admin-permohonan',
      'Admin Instansi',
      'institution_admin',
      institutionId,
    );
    const page = await signedIn(admin, secret, 360);
    await menu(page, 'Permohonan Baru');
    const cards = page.locator('.product-card');
    await cards.filter({ hasText: 'SSL' }).waitFor();
    assert.deepEqual(await cards.locator('h2').allInnerTexts(), ['eSign', 'eSeal', 'SSL']);
    // No verified registration of their own: eSign says why instead of offering Enroll.
    await cards.filter({ hasText: 'eSign' }).getByText('Registrasi anda belum diverifikasi RA').waitFor();
    assert.equal(await cards.filter({ hasText: 'eSign' }).getByRole('button').count(), 0);
    await cards.filter({ hasText: 'eSeal' }).getByRole('button', { name: 'Enroll' }).click();
    await page.getByText('Opsional untuk eSeal.').waitFor();
    assert.match((await page.getByTestId('planned-subject').innerText()).trim(), /^CN=Badan Uji Permohonan/);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Permohonan terkirim').waitFor();
    await page.getByRole('link', { name: 'Lihat Status Permohonan' }).click();
    await page
      .getByRole('row', { name: /eSeal Instansi/ })
      .getByText('Menunggu Verifikasi')
      .waitFor();
    // A second while the first is open is refused, and says where to look.
    await page.goto(`${base}/sertifikat/permohonan-baru`);
    await page
      .locator('.product-card')
      .filter({ hasText: 'eSeal' })
      .getByRole('button', { name: 'Enroll' })
      .click();
    await page.getByTestId('planned-subject').waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').filter({ hasText: 'Masih ada permohonan produk ini' }).waitFor();
    const open = await server.rt.db
      .select()
      .from(certificateRequests)
      .where(eq(certificateRequests.accountId, admin.id));
    assert.equal(open.length, 1);
    await noSideways(page, 'eSeal');
    assert.deepEqual(pageErrors, []);
  });

  it('the RA queue searches by NIK and CN, filters by status and date, and pages (360 px)', async () => {
    const searchDomain = 'cari-antrean.go.id';
    const searchInstitution = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Dinas Cari Antrean', emailDomains: [searchDomain], policy: { fourEyes: false } },
      )
    ).id;
    const { account: officer, secret: officerSecret } = await staff(
      'ra-cari',
      'Verifikator Cari',
      'ra_officer',
      searchInstitution,
    );
    const ctx = certificatesContextOf(server.rt);
    const holders = [];
    for (const [i, day] of ['2026-01-10', '2026-02-10', '2026-03-10'].entries()) {
      const person = syntheticPerson();
      const { account } = await createVerifiedSubscriber(server.rt, {
        institutionId: searchInstitution,
        email: `dicari${i}.${crypto.randomBytes(3).toString('hex')}@${searchDomain}`,
        fullName: person.fullName,
        password: PASSWORD,
        person,
      });
      const { id } = await requestCertificate(ctx, account, {
        product: 'esign',
        document: { name: 'surat.pdf', bytes: pdf },
      });
      await server.rt.db
        .update(certificateRequests)
        .set({ submittedAt: new Date(`${day}T09:00:00+07:00`) })
        .where(eq(certificateRequests.id, id));
      holders.push({ account, person, id });
    }
    const [h0, h1, h2] = holders as [(typeof holders)[0], (typeof holders)[0], (typeof holders)[0]];
    // Enough earlier, cancelled requests of the first holder for a second page of "Semua status".
    const [first] = await server.rt.db
      .select()
      .from(certificateRequests)
      .where(eq(certificateRequests.id, h0.id));
    await server.rt.db.insert(certificateRequests).values(
      Array.from({ length: 26 }, (_, i) => ({
        id: crypto.randomUUID(),
        accountId: h0.account.id,
        institutionId: searchInstitution,
        product: 'esign' as const,
        status: 'cancelled' as const,
        subject: first!.subject,
        submittedAt: new Date(Date.UTC(2025, 11, 1, 0, i)),
      })),
    );

    const page = await signedIn(officer, officerSecret, 360);
    await menu(page, 'Permohonan Sertifikat');
    await heading(page, 'Permohonan Sertifikat').waitFor();
    const rows = page.locator('table tbody tr');
    const names = async () => (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
    const count = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
    /** The names listed once the page shows `expected` (a search answers after the click). */
    const listed = async (expected: string[]) => {
      for (let tries = 0; tries < 50 && JSON.stringify(await names()) !== JSON.stringify(expected); tries++)
        await page.waitForTimeout(100);
      assert.deepEqual(await names(), expected);
    };
    await count('3 permohonan');
    assert.deepEqual(
      await names(),
      [h0, h1, h2].map((h) => h.account.fullName),
    );
    const search = page.getByLabel('Cari permohonan');
    const submit = () => page.getByRole('button', { name: 'Cari', exact: true }).click();
    // A whole NIK as printed, in groups.
    const nik = h1.person.nik;
    await search.fill(`${nik.slice(0, 6)} ${nik.slice(6, 12)} ${nik.slice(12)}`);
    await submit();
    await count('1 permohonan');
    await listed([h1.account.fullName]);
    // Part of the CN (the name the request carries), in lower case.
    await search.fill(h2.account.fullName.toLowerCase());
    await submit();
    await count('1 permohonan');
    await listed([h2.account.fullName]);
    await search.fill('');
    await page.getByLabel('Dikirim sejak').fill('2026-02-01');
    await submit();
    await count('2 permohonan');
    await listed([h1.account.fullName, h2.account.fullName]);
    await page.getByLabel('Dikirim sebelum').fill('2026-02-10');
    await submit();
    await count('1 permohonan');
    await listed([h1.account.fullName]);
    await page.getByLabel('Dikirim sejak').fill('');
    await page.getByLabel('Dikirim sebelum').fill('');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Semua status' });
    await count('29 permohonan');
    assert.equal(await rows.count(), 25);
    await page.getByRole('table').getByText('Dibatalkan').first().waitFor();
    const previous = page.getByRole('button', { name: 'Sebelumnya' });
    assert.equal(await previous.isDisabled(), true);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await rows.nth(3).waitFor();
    await rows.nth(4).waitFor({ state: 'detached' });
    assert.deepEqual(
      (await names()).slice(1),
      [h0, h1, h2].map((h) => h.account.fullName),
    );
    assert.equal(await page.getByRole('button', { name: 'Berikutnya' }).isDisabled(), true);
    await previous.click();
    await rows.nth(24).waitFor();
    await noSideways(page, 'Permohonan Sertifikat (cari)');
    await page.screenshot({
      path: path.join(screenshots, 'ra-certificate-requests-search-360.png'),
      fullPage: true,
    });
    assert.deepEqual(pageErrors, []);
  });
});
