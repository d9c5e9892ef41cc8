/**
 * Tinjau Ulang → Sertifikat Elektronik: a person's issued certificates as the RA and CA admins see
 * them (authorize.ts `certificate.read`), each with the status of subscriber-status.ts and what the
 * caller may do with it (`certificate.manage`: Tangguhkan, Lepaskan, Cabut; never their own).
 */
import { and, desc, eq } from 'drizzle-orm';
import { reasonLabel } from '../authority/revocation-reasons.js';
import { accounts, certificates, revocationRequests, subscriberCertificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid, type AccountRow } from '../identity/accounts.js';
import type { CertificatesContext } from './certificates-context.js';
import { mayAct } from './certificate-records.js';
import { certificateDisplayStatus } from './subscriber-status.js';

export async function listHolderCertificates(
  ctx: CertificatesContext,
  actor: AccountRow,
  accountId: unknown,
) {
  if (!isUuid(accountId)) throw new TekenError('ERR_ACCOUNT_NOT_FOUND');
  const [holder] = await ctx.db.select().from(accounts).where(eq(accounts.id, accountId));
  const target = holder && { accountId: holder.id, institutionId: holder.institutionId ?? '' };
  if (!holder || !holder.institutionId || !target || !mayAct(actor, 'certificate.read', target))
    throw new TekenError('ERR_ACCOUNT_NOT_FOUND');
  const rows = await ctx.db
    .select({
      sc: subscriberCertificates,
      subjectDn: certificates.subjectDn,
      notBefore: certificates.notBefore,
      notAfter: certificates.notAfter,
      revokedAt: certificates.revokedAt,
      revocationReason: certificates.revocationReason,
      pendingId: revocationRequests.id,
      pendingReason: revocationRequests.reason,
    })
    .from(subscriberCertificates)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .leftJoin(
      revocationRequests,
      and(
        eq(revocationRequests.subscriberCertificateId, subscriberCertificates.id),
        eq(revocationRequests.status, 'pending'),
      ),
    )
    .where(and(eq(subscriberCertificates.accountId, holder.id), eq(subscriberCertificates.state, 'active')))
    .orderBy(desc(subscriberCertificates.createdAt));
  const now = new Date(ctx.now?.() ?? Date.now());
  const canManage = mayAct(actor, 'certificate.manage', target);
  return {
    canManage,
    certificates: rows.map((r) => ({
      id: r.sc.id,
      product: r.sc.product,
      serial: r.sc.serial ?? '',
      subject: r.subjectDn,
      notBefore: r.notBefore.toISOString(),
      notAfter: r.notAfter.toISOString(),
      status: certificateDisplayStatus(
        {
          notAfter: r.notAfter,
          revokedAt: r.revokedAt,
          revocationReason: r.revocationReason,
          replaced: r.sc.replacedBy !== null,
          renewalDue: r.sc.renewalDueAt !== null,
          revocationPending: r.pendingId !== null,
        },
        now,
      ),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      revocationReason: r.revokedAt ? reasonLabel(r.revocationReason) : null,
      pendingRevocation: r.pendingId ? { id: r.pendingId, reason: r.pendingReason ?? '' } : null,
    })),
  };
}
