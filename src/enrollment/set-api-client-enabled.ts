/**
 * Disables or enables an API client (disable-api-client / enable-api-client): a disabled client's
 * next call is refused (403), whatever its secret.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { apiClients } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { IdentityContext } from '../identity/identity-context.js';
import {
  authorizeManager,
  managerActor,
  publicApiClient,
  type ApiClientManager,
  type ApiClientRow,
  type PublicApiClient,
} from './api-client-records.js';

export async function setApiClientEnabled(
  ctx: IdentityContext,
  manager: ApiClientManager,
  client: ApiClientRow,
  enabled: boolean,
): Promise<PublicApiClient> {
  authorizeManager(manager, client.institutionId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiClients)
      .set({ enabled })
      .where(eq(apiClients.id, client.id))
      .returning();
    if (!row) throw new TekenError('ERR_API_CLIENT_NOT_FOUND');
    if (client.enabled !== enabled)
      await recordAuditEvent(tx, {
        actor: managerActor(manager),
        action: enabled ? 'api_client.enabled' : 'api_client.disabled',
        target: `api-client:${client.id}`,
        details: { institution: client.institutionId, username: client.username },
      });
    return publicApiClient(row);
  });
}
