/** What the user reads for a failed call: a translated message for known codes, else the server's detail. */
import { ApiError } from '../api/client';
import { isMessageKey, type MessageKey, type Translate } from '../i18n/i18n';
import { formatWib } from './format';

/** A page's own wording for some codes, e.g. the link e-mail quota instead of "too many attempts". */
export type ErrorOverrides = Partial<Record<string, MessageKey>>;

export interface ErrorText {
  message: string;
  /** The broken password rules (ERR_PASSWORD_POLICY), translated. */
  items?: string[];
}

function policyItems(error: ApiError, t: Translate): string[] {
  const violations = Array.isArray(error.details?.violations) ? (error.details.violations as unknown[]) : [];
  // The minimum length is configurable; the server's English detail names it.
  const min = /at least (\d+) characters/.exec(error.detail ?? '')?.[1];
  return violations
    .filter((v): v is string => typeof v === 'string')
    .map((v) => {
      if (v === 'too_short') return min ? t('violation.too_short', { min }) : t('violation.too_short_plain');
      const key = `violation.${v}`;
      return isMessageKey(key) ? t(key) : v;
    });
}

/**
 * What a refused guess tells the user (src/identity/lockout-policy.ts): the lock's end where the
 * account is known (a code or a password inside a flow), else what happens at the limit — the
 * same for every login, so it says nothing about whether an account exists.
 */
function lockoutText(error: ApiError, t: Translate, locale: 'id' | 'en'): string | undefined {
  const lockedUntil = error.details?.lockedUntil;
  if (typeof lockedUntil === 'string' && !Number.isNaN(Date.parse(lockedUntil)))
    return t('error.lockedUntil', { time: formatWib(new Date(lockedUntil), locale) });
  const failures = Number(error.details?.lockoutFailures);
  const minutes = Number(error.details?.lockoutMinutes);
  if (Number.isFinite(failures) && Number.isFinite(minutes) && failures > 0)
    return t('error.lockoutRule', { failures, minutes });
  return undefined;
}

export function errorText(
  error: unknown,
  t: Translate,
  overrides: ErrorOverrides = {},
  locale: 'id' | 'en' = 'id',
): ErrorText {
  if (!(error instanceof ApiError)) return { message: t('error.generic') };
  const key = `error.${error.code}`;
  const override = overrides[error.code];
  if (error.code === 'ERR_PASSWORD_POLICY')
    return { message: t('error.ERR_PASSWORD_POLICY'), items: policyItems(error, t) };
  if (error.code === 'ERR_AUTH_THROTTLED') {
    const seconds = Number(error.details?.retryAfterSeconds);
    const base = t(override ?? 'error.ERR_AUTH_THROTTLED');
    return {
      message:
        Number.isFinite(seconds) && seconds > 0
          ? `${base} ${t('error.retryAfter', { minutes: Math.max(1, Math.ceil(seconds / 60)) })}`
          : base,
    };
  }
  if (error.code === 'ERR_AUTH_INVALID_CREDENTIALS' || error.code === 'ERR_AUTH_OTP_INVALID') {
    const base = t(override ?? (`error.${error.code}` as MessageKey));
    const lockout = lockoutText(error, t, locale);
    return { message: lockout ? `${base} ${lockout}` : base };
  }
  // A certificate's passphrase (unlock-subscriber-key.ts): the tries left, or the lock's end.
  if (error.code === 'ERR_PASSPHRASE_WRONG' || error.code === 'ERR_PASSPHRASE_LOCKED') {
    const base = t(override ?? (`error.${error.code}` as MessageKey));
    const left = Number(error.details?.failuresLeft);
    if (
      error.code === 'ERR_PASSPHRASE_WRONG' &&
      Number.isFinite(left) &&
      error.details?.failuresLeft !== undefined
    )
      return { message: `${base} ${t('error.passphraseFailuresLeft', { n: left })}` };
    const lockout = lockoutText(error, t, locale);
    return { message: lockout ? `${base} ${lockout}` : base };
  }
  if (override) return { message: t(override) };
  if (isMessageKey(key)) return { message: t(key) };
  if (error.status >= 500) return { message: t('error.ERR_SERVER_INTERNAL') };
  return { message: error.detail ?? error.title ?? t('error.generic') };
}
