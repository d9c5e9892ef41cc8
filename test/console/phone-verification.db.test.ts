/**
 * WhatsApp phone verification in a real browser (Chromium) against a listening `teken serve` whose
 * WhatsApp channel sends to the fake Cloud API (test/helpers/fake-whatsapp.ts: it checks the
 * request shape and the Bearer token), with mail through a real SMTP server: the registration
 * wizard's Data Diri step, the dashboard's "Verifikasi Nomor HP" dialog (seed 003, "Tampilan
 * Notifikasi") and "Ubah nomor HP". Every code is read from the message the fake received, as a
 * person reads it on their phone.
 *
 * Time: the 30 s wait before "Kirim Ulang" and the 10 minutes a code lasts are the server's rules
 * (src/enrollment/send-phone-code.ts, verify-phone-code.ts, on the runtime's clock `Runtime.now`).
 * The test pauses the browser's clock (Playwright's page.clock) and the server's runtime clock
 * together and moves both by the same amount, so the countdown the page shows and the server's
 * refusal or acceptance are checked against each other, to the second.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { institutions, registrations } from '../../src/db/schema.js';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import { currentTotp } from '../../src/identity/totp.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { ApiClient } from '../helpers/api-client.js';
import { launchChromium } from '../helpers/browser.js';
import { onCleanup } from '../helpers/cleanup.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const PASSWORD = 'burung camar terbang tinggi';
const DOMAIN = 'uji-hp.ac.id';
const institutionId = '00000000-0000-4000-8000-00000000a9b1';

/** 08… as typed → the digits the Cloud API gets (E.164 without "+"). */
const waNumber = (phone: string) => `62${phone.replace(/\D/g, '').replace(/^0/, '')}`;
/** A 6-digit code that is not `code`. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('WhatsApp phone verification in the console (Chromium, fake Cloud API)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let wa: FakeWhatsApp;
  let browser: Browser;
  let base: string;
  let seq = 0;
  // The server's runtime clock: the real one moved by `offset`, or stopped at `pausedAt` while the
  // browser's clock is paused too (so both count the same seconds); moveClocks moves both.
  let offset = 0;
  let pausedAt: number | undefined;
  const serverNow = () => pausedAt ?? Date.now() + offset;
  const pauseServer = () => {
    pausedAt = serverNow();
  };
  const resumeServer = () => {
    if (pausedAt !== undefined) offset = pausedAt - Date.now();
    pausedAt = undefined;
  };
  const pageErrors: string[] = [];

  before(async () => {
    ensureConsoleBuilt();
    smtp = await startSmtpServer();
    wa = await startFakeWhatsApp();
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    server = await startTestServer(
      {
        ...wa.env(),
        TEKEN_PORT: String(port),
        TEKEN_PUBLIC_URL: base,
        TEKEN_SMTP_URL: smtp.url,
        TEKEN_FAILURE_DELAY_MS: '0',
      },
      { now: serverNow },
    );
    await server.rt.db
      .insert(institutions)
      .values({ id: institutionId, code: 'UHP', name: 'Universitas Uji HP', emailDomains: [DOMAIN] });
    browser = await launchChromium();
  });

  /** A browser context whose clock Playwright drives (time flows until a test pauses it). */
  const newPage = async (cookie?: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    context.setDefaultTimeout(15_000);
    onCleanup(() => context.close());
    if (cookie) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
    }
    resumeServer();
    await context.clock.install();
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { context, page };
  };

  /** Moves the browser's clock and the server's by the same time. */
  const moveClocks = async (page: Page, ms: number) => {
    if (pausedAt !== undefined) pausedAt += ms;
    else offset += ms;
    await page.clock.fastForward(ms);
  };

  /** The next code the fake Cloud API accepted for `phone` after `seen` messages to it. */
  const codeSentTo = async (phone: string, seen: number): Promise<string> => {
    const to = waNumber(phone);
    const deadline = Date.now() + 15_000;
    for (;;) {
      assert.deepEqual(wa.rejected, [], 'the fake Cloud API accepted every request as Meta would');
      const messages = wa.received.filter((m) => m.to === to);
      if (messages.length > seen) {
        assert.equal(messages.length, seen + 1, 'one message per "Kirim Kode OTP"');
        const code = messages.at(-1)!.buttonCode;
        assert.ok(code && /^\d{6}$/.test(code), 'an authentication template with the code');
        return code;
      }
      if (Date.now() > deadline) assert.fail(`no WhatsApp message to ${to}`);
      await sleep(100);
    }
  };
  const sentCount = (phone: string) => wa.received.filter((m) => m.to === waNumber(phone)).length;

  /**
   * The countdown and the server's own rule, checked against each other: "Kirim Kode OTP" (or
   * "Kirim Ulang") pressed with the browser's clock paused shows "Kirim Ulang (30s)", disabled;
   * 20 s later it says 10 s and the server still refuses (asked through `tooSoon`); 10 s more and
   * the button is enabled again. Returns the code of that first message.
   */
  const sendAndCountDown = async (
    page: Page,
    scope: Page | Locator,
    phone: string,
    press: string,
    tooSoon: () => Promise<{ status: number; code: unknown; retryAfterSeconds: unknown }>,
  ): Promise<string> => {
    const seen = sentCount(phone);
    await page.clock.pauseAt(Date.now() + 1_000);
    pauseServer();
    await scope.getByRole('button', { name: press, exact: true }).click();
    const countdown = scope.getByRole('button', { name: 'Kirim Ulang (30s)', exact: true });
    await countdown.waitFor();
    assert.equal(await countdown.isDisabled(), true, 'Kirim Ulang waits 30 s');
    const code = await codeSentTo(phone, seen);

    await moveClocks(page, 20_000);
    const later = scope.getByRole('button', { name: 'Kirim Ulang (10s)', exact: true });
    await later.waitFor();
    assert.equal(await later.isDisabled(), true, 'still disabled 20 s on');
    const early = await tooSoon();
    assert.deepEqual(
      early,
      { status: 429, code: 'ERR_PHONE_CODE_TOO_SOON', retryAfterSeconds: 10 },
      'the server refuses a new code 20 s on, with the 10 s the page shows',
    );

    await moveClocks(page, 10_000);
    const resend = scope.getByRole('button', { name: 'Kirim Ulang', exact: true });
    await resend.waitFor();
    assert.equal(await resend.isEnabled(), true, 'Kirim Ulang is enabled once the 30 s are over');
    return code;
  };

  /** POST a code request the way the page does, to hear the server's answer. */
  const askCode = async (url: string, headers: Record<string, string>, phone: string) => {
    const response = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ phone }),
    });
    const body = (await response.json()) as { code?: string; details?: { retryAfterSeconds?: number } };
    return { status: response.status, code: body.code, retryAfterSeconds: body.details?.retryAfterSeconds };
  };

  /** Types a code into "Masukkan Kode OTP" and presses "Verifikasi OTP". */
  const enterCode = async (scope: Page | Locator, code: string) => {
    await scope.getByLabel('Masukkan Kode OTP').fill(code);
    await scope.getByRole('button', { name: 'Verifikasi OTP', exact: true }).click();
  };

  /** Starts a registration and returns the wizard's link from its "Aktivasi Akun" e-mail. */
  const invite = async () => {
    const n = ++seq;
    const email = `uji.hp${n}.${Date.now() % 100000}@${DOMAIN}`;
    const before = smtp.received.length;
    const started = await server.rt.db.transaction((tx) =>
      startRegistration(enrollmentContextOf(server.rt), tx, {
        institutionId,
        fullName: 'Uji Nomor Telepon',
        email,
        source: 'invite',
        invitedBy: 'test',
        locale: 'id',
      }),
    );
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mail = smtp.received
        .slice(before)
        .find((m) => m.rcptTo.includes(email) && /Aktivasi Akun/.test(m.mail.subject ?? ''));
      const link = mail && /https?:\/\/\S+\/aktivasi#[A-Za-z0-9_-]{43}/.exec(mail.mail.text ?? '')?.[0];
      if (link) return { link, token: link.split('#')[1]!, accountId: started.accountId };
      if (Date.now() > deadline) assert.fail(`no "Aktivasi Akun" e-mail to ${email}`);
      await sleep(100);
    }
  };

  /** A verified subscriber whose number is not verified, signed in (cookie for the browser). */
  const subscriber = async () => {
    const n = ++seq;
    const { account, person } = await createVerifiedSubscriber(server.rt, {
      institutionId,
      email: `pelanggan.hp${n}.${Date.now() % 100000}@${DOMAIN}`,
      fullName: 'Pelanggan Uji HP',
      password: PASSWORD,
    });
    const client = new ApiClient(server.web.app, '127.0.0.1');
    // The server checks authenticator codes on its runtime clock.
    await firstSignIn(client, account.username, PASSWORD, (secret) => currentTotp(secret, serverNow()));
    return { account, person, cookie: client.cookie!, csrf: client.csrf! };
  };
  const phoneVerifiedAt = async (accountId: string) => {
    const [row] = await server.rt.db
      .select({ at: registrations.phoneVerifiedAt, by: registrations.phoneVerifiedBy })
      .from(registrations)
      .where(eq(registrations.accountId, accountId));
    return row;
  };

  it('the wizard: Next waits for the code; wrong, 30 s, expired, then Terverifikasi', async () => {
    const { link, token, accountId } = await invite();
    const person = syntheticPerson();
    const { page } = await newPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Data Diri' }).waitFor();
    await page.getByLabel('NIK').fill(person.nik);
    await page.getByLabel('Nomor Telepon').fill(person.phone);
    await page
      .getByText(
        'Masukkan 10–15 digit angka. Contoh: 08123456789. Pastikan nomor aktif dan terdaftar di WhatsApp.',
      )
      .waitFor();
    await page.getByText('Belum Terverifikasi', { exact: true }).waitFor();

    // Next without a verified number: the server would refuse Submit, so the page stops here.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Verifikasi Nomor Telepon dengan Kode OTP terlebih dahulu.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Data Diri' }).waitFor();

    const bearer = { authorization: `Bearer ${token}` };
    const first = await sendAndCountDown(page, page, person.phone, 'Kirim Kode OTP', () =>
      askCode('/api/v1/registration/phone/code', bearer, person.phone),
    );
    assert.equal(wa.received.at(-1)!.template, 'teken_kode_aktivasi');
    await page.getByText(/Kode OTP dikirim lewat WhatsApp ke \+62 812-\*\*\*\*-\d{3}\./).waitFor();

    await enterCode(page, wrongCode(first));
    await page.getByText('Kode OTP salah', { exact: true }).waitFor();
    await page.getByText('Belum Terverifikasi', { exact: true }).waitFor();

    // A new code replaces the first; ten minutes later it has expired.
    const seen = sentCount(person.phone);
    await page.getByRole('button', { name: 'Kirim Ulang', exact: true }).click();
    await page.getByRole('button', { name: 'Kirim Ulang (30s)', exact: true }).waitFor();
    const second = await codeSentTo(person.phone, seen);
    await moveClocks(page, 10 * 60_000);
    await enterCode(page, second);
    await page.getByText('Kode OTP sudah tidak berlaku. Kirim kode baru.').waitFor();
    assert.equal((await phoneVerifiedAt(accountId))?.at, null, 'an expired code verifies nothing');

    const seenAgain = sentCount(person.phone);
    await page.getByRole('button', { name: 'Kirim Ulang', exact: true }).click();
    const third = await codeSentTo(person.phone, seenAgain);
    await enterCode(page, third);
    await page.getByText('Terverifikasi', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Masukkan Kode OTP').count(), 0, 'the code step is done');
    assert.equal((await phoneVerifiedAt(accountId))?.by, 'whatsapp');

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data Kedinasan' }).waitFor();
    // Back at Data Diri the saved number is shown verified, and Next goes on without a code.
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data Diri' }).waitFor();
    await page.getByText('Terverifikasi', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Kirim/ }).count(), 0);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data Kedinasan' }).waitFor();
    assert.equal((await phoneVerifiedAt(accountId))?.by, 'whatsapp', 'saving the same number keeps it');
  });

  it('the dashboard dialog: wrong, 30 s, expired, Terverifikasi, and it opens no more', async () => {
    const { account, person, cookie, csrf } = await subscriber();
    const { page } = await newPage(cookie);
    await page.goto(`${base}/`);
    const dialog = page.getByRole('dialog', { name: 'Verifikasi Nomor HP' });
    await dialog.waitFor();
    await dialog.getByText('Silakan verifikasi nomor HP agar bisa menikmati layanan secara penuh!').waitFor();
    await dialog.getByText('Belum Terverifikasi', { exact: true }).waitFor();
    assert.equal(
      await dialog.getByRole('button', { name: 'Verifikasi', exact: true }).isDisabled(),
      true,
      '"Verifikasi" waits for Terverifikasi',
    );
    await dialog.getByLabel('Nomor HP').fill(person.phone);

    const session = { cookie, 'x-csrf-token': csrf };
    const first = await sendAndCountDown(page, dialog, person.phone, 'Kirim Kode OTP', () =>
      askCode('/api/v1/profile/phone/code', session, person.phone),
    );
    assert.equal(wa.received.at(-1)!.template, 'teken_kode_ubah_nomor');

    await enterCode(dialog, wrongCode(first));
    await dialog.getByText('Kode OTP salah', { exact: true }).waitFor();

    const seen = sentCount(person.phone);
    await dialog.getByRole('button', { name: 'Kirim Ulang', exact: true }).click();
    const second = await codeSentTo(person.phone, seen);
    await moveClocks(page, 10 * 60_000 + 1_000);
    await enterCode(dialog, second);
    await dialog.getByText('Kode OTP sudah tidak berlaku. Kirim kode baru.').waitFor();

    const seenAgain = sentCount(person.phone);
    await dialog.getByRole('button', { name: 'Kirim Ulang', exact: true }).click();
    await enterCode(dialog, await codeSentTo(person.phone, seenAgain));
    await dialog.getByText('Terverifikasi', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Berhasil: nomor HP terverifikasi.').waitFor();
    assert.equal((await phoneVerifiedAt(account.id))?.by, 'whatsapp');

    // The dashboard again: the number is verified, so the dialog does not open.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Profil' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByRole('dialog').count(), 0, 'no "Verifikasi Nomor HP" over the dashboard');
    await page.goto(`${base}/pengaturan/nomor-hp`);
    await page.getByText('Terverifikasi', { exact: true }).waitFor();
  });

  it('Ubah nomor HP: Kode OTP salah, too many wrong codes, a new code, Terverifikasi', async () => {
    const { account, cookie } = await subscriber();
    const { page } = await newPage(cookie);
    await page.goto(`${base}/pengaturan/nomor-hp`);
    await page.getByText('Belum Terverifikasi', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ubah nomor HP' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah nomor HP' });
    await dialog.waitFor();
    const fresh = syntheticPerson().phone;
    await dialog.getByLabel('Nomor HP').fill(fresh);
    let seen = sentCount(fresh);
    await dialog.getByRole('button', { name: 'Kirim Kode OTP', exact: true }).click();
    const code = await codeSentTo(fresh, seen);

    // Five wrong guesses use up this code; the sixth is refused without being checked.
    for (let i = 0; i < 5; i++) {
      await enterCode(dialog, wrongCode(code));
      await dialog.getByText('Kode OTP salah', { exact: true }).waitFor();
      await dialog.getByLabel('Masukkan Kode OTP').fill('');
    }
    await enterCode(dialog, code);
    await dialog
      .getByText(/^Terlalu banyak kode salah\. Kirim kode baru, atau coba lagi dalam \d+ menit\.$/)
      .waitFor();
    assert.equal((await phoneVerifiedAt(account.id))?.at, null);

    await moveClocks(page, 30_000);
    seen = sentCount(fresh);
    await dialog.getByRole('button', { name: 'Kirim Ulang', exact: true }).click();
    await enterCode(dialog, await codeSentTo(fresh, seen));
    await dialog.getByText('Terverifikasi', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Berhasil: nomor HP terverifikasi.').waitFor();
    await page.getByText(`+62 ${fresh.slice(1, 4)}-****-${fresh.slice(-3)}`).waitFor();
    await page.getByText('Terverifikasi', { exact: true }).waitFor();
  });

  it('raised no script errors, and the fake Cloud API refused nothing', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(wa.rejected, []);
  });
});
