/**
 * Issue 10's walk, every step in one Chromium session against a listening `teken serve`, with real
 * mails (a real SMTP server), the fake WhatsApp Cloud API and a fake camera. The holder works at
 * 1280 px and every screen of theirs is checked at 360 px as well (a viewport switch: nothing
 * scrolls sideways); the last part, Pencabutan, is done at 360 px. The institution has four-eyes,
 * so two RA officers approve.
 *
 * Request with a supporting document → RA approval (four-eyes) → set passphrase from the mailed
 * link → the list shows Issued → Unduh (`openssl verify` of certificate + chain) → Info → Ubah
 * passphrase → Reset passphrase (the phone is not WhatsApp-verified: the "Verifikasi" dialog first,
 * with the code the fake Cloud API received; selfie; the RA confirms at /ra/foto-diri) → the old
 * certificate revoked (superseded) in `openssl ocsp` → Pencabutan of the new one, approved by the
 * RA → `openssl ocsp` says revoked.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { heading, launchChromium } from '../helpers/browser.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import {
  assertNoSidewaysScroll,
  enrolAuthenticator,
  signedInPage,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { linkInMail, waitForMail } from '../helpers/mailbox.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { askOcsp, openssl } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { tmpDir } from '../helpers/tmp-dir.js';
import { waitForCamera } from '../helpers/wizard.js';
import { startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';
import { letterPdf } from '../helpers/letter-pdf.js';

const DOMAIN = 'jalan.go.id';
const PASSWORD = 'pohon kelapa di tepi pantai';
const FIRST = 'Rahasia#2026';
const CHANGED = 'Diubah-Rahasia#2027';
const RESET = 'Reset-Rahasia#2028';

/** 08… as typed → the digits the Cloud API gets (E.164 without "+"). */
const waNumber = (phone: string) => `62${phone.replace(/\D/g, '').replace(/^0/, '')}`;

describe('the subscriber’s certificates, the whole walk (Chromium, mails, fake WhatsApp and camera)', () => {
  let server: ConsoleServer;
  let smtp: TestSmtpServer;
  let wa: FakeWhatsApp;
  let browser: Browser;
  let base: string;
  let bundle: string;
  let institutionId: string;
  const dir = tmpDir();
  const pageErrors: string[] = [];

  before(async () => {
    smtp = await startSmtpServer();
    wa = await startFakeWhatsApp();
    ({ server, base } = await startConsoleServer({
      ...wa.env(),
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_ORGANISATION_NAME: 'BSrE',
    }));
    bundle = writeCaPems(server.rt, dir);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        {
          name: 'Dinas Uji Jalan',
          emailDomains: [DOMAIN],
          province: 'Jawa Tengah',
          policy: { fourEyes: true },
        },
      )
    ).id;
    browser = await launchChromium({ fakeCamera: true });
  });

  const secrets = new Map<string, string>();
  /** A page signed in as the account; its authenticator is set up on its first sign-in. */
  const signIn = async (account: AccountRow, width: number) => {
    const secret = secrets.get(account.id) ?? (await enrolAuthenticator(server, account, PASSWORD));
    secrets.set(account.id, secret);
    return signedInPage(
      browser,
      pageErrors,
      base,
      { account, password: PASSWORD, secret },
      { width, acceptDownloads: true },
    );
  };
  /** The same screen at 360 px: nothing scrolls sideways; then back to the width it had. */
  const alsoAt360 = async (page: Page, where: string) => {
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 360, height: 800 });
    await assertNoSidewaysScroll(page, `${where} at 360 px`);
    await page.setViewportSize(size);
  };
  const menu = async (page: Page, link: string) => {
    const toggle = page.getByRole('button', { name: 'Menu', exact: true });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: link }).click();
  };
  const ocsp = (file: string) =>
    askOcsp({
      url: base,
      issuer: path.join(dir, 'individual.pem'),
      cert: file,
      caFile: bundle,
      extra: ['-resp_text'],
    });
  /** Unduh → PEM (with the chain) of the row; `openssl verify` builds the path to the root from it. */
  const downloadPem = async (page: Page, row: ReturnType<Page['getByRole']>, name: string) => {
    await row.getByText('Unduh', { exact: true }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Unduh PEM (dengan rantai)' }).click(),
    ]);
    const target = path.join(dir, name);
    await file.saveAs(target);
    assert.match(
      openssl([
        'verify',
        '-x509_strict',
        '-CAfile',
        path.join(dir, 'root.pem'),
        '-untrusted',
        target,
        target,
      ]),
      /: OK/,
    );
    return target;
  };
  /** The WhatsApp message of `template` to the number, after `seen` messages to it. */
  const whatsApp = async (phone: string, template: string | undefined, seen: number) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      await server.rt.notify.deliver();
      const messages = wa.received.filter((m) => m.to === waNumber(phone)).slice(seen);
      const found = messages.find((m) => template === undefined || m.template === template);
      if (found) return found;
      if (Date.now() > deadline) assert.fail(`no WhatsApp ${template ?? 'code'} to ${phone}`);
      await sleep(100);
    }
  };

  it('request → four-eyes → passphrase → Unduh, Info, Ubah → reset → OCSP → Pencabutan → OCSP', async () => {
    const officers = await Promise.all(
      [1, 2].map((n) =>
        createTestAccount(server.rt, {
          prefix: 'ra-jalan',
          n,
          name: `Verifikator Jalan ${n}`,
          roles: ['ra_officer'],
          institutionId,
          password: PASSWORD,
        }),
      ),
    );
    const person = syntheticPerson();
    const { account } = await createVerifiedSubscriber(server.rt, {
      institutionId,
      email: `pejalan.${crypto.randomBytes(3).toString('hex')}@${DOMAIN}`,
      fullName: person.fullName,
      password: PASSWORD,
      person,
      phoneVerified: false,
    });
    const page = await signIn(account, 1280);
    // The number is not verified: the dashboard offers "Verifikasi Nomor HP"; later, not now.
    const later = page.getByRole('dialog', { name: 'Verifikasi Nomor HP' });
    await later.getByRole('button', { name: 'Cancel' }).click();

    // 1. Permohonan Baru → eSign → the Surat Rekomendasi → Submit.
    await menu(page, 'Permohonan Baru');
    await heading(page, 'Permohonan Baru').waitFor();
    await page
      .locator('.product-card')
      .filter({ hasText: 'eSign' })
      .getByRole('button', { name: 'Enroll' })
      .click();
    await page.getByRole('heading', { name: 'Unggah Dokumen Pendukung' }).waitFor();
    await page.getByLabel('Dokumen Pendukung (PDF)').setInputFiles({
      name: 'surat-rekomendasi.pdf',
      mimeType: 'application/pdf',
      buffer: letterPdf('Surat'),
    });
    const subject = (await page.getByTestId('planned-subject').innerText()).trim();
    assert.match(subject, new RegExp(`^CN=${person.fullName}, `));
    await alsoAt360(page, 'Unggah Dokumen Pendukung');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Permohonan terkirim').waitFor();

    // 2. Four-eyes: one officer approves, another confirms; the mails go out.
    const mailsBefore = smtp.received.length;
    for (const [i, officer] of officers.entries()) {
      const ra = await signIn(officer, 1280);
      await menu(ra, 'Permohonan Sertifikat');
      await heading(ra, 'Permohonan Sertifikat').waitFor();
      await ra.getByRole('link', { name: person.fullName, exact: true }).click();
      await heading(ra, 'Tinjau Ulang Permohonan').waitFor();
      await ra.locator('iframe.document-frame').waitFor();
      const decision = ra.locator('section').filter({ has: ra.getByRole('heading', { name: 'Keputusan' }) });
      await decision.getByRole('button', { name: 'Setujui' }).click();
      await decision.getByRole('button', { name: 'Ya, setujui' }).click();
      await decision
        .getByText(
          i === 0
            ? 'Persetujuan pertama tercatat: petugas RA lain harus mengonfirmasi.'
            : 'Permohonan disetujui',
        )
        .waitFor();
    }
    await waitForMail(smtp, account.email, /^\[BSrE\] Permohonan Penerbitan Berhasil/, {
      since: mailsBefore,
    });
    const link = linkInMail(
      await waitForMail(smtp, account.email, /^\[BSrE\] Set Passphrase/, { since: mailsBefore }),
      base,
      '/passphrase',
    );

    // 3. Membuat Passphrase from the mailed link.
    await page.goto(link);
    await heading(page, 'Membuat Passphrase').waitFor();
    await page.getByText(`Subjek: ${subject}`).waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(FIRST);
    await page.getByLabel('Konfirmasi Passphrase').fill(FIRST);
    await page.getByText('Persetujuan Perjanjian Pemilik Sertifikat Elektronik').click();
    await page.getByRole('button', { name: 'Setuju', exact: true }).click();
    await alsoAt360(page, 'Membuat Passphrase');
    await page.getByRole('button', { name: 'Kirim' }).click();
    await heading(page, 'Berhasil').waitFor({ timeout: 30_000 });
    await waitForMail(smtp, account.email, /^\[BSrE\] Sertifikat Elektronik Terbit/, { since: mailsBefore });

    // 4. Daftar Sertifikat Elektronik: Issued; Unduh; Info.
    await page.goto(`${base}/`);
    await later.getByRole('button', { name: 'Cancel' }).click();
    await menu(page, 'Daftar Sertifikat Elektronik');
    await heading(page, 'Daftar Sertifikat Elektronik').waitFor();
    const rows = page.getByRole('row', { name: new RegExp(person.fullName) });
    const row = rows.first();
    await row.waitFor();
    assert.equal((await row.getByRole('cell').allInnerTexts())[4], 'Issued');
    await alsoAt360(page, 'Daftar Sertifikat Elektronik');
    const oldFile = await downloadPem(page, row, 'lama.pem');
    await row.getByRole('cell', { name: /^Telah di unduh @ \d{1,2} \w+ \d{4}$/ }).waitFor();
    assert.match(await ocsp(oldFile), /lama\.pem: good/);
    const oldCert = new crypto.X509Certificate(fs.readFileSync(oldFile));
    await row.getByRole('button', { name: 'Info' }).click();
    const info = page.getByRole('dialog', { name: 'Info Sertifikat Elektronik' });
    await info.getByText(oldCert.fingerprint256).waitFor();
    await alsoAt360(page, 'Info');
    await info.getByRole('button', { name: 'Tutup' }).click();

    // 5. Ubah passphrase: the same key, resealed.
    await row.getByText('Aksi ▾').click();
    await row.getByRole('button', { name: 'Ubah passphrase' }).click();
    const change = page.getByRole('dialog', { name: 'Ubah Passphrase' });
    await change.getByLabel('Passphrase Lama').fill(FIRST);
    await change.getByLabel('Passphrase Baru').fill(CHANGED);
    await change.getByLabel('Ulangi Passphrase').fill(CHANGED);
    await alsoAt360(page, 'Ubah passphrase');
    await change.getByRole('button', { name: 'Ubah Passphrase' }).click();
    await change.getByText('Berhasil — passphrase anda telah diubah.', { exact: false }).waitFor();
    await change.getByRole('button', { name: 'OK' }).click();

    // 6. Reset passphrase: the number is not WhatsApp-verified, so "Verifikasi" comes first.
    await row.getByText('Aksi ▾').click();
    await row.getByRole('link', { name: 'Reset passphrase' }).click();
    await heading(page, 'Reset Passphrase').waitFor();
    await page.getByText('kunci dan sertifikat elektronik BARU yang menggantikan sertifikat ini').waitFor();
    await alsoAt360(page, 'Reset Passphrase');
    await page.getByRole('button', { name: 'Mulai Reset Passphrase' }).click();
    const verify = page.getByRole('dialog', { name: 'Verifikasi' });
    await verify.getByLabel('Nomor HP').fill(person.phone);
    const seen = wa.received.filter((m) => m.to === waNumber(person.phone)).length;
    await verify.getByRole('button', { name: 'Kirim Kode OTP', exact: true }).click();
    const code = (await whatsApp(person.phone, undefined, seen)).buttonCode;
    assert.ok(code && /^\d{6}$/.test(code), 'the code came by WhatsApp');
    await verify.getByLabel('Masukkan Kode OTP').fill(code);
    await verify.getByRole('button', { name: 'Verifikasi OTP', exact: true }).click();
    await verify.getByText('Terverifikasi', { exact: true }).waitFor();
    await alsoAt360(page, 'Verifikasi');
    await verify.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page.getByText('Tautan reset passphrase telah dikirim ke WhatsApp').waitFor();
    const resetLink = (await whatsApp(person.phone, 'teken_link_reset_passphrase', seen)).parameters[1]!;
    assert.ok(resetLink.startsWith(`${base}/reset-passphrase#`), resetLink);

    // Step 1: the selfie with the fake camera; the RA confirms at /ra/foto-diri.
    await page.goto(resetLink);
    await page.getByRole('heading', { name: 'Ambil Foto Diri' }).waitFor();
    await page.getByRole('button', { name: 'Ambil foto' }).click();
    const camera = page.getByRole('dialog', { name: 'Ambil foto' });
    await waitForCamera(page);
    await camera.getByRole('button', { name: 'Ambil foto' }).click();
    await camera.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Foto diri Anda sedang diperiksa oleh RA').waitFor();
    await alsoAt360(page, 'Pengecekan Foto Diri');
    const ra = await signIn(officers[0]!, 1280);
    await menu(ra, 'Pengecekan Foto Diri');
    await heading(ra, 'Pengecekan Foto Diri').waitFor();
    const card = ra.getByRole('article', { name: person.fullName });
    await card.getByRole('img', { name: 'Foto diri baru' }).waitFor();
    await card.getByRole('button', { name: 'Cocok', exact: true }).click();
    await ra.getByText('Foto diri dicocokkan.').waitFor();

    // Step 2: Buat Passphrase with the agreement; Berhasil.
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).waitFor({ timeout: 20_000 });
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(RESET);
    await page.getByRole('textbox', { name: 'Konfirmasi Passphrase' }).fill(RESET);
    await page.getByRole('button', { name: /Persetujuan Perjanjian Pemilik Sertifikat Elektronik/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Setuju' }).click();
    await alsoAt360(page, 'Buat Passphrase');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page
      .getByRole('dialog', { name: 'Berhasil' })
      .getByText('Passphrase Anda berhasil dirubah')
      .waitFor({ timeout: 30_000 });

    // The old certificate is revoked as superseded.
    const oldAnswer = await ocsp(oldFile);
    assert.match(oldAnswer, /lama\.pem: revoked/);
    assert.match(oldAnswer, /Reason: superseded/);

    // 7. At 360 px: the new certificate in the list, Unduh, Pencabutan.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${base}/sertifikat`);
    await heading(page, 'Daftar Sertifikat Elektronik').waitFor();
    const fresh = rows.filter({ has: page.getByRole('cell', { name: 'Issued', exact: true }) });
    await rows.filter({ has: page.getByRole('cell', { name: 'Revoked', exact: true }) }).waitFor();
    const newFile = await downloadPem(page, fresh, 'baru.pem');
    assert.match(await ocsp(newFile), /baru\.pem: good/);
    await fresh.getByText('Aksi ▾').click();
    await fresh.getByRole('link', { name: 'Pencabutan' }).click();
    await page.getByRole('heading', { name: 'Pencabutan Sertifikat Elektronik' }).waitFor();
    await page.getByLabel('Alasan pencabutan').selectOption('cessationOfOperation');
    await page.getByRole('textbox', { name: 'Passphrase' }).fill(RESET);
    await page.getByRole('button', { name: 'Cabut Sertifikat' }).click();
    await page.getByText('status On Revoke sampai RA menyetujui').waitFor();
    await assertNoSidewaysScroll(page, 'Pencabutan at 360 px');
    assert.match(await ocsp(newFile), /baru\.pem: good/, 'good until the RA approves');

    const mailsBeforeRevoke = smtp.received.length;
    await menu(ra, 'Pencabutan');
    await ra.getByRole('heading', { name: 'Permohonan Pencabutan' }).waitFor();
    await ra
      .getByRole('row', { name: new RegExp(person.fullName) })
      .getByRole('button', { name: 'Setujui Pencabutan' })
      .click();
    await ra.getByText('Tidak ada permohonan pencabutan').waitFor();
    const newAnswer = await ocsp(newFile);
    assert.match(newAnswer, /baru\.pem: revoked/);
    assert.match(newAnswer, /Reason: cessationOfOperation/);
    await waitForMail(smtp, account.email, /^\[BSrE\] Sertifikat Elektronik Dicabut/, {
      since: mailsBeforeRevoke,
    });
    await page.goto(`${base}/sertifikat`);
    await heading(page, 'Daftar Sertifikat Elektronik').waitFor();
    await assertNoSidewaysScroll(page, 'the list at the end, 360 px');
    assert.equal(
      await rows.filter({ has: page.getByRole('cell', { name: 'Issued', exact: true }) }).count(),
      0,
    );
    assert.deepEqual(pageErrors, []);
  });
});
