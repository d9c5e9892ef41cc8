/**
 * The RA queue (menu "RA"): the registrations of the caller's institution (a CA admin: any one, or
 * all), by default those waiting for verification ("Menunggu Verifikasi": submitted and, under
 * four-eyes, first_approval), oldest submission first. Search by name or e-mail (a literal ILIKE),
 * or by NIK (16 digits) / NIP (18 digits) through their keyed lookup hash: the digits are never
 * stored in clear, and the list shows none of them (no personal data is opened, so no audit). A
 * number may be typed as it is printed, in groups ("19840113 201303 2 267" for a NIP).
 */
import { and, asc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { containsPattern, searchTerm } from '../db/search-pattern.js';
import { accounts, institutions, registrations, type RegistrationStatus } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize, can } from '../identity/authorize.js';
import type { MasterKey } from '../keys/master-key.js';
import { lookupHash } from './personal-data.js';
import { waitingStatuses } from './registration-records.js';

export const registrationStatuses = [
  'invited',
  'in_progress',
  'submitted',
  'first_approval',
  'verified',
  'rejected',
] as const satisfies readonly RegistrationStatus[];

/** `waiting` = "Menunggu Verifikasi" (the default), `all` = every status. */
export type StatusFilter = RegistrationStatus | 'waiting' | 'all';

export interface RegistrationQuery {
  institutionId?: string;
  status?: StatusFilter;
  /** Name or e-mail (part of), or a whole NIK or NIP. */
  q?: string;
  /** Submitted (or, before submission, started) on or after / before these instants. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface RegistrationListItem {
  accountId: string;
  institutionId: string;
  institutionName: string;
  fullName: string;
  email: string;
  status: RegistrationStatus;
  source: string;
  submittedAt: string | null;
  createdAt: string;
  /** Four-eyes: the first approval is given and waits for a second officer. */
  firstApprovedBy: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function instant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TekenError('ERR_INPUT_INVALID', `${field}: not a date.`, { details: { field } });
  return date;
}

export async function listRegistrations(
  db: Db,
  master: MasterKey,
  actor: AccountRow,
  query: RegistrationQuery = {},
): Promise<{ total: number; registrations: RegistrationListItem[] }> {
  authorize(actor, 'registration.list');
  // Whoever may read the registrations of no institution in particular may read all (a CA admin).
  const all = can(actor, 'registration.read', { institutionId: null });
  let institutionId = query.institutionId;
  if (institutionId !== undefined) {
    authorize(actor, 'registration.read', { institutionId });
  } else if (!all) {
    if (!actor.institutionId) return { total: 0, registrations: [] };
    institutionId = actor.institutionId;
  }
  const from = instant(query.from, 'from');
  const to = instant(query.to, 'to');
  const status = query.status ?? 'waiting';
  const q = searchTerm(query.q);
  const at = sql`coalesce(${registrations.submittedAt}, ${registrations.createdAt})`;
  let search: SQL | undefined;
  // Digits in groups (spaces, dots, dashes) are one number; a name or e-mail has letters.
  const digits = q && /^[\d\s.-]+$/.test(q) ? q.replace(/\D/g, '') : undefined;
  if (digits?.length === 16) search = eq(registrations.nikHash, lookupHash(master, 'nik', digits));
  else if (digits?.length === 18) search = eq(registrations.nipHash, lookupHash(master, 'nip', digits));
  else if (q)
    search = or(ilike(accounts.fullName, containsPattern(q)), ilike(accounts.email, containsPattern(q)));
  const where = and(
    institutionId ? eq(registrations.institutionId, institutionId) : undefined,
    status === 'all'
      ? undefined
      : status === 'waiting'
        ? inArray(registrations.status, [...waitingStatuses])
        : eq(registrations.status, status),
    from ? gte(at, from) : undefined,
    to ? lt(at, to) : undefined,
    search,
  );
  const base = () =>
    db
      .select({
        registration: registrations,
        fullName: accounts.fullName,
        email: accounts.email,
        institutionName: institutions.name,
      })
      .from(registrations)
      .innerJoin(accounts, eq(accounts.id, registrations.accountId))
      .innerJoin(institutions, eq(institutions.id, registrations.institutionId));
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(registrations)
    .innerJoin(accounts, eq(accounts.id, registrations.accountId))
    .where(where);
  const rows = await base()
    .where(where)
    .orderBy(asc(at), asc(registrations.accountId))
    .limit(Math.min(Math.max(query.limit ?? 50, 1), 200))
    .offset(Math.min(Math.max(query.offset ?? 0, 0), 1_000_000));
  return {
    total: Number(total),
    registrations: rows.map(({ registration: r, fullName, email, institutionName }) => ({
      accountId: r.accountId,
      institutionId: r.institutionId,
      institutionName,
      fullName,
      email,
      status: r.status,
      source: r.source,
      submittedAt: iso(r.submittedAt),
      createdAt: r.createdAt.toISOString(),
      firstApprovedBy: r.firstApprovedBy,
    })),
  };
}
