import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { certificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { normaliseSerialHex } from '../pki/serial-number.js';
import type { AuthorityContext } from './authority-context.js';
import { notifyCaChange, notifyStatusChange } from './notify-status.js';
import { presignOcspResponse, responderUsable, storeOcspResponse } from './ocsp-presign.js';
import {
  caReasons,
  endEntityReasons,
  revocationReasons,
  type RevocationReasonName,
} from './revocation-reasons.js';

export interface RevokeRequest {
  serial: string;
  /** Needed only when the same serial exists under two CAs (practically never with random serials). */
  caId?: string;
  reason: RevocationReasonName;
  /** When the key is known or suspected to have been compromised (RFC 5280 5.3.2). */
  invalidityDate?: Date;
  actor: string;
}

export interface RevocationResult {
  caId: string;
  serialHex: string;
  reason: RevocationReasonName;
  revokedAt: Date;
}

/** Finds the certificate row for a serial typed by an operator. */
export async function findCertificate(ctx: AuthorityContext, serial: string, caId?: string) {
  const hex = normaliseSerialHex(serial);
  if (!hex) throw new TekenError('ERR_INPUT_INVALID', `"${serial}" is not a serial number in hex.`);
  const rows = await ctx.db
    .select()
    .from(certificates)
    .where(
      caId
        ? and(eq(certificates.serial, hex), eq(certificates.authorityId, caId))
        : eq(certificates.serial, hex),
    );
  if (rows.length === 0) throw new TekenError('ERR_CERT_NOT_FOUND', `No certificate has the serial ${hex}.`);
  if (rows.length > 1)
    throw new TekenError('ERR_INPUT_INVALID', `The serial ${hex} exists under several CAs; name the CA.`);
  return rows[0]!;
}

/**
 * Revokes a certificate, or puts it on hold (reason certificateHold). A held certificate may be
 * revoked for good later, or released with `releaseCertificateHold`. The new OCSP response is
 * signed before the change commits, so OCSP shows the new status the moment it is committed.
 */
export async function revokeCertificate(
  ctx: AuthorityContext,
  request: RevokeRequest,
): Promise<RevocationResult> {
  const now = new Date();
  if (request.invalidityDate && request.invalidityDate > now) {
    throw new TekenError('ERR_INPUT_INVALID', 'The invalidity date cannot be in the future.');
  }
  const row = await findCertificate(ctx, request.serial, request.caId);
  if (row.profile === 'root-ca') {
    throw new TekenError(
      'ERR_CERT_NOT_REVOCABLE',
      'A root CA certificate cannot be revoked: relying parties trust it directly. Withdraw it from their trust stores instead.',
    );
  }
  // An issuing CA's certificate: the CA stops issuing once it is revoked.
  const ofCa = row.profile === 'issuing-ca';
  const allowed = ofCa ? caReasons : endEntityReasons;
  if (!allowed.includes(request.reason)) {
    throw new TekenError(
      'ERR_CERT_REVOCATION_REASON',
      `${request.reason} cannot be used for ${ofCa ? 'a CA certificate' : 'this certificate'}. Use one of: ${allowed.join(', ')}.`,
    );
  }
  if (row.status !== 'issued')
    throw new TekenError('ERR_CERT_NOT_FOUND', `The certificate ${row.serial} was never issued.`);
  const ca = await ctx.registry.get(row.authorityId);
  const code = revocationReasons[request.reason];
  const ocsp = responderUsable(ca)
    ? await presignOcspResponse(ctx.config, ca, row.serial, {
        status: 'revoked',
        revokedAt: now,
        reason: code,
      })
    : undefined;
  await ctx.db.transaction(async (tx) => {
    // Re-read under a row lock: two revocations racing must not both win.
    const [current] = await tx.select().from(certificates).where(eq(certificates.id, row.id)).for('update');
    if (!current) throw new TekenError('ERR_CERT_NOT_FOUND');
    const onHold = current.revocationReason === revocationReasons.certificateHold;
    if (current.revokedAt && !onHold) {
      throw new TekenError(
        'ERR_CERT_ALREADY_REVOKED',
        `The certificate ${row.serial} was already revoked on ${current.revokedAt.toISOString()}.`,
      );
    }
    if (onHold && request.reason === 'certificateHold') {
      throw new TekenError('ERR_CERT_ALREADY_REVOKED', `The certificate ${row.serial} is already on hold.`);
    }
    await tx
      .update(certificates)
      .set({ revokedAt: now, revocationReason: code, invalidityDate: request.invalidityDate ?? null })
      .where(eq(certificates.id, row.id));
    if (ocsp) await storeOcspResponse(tx, ca.id, row.serial, ocsp);
    await notifyStatusChange(tx, ca.id, row.serial);
    if (ofCa) await notifyCaChange(tx, ca.id);
    await recordAuditEvent(tx, {
      actor: request.actor,
      action: ofCa
        ? 'ca.revoke'
        : request.reason === 'certificateHold'
          ? 'certificate.hold'
          : 'certificate.revoke',
      target: `certificate:${ca.id}/${row.serial}`,
      details: {
        reason: request.reason,
        ...(request.invalidityDate ? { invalidityDate: request.invalidityDate.toISOString() } : {}),
        wasOnHold: onHold,
      },
    });
  });
  // This process stops issuing under a revoked CA at once; the others when NOTIFY reaches them.
  if (ofCa) await ctx.registry.reload();
  ctx.onStatusChange?.(ca.id, row.serial);
  ctx.onRevocation?.(ca.id);
  return { caId: ca.id, serialHex: row.serial, reason: request.reason, revokedAt: now };
}

/** Releases a certificate from hold: it is good again, and leaves the next CRL. */
export async function releaseCertificateHold(
  ctx: AuthorityContext,
  request: { serial: string; caId?: string; actor: string },
) {
  const row = await findCertificate(ctx, request.serial, request.caId);
  const ca = await ctx.registry.get(row.authorityId);
  const ocsp = responderUsable(ca)
    ? await presignOcspResponse(ctx.config, ca, row.serial, { status: 'good' })
    : undefined;
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(certificates).where(eq(certificates.id, row.id)).for('update');
    if (!current || current.revocationReason !== revocationReasons.certificateHold) {
      throw new TekenError('ERR_CERT_NOT_ON_HOLD', `The certificate ${row.serial} is not on hold.`);
    }
    await tx
      .update(certificates)
      .set({ revokedAt: null, revocationReason: null, invalidityDate: null })
      .where(eq(certificates.id, row.id));
    if (ocsp) await storeOcspResponse(tx, ca.id, row.serial, ocsp);
    await notifyStatusChange(tx, ca.id, row.serial);
    await recordAuditEvent(tx, {
      actor: request.actor,
      action: 'certificate.release',
      target: `certificate:${ca.id}/${row.serial}`,
    });
  });
  ctx.onStatusChange?.(ca.id, row.serial);
  ctx.onRevocation?.(ca.id);
  return { caId: ca.id, serialHex: row.serial };
}
