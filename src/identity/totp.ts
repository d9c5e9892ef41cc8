/**
 * Authenticator codes (RFC 6238): HMAC-SHA-1, 6 digits, 30-second steps, one step of clock drift
 * either way — what Google Authenticator and FreeOTP implement. A code is accepted once: the
 * device remembers the highest step used, and only later steps are accepted after it.
 */
import { Secret, TOTP } from 'otpauth';

export const totpParameters = { algorithm: 'SHA1', digits: 6, period: 30, window: 1 } as const;

export function generateTotpSecret(): string {
  // 20 bytes = 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends.
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = 'Teken', issuer = 'Teken'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: totpParameters.algorithm,
    digits: totpParameters.digits,
    period: totpParameters.period,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app scans from the QR code. */
export function totpUri(secretBase32: string, accountLabel: string, issuer: string): string {
  return totp(secretBase32, accountLabel, issuer).toString();
}

/**
 * Checks a code. Returns the time step it matched, or null when it does not match or its step is
 * not after `lastUsedStep` (a replay, or an older code after a newer one was used).
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  lastUsedStep: number,
  now = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now, window: totpParameters.window });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / totpParameters.period) + delta;
  return step > lastUsedStep ? step : null;
}

/** The current code (tests and the benchmark; never shown to users). */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: now });
}
