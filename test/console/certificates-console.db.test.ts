/**
 * Daftar Sertifikat Elektronik in a real browser (Chromium), the holder at 360 px: the list shows
 * the issued certificate → Unduh PEM, judged by `openssl verify` with the chain → Catatan says it
 * was downloaded → Info shows the serial and SHA-256 fingerprint of that file → Ubah passphrase (a
 * wrong old one refused with the tries left, "Tampilkan", then Berhasil) → the self-service
 * keystore with the new passphrase, opened by `openssl pkcs12`; then the RA sends DOWNLOAD_KEYSTORE
 * from Tinjau Ulang → Sertifikat Elektronik and the public /keystore page gives the keystore once.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { outbox } from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import { formatWib } from '../../src/notify/format-wib.js';
import { launchChromium, openPage } from '../helpers/browser.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import {
  assertNoSidewaysScroll,
  holderWithCertificate,
  firstSignInPages,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { openssl, runTool } from '../helpers/run-tool.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const PASSWORD = 'sungai mengalir ke laut';
const PASSPHRASE = 'Rahasia#2026';
const NEW_PASSPHRASE = 'Baru-Rahasia#2027';

describe('Daftar Sertifikat Elektronik in the console (Chromium)', () => {
  let server: ConsoleServer;
  const pageErrors: string[] = [];
  let browser: Browser;
  let base: string;
  let institutionId: string;
  const dir = tmpDir();

  before(async () => {
    ({ server, base } = await startConsoleServer());
    writeCaPems(server.rt, dir);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        {
          name: 'Dinas Konsol Daftar',
          emailDomains: ['daftar.go.id'],
          province: 'Jawa Barat',
          policy: { fourEyes: false, keystoreSelfService: true },
        },
      )
    ).id;
    browser = await launchChromium();
  });

  const newPage = async (width: number): Promise<Page> =>
    (await openPage(browser, pageErrors, { viewport: { width, height: 800 }, acceptDownloads: true })).page;
  const firstPages = () => firstSignInPages(server, browser, pageErrors, base, PASSWORD);
  const browserFor = async (account: AccountRow, width: number) =>
    firstPages()(account, { width, acceptDownloads: true });
  /** Clicks what starts a download and saves the file. */
  const download = async (page: Page, click: () => Promise<void>, name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const target = path.join(dir, name);
    await file.saveAs(target);
    return { file: target, suggested: file.suggestedFilename() };
  };
  const pkcs12 = (file: string, passphrase: string) =>
    runTool('openssl', ['pkcs12', '-in', file, '-noenc', '-passin', 'env:P12PASS'], undefined, {
      ...process.env,
      P12PASS: passphrase,
    });

  it('the holder at 360 px: Unduh, Info, Ubah passphrase, keystore; the RA’s link on /keystore', async () => {
    const {
      account: holder,
      person,
      issued,
    } = await holderWithCertificate(server.rt, {
      institutionId,
      email: `daftar.${crypto.randomBytes(3).toString('hex')}@daftar.go.id`,
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
    const accountId = holder.id;

    const page = await browserFor(holder, 360);
    await page.locator('.nav-toggle').click();
    await page.getByRole('link', { name: 'Daftar Sertifikat Elektronik' }).click();
    await page.getByRole('heading', { name: 'Daftar Sertifikat Elektronik' }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Permohonan Baru' }).getAttribute('href'),
      '/sertifikat/permohonan-baru',
    );
    assert.equal(
      await page.getByRole('link', { name: 'Status Permohonan' }).getAttribute('href'),
      '/sertifikat/permohonan',
    );
    const row = page.getByRole('row', { name: new RegExp(person.fullName) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[0], person.fullName);
    assert.equal(cells[1], 'Esign');
    assert.equal(cells[3], formatWib(issued.certificate.notAfter, 'id'));
    assert.match(cells[3], /^\w+, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB$/);
    assert.equal(cells[4], 'Issued');
    assert.equal(cells[5], '');
    await assertNoSidewaysScroll(page, 'the list');

    // Unduh → PEM with the chain: OpenSSL builds the path to the root from it.
    await row.getByText('Unduh', { exact: true }).click();
    const pem = await download(
      page,
      () => row.getByRole('button', { name: 'Unduh PEM (dengan rantai)' }).click(),
      'konsol.pem',
    );
    assert.match(pem.suggested, /^sertifikat-[0-9a-f]+\.pem$/);
    assert.match(
      openssl([
        'verify',
        '-x509_strict',
        '-CAfile',
        path.join(dir, 'root.pem'),
        '-untrusted',
        pem.file,
        pem.file,
      ]),
      /: OK/,
    );
    await row.getByRole('cell', { name: /^Telah di unduh @ \d{1,2} \w+ \d{4}$/ }).waitFor();

    // Info: the serial and the SHA-256 fingerprint of the file just downloaded.
    const x509 = new crypto.X509Certificate(fs.readFileSync(pem.file));
    await row.getByRole('button', { name: 'Info' }).click();
    const info = page.getByRole('dialog', { name: 'Info Sertifikat Elektronik' });
    await info.getByText(x509.fingerprint256).waitFor();
    const text = await info.innerText();
    assert.ok(
      text
        .replace(/[^0-9a-f]/gi, '')
        .toLowerCase()
        .includes(issued.certificate.serialHex.toLowerCase()),
      `serial ${issued.certificate.serialHex} in ${text}`,
    );
    assert.match(text, /nonRepudiation/);
    assert.match(text, /Terbit/);
    await assertNoSidewaysScroll(page, 'Info');
    await info.getByRole('button', { name: 'Tutup' }).click();

    // Aksi → Ubah passphrase: a wrong old one is refused with the tries left; then Berhasil.
    await row.getByText('Aksi ▾').click();
    await row.getByRole('button', { name: 'Ubah passphrase' }).click();
    const change = page.getByRole('dialog', { name: 'Ubah Passphrase' });
    await change.getByLabel('Passphrase Lama').fill('Salah#0000');
    await change.getByLabel('Passphrase Baru').fill(NEW_PASSPHRASE);
    await change.getByLabel('Ulangi Passphrase').fill(NEW_PASSPHRASE);
    await change.getByRole('button', { name: 'Ubah Passphrase' }).click();
    await change
      .getByRole('alert')
      .getByText(/Passphrase salah\. Sisa percobaan sebelum passphrase dikunci: \d+\./)
      .waitFor();
    // The fields are emptied after each try; "Tampilkan" shows the new one as typed.
    await change.getByLabel('Passphrase Lama').fill(PASSPHRASE);
    await change.getByLabel('Passphrase Baru').fill(NEW_PASSPHRASE);
    await change.getByRole('button', { name: 'Tampilkan' }).click();
    assert.equal(await change.getByLabel('Passphrase Baru').getAttribute('type'), 'text');
    await change.getByRole('button', { name: 'Sembunyikan' }).click();
    assert.equal(await change.getByLabel('Passphrase Baru').getAttribute('type'), 'password');
    await change.getByLabel('Ulangi Passphrase').fill(NEW_PASSPHRASE);
    await assertNoSidewaysScroll(page, 'Ubah passphrase');
    await change.getByRole('button', { name: 'Ubah Passphrase' }).click();
    await change.getByText('Berhasil — passphrase anda telah diubah.', { exact: false }).waitFor();
    await change.getByRole('button', { name: 'OK' }).click();

    // Aksi → Unduh Keystore with the new passphrase: OpenSSL opens it with that one only.
    await row.getByText('Aksi ▾').click();
    await row.getByRole('button', { name: 'Unduh Keystore' }).click();
    const keystore = page.getByRole('dialog', { name: 'Unduh Keystore' });
    await keystore.getByLabel('Passphrase').fill(NEW_PASSPHRASE);
    const p12 = await download(
      page,
      () => keystore.getByRole('button', { name: 'Unduh Keystore' }).click(),
      'konsol.p12',
    );
    assert.match(p12.suggested, /^keystore-[0-9a-f]+\.p12$/);
    const opened = pkcs12(p12.file, NEW_PASSPHRASE);
    assert.equal(opened.status, 0, opened.stderr);
    assert.match(opened.stdout, /BEGIN PRIVATE KEY/);
    assert.notEqual(pkcs12(p12.file, PASSPHRASE).status, 0);
    await keystore.getByText('Keystore telah diunduh', { exact: false }).waitFor();
    await keystore.getByRole('button', { name: 'OK' }).click();

    // English on request: the same list, its labels and Catatan translated.
    await page.locator('.lang-switch').click();
    await page.getByRole('heading', { name: 'Electronic certificates' }).waitFor();
    await row.getByRole('cell', { name: /^Downloaded @ \d{1,2} \w+ \d{4}$/ }).waitFor();
    assert.equal(
      (await row.getByRole('cell').allInnerTexts())[3],
      formatWib(issued.certificate.notAfter, 'en'),
    );
    await row.getByText('Actions ▾').waitFor();
    await assertNoSidewaysScroll(page, 'the list in English');

    // The RA sends DOWNLOAD_KEYSTORE from Tinjau Ulang → Sertifikat Elektronik.
    const officer = await createTestAccount(server.rt, {
      prefix: 'ra-konsol-daftar',
      n: 1,
      name: 'RA Konsol Daftar',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });
    const ra = await browserFor(officer, 1280);
    // Tinjau Ulang is the registration's, keyed by the account.
    await ra.goto(`${base}/ra/${accountId}`);
    await ra.getByRole('tab', { name: 'Sertifikat Elektronik' }).click();
    await ra.getByRole('button', { name: 'Kirim tautan DOWNLOAD_KEYSTORE' }).click();
    await ra.getByText('Tautan DOWNLOAD_KEYSTORE terkirim ke email pemilik', { exact: false }).waitFor();
    const [mail] = await server.rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, accountId), eq(outbox.template, 'download-keystore')))
      .orderBy(desc(outbox.createdAt));
    const message = await readOutboxMessage(
      server.rt.db,
      server.rt.masterKey,
      mail!.id,
      server.rt.config.organisationName,
      server.rt.notify.templates,
    );
    const link = new RegExp(`${base.replace(/[.]/g, '\\.')}/keystore#[A-Za-z0-9_-]{43}`).exec(
      message!.content!.text,
    )?.[0];
    assert.ok(link, message!.content!.text);

    // The public page, signed out, at 360 px: which certificate, then the keystore, once.
    const anon = await newPage(360);
    await anon.goto(link);
    await anon.getByRole('heading', { name: 'Unduh Keystore' }).waitFor();
    await anon
      .getByText(`Sertifikat elektronik ${person.fullName}, nomor seri ${issued.certificate.serialHex}`, {
        exact: false,
      })
      .waitFor();
    assert.equal(new URL(anon.url()).hash, '', 'the token leaves the address bar');
    await assertNoSidewaysScroll(anon, '/keystore');
    await anon.getByLabel('Passphrase').fill('Salah#0000');
    await anon.getByRole('button', { name: 'Unduh Keystore' }).click();
    await anon.getByRole('alert').getByText('Passphrase salah.', { exact: false }).waitFor();
    await anon.getByLabel('Passphrase').fill(NEW_PASSPHRASE);
    const linked = await download(
      anon,
      () => anon.getByRole('button', { name: 'Unduh Keystore' }).click(),
      'tautan.p12',
    );
    assert.equal(pkcs12(linked.file, NEW_PASSPHRASE).status, 0);
    await anon.getByText('Tautan ini tidak dapat dipakai lagi.', { exact: false }).waitFor();
    // Opened again, the link is spent.
    const again = await newPage(360);
    await again.goto(link);
    await again.getByRole('alert').waitFor();
    assert.equal(await again.getByLabel('Passphrase').count(), 0);
  });
});
