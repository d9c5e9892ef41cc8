/** The `update_password` step ("Update password"): the new password twice. */
import { TekenError } from '../errors/teken-error.js';
import { getAccount } from './accounts.js';
import { advance, expectStep, flowOf, type StepResult } from './flow-steps.js';
import type { IdentityContext } from './identity-context.js';
import type { SessionMeta, SessionRow } from './sessions.js';
import { setPassword } from './set-password.js';

export async function updatePasswordStep(
  ctx: IdentityContext,
  session: SessionRow,
  input: { password: unknown; confirmation: unknown },
  meta: SessionMeta,
): Promise<StepResult> {
  const flow = flowOf(session);
  expectStep(flow, 'update_password');
  if (typeof input.password !== 'string' || typeof input.confirmation !== 'string') {
    throw new TekenError('ERR_INPUT_INVALID', 'Give the new password twice.');
  }
  if (input.password !== input.confirmation) throw new TekenError('ERR_PASSWORD_MISMATCH');
  const password = input.password;
  const account = await getAccount(ctx.db, session.accountId);
  await ctx.db.transaction(async (tx) => {
    // Every other session ends: whoever knew the old password is out.
    await setPassword(ctx, tx, account, password, meta, session.idHash);
  });
  return advance(ctx, session, flow, meta);
}
