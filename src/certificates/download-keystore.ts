/**
 * The keystore download: after the holder enters the passphrase, their key and certificate chain
 * as a PKCS#12 file protected by that passphrase (pki/pkcs12.ts, as `teken cert issue --p12`).
 * Two ways in:
 * - self-service from Daftar Sertifikat Elektronik, where the institution's policy allows it
 *   (`keystoreSelfService`);
 * - the DOWNLOAD_KEYSTORE link an RA officer sends from Tinjau Ulang (send-keystore-link.ts),
 *   used once, on a public page (the token is the proof; link guesses count against the address).
 * Either way the key opens only through `unlockSubscriberKey` (wrong passphrases counted per
 * certificate), Catatan records the download, and every download is audited and mailed. A revoked,
 * suspended or expired certificate gives none (refused before the passphrase is tried).
 */
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import {
  accounts,
  certificateRequests,
  certificates,
  institutions,
  subscriberCertificates,
} from '../db/schema.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { checkActionLink, markActionLinkUsed } from '../identity/action-links.js';
import { addressThrottled } from '../identity/lockout-policy.js';
import { formatWib } from '../notify/format-wib.js';
import { encodePkcs12 } from '../pki/pkcs12.js';
import type { CertificatesContext } from './certificates-context.js';
import {
  loadOwnCertificate,
  loadSubscriberCertificate,
  type SubscriberCertificateRow,
} from './certificate-records.js';
import { certificateRowOf, chainOf } from './certificate-files.js';
import { unlockSubscriberKey } from './unlock-subscriber-key.js';

export interface Keystore {
  body: Buffer;
  filename: string;
}

const linkKinds = ['DOWNLOAD_KEYSTORE'] as const;

/** Self-service: the holder, signed in, where the institution allows it. */
export async function downloadKeystore(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  passphrase: unknown,
  meta: { ip?: string } = {},
): Promise<Keystore> {
  const row = await ctx.db.transaction(async (tx) => {
    const own = await loadOwnCertificate(tx, actor, id);
    const [institution] = await tx.select().from(institutions).where(eq(institutions.id, own.institutionId));
    if (!institution?.keystoreSelfService)
      throw new TekenError(
        'ERR_AUTH_FORBIDDEN',
        'Your institution gives keystores only through a DOWNLOAD_KEYSTORE link from the RA.',
      );
    return own;
  });
  return produce(ctx, row, passphrase, `account:${actor.id}`, meta, 'self-service');
}

/** What the page of a DOWNLOAD_KEYSTORE link shows before the passphrase: which certificate. */
export async function readKeystoreLink(
  ctx: CertificatesContext,
  token: unknown,
  meta: { ip: string },
): Promise<{ certificate: SubscriberCertificateRow; commonName: string; notAfter: Date | null }> {
  const result = await ctx.guard.attempt('link', { address: meta.ip }, () =>
    ctx.db
      .transaction(async (tx) => {
        const link = await checkActionLink(tx, token, linkKinds);
        const certificate = await loadSubscriberCertificate(tx, 'system', 'own', link.ref);
        if (certificate.accountId !== link.accountId) throw new TekenError('ERR_LINK_INVALID');
        const [request] = await tx
          .select({ subject: certificateRequests.subject })
          .from(certificateRequests)
          .where(eq(certificateRequests.id, certificate.requestId));
        const commonName = request?.subject.find((a) => a.type === 'CN')?.value ?? '';
        const [issued] =
          certificate.authorityId && certificate.serial
            ? await tx
                .select({ notAfter: certificates.notAfter })
                .from(certificates)
                .where(
                  and(
                    eq(certificates.authorityId, certificate.authorityId),
                    eq(certificates.serial, certificate.serial),
                  ),
                )
            : [];
        return { certificate, commonName, notAfter: issued?.notAfter ?? null };
      })
      .catch((error: unknown) => {
        if (isTekenError(error, 'ERR_LINK_INVALID')) return null;
        throw error;
      }),
  );
  if (result.outcome === 'refused') throw addressThrottled(result.retryAfterSeconds);
  if (result.outcome === 'wrong') throw new TekenError('ERR_LINK_INVALID');
  return result.value;
}

/** Redeems a DOWNLOAD_KEYSTORE link with the passphrase; the link is used once the keystore is made. */
export async function downloadKeystoreByLink(
  ctx: CertificatesContext,
  token: unknown,
  passphrase: unknown,
  meta: { ip: string },
): Promise<Keystore> {
  const { certificate } = await readKeystoreLink(ctx, token, meta);
  return produce(
    ctx,
    certificate,
    passphrase,
    `account:${certificate.accountId}`,
    meta,
    'link',
    async (tx) => {
      const link = await checkActionLink(tx, token, linkKinds);
      if (link.ref !== certificate.id) throw new TekenError('ERR_LINK_INVALID');
      await markActionLinkUsed(tx, link.tokenHash);
    },
  );
}

async function produce(
  ctx: CertificatesContext,
  row: SubscriberCertificateRow,
  passphrase: unknown,
  actor: string,
  meta: { ip?: string },
  via: 'self-service' | 'link',
  finish?: (tx: Tx) => Promise<void>,
): Promise<Keystore> {
  const cert = await certificateRowOf(ctx.db, row);
  // A revoked, suspended or expired certificate gives no keystore: a suspension would mean nothing
  // if the key could still be taken out (certificate-actions.ts offers none for them either).
  const now = new Date(ctx.now?.() ?? Date.now());
  if ((cert.revokedAt && cert.revokedAt <= now) || cert.notAfter <= now)
    throw new TekenError(
      'ERR_SUBSCRIBER_CERT_STATE',
      'The certificate is revoked, suspended or expired: it gives no keystore.',
    );
  const { privateKey } = await unlockSubscriberKey(ctx, row, passphrase, {
    actor,
    ...(meta.ip ? { address: meta.ip } : {}),
  });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  let p12: Uint8Array;
  try {
    p12 = await encodePkcs12({
      privateKeyPkcs8: pkcs8,
      certificates: [cert.der, ...chainOf(ctx, cert.authorityId)],
      password: passphrase as string,
      friendlyName: cert.serial,
    });
  } finally {
    pkcs8.fill(0);
  }
  await ctx.db.transaction(async (tx) => {
    await finish?.(tx);
    const at = new Date(ctx.now?.() ?? Date.now());
    await tx
      .update(subscriberCertificates)
      .set({ downloadedAt: at })
      .where(eq(subscriberCertificates.id, row.id));
    await recordAuditEvent(tx, {
      actor,
      action: 'subscriber_certificate.keystore_downloaded',
      target: `subscriber_certificate:${row.id}`,
      details: { via, certificate: `${cert.authorityId}/${cert.serial}` },
    });
    const [holder] = await tx.select().from(accounts).where(eq(accounts.id, row.accountId));
    if (holder)
      await ctx.notify(tx, {
        template: 'keystore-downloaded',
        locale: holder.locale,
        to: holder.email,
        data: { name: holder.fullName, serial: cert.serial, at: formatWib(at, holder.locale) },
        idempotencyKey: `keystore-downloaded:${row.id}:${at.getTime()}`,
        accountId: holder.id,
      });
  });
  return { body: Buffer.from(p12), filename: `keystore-${cert.serial}.p12` };
}
