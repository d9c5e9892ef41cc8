/**
 * "Reset passphrase" (seed 001; the forgotten passphrase), its start from Daftar Sertifikat
 * Elektronik → Aksi. The old key cannot be opened without the old passphrase, so a reset makes a
 * NEW key and certificate that replace the old one (reset-passphrase.ts); this starts it:
 * - the holder's own certificate, issued and still valid (not revoked, suspended, expired or
 *   already replaced);
 * - where WhatsApp is configured, the holder's number must be WhatsApp-verified (else
 *   ERR_PHONE_NOT_VERIFIED, and the console shows the "Verifikasi" dialog first) and the link goes
 *   by WhatsApp ("Link Reset Passphrase"); elsewhere by e-mail ("[BSrE] Reset Passphrase", seed 000);
 * - in one transaction, with the certificate row locked (two starts at once see one another): the
 *   open reset request of the certificate (kind `reset`, `replaces_id`) is made or reused, a new
 *   RESET_PASSPHRASE link about the certificate voids the older ones, the message is queued and
 *   the start audited.
 * Links sent count against the holder's `link_email` quota, as every mailed link does.
 */
import crypto from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { certificateRequests, certificates, registrations } from '../db/schema.js';
import { openPersonalText } from '../enrollment/personal-data.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { createActionLink } from '../identity/action-links.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadOwnCertificate, type SubscriberCertificateRow } from './certificate-records.js';
import type { Tx } from '../db/open-database.js';

export interface StartedReset {
  requestId: string;
  /** Where the link went. */
  channel: 'whatsapp' | 'email';
  /** The number or address, masked ("+62 812-****-**90", "b***@instansi.go.id"). */
  sentTo: string;
  expiresAt: string;
}

/** The page of the reset link; the token in the fragment, never in a URL that is logged. */
export function resetPassphraseUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-passphrase#${token}`;
}

function maskPhone(phone: string): string {
  return `${phone.slice(0, 6)}${'*'.repeat(Math.max(phone.length - 8, 0))}${phone.slice(-2)}`;
}

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** The certificate a reset may replace: issued, valid now, not replaced. */
export async function assertResettable(tx: Tx, cert: SubscriberCertificateRow, now: Date): Promise<void> {
  if (cert.state !== 'active' || !cert.serial || !cert.authorityId)
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The certificate has not been issued.');
  if (cert.replacedBy)
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'This certificate has been replaced by a newer one.');
  const [row] = await tx
    .select({ revokedAt: certificates.revokedAt, notAfter: certificates.notAfter })
    .from(certificates)
    .where(and(eq(certificates.authorityId, cert.authorityId), eq(certificates.serial, cert.serial)));
  if (!row || row.revokedAt)
    throw new TekenError(
      'ERR_SUBSCRIBER_CERT_STATE',
      'This certificate is revoked or suspended: request a new certificate instead.',
    );
  if (row.notAfter <= now)
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'This certificate has expired: renew it instead.');
}

/** The holder's WhatsApp-verified number, or null. */
async function verifiedPhone(ctx: CertificatesContext, tx: Tx, accountId: string): Promise<string | null> {
  const [registration] = await tx
    .select({ phone: registrations.phoneSealed, verifiedAt: registrations.phoneVerifiedAt })
    .from(registrations)
    .where(eq(registrations.accountId, accountId));
  if (!registration?.verifiedAt || !registration.phone) return null;
  return openPersonalText(ctx.master, 'registrations.phone', accountId, registration.phone);
}

export async function startPassphraseReset(
  ctx: CertificatesContext,
  actor: AccountRow,
  certificateId: unknown,
): Promise<StartedReset> {
  const now = new Date(ctx.now?.() ?? Date.now());
  const whatsapp = !!ctx.config.notify.whatsapp;
  // Cheap checks first, so that a refusal spends no quota.
  await ctx.db.transaction(async (tx) => {
    const cert = await loadOwnCertificate(tx, actor, certificateId);
    await assertResettable(tx, cert, now);
    if (whatsapp && !(await verifiedPhone(ctx, tx, actor.id)))
      throw new TekenError(
        'ERR_PHONE_NOT_VERIFIED',
        'Verify your WhatsApp number first: the reset link goes by WhatsApp.',
        { details: { field: 'phone' } },
      );
  });
  const quota = await ctx.guard.consume('link_email', actor.email.toLowerCase());
  if (!quota.ok)
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      `At most ${ctx.config.identity.linkEmailsPerHour} links per hour go to one account.`,
      { details: { retryAfterSeconds: quota.retryAfterSeconds } },
    );

  return ctx.db.transaction(async (tx) => {
    const cert = await loadOwnCertificate(tx, actor, certificateId, { forUpdate: true });
    await assertResettable(tx, cert, now);
    const phone = whatsapp ? await verifiedPhone(ctx, tx, actor.id) : null;
    if (whatsapp && !phone) throw new TekenError('ERR_PHONE_NOT_VERIFIED');

    // The certificate's open reset, or a new one. Another open request of the product (a renewal)
    // comes first: one open request per holder and product.
    const [open] = await tx
      .select()
      .from(certificateRequests)
      .where(
        and(
          eq(certificateRequests.accountId, cert.accountId),
          eq(certificateRequests.product, cert.product),
          inArray(certificateRequests.status, ['submitted', 'approved']),
        ),
      )
      .orderBy(desc(certificateRequests.submittedAt))
      .limit(1);
    let requestId: string;
    if (open) {
      if (open.kind !== 'reset' || open.replacesId !== cert.id)
        throw new TekenError(
          'ERR_CERT_REQUEST_OPEN',
          'Another request for this product is open: finish or cancel it before resetting the passphrase.',
        );
      requestId = open.id;
    } else {
      const [original] = await tx
        .select({ subject: certificateRequests.subject, emails: certificateRequests.emails })
        .from(certificateRequests)
        .where(eq(certificateRequests.id, cert.requestId));
      if (!original) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
      requestId = crypto.randomUUID();
      // The same subject as the certificate it replaces: a reset changes the key, not the holder.
      await tx.insert(certificateRequests).values({
        id: requestId,
        accountId: cert.accountId,
        institutionId: cert.institutionId,
        product: cert.product,
        kind: 'reset',
        status: 'submitted',
        subject: original.subject,
        emails: original.emails,
        replacesId: cert.id,
        submittedAt: now,
      });
    }

    const hours = ctx.config.certificates.resetPassphraseLinkHours;
    const { token, expiresAt } = await createActionLink(tx, {
      accountId: actor.id,
      action: 'RESET_PASSPHRASE',
      lifetimeMs: hours * 3_600_000,
      createdBy: `account:${actor.id}`,
      ref: cert.id,
    });
    const link = resetPassphraseUrl(ctx.config.publicUrl, token);
    const key = crypto.randomUUID();
    if (phone)
      await ctx.notify(tx, {
        template: 'wa-passphrase-reset-link',
        channel: 'whatsapp',
        locale: actor.locale,
        to: phone,
        data: { name: actor.fullName, link, expiresInHours: String(hours) },
        idempotencyKey: `wa-passphrase-reset-link:${key}`,
        accountId: actor.id,
      });
    else
      await ctx.notify(tx, {
        template: 'reset-passphrase',
        locale: actor.locale,
        to: actor.email,
        data: { name: actor.fullName, serial: cert.serial ?? '', link, expiresInHours: String(hours) },
        idempotencyKey: `reset-passphrase:${key}`,
        accountId: actor.id,
      });
    const channel = phone ? ('whatsapp' as const) : ('email' as const);
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'passphrase_reset.started',
      target: `subscriber_certificate:${cert.id}`,
      details: { requestId, channel },
    });
    return {
      requestId,
      channel,
      sentTo: phone ? maskPhone(phone) : maskEmail(actor.email),
      expiresAt: expiresAt.toISOString(),
    };
  });
}
