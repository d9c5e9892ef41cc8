/**
 * Deteksi Mandiri and Perpanjangan in a real browser (Chromium, 360 px wide): the dashboard shows
 * the one status (RENEW after an approved data change), Deteksi Mandiri says why signing would fail
 * and links to Perpanjangan, which shows the new subject and sends the Set Passphrase link at once;
 * the same page in English; and at an institution whose RA checks renewals again, the supporting
 * PDF is uploaded and the request waits in the RA queue.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { flagForRenewal } from '../../src/certificates/flag-for-renewal.js';
import {
  certificateRequests,
  certificates,
  registrations,
  subscriberCertificates,
} from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { launchChromium } from '../helpers/browser.js';
import {
  assertNoSidewaysScroll,
  holderWithCertificate,
  firstSignInPages,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const PASSWORD = 'sungai mengalir ke laut';
const PASSPHRASE = 'Rahasia#2026';

describe('Deteksi Mandiri and Perpanjangan in the console (Chromium)', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let base: string;
  let reuse: string;
  let strict: string;
  const dir = tmpDir();
  const pageErrors: string[] = [];

  before(async () => {
    ({ server, base } = await startConsoleServer());
    const make = async (name: string, domain: string, renewalReusesVerifiedData: boolean) =>
      (
        await createInstitution(
          server.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { renewalReusesVerifiedData } },
        )
      ).id;
    reuse = await make('Dinas Konsol Perpanjangan', 'contoh.go.id', true);
    strict = await make('Badan Konsol Periksa', 'periksa.go.id', false);
    browser = await launchChromium();
  });

  /** A verified holder with an issued eSign certificate and a password. */
  async function holder(institutionId: string, domain: string) {
    const { account, issued } = await holderWithCertificate(server.rt, {
      institutionId,
      email: `konsol.${crypto.randomBytes(3).toString('hex')}@${domain}`,
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
    return { account, certificateId: issued.id, notAfter: issued.certificate.notAfter };
  }

  const firstPages = () => firstSignInPages(server, browser, pageErrors, base, PASSWORD);
  const signIn = async (account: AccountRow, width: number) => firstPages()(account, { width });
  const noSideways = (page: Page) => assertNoSidewaysScroll(page, 'at 360 px');
  const openRequest = async (accountId: string) =>
    (
      await server.rt.db
        .select()
        .from(certificateRequests)
        .where(
          and(
            eq(certificateRequests.accountId, accountId),
            inArray(certificateRequests.status, ['submitted', 'approved']),
          ),
        )
    )[0];

  it('the dashboard shows RENEW, Deteksi Mandiri says why and leads to Perpanjangan at 360 px', async () => {
    const h = await holder(reuse, 'contoh.go.id');
    await server.rt.db
      .update(registrations)
      .set({ jabatan: 'Kepala Seksi' })
      .where(eq(registrations.accountId, h.account.id));
    await server.rt.db.transaction((tx) => flagForRenewal(tx, h.account.id, ['jabatan']));
    const page = await signIn(h.account, 360);
    await page.getByText('Perlu diperpanjang (RENEW)').waitFor();
    await page.getByRole('link', { name: 'Deteksi Mandiri' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Deteksi Mandiri' }).waitFor();
    await page.getByText('Penandatanganan akan gagal hari ini').waitFor();
    await page.getByRole('heading', { name: 'Data berubah: sertifikat perlu diperpanjang' }).waitFor();
    await noSideways(page);
    await page.getByRole('link', { name: 'Ajukan Perpanjangan' }).click();
    await page.waitForURL((url) => url.pathname === `/sertifikat/${h.certificateId}/perpanjangan`);
    await page.getByRole('heading', { level: 1, name: 'Perpanjangan Sertifikat Elektronik' }).waitFor();
    await page.getByText('title=Kepala Seksi').waitFor();
    await page.getByText('Data Anda yang sudah diverifikasi dipakai ulang').waitFor();
    await noSideways(page);
    await page.getByRole('button', { name: 'Ajukan Perpanjangan' }).click();
    await page.getByText('Tautan Set Passphrase telah dikirim ke email Anda').waitFor();
    const request = await openRequest(h.account.id);
    assert.equal(request?.kind, 'renewal');
    assert.equal(request?.status, 'approved');
    assert.equal(request?.replacesId, h.certificateId);
    // In English on request.
    await page.goto(`${base}/deteksi-mandiri`);
    await page.getByRole('heading', { level: 1, name: 'Deteksi Mandiri' }).waitFor();
    await page.getByTitle('Ganti bahasa ke English').click();
    await page.getByRole('heading', { level: 1, name: 'Self-diagnosis' }).waitFor();
    await page.getByRole('heading', { name: 'Your data changed: renew the certificate' }).waitFor();
    await page.getByText('Check your e-mail').waitFor();
    await noSideways(page);
    assert.deepEqual(pageErrors, []);
  });

  it('where the RA checks renewals again, the PDF is uploaded and the request waits for the RA', async () => {
    const h = await holder(strict, 'periksa.go.id');
    // Ten days before the end (the server's clock stays; the certificate's end moves into the window).
    const soon = new Date(Date.now() + 10 * 86_400_000);
    const [sc] = await server.rt.db
      .update(subscriberCertificates)
      .set({ notAfter: soon })
      .where(eq(subscriberCertificates.id, h.certificateId))
      .returning();
    await server.rt.db
      .update(certificates)
      .set({ notAfter: soon })
      .where(and(eq(certificates.authorityId, sc!.authorityId!), eq(certificates.serial, sc!.serial!)));
    const page = await signIn(h.account, 360);
    await page.goto(`${base}/sertifikat/${h.certificateId}/perpanjangan`);
    await page.getByText('diperiksa kembali oleh RA').waitFor();
    // Without the document: refused in the page, nothing sent.
    await page.getByRole('button', { name: 'Ajukan Perpanjangan' }).click();
    await page.getByText('Pilih dokumen pendukung berformat PDF').waitFor();
    assert.equal(await openRequest(h.account.id), undefined);
    const pdf = path.join(dir, 'surat-rekomendasi.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.getByLabel('Unggah Dokumen Pendukung (PDF)').setInputFiles(pdf);
    await page.getByRole('button', { name: 'Ajukan Perpanjangan' }).click();
    await page.getByText('menunggu verifikasi RA').waitFor();
    await noSideways(page);
    const request = await openRequest(h.account.id);
    assert.equal(request?.status, 'submitted');
    assert.equal(request?.documentName, 'surat-rekomendasi.pdf');
    assert.deepEqual(pageErrors, []);
  });
});
