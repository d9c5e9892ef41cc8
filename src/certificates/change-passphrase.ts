/**
 * "Ubah passphrase" (seed 003): Passphrase Lama, Passphrase Baru, Ulangi Passphrase. The holder's
 * key is opened with the old passphrase through `unlockSubscriberKey` (so a wrong one is counted
 * and locks the key like any other), sealed again under the new one, and stored in place: the same
 * key, the same certificate. Audited and mailed to the holder.
 *
 * Only a certificate that can still be used: a revoked, suspended or expired one is refused
 * (ERR_SUBSCRIBER_CERT_STATE) before the old passphrase is tried, so nothing is counted (Aksi does
 * not offer it then, certificate-actions.ts).
 *
 * Two changes at once: each opens the key it read; the store succeeds only if the sealed key is
 * still the one that was opened, so the second is refused rather than silently overwriting.
 */
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, subscriberCertificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { sealSubscriberKey } from '../keys/subscriber-key-seal.js';
import { formatWib } from '../notify/format-wib.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadOwnCertificate } from './certificate-records.js';
import { certificateRowOf } from './certificate-files.js';
import { assertPassphrase } from './passphrase-policy.js';
import { unlockSubscriberKey } from './unlock-subscriber-key.js';

export interface ChangePassphraseInput {
  oldPassphrase: unknown;
  newPassphrase: unknown;
  /** Ulangi Passphrase. */
  confirmation: unknown;
}

export async function changePassphrase(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  input: ChangePassphraseInput,
  meta: { ip?: string } = {},
): Promise<void> {
  const row = await ctx.db.transaction(async (tx) => {
    const own = await loadOwnCertificate(tx, actor, id);
    assertUsable(await certificateRowOf(tx, own), new Date(ctx.now?.() ?? Date.now()));
    return own;
  });
  const newPassphrase = assertPassphrase(input.newPassphrase, input.confirmation);
  if (newPassphrase === input.oldPassphrase)
    throw new TekenError('ERR_INPUT_INVALID', 'newPassphrase: the new passphrase is the old one.', {
      details: { field: 'newPassphrase' },
    });
  const { privateKey } = await unlockSubscriberKey(ctx, row, input.oldPassphrase, {
    actor: `account:${actor.id}`,
    ...(meta.ip ? { address: meta.ip } : {}),
  });
  const sealedKey = await sealSubscriberKey(
    privateKey,
    newPassphrase,
    row.id,
    ctx.config.certificates.passphraseKdf,
    ctx.outer,
  );
  await ctx.db.transaction(async (tx) => {
    const locked = await loadOwnCertificate(tx, actor, row.id, { forUpdate: true });
    if (locked.state !== 'active' || !Buffer.from(locked.sealedKey).equals(Buffer.from(row.sealedKey)))
      throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The passphrase was changed meanwhile; try again.');
    const at = new Date(ctx.now?.() ?? Date.now());
    assertUsable(await certificateRowOf(tx, locked), at);
    await tx
      .update(subscriberCertificates)
      .set({ sealedKey, outerLayer: ctx.outer.name, updatedAt: at })
      .where(and(eq(subscriberCertificates.id, row.id), eq(subscriberCertificates.state, 'active')));
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'subscriber_certificate.passphrase_changed',
      target: `subscriber_certificate:${row.id}`,
      details: { certificate: `${row.authorityId}/${row.serial}` },
    });
    const [holder] = await tx.select().from(accounts).where(eq(accounts.id, row.accountId));
    if (holder)
      await ctx.notify(tx, {
        template: 'passphrase-changed',
        locale: holder.locale,
        to: holder.email,
        data: { name: holder.fullName, serial: row.serial ?? '', at: formatWib(at, holder.locale) },
        idempotencyKey: `passphrase-changed:${row.id}:${at.getTime()}`,
        accountId: holder.id,
      });
  });
}

/** Revoked, suspended (certificateHold) or expired: the passphrase of such a key is not changed. */
function assertUsable(cert: { revokedAt: Date | null; notAfter: Date }, now: Date): void {
  if (cert.revokedAt && cert.revokedAt <= now)
    throw new TekenError(
      'ERR_SUBSCRIBER_CERT_STATE',
      'The certificate is revoked or suspended: its passphrase cannot be changed.',
    );
  if (cert.notAfter <= now)
    throw new TekenError(
      'ERR_SUBSCRIBER_CERT_STATE',
      'The certificate has expired: its passphrase cannot be changed.',
    );
}
