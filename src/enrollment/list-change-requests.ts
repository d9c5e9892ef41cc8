/**
 * The RA desk's queue of "Ubah Profil" requests (`/ra/perubahan-data`): an RA officer sees their own
 * institution's, a CA admin every institution's (or one, with `institutionId`). Pending first by
 * default, oldest first (the order they are worked through); search by name, username or e-mail.
 * The list names the fields only: the new values are read one request at a time (audited).
 */
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { accounts, changeRequests, institutions } from '../db/schema.js';
import { containsPattern, searchTerm } from '../db/search-pattern.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import type { EnrollmentContext } from './enrollment-context.js';

export interface ChangeRequestQuery {
  status?: 'pending' | 'approved' | 'rejected' | 'cancelled';
  institutionId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface ChangeRequestListItem {
  id: string;
  accountId: string;
  username: string;
  fullName: string;
  email: string;
  institution: { id: string; name: string };
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  fields: string[];
  emailChange: boolean;
  emailConfirmed: boolean;
  createdAt: string;
  decidedAt: string | null;
}

export async function listChangeRequests(
  ctx: EnrollmentContext,
  actor: AccountRow,
  query: ChangeRequestQuery = {},
): Promise<{ total: number; requests: ChangeRequestListItem[] }> {
  authorize(actor, 'change_request.list');
  const all = actor.roles.includes('ca_admin');
  const institutionId = all ? query.institutionId : actor.institutionId;
  if (!institutionId && !all) return { total: 0, requests: [] };
  if (institutionId && !all) authorize(actor, 'change_request.list', { institutionId });
  const q = searchTerm(query.q);
  const where = and(
    institutionId ? eq(changeRequests.institutionId, institutionId) : undefined,
    eq(changeRequests.status, query.status ?? 'pending'),
    q
      ? or(
          ilike(accounts.fullName, containsPattern(q)),
          ilike(accounts.username, containsPattern(q)),
          ilike(accounts.email, containsPattern(q)),
        )
      : undefined,
  );
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(changeRequests)
    .innerJoin(accounts, eq(accounts.id, changeRequests.accountId))
    .where(where);
  const pending = (query.status ?? 'pending') === 'pending';
  const rows = await ctx.db
    .select({ request: changeRequests, account: accounts, institution: institutions })
    .from(changeRequests)
    .innerJoin(accounts, eq(accounts.id, changeRequests.accountId))
    .innerJoin(institutions, eq(institutions.id, changeRequests.institutionId))
    .where(where)
    .orderBy(pending ? asc(changeRequests.createdAt) : desc(changeRequests.decidedAt), asc(changeRequests.id))
    .limit(Math.min(Math.max(query.limit ?? 50, 1), 200))
    .offset(Math.min(Math.max(query.offset ?? 0, 0), 1_000_000));
  return {
    total: Number(total),
    requests: rows.map(({ request, account, institution }) => ({
      id: request.id,
      accountId: account.id,
      username: account.username,
      fullName: account.fullName,
      email: account.email,
      institution: { id: institution.id, name: institution.name },
      status: request.status,
      fields: request.fields,
      emailChange: request.fields.includes('email'),
      emailConfirmed: request.emailConfirmedAt !== null,
      createdAt: request.createdAt.toISOString(),
      decidedAt: request.decidedAt?.toISOString() ?? null,
    })),
  };
}
