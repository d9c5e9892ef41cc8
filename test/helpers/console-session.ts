/**
 * What the console's Chromium tests share beyond the browser itself (browser.ts): a listening
 * `teken serve` with the built console at a known address (quick argon2id, P-256 subscriber keys,
 * no failure delay), an account's authenticator set up through the API, a page signed in as that
 * account, a verified holder with an issued eSign certificate, and the 360 px check that nothing
 * scrolls sideways.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { closedPort } from '../notify/smtp-test-server.js';
import { ApiClient } from './api-client.js';
import { nextCode } from './authenticator.js';
import { openPage } from './browser.js';
import { ensureConsoleBuilt } from './console-build.js';
import { createVerifiedSubscriber } from './registration.js';
import { syntheticPerson } from './synthetic-identity.js';
import { firstSignIn } from './test-accounts.js';
import { startTestServer } from './test-server.js';

export type ConsoleServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The console built, then a server listening at `base` (its public URL, so mailed links lead
 * back to it); `env` adds to or overrides the quick test settings.
 */
export async function startConsoleServer(
  env: Record<string, string> = {},
): Promise<{ server: ConsoleServer; base: string }> {
  ensureConsoleBuilt();
  const port = await closedPort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startTestServer({
    TEKEN_PORT: String(port),
    TEKEN_PUBLIC_URL: base,
    TEKEN_FAILURE_DELAY_MS: '0',
    TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
    TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
    TEKEN_ESIGN_KEY: 'p256',
    ...env,
  });
  return { server, base };
}

/** The account's first sign-in through the API, which sets up its authenticator: its secret. */
export function enrolAuthenticator(
  server: RunningServer,
  account: AccountRow,
  password: string,
  ip = '127.0.0.1',
): Promise<string> {
  return firstSignIn(new ApiClient(server.web.app, ip), account.username, password, nextCode);
}

/**
 * A new page (openPage: Indonesian, WIB, errors into `pageErrors`) signed in at /masuk with the
 * password and the authenticator's next code, on the home page with the menu attached.
 */
export async function signedInPage(
  browser: Browser,
  pageErrors: string[],
  base: string,
  who: { account: AccountRow; password: string; secret: string },
  options: BrowserContextOptions & { width?: number } = {},
): Promise<Page> {
  const { width = 1280, ...context } = options;
  const { page } = await openPage(browser, pageErrors, { viewport: { width, height: 800 }, ...context });
  await page.goto(`${base}/masuk`);
  await page.getByLabel('Username atau Email').fill(who.account.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByLabel('One-time code').fill(await nextCode(who.secret));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.locator('.sidenav').waitFor({ state: 'attached' });
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

/**
 * For accounts that have not signed in yet: a function that sets up the account's authenticator
 * (its first sign-in through the API) and returns a page signed in as it (signedInPage).
 */
export function firstSignInPages(
  server: RunningServer,
  browser: Browser,
  pageErrors: string[],
  base: string,
  password: string,
) {
  return async (account: AccountRow, options: BrowserContextOptions & { width?: number } = {}) =>
    signedInPage(
      browser,
      pageErrors,
      base,
      { account, password, secret: await enrolAuthenticator(server, account, password) },
      options,
    );
}

/** No sideways scrolling; else the widest elements, to say what overflows. */
export async function assertNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  if (overflow <= 0) return;
  const wide = await page.evaluate<string[]>(
    `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`,
  );
  assert.fail(`${where}: ${overflow} px sideways: ${wide.join(', ')}`);
}

/**
 * A verified subscriber of the institution (synthetic, with a password) whose eSign certificate
 * was requested, approved and issued with `passphrase` outside the browser.
 */
export async function holderWithCertificate(
  rt: Runtime,
  input: {
    institutionId: string;
    email: string;
    password: string;
    passphrase: string;
    phoneVerified?: boolean;
  },
) {
  const person = syntheticPerson();
  const { account } = await createVerifiedSubscriber(rt, {
    institutionId: input.institutionId,
    email: input.email,
    fullName: person.fullName,
    password: input.password,
    person,
    ...(input.phoneVerified === undefined ? {} : { phoneVerified: input.phoneVerified }),
  });
  const ctx = certificatesContextOf(rt);
  const { id } = await requestCertificate(ctx, account, { product: 'esign' });
  await approveCertificateRequest(ctx, { operator: 'test' }, id);
  const issued = await setPassphraseAsOperator(ctx, 'test', id, {
    passphrase: input.passphrase,
    agreementVersion: subscriberAgreement().version,
  });
  return { account, person, requestId: id, issued };
}
