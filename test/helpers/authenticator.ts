/**
 * A person's authenticator app in tests: codes from the base32 secret computed with otpauth
 * (RFC 6238: SHA-1, 6 digits, 30 s), not with Teken's own TOTP code, on the real clock.
 *
 * The server accepts one step either side and each step of a device once, so every code here is
 * for a later step than the last one used with that secret: the previous step (when safely inside
 * the current one), the current one, or the next one; only when all three are spent does it wait.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Secret, TOTP } from 'otpauth';

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

/** The code of `secret` for the 30-second step `step` (counted from the Unix epoch). */
export function codeForStep(secret: string, step: number): string {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: step * PERIOD_MS + 1_000 });
}

/** The next code a person would type: never one this process already used for the secret. */
export async function nextCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / PERIOD_MS);
    const earliest = now % PERIOD_MS < 25_000 ? current - 1 : current;
    const step = Math.max(earliest, (lastStep.get(secret) ?? -1) + 1);
    if (step <= current + 1) {
      lastStep.set(secret, step);
      return codeForStep(secret, step);
    }
    await sleep((current + 1) * PERIOD_MS - now + 100);
  }
}
