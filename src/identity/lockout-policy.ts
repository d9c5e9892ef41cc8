/**
 * Sign-in's lockout policy on top of the attempt guard: the budgets of passwords, authenticator codes
 * and links (docs/sign-in.md "Anti-automation"), what a wrong guess records (an audit event; at the
 * limit, the account's lock with its e-mail), and the answers that tell a user something useful
 * without telling anyone whether an account exists.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Config } from '../config/load-config.js';
import { accounts } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { formatWib } from '../notify/format-wib.js';
import type { AccountRow } from './accounts.js';
import type { AttemptResult, GuardPolicy } from './attempt-guard.js';
import type { IdentityContext } from './identity-context.js';
import type { SessionMeta } from './sessions.js';

const FIFTEEN_MINUTES = 15 * 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Wrong guesses one WhatsApp code allows before a new one must be sent. */
export const PHONE_CODE_GUESSES = 5;
/** Uses of one signing authorisation in flight at once, and wrong tokens before it ends. */
export const SIGNING_AUTHORISATION_GUESSES = 32;
/** Selfies the face-match adapter may refuse per certificate and day. */
export const SELFIE_TRIES = 3;

export function identityGuardPolicy(config: Config): GuardPolicy {
  const id = config.identity;
  const account = { max: id.lockoutFailures, windowMs: DAY, blockMs: id.lockoutMinutes * 60_000 };
  const address = { max: id.addressFailures, windowMs: FIFTEEN_MINUTES, blockMs: FIFTEEN_MINUTES };
  return {
    secrets: {
      password: { subjectPrefix: 'pw', subject: account, addressPrefix: 'auth:ip', address },
      otp: { subjectPrefix: 'otp', subject: account, addressPrefix: 'auth:ip', address },
      // Link tokens have 256 bits: the address budget is what slows a scan.
      link: { subjectPrefix: 'link', subject: account, addressPrefix: 'auth:ip', address },
      // API-client secrets have 256 bits: per client (a keyed hash for an unknown username) and per
      // address, on budgets of their own, so an HR system's failures never lock out an office's
      // console sign-ins behind the same address, nor the other way round.
      api_client_secret: {
        subjectPrefix: 'apic',
        // No block beyond the window: a known username must not let anyone lock an HR system out.
        subject: { max: id.lockoutFailures * 2, windowMs: FIFTEEN_MINUTES, blockMs: 0 },
        addressPrefix: 'apic:ip',
        address,
      },
      // WhatsApp codes ("Kirim Kode OTP", docs/notifications.md): 6 digits, so small budgets. The
      // main subject is the code (`pv:<verification id>`): 5 guesses, then a new code is needed.
      // Every guess also counts against the account and the number, over a day, so new codes do
      // not buy new guesses without end.
      phone_code: {
        subjectPrefix: 'pv',
        subject: { max: PHONE_CODE_GUESSES, windowMs: HOUR, blockMs: 0 },
        addressPrefix: 'auth:ip',
        address,
        also: {
          account: { prefix: 'pv:acct', rule: { max: 15, windowMs: DAY, blockMs: HOUR } },
          number: { prefix: 'pv:num', rule: { max: 15, windowMs: DAY, blockMs: HOUR } },
        },
      },
      // A certificate's passphrase (keystore download, signing): per certificate over a day, then
      // the key is locked for TEKEN_PASSPHRASE_LOCK_MINUTES. Console paths also count per address;
      // the eSign API's callers are servers speaking for many users, so they name no address.
      passphrase: {
        subjectPrefix: 'pp',
        subject: {
          max: config.certificates.passphraseFailures,
          windowMs: DAY,
          blockMs: config.certificates.passphraseLockMinutes * 60_000,
        },
        addressPrefix: 'auth:ip',
        address,
      },
      // A signing authorisation's token (256 bits) names its authorisation. Every use is an
      // attempt reserved before the check, so the budget is also how many uses may be in flight at
      // once; that many wrong tokens for one authorisation end it for the hour.
      signing_authorisation: {
        subjectPrefix: 'sa',
        subject: { max: SIGNING_AUTHORISATION_GUESSES, windowMs: HOUR, blockMs: 0 },
        addressPrefix: 'auth:ip',
        address,
      },
      // The code of a TOTP authorisation (signing/totp-authorisation.ts: 8 or 16 digits). The main
      // subject is the authorisation (`totp:<id>`): TEKEN_TOTP_FAILURES wrong codes end it. Every
      // guess also counts against the holder over a day, so new authorisations do not buy new
      // guesses without end. A reservation is held while the code is checked, so these budgets are
      // also how many uses of one code may be checked at once.
      totp_code: {
        subjectPrefix: 'totp',
        subject: { max: config.certificates.totpFailures, windowMs: HOUR, blockMs: 0 },
        addressPrefix: 'auth:ip',
        address,
        also: {
          holder: {
            prefix: 'totp:acct',
            rule: { max: config.certificates.totpFailures * 5, windowMs: DAY, blockMs: HOUR },
          },
        },
      },
      // A passphrase reset's selfie compared by the face-match adapter (certificates/
      // submit-reset-selfie.ts): a face is not secret, so a few tries per certificate a day
      // (light, angle), then only later or through the RA; a non-match is a wrong guess.
      selfie: {
        subjectPrefix: 'selfie',
        subject: { max: SELFIE_TRIES, windowMs: DAY, blockMs: DAY },
        addressPrefix: 'auth:ip',
        address,
      },
    },
    quotas: {
      link_email: { prefix: 'mail', rule: { max: id.linkEmailsPerHour, windowMs: HOUR, blockMs: 0 } },
      reset_request: {
        prefix: 'reset:ip',
        rule: { max: id.resetRequestsPerHour, windowMs: HOUR, blockMs: 0 },
      },
      // Calls per client per minute; `max` is each client's own setting (consume's override).
      api_client_call: { prefix: 'apic:call', rule: { max: 600, windowMs: 60_000, blockMs: 0 } },
      // Self-registration requests per source address (the activation e-mails per address are
      // `link_email`'s).
      self_registration: {
        prefix: 'selfreg:ip',
        rule: { max: config.enrollment.selfRegistrationsPerHour, windowMs: HOUR, blockMs: 0 },
      },
      // Codes sent per account and per number (two consumes, `acct:<id>` and `num:<hash>`).
      phone_code_send: {
        prefix: 'pvsend',
        rule: { max: config.enrollment.phoneCodesPerHour, windowMs: HOUR, blockMs: 0 },
      },
      // Outbox deliveries per recipient and channel; `max` is TEKEN_OUTBOX_RECIPIENT_PER_HOUR.
      outbox_recipient: {
        prefix: 'outbox:to',
        rule: { max: config.notify.recipientPerHour, windowMs: HOUR, blockMs: 0 },
      },
      // "Cek ketersediaan email" per account: enough for typing, too few to probe who is registered.
      email_availability: { prefix: 'mailcheck', rule: { max: 20, windowMs: HOUR, blockMs: 0 } },
      // Time-stamp requests per client address at POST /tsa (TEKEN_TSA_REQUESTS_PER_MINUTE).
      tsa_request: {
        prefix: 'tsa:ip',
        rule: { max: config.tsa.requestsPerMinute, windowMs: 60_000, blockMs: 0 },
      },
      // Public PDF verifications per client address ("Verifikasi PDF", TEKEN_VERIFY_REQUESTS_PER_MINUTE).
      verify_request: {
        prefix: 'verify:ip',
        rule: { max: config.verify.requestsPerMinute, windowMs: 60_000, blockMs: 0 },
      },
    },
    failureDelayMs: id.failureDelayMs,
  };
}

/** The guard subject of an account (`pw:acct:<id>`, `otp:acct:<id>`). */
export const accountSubject = (accountId: string) => `acct:${accountId}`;

/**
 * The guard subject of a login that names no account: a keyed hash of the normalised login, so an
 * unknown username is counted, delayed and locked exactly like a known one, and the counters hold
 * no usernames.
 */
export function unknownLoginSubject(ctx: IdentityContext, login: string): string {
  return `login:${subjectDigest(ctx, login.trim().toLowerCase().normalize('NFKC'))}`;
}

/** A keyed hash that names a guessed identifier in the counters without storing it. */
function subjectDigest(ctx: IdentityContext, identifier: string): string {
  return crypto
    .createHmac('sha256', ctx.master.derive('throttle-subject/v1'))
    .update(identifier)
    .digest('base64url')
    .slice(0, 32);
}

/**
 * The guard subject of an API-client username: the username of a client that exists, else a keyed
 * hash of it (as for an unknown login), so the counters hold no guessed names.
 */
export function apiClientSubject(ctx: IdentityContext, username: string, known: boolean): string {
  if (known) return `client:${username}`;
  return `client-name:${subjectDigest(ctx, `api-client:${username}`)}`;
}

/** The answer to every failed password, whatever the reason, with what happens at the limit. */
export function invalidCredentials(config: Config): TekenError {
  const { lockoutFailures: n, lockoutMinutes: m } = config.identity;
  return new TekenError(
    'ERR_AUTH_INVALID_CREDENTIALS',
    `Username atau password salah. Setelah ${n} kali gagal, akun dikunci selama ${m} menit dan pemiliknya menerima e-mail. / ` +
      `Invalid username or password. After ${n} failed attempts an account is locked for ${m} minutes and its owner gets an e-mail.`,
    { details: { lockoutFailures: n, lockoutMinutes: m } },
  );
}

/** The answer when the source address has spent its budget. */
export function addressThrottled(retryAfterSeconds: number): TekenError {
  return new TekenError(
    'ERR_AUTH_THROTTLED',
    'Too many failed attempts from your network. Try again later.',
    {
      details: { retryAfterSeconds },
    },
  );
}

/** The answer to a wrong or refused authenticator code: the account is known here, so say when. */
export function invalidOtp(
  blockedUntil: Date | null,
  detail = 'The code is wrong or was already used.',
): TekenError {
  if (!blockedUntil) return new TekenError('ERR_AUTH_OTP_INVALID', `Kode OTP salah. / ${detail}`);
  const retryAfterSeconds = Math.max(1, Math.ceil((blockedUntil.getTime() - Date.now()) / 1000));
  return new TekenError(
    'ERR_AUTH_OTP_INVALID',
    `Terlalu banyak kode salah: akun dikunci sampai ${formatWib(blockedUntil, 'id')}; e-mail telah dikirim. / ` +
      `Too many wrong codes: the account is locked until ${formatWib(blockedUntil, 'en')}; an e-mail was sent.`,
    { details: { retryAfterSeconds, lockedUntil: blockedUntil.toISOString() } },
  );
}

/**
 * What a wrong password or code on a known account records: an audit event and, when this failure
 * reached the limit, the lock (its audit event and the "account locked" e-mail, once).
 */
export async function recordWrongGuess(
  ctx: IdentityContext,
  account: AccountRow,
  kind: 'password' | 'otp',
  result: Extract<AttemptResult<unknown>, { outcome: 'wrong' }>,
  meta: SessionMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: kind === 'password' ? 'auth.password_failed' : 'auth.otp_failed',
      target: `account:${account.id}`,
      details: { ip: meta.ip ?? null, failures: result.failures },
    });
    if (!result.justBlocked || !result.blockedUntil) return;
    await tx.update(accounts).set({ lockedUntil: result.blockedUntil }).where(eq(accounts.id, account.id));
    await recordAuditEvent(tx, {
      actor: 'system',
      action: 'account.locked',
      target: `account:${account.id}`,
      details: {
        reason: kind === 'password' ? 'password failures' : 'authenticator failures',
        until: result.blockedUntil.toISOString(),
      },
    });
    await ctx.notify(tx, {
      template: 'account-locked',
      locale: account.locale,
      to: account.email,
      data: {
        name: account.fullName,
        minutes: String(ctx.config.identity.lockoutMinutes),
        time: formatWib(result.blockedUntil, account.locale),
      },
      idempotencyKey: `account-locked:${account.id}:${result.blockedUntil.getTime()}`,
      accountId: account.id,
    });
  });
}
