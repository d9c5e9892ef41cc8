/**
 * The registration wizard of seed 002 in a real browser: Debian's Chromium with a fake camera
 * (`--use-fake-device-for-media-stream --use-fake-ui-for-media-stream`) against a listening
 * `teken serve`, the "[BSrE] Aktivasi Akun" e-mail caught by a real SMTP server and its link
 * followed as a person would. Synthetic identities only (test/helpers/synthetic-identity.ts).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { accounts, actionTokens, registrations } from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { openPersonal, openPersonalText } from '../../src/enrollment/personal-data.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { heading, launchChromium, openPage, screenshots } from '../helpers/browser.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { startTestServer } from '../helpers/test-server.js';
import { inviteByMail, waitForCamera, wizardPerson } from '../helpers/wizard.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const INSTITUTION = 'Universitas Uji Coba';
const DOMAIN = 'uji-coba.ac.id';

interface PageGlobals {
  document: { documentElement: { scrollWidth: number } };
  innerWidth: number;
  sessionStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
  location: { href: string };
}

describe('registration wizard (Chromium, fake camera)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let institutionId: string;
  const pageErrors: string[] = [];

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
    });
    const institution = await createInstitution(
      server.rt.db,
      { operator: 'test' },
      { name: INSTITUTION, emailDomains: [DOMAIN], province: 'JAWA TIMUR' },
    );
    institutionId = institution.id;
    browser = await launchChromium({ fakeCamera: true });
  });

  const invite = (email: string, fullName: string) =>
    inviteByMail(server, smtp, base, { institutionId, email, fullName });
  const newPage = () => openPage(browser, pageErrors);
  const person = (gender?: 'male' | 'female') => wizardPerson(DOMAIN, gender);

  const fillDataDiri = async (page: Page, p: ReturnType<typeof person>) => {
    await page.getByLabel('Nama Lengkap').fill(p.fullName);
    await page.getByLabel('NIK').fill(p.nik);
    await page.getByLabel('Gelar Depan').fill('Dr.');
    await page.getByLabel('Gelar Belakang').fill('S.Kom.');
    await page.getByLabel('Nomor Telepon').fill(p.phone);
  };

  it('walks the whole wizard with the fake camera, submits and shows "Aktivasi berhasil"', async () => {
    const p = person('female');
    const { link, accountId } = await invite(p.email, p.fullName);
    const { page } = await newPage();
    await page.goto(link);

    // 1 Data Diri: the token left the address bar; the e-mail is given and read-only.
    await heading(page, 'Data Diri').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    const steps = (await page.locator('.wizard-steps').innerText()).replace(/\s+/g, ' ');
    assert.match(steps, /1 Data Diri.*2 Data Kedinasan.*3 Foto Diri/);
    assert.equal(
      await page
        .locator('[aria-current="step"]')
        .innerText()
        .then((s) => s.replace(/\s+/g, ' ')),
      '1 Data Diri',
    );
    await page.getByText('Mohon lengkapi data diri anda, sesuai dengan yang tertera pada KTP.').waitFor();
    await page.getByText('Masukkan 10–15 digit angka. Contoh: 08123456789').waitFor();
    const email = page.getByLabel('Email');
    assert.equal(await email.inputValue(), p.email);
    assert.equal(await email.getAttribute('readonly'), '');
    assert.equal(
      await page.getByLabel('Nama Lengkap').inputValue(),
      p.fullName,
      'the invited name is filled in',
    );

    // A NIK with month 13 is refused by the server, at the NIK field.
    await fillDataDiri(page, p);
    await page.getByLabel('NIK').fill(`${p.nik.slice(0, 8)}13${p.nik.slice(10)}`);
    await page.getByRole('button', { name: 'Next' }).click();
    const nik = page.getByLabel('NIK');
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    assert.equal(await nik.getAttribute('aria-invalid'), 'true', 'the refusal is shown at the NIK field');
    const nikError = await page
      .locator(`#${(await nik.getAttribute('id'))!.replace(/:/g, '\\:')}-error`)
      .innerText();
    assert.ok(nikError.length > 0, 'the NIK field says what is wrong');
    await heading(page, 'Data Diri').waitFor();

    await nik.fill(p.nik);
    await page.getByRole('button', { name: 'Next' }).click();

    // 2 Data Kedinasan: ASN with NIP; no registry configured, so the check is of the format only.
    await heading(page, 'Data Kedinasan').waitFor();
    await page.getByText(INSTITUTION, { exact: true }).waitFor();
    await page.getByText('Silahkan pilih status kepegawaian anda!').waitFor();
    await page.getByRole('radio', { name: /ASN dan Penyidik POLRI/ }).check();
    await page.getByLabel('NIP / NRP').fill(p.nip);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Klik "Cek NIP / NRP" terlebih dahulu.').waitFor();
    await page.getByRole('button', { name: 'Cek NIP / NRP' }).click();
    await page.getByText(/Format NIP \/ NRP benar|NIP \/ NRP ditemukan|tidak ditemukan/).waitFor();
    const unit = page.getByLabel('Unit Organisasi');
    if ((await unit.inputValue()) === '') await unit.fill('Direktorat Teknologi Informasi');
    const jabatan = page.getByLabel('Jabatan');
    if ((await jabatan.inputValue()) === '') await jabatan.fill('Tendik');
    const province = page.getByLabel(/^Provinsi\s*\*?$/);
    if ((await province.inputValue()) === '') await province.selectOption('JAWA TIMUR');
    await page.getByRole('button', { name: 'Next' }).click();

    // 3 Foto Diri: the guidance, the camera with the oval, a retake, Simpan.
    await heading(page, 'Ambil Foto Diri').waitFor();
    await page.getByRole('button', { name: 'Cara pengambilan foto' }).click();
    const guidance = page.getByRole('dialog', { name: 'Cara pengambilan foto' });
    await guidance.getByText('Pastikan menghadap ke kamera dan wajah di dalam lingkaran.').waitFor();
    await guidance.getByRole('button', { name: 'Tutup' }).click();
    await guidance.waitFor({ state: 'hidden' });

    // Submit before the photo and the consents: both are asked for.
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Ambil foto diri terlebih dahulu.').waitFor();
    await page.getByText('Beri centang pada ketiga persetujuan untuk melanjutkan.').waitFor();

    await page.getByRole('button', { name: 'Ambil foto' }).click();
    const camera = page.getByRole('dialog', { name: 'Ambil foto' });
    await camera.locator('.camera-oval').waitFor({ state: 'attached' });
    const take = camera.getByRole('button', { name: 'Ambil foto' });
    await waitForCamera(page);
    await take.click();
    await camera.getByRole('img', { name: 'Foto yang diambil' }).waitFor();
    await camera.getByRole('button', { name: 'Ambil ulang foto' }).click();
    await take.waitFor();
    await waitForCamera(page);
    await take.click();
    await camera.getByRole('button', { name: 'Simpan' }).click();
    await camera.waitFor({ state: 'hidden' });
    await page.getByText('Foto diri tersimpan.').first().waitFor();

    // The optional KTP scan: a real PNG (a screenshot of the page).
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: png });
    await page.getByText('Scan KTP tersimpan.').first().waitFor();

    // The three consents, each readable in full, each ticked.
    for (const title of [
      'Kebijakan Privasi',
      'Perjanjian Pemilik Sertifikat Elektronik',
      'Persetujuan Pemrosesan Data Pribadi',
    ]) {
      const consent = page.locator('.consent').filter({
        has: page.locator('summary', { hasText: new RegExp(`^Baca ${title}$`, 'i') }),
      });
      await consent.locator('summary').click();
      const text = consent.locator('.consent-text');
      await text.getByText(/Versi/).waitFor();
      assert.ok((await text.innerText()).length > 200, `${title}: its full text is shown`);
      await consent.getByRole('checkbox').check();
    }
    await page.screenshot({ path: path.join(screenshots, 'wizard-foto-diri.png'), fullPage: true });
    await page.getByRole('button', { name: 'Submit' }).click();

    await heading(page, 'Aktivasi berhasil').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'wizard-done.png'), fullPage: true });
    const stored = await page.evaluate(() => {
      const s = (globalThis as unknown as PageGlobals).sessionStorage;
      return Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i)!));
    });
    assert.deepEqual(stored, [], 'the token is forgotten after submit');

    // In the database: submitted, with the selfie sealed (an image once opened, not in clear).
    const [row] = await server.rt.db
      .select()
      .from(registrations)
      .where(eq(registrations.accountId, accountId));
    assert.ok(row);
    assert.equal(row.status, 'submitted');
    assert.ok(row.submittedAt);
    assert.ok(row.selfieSealed, 'a selfie is stored');
    const sealed = Buffer.from(row.selfieSealed);
    assert.notEqual(sealed.subarray(0, 3).toString('hex'), 'ffd8ff', 'the selfie is not stored in clear');
    const selfie = openPersonal(server.rt.masterKey, 'registrations.selfie', accountId, sealed);
    assert.ok(
      selfie.subarray(0, 3).toString('hex') === 'ffd8ff' || selfie.subarray(1, 4).toString() === 'PNG',
      'the sealed selfie opens to a JPEG or PNG',
    );
    assert.ok(row.ktpSealed, 'the KTP scan is stored');
    assert.equal(openPersonalText(server.rt.masterKey, 'registrations.nik', accountId, row.nikSealed), p.nik);
    assert.equal(row.employeeType, 'asn');
    assert.equal(row.gelarDepan, 'Dr.');
    assert.deepEqual(
      row.consents.map((c) => c.document).sort(),
      [...new Set(row.consents.map((c) => c.document))].sort(),
    );
    assert.equal(row.consents.length, 3, 'three consents recorded');

    // The same link again: the registration is already submitted.
    await page.goto(link);
    await heading(page, 'Pendaftaran sudah dikirim').waitFor();
  });

  it('keeps the progress: the same link resumes at the saved step with the saved values', async () => {
    const p = person('male');
    const { link } = await invite(p.email, p.fullName);
    const first = await newPage();
    await first.page.goto(link);
    await heading(first.page, 'Data Diri').waitFor();
    await fillDataDiri(first.page, p);
    await first.page.getByRole('button', { name: 'Next' }).click();
    await heading(first.page, 'Data Kedinasan').waitFor();
    // A reload of the tab keeps going (the token is in sessionStorage, not in the URL).
    await first.page.reload();
    await heading(first.page, 'Data Kedinasan').waitFor();
    await first.page.getByRole('radio', { name: /Lainnya/ }).check();
    await first.page.getByLabel('Unit Organisasi').fill(INSTITUTION);
    await first.page.getByLabel('Jabatan').fill('Tendik');
    await first.page.getByLabel('Provinsi Non ASN').selectOption('JAWA TIMUR');
    await first.page.getByRole('button', { name: 'Next' }).click();
    await heading(first.page, 'Ambil Foto Diri').waitFor();
    await first.context.close();

    // Another browser, the same e-mailed link.
    const { page } = await newPage();
    await page.goto(link);
    await heading(page, 'Ambil Foto Diri').waitFor();
    assert.match(await page.locator('[aria-current="step"]').innerText(), /3\s*Foto Diri/);
    await page.getByRole('button', { name: 'Previous' }).click();
    await heading(page, 'Data Kedinasan').waitFor();
    assert.ok(await page.getByRole('radio', { name: /Lainnya/ }).isChecked());
    assert.equal(await page.getByLabel('Unit Organisasi').inputValue(), INSTITUTION);
    assert.equal(await page.getByLabel('Jabatan').inputValue(), 'Tendik');
    assert.equal(await page.getByLabel('Provinsi Non ASN').inputValue(), 'JAWA TIMUR');
    await page.getByRole('button', { name: 'Previous' }).click();
    await heading(page, 'Data Diri').waitFor();
    assert.equal(await page.getByLabel('Nama Lengkap').inputValue(), p.fullName);
    assert.equal(await page.getByLabel('NIK').inputValue(), p.nik);
    assert.equal(await page.getByLabel('Gelar Depan').inputValue(), 'Dr.');
    assert.equal(await page.getByLabel('Gelar Belakang').inputValue(), 'S.Kom.');
    assert.equal(
      (await page.getByLabel('Nomor Telepon').inputValue()).replace(/\D/g, '').slice(-9),
      p.phone.slice(-9),
    );
  });

  it('says so for a replaced, an expired and an unknown link', async () => {
    const p = person();
    const old = await invite(p.email, p.fullName);
    const fresh = await invite(p.email, p.fullName);
    assert.notEqual(old.link, fresh.link);
    const { page } = await newPage();
    await page.goto(old.link);
    await heading(page, 'Tautan sudah diganti').waitFor();
    await page
      .getByText('Gunakan tautan pada email Aktivasi Akun yang paling baru.', { exact: false })
      .waitFor();

    await page.goto(fresh.link);
    await heading(page, 'Data Diri').waitFor();
    await server.rt.db
      .update(actionTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(and(eq(actionTokens.accountId, fresh.accountId), eq(actionTokens.action, 'ACTIVATE_ACCOUNT')));
    await page.reload();
    await heading(page, 'Tautan kedaluwarsa').waitFor();

    await page.goto(`${base}/aktivasi#${'A'.repeat(43)}`);
    await heading(page, 'Aktivasi Akun').waitFor();
    await page.getByText('Tautan aktivasi tidak valid.', { exact: false }).waitFor();
    const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.id, fresh.accountId));
    assert.equal(account?.status, 'pending', 'nothing was activated');
  });

  it('raised no script errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
