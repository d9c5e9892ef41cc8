/**
 * The certificate requests a user sees: their own ("Status Permohonan": Jenis Permohonan, Tanggal
 * Permohonan, Status Verifikasi, Status Enrollment) and, for an RA officer, the queue of their
 * institution's requests (a CA admin: any institution), paged, filtered by status and submission
 * date, and searched by the holder's name or e-mail, the request's CN, or a whole NIK / NIP (as the
 * registration queue does, enrollment/queue-filters.ts).
 */
import { and, asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import {
  accounts,
  certificateRequests,
  institutions,
  registrations,
  type CertificateRequestStatus,
} from '../db/schema.js';
import {
  holderColumns,
  pageBounds,
  queueConditions,
  type QueueFilterQuery,
} from '../enrollment/queue-filters.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import { subjectText } from './certificate-subject.js';
import type { CertificateRequestRow } from './certificate-records.js';
import type { CertificatesContext } from './certificates-context.js';

export const requestStatuses = ['submitted', 'approved', 'issued', 'rejected', 'cancelled'] as const;

/** Status Verifikasi: the RA's decision on the request. */
export function verificationStatus(
  r: CertificateRequestRow,
): 'WAITING' | 'VERIFIED' | 'REJECTED' | 'CANCELLED' {
  if (r.status === 'submitted') return 'WAITING';
  if (r.status === 'rejected') return 'REJECTED';
  if (r.status === 'cancelled') return 'CANCELLED';
  return 'VERIFIED';
}

/** Status Enrollment: whether the key and certificate exist yet. */
export function enrollmentStatus(
  r: CertificateRequestRow,
): 'NOT_STARTED' | 'WAITING_PASSPHRASE' | 'ENROLLED' {
  if (r.status === 'issued') return 'ENROLLED';
  if (r.status === 'approved') return 'WAITING_PASSPHRASE';
  return 'NOT_STARTED';
}

export function requestSummary(r: CertificateRequestRow) {
  return {
    id: r.id,
    product: r.product,
    kind: r.kind,
    status: r.status,
    verificationStatus: verificationStatus(r),
    enrollmentStatus: enrollmentStatus(r),
    subject: subjectText(r.subject),
    document: r.documentName ? { name: r.documentName, bytes: r.documentBytes ?? 0 } : null,
    submittedAt: r.submittedAt.toISOString(),
    firstApprovedBy: r.firstApprovedBy,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    rejectedAt: r.rejectedAt?.toISOString() ?? null,
    rejectReason: r.rejectReason,
    issuedAt: r.issuedAt?.toISOString() ?? null,
  };
}

export async function listOwnCertificateRequests(db: Db, actor: AccountRow) {
  const rows = await db
    .select()
    .from(certificateRequests)
    .where(eq(certificateRequests.accountId, actor.id))
    .orderBy(desc(certificateRequests.submittedAt));
  return { requests: rows.map(requestSummary) };
}

/** `q` also finds part of the request's CN. */
export interface QueueQuery extends QueueFilterQuery {
  institutionId?: string;
  status?: CertificateRequestStatus | 'all';
}

/** The CN of a request's subject (a jsonb array of `{type, oid, value}`). */
const commonName = sql`(select e->>'value' from jsonb_array_elements(${certificateRequests.subject}) as e where e->>'type' = 'CN' limit 1)`;

/** The RA queue, oldest first; by default the submitted ones. */
export async function listCertificateRequests(
  ctx: Pick<CertificatesContext, 'db' | 'master'>,
  actor: AccountRow,
  query: QueueQuery,
) {
  const all = actor.roles.includes('ca_admin') && actor.status === 'active';
  if (!all) authorize(actor, 'certificate_request.list', { institutionId: actor.institutionId });
  const institutionId = all ? (query.institutionId ?? null) : actor.institutionId;
  const status = query.status ?? 'submitted';
  // A passphrase reset is decided by its selfie check (/ra/foto-diri), not in this queue.
  const where: SQL[] = [ne(certificateRequests.kind, 'reset')];
  if (institutionId) where.push(eq(certificateRequests.institutionId, institutionId));
  if (status !== 'all') where.push(eq(certificateRequests.status, status));
  where.push(
    ...queueConditions(ctx.master, query, {
      at: certificateRequests.submittedAt,
      ...holderColumns(commonName),
    }),
  );
  const condition = and(...where);
  const { limit, offset } = pageBounds(query);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(certificateRequests)
    .innerJoin(accounts, eq(accounts.id, certificateRequests.accountId))
    .leftJoin(registrations, eq(registrations.accountId, certificateRequests.accountId))
    .where(condition);
  const rows = await ctx.db
    .select({
      request: certificateRequests,
      fullName: accounts.fullName,
      email: accounts.email,
      institutionName: institutions.name,
    })
    .from(certificateRequests)
    .innerJoin(accounts, eq(accounts.id, certificateRequests.accountId))
    .innerJoin(institutions, eq(institutions.id, certificateRequests.institutionId))
    .leftJoin(registrations, eq(registrations.accountId, certificateRequests.accountId))
    .where(condition)
    .orderBy(asc(certificateRequests.submittedAt), asc(certificateRequests.id))
    .limit(limit)
    .offset(offset);
  return {
    total: total?.n ?? 0,
    requests: rows.map((row) => ({
      ...requestSummary(row.request),
      accountId: row.request.accountId,
      institutionId: row.request.institutionId,
      institutionName: row.institutionName,
      fullName: row.fullName,
      email: row.email,
    })),
  };
}
