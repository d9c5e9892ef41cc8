/**
 * The status changes of a subscriber certificate that the holder is told about: revoked (on the
 * holder's Pencabutan, or by the RA / a CA admin), suspended (certificateHold) and released. The CA
 * change goes through the authority (authority/revoke-certificate.ts), which signs the new OCSP
 * response before it commits, so OCSP answers the new status the moment it returns and the next
 * CRL (asked for at once) lists it; then, in one transaction, a pending Pencabutan of the
 * certificate is closed, the change audited with its note, and the holder's e-mail queued (one
 * per change: the idempotency key names it).
 *
 * If the process dies between the two, the certificate is revoked in CRL and OCSP (and shows
 * Revoked) while a Pencabutan may still read pending: the background job
 * `finishInterruptedRevocations` (or approving it again) finishes the work.
 */
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { releaseCertificateHold, revokeCertificate } from '../authority/revoke-certificate.js';
import { revocationReasons, type RevocationReasonName } from '../authority/revocation-reasons.js';
import type { Tx } from '../db/open-database.js';
import { accounts, certificates, outbox, revocationRequests, subscriberCertificates } from '../db/schema.js';
import { isTekenError, TekenError } from '../errors/teken-error.js';
import type { Locale } from '../notify/templates/template.js';
import { formatWib } from '../notify/format-wib.js';
import type { CertificatesContext } from './certificates-context.js';
import type { SubscriberCertificateRow } from './certificate-records.js';
import { products } from './products.js';

/** How a reason reads in the holder's e-mail and the console. */
export const reasonText: Record<RevocationReasonName, Record<Locale, string>> = {
  unspecified: { id: 'Tidak disebutkan', en: 'Unspecified' },
  keyCompromise: { id: 'Kunci privat bocor atau diduga bocor', en: 'Key compromise' },
  cACompromise: { id: 'Kunci CA bocor', en: 'CA compromise' },
  affiliationChanged: { id: 'Perubahan data atau instansi', en: 'Affiliation changed' },
  superseded: { id: 'Digantikan sertifikat baru', en: 'Superseded' },
  cessationOfOperation: { id: 'Tidak digunakan lagi', en: 'Cessation of operation' },
  certificateHold: { id: 'Ditangguhkan', en: 'Certificate hold' },
  privilegeWithdrawn: { id: 'Hak penggunaan dicabut', en: 'Privilege withdrawn' },
  aACompromise: { id: 'Otoritas atribut bocor', en: 'AA compromise' },
};

function issued(cert: SubscriberCertificateRow): { serial: string; authorityId: string } {
  if (cert.state !== 'active' || !cert.serial || !cert.authorityId)
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The certificate has not been issued.');
  return { serial: cert.serial, authorityId: cert.authorityId };
}

async function holderOf(tx: Tx, cert: SubscriberCertificateRow) {
  const [holder] = await tx.select().from(accounts).where(eq(accounts.id, cert.accountId));
  if (!holder) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  return holder;
}

/**
 * Revokes for good (any end-entity reason but certificateHold) and tells the holder. `requestId`:
 * the Pencabutan this finishes; a certificate it already revoked (a retry after a crash) is no error.
 */
export async function revokeSubscriberCertificate(
  ctx: CertificatesContext,
  cert: SubscriberCertificateRow,
  input: { reason: RevocationReasonName; actor: string; note?: string; requestId?: string },
): Promise<{ revokedAt: Date }> {
  const { serial, authorityId } = issued(cert);
  if (input.reason === 'certificateHold')
    throw new TekenError('ERR_CERT_REVOCATION_REASON', 'reason: suspend the certificate instead.', {
      details: { field: 'reason' },
    });
  let revokedAt = new Date();
  let alreadyRevoked = false;
  try {
    revokedAt = (
      await revokeCertificate(ctx.authority, {
        serial,
        caId: authorityId,
        reason: input.reason,
        actor: input.actor,
      })
    ).revokedAt;
  } catch (error) {
    if (!(input.requestId && isTekenError(error) && error.code === 'ERR_CERT_ALREADY_REVOKED')) throw error;
    alreadyRevoked = true;
  }
  await ctx.db.transaction((tx) =>
    recordRevocation(ctx, tx, cert, serial, { ...input, revokedAt, raceLost: alreadyRevoked }),
  );
  return { revokedAt };
}

/**
 * What follows a revocation at the authority, in the caller's transaction: the pending Pencabutan
 * closed, the change audited, the holder's e-mail queued (its idempotency key names the
 * certificate, so a second run queues nothing). `raceLost`: the CA said "already revoked" to a
 * Pencabutan's approval; with no Pencabutan left open, another approval did all this first.
 */
async function recordRevocation(
  ctx: CertificatesContext,
  tx: Tx,
  cert: SubscriberCertificateRow,
  serial: string,
  input: {
    reason: RevocationReasonName;
    actor: string;
    note?: string;
    revokedAt: Date;
    raceLost?: boolean;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { revokedAt } = input;
  const closed = await tx
    .update(revocationRequests)
    .set({ status: 'revoked', decidedBy: input.actor, decidedAt: revokedAt })
    .where(
      and(eq(revocationRequests.subscriberCertificateId, cert.id), eq(revocationRequests.status, 'pending')),
    )
    .returning({ id: revocationRequests.id });
  if (input.raceLost && closed.length === 0) throw new TekenError('ERR_REVOCATION_REQUEST_STATE');
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: 'subscriber_certificate.revoked',
    target: `subscriber_certificate:${cert.id}`,
    details: {
      institutionId: cert.institutionId,
      reason: input.reason,
      ...(input.note ? { note: input.note } : {}),
      ...(closed.length > 0 ? { revocationRequestId: closed[0]!.id } : {}),
      ...input.details,
    },
  });
  const holder = await holderOf(tx, cert);
  await ctx.notify(tx, {
    template: 'certificate-revoked',
    locale: holder.locale,
    to: holder.email,
    data: {
      name: holder.fullName,
      product: products[cert.product].label[holder.locale],
      serial,
      reason: reasonText[input.reason][holder.locale],
      note: input.note ?? '-',
      revokedAt: formatWib(revokedAt, holder.locale),
    },
    idempotencyKey: revokedMailKey(cert.id),
    accountId: holder.id,
  });
}

/** The key of the holder's "revoked" e-mail: written with the audit event, it marks the work done. */
export const revokedMailKey = (certificateId: string) => `certificate-revoked:${certificateId}`;

/**
 * Finishes revocations the process died in the middle of: certificates the authority has revoked
 * for good (in CRL and OCSP) whose holder was never told, because the process stopped between
 * the authority's commit and the transaction that follows (a Pencabutan left pending, no audit
 * event, no e-mail). Also catches a subscriber certificate revoked by an operator at the CA
 * (`teken cert revoke`). Each in its own transaction, the row locked and skipped by concurrent
 * runners; returns how many it finished.
 */
export async function finishInterruptedRevocations(
  ctx: CertificatesContext,
  options: { limit?: number; olderThanMs?: number } = {},
): Promise<number> {
  const hold = revocationReasons.certificateHold;
  // A revocation younger than this may still be finishing in the process that made it.
  const before = new Date(Date.now() - (options.olderThanMs ?? 5 * 60_000));
  const candidates = await ctx.db
    .select({ id: subscriberCertificates.id })
    .from(subscriberCertificates)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .where(
      and(
        eq(subscriberCertificates.state, 'active'),
        isNotNull(certificates.revokedAt),
        lte(certificates.revokedAt, before),
        sql`${certificates.revocationReason} is distinct from ${hold}`,
        sql`not exists (select 1 from ${outbox} where ${outbox.idempotencyKey} = 'certificate-revoked:' || ${subscriberCertificates.id}::text)`,
      ),
    )
    .limit(options.limit ?? 100);
  let finished = 0;
  for (const { id } of candidates) {
    const done = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          cert: subscriberCertificates,
          revokedAt: certificates.revokedAt,
          code: certificates.revocationReason,
        })
        .from(subscriberCertificates)
        .innerJoin(
          certificates,
          and(
            eq(certificates.authorityId, subscriberCertificates.authorityId),
            eq(certificates.serial, subscriberCertificates.serial),
          ),
        )
        .where(eq(subscriberCertificates.id, id))
        .for('update', { of: subscriberCertificates, skipLocked: true });
      if (!row?.revokedAt || !row.cert.serial) return false;
      const [told] = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(eq(outbox.idempotencyKey, revokedMailKey(id)));
      if (told) return false;
      const reason =
        (Object.entries(revocationReasons).find(([, code]) => code === row.code)?.[0] as
          RevocationReasonName | undefined) ?? 'unspecified';
      await recordRevocation(ctx, tx, row.cert, row.cert.serial, {
        reason,
        actor: 'system:reconcile',
        revokedAt: row.revokedAt,
        details: { finishedAfterInterruption: true },
      });
      return true;
    });
    if (done) finished++;
  }
  return finished;
}

/** Suspends (certificateHold) or releases, with the officer's note, and tells the holder. */
export async function holdSubscriberCertificate(
  ctx: CertificatesContext,
  cert: SubscriberCertificateRow,
  input: { hold: boolean; actor: string; note: string },
): Promise<void> {
  const { serial, authorityId } = issued(cert);
  const at = new Date();
  if (input.hold)
    await revokeCertificate(ctx.authority, {
      serial,
      caId: authorityId,
      reason: 'certificateHold',
      actor: input.actor,
    });
  else await releaseCertificateHold(ctx.authority, { serial, caId: authorityId, actor: input.actor });
  await ctx.db.transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: input.hold ? 'subscriber_certificate.suspended' : 'subscriber_certificate.released',
      target: `subscriber_certificate:${cert.id}`,
      details: { institutionId: cert.institutionId, note: input.note },
    });
    const holder = await holderOf(tx, cert);
    await ctx.notify(tx, {
      template: input.hold ? 'certificate-suspended' : 'certificate-released',
      locale: holder.locale,
      to: holder.email,
      data: {
        name: holder.fullName,
        product: products[cert.product].label[holder.locale],
        serial,
        note: input.note,
        at: formatWib(at, holder.locale),
      },
      idempotencyKey: `certificate-${input.hold ? 'suspended' : 'released'}:${cert.id}:${at.getTime()}`,
      accountId: holder.id,
    });
  });
}
