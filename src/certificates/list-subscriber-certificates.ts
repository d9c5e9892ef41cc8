/**
 * "Daftar Sertifikat Elektronik": an account's issued certificates with Common Name, Metode Enroll,
 * Jenis Sertifikat Elektronik, Valid Sampai, Status (subscriber-status.ts only) and Catatan. The
 * holder lists their own; RA officers and institution admins their institution's
 * (`certificate.read`); anyone else gets ERR_SUBSCRIBER_CERT_NOT_FOUND, as for an unknown account.
 * Each item carries what Aksi may offer the reader (certificate-actions.ts).
 */
import { and, desc, eq } from 'drizzle-orm';
import {
  accounts,
  certificateRequests,
  certificates,
  institutions,
  revocationRequests,
  subscriberCertificates,
} from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid, type AccountRow } from '../identity/accounts.js';
import { formatWib } from '../notify/format-wib.js';
import { certificateActions, type CertificateAction } from './certificate-actions.js';
import type { CertificatesContext } from './certificates-context.js';
import { mayAct } from './certificate-records.js';
import { wibDate } from './certificate-files.js';
import { products } from './products.js';
import { certificateDisplayStatus, type CertificateDisplayStatus } from './subscriber-status.js';

export interface SubscriberCertificateItem {
  id: string;
  commonName: string;
  /** "Metode Enroll": Esign (the key is held by the service). */
  enrollMethod: string;
  product: string;
  productLabel: string;
  validUntil: string;
  /** "Rabu, 21 Oktober 2026 pukul 09.35 WIB", in the reader's language. */
  validUntilText: string;
  status: CertificateDisplayStatus;
  downloadedAt: string | null;
  /** Catatan: "Telah di unduh @ 21 Oktober 2024". */
  note: string | null;
  serial: string;
  /** What Aksi offers the reader for this certificate. */
  actions: CertificateAction[];
}

export async function listSubscriberCertificates(
  ctx: CertificatesContext,
  actor: AccountRow,
  accountId: unknown,
): Promise<SubscriberCertificateItem[]> {
  if (!isUuid(accountId)) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  const [holder] = await ctx.db.select().from(accounts).where(eq(accounts.id, accountId));
  const target = holder && { accountId: holder.id, institutionId: holder.institutionId ?? '' };
  if (!target || !(mayAct(actor, 'own', target) || mayAct(actor, 'certificate.read', target)))
    throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  const rows = await ctx.db
    .select({
      key: subscriberCertificates,
      cert: certificates,
      subject: certificateRequests.subject,
      pendingId: revocationRequests.id,
    })
    .from(subscriberCertificates)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .innerJoin(certificateRequests, eq(certificateRequests.id, subscriberCertificates.requestId))
    // At most one pending Pencabutan per certificate (revocation_requests_pending_uq).
    .leftJoin(
      revocationRequests,
      and(
        eq(revocationRequests.subscriberCertificateId, subscriberCertificates.id),
        eq(revocationRequests.status, 'pending'),
      ),
    )
    .where(and(eq(subscriberCertificates.accountId, accountId), eq(subscriberCertificates.state, 'active')))
    .orderBy(desc(subscriberCertificates.createdAt));
  const now = new Date(ctx.now?.() ?? Date.now());
  const locale = actor.locale;
  const holding = actor.id === holder.id;
  const [policy] =
    holding && holder.institutionId
      ? await ctx.db
          .select({ keystoreSelfService: institutions.keystoreSelfService })
          .from(institutions)
          .where(eq(institutions.id, holder.institutionId))
      : [];
  return rows.map(({ key, cert, subject, pendingId }) => {
    const cn = subject.find((a) => a.type === 'CN')?.value ?? cert.subjectDn;
    const status = certificateDisplayStatus(
      {
        notAfter: cert.notAfter,
        revokedAt: cert.revokedAt,
        revocationReason: cert.revocationReason,
        replaced: key.replacedBy !== null,
        renewalDue: key.renewalDueAt !== null,
        revocationPending: pendingId !== null,
      },
      now,
    );
    return {
      id: key.id,
      commonName: cn,
      enrollMethod: key.enrollMethod === 'service' ? 'Esign' : key.enrollMethod,
      product: key.product,
      productLabel: products[key.product].label[locale],
      validUntil: cert.notAfter.toISOString(),
      validUntilText: formatWib(cert.notAfter, locale),
      status,
      downloadedAt: key.downloadedAt?.toISOString() ?? null,
      note: key.downloadedAt
        ? locale === 'id'
          ? `Telah di unduh @ ${wibDate(key.downloadedAt, 'id')}`
          : `Downloaded @ ${wibDate(key.downloadedAt, 'en')}`
        : null,
      serial: cert.serial,
      actions: certificateActions(
        {
          status,
          holder: holding,
          notAfter: cert.notAfter,
          replaced: key.replacedBy !== null,
          renewalDue: key.renewalDueAt !== null,
          keystoreSelfService: policy?.keystoreSelfService ?? false,
          renewalWindowDays: ctx.config.certificates.renewalWindowDays,
        },
        now,
      ),
    };
  });
}
