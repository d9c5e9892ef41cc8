/**
 * Reading the mail a test's SMTP server (test/notify/smtp-test-server.ts) caught, as a person
 * reads their inbox: the message to an address with a subject, and a link in its text.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ParsedMail } from 'mailparser';
import type { TestSmtpServer } from '../notify/smtp-test-server.js';

/**
 * The first message to `to` whose subject matches, received after the `since`-th message (count
 * `smtp.received.length` before the action that sends it); waits up to `timeoutMs`.
 */
export async function waitForMail(
  smtp: TestSmtpServer,
  to: string,
  subject: RegExp,
  { since = 0, timeoutMs = 15_000 }: { since?: number; timeoutMs?: number } = {},
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = smtp.received
      .slice(since)
      .find((m) => m.rcptTo.includes(to) && subject.test(m.mail.subject ?? ''));
    if (found) return found.mail;
    if (Date.now() > deadline)
      assert.fail(
        `no ${String(subject)} e-mail to ${to} (got: ${smtp.received.map((m) => m.mail.subject).join(' | ')})`,
      );
    await sleep(100);
  }
}

/** The link `<base><path>#<43-character token>` in the message's text; fails when there is none. */
export function linkInMail(mail: ParsedMail, base: string, linkPath: string): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const link = new RegExp(`${escape(base)}${escape(linkPath)}#[A-Za-z0-9_-]{43}`).exec(mail.text ?? '')?.[0];
  assert.ok(link, `the e-mail "${mail.subject}" has a ${linkPath} link to ${base}: ${mail.text}`);
  return link;
}
