/**
 * The Reset Passphrase link (seed 001), its two steps after start-passphrase-reset.ts:
 * 1. "Pengecekan Foto Diri": a selfie compared with the registered one (submit-reset-selfie.ts),
 *    by the face-match adapter where one is configured, else by an RA officer
 *    (decide-selfie-check.ts). A match approves the reset request.
 * 2. "Buat Passphrase" with the Perjanjian Pemilik Sertifikat Elektronik: the set-passphrase cycle
 *    (set-passphrase.ts `issueForRequest`) makes a NEW key, seals it twice and issues a NEW
 *    certificate (recorded before it is signed); in the transaction that links it, the old one is
 *    marked replaced and the link used; then the old one is revoked as superseded, in OCSP at
 *    once. "Berhasil — Passphrase Anda berhasil dirubah" and the e-mail "Passphrase Berhasil
 *    Dirubah".
 *
 * Two resets of one certificate at once leave exactly one valid certificate: one open request per
 * holder and product, one pending key per request (the second submit is refused while the first is
 * in flight), the old certificate claimed in step 2 under its row lock, and a reconciler for a
 * process that died before the old one was revoked (reconcile-subscriber-keys.ts).
 *
 * The link is one RESET_PASSPHRASE token about the certificate, open through both steps (a selfie
 * waiting for the RA is picked up later through the same link) and used by step 2. Every read of
 * it goes through the attempt guard (kind `link`, per address).
 */
import { desc, eq, and } from 'drizzle-orm';
import { certificateRequests, selfieChecks, subscriberCertificates } from '../db/schema.js';
import type { Tx } from '../db/open-database.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import { checkActionLink, markActionLinkUsed } from '../identity/action-links.js';
import { addressThrottled } from '../identity/lockout-policy.js';
import { hashOpaqueToken } from '../identity/opaque-token.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadRequest, type LoadedRequest, type SubscriberCertificateRow } from './certificate-records.js';
import { assertPassphrase } from './passphrase-policy.js';
import {
  issueForRequest,
  subscriberAgreement,
  type IssuedSubscriberCertificate,
  type SetPassphraseInput,
} from './set-passphrase.js';

const linkKinds = ['RESET_PASSPHRASE'] as const;

/** Where the holder is: take the selfie, wait for the RA, choose the passphrase, or refused. */
export type ResetStep = 'selfie' | 'waiting' | 'passphrase' | 'refused';

export interface ResetLinkState extends LoadedRequest {
  /** The certificate the reset replaces. */
  certificate: SubscriberCertificateRow;
  step: ResetStep;
  /** The RA officer's reason when `refused`. */
  refuseReason: string | null;
}

/** The link's state, inside the caller's transaction (the link row locked). */
export async function resetLinkState(
  tx: Tx,
  token: unknown,
): Promise<ResetLinkState & { tokenHash: Uint8Array }> {
  const link = await checkActionLink(tx, token, linkKinds);
  if (!link.ref) throw new TekenError('ERR_LINK_INVALID');
  const [certificate] = await tx
    .select()
    .from(subscriberCertificates)
    .where(eq(subscriberCertificates.id, link.ref));
  // The newest reset of the certificate (a refused one stays the answer until a new start).
  const [request] = await tx
    .select({ id: certificateRequests.id })
    .from(certificateRequests)
    .where(and(eq(certificateRequests.replacesId, link.ref), eq(certificateRequests.kind, 'reset')))
    .orderBy(desc(certificateRequests.submittedAt))
    .limit(1);
  if (!certificate || !request) throw new TekenError('ERR_LINK_INVALID');
  const loaded = await loadRequest(tx, 'system', 'own', request.id);
  const r = loaded.request;
  if (r.status === 'issued' || r.status === 'cancelled') throw new TekenError('ERR_LINK_USED');
  let step: ResetStep;
  if (r.status === 'approved') step = 'passphrase';
  else if (r.status === 'rejected') step = 'refused';
  else {
    const [pending] = await tx
      .select({ id: selfieChecks.id })
      .from(selfieChecks)
      .where(and(eq(selfieChecks.requestId, r.id), eq(selfieChecks.status, 'pending')));
    step = pending ? 'waiting' : 'selfie';
  }
  return { ...loaded, certificate, step, refuseReason: r.rejectReason, tokenHash: link.tokenHash };
}

/**
 * What the link's page shows: the certificate, the step. The link is checked, not used; unknown
 * tokens count against the address.
 */
export async function readResetPassphraseLink(
  ctx: CertificatesContext,
  token: unknown,
  meta: { ip: string },
): Promise<ResetLinkState> {
  const result = await ctx.guard.attempt('link', { address: meta.ip }, () =>
    ctx.db
      .transaction(async (tx) => {
        const { tokenHash: _, ...state } = await resetLinkState(tx, token);
        return state;
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

/** Step 2, "Buat Passphrase": the new key and certificate; the old one revoked as superseded. */
export async function resetPassphraseByLink(
  ctx: CertificatesContext,
  token: unknown,
  input: SetPassphraseInput,
  meta: { ip: string },
): Promise<IssuedSubscriberCertificate & { replaces: string }> {
  const passphrase = assertPassphrase(input.passphrase, input.confirmation);
  const agreement = subscriberAgreement();
  if (input.agreementVersion !== agreement.version)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `agreementVersion: accept the current Perjanjian Pemilik Sertifikat Elektronik (version ${agreement.version}).`,
      { details: { field: 'agreementVersion' } },
    );
  const state = await readResetPassphraseLink(ctx, token, meta);
  if (state.step !== 'passphrase')
    throw new TekenError(
      'ERR_CERT_REQUEST_STATE',
      state.step === 'refused'
        ? 'The selfie check refused this reset. Start a new reset.'
        : 'Step 1 first: the selfie must be confirmed before the new passphrase.',
      { details: { field: 'step' } },
    );
  const tokenHash = hashOpaqueToken(token as string);
  const issued = await issueForRequest(
    ctx,
    state.request.id,
    { passphrase, agreementVersion: agreement.version },
    `account:${state.request.accountId}`,
    async (tx) => {
      // Still the same open link at the end (not replaced or used meanwhile).
      const again = await resetLinkState(tx, token);
      if (again.request.id !== state.request.id) throw new TekenError('ERR_LINK_INVALID');
      await markActionLinkUsed(tx, tokenHash);
    },
  );
  return { ...issued, replaces: state.certificate.id };
}
