/**
 * Every console page on a 360 px phone, signed out and signed in as a CA administrator, in
 * Indonesian and in English: nothing scrolls sideways, the brand and the organisation name are
 * visible and not covered by the language switch, and every visible control is at least 24 × 24
 * CSS pixels (WCAG 2.2, 2.5.8 Target Size). The registration wizard (/aktivasi) is walked step by
 * step with a fake camera, opened from the activation link of a registration started for the test.
 * WhatsApp is configured (the fake Cloud API), so the wizard's Data Diri has the code step, and a
 * subscriber with an unverified number gets the dashboard's "Verifikasi Nomor HP" dialog and
 * "Ubah nomor HP": each is measured with the code sent and once verified.
 */
import { institutions } from '../../src/db/schema.js';
import { submittedRegistration } from '../helpers/registration.js';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { and, desc, eq } from 'drizzle-orm';
import { outbox } from '../../src/db/schema.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import { createAccount } from '../../src/identity/accounts.js';
import { outboxAad } from '../../src/notify/enqueue-message.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { currentTotp } from '../../src/identity/totp.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { ApiClient } from '../helpers/api-client.js';
import { launchChromium } from '../helpers/browser.js';
import { nextCode } from '../helpers/authenticator.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { onCleanup } from '../helpers/cleanup.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { startTestServer } from '../helpers/test-server.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { closedPort } from '../notify/smtp-test-server.js';

const ORGANISATION = 'Balai Sertifikasi Elektronik Uji';
const PASSWORD = 'kuda liar berlari kencang';
const screenshots = path.join(os.tmpdir(), 'teken-console-screenshots');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** What one page looks like at this width, measured in the page. */
interface Layout {
  scrollWidth: number;
  clientWidth: number;
  brand: Box | null;
  organisation: Box | null;
  languageSwitch: Box | null;
  small: string[];
}

/** The browser globals measure() uses (this tsconfig has no DOM library). */
interface PageRect extends Box {
  right: number;
  bottom: number;
}
interface PageNode {
  tagName: string;
  textContent: string | null;
  classList: { contains(name: string): boolean };
  scrollWidth: number;
  clientWidth: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): PageRect;
  checkVisibility(options?: Record<string, boolean>): boolean;
}
interface PageGlobals {
  document: {
    scrollingElement: PageNode;
    querySelector(selector: string): PageNode | null;
    querySelectorAll(selector: string): Iterable<PageNode>;
  };
  getComputedStyle(node: PageNode): { overflowX: string };
}

/** Runs in the page: sizes and positions of what the checks are about. */
function measure(): Layout {
  const { document } = globalThis as unknown as PageGlobals;
  const box = (selector: string): Box | null => {
    const el = document.querySelector(selector);
    if (!el || !el.checkVisibility()) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const small: string[] = [];
  for (const el of document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [role="button"]',
  )) {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const r = el.getBoundingClientRect();
    // Visually hidden (clipped to 1 px, e.g. the skip link until it has the focus): not a target.
    if (r.width <= 2 || r.height <= 2 || r.bottom < 0 || r.right < 0) continue;
    if (r.width < 24 || r.height < 24) {
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim();
      small.push(
        `${el.tagName.toLowerCase()} "${name.slice(0, 40)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
      );
    }
  }
  const root = document.scrollingElement;
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    brand: box('.brand-name'),
    organisation: box('.brand-org'),
    languageSwitch: box('.lang-switch'),
    small,
  };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the console on a 360 px phone (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  let adminCookie: string;
  let accountId: string;
  let messageId: string;
  let institutionId: string;
  let registrationId: string;
  let wa: FakeWhatsApp;
  /** The RA desk as its officers see it: an institution with four-eyes, two officers' cookies. */
  const fourEyesInstitutionId = '00000000-0000-4000-8000-0000000000c2';
  const officerCookies: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    ensureConsoleBuilt();
    wa = await startFakeWhatsApp();
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    server = await startTestServer({
      ...wa.env(),
      TEKEN_PORT: String(port),
      TEKEN_PUBLIC_URL: base,
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_ORGANISATION_NAME: ORGANISATION,
    });
    const admin = await server.rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(server.rt),
        tx,
        {
          username: 'siti.admin',
          email: 'siti.admin@contoh.go.id',
          fullName: 'Siti Rahayu Kusumawardhani',
          roles: ['ca_admin'],
          password: PASSWORD,
        },
        'test',
      ),
    );
    accountId = admin.id;
    // Signed in through the API; the browser gets the session cookie.
    const client = new ApiClient(server.web.app, '127.0.0.1');
    assert.equal(
      (await client.post('/api/v1/auth/sign-in', { login: admin.username, password: PASSWORD })).body.next,
      'configure_totp',
    );
    const { secret } = (await client.post<{ secret: string }>('/api/v1/auth/totp/enrollment')).body;
    const done = await client.post('/api/v1/auth/totp/confirm', {
      code: currentTotp(secret, Date.now()),
      deviceName: 'Ponsel',
    });
    assert.equal(done.body.next, 'done', JSON.stringify(done.body));
    adminCookie = client.cookie!;
    // One message in the outbox (no SMTP here: it stays queued).
    await new ApiClient(server.web.app, '127.0.0.1').post('/api/v1/auth/forgot-password', {
      email: admin.email,
    });
    const outbox = await client.get<{ items: { id: string }[] }>('/api/v1/admin/outbox');
    messageId = outbox.body.items[0]!.id;
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Universitas Uji Coba', emailDomains: ['uji-coba.ac.id'] },
      )
    ).id;
    // A submitted registration for the RA desk's pages.
    const raInstitutionId = '00000000-0000-4000-8000-0000000000c1';
    await server.rt.db
      .insert(institutions)
      .values({ id: raInstitutionId, code: 'HP', name: 'Instansi Ponsel' });
    ({ accountId: registrationId } = await submittedRegistration(server.rt, {
      institutionId: raInstitutionId,
      ktp: true,
    }));
    await server.rt.db
      .insert(institutions)
      .values({ id: fourEyesInstitutionId, code: 'HP2', name: 'Instansi Empat Mata', fourEyes: true });
    for (const n of [1, 2]) {
      const officer = await createTestAccount(server.rt, {
        prefix: 'verifikator.hp',
        n,
        name: 'Verifikator Ponsel',
        roles: ['ra_officer'],
        institutionId: fourEyesInstitutionId,
        password: PASSWORD,
      });
      const client = new ApiClient(server.web.app, '127.0.0.1');
      await firstSignIn(client, officer.username, PASSWORD, nextCode);
      officerCookies.push(client.cookie!);
    }
    browser = await launchChromium({ fakeCamera: true });
    fs.mkdirSync(screenshots, { recursive: true });
  });

  /** A 360 px page, signed out, as the CA administrator (`true`) or with the session `cookie`. */
  const open = async (lang: 'id' | 'en', signedIn: boolean | string): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: lang === 'id' ? 'id-ID' : 'en-GB',
      timezoneId: 'Asia/Jakarta',
    });
    context.setDefaultTimeout(10_000);
    onCleanup(() => context.close());
    // tsx names the functions it compiles with a helper the page lacks; measure() needs it.
    await context.addInitScript('globalThis.__name = (f) => f;');
    await context.addInitScript(`try { localStorage.setItem('teken.lang', '${lang}') } catch {}`);
    if (signedIn) {
      const [name, value] = (signedIn === true ? adminCookie : signedIn).split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };

  /** Goes to a page and lists what is wrong with it at 360 px (all of it, not just the first). */
  const check = async (page: Page, url: string, label: string): Promise<string[]> => {
    await page.goto(`${base}${url}`);
    return inspect(page, label);
  };
  /** What is wrong with the page as it is now at 360 px. */
  const inspect = async (page: Page, label: string): Promise<string[]> => {
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const layout = await page.evaluate(measure);
    await page.screenshot({ path: path.join(screenshots, `phone-${label.replace(/\W+/g, '-')}.png`) });
    const problems: string[] = [];
    if (layout.scrollWidth > layout.clientWidth)
      problems.push(`${label}: scrolls sideways (${layout.scrollWidth} > ${layout.clientWidth})`);
    const { brand, organisation, languageSwitch } = layout;
    if (!brand) problems.push(`${label}: the product name is not visible`);
    if (!organisation) problems.push(`${label}: the organisation name is not visible`);
    if (!languageSwitch) problems.push(`${label}: no language switch`);
    for (const [what, b] of [
      ['product name', brand],
      ['organisation name', organisation],
    ] as const) {
      if (!b) continue;
      if (languageSwitch && overlaps(b, languageSwitch))
        problems.push(`${label}: the language switch covers the ${what}`);
      if (b.x < 0 || b.x + b.width > layout.clientWidth) problems.push(`${label}: the ${what} is cut off`);
    }
    for (const small of layout.small) problems.push(`${label}: target under 24 × 24 px: ${small}`);
    return problems;
  };

  const signedOutPages = [
    '/masuk',
    '/lupa-password',
    '/link',
    '/otp',
    '/authenticator',
    '/update-password',
    '/password',
    '/daftar',
    '/konfirmasi-email',
    '/passphrase',
    // The DOWNLOAD_KEYSTORE page without a token: its notice and the way back.
    '/keystore',
  ];
  const signedInPages = () => [
    '/',
    '/keamanan',
    '/aktivitas',
    '/pengaturan/nomor-hp',
    '/admin/akun',
    '/admin/akun/baru',
    `/admin/akun/${accountId}`,
    '/admin/outbox',
    `/admin/outbox/${messageId}`,
    '/pengguna/undang',
    '/pengguna/impor',
    '/ra',
    `/ra/${registrationId}`,
    // Menus of seed 003, Pengaturan → Profil, RA → Perubahan Data (enrollment issue).
    '/sertifikat',
    '/pengaturan/profil',
    '/ra/perubahan-data',
    '/admin/instansi',
    // Sertifikat Saya → Permohonan Baru, Status Permohonan; RA → Permohonan Sertifikat.
    '/sertifikat/permohonan-baru',
    '/sertifikat/permohonan',
    '/ra/permohonan-sertifikat',
    '/tidak-ada',
  ];

  for (const lang of ['id', 'en'] as const) {
    it(`signed out, ${lang}: every page fits`, async () => {
      const page = await open(lang, false);
      const problems: string[] = [];
      for (const url of signedOutPages)
        problems.push(...(await check(page, url, `${lang} signed out ${url}`)));
      assert.deepEqual(problems, []);
    });
    it(`signed in as a CA administrator, ${lang}: every page fits, the menu too`, async () => {
      const page = await open(lang, true);
      const problems: string[] = [];
      for (const url of signedInPages()) problems.push(...(await check(page, url, `${lang} ${url}`)));
      assert.deepEqual(problems, []);
      await page.goto(`${base}/admin/akun`);
      await page.locator('.nav-toggle').click();
      await page.locator('.sidenav.open').waitFor();
      const layout = await page.evaluate(measure);
      assert.ok(layout.scrollWidth <= layout.clientWidth, 'menu open: scrolls sideways');
      assert.deepEqual(layout.small, [], 'menu open: targets under 24 × 24 px');
      await page.locator('.avatar-button').click();
      const menu = await page.evaluate(measure);
      assert.deepEqual(menu.small, [], 'avatar menu open: targets under 24 × 24 px');
    });
  }

  /**
   * A registration of a synthetic person, and its wizard link: the "[BSrE] Aktivasi Akun" e-mail
   * stays queued here (no SMTP server), so the link is read from its sealed payload.
   */
  const activationPath = async (lang: 'id' | 'en') => {
    const n = lang === 'id' ? 1 : 2;
    const person = syntheticPerson();
    const email = `uji.lebar${n}.${Date.now() % 100000}@uji-coba.ac.id`;
    const { accountId } = await server.rt.db.transaction((tx) =>
      startRegistration(enrollmentContextOf(server.rt), tx, {
        institutionId,
        fullName: lang === 'id' ? 'Uji Lebar Satu' : 'Uji Lebar Dua',
        email,
        source: 'invite',
        invitedBy: 'test',
      }),
    );
    const [row] = await server.rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, accountId), eq(outbox.template, 'activate-account')))
      .orderBy(desc(outbox.createdAt));
    const data = JSON.parse(
      server.rt.masterKey.open('personal-data/v1', row!.sealedPayload!, outboxAad(row!.id)).toString('utf8'),
    ) as { link: string };
    return { path: new URL(data.link).pathname + new URL(data.link).hash, person };
  };

  /** "Kirim Kode OTP", the code from the fake Cloud API, "Verifikasi OTP"; measured on the way. */
  const verifyNumber = async (
    page: Page,
    phone: string,
    at: (label: string) => Promise<unknown>,
    scope = '.phone-verification',
  ) => {
    const to = `62${phone.slice(1)}`;
    const seen = wa.received.filter((m) => m.to === to).length;
    await page.locator(`${scope} .field-row .button`).first().click();
    await page.locator('input[autocomplete="one-time-code"]').waitFor();
    await at('code sent');
    let code: string | undefined;
    for (let i = 0; i < 150 && !code; i++) {
      const messages = wa.received.filter((m) => m.to === to);
      code = messages.length > seen ? messages.at(-1)!.buttonCode : undefined;
      if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(code, `a WhatsApp code to ${to}`);
    await page.locator('input[autocomplete="one-time-code"]').fill(code);
    await page.locator(`${scope} .field-row .button.primary`).click();
    await page.locator(`${scope} .phone-status .tag-sent`).waitFor();
    await at('verified');
  };

  for (const lang of ['id', 'en'] as const) {
    it(`a subscriber's number, ${lang}: the dashboard dialog and Ubah nomor HP fit`, async () => {
      const { account, person } = await createVerifiedSubscriber(server.rt, {
        institutionId,
        email: `pelanggan.lebar.${lang}.${Date.now() % 100000}@uji-coba.ac.id`,
        fullName: 'Pelanggan Lebar',
        password: PASSWORD,
      });
      const client = new ApiClient(server.web.app, '127.0.0.1');
      await firstSignIn(client, account.username, PASSWORD, (secret) => currentTotp(secret, Date.now()));
      const page = await open(lang, client.cookie!);
      const problems: string[] = [];
      const at = async (label: string) => problems.push(...(await inspect(page, `${lang} ${label}`)));

      await page.goto(`${base}/`);
      await page.locator('.dialog').waitFor();
      await at('dashboard dialog');
      await page.locator('.dialog input[type="tel"]').fill(person.phone);
      await verifyNumber(page, person.phone, (label) => at(`dashboard dialog ${label}`), '.dialog');

      await page.goto(`${base}/pengaturan/nomor-hp`);
      await page.locator('section.card .button').click();
      await page.locator('.dialog').waitFor();
      await at('ubah nomor hp dialog');
      const fresh = syntheticPerson().phone;
      await page.locator('.dialog input[type="tel"]').fill(fresh);
      await verifyNumber(page, fresh, (label) => at(`ubah nomor hp ${label}`), '.dialog');
      assert.deepEqual(problems, []);
    });
  }

  for (const lang of ['id', 'en'] as const) {
    it(`the registration wizard, ${lang}: every step fits, the camera and the guidance too`, async () => {
      const { path: wizard, person } = await activationPath(lang);
      const page = await open(lang, false);
      const problems: string[] = [];
      const next = () => page.locator('.wizard-actions .button.primary').click();
      const at = async (label: string) => problems.push(...(await inspect(page, `${lang} wizard ${label}`)));

      problems.push(...(await check(page, wizard, `${lang} wizard data diri`)));
      await page.locator('input[inputmode="numeric"]').first().fill(person.nik);
      await page.locator('input[type="tel"]').fill(person.phone);
      // The code step under Nomor Telepon: "Kirim Kode OTP", the code, "Verifikasi OTP".
      await verifyNumber(page, person.phone, (label) => at(`data diri ${label}`));
      await next();
      await page.locator('input[type="radio"]').first().waitFor();
      await at('data kedinasan');
      await page.locator('input[type="radio"]').first().check();
      await at('data kedinasan asn');
      await page.locator('input[type="radio"]').nth(1).check();
      await page.locator('input[maxlength="200"]').nth(0).fill('Universitas Uji Coba');
      await page.locator('input[maxlength="200"]').nth(1).fill('Tendik');
      await page.locator('select').selectOption('JAWA TIMUR');
      await at('data kedinasan lainnya');
      await next();
      await page.locator('.wizard-photo').first().waitFor();
      await at('foto diri');
      await page.locator('.consent summary').first().click();
      await at('foto diri consent open');
      await page.locator('.wizard-photo .button:not(.primary)').first().click();
      await page.locator('.guidance').waitFor();
      await at('guidance');
      await page.locator('.wizard-dialog .button.primary').click();
      await page.locator('.wizard-photo .button.primary').first().click();
      await page.locator('.camera-video').waitFor();
      await page.waitForFunction(() => {
        const { document } = globalThis as unknown as {
          document: { querySelector(s: string): { videoWidth: number } | null };
        };
        return (document.querySelector('.camera-video')?.videoWidth ?? 0) > 0;
      });
      await at('camera');
      await page.locator('.wizard-dialog .button.primary').click();
      await page.locator('.camera-photo').waitFor();
      await at('camera photo taken');
      await page.locator('.wizard-dialog .actions-end .button.primary').click();
      await page.locator('.wizard-dialog').waitFor({ state: 'hidden' });
      for (const box of await page.locator('.consent input[type="checkbox"]').all()) await box.check();
      await next();
      // "Aktivasi berhasil" has no stepper.
      await page.locator('.wizard-steps').waitFor({ state: 'detached' });
      await at('done');
      problems.push(...(await check(page, '/aktivasi', `${lang} wizard no link`)));
      assert.deepEqual(problems, []);
    });
  }

  for (const lang of ['id', 'en'] as const) {
    it(`Impor Pengguna, ${lang}: the preview's table and the finished import fit`, async () => {
      const page = await open(lang, true);
      const problems = await check(page, '/pengguna/impor', `${lang} import choose`);
      await page.locator('select').selectOption({ label: 'Universitas Uji Coba' });
      const file = [
        'nama,email',
        `Uji Impor Satu,uji.impor1.${lang}@uji-coba.ac.id`,
        `Uji Impor Dua,uji.impor2.${lang}@contoh-lain.example`,
        `,uji.impor3.${lang}@uji-coba.ac.id`,
      ].join('\n');
      await page.locator('input[type="file"]').setInputFiles({
        name: 'pegawai-dengan-nama-berkas-yang-panjang-sekali.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(file),
      });
      await page.locator('form .button.primary').click();
      await page.locator('.table-scroll').first().waitFor();
      problems.push(...(await inspect(page, `${lang} import preview`)));
      await page.getByRole('button', { name: lang === 'id' ? 'Impor' : 'Import', exact: true }).click();
      await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor();
      problems.push(...(await inspect(page, `${lang} import done`)));
      assert.deepEqual(problems, []);
    });

    it(`the RA desk as an RA officer, ${lang}: the queue, every Tinjau Ulang tab, approve, reject, four-eyes`, async () => {
      const { accountId: id } = await submittedRegistration(server.rt, {
        institutionId: fourEyesInstitutionId,
        ktp: true,
      });
      const page = await open(lang, officerCookies[0]!);
      const problems: string[] = [];
      const at = async (label: string) =>
        problems.push(...(await inspect(page, `${lang} ra officer ${label}`)));
      problems.push(...(await check(page, '/ra', `${lang} ra officer queue`)));
      await page.locator('table tbody tr').first().waitFor();
      await at('queue with rows');
      await page.goto(`${base}/ra/${id}`);
      await page.locator('.ra-photo img').first().waitFor();
      await at('overview');
      for (const tab of await page.getByRole('tab').all()) {
        await tab.click();
        await at(`tab ${(await tab.innerText()).trim()}`);
      }
      await page.getByRole('tab').first().click();
      const decision = page.locator('.card').filter({ has: page.locator('.actions .button.danger') });
      await decision.locator('.button.primary').click();
      await page.locator('.confirm').waitFor();
      await at('approve confirmation');
      await page.locator('.confirm .button:not(.primary)').click();
      await decision.locator('.button.danger').click();
      await page.locator('.confirm textarea').waitFor();
      await at('reject form');
      await page.locator('.confirm .button:not(.danger)').click();
      // The first approval, then what each officer sees of it.
      await decision.locator('.button.primary').click();
      await page.locator('.confirm .button.primary').click();
      await page.locator('.notice-success, [role="status"]').first().waitFor();
      await page.locator('.actions .button.danger').waitFor({ state: 'detached' });
      await at('first approval, own');
      const second = await open(lang, officerCookies[1]!);
      problems.push(...(await check(second, `/ra/${id}`, `${lang} ra second officer first approval`)));
      await second.locator('.actions .button.danger').waitFor();
      assert.deepEqual(problems, []);
    });
  }

  it('shows a sign of more to see where a table is wider than the phone', async () => {
    const page = await open('id', true);
    await page.goto(`${base}/admin/akun`);
    const wrap = page.locator('.table-scroll').first();
    await wrap.waitFor();
    const facts = await wrap.evaluate((node) => {
      const el = node as unknown as PageNode;
      return {
        overflowX: (globalThis as unknown as PageGlobals).getComputedStyle(el).overflowX,
        scrollable: el.scrollWidth > el.clientWidth,
        cue: el.classList.contains('has-more'),
      };
    });
    assert.equal(facts.overflowX, 'auto');
    assert.ok(facts.scrollable, 'five columns do not fit 360 px: the table scrolls in its box');
    await page.getByText('Geser ke samping untuk melihat kolom lainnya').waitFor();
    assert.equal(facts.cue, facts.scrollable, 'the cue shows exactly when the table scrolls');
  });

  it('names the product once when no organisation name is configured', async () => {
    const plain = await startTestServer({ TEKEN_FAILURE_DELAY_MS: '0' });
    const page = await open('id', false);
    await page.goto(`${plain.url}/masuk`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const header = await page.locator('.auth-top .brand-text').innerText();
    assert.equal(header.replace(/\s+/g, ' ').trim(), 'Teken', 'the header reads "Teken", not "Teken Teken"');
    assert.equal(await page.locator('.brand-org').count(), 0);
  });

  it('raised no script errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
