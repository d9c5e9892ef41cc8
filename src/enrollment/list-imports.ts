/**
 * The caller's own recent CSV imports ("Impor Pengguna"), newest first: the console shows them and
 * returns to an import still running when its page is opened again. Only imports the caller
 * started (`started_by` = `account:<id>`), at an institution they may still import into.
 */
import { desc, eq } from 'drizzle-orm';
import { enrollmentImports } from '../db/schema.js';
import { can, authorize } from '../identity/authorize.js';
import type { AccountRow } from '../identity/accounts.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { progressOf, type ImportProgress } from './import-registrations.js';
import { importerActor } from './preview-import.js';

export const LIST_IMPORTS_MAX = 50;

export async function listImports(
  ctx: EnrollmentContext,
  account: AccountRow,
  limit = 10,
): Promise<ImportProgress[]> {
  authorize(account, 'registration.invite', { institutionId: account.institutionId });
  const rows = await ctx.db
    .select()
    .from(enrollmentImports)
    .where(eq(enrollmentImports.startedBy, importerActor({ account })))
    .orderBy(desc(enrollmentImports.createdAt), desc(enrollmentImports.id))
    .limit(Math.min(Math.max(1, limit), LIST_IMPORTS_MAX));
  // An officer moved to another institution no longer sees the old one's imports.
  return rows
    .filter((row) => can(account, 'registration.invite', { institutionId: row.institutionId }))
    .map(progressOf);
}
