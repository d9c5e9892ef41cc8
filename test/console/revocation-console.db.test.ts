/**
 * Pencabutan in a real browser (Chromium, 360 px wide for the holder): the holder chooses a reason
 * and confirms with the passphrase, the certificate is On Revoke, an RA officer approves it from
 * RA → Pencabutan, and `openssl ocsp` against the running server says revoked with the reason.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { loadUserStatus } from '../../src/certificates/subscriber-status.js';
import { accounts, registrations } from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { currentTotp } from '../../src/identity/totp.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { ApiClient } from '../helpers/api-client.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import { onCleanup } from '../helpers/cleanup.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { askOcsp } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';
import { closedPort } from '../notify/smtp-test-server.js';

const PASSWORD = 'sungai mengalir ke laut';
const PASSPHRASE = 'Rahasia#2026';

const lastStep = new Map<string, number>();
async function nextCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / 30_000);
    const earliest = now % 30_000 < 25_000 ? current - 1 : current;
    const step = Math.max(earliest, (lastStep.get(secret) ?? -1) + 1);
    if (step <= current + 1) {
      lastStep.set(secret, step);
      return currentTotp(secret, step * 30_000 + 1_000);
    }
    await sleep((current + 1) * 30_000 - now + 100);
  }
}

describe('Pencabutan in the console (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let base: string;
  let institutionId: string;
  const dir = tmpDir();
  let bundle: string;

  before(async () => {
    ensureConsoleBuilt();
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    server = await startTestServer({
      TEKEN_PORT: String(port),
      TEKEN_PUBLIC_URL: base,
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
    });
    bundle = writeCaPems(server.rt, dir);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        {
          name: 'Dinas Konsol Cabut',
          emailDomains: ['contoh.go.id'],
          province: 'Jawa Barat',
          policy: { fourEyes: false },
        },
      )
    ).id;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    onCleanup(() => browser.close());
  });

  const enrol = async (account: AccountRow) => {
    const client = new ApiClient(server.web.app, '127.0.0.1');
    const secret = await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, Date.now()));
    lastStep.set(secret, Math.floor(Date.now() / 30_000) + 1);
    return secret;
  };
  const browserFor = async (account: AccountRow, secret: string, width: number): Promise<Page> => {
    const context = await browser.newContext({
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      viewport: { width, height: 800 },
    });
    context.setDefaultTimeout(10_000);
    onCleanup(() => context.close());
    const page = await context.newPage();
    await page.goto(`${base}/masuk`);
    await page.getByLabel('Username atau Email').fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByLabel('One-time code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Masuk' }).click();
    // Signed in: the menu (a toggle at 360 px, the side navigation wider).
    await page.locator('.sidenav').waitFor({ state: 'attached' });
    await page.waitForURL((url) => url.pathname === '/');
    return page;
  };

  it('the holder asks at 360 px, the RA approves, OCSP says revoked', async () => {
    const person = syntheticPerson();
    const ctx = certificatesContextOf(server.rt);
    const { accountId } = await addSubscriber(enrollmentContextOf(server.rt), 'test', {
      institutionId,
      fullName: person.fullName,
      email: `cabut.${crypto.randomBytes(3).toString('hex')}@contoh.go.id`,
      nik: person.nik,
      nip: person.nip,
      phone: person.phone,
      verified: true,
    });
    await server.rt.db
      .update(registrations)
      .set({ jabatan: 'Analis', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    await server.rt.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(accounts.id, accountId));
    const [holder] = await server.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    const { id } = await requestCertificate(ctx, holder!, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, id);
    const issued = await setPassphraseAsOperator(ctx, 'test', id, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    const certFile = path.join(dir, 'holder.pem');
    fs.writeFileSync(certFile, issued.certificate.pem);

    const page = await browserFor(holder!, await enrol(holder!), 360);
    await page.goto(`${base}/sertifikat/${issued.id}/pencabutan`);
    await page.getByRole('heading', { name: 'Pencabutan Sertifikat Elektronik' }).waitFor();
    await page.getByLabel('Alasan pencabutan').selectOption('cessationOfOperation');
    await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Cabut Sertifikat' }).click();
    await page.getByText('status On Revoke sampai RA menyetujui').waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow} px)`);
    assert.equal((await loadUserStatus(server.rt.db, accountId)).facts.current?.revocationPending, true);

    const officer = await createTestAccount(server.rt, {
      prefix: 'ra-konsol-cabut',
      n: 1,
      name: 'RA Konsol',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });
    const ra = await browserFor(officer, await enrol(officer), 1280);
    await ra.getByRole('link', { name: 'Pencabutan' }).click();
    await ra.getByRole('heading', { name: 'Permohonan Pencabutan' }).waitFor();
    await ra
      .getByRole('row', { name: new RegExp(person.fullName) })
      .getByRole('button', { name: 'Setujui Pencabutan' })
      .click();
    await ra.getByText('Tidak ada permohonan pencabutan').waitFor();
    const out = await askOcsp({
      url: base,
      issuer: path.join(dir, 'individual.pem'),
      cert: certFile,
      caFile: bundle,
      extra: ['-resp_text'],
    });
    assert.match(out, /holder\.pem: revoked/);
    assert.match(out, /Reason: cessationOfOperation/);
  });
});
