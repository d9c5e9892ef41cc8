/** Sets a new password: voids the account's links, ends other sessions when asked, and says so by e-mail. */
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { accounts } from '../db/schema.js';
import { formatWib } from '../notify/format-wib.js';
import type { AccountRow } from './accounts.js';
import { voidActionLinks } from './action-links.js';
import type { IdentityContext } from './identity-context.js';
import { hashPassword } from './password-hash.js';
import { assertPasswordAcceptable } from './password-policy.js';
import { revokeOtherSessions, type SessionMeta } from './sessions.js';

export async function setPassword(
  ctx: IdentityContext,
  tx: Tx,
  account: AccountRow,
  password: string,
  meta: SessionMeta,
  keepSession?: Uint8Array,
): Promise<void> {
  const accepted = assertPasswordAcceptable(password, ctx.config.identity, account);
  const passwordHash = await hashPassword(accepted);
  const now = new Date();
  await tx
    .update(accounts)
    .set({
      passwordHash,
      passwordChangedAt: now,
      requiredActions: sql`array_remove(${accounts.requiredActions}, 'UPDATE_PASSWORD')`,
      updatedAt: now,
    })
    .where(eq(accounts.id, account.id));
  await voidActionLinks(tx, account.id, ['RESET_PASSWORD', 'UPDATE_PASSWORD']);
  if (keepSession !== undefined) await revokeOtherSessions(tx, account.id, keepSession);
  await recordAuditEvent(tx, {
    actor: `account:${account.id}`,
    action: 'account.password_changed',
    target: `account:${account.id}`,
    details: { ip: meta.ip ?? null },
  });
  await ctx.notify(tx, {
    template: 'password-changed',
    locale: account.locale,
    to: account.email,
    data: { name: account.fullName, time: formatWib(now, account.locale) },
    idempotencyKey: `password-changed:${account.id}:${now.getTime()}`,
    accountId: account.id,
  });
}
