import crypto from 'node:crypto';
import { eq, or, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import {
  accounts,
  institutions,
  registrations,
  totpDevices,
  type AccountStatus,
  type RequiredAction,
  type Role,
} from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { MasterKey } from '../keys/master-key.js';
import type { IdentityContext } from './identity-context.js';
import { assertPasswordAcceptable } from './password-policy.js';
import { hashPassword } from './password-hash.js';

export type AccountRow = typeof accounts.$inferSelect;
export const roles: readonly Role[] = ['subscriber', 'ra_officer', 'institution_admin', 'ca_admin'];

/** An RFC 9562 UUID in its text form (what a `uuid` column accepts). */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Control characters (NUL above all) never belong in a name, a login or a search. */
export const hasControlCharacters = (value: string) => /\p{Cc}/u.test(value);

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/i;
const emailPattern = /^[^\s@"(),:;<>[\\\]]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63}$/i;

export interface NewAccount {
  username: string;
  email: string;
  fullName: string;
  institutionId?: string | null;
  roles: Role[];
  password?: string;
  requiredActions?: RequiredAction[];
  locale?: 'id' | 'en';
  /** `pending` for a registration not yet verified (enrollment); default `active`. */
  status?: AccountStatus;
}

/** Creates an account; username and e-mail are unique regardless of case. */
export async function createAccount(
  ctx: IdentityContext,
  tx: Tx,
  input: NewAccount,
  actor: string,
): Promise<AccountRow> {
  const username = input.username?.trim();
  const email = input.email?.trim();
  const fullName = input.fullName?.trim();
  if (!username || !usernamePattern.test(username)) {
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'The username must be 3 to 64 letters, digits, dots, dashes or underscores.',
    );
  }
  if (!email || !emailPattern.test(email))
    throw new TekenError('ERR_INPUT_INVALID', 'The e-mail address is not valid.');
  if (!fullName || fullName.length > 200 || hasControlCharacters(fullName))
    throw new TekenError('ERR_INPUT_INVALID', 'The full name is required (at most 200 characters).');
  if (input.institutionId !== undefined && input.institutionId !== null) {
    if (!isUuid(input.institutionId))
      throw new TekenError('ERR_INPUT_INVALID', 'institutionId is not a UUID.', {
        details: { field: 'institutionId' },
      });
    const [institution] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(eq(institutions.id, input.institutionId));
    if (!institution)
      throw new TekenError('ERR_INPUT_INVALID', 'institutionId names no institution.', {
        details: { field: 'institutionId' },
      });
  }
  if (input.roles.length === 0 || input.roles.some((r) => !roles.includes(r))) {
    throw new TekenError('ERR_INPUT_INVALID', `Roles must be some of ${roles.join(', ')}.`);
  }
  const passwordHash = input.password
    ? await hashPassword(
        assertPasswordAcceptable(input.password, ctx.config.identity, { username, email, fullName }),
      )
    : null;
  const [existing] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      or(
        sql`lower(${accounts.username}) = ${username.toLowerCase()}`,
        sql`lower(${accounts.email}) = ${email.toLowerCase()}`,
      ),
    );
  if (existing) throw new TekenError('ERR_ACCOUNT_EXISTS');
  const [row] = await tx
    .insert(accounts)
    .values({
      id: crypto.randomUUID(),
      username,
      email,
      fullName,
      institutionId: input.institutionId ?? null,
      roles: input.roles,
      passwordHash,
      passwordChangedAt: passwordHash ? new Date() : null,
      requiredActions: input.requiredActions ?? [],
      locale: input.locale ?? 'id',
      status: input.status ?? 'active',
    })
    .returning();
  await recordAuditEvent(tx, {
    actor,
    action: 'account.create',
    target: `account:${row!.id}`,
    details: { roles: input.roles },
  });
  return row!;
}

/**
 * By username or e-mail, case-insensitive; given the master key, a 16-digit login is also a NIK
 * (seed 004 signs in "menggunakan NIK"), found through the registrations' keyed lookup hash in the
 * same single query, so a NIK login costs what any other login costs.
 */
export async function findAccountByLogin(
  db: Tx,
  login: string,
  master?: MasterKey,
): Promise<AccountRow | undefined> {
  const value = login.trim().toLowerCase();
  if (value === '' || value.length > 254 || hasControlCharacters(value)) return undefined;
  if (master && /^\d{16}$/.test(value)) {
    const byNik = sql`${accounts.id} in (select ${registrations.accountId} from ${registrations} where ${registrations.nikHash} = ${master.lookupHash('nik', value)})`;
    const [found] = await db
      .select()
      .from(accounts)
      .where(or(byNik, sql`lower(${accounts.username}) = ${value}`))
      .orderBy(sql`case when ${byNik} then 0 else 1 end`)
      .limit(1);
    return found;
  }
  const [row] = await db
    .select()
    .from(accounts)
    .where(
      value.includes('@')
        ? sql`lower(${accounts.email}) = ${value}`
        : sql`lower(${accounts.username}) = ${value}`,
    );
  return row;
}

export async function getAccount(db: Tx, id: string): Promise<AccountRow> {
  if (!isUuid(id)) throw new TekenError('ERR_ACCOUNT_NOT_FOUND');
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  if (!row) throw new TekenError('ERR_ACCOUNT_NOT_FOUND');
  return row;
}

export async function confirmedDevices(db: Tx, accountId: string) {
  const rows = await db.select().from(totpDevices).where(eq(totpDevices.accountId, accountId));
  return rows.filter((d) => d.confirmed);
}

/** What the console may show about an account (never hashes or secrets). */
export function publicAccount(row: AccountRow) {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    fullName: row.fullName,
    institutionId: row.institutionId,
    roles: row.roles,
    status: row.status,
    locale: row.locale,
    requiredActions: row.requiredActions,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
