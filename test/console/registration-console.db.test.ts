/**
 * Starting a registration in a real browser (Debian's Chromium, playwright-core) against a
 * listening `teken serve`, with e-mail through a real SMTP server: an RA officer invites someone
 * on "Undang Pengguna" and re-sends the link (the first link then fails), and a person registers
 * themselves on "Daftar", reached from the sign-in page.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { institutions } from '../../src/db/schema.js';
import { withRegistrationLink } from '../../src/enrollment/registration-link.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import { currentTotp } from '../../src/identity/totp.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { ApiClient } from '../helpers/api-client.js';
import { launchChromium } from '../helpers/browser.js';
import { onCleanup } from '../helpers/cleanup.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const PASSWORD = 'gunung tinggi berselimut awan';
const institutionId = '00000000-0000-4000-8000-00000000f0a1';

describe('starting a registration in the console (Chromium)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let officerCookie: string;
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
    await server.rt.db.insert(institutions).values({
      id: institutionId,
      code: 'UNDANG',
      name: 'Dinas Kependudukan Uji',
      emailDomains: ['dukcapil.contoh.go.id'],
      selfRegistration: true,
    });
    const officer = await createTestAccount(server.rt, {
      prefix: 'petugas.ra',
      n: 1,
      name: 'Petugas RA',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });
    const client = new ApiClient(server.web.app, '127.0.0.1');
    await firstSignIn(client, officer.username, PASSWORD, (s) => currentTotp(s, Date.now()));
    officerCookie = client.cookie!;
    browser = await launchChromium();
  });

  const newPage = async (signedIn: boolean): Promise<Page> => {
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    context.setDefaultTimeout(10_000);
    onCleanup(() => context.close());
    if (signedIn) {
      const [name, value] = officerCookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  const waitForMail = async (to: string, after: number): Promise<ParsedMail> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = smtp.received
        .slice(after)
        .find((m) => m.rcptTo.includes(to) && /Aktivasi Akun$/.test(m.mail.subject ?? ''));
      if (found) return found.mail;
      if (Date.now() > deadline) assert.fail(`no "Aktivasi Akun" e-mail to ${to}`);
      await sleep(100);
    }
  };
  const tokenOf = (mail: ParsedMail) => {
    const match = new RegExp(`${base}/aktivasi#([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
    assert.ok(match, 'the e-mail links to /aktivasi#<token> on this server');
    return match[1]!;
  };
  const open = async (token: string) => {
    try {
      return await withRegistrationLink(enrollmentContextOf(server.rt), token, '127.0.0.1', (_tx, opened) =>
        Promise.resolve(opened.account.email),
      );
    } catch (error) {
      if (isTekenError(error)) return error.code;
      throw error;
    }
  };

  it('invites someone on "Undang Pengguna", and "Kirim ulang tautan aktivasi" ends the first link', async () => {
    const page = await newPage(true);
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Undang Pengguna' }).click();
    await page.getByRole('heading', { name: 'Undang Pengguna', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/pengguna/undang');
    // An RA officer invites at their own institution: no Instansi to choose.
    assert.equal(await page.getByLabel('Instansi').count(), 0);
    const address = 'rudi.hartono@dukcapil.contoh.go.id';
    let mark = smtp.received.length;
    await page.getByLabel('Nama Lengkap').fill('Rudi Hartono');
    await page.getByLabel('Email').fill(address);
    await page.getByRole('button', { name: 'Undang' }).click();
    await page.getByText(`Tautan aktivasi telah dikirim ke ${address}`).waitFor();
    const first = await waitForMail(address, mark);
    assert.match(first.text ?? '', /Hai Rudi Hartono/);
    const firstToken = tokenOf(first);
    assert.equal(await open(firstToken), address);

    mark = smtp.received.length;
    await page.getByRole('button', { name: 'Kirim ulang tautan aktivasi' }).click();
    await page.getByText('tautan sebelumnya tidak berlaku lagi').waitFor();
    const secondToken = tokenOf(await waitForMail(address, mark));
    assert.equal(await open(firstToken), 'ERR_LINK_EXPIRED');
    assert.equal(await open(secondToken), address);

    // A refusal names the rule: an address outside the institution's domains.
    await page.getByLabel('Nama Lengkap').fill('Orang Luar');
    await page.getByLabel('Email').fill('orang.luar@gmail.com');
    await page.getByRole('button', { name: 'Undang' }).click();
    await page.getByRole('alert').getByText('@dukcapil.contoh.go.id').waitFor();
    assert.deepEqual(pageErrors, []);
  });

  it('registers someone on "Daftar", reached from the sign-in page', async () => {
    const page = await newPage(false);
    await page.goto(`${base}/masuk`);
    await page.getByRole('link', { name: 'Daftar' }).click();
    await page.getByRole('heading', { name: 'Daftar', level: 1 }).waitFor();
    await page.getByLabel('Instansi').selectOption({ label: 'Dinas Kependudukan Uji' });
    await page.getByText('Gunakan email instansi: @dukcapil.contoh.go.id').waitFor();
    const address = 'sari.dewi@dukcapil.contoh.go.id';
    const mark = smtp.received.length;
    await page.getByLabel('Nama Lengkap').fill('Sari Dewi');
    await page.getByLabel('Email').fill(address);
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page.getByRole('heading', { name: 'Periksa email Anda' }).waitFor();
    const mail = await waitForMail(address, mark);
    assert.equal(await open(tokenOf(mail)), address);
    assert.deepEqual(pageErrors, []);
  });
});
