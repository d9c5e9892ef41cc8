/**
 * A registration from the invitation to the first sign-in, in Chromium against a listening
 * `teken serve`, every e-mail caught by a real SMTP server: the invited person walks the wizard with
 * the fake camera; an RA officer of the institution signs in (password, then an authenticator code
 * computed with otpauth from the secret the test set up), finds the registration by its NIK under
 * "Menunggu Verifikasi", reviews it on Tinjau Ulang (selfie beside the KTP scan, Overview, consents)
 * and approves; the institution has four-eyes, so a second officer confirms, and the first cannot
 * confirm their own approval. The person then follows the "[BSrE] Informasi Akun" mail: the
 * authenticator from the key under "Tidak bisa scan?", a password, signed in; signs out, and signs
 * in again with NIK, password and code. Another registration is rejected with a reason that
 * reaches its person by e-mail. Synthetic identities only.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { accounts, registrations } from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { ApiClient } from '../helpers/api-client.js';
import { nextCode } from '../helpers/authenticator.js';
import { heading, launchChromium, openPage, screenshots } from '../helpers/browser.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { linkInMail, waitForMail } from '../helpers/mailbox.js';
import { submittedRegistration, type SubmittedRegistration } from '../helpers/registration.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { inviteByMail, walkWizard, wizardPerson, type WizardPerson } from '../helpers/wizard.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const INSTITUTION = 'Badan Uji Empat Mata';
const DOMAIN = 'empat-mata.go.id';
const STAFF_PASSWORD = 'kuda liar berlari kencang';
const NEW_PASSWORD = 'gajah putih menari riang';

interface Img {
  complete: boolean;
  naturalWidth: number;
  decode(): Promise<void>;
}

describe('from the invitation to the first sign-in (Chromium, RA desk, four-eyes)', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let institutionId: string;
  const pageErrors: string[] = [];
  const officers: { account: AccountRow; secret: string }[] = [];
  let person: WizardPerson;
  let accountId: string;
  let wizardLink: string;
  /** The first officer's signed-in page, kept from one step to the next, and a second tab. */
  let first: Page;
  let staleTab: Page;

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
    });
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: INSTITUTION, emailDomains: [DOMAIN], province: 'DKI JAKARTA', policy: { fourEyes: true } },
      )
    ).id;
    // Two RA officers of the institution, each with an authenticator whose secret the test keeps.
    for (const n of [1, 2]) {
      const account = await createTestAccount(server.rt, {
        prefix: 'verifikator',
        n,
        name: 'Verifikator',
        roles: ['ra_officer'],
        institutionId,
        password: STAFF_PASSWORD,
      });
      const client = new ApiClient(server.web.app, `10.9.0.${n}`);
      const secret = await firstSignIn(client, account.username, STAFF_PASSWORD, nextCode);
      officers.push({ account, secret });
    }
    browser = await launchChromium({ fakeCamera: true });
  });

  const newPage = async () => (await openPage(browser, pageErrors)).page;

  /** BeID: the login and password, then the authenticator code; lands on the dashboard. */
  const signIn = async (page: Page, login: string, password: string, secret: string) => {
    await page.goto(`${base}/masuk`);
    await heading(page, 'BeID').waitFor();
    await page.getByLabel('Username atau Email').fill(login);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading(page, 'Kode OTP').waitFor();
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading(page, 'Profil').waitFor();
  };
  const signInOfficer = async (n: 0 | 1) => {
    const page = await newPage();
    const { account, secret } = officers[n]!;
    await signIn(page, account.username, STAFF_PASSWORD, secret);
    return page;
  };

  /** Menu RA → Menunggu Verifikasi, a search for `query`; returns the rows found. */
  const searchQueue = async (page: Page, query: string) => {
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Menunggu Verifikasi' })
      .click();
    await heading(page, 'Registrasi').waitFor();
    assert.equal(
      await page.getByLabel('Status Verifikasi').locator('option:checked').innerText(),
      'Menunggu Verifikasi',
      'the queue opens on the registrations waiting for the RA',
    );
    await page.getByLabel('Cari registrasi').fill(query);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /registrasi\.?$/ })
      .waitFor();
    return page.locator('table tbody tr');
  };
  const openReview = async (page: Page, query: string, name: string) => {
    const rows = await searchQueue(page, query);
    await page.getByText('1 registrasi', { exact: true }).waitFor();
    assert.equal(await rows.count(), 1);
    await rows.getByRole('link', { name }).click();
    await heading(page, 'Tinjau Ulang').waitFor();
  };
  const decision = (page: Page) =>
    page.locator('section').filter({ has: page.getByRole('heading', { name: 'Keputusan' }) });
  /** The image's natural width once it has loaded (0 or a throw when it did not). */
  const loadedWidth = (page: Page, name: string) =>
    page.getByRole('img', { name, exact: true }).evaluate(async (node) => {
      const img = node as unknown as Img;
      await img.decode();
      return img.naturalWidth;
    });

  it('the invited person walks the wizard to "Aktivasi berhasil"', async () => {
    person = wizardPerson(DOMAIN, 'female');
    const invited = await inviteByMail(server, smtp, base, {
      institutionId,
      fullName: person.fullName,
      email: person.email,
    });
    accountId = invited.accountId;
    wizardLink = invited.link;
    await walkWizard(await newPage(), invited.link, person);
  });

  it('an RA officer signs in, finds it by NIK, reviews Tinjau Ulang and gives the first approval', async () => {
    first = await signInOfficer(0);
    // A NIK that is not this one finds nothing; the person's NIK finds exactly their registration.
    const none = await searchQueue(first, `${person.nik.slice(0, 15)}${(Number(person.nik[15]) + 1) % 10}`);
    await first.getByText('Tidak ada registrasi.').waitFor();
    assert.equal(await none.count(), 0);
    await openReview(first, person.nik, person.fullName);

    // The tabs of seed 003, Overview first.
    const tabs = first.getByRole('tablist', { name: 'Bagian Tinjau Ulang' }).getByRole('tab');
    // The heading shows before the registration has loaded: wait for the last tab, then read them.
    await tabs.filter({ hasText: 'Riwayat Data' }).waitFor();
    assert.deepEqual(await tabs.allInnerTexts(), [
      'Overview',
      'Ubah Akun',
      'Jenis Permohonan',
      'Sertifikat Elektronik',
      'Riwayat Data',
    ]);
    assert.equal(await first.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected'), 'true');

    // The selfie and the KTP scan load, side by side.
    assert.ok((await loadedWidth(first, 'Foto Diri')) > 0, 'the selfie loads');
    assert.ok((await loadedWidth(first, 'Scan KTP')) > 0, 'the KTP scan loads');
    const selfieBox = (await first.getByRole('img', { name: 'Foto Diri', exact: true }).boundingBox())!;
    const ktpBox = (await first.getByRole('img', { name: 'Scan KTP', exact: true }).boundingBox())!;
    assert.ok(ktpBox.x >= selfieBox.x + selfieBox.width, 'the KTP scan is beside the selfie');
    assert.ok(ktpBox.y < selfieBox.y + selfieBox.height, 'on the same row');

    // Overview: what the person gave, and when they accepted each consent.
    const facts = async (section: string) => {
      const card = first
        .locator('section.card')
        .filter({ has: first.getByRole('heading', { name: section }) });
      await card.locator('dd').first().waitFor();
      const items = await card.locator('dt').allInnerTexts();
      const values = await card.locator('dd').allInnerTexts();
      return new Map(items.map((k, i) => [k.trim(), values[i]!.trim()]));
    };
    const personal = await facts('Informasi diri anda :');
    assert.equal(personal.get('Nama'), person.fullName);
    assert.equal(personal.get('NIK'), person.nik);
    assert.equal(personal.get('Gelar Depan'), 'Dr.');
    assert.equal(personal.get('Gelar Belakang'), 'S.Kom.');
    assert.equal(personal.get('E-Mail'), person.email);
    assert.match(personal.get('Nomor HP') ?? '', /Belum Terverifikasi/);
    // The NIK reads on one line, as tall as the name (the card is a third of the page wide).
    const personalCard = first.locator('section.card').filter({
      has: first.getByRole('heading', { name: 'Informasi diri anda :' }),
    });
    const nikHeight = (await personalCard.locator('dd').filter({ hasText: person.nik }).boundingBox())!
      .height;
    const nameHeight = (await personalCard.locator('dd').first().boundingBox())!.height;
    assert.equal(nikHeight, nameHeight, 'the NIK is not broken over two lines');
    for (const consent of [
      'Persetujuan Pemrosesan Data Pribadi',
      'Persetujuan Kebijakan Privasi',
      'Persetujuan Perjanjian Pemilik SrE',
    ])
      assert.match(personal.get(consent) ?? '', /^versi \S+, .+ pukul \d{2}\.\d{2} WIB$/, consent);
    const employment = await facts('Informasi jabatan anda :');
    assert.equal(employment.get('NIP'), person.nip);
    assert.equal(employment.get('Organisasi'), INSTITUTION);
    const status = await facts('Informasi sertifikat elektronik anda :');
    assert.equal(status.get('Status Verifikasi'), 'Menunggu Verifikasi');
    // No link to send yet: the account waits for the RA, whose approval sends the set-up link.
    assert.equal(
      await first.getByRole('heading', { name: 'Kirim tautan melalui email pengguna' }).count(),
      0,
    );
    await first.screenshot({ path: path.join(screenshots, 'ra-tinjau-ulang.png'), fullPage: true });

    // A second tab of the same officer, opened before the approval.
    staleTab = await first.context().newPage();
    staleTab.on('pageerror', (error) => pageErrors.push(error.message));
    await staleTab.goto(first.url());
    await decision(staleTab).getByRole('button', { name: 'Approve' }).waitFor();

    // Approve: the institution wants two officers.
    const card = decision(first);
    await card.getByText('Instansi ini memerlukan persetujuan dua petugas RA (empat mata).').waitFor();
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.getByText(`Setujui registrasi ${person.fullName}?`).waitFor();
    await card.getByRole('button', { name: 'Ya, setujui' }).click();
    await card.getByText('Persetujuan pertama tercatat: petugas RA lain harus mengonfirmasi.').waitFor();
    const [row] = await server.rt.db
      .select()
      .from(registrations)
      .where(eq(registrations.accountId, accountId));
    assert.equal(row?.status, 'first_approval');
    assert.equal(row?.firstApprovedBy, officers[0]!.account.id);
  });

  it('the first officer cannot confirm their own approval, and the page says why', async () => {
    // Now: no Approve button, and the reason.
    const card = decision(first);
    await card
      .getByText('Persetujuan pertama adalah milik anda: petugas RA lain harus mengonfirmasi.')
      .waitFor();
    assert.equal(await card.getByRole('button', { name: 'Approve' }).count(), 0);
    await first.screenshot({ path: path.join(screenshots, 'ra-first-approval.png'), fullPage: true });
    // The tab opened before the approval still offers it; the server refuses, the page says why
    // in Indonesian and then shows the registration as it now is.
    const staleCard = decision(staleTab);
    await staleCard.getByRole('button', { name: 'Approve' }).click();
    await staleCard.getByRole('button', { name: 'Ya, setujui' }).click();
    const refusal = staleCard.getByRole('alert');
    await refusal.waitFor();
    assert.equal(
      (await refusal.innerText()).trim(),
      'Persetujuan pertama adalah milik anda: petugas RA lain yang harus mengonfirmasi (empat mata).',
    );
    await staleCard
      .getByText('Persetujuan pertama adalah milik anda: petugas RA lain harus mengonfirmasi.')
      .waitFor();
    assert.equal(await staleCard.getByRole('button', { name: 'Approve' }).count(), 0);
    await staleTab.close();
  });

  it('a second officer confirms: VERIFIED, and "[BSrE] Informasi Akun" is sent', async () => {
    const second = await signInOfficer(1);
    // This officer types the NIP as it is printed, in its groups.
    const nip = person.nip;
    const rows = await searchQueue(
      second,
      `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}`,
    );
    await rows.first().waitFor();
    assert.match(await rows.first().innerText(), /Persetujuan Pertama/);
    await rows.getByRole('link', { name: person.fullName }).click();
    await heading(second, 'Tinjau Ulang').waitFor();
    const card = decision(second);
    await card
      .getByText(/^Persetujuan pertama pada .+ WIB; menunggu konfirmasi petugas RA lain\.$/)
      .waitFor();
    const since = smtp.received.length;
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.getByRole('button', { name: 'Ya, setujui' }).click();
    await card
      .getByText('Registrasi diverifikasi. Email "Informasi Akun" telah dikirim ke pengguna.')
      .waitFor();
    assert.equal(await card.getByRole('button', { name: 'Approve' }).count(), 0);
    await card.getByText('VERIFIED').first().waitFor();
    const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    assert.equal(account?.status, 'active');
    // Now active: the officer may send links, and sees the set-up link as open.
    const links = second.locator('section').filter({
      has: second.getByRole('heading', { name: 'Kirim tautan melalui email pengguna' }),
    });
    await links.getByText('SETUP_ACCOUNT').first().waitFor();
    await waitForMail(smtp, person.email, /^\[BSrE\] Informasi Akun$/, { since });
  });

  it('the person follows the Informasi Akun link: authenticator, password, signed in', async () => {
    const mail = await waitForMail(smtp, person.email, /^\[BSrE\] Informasi Akun$/);
    const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    assert.ok((mail.text ?? '').includes(`Username: ${account!.username}`));
    const link = linkInMail(mail, base, '/link');
    const page = await newPage();
    // The wizard's link, opened again, says the registration is verified and where to go next.
    await page.goto(wizardLink);
    await heading(page, 'Registrasi sudah diverifikasi').waitFor();
    await page.getByText('Buka email "Informasi Akun" untuk memasang authenticator').waitFor();
    await page.goto(link);
    await heading(page, 'Mobile Authenticator Setup').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    await page.getByRole('img', { name: 'QR code untuk aplikasi authenticator' }).waitFor();
    await page.getByRole('button', { name: 'Tidak bisa scan?' }).click();
    const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByLabel('Nama Device').fill('Ponsel Pribadi');
    await page.getByRole('button', { name: 'Submit' }).click();

    await heading(page, 'Update password').waitFor();
    await page.getByLabel('Password Baru').fill(NEW_PASSWORD);
    await page.getByLabel('Konfirmasi Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Submit' }).click();
    await heading(page, 'Profil').waitFor();
    await page.getByText('Authenticator terpasang dan password disimpan: akun anda sudah siap.').waitFor();
    assert.ok((await page.locator('dl.facts').first().innerText()).includes(person.fullName));
    // "Instansi anda": the Data Kedinasan the person gave in the wizard.
    const institution = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Instansi anda' }) });
    await institution.getByText(INSTITUTION, { exact: true }).waitFor();
    const kedinasan = (await institution.locator('dl.facts').innerText()).replace(/\s+/g, ' ');
    assert.match(kedinasan, /Unit Organisasi Direktorat Teknologi Informasi/);
    assert.match(kedinasan, /Jabatan Tendik/);
    assert.match(kedinasan, /Provinsi JAWA TIMUR/);
    await page.screenshot({ path: path.join(screenshots, 'journey-signed-in.png'), fullPage: true });

    // Keluar, then in again with the NIK.
    await page.getByRole('button', { name: /Menu akun/ }).click();
    await page.locator('.avatar-panel').getByRole('button', { name: 'Keluar' }).click();
    await heading(page, 'BeID').waitFor();
    await signIn(page, person.nik, NEW_PASSWORD, secret);
    assert.ok((await page.locator('dl.facts').first().innerText()).includes(person.fullName));
  });

  let rejected: SubmittedRegistration;
  it('a rejection with a reason: the page records it and the person reads it in the e-mail', async () => {
    rejected = await submittedRegistration(server.rt, {
      institutionId,
      email: `ditolak.${Date.now() % 100000}@${DOMAIN}`,
      ktp: true,
    });
    await openReview(first, rejected.person.nik, rejected.person.fullName);
    const card = decision(first);
    await card.getByRole('button', { name: 'Reject' }).click();
    const reason = 'Foto diri tidak jelas, silakan ulangi dengan pencahayaan cukup.';
    await card.getByLabel('Alasan penolakan').fill(reason);
    await card.getByText('Alasan ini dikirim ke pengguna melalui email.').waitFor();
    const since = smtp.received.length;
    await card.getByRole('button', { name: 'Tolak registrasi' }).click();
    await card.getByText('Registrasi ditolak. Pengguna diberi tahu melalui email.').waitFor();
    await card.getByText(new RegExp(`^Ditolak pada .+ WIB: ${reason.replace(/[.,]/g, '\\$&')}$`)).waitFor();
    assert.equal(await card.getByRole('button', { name: 'Approve' }).count(), 0);
    const mail = await waitForMail(smtp, rejected.email, /^\[BSrE\] Registrasi Ditolak$/, { since });
    assert.ok((mail.text ?? '').includes(reason), mail.text);
    // The wizard's link, opened again, says so too (not "sedang diverifikasi").
    const activation = await waitForMail(smtp, rejected.email, /Aktivasi Akun$/);
    const page = await newPage();
    await page.goto(linkInMail(activation, base, '/aktivasi'));
    await heading(page, 'Registrasi ditolak').waitFor();
    await page.getByText('Alasannya telah dikirim ke email anda.', { exact: false }).waitFor();
  });

  it('raised no script errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
