/** Ends a lockout before its time ("Buka kunci"). */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts } from '../db/schema.js';
import { lockoutKeys } from './account-lockouts.js';
import { getAccount, type AccountRow } from './accounts.js';
import { authorize } from './authorize.js';
import type { IdentityContext } from './identity-context.js';

export async function unlockAccount(
  ctx: IdentityContext,
  admin: AccountRow,
  accountId: string,
): Promise<void> {
  const account = await getAccount(ctx.db, accountId);
  authorize(admin, 'account.unlock', account);
  await ctx.db.transaction(async (tx) => {
    await ctx.guard.clear(tx, Object.values(lockoutKeys(ctx, account.id)));
    await tx.update(accounts).set({ lockedUntil: null }).where(eq(accounts.id, account.id));
    await recordAuditEvent(tx, {
      actor: `account:${admin.id}`,
      action: 'account.unlocked',
      target: `account:${account.id}`,
    });
  });
}
