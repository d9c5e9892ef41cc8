/** Signs out (the current session). */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { IdentityContext } from './identity-context.js';
import { revokeSession, type SessionMeta, type SessionRow } from './sessions.js';

export async function signOut(ctx: IdentityContext, session: SessionRow, meta: SessionMeta): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, session.idHash);
    if (session.stage === 'full') {
      await recordAuditEvent(tx, {
        actor: `account:${session.accountId}`,
        action: 'auth.sign_out',
        target: `account:${session.accountId}`,
        details: { ip: meta.ip ?? null },
      });
    }
  });
}
