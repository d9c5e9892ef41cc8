/** Creates an API client of an institution; its secret is answered once and only its hash is kept. */
import crypto from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { apiClients } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { IdentityContext } from '../identity/identity-context.js';
import { hashPassword } from '../identity/password-hash.js';
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  MAX_ALLOWED_CIDRS,
  MAX_RATE_LIMIT_PER_MINUTE,
  assertInstitutionExists,
  authorizeManager,
  generateSecret,
  generateUsername,
  managerActor,
  normaliseCidr,
  publicApiClient,
  type ApiClientManager,
  type PublicApiClient,
} from './api-client-records.js';

export interface NewApiClient {
  description: string;
  allowedCidrs?: string[];
  rateLimitPerMinute?: number;
}

export async function createApiClient(
  ctx: IdentityContext,
  manager: ApiClientManager,
  institutionId: string,
  input: NewApiClient,
): Promise<PublicApiClient & { secret: string }> {
  authorizeManager(manager, institutionId);
  const description = input.description.trim();
  if (!description || description.length > 200)
    throw new TekenError('ERR_INPUT_INVALID', 'The description must have 1 to 200 characters.');
  const cidrs = [...new Set((input.allowedCidrs ?? []).map(normaliseCidr))];
  if (cidrs.length > MAX_ALLOWED_CIDRS)
    throw new TekenError('ERR_INPUT_INVALID', `At most ${MAX_ALLOWED_CIDRS} allowlist entries.`);
  const rate = input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_LIMIT_PER_MINUTE)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `The rate limit must be 1 to ${MAX_RATE_LIMIT_PER_MINUTE} calls per minute.`,
    );
  await assertInstitutionExists(ctx.db, institutionId);
  const secret = generateSecret();
  const secretHash = await hashPassword(secret);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiClients)
      .values({
        id: crypto.randomUUID(),
        institutionId,
        username: generateUsername(),
        secretHash,
        description,
        allowedCidrs: cidrs,
        rateLimitPerMinute: rate,
      })
      .returning();
    await recordAuditEvent(tx, {
      actor: managerActor(manager),
      action: 'api_client.created',
      target: `api-client:${created!.id}`,
      details: { institution: institutionId, username: created!.username, allowedCidrs: cidrs, rate },
    });
    return created!;
  });
  return { ...publicApiClient(row), secret };
}
