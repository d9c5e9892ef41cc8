/** The account's signed-in sessions ("Keamanan"), newest activity first. */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { sessions } from '../db/schema.js';
import type { IdentityContext } from './identity-context.js';
import { publicSessionId, type SessionRow } from './sessions.js';

export async function listSessions(ctx: IdentityContext, current: SessionRow) {
  const now = new Date();
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.accountId, current.accountId),
        eq(sessions.stage, 'full'),
        isNull(sessions.revokedAt),
        gt(sessions.idleExpiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: publicSessionId(s),
    current: Buffer.compare(Buffer.from(s.idHash), Buffer.from(current.idHash)) === 0,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: (s.idleExpiresAt < s.absoluteExpiresAt ? s.idleExpiresAt : s.absoluteExpiresAt).toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    remember: s.remember,
  }));
}
