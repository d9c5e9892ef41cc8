/**
 * Gives an API client a new secret, answered once; the old one stops working at once (every call
 * reads the hash afresh).
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { apiClients } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { IdentityContext } from '../identity/identity-context.js';
import { hashPassword } from '../identity/password-hash.js';
import {
  authorizeManager,
  generateSecret,
  managerActor,
  publicApiClient,
  type ApiClientManager,
  type ApiClientRow,
  type PublicApiClient,
} from './api-client-records.js';

export async function rotateApiClientSecret(
  ctx: IdentityContext,
  manager: ApiClientManager,
  client: ApiClientRow,
): Promise<PublicApiClient & { secret: string }> {
  authorizeManager(manager, client.institutionId);
  const secret = generateSecret();
  const secretHash = await hashPassword(secret);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(apiClients)
      .set({ secretHash, secretRotatedAt: new Date() })
      .where(eq(apiClients.id, client.id))
      .returning();
    if (!updated) throw new TekenError('ERR_API_CLIENT_NOT_FOUND');
    await recordAuditEvent(tx, {
      actor: managerActor(manager),
      action: 'api_client.secret_rotated',
      target: `api-client:${client.id}`,
      details: { institution: client.institutionId, username: client.username },
    });
    return updated;
  });
  return { ...publicApiClient(row), secret };
}
