/**
 * "Unduh": the certificate and its chain (issuing CA up to the root), PEM (one file, the
 * certificate first) or DER (the certificate alone: DER holds one certificate, so the chain is
 * the repository's at /ca). The holder's download sets Catatan; every download is audited.
 */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { subscriberCertificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadReadableCertificate } from './certificate-records.js';
import { certificateRowOf, chainOf, pemOf } from './certificate-files.js';

export type CertificateFormat = 'pem' | 'der';

export async function downloadCertificate(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  format: unknown,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  if (format !== 'pem' && format !== 'der')
    throw new TekenError('ERR_INPUT_INVALID', 'format: pem or der.', { details: { field: 'format' } });
  return ctx.db.transaction(async (tx) => {
    const row = await loadReadableCertificate(tx, actor, id);
    const cert = await certificateRowOf(tx, row);
    if (actor.id === row.accountId)
      await tx
        .update(subscriberCertificates)
        .set({ downloadedAt: new Date(ctx.now?.() ?? Date.now()) })
        .where(eq(subscriberCertificates.id, row.id));
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'subscriber_certificate.downloaded',
      target: `subscriber_certificate:${row.id}`,
      details: { format },
    });
    const name = `sertifikat-${cert.serial}`;
    if (format === 'der')
      return { body: Buffer.from(cert.der), contentType: 'application/pkix-cert', filename: `${name}.cer` };
    const pem = [cert.der, ...chainOf(ctx, cert.authorityId)].map(pemOf).join('');
    return { body: Buffer.from(pem, 'utf8'), contentType: 'application/x-pem-file', filename: `${name}.pem` };
  });
}
