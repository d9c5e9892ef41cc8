/**
 * Pencabutan in a real browser (Chromium, 360 px wide for the holder): the holder chooses a reason
 * and confirms with the passphrase, the certificate is On Revoke, an RA officer approves it from
 * RA → Pencabutan, and `openssl ocsp` against the running server says revoked with the reason.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadUserStatus } from '../../src/certificates/subscriber-status.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { launchChromium } from '../helpers/browser.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import {
  assertNoSidewaysScroll,
  holderWithCertificate,
  firstSignInPages,
  startConsoleServer,
  type ConsoleServer,
} from '../helpers/console-session.js';
import { askOcsp } from '../helpers/run-tool.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const PASSWORD = 'sungai mengalir ke laut';
const PASSPHRASE = 'Rahasia#2026';

describe('Pencabutan in the console (Chromium)', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let base: string;
  let institutionId: string;
  const dir = tmpDir();
  let bundle: string;
  const pageErrors: string[] = [];

  before(async () => {
    ({ server, base } = await startConsoleServer());
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
    browser = await launchChromium();
  });

  const firstPages = () => firstSignInPages(server, browser, pageErrors, base, PASSWORD);
  const browserFor = async (account: AccountRow, width: number) => firstPages()(account, { width });

  it('the holder asks at 360 px, the RA approves, OCSP says revoked', async () => {
    const {
      account: holder,
      person,
      issued,
    } = await holderWithCertificate(server.rt, {
      institutionId,
      email: `cabut.${crypto.randomBytes(3).toString('hex')}@contoh.go.id`,
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
    const accountId = holder.id;
    const certFile = path.join(dir, 'holder.pem');
    fs.writeFileSync(certFile, issued.certificate.pem);

    const page = await browserFor(holder, 360);
    await page.goto(`${base}/sertifikat/${issued.id}/pencabutan`);
    await page.getByRole('heading', { name: 'Pencabutan Sertifikat Elektronik' }).waitFor();
    await page.getByLabel('Alasan pencabutan').selectOption('cessationOfOperation');
    await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Cabut Sertifikat' }).click();
    await page.getByText('status On Revoke sampai RA menyetujui').waitFor();
    await assertNoSidewaysScroll(page, 'Pencabutan at 360 px');
    assert.equal((await loadUserStatus(server.rt.db, accountId)).facts.current?.revocationPending, true);

    const officer = await createTestAccount(server.rt, {
      prefix: 'ra-konsol-cabut',
      n: 1,
      name: 'RA Konsol',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });
    const ra = await browserFor(officer, 1280);
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
    assert.deepEqual(pageErrors, []);
  });
});
