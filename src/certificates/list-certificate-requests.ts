/**
 * The certificate requests a user sees: their own ("Status Permohonan": Jenis Permohonan, Tanggal
 * Permohonan, Status Verifikasi, Status Enrollment) and, for an RA officer, the queue of their
 * institution's requests (a CA admin: any institution), paged and filtered by status.
 */
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { accounts, certificateRequests, institutions, type CertificateRequestStatus } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import { subjectText } from './certificate-subject.js';
import type { CertificateRequestRow } from './certificate-records.js';

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

export interface QueueQuery {
  institutionId?: string;
  status?: CertificateRequestStatus | 'all';
  limit?: number;
  offset?: number;
}

/** The RA queue, oldest first; by default the submitted ones. */
export async function listCertificateRequests(db: Db, actor: AccountRow, query: QueueQuery) {
  const all = actor.roles.includes('ca_admin') && actor.status === 'active';
  if (!all) authorize(actor, 'certificate_request.list', { institutionId: actor.institutionId });
  const institutionId = all ? (query.institutionId ?? null) : actor.institutionId;
  const status = query.status ?? 'submitted';
  const where: SQL[] = [];
  if (institutionId) where.push(eq(certificateRequests.institutionId, institutionId));
  if (status !== 'all') where.push(eq(certificateRequests.status, status));
  const condition = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(certificateRequests).where(condition);
  const rows = await db
    .select({
      request: certificateRequests,
      fullName: accounts.fullName,
      email: accounts.email,
      institutionName: institutions.name,
    })
    .from(certificateRequests)
    .innerJoin(accounts, eq(accounts.id, certificateRequests.accountId))
    .innerJoin(institutions, eq(institutions.id, certificateRequests.institutionId))
    .where(condition)
    .orderBy(asc(certificateRequests.submittedAt), asc(certificateRequests.id))
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0);
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
