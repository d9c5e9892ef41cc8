/** The signed-in account's own "Ubah Profil" requests, newest first, with their status. */
import { desc, eq } from 'drizzle-orm';
import { changeRequests } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import { changeRequestView, loadProfile, type ChangeRequestView } from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';

export async function listOwnChangeRequests(
  ctx: EnrollmentContext,
  account: AccountRow,
): Promise<ChangeRequestView[]> {
  const profile = await loadProfile(ctx.db, account.id);
  if (!profile) return [];
  const rows = await ctx.db
    .select()
    .from(changeRequests)
    .where(eq(changeRequests.accountId, account.id))
    .orderBy(desc(changeRequests.createdAt), desc(changeRequests.id))
    .limit(100);
  return rows.map((row) => changeRequestView(ctx.master, row, profile.values));
}
