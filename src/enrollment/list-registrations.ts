/**
 * The RA queue (menu "RA"): the registrations of the caller's institution (a CA admin: any one, or
 * all), by default those waiting for verification ("Menunggu Verifikasi": submitted and, under
 * four-eyes, first_approval), oldest submission first. Search by name or e-mail, or by NIK / NIP
 * through their keyed lookup hash (queue-filters.ts): the list shows none of them (no personal
 * data is opened, so no audit).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { accounts, institutions, registrations, type RegistrationStatus } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize, can } from '../identity/authorize.js';
import type { MasterKey } from '../keys/master-key.js';
import { holderColumns, pageBounds, queueConditions, type QueueFilterQuery } from './queue-filters.js';
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

/** `from` / `to`: submitted (or, before submission, started) on or after / before. */
export interface RegistrationQuery extends QueueFilterQuery {
  institutionId?: string;
  status?: StatusFilter;
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
  const status = query.status ?? 'waiting';
  const at = sql`coalesce(${registrations.submittedAt}, ${registrations.createdAt})`;
  const where = and(
    institutionId ? eq(registrations.institutionId, institutionId) : undefined,
    status === 'all'
      ? undefined
      : status === 'waiting'
        ? inArray(registrations.status, [...waitingStatuses])
        : eq(registrations.status, status),
    ...queueConditions(master, query, { at, ...holderColumns() }),
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
  const { limit, offset } = pageBounds(query);
  const rows = await base()
    .where(where)
    .orderBy(asc(at), asc(registrations.accountId))
    .limit(limit)
    .offset(offset);
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
