/** Signs out every other session of the account ("Keluar dari sesi lain"). */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { IdentityContext } from './identity-context.js';
import { revokeOtherSessions, type SessionMeta, type SessionRow } from './sessions.js';

export async function signOutOtherSessions(
  ctx: IdentityContext,
  current: SessionRow,
  meta: SessionMeta,
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const n = await revokeOtherSessions(tx, current.accountId, current.idHash);
    await recordAuditEvent(tx, {
      actor: `account:${current.accountId}`,
      action: 'session.revoked_others',
      target: `account:${current.accountId}`,
      details: { count: n, ip: meta.ip ?? null },
    });
    return n;
  });
}
