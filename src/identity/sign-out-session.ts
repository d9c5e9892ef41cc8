/** Signs out one of the account's own sessions, by its public id ("Keamanan"). */
import { and, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { sessions } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { IdentityContext } from './identity-context.js';
import { publicSessionId, revokeSession, type SessionMeta, type SessionRow } from './sessions.js';

export async function signOutSession(
  ctx: IdentityContext,
  current: SessionRow,
  publicId: string,
  meta: SessionMeta,
): Promise<void> {
  if (!/^[0-9a-f]{32}$/.test(publicId)) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such session.');
  const rows = await ctx.db
    .select({ idHash: sessions.idHash })
    .from(sessions)
    .where(and(eq(sessions.accountId, current.accountId), isNull(sessions.revokedAt)));
  const target = rows.find((r) => publicSessionId(r) === publicId);
  if (!target) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such session.');
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, target.idHash);
    await recordAuditEvent(tx, {
      actor: `account:${current.accountId}`,
      action: 'session.revoked',
      target: `account:${current.accountId}`,
      details: { session: publicId, ip: meta.ip ?? null },
    });
  });
}
