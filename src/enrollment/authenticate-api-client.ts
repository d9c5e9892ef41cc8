/**
 * HTTP Basic credentials → the API client, with every guess taken from the one attempt guard
 * (kind `api_client_secret`: per client and per source address). A wrong username costs what a
 * wrong secret costs (the secret is checked against a decoy hash), a refused attempt too. Only a
 * caller who presented the right secret learns that the client is disabled or that its address is
 * outside the allowlist; then each client's calls per minute are counted (quota `api_client_call`).
 */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { apiClients } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { IdentityContext } from '../identity/identity-context.js';
import { apiClientSubject } from '../identity/lockout-policy.js';
import { verifyPassword } from '../identity/password-hash.js';
import { addressAllowed, type ApiClientRow } from './api-client-records.js';

export interface BasicCredentials {
  username: string;
  secret: string;
}

/** The credentials of an `Authorization: Basic` header; null when absent or malformed. */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | null {
  const match = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const username = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  // No control characters (NUL never reaches the database): such credentials name no client.
  const controls = [...decoded].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (username.length > 200 || secret.length === 0 || secret.length > 1024 || controls) return null;
  return { username, secret };
}

export const unauthorized = () => new TekenError('ERR_API_CLIENT_UNAUTHORIZED', 'Unauthorized');

export async function authenticateApiClient(
  ctx: IdentityContext,
  credentials: BasicCredentials | null,
  address: string | undefined,
): Promise<ApiClientRow> {
  if (!credentials) throw unauthorized();
  const { username, secret } = credentials;
  const [found] = await ctx.db.select().from(apiClients).where(eq(apiClients.username, username));
  const result = await ctx.guard.attempt(
    'api_client_secret',
    { subject: apiClientSubject(ctx, username, !!found), ...(address ? { address } : {}) },
    async () => ((await verifyPassword(found?.secretHash, secret)) && found ? found : null),
    { decoy: () => verifyPassword(null, secret) },
  );
  if (result.outcome === 'refused')
    throw new TekenError('ERR_AUTH_THROTTLED', 'Too many failed attempts. Try again later.', {
      details: { retryAfterSeconds: result.retryAfterSeconds },
    });
  if (result.outcome === 'wrong') throw unauthorized();
  const client = result.value;
  if (!client.enabled) throw new TekenError('ERR_API_CLIENT_DISABLED');
  if (!addressAllowed(client.allowedCidrs, address)) throw new TekenError('ERR_API_CLIENT_ADDRESS');
  const quota = await ctx.guard.consume('api_client_call', client.id, { max: client.rateLimitPerMinute });
  if (!quota.ok)
    throw new TekenError('ERR_API_CLIENT_RATE_LIMITED', undefined, {
      details: { retryAfterSeconds: quota.retryAfterSeconds },
    });
  // At most one write a minute per client for "last used".
  await ctx.db
    .update(apiClients)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiClients.id, client.id),
        or(isNull(apiClients.lastUsedAt), lt(apiClients.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return client;
}
