/**
 * What the API-client use cases share: the public view of a row (never the secret or its hash),
 * generated usernames and secrets, the allowlist's parsing, and who may manage an institution's
 * clients.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { apiClients, institutions } from '../db/schema.js';
import type { Db, Tx } from '../db/open-database.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';

export type ApiClientRow = typeof apiClients.$inferSelect;

/** An API client as the console and the CLI see it. */
export interface PublicApiClient {
  id: string;
  institutionId: string;
  username: string;
  description: string;
  enabled: boolean;
  allowedCidrs: string[];
  rateLimitPerMinute: number;
  createdAt: string;
  secretRotatedAt: string | null;
  lastUsedAt: string | null;
}

export function publicApiClient(row: ApiClientRow): PublicApiClient {
  return {
    id: row.id,
    institutionId: row.institutionId,
    username: row.username,
    description: row.description,
    enabled: row.enabled,
    allowedCidrs: row.allowedCidrs,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: row.createdAt.toISOString(),
    secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Who manages API clients: a signed-in account (checked by authorize.ts) or the operator's CLI. */
export type ApiClientManager = { account: AccountRow } | { operator: string };

export const managerActor = (manager: ApiClientManager) =>
  'account' in manager ? `account:${manager.account.id}` : manager.operator;

/** Refuses a manager who may not manage the clients of `institutionId` (the operator may). */
export function authorizeManager(manager: ApiClientManager, institutionId: string): void {
  if ('account' in manager) authorize(manager.account, 'api_client.manage', { institutionId });
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const MAX_RATE_LIMIT_PER_MINUTE = 100_000;
export const MAX_ALLOWED_CIDRS = 50;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `tkn_` and 16 random base32 characters (80 bits): unique, and no hint of the institution. */
export function generateUsername(): string {
  const bytes = crypto.randomBytes(16);
  let out = 'tkn_';
  for (const byte of bytes) out += BASE32[byte & 31];
  return out;
}

/** 32 random bytes, base64url (43 characters): shown once, only its hash is stored. */
export const generateSecret = () => crypto.randomBytes(32).toString('base64url');

/**
 * Parses an allowlist entry (`10.1.2.0/24`, `2001:db8::/32`, or a single address) into its
 * normalised form; refuses anything else with ERR_INPUT_INVALID.
 */
export function normaliseCidr(entry: string): string {
  const [address = '', prefix, ...extra] = entry.trim().split('/');
  const family = net.isIP(address);
  const bits = family === 4 ? 32 : 128;
  const length = prefix === undefined ? bits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (family === 0 || extra.length > 0 || !(length >= 0 && length <= bits))
    throw new TekenError('ERR_INPUT_INVALID', `"${entry}" is not an IP address or a CIDR range.`);
  return `${address.toLowerCase()}/${length}`;
}

/** Whether `address` lies in one of `cidrs` (an empty list allows every address). */
export function addressAllowed(cidrs: readonly string[], address: string | undefined): boolean {
  if (cidrs.length === 0) return true;
  if (!address) return false;
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1]! : address;
  const family = net.isIP(plain);
  if (family === 0) return false;
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [base, prefix] = cidr.split('/');
    list.addSubnet(base!, Number(prefix), net.isIP(base!) === 6 ? 'ipv6' : 'ipv4');
  }
  return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

export async function assertInstitutionExists(db: Db | Tx, institutionId: string): Promise<void> {
  const [found] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  if (!found) throw new TekenError('ERR_INSTITUTION_NOT_FOUND');
}

/** The client `id` of `institutionId`, or ERR_API_CLIENT_NOT_FOUND (also for another institution's). */
export async function getApiClient(db: Db | Tx, institutionId: string, id: string): Promise<ApiClientRow> {
  const [row] = await db.select().from(apiClients).where(eq(apiClients.id, id));
  if (!row || row.institutionId !== institutionId) throw new TekenError('ERR_API_CLIENT_NOT_FOUND');
  return row;
}

/** The client of `institutionId` by id (the console's routes). */
export async function findManagedClient(
  db: Db | Tx,
  manager: ApiClientManager,
  institutionId: string,
  id: string,
): Promise<ApiClientRow> {
  authorizeManager(manager, institutionId);
  return getApiClient(db, institutionId, id);
}

/** The client by username (the operator's CLI). */
export async function findClientByUsername(db: Db | Tx, username: string): Promise<ApiClientRow> {
  const [row] = await db.select().from(apiClients).where(eq(apiClients.username, username));
  if (!row) throw new TekenError('ERR_API_CLIENT_NOT_FOUND', `No API client "${username}".`);
  return row;
}
