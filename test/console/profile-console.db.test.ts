/**
 * Pengaturan → Profil and RA → Perubahan Data in a real browser (Chromium), mail through a real
 * SMTP server: a subscriber asks to change their Jabatan and e-mail address ("Cek ketersediaan
 * email" first), confirms the new address from the mail sent to it, and an RA officer approves;
 * the subscriber then sees the outcome. And the menus of seed 003 per role.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { accounts, institutions, registrations } from '../../src/db/schema.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { launchChromium } from '../helpers/browser.js';
import { enrolAuthenticator, signedInPage } from '../helpers/console-session.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const PASSWORD = 'sungai mengalir ke laut';
const institutionId = '00000000-0000-4000-8000-00000000e0a1';

describe('Ubah Profil in the console (Chromium)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let seq = 0;
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
    await server.rt.db
      .insert(institutions)
      .values({ id: institutionId, code: 'PKON', name: 'Instansi Konsol', emailDomains: ['contoh.go.id'] });
    browser = await launchChromium();
  });

  /** Sets up the authenticator through the API (first sign-in), then signs in in the browser. */
  const enrol = (account: AccountRow) => enrolAuthenticator(server, account, PASSWORD);
  const browserFor = async (account: AccountRow, secret: string): Promise<Page> =>
    signedInPage(browser, pageErrors, base, { account, password: PASSWORD, secret });
  const staff = async (role: AccountRow['roles'][number], institution: string | null) => {
    const account = await createTestAccount(server.rt, {
      prefix: 'konsol',
      n: ++seq,
      name: 'Petugas Konsol',
      roles: [role],
      institutionId: institution,
      password: PASSWORD,
    });
    return { account, secret: await enrol(account) };
  };
  const waitForMail = async (to: string, subject: RegExp) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = smtp.received.find((m) => m.rcptTo.includes(to) && subject.test(m.mail.subject ?? ''));
      if (found) return found.mail;
      if (Date.now() > deadline) assert.fail(`no ${String(subject)} e-mail to ${to}`);
      await sleep(100);
    }
  };

  it('changes the Jabatan and the e-mail: confirmed from the new address, approved by the RA', async () => {
    const { account, person } = await createVerifiedSubscriber(server.rt, {
      institutionId,
      email: 'rina.wulandari@contoh.go.id',
      fullName: 'Rina Wulandari',
      password: PASSWORD,
    });
    const page = await browserFor(account, await enrol(account));
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: 'Profil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();
    const facts = await page.locator('dl.facts').innerText();
    assert.ok(facts.includes('Rina Wulandari'));
    assert.ok(facts.includes(`${person.nik.slice(0, 4)}**********${person.nik.slice(-2)}`), facts);
    assert.ok(!facts.includes(person.nik));

    await page.getByRole('button', { name: 'Ubah Profil' }).click();
    await page.getByLabel('E-Mail').fill('rina.w@contoh.go.id');
    await page.getByRole('button', { name: 'Cek ketersediaan email' }).click();
    await page.getByText('Email tersedia.').waitFor();
    await page.getByLabel('Jabatan').fill('Pranata Komputer');
    await page.getByRole('button', { name: 'Simpan Perubahan' }).click();
    await page.getByTestId('pending-request').waitFor();
    const pending = await page.getByTestId('pending-request').innerText();
    assert.match(pending, /Jabatan: Analis Kebijakan → Pranata Komputer/);
    assert.match(pending, /Konfirmasi alamat email baru/);

    const mail = await waitForMail('rina.w@contoh.go.id', /Konfirmasi Email$/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/konfirmasi-email#[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    assert.ok(link, mail.text);
    const mailbox = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    await mailbox.goto(link);
    await mailbox.getByText('Alamat email baru anda telah dikonfirmasi').waitFor();
    await mailbox.context().close();

    const ra = await staff('ra_officer', institutionId);
    const raPage = await browserFor(ra.account, ra.secret);
    const raNav = raPage.getByRole('navigation', { name: 'Menu utama' });
    await raNav.getByRole('link', { name: 'Perubahan Data' }).click();
    await raPage.getByRole('heading', { level: 1, name: 'Perubahan Data' }).waitFor();
    await raPage.getByText('Rina Wulandari').waitFor();
    await raPage.getByRole('button', { name: 'Tinjau' }).click();
    const review = raPage.getByTestId('change-review');
    await review.getByText('Pranata Komputer').waitFor();
    await review.getByRole('button', { name: 'Setujui' }).click();
    await raPage.getByText('Perubahan data disetujui.').waitFor();
    await raPage.getByText('Tidak ada permintaan perubahan data yang menunggu.').waitFor();

    const approved = await waitForMail('rina.w@contoh.go.id', /Persetujuan Perubahan Data$/);
    assert.ok(approved.text?.includes(`${base}/pengaturan/profil`), approved.text);
    const [after] = await server.rt.db.select().from(accounts).where(eq(accounts.id, account.id));
    assert.equal(after!.email, 'rina.w@contoh.go.id');
    const [registration] = await server.rt.db
      .select()
      .from(registrations)
      .where(eq(registrations.accountId, account.id));
    assert.equal(registration!.jabatan, 'Pranata Komputer');

    await page.reload();
    await page.getByText('Perubahan data anda telah disetujui.').waitFor();
    assert.ok((await page.locator('dl.facts').innerText()).includes('Pranata Komputer'));
  });

  it('creates an institution and an API client, whose secret is shown once', async () => {
    const ca = await staff('ca_admin', null);
    const page = await browserFor(ca.account, ca.secret);
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Instansi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Instansi' }).waitFor();
    await page.getByLabel('Nama instansi').fill('Badan Uji Konsol');
    await page.getByLabel('Domain email').fill('ujikonsol.go.id');
    await page.getByRole('button', { name: 'Buat instansi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Badan Uji Konsol' }).waitFor();
    await page.getByLabel('Panjang nama maksimal').fill('40');
    await page.getByLabel('Pendaftaran mandiri dibuka').check();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Perubahan disimpan.').waitFor();
    const [created] = await server.rt.db
      .select()
      .from(institutions)
      .where(eq(institutions.name, 'Badan Uji Konsol'));
    assert.equal(created!.nameMaxLength, 40);
    assert.equal(created!.selfRegistration, true);
    assert.deepEqual(created!.emailDomains, ['ujikonsol.go.id']);

    await page.getByRole('link', { name: 'Klien API' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klien API' }).waitFor();
    await page.getByLabel('Keterangan').fill('SIMPEG Uji');
    await page.getByRole('button', { name: 'Buat klien API' }).click();
    const once = page.getByTestId('secret-once');
    await once.waitFor();
    assert.match(await once.innerText(), /hanya ditampilkan sekali/);
    const secret = (await once.locator('code.secret').textContent()) ?? '';
    const username = (await once.locator('code').first().textContent()) ?? '';
    assert.match(username, /^tkn_[a-z2-7]{16}$/);
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    await once.getByRole('button', { name: 'Salin secret' }).waitFor();
    const whoami = await server.web.app.inject({
      method: 'GET',
      url: '/api/v2/whoami',
      headers: { authorization: `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}` },
    });
    assert.equal(whoami.statusCode, 200);

    const item = page.getByTestId(`client-${username}`);
    await item.getByLabel('Alamat IP yang diizinkan (CIDR)').fill('10.20.0.0/16');
    await item.getByLabel('Batas panggilan per menit').fill('30');
    await item.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Klien API diperbarui.').waitFor();
    await item.getByRole('button', { name: 'Nonaktifkan' }).click();
    await item.getByText('Nonaktif', { exact: true }).waitFor();
    await page.reload();
    assert.equal(await page.getByTestId('secret-once').count(), 0, 'the secret is not shown again');
    const reloaded = page.getByTestId(`client-${username}`);
    assert.equal(await reloaded.getByLabel('Batas panggilan per menit').inputValue(), '30');
    assert.equal(await reloaded.getByLabel('Alamat IP yang diizinkan (CIDR)').inputValue(), '10.20.0.0/16');
  });

  it('shows each role the menus of seed 003 it may use', async () => {
    const menus = async (page: Page) => {
      const nav = page.getByRole('navigation', { name: 'Menu utama' });
      const groups = (await nav.locator('.nav-group').allTextContents()).map((s) => s.trim());
      const links = (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
      return { groups, links };
    };
    const subscriber = await staff('subscriber', institutionId);
    const ra = await staff('ra_officer', institutionId);
    const instAdmin = await staff('institution_admin', institutionId);
    const caAdmin = await staff('ca_admin', null);
    const seen = {
      subscriber: await menus(await browserFor(subscriber.account, subscriber.secret)),
      ra: await menus(await browserFor(ra.account, ra.secret)),
      instAdmin: await menus(await browserFor(instAdmin.account, instAdmin.secret)),
      caAdmin: await menus(await browserFor(caAdmin.account, caAdmin.secret)),
    };
    const settings = ['Profil', 'Aktivitas', 'Keamanan'];
    assert.deepEqual(seen.subscriber, {
      groups: ['Sertifikat Saya', 'Pengaturan'],
      links: [
        'Dashboards',
        'Permohonan Baru',
        'Status Permohonan',
        'Daftar Sertifikat Elektronik',
        'Tanda Tangan Dokumen',
        'Verifikasi PDF',
        'Deteksi Mandiri',
        ...settings,
      ],
    });
    assert.deepEqual(seen.ra, {
      groups: ['Sertifikat Saya', 'Pengguna', 'RA', 'Admin', 'Pengaturan'],
      links: [
        'Dashboards',
        'Permohonan Baru',
        'Status Permohonan',
        'Daftar Sertifikat Elektronik',
        'Tanda Tangan Dokumen',
        'Verifikasi PDF',
        'Deteksi Mandiri',
        'Undang Pengguna',
        'Impor Pengguna',
        'Menunggu Verifikasi',
        'Permohonan Sertifikat',
        'Perubahan Data',
        'Pencabutan',
        'Pengecekan Foto Diri',
        'Akun',
        ...settings,
      ],
    });
    assert.deepEqual(seen.instAdmin, {
      groups: ['Sertifikat Saya', 'Pengguna', 'Admin', 'Pengaturan'],
      links: [
        'Dashboards',
        'Permohonan Baru',
        'Status Permohonan',
        'Daftar Sertifikat Elektronik',
        'Tanda Tangan Dokumen',
        'Verifikasi PDF',
        'Deteksi Mandiri',
        'Undang Pengguna',
        'Impor Pengguna',
        'Akun',
        'Instansi',
        ...settings,
      ],
    });
    assert.deepEqual(seen.caAdmin, {
      groups: ['Sertifikat Saya', 'Pengguna', 'RA', 'Admin', 'Pengaturan'],
      links: [
        'Dashboards',
        'Permohonan Baru',
        'Status Permohonan',
        'Daftar Sertifikat Elektronik',
        'Tanda Tangan Dokumen',
        'Verifikasi PDF',
        'Deteksi Mandiri',
        'Undang Pengguna',
        'Impor Pengguna',
        'Menunggu Verifikasi',
        'Permohonan Sertifikat',
        'Perubahan Data',
        'Pencabutan',
        'Pengecekan Foto Diri',
        'Akun',
        'Instansi',
        'Outbox',
        ...settings,
      ],
    });
  });
});
