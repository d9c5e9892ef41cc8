/**
 * The RA's queue of Pencabutan requests: those of the caller's institution (a CA admin: all, or
 * one institution), oldest first; `canDecide` is false on the caller's own certificate.
 */
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import {
  accounts,
  revocationRequests,
  subscriberCertificates,
  type RevocationRequestStatus,
} from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { can } from '../identity/authorize.js';
import type { CertificatesContext } from './certificates-context.js';
import { mayAct } from './certificate-records.js';

export interface RevocationRequestQuery {
  status?: RevocationRequestStatus;
  institutionId?: string;
  limit?: number;
  offset?: number;
}

export async function listRevocationRequests(
  ctx: CertificatesContext,
  actor: AccountRow,
  query: RevocationRequestQuery,
) {
  const all = can(actor, 'certificate.manage', { institutionId: null });
  if (!all && !can(actor, 'certificate.manage', { institutionId: actor.institutionId }))
    throw new TekenError('ERR_AUTH_FORBIDDEN');
  const where: SQL[] = [eq(revocationRequests.status, query.status ?? 'pending')];
  if (!all) where.push(eq(revocationRequests.institutionId, actor.institutionId!));
  else if (query.institutionId) where.push(eq(revocationRequests.institutionId, query.institutionId));
  const rows = await ctx.db
    .select({
      request: revocationRequests,
      fullName: accounts.fullName,
      email: accounts.email,
      serial: subscriberCertificates.serial,
      product: subscriberCertificates.product,
      notAfter: subscriberCertificates.notAfter,
    })
    .from(revocationRequests)
    .innerJoin(accounts, eq(accounts.id, revocationRequests.accountId))
    .innerJoin(
      subscriberCertificates,
      eq(subscriberCertificates.id, revocationRequests.subscriberCertificateId),
    )
    .where(and(...where))
    .orderBy(asc(revocationRequests.requestedAt))
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(revocationRequests)
    .where(and(...where));
  return {
    total: total?.n ?? 0,
    requests: rows.map((r) => ({
      id: r.request.id,
      certificateId: r.request.subscriberCertificateId,
      accountId: r.request.accountId,
      institutionId: r.request.institutionId,
      fullName: r.fullName,
      email: r.email,
      product: r.product,
      serial: r.serial ?? '',
      notAfter: r.notAfter?.toISOString() ?? null,
      reason: r.request.reason,
      status: r.request.status,
      confirmedWith: r.request.confirmedWith,
      requestedAt: r.request.requestedAt.toISOString(),
      decidedAt: r.request.decidedAt?.toISOString() ?? null,
      rejectReason: r.request.rejectReason,
      canDecide: mayAct(actor, 'certificate.manage', {
        accountId: r.request.accountId,
        institutionId: r.request.institutionId,
      }),
    })),
  };
}
