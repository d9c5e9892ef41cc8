/** The `password` step of the RESET_OTP_DEVICE flow: the account is known, so a lock is named. */
import { TekenError } from '../errors/teken-error.js';
import { formatWib } from '../notify/format-wib.js';
import { getAccount, type AccountRow } from './accounts.js';
import { advance, expectStep, flowOf, type StepResult } from './flow-steps.js';
import type { IdentityContext } from './identity-context.js';
import { accountSubject, addressThrottled, recordWrongGuess } from './lockout-policy.js';
import { verifyPassword } from './password-hash.js';
import type { SessionMeta, SessionRow } from './sessions.js';

function wrongPassword(blockedUntil: Date | null): TekenError {
  if (!blockedUntil)
    return new TekenError('ERR_AUTH_INVALID_CREDENTIALS', 'Password salah. / Wrong password.');
  return new TekenError(
    'ERR_AUTH_INVALID_CREDENTIALS',
    `Terlalu banyak password salah: akun dikunci sampai ${formatWib(blockedUntil, 'id')}. / ` +
      `Too many wrong passwords: the account is locked until ${formatWib(blockedUntil, 'en')}.`,
    {
      details: {
        lockedUntil: blockedUntil.toISOString(),
        retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil.getTime() - Date.now()) / 1000)),
      },
    },
  );
}

/**
 * Checks a known account's password through the attempt guard (kind `password`): a wrong one is
 * counted towards the account's lock and audited. The `password` step and every re-confirmation
 * (a Pencabutan confirmed with password and authenticator code) take this one path.
 */
export async function verifyAccountPassword(
  ctx: IdentityContext,
  account: AccountRow,
  password: string,
  meta: SessionMeta,
): Promise<void> {
  const result = await ctx.guard.attempt(
    'password',
    { subject: accountSubject(account.id), address: meta.ip },
    async () => ((await verifyPassword(account.passwordHash, password)) ? true : null),
  );
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw wrongPassword(result.blockedUntil);
  }
  if (result.outcome === 'wrong') {
    await recordWrongGuess(ctx, account, 'password', result, meta);
    throw wrongPassword(result.blockedUntil);
  }
}

export async function passwordStep(
  ctx: IdentityContext,
  session: SessionRow,
  password: unknown,
  meta: SessionMeta,
): Promise<StepResult> {
  const flow = flowOf(session);
  expectStep(flow, 'password');
  if (typeof password !== 'string' || password.length > 4096)
    throw new TekenError('ERR_INPUT_INVALID', 'Give your password.');
  const account = await getAccount(ctx.db, session.accountId);
  await verifyAccountPassword(ctx, account, password, meta);
  return advance(ctx, session, flow, meta);
}
