/**
 * The web console in a real browser: Debian's Chromium driven by playwright-core against a
 * listening `teken serve`, with e-mail through a real SMTP server. Each flow is walked the way a
 * person would, and the assertions are about what the page shows.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/db/schema.js';
import { createAccount, type AccountRow } from '../../src/identity/accounts.js';
import { createAdministrator } from '../../src/identity/bootstrap-admin.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { nextCode } from '../helpers/authenticator.js';
import { onCleanup } from '../helpers/cleanup.js';
import { ApiClient } from '../helpers/api-client.js';
import { launchChromium, screenshots } from '../helpers/browser.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { startTestServer } from '../helpers/test-server.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const PASSWORD = 'kuda liar berlari kencang';
const ORGANISATION = 'Balai Sertifikasi Elektronik Uji';
/**
 * The browser globals that the functions run in the page use. This tsconfig has no DOM library,
 * so they cast `globalThis` (the cast disappears when the function is sent to the page).
 */
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
}
interface PageGlobals {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number; lang: string };
    activeElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
  };
}

const wib = /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} WIB$/u;

// No skip when Chromium is missing: CI installs it (scripts/install-system-deps.sh), and a missing
// browser must fail the run rather than hide the console's tests.
describe('web console (Chromium)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let seq = 0;
  /** The account of the first flow and its authenticator key, for the second. */
  let firstAccount: { account: AccountRow; secret: string } | undefined;

  before(async () => {
    ensureConsoleBuilt();
    smtp = await startSmtpServer();
    // The e-mailed links must point at this server, so its port is chosen before it starts.
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    server = await startTestServer({
      TEKEN_PORT: String(port),
      TEKEN_PUBLIC_URL: base,
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_LOCKOUT_FAILURES: '3',
      TEKEN_ORGANISATION_NAME: ORGANISATION,
    });
    browser = await launchChromium();
    fs.mkdirSync(screenshots, { recursive: true });
  });

  const newAccount = async (roles: Role[] = ['subscriber']) => {
    seq++;
    return server.rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(server.rt),
        tx,
        {
          username: `pengguna${seq}`,
          email: `pengguna${seq}@contoh.go.id`,
          fullName: `Pengguna Uji ${seq}`,
          roles,
          password: PASSWORD,
        },
        'test',
      ),
    );
  };
  /** An account whose authenticator was set up through the API; returns the secret. */
  const enrolledAccount = async (roles?: Role[]) => {
    const account = await newAccount(roles);
    const client = new ApiClient(server.web.app, '127.0.0.1');
    const first = await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    assert.equal(first.body.next, 'configure_totp');
    const { secret } = (await client.post<{ secret: string }>('/api/v1/auth/totp/enrollment')).body;
    const done = await client.post('/api/v1/auth/totp/confirm', {
      code: await nextCode(secret),
      deviceName: 'Ponsel',
    });
    assert.equal(done.body.next, 'done', JSON.stringify(done.body));
    assert.equal((await client.post('/api/v1/auth/sign-out')).status, 204);
    return { account, secret };
  };

  /** Uncaught script errors and CSP refusals in any page: there must be none. */
  const pageErrors: string[] = [];
  const newPage = async (options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
    context.setDefaultTimeout(10_000);
    onCleanup(() => context.close());
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
    });
    return { context, page };
  };
  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  /** The page heading, once it has the focus (pages move it there when they appear). */
  const focusedHeading = async (page: Page, name: string) => {
    await heading(page, name).waitFor();
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.activeElement?.tagName === 'H1',
    );
  };
  const alertText = async (page: Page) => (await page.getByRole('alert').first().textContent()) ?? '';

  const fillSignIn = async (page: Page, login: string, password: string) => {
    await page.getByLabel('Username atau Email').fill(login);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  };
  const signIn = async (page: Page, account: AccountRow, secret: string, password = PASSWORD) => {
    await page.goto(`${base}/masuk`);
    await fillSignIn(page, account.username, password);
    await heading(page, 'Kode OTP').waitFor();
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading(page, 'Profil').waitFor();
  };

  const waitForMail = async (to: string, subject: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = smtp.received.find(
        (m) => m.rcptTo.includes(to) && m.mail.subject === `[${ORGANISATION}] ${subject}`,
      );
      if (found) return found.mail;
      if (Date.now() > deadline) assert.fail(`no "${subject}" e-mail to ${to}`);
      await sleep(100);
    }
  };
  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as PageGlobals;
      return document.documentElement.scrollWidth <= innerWidth;
    });
  const pageLang = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang);

  it('first sign-in sets up the authenticator from the key under "Tidak bisa scan?"', async () => {
    const account = await newAccount();
    const { page, context } = await newPage();
    await page.goto(`${base}/masuk`);
    await heading(page, 'BeID').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Ingat Akun ini' }).isChecked(), false);
    await page.getByRole('link', { name: 'Lupa Password' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'sign-in.png'), fullPage: true });

    await fillSignIn(page, account.email, PASSWORD);
    await heading(page, 'Mobile Authenticator Setup').waitFor();
    await page.getByRole('img', { name: 'QR code untuk aplikasi authenticator' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'authenticator-setup.png'), fullPage: true });
    const toggle = page.getByRole('button', { name: 'Tidak bisa scan?' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    const shown = (await page.locator('#totp-secret').textContent()) ?? '';
    assert.match(shown, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'the key is shown in groups of four');
    const parameters = (await page.locator('dl.params').innerText()).replace(/\s+/g, ' ');
    for (const expected of ['SHA1', '6', '30 detik', 'Berbasis waktu'])
      assert.ok(parameters.includes(expected));
    await page.screenshot({ path: path.join(screenshots, 'authenticator-setup-key.png'), fullPage: true });

    const secret = shown.replace(/\s/g, '');
    await page.getByLabel('One-time code').fill('000000');
    await page.getByLabel('Nama Device').fill('Ponsel Budi');
    await page.getByRole('button', { name: 'Submit' }).click();
    assert.match(await alertText(page), /Kode OTP salah/);
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Submit' }).click();

    await heading(page, 'Profil').waitFor();
    await page.getByRole('heading', { name: 'Profil anda' }).waitFor();
    const profile = await page.locator('dl.facts').innerText();
    for (const expected of [account.fullName, account.email, account.username, 'Pengguna'])
      assert.ok(profile.includes(expected), expected);
    await page.getByRole('heading', { name: 'Instansi anda' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'teken_session');
    assert.equal(cookie?.expires, -1, 'without "Ingat Akun ini" the cookie ends with the browser');
    firstAccount = { account, secret };
  });

  it('signs in a second time with a code, remembering the account', async () => {
    assert.ok(firstAccount);
    const { account, secret } = firstAccount;
    const { page, context } = await newPage();
    await page.goto(`${base}/masuk`);
    await page.getByLabel('Username atau Email').fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('checkbox', { name: 'Ingat Akun ini' }).check();
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading(page, 'Kode OTP').waitFor();
    await page.getByText('Ponsel Budi').waitFor();
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading(page, 'Profil').waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'teken_session');
    assert.ok(
      cookie && cookie.expires > Date.now() / 1000 + 86_400,
      'a remembered session outlives the browser',
    );
  });

  it('"Lupa Password": e-mail, link, code, new password twice, then sign-in with it', async () => {
    const { account, secret } = await enrolledAccount();
    const { page } = await newPage();
    await page.goto(`${base}/masuk`);
    await page.getByRole('link', { name: 'Lupa Password' }).click();
    await heading(page, 'Lupa Password').waitFor();
    await page.getByLabel('Email anda').fill(account.email);
    await page.getByRole('button', { name: 'Kirim' }).click();
    await heading(page, 'BeID').waitFor();
    await page.getByText('anda akan segera menerima email').waitFor();

    const mail = await waitForMail(account.email, 'Reset Password');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/link#[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    assert.ok(link && link.startsWith(`${base}/link#`), mail.text);
    await page.goto(link);
    await heading(page, 'Kode OTP').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Lanjut' }).click();

    await heading(page, 'Update password').waitFor();
    await page.getByLabel('Password Baru').fill('password123');
    await page.getByLabel('Konfirmasi Password').fill('password123');
    await page.getByRole('button', { name: 'Submit' }).click();
    const refused = await alertText(page);
    assert.match(refused, /Password belum memenuhi aturan/);
    assert.match(refused, /bukan password yang umum dipakai/);
    await page.getByLabel('Password Baru').fill('mawar merah di taman');
    await page.getByLabel('Konfirmasi Password').fill('mawar merah di tamam');
    await page.getByRole('button', { name: 'Submit' }).click();
    assert.match(await alertText(page), /Kedua password tidak sama/);
    await page.getByLabel('Konfirmasi Password').fill('mawar merah di taman');
    await page.getByRole('button', { name: 'Submit' }).click();

    // NEW server behaviour: a link flow finishes signed in, on the dashboard, with a notice.
    await heading(page, 'Profil').waitFor();
    await page.getByText('Password diperbarui').waitFor();
    const { page: later } = await newPage();
    await signIn(later, account, secret, 'mawar merah di taman');

    // The link was single-use; a made-up one is not valid.
    const { page: other } = await newPage();
    await other.goto(link);
    await heading(other, 'Tautan').waitFor();
    assert.match(await alertText(other), /Tautan ini sudah digunakan/);
    await other.goto(`${base}/link#${'A'.repeat(43)}`);
    // Only the fragment changes, so the page stays and redeems the new token on "hashchange".
    await other.getByRole('alert').filter({ hasText: 'Tautan ini tidak valid' }).waitFor();
    await other.getByRole('link', { name: 'Minta tautan baru' }).waitFor();
  });

  it('locks the account after 3 wrong passwords, refuses the right one, and e-mails the owner', async () => {
    const account = await newAccount();
    const { page } = await newPage();
    await page.goto(`${base}/masuk`);
    await fillSignIn(page, 'tidak.ada', PASSWORD);
    const generic = await alertText(page);
    // What happens at the limit is said to everyone alike, so it tells nothing about the account.
    assert.equal(
      generic,
      'Username atau password salah. Setelah 3 kali gagal, akun dikunci selama 15 menit dan pemiliknya menerima e-mail.',
    );
    for (let i = 0; i < 3; i++) {
      await fillSignIn(page, account.username, `salah sekali ${i}`);
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
      assert.equal(await alertText(page), generic, 'the same message for a wrong password');
    }
    await fillSignIn(page, account.username, PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    assert.equal(await alertText(page), generic);
    assert.equal(await heading(page, 'BeID').count(), 1, 'still on the sign-in page');
    const mail = await waitForMail(account.email, 'Akun Dikunci Sementara');
    assert.ok(mail.text?.includes(account.fullName));
  });

  it('Keamanan: signs out another session, which then lands on the sign-in page', async () => {
    const { account, secret } = await enrolledAccount();
    const first = await newPage();
    const second = await newPage();
    await signIn(first.page, account, secret);
    await signIn(second.page, account, secret);

    const page = first.page;
    await page.getByRole('button', { name: /Menu akun/ }).click();
    await page.locator('.avatar-panel').getByText(account.email).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'avatar-menu.png') });
    await page.locator('.avatar-panel').getByRole('link', { name: 'Keamanan' }).click();
    await heading(page, 'Keamanan').waitFor();
    const sessions = page.locator('section[aria-labelledby="sessions-heading"] li.list-item');
    await sessions.nth(1).waitFor();
    assert.equal(await sessions.count(), 2);
    assert.equal(await page.getByText('sesi ini', { exact: true }).count(), 1);
    assert.match(await sessions.first().innerText(), /Terakhir aktif: .+ pukul \d{2}\.\d{2} WIB/);
    await page.getByRole('button', { name: /^Keluarkan sesi/ }).click();
    await page.getByText('Sesi tersebut telah dikeluarkan.').waitFor();
    assert.equal(await sessions.count(), 1);
    await page.screenshot({ path: path.join(screenshots, 'keamanan.png'), fullPage: true });

    await second.page.getByRole('button', { name: /Menu akun/ }).click();
    await second.page.locator('.avatar-panel').getByRole('link', { name: 'Aktivitas' }).click();
    await heading(second.page, 'BeID').waitFor();
    await second.page.getByText('Sesi anda telah berakhir').waitFor();
    assert.equal(new URL(second.page.url()).pathname, '/masuk');

    // The only authenticator stays; the API's refusal is shown.
    await page.getByRole('button', { name: 'Hapus authenticator Ponsel' }).click();
    await page.getByRole('button', { name: 'Ya, hapus' }).click();
    assert.match(await alertText(page), /satu-satunya tidak dapat dihapus/);

    // A second authenticator, chosen by name at the next sign-in; then the first can go.
    await page.getByRole('button', { name: 'Tambah authenticator' }).click();
    await page.getByRole('button', { name: 'Tidak bisa scan?' }).click();
    const tablet = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('One-time code').fill(await nextCode(tablet));
    await page.getByLabel('Nama Device').fill('Tablet');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Authenticator baru telah ditambahkan.').waitFor();
    const third = await newPage();
    await third.page.goto(`${base}/masuk`);
    await fillSignIn(third.page, account.username, PASSWORD);
    await third.page.getByRole('group', { name: 'Pilih device authenticator' }).waitFor();
    await third.page.getByRole('radio', { name: 'Tablet' }).check();
    await third.page.getByLabel('One-time code').fill(await nextCode(tablet));
    await third.page.getByRole('button', { name: 'Masuk' }).click();
    await heading(third.page, 'Profil').waitFor();
    await page.getByRole('button', { name: 'Hapus authenticator Ponsel' }).click();
    await page.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByText('Authenticator "Ponsel" telah dihapus.').waitFor();

    // A password change offers to sign out the other sessions.
    await page.getByLabel('Password Saat Ini').fill(PASSWORD);
    await page.getByLabel('Password Baru', { exact: true }).fill('gunung tinggi sekali');
    await page.getByLabel('Konfirmasi Password Baru').fill('gunung tinggi sekali');
    await page.getByRole('button', { name: 'Simpan Password' }).click();
    await page.getByText('Password anda berhasil diubah.').waitFor();
    await page.getByRole('button', { name: 'Keluar dari sesi lain' }).click();
    await page.getByText('1 sesi lain telah dikeluarkan.').waitFor();

    // Aktivitas: translated event names, times in WIB.
    await page.getByRole('button', { name: /Menu akun/ }).click();
    await page.locator('.avatar-panel').getByRole('link', { name: 'Aktivitas' }).click();
    await heading(page, 'Aktivitas').waitFor();
    const events = page.locator('ol.events > li');
    await events.first().waitFor();
    const titles = await page.locator('ol.events .item-title').allInnerTexts();
    for (const expected of ['Masuk', 'Sesi dikeluarkan', 'Password diubah', 'Authenticator ditambahkan'])
      assert.ok(titles.includes(expected), `${expected} in ${titles.join(', ')}`);
    const time = (await events.first().locator('time').textContent()) ?? '';
    assert.match(time, wib);
    await page.screenshot({ path: path.join(screenshots, 'aktivitas.png'), fullPage: true });
  });

  it('switches to English and back, remembering the choice', async () => {
    const { page } = await newPage();
    await page.goto(`${base}/masuk`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Forgot password' }).waitFor();
    await page.getByLabel('Username or e-mail').waitFor();
    assert.equal(await pageLang(page), 'en');
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Lupa Password' }).waitFor();
    assert.equal(await pageLang(page), 'id');
  });

  it('fits a 360 × 740 phone screen without horizontal scrolling', async () => {
    const { account, secret } = await enrolledAccount();
    const { page } = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/masuk`);
    await heading(page, 'BeID').waitFor();
    assert.ok(await noHorizontalScroll(page), 'sign-in page');
    await page.screenshot({ path: path.join(screenshots, 'sign-in-360.png'), fullPage: true });
    await signIn(page, account, secret);
    assert.ok(await noHorizontalScroll(page), 'dashboard');
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('link', { name: 'Dashboards' }).waitFor();
    assert.ok(await noHorizontalScroll(page), 'dashboard with the menu open');
    await page.screenshot({ path: path.join(screenshots, 'dashboard-360.png'), fullPage: true });
    await page.goto(`${base}/keamanan`);
    await heading(page, 'Keamanan').waitFor();
    await page.getByText('sesi ini').waitFor();
    assert.ok(await noHorizontalScroll(page), 'Keamanan');
  });

  it('signs in with the keyboard alone', async () => {
    const { account, secret } = await enrolledAccount();
    const { page } = await newPage();
    await page.goto(`${base}/masuk`);
    await focusedHeading(page, 'BeID');
    const focused = () =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as PageGlobals;
        const el = document.activeElement;
        const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
        return `${el?.tagName ?? ''}:${(label ?? el?.textContent ?? '').replace(/\s*\*$/, '')}`;
      });
    assert.equal(await focused(), 'H1:BeID', 'the heading has the focus');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'INPUT:Username atau Email');
    await page.keyboard.type(account.username);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'INPUT:Password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await focusedHeading(page, 'Kode OTP');
    assert.equal(await focused(), 'H1:Kode OTP');
    // The form comes with the flow (GET /api/v1/auth/flow), a moment after the heading.
    await page.getByLabel('One-time code').waitFor();
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^INPUT:One-time code/);
    await page.keyboard.type(await nextCode(secret));
    await page.keyboard.press('Enter');
    await focusedHeading(page, 'Profil');
    assert.equal(await focused(), 'H1:Profil');
  });

  it('shows CA administrators the outbox and a message', async () => {
    const { account, secret } = await enrolledAccount(['ca_admin']);
    await new ApiClient(server.web.app, '127.0.0.1').post('/api/v1/auth/forgot-password', {
      email: account.email,
    });
    const { page } = await newPage();
    await signIn(page, account, secret);
    await page.getByRole('link', { name: 'Outbox' }).click();
    await heading(page, 'Outbox').waitFor();
    await page.getByRole('link', { name: 'Reset Password' }).first().click();
    await heading(page, `[${ORGANISATION}] Reset Password`).waitFor();
    await page.getByText('Isi email tidak disimpan').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'outbox-message.png'), fullPage: true });
    assert.match(await page.locator('dl.facts').innerText(), /p\*\*\*@contoh\.go\.id/);

    // Others do not see it, nor the accounts.
    const { account: user, secret: userSecret } = await enrolledAccount();
    const { page: userPage } = await newPage();
    await signIn(userPage, user, userSecret);
    assert.equal(await userPage.getByRole('link', { name: 'Outbox' }).count(), 0);
    assert.equal(await userPage.getByRole('link', { name: 'Akun', exact: true }).count(), 0);
    await userPage.goto(`${base}/admin/outbox`);
    await userPage.getByText('Anda tidak memiliki akses ke halaman ini.').waitFor();
    await userPage.goto(`${base}/admin/akun`);
    await userPage.getByText('Anda tidak memiliki akses ke halaman ini.').waitFor();
  });

  it('shows the configured organisation name in the header, before and after sign-in', async () => {
    const { account, secret } = await enrolledAccount();
    const { page } = await newPage();
    await page.goto(`${base}/masuk`);
    await page.locator('.auth-top .brand-org').filter({ hasText: ORGANISATION }).waitFor();
    await signIn(page, account, secret);
    assert.equal(await page.locator('header.topbar .brand-org').textContent(), ORGANISATION);
    assert.equal(await page.getByText('Balai Sertifikasi Elektronik', { exact: true }).count(), 0);
  });

  it('Akun: an administrator finds a locked account, unlocks it, and sends a link that works', async () => {
    const { account: admin, secret: adminSecret } = await enrolledAccount(['ca_admin']);
    const { account: user, secret: userSecret } = await enrolledAccount();
    // Locked out by wrong passwords, as an attacker would.
    const attacker = new ApiClient(server.web.app, '10.66.0.1');
    for (let i = 0; i < 3; i++)
      await attacker.post('/api/v1/auth/sign-in', { login: user.username, password: `salah ${i} sekali` });
    assert.equal(
      (await attacker.post('/api/v1/auth/sign-in', { login: user.username, password: PASSWORD })).status,
      401,
      'locked',
    );

    const { page } = await newPage();
    await signIn(page, admin, adminSecret);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Akun' }).click();
    await focusedHeading(page, 'Akun');
    await page.getByRole('searchbox', { name: 'Cari akun' }).fill(user.username);
    await page.keyboard.press('Enter');
    await page.getByText('1 akun', { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: user.email });
    assert.match(await row.innerText(), /Terkunci\s+sampai .+ pukul \d{2}\.\d{2} WIB/);
    assert.match(await row.innerText(), /Pengguna Uji \d+/);
    await page.screenshot({ path: path.join(screenshots, 'akun.png'), fullPage: true });
    await row.getByRole('link', { name: user.username }).click();

    await focusedHeading(page, user.fullName);
    const status = page.locator('section[aria-labelledby="status-heading"]');
    await status.getByText('Penyebab: terlalu banyak password salah.').waitFor();
    assert.match(await status.innerText(), /Akun terkunci sampai .+ WIB\./);
    // With the keyboard: the confirmation takes the focus, Enter confirms.
    await status.getByRole('button', { name: 'Buka kunci' }).focus();
    await page.keyboard.press('Enter');
    await status.getByRole('group', { name: `Buka kunci akun ${user.fullName} sekarang?` }).waitFor();
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.activeElement?.textContent === 'Ya, buka kunci',
    );
    await page.keyboard.press('Enter');
    await status.getByText(`Kunci akun ${user.fullName} telah dibuka.`).waitFor();
    await status.getByText('Aktif', { exact: true }).waitFor();
    assert.equal(await status.getByRole('button', { name: 'Buka kunci' }).count(), 0);
    assert.equal(await status.getByText('Terkunci').count(), 0);
    assert.equal(
      (
        await new ApiClient(server.web.app, '10.66.0.2').post('/api/v1/auth/sign-in', {
          login: user.username,
          password: PASSWORD,
        })
      ).body.next,
      'otp',
      'the right password works again',
    );

    // "Kirim tautan": a link must be chosen, then confirmed.
    const links = page.locator('section[aria-labelledby="links-heading"]');
    await links.getByText('Tidak ada tautan aktif.').waitFor();
    await links.getByRole('button', { name: 'Kirim tautan' }).click();
    assert.equal(await alertText(page), 'Pilih dulu tautan yang akan dikirim.');
    await links.getByLabel('Pilih salah satu saja, untuk mengirim tautan ya').selectOption('UPDATE_PASSWORD');
    await links.getByRole('button', { name: 'Kirim tautan' }).click();
    await links.getByRole('group', { name: `Kirim tautan UPDATE_PASSWORD ke ${user.email}?` }).waitFor();
    await links.getByRole('button', { name: 'Batal' }).click();
    assert.equal(await links.getByText('Tidak ada tautan aktif.').count(), 1, 'cancel sends nothing');
    await links.getByRole('button', { name: 'Kirim tautan' }).click();
    await links.getByRole('button', { name: 'Ya, kirim' }).click();
    await links.getByText(`Tautan UPDATE_PASSWORD telah dikirim ke ${user.email}`).waitFor();
    await links.getByRole('list', { name: 'Tautan Aktif' }).getByText('UPDATE_PASSWORD').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'akun-detail.png'), fullPage: true });

    // Both pages fit a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    assert.ok(await noHorizontalScroll(page), 'account page at 360 px');
    await page.screenshot({ path: path.join(screenshots, 'akun-detail-360.png'), fullPage: true });
    await page.goto(`${base}/admin/akun`);
    await focusedHeading(page, 'Akun');
    await page.getByRole('link', { name: user.username }).waitFor();
    assert.ok(await noHorizontalScroll(page), 'accounts list at 360 px');

    // The e-mail arrives, from the configured organisation, and its link opens the flow.
    const mail = await waitForMail(user.email, 'Perbarui Password');
    assert.ok(mail.text?.startsWith(`${ORGANISATION}\n\nHalo ${user.fullName},`), mail.text);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/link#[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    assert.ok(link && link.startsWith(`${base}/link#`), mail.text);
    const { page: userPage } = await newPage();
    await userPage.goto(link);
    await heading(userPage, 'Kode OTP').waitFor();
    await userPage.getByLabel('One-time code').fill(await nextCode(userSecret));
    await userPage.getByRole('button', { name: 'Lanjut' }).click();
    await heading(userPage, 'Update password').waitFor();
    await userPage.getByLabel('Password Baru').fill('sungai jernih mengalir');
    await userPage.getByLabel('Konfirmasi Password').fill('sungai jernih mengalir');
    await userPage.getByRole('button', { name: 'Submit' }).click();
    // NEW server behaviour: the link flow finishes signed in.
    await heading(userPage, 'Profil').waitFor();
    await userPage.getByText('Password diperbarui').waitFor();
  });

  it('a setup link: authenticator first, then the password, and the administrator is signed in', async () => {
    seq++;
    const { link } = await createAdministrator(
      identityContextOf(server.rt),
      {
        username: `admin${seq}`,
        email: `admin${seq}@contoh.go.id`,
        fullName: `Admin Uji ${seq}`,
        roles: ['ca_admin'],
      },
      'test',
    );
    assert.ok(link.startsWith(`${base}/link#`), link);
    const { page } = await newPage();
    await page.goto(link);
    // NEW server behaviour: configure_totp comes before update_password (the seeds' order).
    await heading(page, 'Mobile Authenticator Setup').waitFor();
    await page.getByRole('button', { name: 'Tidak bisa scan?' }).click();
    const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByLabel('Nama Device').fill('Ponsel Admin');
    await page.getByRole('button', { name: 'Submit' }).click();
    await heading(page, 'Update password').waitFor();
    await page.getByLabel('Password Baru').fill('elang terbang tinggi sekali');
    await page.getByLabel('Konfirmasi Password').fill('elang terbang tinggi sekali');
    await page.getByRole('button', { name: 'Submit' }).click();
    // NEW server behaviour: signed in at the end, the administrator's menu there.
    await heading(page, 'Profil').waitFor();
    await page.getByText('Authenticator terpasang dan password disimpan').waitFor();
    await page.getByRole('link', { name: 'Akun', exact: true }).first().waitFor({ state: 'attached' });
  });

  it('Akun: an administrator creates an account and is led to send its first link', async () => {
    const { account: admin, secret } = await enrolledAccount(['ca_admin']);
    const { page } = await newPage();
    await signIn(page, admin, secret);
    await page.goto(`${base}/admin/akun`);
    await page.getByRole('link', { name: 'Buat akun' }).click();
    await focusedHeading(page, 'Buat akun');
    await page.getByLabel('Username').fill('rina.baru');
    await page.getByLabel('E-Mail').fill('rina.baru@contoh.go.id');
    await page.getByLabel('Nama Lengkap').fill('Rina Baru');
    await page.getByRole('checkbox', { name: 'Pengguna' }).uncheck();
    await page.getByRole('button', { name: 'Buat akun' }).click();
    assert.equal(await alertText(page), 'Pilih minimal satu peran.');
    await page.getByRole('checkbox', { name: 'Verifikator (RA)' }).check();
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await focusedHeading(page, 'Rina Baru');
    await page.getByText('Akun telah dibuat.').waitFor();
    const facts = await page.locator('dl.facts').innerText();
    for (const expected of [
      'rina.baru',
      'rina.baru@contoh.go.id',
      'Verifikator (RA)',
      'Belum dibuat',
      'Belum diatur',
    ])
      assert.ok(facts.includes(expected), expected);
    assert.equal(
      await page.getByLabel('Pilih salah satu saja, untuk mengirim tautan ya').inputValue(),
      'UPDATE_PASSWORD',
      'the link a new account needs is chosen already',
    );
    // The same username again is refused, in Indonesian.
    await page.goto(`${base}/admin/akun/baru`);
    await page.getByLabel('Username').fill('RINA.BARU');
    await page.getByLabel('E-Mail').fill('rina.lain@contoh.go.id');
    await page.getByLabel('Nama Lengkap').fill('Rina Lain');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    assert.equal(await alertText(page), 'Sudah ada akun dengan username atau email ini.');
  });

  it('raised no script errors and no Content-Security-Policy refusals', () => {
    assert.deepEqual(pageErrors, []);
  });
});
