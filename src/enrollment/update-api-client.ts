/**
 * Edits an API client's source-address allowlist (CIDR; empty: any address) and its rate limit
 * (calls per minute); fields not given stay. The change takes effect on the client's next call.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { apiClients } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { IdentityContext } from '../identity/identity-context.js';
import {
  MAX_ALLOWED_CIDRS,
  MAX_RATE_LIMIT_PER_MINUTE,
  authorizeManager,
  managerActor,
  normaliseCidr,
  publicApiClient,
  type ApiClientManager,
  type ApiClientRow,
  type PublicApiClient,
} from './api-client-records.js';

export interface ApiClientChanges {
  allowedCidrs?: string[];
  rateLimitPerMinute?: number;
}

/** The allowlist, normalised and de-duplicated, or ERR_INPUT_INVALID. */
export function validAllowlist(value: readonly string[]): string[] {
  const cidrs = [...new Set(value.map(normaliseCidr))];
  if (cidrs.length > MAX_ALLOWED_CIDRS)
    throw new TekenError('ERR_INPUT_INVALID', `allowedCidrs: at most ${MAX_ALLOWED_CIDRS} entries.`, {
      details: { field: 'allowedCidrs' },
    });
  return cidrs;
}

export function validRateLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_RATE_LIMIT_PER_MINUTE)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `rateLimitPerMinute: the rate limit must be 1 to ${MAX_RATE_LIMIT_PER_MINUTE} calls per minute.`,
      { details: { field: 'rateLimitPerMinute' } },
    );
  return value;
}

export async function updateApiClient(
  ctx: IdentityContext,
  manager: ApiClientManager,
  client: ApiClientRow,
  changes: ApiClientChanges,
): Promise<PublicApiClient> {
  authorizeManager(manager, client.institutionId);
  const set: Partial<Pick<ApiClientRow, 'allowedCidrs' | 'rateLimitPerMinute'>> = {};
  if (changes.allowedCidrs !== undefined) set.allowedCidrs = validAllowlist(changes.allowedCidrs);
  if (changes.rateLimitPerMinute !== undefined)
    set.rateLimitPerMinute = validRateLimit(changes.rateLimitPerMinute);
  if (Object.keys(set).length === 0)
    throw new TekenError('ERR_INPUT_INVALID', 'Give allowedCidrs, rateLimitPerMinute or both.');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(apiClients).set(set).where(eq(apiClients.id, client.id)).returning();
    if (!row) throw new TekenError('ERR_API_CLIENT_NOT_FOUND');
    await recordAuditEvent(tx, {
      actor: managerActor(manager),
      action: 'api_client.updated',
      target: `api-client:${client.id}`,
      details: {
        institution: client.institutionId,
        username: client.username,
        ...(set.allowedCidrs
          ? { allowedCidrs: set.allowedCidrs, before: { allowedCidrs: client.allowedCidrs } }
          : {}),
        ...(set.rateLimitPerMinute !== undefined
          ? { rate: set.rateLimitPerMinute, rateBefore: client.rateLimitPerMinute }
          : {}),
      },
    });
    return publicApiClient(row);
  });
}
