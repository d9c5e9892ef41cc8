/**
 * The accounts an administrator may see (all for a CA admin, their institution's for the others),
 * newest first, with their lock state; `total` counts every match, not just this page ("Akun").
 */
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { containsPattern, searchTerm } from '../db/search-pattern.js';
import { accounts } from '../db/schema.js';
import { adminView, lockouts, type AdminAccountView } from './account-lockouts.js';
import type { AccountRow } from './accounts.js';
import { authorize } from './authorize.js';
import type { IdentityContext } from './identity-context.js';

export interface AccountQuery {
  /** Part of the username, e-mail or full name, any case. */
  q?: string;
  limit?: number;
  offset?: number;
}

export async function listAccounts(
  ctx: IdentityContext,
  admin: AccountRow,
  query: AccountQuery = {},
): Promise<{ total: number; accounts: AdminAccountView[] }> {
  authorize(admin, 'account.list');
  if (!admin.roles.includes('ca_admin') && !admin.institutionId) return { total: 0, accounts: [] };
  const q = searchTerm(query.q);
  const where = and(
    admin.roles.includes('ca_admin') ? undefined : eq(accounts.institutionId, admin.institutionId!),
    q
      ? or(
          ilike(accounts.username, containsPattern(q)),
          ilike(accounts.email, containsPattern(q)),
          ilike(accounts.fullName, containsPattern(q)),
        )
      : undefined,
  );
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(accounts)
    .where(where);
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(where)
    .orderBy(desc(accounts.createdAt), asc(accounts.id))
    .limit(Math.min(Math.max(query.limit ?? 100, 1), 200))
    .offset(Math.min(Math.max(query.offset ?? 0, 0), 1_000_000));
  const locks = await lockouts(
    ctx,
    rows.map((r) => r.id),
  );
  return { total: Number(total), accounts: rows.map((row) => adminView(row, locks.get(row.id))) };
}
