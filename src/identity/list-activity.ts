/** The account's own security events, newest first ("Aktivitas"). */
import { and, desc, eq, lt } from 'drizzle-orm';
import { auditEvents } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { IdentityContext } from './identity-context.js';

const MAX_ID = 2n ** 63n - 1n;

export async function listActivity(ctx: IdentityContext, accountId: string, before?: bigint, limit = 50) {
  if (before !== undefined && (before < 1n || before > MAX_ID))
    throw new TekenError('ERR_INPUT_INVALID', '`before` must be an event id.');
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.target, `account:${accountId}`), before ? lt(auditEvents.id, before) : undefined),
    )
    .orderBy(desc(auditEvents.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  return rows.map((e) => ({
    id: e.id.toString(),
    at: e.occurredAt.toISOString(),
    action: e.action,
    ip: typeof e.details.ip === 'string' ? e.details.ip : null,
    details: Object.fromEntries(
      Object.entries(e.details).filter(([k]) =>
        ['device', 'reason', 'link', 'session', 'count', 'until'].includes(k),
      ),
    ),
  }));
}
