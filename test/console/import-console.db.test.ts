/**
 * "Impor Pengguna" in a real browser (Debian's Chromium, playwright-core) against a listening
 * `teken serve`, with e-mail through a real SMTP server: a CA admin and an institution admin (of
 * their own institution only) upload a file with good rows and each kind of bad row, read the
 * preview's reasons, import, watch the progress bar reach 100 % over several batches
 * (TEKEN_IMPORT_BATCH_ROWS=4), download the report, and the activation e-mails reach the SMTP
 * server for the good rows only. Returning to the page shows an unfinished import; sending its
 * file again resumes it and the page says so. Refused files show the server's reason in the
 * page's language.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import {
  accounts,
  enrollmentImportBatches,
  enrollmentImports,
  institutions,
  outbox,
  registrations,
} from '../../src/db/schema.js';
import { sourceOfBytes } from '../../src/enrollment/import-file.js';
import { openImport } from '../../src/enrollment/import-registrations.js';
import type { AccountRow } from '../../src/identity/accounts.js';
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

const PASSWORD = 'sungai jernih mengalir deras';
const instA = '00000000-0000-4000-8000-00000000e1a1';
const instB = '00000000-0000-4000-8000-00000000e1b1';
const domainA = 'impor-a.contoh.go.id';
const domainB = 'impor-b.contoh.go.id';

/** A, B, …, Z, AA, AB, …: names without digits. */
const letters = (i: number): string =>
  (i >= 26 ? letters(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

const goodRows = (prefix: string, domain: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    nama: `Pegawai ${prefix} ${letters(i)}`,
    email: `${prefix}.${i + 1}@${domain}`,
  }));

describe('Impor Pengguna in the console (Chromium)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let caAdmin: AccountRow;
  const cookies = new Map<string, string>();
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
      TEKEN_IMPORT_BATCH_ROWS: '4',
      TEKEN_IMPORT_MAX_BYTES: '16384',
    });
    await server.rt.db.insert(institutions).values([
      { id: instA, code: 'IMPA', name: 'Badan Impor Uji', emailDomains: [domainA] },
      { id: instB, code: 'IMPB', name: 'Dinas Impor Uji', emailDomains: [domainB] },
    ]);
    let n = 0;
    const signIn = async (key: string, roles: AccountRow['roles'], institutionId: string | null) => {
      const account = await createTestAccount(server.rt, {
        prefix: `impor.${key}`,
        n: ++n,
        name: `Admin ${key}`,
        roles,
        institutionId,
        password: PASSWORD,
      });
      const client = new ApiClient(server.web.app, '127.0.0.1');
      await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, Date.now()));
      cookies.set(key, client.cookie!);
      return account;
    };
    caAdmin = await signIn('ca', ['ca_admin'], null);
    await signIn('instb', ['institution_admin'], instB);
    browser = await launchChromium();
  });

  const newPage = async (who: string, lang: 'id' | 'en' = 'id'): Promise<Page> => {
    const context = await browser.newContext({
      locale: lang === 'id' ? 'id-ID' : 'en-GB',
      timezoneId: 'Asia/Jakarta',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    onCleanup(() => context.close());
    await context.addInitScript(`try { localStorage.setItem('teken.lang', '${lang}') } catch {}`);
    const [name, value] = cookies.get(who)!.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  const choose = (page: Page, text: string | Buffer, name = 'pegawai.csv') =>
    page.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
    });
  const csv = (rows: { nama: string; email: string }[]) =>
    ['nama,email', ...rows.map((r) => `${r.nama},${r.email}`)].join('\r\n') + '\r\n';
  /** The preview table's rows as [row, status, reason]. */
  const previewRows = async (page: Page) =>
    (
      await page
        .getByRole('region', { name: /Baris berkas|Rows of the file/ })
        .locator('tbody tr')
        .all()
    ).map(async (tr) => {
      const cells = await tr.locator('td').allInnerTexts();
      return [cells[0], cells[3], cells[4]];
    });
  const download = async (page: Page, name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ]);
    return fs.readFileSync(await file.path(), 'utf8');
  };
  const progress = (page: Page) => page.getByRole('progressbar');
  /** Waits until the outbox has sent everything, then the "Aktivasi Akun" recipients received since `mark`. */
  const activationMailsSince = async (mark: number, expected: number) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [pending] = await server.rt.db
        .select({ n: count() })
        .from(outbox)
        .where(eq(outbox.status, 'pending'));
      const mails = smtp.received.slice(mark).filter((m) => /Aktivasi Akun$/.test(m.mail.subject ?? ''));
      if (pending!.n === 0 && mails.length >= expected) return mails.flatMap((m) => m.rcptTo).sort();
      if (Date.now() > deadline) assert.fail(`${mails.length} of ${expected} activation e-mails after 30 s`);
      await sleep(100);
    }
  };

  it('a CA admin previews the reasons, imports over several batches, downloads the report; mail goes to the good rows only', async (t) => {
    const page = await newPage('ca');
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Impor Pengguna' }).click();
    await page.getByRole('heading', { name: 'Impor Pengguna', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/pengguna/impor');
    // The server's limits, and a sample file with the expected columns.
    await page.getByText('Paling besar 16 KiB dan 100.000 baris data per berkas.').waitFor();
    const sample = await download(page, 'Unduh contoh CSV');
    assert.match(sample, /^nama,email,bahasa\r\n/);

    // 64 rows, four a transaction: 16 batches, and a preview of two pages.
    const good = goodRows('pegawai', domainA, 60);
    const rows = [
      good[0]!,
      { nama: 'Salah Email', email: 'bukan-alamat-email' },
      ...good.slice(1, 5),
      { nama: 'Orang Luar', email: 'orang.luar@gmail.com' },
      { nama: '', email: `tanpa.nama@${domainA}` },
      { nama: 'Pegawai Ganda', email: good[0]!.email.toUpperCase() },
      ...good.slice(5),
    ];
    const file = csv(rows);
    await page.getByLabel('Instansi').selectOption({ label: 'Badan Impor Uji' });
    await choose(page, file);
    await page.getByText('Berkas: pegawai.csv').waitFor();
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.getByRole('heading', { name: '2. Pratinjau' }).waitFor();
    const counts = await page.locator('.counts').first().innerText();
    assert.match(
      counts.replace(/\s+/g, ' '),
      /Baris 64 Valid 60 \(60 baru, 0 kirim ulang tautan\) Ditolak 4/,
    );
    const table = await Promise.all(await previewRows(page));
    assert.equal(table.length, 50, 'fifty rows a page');
    assert.deepEqual(
      table.filter(([, status]) => status === 'Ditolak'),
      [
        ['3', 'Ditolak', 'email: bukan alamat email yang valid.'],
        ['8', 'Ditolak', `email: alamat harus di @${domainA}.`],
        ['9', 'Ditolak', 'nama: wajib diisi.'],
        ['10', 'Ditolak', 'email: alamat yang sama ada di baris 2.'],
      ],
    );
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByRole('cell', { name: '52', exact: true }).waitFor();
    assert.deepEqual((await Promise.all(await previewRows(page))).at(-1), ['65', 'Baru', '']);
    await page.getByRole('button', { name: 'Sebelumnya' }).click();
    await page.getByRole('cell', { name: '2', exact: true }).waitFor();
    // Nothing is stored by the preview.
    const [jobs] = await server.rt.db.select({ n: count() }).from(enrollmentImports);
    assert.equal(jobs!.n, 0);
    const emails = good.map((g) => g.email);
    assert.equal(
      (await server.rt.db.select().from(accounts).where(inArray(accounts.email, emails))).length,
      0,
    );

    // Every value the bar shows, as the page sets it.
    await page.evaluate(`(() => {
      window.seen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const now = bar && bar.getAttribute('aria-valuenow');
        if (now !== null && window.seen.at(-1) !== Number(now)) window.seen.push(Number(now));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    const mark = smtp.received.length;
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor();
    await page.getByText('Impor selesai pada').waitFor();
    const seen = await page.evaluate<number[]>('window.seen');
    t.diagnostic(`the progress bar showed ${seen.join(', ')} %`);
    assert.equal(seen.at(-1), 100, `the bar ends at 100 %: ${seen.join(', ')}`);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
      `the bar only moves forward: ${seen.join(', ')}`,
    );
    assert.equal(await progress(page).getAttribute('aria-valuemin'), '0');
    assert.equal(await progress(page).getAttribute('aria-valuemax'), '100');
    const id = new URL(page.url()).searchParams.get('impor')!;
    assert.match(id, /^[0-9a-f-]{36}$/);
    const done = (await page.locator('.counts').first().innerText()).replace(/\s+/g, ' ');
    assert.equal(done, 'Dibuat 60 Dikirim ulang 0 Ditolak 4');
    await page.getByText('64 dari 64 baris (100 %)').waitFor();
    // The bar moved over 16 batches.
    const [batches] = await server.rt.db
      .select({ n: count() })
      .from(enrollmentImportBatches)
      .where(eq(enrollmentImportBatches.importId, id));
    assert.equal(batches!.n, 16);

    // Back later with the job's id in the URL: its progress, and the report.
    await page.goto(`${base}/`);
    await page.goto(`${base}/pengguna/impor?impor=${id}`);
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor();
    const report = (await download(page, 'Unduh laporan')).trim().split('\r\n');
    assert.equal(report[0], 'row,nama,email,result,reason');
    assert.equal(report.length, 65);
    assert.deepEqual(
      report.slice(1).filter((line) => !line.includes(',created,')),
      [
        '3,Salah Email,bukan-alamat-email,refused,email: not a valid e-mail address.',
        `8,Orang Luar,orang.luar@gmail.com,refused,email: the address must be at @${domainA}.`,
        `9,,tanpa.nama@${domainA},refused,nama: the full name is required.`,
        `10,Pegawai Ganda,${good[0]!.email},refused,email: the same address is on row 2.`,
      ],
    );
    assert.deepEqual(
      report
        .slice(1)
        .filter((line) => line.includes(',created,'))
        .map((line) => line.split(',')[2]),
      emails,
    );
    // The recent imports list it.
    await page.goto(`${base}/pengguna/impor`);
    await page.getByRole('heading', { name: 'Impor terakhir' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Impor terakhir' }).locator('tbody tr').count(), 1);

    assert.deepEqual(await activationMailsSince(mark, 60), [...emails].sort());
    const registered = await server.rt.db
      .select({ institutionId: registrations.institutionId, source: registrations.source })
      .from(registrations)
      .innerJoin(accounts, eq(accounts.id, registrations.accountId))
      .where(inArray(accounts.email, emails));
    assert.deepEqual(
      new Set(registered.map((r) => `${r.institutionId}:${r.source}`)),
      new Set([`${instA}:csv`]),
    );
    assert.deepEqual(pageErrors, []);
  });

  it('shows an unfinished import again when the page is opened, and says so when its file resumes it', async () => {
    const rows = goodRows('lanjut', domainA, 6);
    const file = csv(rows);
    // A job opened and never run: as a server that stopped before its first batch leaves it.
    const { job } = await openImport(
      enrollmentContextOf(server.rt),
      { account: caAdmin },
      instA,
      sourceOfBytes(file),
    );
    const page = await newPage('ca');
    await page.goto(`${base}/pengguna/impor`);
    await page.locator('[role="progressbar"][aria-valuenow="0"]').waitFor();
    await page.getByText('0 dari 6 baris (0 %)').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('impor'), job.id);
    await page.getByText('Impor sedang berjalan.').waitFor();

    const mark = smtp.received.length;
    await page.getByRole('button', { name: 'Impor berkas lain' }).click();
    await page.getByLabel('Instansi').selectOption({ label: 'Badan Impor Uji' });
    await choose(page, file);
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('Impor ini melanjutkan impor berkas yang sama yang belum selesai').waitFor();
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('impor'), job.id);
    assert.deepEqual(await activationMailsSince(mark, 6), rows.map((r) => r.email).sort());
    assert.deepEqual(pageErrors, []);
  });

  it('an institution admin imports into their own institution only, in English, and refused files say why', async () => {
    const page = await newPage('instb', 'en');
    await page.goto(`${base}/pengguna/impor`);
    await page.getByRole('heading', { name: 'Import users', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Import users' })
      .waitFor();
    // No institution to choose: the import goes to their own.
    assert.equal(await page.getByLabel('Institution').count(), 0);

    const refusals: [string, string | Buffer, string][] = [
      [
        'too large',
        `nama,email\r\n${'Budi,budi@impor-b.contoh.go.id\r\n'.repeat(600)}`,
        'The file is too large: at most 16 KiB.',
      ],
      ['no email column', 'nama,alamat\r\nBudi,Jalan Merdeka 1\r\n', 'the "email" column is missing'],
      [
        'not CSV',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
        'This is not a readable CSV file.',
      ],
    ];
    for (const [what, body, message] of refusals) {
      await choose(page, body, what === 'not CSV' ? 'pegawai.xlsx' : 'pegawai.csv');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('alert').getByText(message).waitFor();
    }

    const good = goodRows('staf', domainB, 5);
    const file = csv([
      ...good.slice(0, 3),
      { nama: 'Salah Email', email: 'staf@@impor-b' },
      { nama: 'Staf Badan A', email: `staf.a@${domainA}` },
      { nama: '', email: `kosong@${domainB}` },
      { nama: 'Staf Ganda', email: good[1]!.email },
      ...good.slice(3),
    ]);
    await choose(page, file);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: '2. Preview' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    const refused = (await Promise.all(await previewRows(page))).filter(([, status]) => status === 'Refused');
    assert.deepEqual(refused, [
      ['5', 'Refused', 'email: not a valid e-mail address.'],
      ['6', 'Refused', `email: the address must be at @${domainB}.`],
      ['7', 'Refused', 'nama: the full name is required.'],
      ['8', 'Refused', 'email: the same address is on row 3.'],
    ]);
    const mark = smtp.received.length;
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor();
    assert.equal(
      (await page.locator('.counts').first().innerText()).replace(/\s+/g, ' '),
      'Created 5 Resent 0 Refused 4',
    );
    const report = (await download(page, 'Download report')).trim().split('\r\n');
    assert.equal(report.length, 10);
    assert.equal(report.filter((l) => l.includes(',created,')).length, 5);
    assert.equal(report.filter((l) => l.includes(',refused,')).length, 4);
    const id = new URL(page.url()).searchParams.get('impor')!;
    const [job] = await server.rt.db.select().from(enrollmentImports).where(eq(enrollmentImports.id, id));
    assert.equal(job!.institutionId, instB);
    assert.deepEqual(await activationMailsSince(mark, 5), good.map((g) => g.email).sort());

    // Another institution's import, by its id: as if there were none.
    const [other] = await server.rt.db
      .select({ id: enrollmentImports.id })
      .from(enrollmentImports)
      .where(and(eq(enrollmentImports.institutionId, instA)))
      .limit(1);
    await page.goto(`${base}/pengguna/impor?impor=${other!.id}`);
    await page.getByRole('alert').getByText('Not found.').waitFor();
    assert.equal(await progress(page).count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
