/** An import's progress (the console polls it while the import runs). */
import { eq } from 'drizzle-orm';
import { enrollmentImports } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { authorize } from '../identity/authorize.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { progressOf, type ImportProgress } from './import-registrations.js';
import type { Importer } from './preview-import.js';

export async function readImport(
  ctx: EnrollmentContext,
  importer: Importer,
  importId: string,
): Promise<typeof enrollmentImports.$inferSelect & { progress: ImportProgress }> {
  const [row] = await ctx.db.select().from(enrollmentImports).where(eq(enrollmentImports.id, importId));
  // Another institution's import is answered as unknown, like a missing one.
  if (!row || ('account' in importer && !canSee(importer, row.institutionId)))
    throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'id: no such import.');
  if ('account' in importer)
    authorize(importer.account, 'registration.invite', { institutionId: row.institutionId });
  return { ...row, progress: progressOf(row) };
}

function canSee(
  importer: { account: { roles: readonly string[]; institutionId: string | null } },
  id: string,
) {
  return importer.account.roles.includes('ca_admin') || importer.account.institutionId === id;
}
