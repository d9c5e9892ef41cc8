/**
 * Tinjau Ulang → Sertifikat Elektronik: an RA officer of the holder's institution or a CA admin
 * (authorize.ts `certificate.manage`, never on their own certificate) suspends (certificateHold),
 * releases or revokes a certificate, with a note that is audited and sent to the holder.
 */
import { endEntityReasons, type RevocationReasonName } from '../authority/revocation-reasons.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadSubscriberCertificate } from './certificate-records.js';
import { holdSubscriberCertificate, revokeSubscriberCertificate } from './certificate-status-change.js';

export const NOTE_MAX = 500;
/** What staff may give for a revocation for good (hold is "Tangguhkan"). */
export const staffRevocationReasons: readonly RevocationReasonName[] = endEntityReasons.filter(
  (r) => r !== 'certificateHold',
);

function noteOf(note: unknown): string {
  const text = typeof note === 'string' ? note.trim().replace(/\s+/g, ' ') : '';
  if (text.length < 5 || text.length > NOTE_MAX)
    throw new TekenError('ERR_INPUT_INVALID', 'note: why, as the holder is told (5 to 500 characters).', {
      details: { field: 'note' },
    });
  return text;
}

const load = (ctx: CertificatesContext, actor: AccountRow, id: unknown) =>
  ctx.db.transaction((tx) => loadSubscriberCertificate(tx, actor, 'certificate.manage', id));

export async function suspendCertificate(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  input: { note: unknown },
): Promise<{ status: 'Suspended' }> {
  const note = noteOf(input.note);
  const cert = await load(ctx, actor, id);
  await holdSubscriberCertificate(ctx, cert, { hold: true, actor: `account:${actor.id}`, note });
  return { status: 'Suspended' };
}

export async function releaseCertificate(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  input: { note: unknown },
): Promise<{ status: 'Issued' }> {
  const note = noteOf(input.note);
  const cert = await load(ctx, actor, id);
  await holdSubscriberCertificate(ctx, cert, { hold: false, actor: `account:${actor.id}`, note });
  return { status: 'Issued' };
}

export async function revokeCertificateAsStaff(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  input: { reason: unknown; note: unknown },
): Promise<{ status: 'Revoked'; revokedAt: string }> {
  if (
    typeof input.reason !== 'string' ||
    !staffRevocationReasons.includes(input.reason as RevocationReasonName)
  )
    throw new TekenError(
      'ERR_CERT_REVOCATION_REASON',
      `reason: one of ${staffRevocationReasons.join(', ')}.`,
      {
        details: { field: 'reason' },
      },
    );
  const note = noteOf(input.note);
  const cert = await load(ctx, actor, id);
  const { revokedAt } = await revokeSubscriberCertificate(ctx, cert, {
    reason: input.reason as RevocationReasonName,
    actor: `account:${actor.id}`,
    note,
  });
  return { status: 'Revoked', revokedAt: revokedAt.toISOString() };
}
