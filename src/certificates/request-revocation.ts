/**
 * Pencabutan by the holder ("Daftar Sertifikat Elektronik" → Aksi → Pencabutan): a reason a
 * subscriber may give (config/options.ts `subscriberRevocationReasons`), confirmed with the
 * certificate's passphrase (through unlockSubscriberKey, so wrong ones count against the key) or
 * with the account's password and authenticator code (through the identity module's checks and
 * the attempt guard, as at sign-in). The certificate then shows "On Revoke" until an RA officer of
 * the institution approves (decide-revocation-request.ts); the reasons of
 * TEKEN_REVOCATION_IMMEDIATE_REASONS (keyCompromise by default) are revoked at once.
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { subscriberRevocationReasons, type SubscriberRevocationReason } from '../config/options.js';
import { revocationRequests } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { getAccount, type AccountRow } from '../identity/accounts.js';
import type { IdentityContext } from '../identity/identity-context.js';
import { verifyAccountOtp } from '../identity/otp-step.js';
import { verifyAccountPassword } from '../identity/password-step.js';
import type { SessionMeta } from '../identity/sessions.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadSubscriberCertificate } from './certificate-records.js';
import { revokeSubscriberCertificate } from './certificate-status-change.js';
import { unlockSubscriberKey } from './unlock-subscriber-key.js';

export type RevocationConfirmation =
  { passphrase: string } | { password: string; code: string; deviceId?: string };

export interface RevocationRequestResult {
  id: string;
  status: 'pending' | 'revoked';
  reason: SubscriberRevocationReason;
}

export function assertSubscriberReason(reason: unknown): SubscriberRevocationReason {
  if (typeof reason !== 'string' || !(subscriberRevocationReasons as readonly string[]).includes(reason))
    throw new TekenError(
      'ERR_CERT_REVOCATION_REASON',
      `reason: one of ${subscriberRevocationReasons.join(', ')}.`,
      { details: { field: 'reason' } },
    );
  return reason as SubscriberRevocationReason;
}

export async function requestRevocation(
  ctx: CertificatesContext,
  identity: IdentityContext,
  actor: AccountRow,
  input: { certificateId: unknown; reason: unknown; confirm: RevocationConfirmation },
  meta: SessionMeta,
): Promise<RevocationRequestResult> {
  const reason = assertSubscriberReason(input.reason);
  const cert = await ctx.db.transaction((tx) =>
    loadSubscriberCertificate(tx, actor, 'own', input.certificateId),
  );
  if (cert.state !== 'active')
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', 'The certificate has not been issued.');
  // The confirmation first: nothing is recorded for a wrong passphrase, password or code.
  let confirmedWith: 'passphrase' | 'password_otp';
  if ('passphrase' in input.confirm) {
    await unlockSubscriberKey(ctx, cert, input.confirm.passphrase, {
      actor: `account:${actor.id}`,
      ...(meta.ip ? { address: meta.ip } : {}),
    });
    confirmedWith = 'passphrase';
  } else {
    const account = await getAccount(identity.db, actor.id);
    await verifyAccountPassword(identity, account, input.confirm.password, meta);
    await verifyAccountOtp(
      identity,
      account,
      { code: input.confirm.code, ...(input.confirm.deviceId ? { deviceId: input.confirm.deviceId } : {}) },
      meta,
    );
    confirmedWith = 'password_otp';
  }
  const immediate = ctx.config.certificates.revocationImmediateReasons.includes(reason);
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    const current = await loadSubscriberCertificate(tx, actor, 'own', cert.id, { forUpdate: true });
    const [pending] = await tx
      .select({ id: revocationRequests.id })
      .from(revocationRequests)
      .where(
        and(
          eq(revocationRequests.subscriberCertificateId, current.id),
          eq(revocationRequests.status, 'pending'),
        ),
      );
    if (pending) throw new TekenError('ERR_REVOCATION_PENDING');
    await tx.insert(revocationRequests).values({
      id,
      subscriberCertificateId: current.id,
      accountId: current.accountId,
      institutionId: current.institutionId,
      reason,
      status: 'pending',
      confirmedWith,
    });
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'revocation_request.created',
      target: `revocation_request:${id}`,
      details: {
        subscriberCertificateId: current.id,
        institutionId: current.institutionId,
        reason,
        confirmedWith,
        immediate,
      },
    });
  });
  if (!immediate) return { id, status: 'pending', reason };
  await revokeSubscriberCertificate(ctx, cert, { reason, actor: `account:${actor.id}`, requestId: id });
  return { id, status: 'revoked', reason };
}
