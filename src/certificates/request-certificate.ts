/**
 * "Permohonan Baru" (seed 003): a request for a certificate of a product. eSign by its holder, whose
 * registration the RA verified and whose Jenis Permohonan lists eSign; eSeal by an institution
 * admin, for the institution. `planCertificateRequest` gives the exact subject the certificate will
 * carry, shown before submitting; `requestCertificate` fixes it in the request with the sealed
 * supporting document ("Unggah Dokumen Pendukung": a PDF, checked to be one, size-limited).
 */
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import {
  certificateRequests,
  institutions,
  registrations,
  type CertificateProduct,
  type CertificateRequestKind,
} from '../db/schema.js';
import { sealPersonal } from '../enrollment/personal-data.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import type { CertificatesContext } from './certificates-context.js';
import { certificateSubject, subjectText, type PlannedSubject } from './certificate-subject.js';
import { productOf } from './products.js';

export interface PlannedRequest extends PlannedSubject {
  product: CertificateProduct;
  institutionId: string;
  /** "CN=…, title=…, O=…, C=ID". */
  subjectText: string;
}

/** The subject a request of `product` by `actor` would fix, or the reason it cannot be made. */
export async function planCertificateRequest(
  tx: Tx,
  actor: AccountRow,
  productId: unknown,
): Promise<PlannedRequest> {
  const product = productOf(productId);
  if (!actor.institutionId)
    throw new TekenError('ERR_PRODUCT_NOT_ALLOWED', 'Only an account of an institution has certificates.');
  const [institution] = await tx.select().from(institutions).where(eq(institutions.id, actor.institutionId));
  if (!institution?.active)
    throw new TekenError('ERR_PRODUCT_NOT_ALLOWED', 'The institution is deactivated: it takes no requests.');
  let planned: PlannedSubject;
  if (product.id === 'eseal') {
    authorize(actor, 'certificate_request.seal', { institutionId: institution.id });
    planned = certificateSubject('eseal', {
      fullName: institution.name,
      email: actor.email,
      institutionName: institution.name,
      institutionProvince: institution.province,
      jabatan: null,
      unitOrganisasi: null,
      province: null,
    });
  } else {
    const [registration] = await tx.select().from(registrations).where(eq(registrations.accountId, actor.id));
    if (!registration || registration.status !== 'verified')
      throw new TekenError('ERR_SUBSCRIBER_NOT_VERIFIED');
    if (!registration.products.includes('esign'))
      throw new TekenError(
        'ERR_PRODUCT_NOT_ALLOWED',
        'Jenis Permohonan: the RA has not allowed this account an eSign certificate.',
      );
    planned = certificateSubject('esign', {
      fullName: actor.fullName,
      email: actor.email,
      institutionName: institution.name,
      institutionProvince: institution.province,
      jabatan: registration.jabatan,
      unitOrganisasi: registration.unitOrganisasi,
      province: registration.province,
    });
  }
  return {
    ...planned,
    product: product.id,
    institutionId: institution.id,
    subjectText: subjectText(planned.subject),
  };
}

export interface SupportingDocument {
  name: string;
  bytes: Uint8Array;
}

/** A PDF by its header and trailer, within the size limit; the name cleaned for display. */
export function checkSupportingDocument(
  ctx: CertificatesContext,
  document: SupportingDocument,
): { name: string } {
  const max = ctx.config.certificates.supportingDocumentMaxBytes;
  if (document.bytes.length === 0 || document.bytes.length > max)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `document: the supporting document must be a PDF of at most ${Math.floor(max / 1024)} KiB.`,
      { details: { field: 'document' } },
    );
  const head = Buffer.from(document.bytes.subarray(0, 1024)).toString('latin1');
  const tail = Buffer.from(document.bytes.subarray(Math.max(0, document.bytes.length - 1024))).toString(
    'latin1',
  );
  if (!head.startsWith('%PDF-1.') && !head.startsWith('%PDF-2.'))
    throw new TekenError('ERR_INPUT_INVALID', 'document: the supporting document is not a PDF.', {
      details: { field: 'document' },
    });
  if (!tail.includes('%%EOF'))
    throw new TekenError('ERR_INPUT_INVALID', 'document: the PDF is incomplete (no end-of-file marker).', {
      details: { field: 'document' },
    });
  const name = document.name
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}/\\]/gu, '')
    .trim()
    .slice(0, 120);
  return { name: name === '' ? 'dokumen.pdf' : name };
}

export interface RequestInput {
  product: unknown;
  document?: SupportingDocument;
  kind?: CertificateRequestKind;
  replacesId?: string;
  /** Who is recorded as making it, when not the holder themself (`cli:<user>` for an operator). */
  onBehalfBy?: string;
}

export async function requestCertificate(
  ctx: CertificatesContext,
  actor: AccountRow,
  input: RequestInput,
): Promise<{ id: string; subjectText: string }> {
  const checked = input.document ? checkSupportingDocument(ctx, input.document) : undefined;
  return ctx.db.transaction((tx) => insertCertificateRequest(ctx, tx, actor, input, checked));
}

/**
 * The request recorded `submitted` in the caller's transaction (a renewal decides in the same one
 * whether it goes to the RA); `checked` is the document already checked by `checkSupportingDocument`.
 */
export async function insertCertificateRequest(
  ctx: CertificatesContext,
  tx: Tx,
  actor: AccountRow,
  input: RequestInput,
  checked: { name: string } | undefined,
): Promise<{ id: string; subjectText: string; institutionId: string }> {
  {
    const plan = await planCertificateRequest(tx, actor, input.product);
    const [open] = await tx
      .select({ id: certificateRequests.id })
      .from(certificateRequests)
      .where(
        and(
          eq(certificateRequests.accountId, actor.id),
          eq(certificateRequests.product, plan.product),
          inArray(certificateRequests.status, ['submitted', 'approved']),
        ),
      )
      .for('update');
    if (open) throw new TekenError('ERR_CERT_REQUEST_OPEN', undefined, { details: { requestId: open.id } });
    const id = crypto.randomUUID();
    const at = new Date(ctx.now?.() ?? Date.now());
    // A concurrent request for the same product fails on certificate_requests_open_uq (409 through
    // the database-error mapping): at most one is open.
    await tx.insert(certificateRequests).values({
      id,
      accountId: actor.id,
      institutionId: plan.institutionId,
      product: plan.product,
      kind: input.kind ?? 'new',
      status: 'submitted',
      subject: plan.subject,
      emails: plan.emails,
      replacesId: input.replacesId ?? null,
      submittedAt: at,
      ...(input.document && checked
        ? {
            documentSealed: sealPersonal(
              ctx.master,
              'certificate_requests.document',
              id,
              input.document.bytes,
            ),
            documentName: checked.name,
            documentBytes: input.document.bytes.length,
            documentSha256: crypto.createHash('sha256').update(input.document.bytes).digest(),
          }
        : {}),
    });
    await recordAuditEvent(tx, {
      actor: input.onBehalfBy ?? `account:${actor.id}`,
      action: 'certificate_request.submitted',
      target: `certificate_request:${id}`,
      details: {
        product: plan.product,
        kind: input.kind ?? 'new',
        institutionId: plan.institutionId,
        ...(input.replacesId ? { replaces: input.replacesId } : {}),
      },
    });
    return { id, subjectText: plan.subjectText, institutionId: plan.institutionId };
  }
}
