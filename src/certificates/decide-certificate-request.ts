/**
 * The RA's decision on a certificate request. Approve: under the institution's four-eyes policy the
 * first approval only records itself and a second, different RA officer confirms; nobody decides
 * their own request (authorize.ts). The final approval, in one transaction: the request becomes
 * `approved`, a SET_PASSPHRASE link about it is made, and "[BSrE] Permohonan Penerbitan Berhasil"
 * and "[BSrE] Set Passphrase" go by e-mail, the link also by WhatsApp ("Link Penerbitan Sertifikat
 * Elektronik") where the channel is configured and the holder's number is verified. Reject: the
 * reason goes to the holder. An operator (`teken subscriber issue`) approves in one step.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { certificateRequests, registrations } from '../db/schema.js';
import { openPersonalText } from '../enrollment/personal-data.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { createActionLink } from '../identity/action-links.js';
import { setPassphraseUrl, type CertificatesContext } from './certificates-context.js';
import { loadRequest, type LoadedRequest } from './certificate-records.js';
import { products } from './products.js';

export type Decider = AccountRow | { operator: string };
const actorOf = (d: Decider) => ('operator' in d ? `operator:${d.operator}` : `account:${d.id}`);

function assertSubmitted(loaded: LoadedRequest) {
  if (loaded.request.kind === 'reset')
    throw new TekenError(
      'ERR_CERT_REQUEST_STATE',
      'A passphrase reset is decided by its selfie check (Pengecekan Foto Diri), not here.',
      { details: { field: 'kind' } },
    );
  if (loaded.request.status !== 'submitted')
    throw new TekenError(
      'ERR_CERT_REQUEST_STATE',
      `status: the request is ${loaded.request.status}; only a submitted request can be decided.`,
      { details: { field: 'status' } },
    );
}

export async function approveCertificateRequest(
  ctx: CertificatesContext,
  decider: Decider,
  requestId: string,
): Promise<{ status: 'first_approval' | 'approved' }> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadRequest(
      tx,
      'operator' in decider ? 'system' : decider,
      'certificate_request.review',
      requestId,
      { forUpdate: true },
    );
    assertSubmitted(loaded);
    const { request: r, institution } = loaded;
    const at = new Date(ctx.now?.() ?? Date.now());
    if (!('operator' in decider) && institution.fourEyes) {
      if (r.firstApprovedBy === decider.id)
        throw new TekenError(
          'ERR_REGISTRATION_SAME_APPROVER',
          'The first approval is yours: another RA officer must confirm it (four-eyes).',
        );
      if (!r.firstApprovedBy) {
        await tx
          .update(certificateRequests)
          .set({ firstApprovedBy: decider.id, firstApprovedAt: at, updatedAt: at })
          .where(eq(certificateRequests.id, r.id));
        await recordAuditEvent(tx, {
          actor: actorOf(decider),
          action: 'certificate_request.first_approval',
          target: `certificate_request:${r.id}`,
          details: { institutionId: r.institutionId },
        });
        return { status: 'first_approval' as const };
      }
    }
    await tx
      .update(certificateRequests)
      .set({ status: 'approved', approvedBy: actorOf(decider), approvedAt: at, updatedAt: at })
      .where(eq(certificateRequests.id, r.id));
    await recordAuditEvent(tx, {
      actor: actorOf(decider),
      action: 'certificate_request.approved',
      target: `certificate_request:${r.id}`,
      details: {
        institutionId: r.institutionId,
        product: r.product,
        ...(r.firstApprovedBy ? { firstApprovedBy: r.firstApprovedBy } : {}),
      },
    });
    await sendSetPassphraseLink(ctx, tx, loaded, actorOf(decider));
    return { status: 'approved' as const };
  });
}

/**
 * The SET_PASSPHRASE link of an approved request (a new one ends the older): "[BSrE] Permohonan
 * Penerbitan Berhasil" and "[BSrE] Set Passphrase" by e-mail, the link by WhatsApp where possible.
 * Returns the token (the CLI and tests use it; it is never logged).
 */
export async function sendSetPassphraseLink(
  ctx: CertificatesContext,
  tx: Tx,
  loaded: LoadedRequest,
  createdBy: string,
  /** A renewal's link goes by WhatsApp as "Link Pembaruan Sertifikat Elektronik". */
  whatsappTemplate: 'wa-certificate-issuance-link' | 'wa-renewal-link' = 'wa-certificate-issuance-link',
): Promise<string> {
  const { request: r, account } = loaded;
  const hours = ctx.config.certificates.setPassphraseLinkHours;
  const { token } = await createActionLink(tx, {
    accountId: r.accountId,
    action: 'SET_PASSPHRASE',
    lifetimeMs: hours * 3_600_000,
    createdBy,
    ref: r.id,
  });
  const product = products[r.product].label[account.locale];
  const link = setPassphraseUrl(ctx.config, token);
  const key = crypto.randomUUID();
  await ctx.notify(tx, {
    template: 'certificate-request-approved',
    locale: account.locale,
    to: account.email,
    data: { name: account.fullName, product },
    idempotencyKey: `certificate-request-approved:${key}`,
    accountId: account.id,
  });
  await ctx.notify(tx, {
    template: 'set-passphrase',
    locale: account.locale,
    to: account.email,
    data: { name: account.fullName, product, link, expiresInHours: String(hours) },
    idempotencyKey: `set-passphrase:${key}`,
    accountId: account.id,
  });
  {
    const phone = await verifiedWhatsappNumber(ctx, tx, account.id);
    if (phone)
      await ctx.notify(tx, {
        template: whatsappTemplate,
        channel: 'whatsapp',
        locale: account.locale,
        to: phone,
        data: { name: account.fullName, link, expiresInHours: String(hours) },
        idempotencyKey: `${whatsappTemplate}:${key}`,
        accountId: account.id,
      });
  }
  return token;
}

/** The holder's WhatsApp-verified number, when the WhatsApp channel is configured; else null. */
export async function verifiedWhatsappNumber(
  ctx: CertificatesContext,
  tx: Tx,
  accountId: string,
): Promise<string | null> {
  if (!ctx.config.notify.whatsapp) return null;
  const [registration] = await tx
    .select({ phone: registrations.phoneSealed, verifiedAt: registrations.phoneVerifiedAt })
    .from(registrations)
    .where(eq(registrations.accountId, accountId));
  return registration?.verifiedAt && registration.phone
    ? openPersonalText(ctx.master, 'registrations.phone', accountId, registration.phone)
    : null;
}

export async function rejectCertificateRequest(
  ctx: CertificatesContext,
  decider: AccountRow,
  requestId: string,
  reason: unknown,
): Promise<void> {
  const text = typeof reason === 'string' ? reason.trim().replace(/\s+/g, ' ') : '';
  if (text.length < 5 || text.length > 500)
    throw new TekenError('ERR_INPUT_INVALID', 'reason: the reason the user is told (5 to 500 characters).', {
      details: { field: 'reason' },
    });
  await ctx.db.transaction(async (tx) => {
    const loaded = await loadRequest(tx, decider, 'certificate_request.review', requestId, {
      forUpdate: true,
    });
    assertSubmitted(loaded);
    const { request: r, account } = loaded;
    const at = new Date(ctx.now?.() ?? Date.now());
    await tx
      .update(certificateRequests)
      .set({ status: 'rejected', rejectedBy: decider.id, rejectedAt: at, rejectReason: text, updatedAt: at })
      .where(eq(certificateRequests.id, r.id));
    await recordAuditEvent(tx, {
      actor: actorOf(decider),
      action: 'certificate_request.rejected',
      target: `certificate_request:${r.id}`,
      details: { institutionId: r.institutionId, product: r.product },
    });
    await ctx.notify(tx, {
      template: 'certificate-request-rejected',
      locale: account.locale,
      to: account.email,
      data: { name: account.fullName, product: products[r.product].label[account.locale], reason: text },
      idempotencyKey: `certificate-request-rejected:${r.id}`,
      accountId: account.id,
    });
  });
}
