/**
 * "Kirim tautan" DOWNLOAD_KEYSTORE from Tinjau Ulang (seed 003's Tautan Aktif): an RA officer of
 * the holder's institution (`certificate.manage`, never on their own certificate) mails the holder
 * a single-use link (`ref`: the certificate's id) to download the keystore with the passphrase.
 * A newer link for the same certificate voids the older one. Audited.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { createActionLink } from '../identity/action-links.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadSubscriberCertificate } from './certificate-records.js';

/** The page that redeems a DOWNLOAD_KEYSTORE link; the token in the fragment, never in logs. */
export function keystoreUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/keystore#${token}`;
}

export async function sendKeystoreLink(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
): Promise<{ expiresAt: string }> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadSubscriberCertificate(tx, actor, 'certificate.manage', id);
    if (row.state !== 'active')
      throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The certificate has not been issued.');
    const [holder] = await tx.select().from(accounts).where(eq(accounts.id, row.accountId));
    if (!holder) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
    const hours = ctx.config.certificates.setPassphraseLinkHours;
    const { token, expiresAt } = await createActionLink(tx, {
      accountId: holder.id,
      action: 'DOWNLOAD_KEYSTORE',
      lifetimeMs: hours * 3_600_000,
      createdBy: `account:${actor.id}`,
      ref: row.id,
    });
    await ctx.notify(tx, {
      template: 'download-keystore',
      locale: holder.locale,
      to: holder.email,
      data: {
        name: holder.fullName,
        serial: row.serial ?? '',
        link: keystoreUrl(ctx.config.publicUrl, token),
        expiresInHours: String(hours),
      },
      idempotencyKey: `download-keystore:${row.id}:${expiresAt.getTime()}`,
      accountId: holder.id,
    });
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'subscriber_certificate.keystore_link_sent',
      target: `subscriber_certificate:${row.id}`,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt: expiresAt.toISOString() };
  });
}
