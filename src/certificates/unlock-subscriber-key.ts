/**
 * Opens a subscriber's key with its passphrase: the one path every use of a key takes (keystore
 * download now, signing next), so wrong passphrases are counted per certificate across all of them
 * by the attempt guard (kind `passphrase`, TEKEN_PASSPHRASE_FAILURES a day), and the key is locked
 * for TEKEN_PASSPHRASE_LOCK_MINUTES at the limit, with a notice to the holder. The attempt is
 * reserved before the passphrase is tried, so parallel guesses get no more tries than the budget.
 *
 * The caller has authorized the actor (the holder, or an API client speaking for them). Wrong
 * passphrases are audited (never the passphrase).
 */
import type crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, subscriberCertificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { addressThrottled } from '../identity/lockout-policy.js';
import { openSubscriberKey } from '../keys/subscriber-key-seal.js';
import { formatWib } from '../notify/format-wib.js';
import type { CertificatesContext } from './certificates-context.js';
import type { SubscriberCertificateRow } from './certificate-records.js';

/** The guard subject of a certificate's passphrase. */
export const passphraseSubject = (certificateId: string) => `cert:${certificateId}`;

export interface UnlockedKey {
  privateKey: crypto.KeyObject;
  certificate: SubscriberCertificateRow;
}

export async function unlockSubscriberKey(
  ctx: CertificatesContext,
  certificate: SubscriberCertificateRow,
  passphrase: unknown,
  who: { actor: string; address?: string },
): Promise<UnlockedKey> {
  if (certificate.state !== 'active')
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The certificate has not been issued.');
  if (typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > 512)
    throw new TekenError('ERR_INPUT_INVALID', 'passphrase: required.', { details: { field: 'passphrase' } });
  const outer = ctx.outers[certificate.outerLayer];
  if (!outer)
    throw new TekenError(
      'ERR_KEY_UNSEAL_FAILED',
      `The key is sealed under the ${certificate.outerLayer} layer, which is not configured.`,
    );
  const result = await ctx.guard.attempt(
    'passphrase',
    { subject: passphraseSubject(certificate.id), ...(who.address ? { address: who.address } : {}) },
    () => openSubscriberKey(certificate.sealedKey, passphrase, certificate.id, outer),
  );
  if (result.outcome === 'right') return { privateKey: result.value, certificate };
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw new TekenError('ERR_PASSPHRASE_LOCKED', undefined, {
      details: {
        retryAfterSeconds: result.retryAfterSeconds,
        ...(result.blockedUntil ? { lockedUntil: result.blockedUntil.toISOString() } : {}),
      },
    });
  }
  const failuresLeft = Math.max(0, ctx.config.certificates.passphraseFailures - result.failures);
  await ctx.db.transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor: who.actor,
      action: result.justBlocked
        ? 'subscriber_certificate.passphrase_locked'
        : 'subscriber_certificate.passphrase_wrong',
      target: `subscriber_certificate:${certificate.id}`,
      details: { failures: result.failures },
    });
    if (result.justBlocked && result.blockedUntil) {
      const [holder] = await tx.select().from(accounts).where(eq(accounts.id, certificate.accountId));
      if (holder)
        await ctx.notify(tx, {
          template: 'passphrase-locked',
          locale: holder.locale,
          to: holder.email,
          data: {
            name: holder.fullName,
            serial: certificate.serial ?? '',
            until: formatWib(result.blockedUntil, holder.locale),
          },
          idempotencyKey: `passphrase-locked:${certificate.id}:${result.blockedUntil.getTime()}`,
          accountId: holder.id,
        });
    }
  });
  if (result.justBlocked)
    throw new TekenError('ERR_PASSPHRASE_LOCKED', undefined, {
      details: {
        ...(result.blockedUntil ? { lockedUntil: result.blockedUntil.toISOString() } : {}),
      },
    });
  throw new TekenError('ERR_PASSPHRASE_WRONG', undefined, { details: { failuresLeft } });
}

/** The certificate row by id (no authorization: for callers that have done it). */
export async function subscriberCertificateById(ctx: CertificatesContext, id: string) {
  const [row] = await ctx.db.select().from(subscriberCertificates).where(eq(subscriberCertificates.id, id));
  if (!row) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  return row;
}
