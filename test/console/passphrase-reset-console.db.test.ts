/**
 * Reset passphrase in a real browser (Chromium with a fake camera, the holder at 360 px) against a
 * listening server and the fake WhatsApp Cloud API: the holder reads that a new certificate
 * replaces the old one and starts → the link goes by WhatsApp → the link page takes the selfie →
 * an RA officer confirms it in RA → Pengecekan Foto Diri → the holder's page moves on by itself to
 * "Buat Passphrase" → the agreement, Submit → "Berhasil — Passphrase Anda berhasil dirubah" →
 * `openssl ocsp` says the old certificate revoked (superseded) and the new one good.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { certificates, subscriberCertificates } from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { heading, launchChromium } from '../helpers/browser.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import {
  assertNoSidewaysScroll,
  firstSignInPages,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { askOcsp } from '../helpers/run-tool.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { tmpDir } from '../helpers/tmp-dir.js';
import { waitForCamera } from '../helpers/wizard.js';

const PASSWORD = 'sungai mengalir ke laut';
const OLD = 'Rahasia#2026';
const NEW = 'Baru-Rahasia#2027';

describe('Reset passphrase in the console (Chromium, fake camera, fake WhatsApp)', () => {
  let server: ConsoleServer;
  let wa: FakeWhatsApp;
  let browser: Browser;
  let base: string;
  let institutionId: string;
  const dir = tmpDir();
  let bundle: string;
  const pageErrors: string[] = [];

  before(async () => {
    wa = await startFakeWhatsApp();
    ({ server, base } = await startConsoleServer(wa.env()));
    bundle = writeCaPems(server.rt, dir);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Dinas Konsol Reset', emailDomains: ['reset-konsol.go.id'], policy: { fourEyes: false } },
      )
    ).id;
    browser = await launchChromium({ fakeCamera: true });
  });

  const firstPages = () => firstSignInPages(server, browser, pageErrors, base, PASSWORD);
  const signedIn = async (account: AccountRow, width: number) => firstPages()(account, { width });
  const ocsp = (file: string) =>
    askOcsp({
      url: base,
      issuer: path.join(dir, 'individual.pem'),
      cert: file,
      caFile: bundle,
      extra: ['-resp_text'],
    });

  it('start → WhatsApp link → selfie → the RA confirms → new passphrase → Berhasil; OCSP: old superseded, new good', async () => {
    const ctx = certificatesContextOf(server.rt);
    const { account: holder } = await createVerifiedSubscriber(server.rt, {
      institutionId,
      email: 'pemilik.reset@reset-konsol.go.id',
      fullName: 'Pemilik Reset Konsol',
      password: PASSWORD,
      phoneVerified: true,
    });
    const { id: requestId } = await requestCertificate(ctx, holder, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, requestId);
    const old = await issued(requestId);
    async function issued(id: string) {
      return setPassphraseAsOperator(ctx, 'test', id, {
        passphrase: OLD,
        agreementVersion: subscriberAgreement().version,
      });
    }
    const oldFile = path.join(dir, 'old.pem');
    fs.writeFileSync(oldFile, old.certificate.pem);
    assert.match(await ocsp(oldFile), /old\.pem: good/);

    // The entry page says what happens before anything starts.
    const page = await signedIn(holder, 360);
    await page.goto(`${base}/sertifikat/${old.id}/reset-passphrase`);
    await heading(page, 'Reset Passphrase').waitFor();
    await page.getByText('kunci dan sertifikat elektronik BARU yang menggantikan sertifikat ini').waitFor();
    await page.getByText('yang dapat membukanya tanpa passphrase lama').waitFor();
    await assertNoSidewaysScroll(page, 'entry page');
    await page.getByRole('button', { name: 'Mulai Reset Passphrase' }).click();
    await page.getByText('Tautan reset passphrase telah dikirim ke WhatsApp').waitFor();

    // The link arrives by WhatsApp.
    // The server's own delivery job may hold the message while this test asks: wait for it.
    const deadline = Date.now() + 15_000;
    let message = wa.received.find((m) => m.template === 'teken_link_reset_passphrase');
    while (!message && Date.now() < deadline) {
      await server.rt.notify.deliver();
      message = wa.received.find((m) => m.template === 'teken_link_reset_passphrase');
      if (!message) await sleep(100);
    }
    assert.ok(message, 'the WhatsApp link was sent');
    assert.deepEqual(wa.rejected, []);
    const link = message.parameters[1]!;
    assert.ok(link.startsWith(`${base}/reset-passphrase#`), link);

    // Step 1: the selfie with the fake camera.
    await page.goto(link);
    await heading(page, 'Reset Passphrase').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token left the address bar');
    await page.getByRole('heading', { name: 'Ambil Foto Diri' }).waitFor();
    await page.getByRole('button', { name: 'Ambil foto' }).click();
    const camera = page.getByRole('dialog', { name: 'Ambil foto' });
    await waitForCamera(page);
    await camera.getByRole('button', { name: 'Ambil foto' }).click();
    await camera.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Foto diri Anda sedang diperiksa oleh RA').waitFor();
    await assertNoSidewaysScroll(page, 'selfie step');

    // The RA officer sees both photos and confirms.
    const officer = await createTestAccount(server.rt, {
      prefix: 'ra-konsol-reset',
      n: 1,
      name: 'RA Konsol Reset',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });
    const ra = await signedIn(officer, 1280);
    await ra.getByRole('link', { name: 'Pengecekan Foto Diri' }).click();
    await heading(ra, 'Pengecekan Foto Diri').waitFor();
    // Searched as the other RA queues are: nobody by a stranger's name, the holder by e-mail.
    const search = ra.getByLabel('Cari pengecekan foto diri');
    await search.fill('Nama Yang Tidak Ada');
    await ra.getByRole('button', { name: 'Cari', exact: true }).click();
    await ra.getByText('Tidak ada foto diri yang menunggu pengecekan.').waitFor();
    await search.fill('PEMILIK.RESET@reset-konsol.go.id');
    await ra.getByRole('button', { name: 'Cari', exact: true }).click();
    await ra.getByRole('status').filter({ hasText: '1 foto diri menunggu' }).waitFor();
    const card = ra.getByRole('article', { name: 'Pemilik Reset Konsol' });
    await card.getByText(old.certificate.serialHex).waitFor();
    for (const name of ['Foto diri baru', 'Foto diri terdaftar']) {
      const img = card.getByRole('img', { name });
      await img.waitFor();
      await ra.waitForFunction(
        (el) => (el as unknown as { naturalWidth: number }).naturalWidth > 0,
        await img.elementHandle(),
      );
    }
    await card.getByRole('button', { name: 'Cocok', exact: true }).click();
    await ra.getByText('Foto diri dicocokkan.').waitFor();
    await ra.getByText('Tidak ada foto diri yang menunggu pengecekan.').waitFor();

    // Step 2 on the holder's page, which moved on by itself.
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).waitFor({ timeout: 20_000 });
    await page.getByText('minimal 8 karakter').first().waitFor();
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(NEW);
    await page.getByRole('textbox', { name: 'Konfirmasi Passphrase' }).fill(NEW);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Setujui Perjanjian Pemilik Sertifikat Elektronik terlebih dahulu.').waitFor();
    await page.getByRole('button', { name: /Persetujuan Perjanjian Pemilik Sertifikat Elektronik/ }).click();
    const agreement = page.getByRole('dialog');
    await agreement.getByText('PERJANJIAN', { exact: false }).first().waitFor();
    await agreement.getByRole('button', { name: 'Setuju' }).click();
    assert.ok(
      await page.getByLabel('Saya telah menyetujui Perjanjian Pemilik Sertifikat Elektronik').isChecked(),
    );
    await assertNoSidewaysScroll(page, 'passphrase step');
    await page.getByRole('button', { name: 'Submit' }).click();
    const done = page.getByRole('dialog', { name: 'Berhasil' });
    await done.getByText('Passphrase Anda berhasil dirubah').waitFor({ timeout: 30_000 });

    // OCSP: the old certificate revoked as superseded, the new one good.
    const [fresh] = await server.rt.db
      .select({ der: certificates.der })
      .from(subscriberCertificates)
      .innerJoin(
        certificates,
        and(
          eq(certificates.authorityId, subscriberCertificates.authorityId),
          eq(certificates.serial, subscriberCertificates.serial),
        ),
      )
      .where(eq(subscriberCertificates.requestId, (await replacedBy(old.id))!));
    async function replacedBy(id: string) {
      const [row] = await server.rt.db
        .select({ next: subscriberCertificates.replacedBy })
        .from(subscriberCertificates)
        .where(eq(subscriberCertificates.id, id));
      const [next] = await server.rt.db
        .select({ requestId: subscriberCertificates.requestId })
        .from(subscriberCertificates)
        .where(eq(subscriberCertificates.id, row!.next!));
      return next?.requestId;
    }
    const newFile = path.join(dir, 'new.pem');
    const b64 = Buffer.from(fresh!.der!).toString('base64');
    fs.writeFileSync(
      newFile,
      `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`,
    );
    const oldAnswer = await ocsp(oldFile);
    assert.match(oldAnswer, /old\.pem: revoked/);
    assert.match(oldAnswer, /Reason: superseded/);
    assert.match(await ocsp(newFile), /new\.pem: good/);
    assert.deepEqual(pageErrors, []);
  });
});
