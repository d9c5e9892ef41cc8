/**
 * Tinjau Ulang of a certificate request (the RA desk): the request with the holder's verified
 * profile, and the supporting document (a PDF, opened from its seal). Each view is audited; an
 * officer of another institution sees nothing (ERR_CERT_REQUEST_NOT_FOUND).
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { registrations } from '../db/schema.js';
import { openPersonal } from '../enrollment/personal-data.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { can } from '../identity/authorize.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadRequest } from './certificate-records.js';
import { requestSummary } from './list-certificate-requests.js';

export async function reviewCertificateRequest(
  ctx: CertificatesContext,
  actor: AccountRow,
  requestId: unknown,
) {
  return ctx.db.transaction(async (tx) => {
    const {
      request: r,
      account,
      institution,
    } = await loadRequest(tx, actor, 'certificate_request.list', requestId);
    const [registration] = await tx
      .select()
      .from(registrations)
      .where(eq(registrations.accountId, r.accountId));
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'certificate_request.read',
      target: `certificate_request:${r.id}`,
      details: { institutionId: r.institutionId },
    });
    return {
      ...requestSummary(r),
      accountId: r.accountId,
      fourEyes: institution.fourEyes,
      mayDecide: can(actor, 'certificate_request.review', {
        institutionId: r.institutionId,
        accountId: r.accountId,
      }),
      holder: {
        fullName: account.fullName,
        email: account.email,
        institutionName: institution.name,
        jabatan: registration?.jabatan ?? null,
        unitOrganisasi: registration?.unitOrganisasi ?? null,
        province: registration?.province ?? null,
        registrationStatus: registration?.status ?? null,
        products: registration?.products ?? [],
      },
    };
  });
}

/** The supporting document's bytes (the view is audited). */
export async function readSupportingDocument(
  ctx: CertificatesContext,
  actor: AccountRow,
  requestId: unknown,
) {
  return ctx.db.transaction(async (tx) => {
    const { request: r } = await loadRequest(tx, actor, 'certificate_request.list', requestId);
    if (!r.documentSealed)
      throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'The request has no supporting document.');
    const bytes = openPersonal(ctx.master, 'certificate_requests.document', r.id, r.documentSealed);
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'certificate_request.document_read',
      target: `certificate_request:${r.id}`,
      details: { institutionId: r.institutionId },
    });
    return { bytes, name: r.documentName ?? 'dokumen.pdf' };
  });
}
