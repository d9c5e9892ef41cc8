/**
 * "Perpanjangan" (seed 004; issue 10 "Revocation, suspension, renewal, expiry"): a renewal request
 * for one of the holder's own certificates. The new certificate's subject comes from the current
 * verified profile (so an approved profile change is carried), and the request names the
 * certificate it replaces; when that one is issued, the old one shows "Renew" (mark-replaced.ts).
 *
 * Where the institution's policy `renewalReusesVerifiedData` allows (the default), the RA's earlier
 * verification is re-used: the request is approved by the policy at once and the "[BSrE] Set
 * Passphrase" link goes out (by WhatsApp as "Link Pembaruan Sertifikat Elektronik"). Otherwise, and
 * always for a certificate revoked for good, it goes through the RA queue like a new request, with
 * its supporting document. Everything in one transaction: a refused renewal changes nothing.
 *
 * Renewable: an issued certificate within the renewal window (TEKEN_RENEWAL_WINDOW_DAYS) of its end or flagged for renewal,
 * an expired one, or a revoked one ("expired or revoked → renew", Deteksi Mandiri). Not: a suspended
 * one (the RA holds it), one already replaced, one never issued.
 */
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { revocationReasons } from '../authority/revocation-reasons.js';
import type { Tx } from '../db/open-database.js';
import { certificateRequests, certificates, institutions } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadOwnCertificate, loadRequest, type SubscriberCertificateRow } from './certificate-records.js';
import { sendSetPassphraseLink } from './decide-certificate-request.js';
import {
  checkSupportingDocument,
  insertCertificateRequest,
  planCertificateRequest,
  type SupportingDocument,
} from './request-certificate.js';
import { certificateDisplayStatus, type CertificateDisplayStatus } from './subscriber-status.js';

/** Why a certificate cannot be renewed now. */
export type RenewalRefusal = 'not_issued' | 'replaced' | 'suspended' | 'not_due';
/** Where a renewal goes: straight to the set-passphrase link, or to the RA queue. */
export type RenewalRoute = 'set_passphrase' | 'ra_review';

export interface RenewalPlan {
  certificateId: string;
  product: SubscriberCertificateRow['product'];
  status: CertificateDisplayStatus | null;
  notAfter: Date | null;
  /** null: renewable now. */
  refusal: RenewalRefusal | null;
  route: RenewalRoute;
  /** The subject the new certificate will carry (from the current profile). */
  subjectText: string;
  /** The RA route needs the supporting document (eSign). */
  documentRequired: boolean;
  /** When renewal opens for a certificate not yet due. */
  opensAt: Date | null;
}

const dayMs = 86_400_000;

async function planFor(
  ctx: CertificatesContext,
  tx: Tx,
  actor: AccountRow,
  cert: SubscriberCertificateRow,
): Promise<RenewalPlan> {
  const now = new Date(ctx.now?.() ?? Date.now());
  const [state] =
    cert.state === 'active' && cert.authorityId && cert.serial
      ? await tx
          .select({ revokedAt: certificates.revokedAt, reason: certificates.revocationReason })
          .from(certificates)
          .where(and(eq(certificates.authorityId, cert.authorityId), eq(certificates.serial, cert.serial)))
      : [];
  const status =
    state && cert.notAfter
      ? certificateDisplayStatus(
          {
            notAfter: cert.notAfter,
            revokedAt: state.revokedAt,
            revocationReason: state.reason,
            replaced: cert.replacedBy !== null,
            renewalDue: cert.renewalDueAt !== null,
            revocationPending: false,
          },
          now,
        )
      : null;
  const opensAt = cert.notAfter
    ? new Date(cert.notAfter.getTime() - ctx.config.certificates.renewalWindowDays * dayMs)
    : null;
  let refusal: RenewalRefusal | null = null;
  if (!state || !cert.notAfter) refusal = 'not_issued';
  else if (cert.replacedBy) refusal = 'replaced';
  else if (status === 'Suspended') refusal = 'suspended';
  else if (status === 'Issued' && opensAt && now < opensAt) refusal = 'not_due';
  const revokedForGood =
    !!state?.revokedAt && state.reason !== revocationReasons.certificateHold && state.revokedAt <= now;
  const [institution] = await tx
    .select({ reuse: institutions.renewalReusesVerifiedData })
    .from(institutions)
    .where(eq(institutions.id, cert.institutionId));
  const route: RenewalRoute = institution?.reuse && !revokedForGood ? 'set_passphrase' : 'ra_review';
  // The subject from today's profile; a profile no longer verified refuses here (ERR_SUBSCRIBER_NOT_VERIFIED).
  const planned = await planCertificateRequest(tx, actor, cert.product);
  return {
    certificateId: cert.id,
    product: cert.product,
    status,
    notAfter: cert.notAfter,
    refusal,
    route,
    subjectText: planned.subjectText,
    documentRequired: route === 'ra_review' && cert.product === 'esign',
    opensAt: refusal === 'not_due' ? opensAt : null,
  };
}

/** What the Perpanjangan page shows before the user confirms. */
export async function planRenewal(
  ctx: CertificatesContext,
  actor: AccountRow,
  certificateId: unknown,
): Promise<RenewalPlan> {
  return ctx.db.transaction(async (tx) => {
    const cert = await loadOwnCertificate(tx, actor, certificateId);
    return planFor(ctx, tx, actor, cert);
  });
}

const refusalText: Record<RenewalRefusal, string> = {
  not_issued: 'The certificate has not been issued.',
  replaced: 'The certificate has been replaced already (by a renewal or a passphrase reset).',
  suspended: 'The certificate is suspended: the RA must release it before it can be renewed.',
  not_due: 'Renewal opens a set number of days before the certificate ends (TEKEN_RENEWAL_WINDOW_DAYS).',
};

export interface RenewalResult {
  requestId: string;
  route: RenewalRoute;
  subjectText: string;
}

export async function renewCertificate(
  ctx: CertificatesContext,
  actor: AccountRow,
  certificateId: unknown,
  input: { document?: SupportingDocument } = {},
): Promise<RenewalResult> {
  const checked = input.document ? checkSupportingDocument(ctx, input.document) : undefined;
  return ctx.db.transaction(async (tx) => {
    // Locked: two renewals of one certificate at once are decided one after the other.
    const cert = await loadOwnCertificate(tx, actor, certificateId, { forUpdate: true });
    const plan = await planFor(ctx, tx, actor, cert);
    if (plan.refusal)
      throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', refusalText[plan.refusal], {
        details: {
          reason: plan.refusal,
          ...(plan.opensAt ? { opensAt: plan.opensAt.toISOString() } : {}),
        },
      });
    if (plan.documentRequired && !input.document)
      throw new TekenError(
        'ERR_INPUT_INVALID',
        'document: this renewal goes to the RA, which needs the supporting document (a PDF).',
        { details: { field: 'document' } },
      );
    const created = await insertCertificateRequest(
      ctx,
      tx,
      actor,
      {
        product: cert.product,
        kind: 'renewal',
        replacesId: cert.id,
        ...(input.document ? { document: input.document } : {}),
      },
      checked,
    );
    if (plan.route === 'set_passphrase') {
      const at = new Date(ctx.now?.() ?? Date.now());
      const by = 'policy:renewal';
      await tx
        .update(certificateRequests)
        .set({ status: 'approved', approvedBy: by, approvedAt: at, updatedAt: at })
        .where(eq(certificateRequests.id, created.id));
      await recordAuditEvent(tx, {
        actor: by,
        action: 'certificate_request.approved',
        target: `certificate_request:${created.id}`,
        details: {
          institutionId: created.institutionId,
          product: cert.product,
          kind: 'renewal',
          replaces: cert.id,
          policy: 'renewalReusesVerifiedData',
        },
      });
      const loaded = await loadRequest(tx, 'system', 'own', created.id);
      await sendSetPassphraseLink(ctx, tx, loaded, by, 'wa-renewal-link');
    }
    return { requestId: created.id, route: plan.route, subjectText: created.subjectText };
  });
}
