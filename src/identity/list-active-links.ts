/** Open links of an account ("Tautan Aktif"), without their tokens. */
import { eq } from 'drizzle-orm';
import { actionTokens } from '../db/schema.js';
import { getAccount, type AccountRow } from './accounts.js';
import { authorize } from './authorize.js';
import type { IdentityContext } from './identity-context.js';

export async function activeLinks(ctx: IdentityContext, admin: AccountRow, accountId: string) {
  const account = await getAccount(ctx.db, accountId);
  authorize(admin, 'account.read', account);
  const rows = await ctx.db.select().from(actionTokens).where(eq(actionTokens.accountId, account.id));
  const now = new Date();
  return rows
    .filter((r) => !r.usedAt && !r.voidedAt && r.expiresAt > now)
    .map((r) => ({
      action: r.action,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    }));
}
