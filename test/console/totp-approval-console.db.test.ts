/**
 * "/persetujuan" (Persetujuan Tanda Tangan) in Chromium, end to end over HTTP: an institution's
 * application asks eSign v2 `sign/get/totp` for a holder; the holder gets "[BSrE] Persetujuan
 * Tanda Tangan" with the link, opens it (no sign-in), reads who asks for how many documents,
 * approves with the passphrase (a wrong one first: said and counted) and reads the code, which is
 * mailed too; the application then signs with it at `POST /api/v2/sign/pdf` (pdfsig judges the
 * result) and no more than it allows. A second request is refused on the page: the link is used,
 * nothing is sealed and no code signs. The seal's activation is approved at 360 px in English.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { totpAuthorisations } from '../../src/db/schema.js';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import { heading, launchChromium, openPage } from '../helpers/browser.js';
import {
  assertNoSidewaysScroll,
  holderWithCertificate,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { letterPdf } from '../helpers/letter-pdf.js';
import { linkInMail, waitForMail } from '../helpers/mailbox.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { judgesOf } from '../helpers/signing-fixture.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { tmpDir } from '../helpers/tmp-dir.js';
import { startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const DOMAIN = 'persetujuan-konsol.go.id';
const PASSWORD = 'burung camar terbang rendah';
const PASSPHRASE = 'Rahasia#2026';
const CLIENT = 'Aplikasi Surat Kelurahan';

describe('Persetujuan Tanda Tangan (/persetujuan) in Chromium: get/totp → mail → approve or refuse → sign/pdf', () => {
  let server: ConsoleServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let base: string;
  let basic: string;
  let institutionId: string;
  let judges: ReturnType<typeof judgesOf>;
  const dir = tmpDir();
  const pageErrors: string[] = [];

  before(async () => {
    smtp = await startSmtpServer();
    ({ server, base } = await startConsoleServer({
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_ORGANISATION_NAME: 'BSrE',
      TEKEN_ESEAL_KEY: 'p256',
    }));
    judges = judgesOf(server.rt);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Kelurahan Uji Persetujuan', emailDomains: [DOMAIN], province: 'Jawa Timur', policy: {} },
      )
    ).id;
    const client = await createApiClient(identityContextOf(server.rt), { operator: 'test' }, institutionId, {
      description: CLIENT,
    });
    basic = `Basic ${Buffer.from(`${client.username}:${client.secret}`).toString('base64')}`;
    browser = await launchChromium();
  });

  /** The institution's application, over HTTP as it would call Teken. */
  const api = async (url: string, body: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const holder = () =>
    holderWithCertificate(server.rt, {
      institutionId,
      email: `pegawai.${crypto.randomBytes(3).toString('hex')}@${DOMAIN}`,
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
  /** The approval link mailed to `to` after the `since`-th message. */
  const approvalLink = async (to: string, since: number) =>
    linkInMail(
      await waitForMail(smtp, to, /^\[BSrE\] Persetujuan Tanda Tangan$/, { since }),
      base,
      '/persetujuan',
    );

  it('approves a get/totp with the passphrase; the code signs two documents at sign/pdf and no third', async () => {
    const started = Date.now();
    const { account, person } = await holder();
    const since = smtp.received.length;
    const asked = await api('/api/v2/sign/get/totp', { nik: person.nik, data: 2 });
    assert.deepEqual(asked, {
      status: 200,
      body: { success: true, message: 'TOTP berhasil dikirim', data: null },
    });
    const link = await approvalLink(account.email, since);

    const { page } = await openPage(browser, pageErrors, { viewport: { width: 1280, height: 800 } });
    await page.goto(link);
    await heading(page, 'Persetujuan Tanda Tangan').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    await page.getByText(`${CLIENT} meminta izin menandatangani 2 dokumen`).waitFor();
    await page
      .getByText(`Atas nama ${person.fullName}, Kelurahan Uji Persetujuan.`, { exact: false })
      .waitFor();

    // A wrong passphrase: said, counted, and the link still works.
    await page.getByLabel('Passphrase').fill('Salah#0000');
    await page.getByRole('button', { name: 'Setujui' }).click();
    await page
      .getByRole('alert')
      .getByText(/^Passphrase salah\. Sisa percobaan sebelum passphrase dikunci: \d+\.$/)
      .waitFor();
    assert.equal(await page.getByLabel('Passphrase').inputValue(), '');
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('Permintaan disetujui. Kode TOTP Anda (juga dikirim ke email):').waitFor();
    const code = (await page.getByTestId('totp-code').innerText()).trim();
    assert.match(code, /^\d{8}$/);
    await page.getByText('paling banyak 2 dokumen', { exact: false }).waitFor();
    const mail = await waitForMail(smtp, account.email, /Kode TOTP/, { since });
    assert.ok(mail.text?.includes(code), 'the code is mailed too');
    // Reloading the page: the token is gone with the address, the link is used.
    await page.reload();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByTestId('totp-code').count(), 0);

    // The application signs with the code: two documents, then no more.
    for (const n of [1, 2]) {
      const signed = await api('/api/v2/sign/pdf', {
        nik: person.nik,
        totp: code,
        file: [letterPdf(`Surat ${n}`).toString('base64')],
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const [file] = signed.body['file'] as string[];
      const out = judgeSigned(judges, dir, Buffer.from(file!, 'base64'), `totp-${n}`, 1);
      assert.match(out, /Certificate is Trusted/);
      assert.match(out, new RegExp(`Signer Certificate Common Name: ${person.fullName}`));
    }
    const third = await api('/api/v2/sign/pdf', {
      nik: person.nik,
      totp: code,
      file: [letterPdf('Surat 3').toString('base64')],
    });
    assert.equal(third.status, 400, JSON.stringify(third.body));
    assert.deepEqual(pageErrors, []);
    assert.ok(Date.now() - started < 30_000, `the walk took ${Date.now() - started} ms`);
  });

  it('refuses a get/totp on the page: the link is used, nothing is sealed, no code signs', async () => {
    const { account, person, issued } = await holder();
    const since = smtp.received.length;
    assert.equal((await api('/api/v2/sign/get/totp', { nik: person.nik, data: 1 })).status, 200);
    const link = await approvalLink(account.email, since);
    const { page } = await openPage(browser, pageErrors, { viewport: { width: 1280, height: 800 } });
    await page.goto(link);
    await page.getByText(`${CLIENT} meminta izin menandatangani 1 dokumen`).waitFor();
    await page.getByRole('button', { name: 'Tolak' }).click();
    await page.getByText('Permintaan ditolak. Tidak ada dokumen yang ditandatangani.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Setujui' }).count(), 0);
    const rows = await server.rt.db
      .select()
      .from(totpAuthorisations)
      .where(eq(totpAuthorisations.subscriberCertificateId, issued.id));
    assert.deepEqual(
      rows.map((r) => [r.state, r.sealedKey]),
      [['refused', null]],
    );
    // The same link again: used.
    const { page: again } = await openPage(browser, pageErrors);
    await again.goto(link);
    await again.getByRole('alert').waitFor();
    assert.equal(await again.getByRole('button', { name: 'Setujui' }).count(), 0);
    const guess = await api('/api/v2/sign/pdf', {
      nik: person.nik,
      totp: '12345678',
      file: [letterPdf('Surat').toString('base64')],
    });
    assert.equal(guess.status, 400, JSON.stringify(guess.body));
    assert.ok(!smtp.received.slice(since).some((m) => /Kode TOTP/.test(m.mail.subject ?? '')));
    assert.deepEqual(pageErrors, []);
  });

  it('approves a seal activation at 360 px in English', async () => {
    const admin = await createTestAccount(server.rt, {
      prefix: 'admin-segel-konsol',
      n: 1,
      name: 'Admin Segel Kelurahan',
      roles: ['institution_admin'],
      institutionId,
      password: PASSWORD,
    });
    const ctx = certificatesContextOf(server.rt);
    const { id } = await requestCertificate(ctx, admin, { product: 'eseal' });
    await approveCertificateRequest(ctx, { operator: 'test' }, id);
    const seal = await setPassphraseAsOperator(ctx, 'test', id, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    const since = smtp.received.length;
    const sent = await api('/api/v2/seal/get/activation', { idSubscriber: seal.id });
    assert.equal(sent.body['message'], 'TOTP Aktivasi berhasil dikirim');
    const link = await approvalLink(admin.email, since);
    const { page } = await openPage(browser, pageErrors, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${base}/masuk`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(link);
    await heading(page, 'Signing approval').waitFor();
    await page.getByText(`${CLIENT} asks to activate the institution's electronic seal (eSeal)`).waitFor();
    await assertNoSidewaysScroll(page, 'the seal request at 360 px');
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Activation approved. The seal activation code (also sent by e-mail):').waitFor();
    const code = (await page.getByTestId('totp-code').innerText()).trim();
    assert.match(code, /^\d{16}$/);
    await assertNoSidewaysScroll(page, 'the activation code at 360 px');
    const still = await api('/api/v2/seal/get/activation', { idSubscriber: seal.id, totp: code });
    assert.equal(still.body['message'], 'TOTP Aktivasi masih berlaku');
    assert.deepEqual(pageErrors, []);
  });
});
