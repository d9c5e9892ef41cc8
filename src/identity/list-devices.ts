/** The account's confirmed authenticators ("Keamanan"). */
import { and, eq } from 'drizzle-orm';
import { totpDevices } from '../db/schema.js';
import type { IdentityContext } from './identity-context.js';

export async function listDevices(ctx: IdentityContext, accountId: string) {
  const rows = await ctx.db
    .select()
    .from(totpDevices)
    .where(and(eq(totpDevices.accountId, accountId), eq(totpDevices.confirmed, true)));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    createdAt: d.createdAt.toISOString(),
    lastUsedAt: d.lastUsedAt?.toISOString() ?? null,
  }));
}
