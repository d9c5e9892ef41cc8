/**
 * The console's browser tests' common set-up: Debian's Chromium through playwright-core (with a
 * fake camera, allowed without asking, where a test needs one), pages in Indonesian and WIB that
 * collect uncaught script errors and CSP refusals, and the page heading as a person reads it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { onCleanup } from './cleanup.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Where the tests leave their screenshots (for a person to look at, not asserted on). */
export const screenshots = path.join(os.tmpdir(), 'teken-console-screenshots');

/** Chromium, closed at cleanup. No skip when it is missing: CI installs it. */
export async function launchChromium(options: { fakeCamera?: boolean } = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      ...(options.fakeCamera ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : []),
    ],
  });
  onCleanup(() => browser.close());
  fs.mkdirSync(screenshots, { recursive: true });
  return browser;
}

/**
 * A new context and page (Indonesian, Asia/Jakarta unless `options` say otherwise), closed at
 * cleanup; the page's uncaught errors and CSP refusals are pushed to `pageErrors`.
 */
export async function openPage(
  browser: Browser,
  pageErrors: string[],
  options: BrowserContextOptions = {},
  timeoutMs = 15_000,
) {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
  context.setDefaultTimeout(timeoutMs);
  onCleanup(() => context.close());
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  return { context, page };
}

/** The page's one level-1 heading with exactly this text. */
export const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });
