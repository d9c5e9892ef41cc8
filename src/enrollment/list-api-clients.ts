/** An institution's API clients, oldest first; never a secret or its hash. */
import { asc, eq } from 'drizzle-orm';
import { apiClients } from '../db/schema.js';
import type { IdentityContext } from '../identity/identity-context.js';
import {
  assertInstitutionExists,
  authorizeManager,
  publicApiClient,
  type ApiClientManager,
  type PublicApiClient,
} from './api-client-records.js';

export async function listApiClients(
  ctx: IdentityContext,
  manager: ApiClientManager,
  institutionId: string,
): Promise<PublicApiClient[]> {
  authorizeManager(manager, institutionId);
  await assertInstitutionExists(ctx.db, institutionId);
  const rows = await ctx.db
    .select()
    .from(apiClients)
    .where(eq(apiClients.institutionId, institutionId))
    .orderBy(asc(apiClients.createdAt), asc(apiClients.username));
  return rows.map(publicApiClient);
}
