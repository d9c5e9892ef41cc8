/**
 * The institutions the caller may see, by name: all for a CA admin and the operator, their own for
 * an institution admin; `total` counts every match, not just this page.
 */
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { containsPattern, searchTerm } from '../db/search-pattern.js';
import type { Db } from '../db/open-database.js';
import { institutions } from '../db/schema.js';
import {
  authorizeInstitution,
  institutionView,
  type InstitutionActor,
  type InstitutionView,
} from './institutions.js';

export interface InstitutionQuery {
  /** Part of the name, code or province, any case. */
  q?: string;
  /** Only active (true) or inactive (false) institutions. */
  active?: boolean;
  limit?: number;
  offset?: number;
}

export async function listInstitutions(
  db: Db,
  by: InstitutionActor,
  query: InstitutionQuery = {},
): Promise<{ total: number; institutions: InstitutionView[] }> {
  authorizeInstitution(by, 'institution.list');
  const own =
    'account' in by && !by.account.roles.includes('ca_admin') ? by.account.institutionId : undefined;
  if (own === null) return { total: 0, institutions: [] };
  const q = searchTerm(query.q);
  const where = and(
    own ? eq(institutions.id, own) : undefined,
    query.active === undefined ? undefined : eq(institutions.active, query.active),
    q
      ? or(
          ilike(institutions.name, containsPattern(q)),
          ilike(institutions.code, containsPattern(q)),
          ilike(institutions.province, containsPattern(q)),
        )
      : undefined,
  );
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(institutions)
    .where(where);
  const rows = await db
    .select()
    .from(institutions)
    .where(where)
    .orderBy(asc(institutions.name), asc(institutions.id))
    .limit(Math.min(Math.max(query.limit ?? 100, 1), 200))
    .offset(Math.min(Math.max(query.offset ?? 0, 0), 1_000_000));
  return { total: Number(total), institutions: rows.map(institutionView) };
}
