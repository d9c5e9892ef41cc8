/**
 * The registration wizard of seed 002 for browser tests: an invitation as an institution sends it
 * (its "[BSrE] Aktivasi Akun" e-mail caught by the test's SMTP server), a synthetic person whose
 * name suits the institutions' rules, and the wizard walked as a person walks it when all goes
 * well: Data Diri, Data Kedinasan (ASN with a NIP), Foto Diri with the fake camera, a KTP scan,
 * the three consents, Submit, "Aktivasi berhasil". test/console/registration-wizard.db.test.ts
 * walks the same steps with the refusals and checks of each.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import type { TestSmtpServer } from '../notify/smtp-test-server.js';
import { heading } from './browser.js';
import { linkInMail, waitForMail } from './mailbox.js';
import { syntheticPerson } from './synthetic-identity.js';

let seq = 0;

/** A synthetic person with a letters-only name and an e-mail address at `domain`. */
export function wizardPerson(domain: string, gender?: 'male' | 'female') {
  const p = syntheticPerson(gender);
  seq++;
  const suffix = String((Date.now() + seq) % 100000)
    .split('')
    .map((d) => 'abcdefghij'[Number(d)])
    .join('');
  return {
    ...p,
    fullName: `Uji Coba ${suffix[0]!.toUpperCase()}${suffix.slice(1)}`,
    email: `uji.wizard${seq}.${suffix}@${domain}`,
  };
}
export type WizardPerson = ReturnType<typeof wizardPerson>;

/** Starts a registration as an institution would; returns the wizard link from its e-mail. */
export async function inviteByMail(
  server: RunningServer,
  smtp: TestSmtpServer,
  base: string,
  input: { institutionId: string; fullName: string; email: string },
): Promise<{ link: string; accountId: string }> {
  const since = smtp.received.length;
  const started = await server.rt.db.transaction((tx) =>
    startRegistration(enrollmentContextOf(server.rt), tx, {
      ...input,
      source: 'invite',
      invitedBy: 'test',
      locale: 'id',
    }),
  );
  const mail = await waitForMail(smtp, input.email, /Aktivasi Akun/, { since });
  return { link: linkInMail(mail, base, '/aktivasi'), accountId: started.accountId };
}

/** Waits until the camera dialog's video plays (the fake camera's frames arrive). */
export async function waitForCamera(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const v = (
      globalThis as unknown as { document: { querySelector(s: string): { videoWidth: number } | null } }
    ).document.querySelector('.camera-video');
    return v !== null && v.videoWidth > 0;
  });
}

/** Ticks the three consents of the Foto Diri step. */
export async function acceptConsents(page: Page): Promise<void> {
  for (const box of await page.locator('.consent').getByRole('checkbox').all()) await box.check();
}

/**
 * Walks the wizard from its link to "Aktivasi berhasil": the person's own data, ASN with a NIP
 * (checked for its format), a photo from the fake camera, a KTP scan (a PNG of the page itself).
 */
export async function walkWizard(page: Page, link: string, p: WizardPerson): Promise<void> {
  await page.goto(link);
  await heading(page, 'Data Diri').waitFor();
  assert.equal(await page.getByLabel('Email').inputValue(), p.email);
  await page.getByLabel('Nama Lengkap').fill(p.fullName);
  await page.getByLabel('NIK').fill(p.nik);
  await page.getByLabel('Gelar Depan').fill('Dr.');
  await page.getByLabel('Gelar Belakang').fill('S.Kom.');
  await page.getByLabel('Nomor Telepon').fill(p.phone);
  await page.getByRole('button', { name: 'Next' }).click();

  await heading(page, 'Data Kedinasan').waitFor();
  await page.getByRole('radio', { name: /ASN dan Penyidik POLRI/ }).check();
  await page.getByLabel('NIP / NRP').fill(p.nip);
  await page.getByRole('button', { name: 'Cek NIP / NRP' }).click();
  await page.getByText(/Format NIP \/ NRP benar|NIP \/ NRP ditemukan/).waitFor();
  const unit = page.getByLabel('Unit Organisasi');
  if ((await unit.inputValue()) === '') await unit.fill('Direktorat Teknologi Informasi');
  const jabatan = page.getByLabel('Jabatan');
  if ((await jabatan.inputValue()) === '') await jabatan.fill('Tendik');
  const province = page.getByLabel(/^Provinsi\s*\*?$/);
  if ((await province.inputValue()) === '') await province.selectOption('JAWA TIMUR');
  await page.getByRole('button', { name: 'Next' }).click();

  await heading(page, 'Ambil Foto Diri').waitFor();
  await page.getByRole('button', { name: 'Ambil foto' }).click();
  const camera = page.getByRole('dialog', { name: 'Ambil foto' });
  await waitForCamera(page);
  await camera.getByRole('button', { name: 'Ambil foto' }).click();
  await camera.getByRole('button', { name: 'Simpan' }).click();
  await camera.waitFor({ state: 'hidden' });
  await page.getByText('Foto diri tersimpan.').first().waitFor();
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: png });
  await page.getByText('Scan KTP tersimpan.').first().waitFor();
  await acceptConsents(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  await heading(page, 'Aktivasi berhasil').waitFor();
}
