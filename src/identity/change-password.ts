/**
 * Changes the password, knowing the current one ("Keamanan"). The current password is a guessed
 * secret like any other: its attempts come from the guard and count towards the account's lock.
 * Other sessions stay unless `signOutOthers` (the console offers it right after the change).
 */
import { TekenError } from '../errors/teken-error.js';
import { getAccount } from './accounts.js';
import type { IdentityContext } from './identity-context.js';
import { accountSubject, addressThrottled, recordWrongGuess } from './lockout-policy.js';
import { verifyPassword } from './password-hash.js';
import type { SessionMeta, SessionRow } from './sessions.js';
import { setPassword } from './set-password.js';

export async function changePassword(
  ctx: IdentityContext,
  current: SessionRow,
  input: { currentPassword: unknown; password: unknown; confirmation: unknown; signOutOthers?: unknown },
  meta: SessionMeta,
): Promise<void> {
  const { currentPassword, password, confirmation } = input;
  if (
    typeof currentPassword !== 'string' ||
    typeof password !== 'string' ||
    typeof confirmation !== 'string'
  ) {
    throw new TekenError('ERR_INPUT_INVALID', 'Give the current password and the new one twice.');
  }
  if (password !== confirmation) throw new TekenError('ERR_PASSWORD_MISMATCH');
  const account = await getAccount(ctx.db, current.accountId);
  const result = await ctx.guard.attempt(
    'password',
    { subject: accountSubject(account.id), address: meta.ip },
    async () => ((await verifyPassword(account.passwordHash, currentPassword)) ? true : null),
  );
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw new TekenError('ERR_AUTH_THROTTLED', 'Too many wrong passwords. Try again later.', {
      details: { retryAfterSeconds: result.retryAfterSeconds },
    });
  }
  if (result.outcome === 'wrong') {
    await recordWrongGuess(ctx, account, 'password', result, meta);
    throw new TekenError('ERR_PASSWORD_CURRENT_WRONG');
  }
  await ctx.db.transaction(async (tx) => {
    await setPassword(
      ctx,
      tx,
      account,
      password,
      meta,
      input.signOutOthers === true ? current.idHash : undefined,
    );
  });
}
