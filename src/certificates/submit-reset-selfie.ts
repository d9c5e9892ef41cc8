/**
 * Step 1 of the Reset Passphrase link, "Pengecekan Foto Diri" (seed 001: "Ambil Foto Diri" … "Next"):
 * the selfie is checked and re-encoded without metadata like the registration's (enrollment/
 * images.ts), then compared with the registered selfie.
 * - Face-match adapter configured (TEKEN_FACE_MATCH_URL): each comparison is an attempt of the
 *   guard's `selfie` kind for the certificate (a few a day) and the client's address. A match is
 *   stored `matched` with its score and approves the reset request, in one transaction; a
 *   non-match stores nothing (it may be another person's face) and answers ERR_SELFIE_NO_MATCH.
 *   When the adapter is unavailable, or the registration has no selfie, the RA decides instead.
 * - Otherwise: stored `pending` for the RA officers of the holder's institution (/ra/foto-diri),
 *   who see it beside the registered one (decide-selfie-check.ts).
 * The link is read through the guard first, so unknown tokens cannot make the server decode images.
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { certificateRequests, registrations, selfieChecks } from '../db/schema.js';
import type { FaceMatcher, FaceMatchResult } from '../enrollment/adapters/face-match.js';
import { processImage, type ImageLimits, type StoredImageType } from '../enrollment/images.js';
import { openPersonal, sealPersonal } from '../enrollment/personal-data.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import type { CertificatesContext } from './certificates-context.js';
import { readResetPassphraseLink, resetLinkState } from './reset-passphrase.js';

export interface SubmittedSelfie {
  /** `passphrase`: matched, go on to step 2; `waiting`: an RA officer will look at it. */
  step: 'passphrase' | 'waiting';
  checkId: string;
}

export async function submitResetSelfie(
  ctx: CertificatesContext,
  faceMatcher: FaceMatcher | null,
  token: unknown,
  body: Buffer,
  limits: ImageLimits,
  meta: { ip: string },
): Promise<SubmittedSelfie> {
  const state = await readResetPassphraseLink(ctx, token, meta);
  if (state.step !== 'selfie')
    throw new TekenError(
      'ERR_CERT_REQUEST_STATE',
      state.step === 'waiting'
        ? 'The selfie waits for the RA officer already.'
        : state.step === 'passphrase'
          ? 'The selfie has been confirmed: go on with the new passphrase.'
          : 'The selfie check refused this reset. Start a new reset.',
      { details: { field: 'step' } },
    );
  const image = await processImage(body, 'selfie', limits);
  const accountId = state.request.accountId;

  let result: FaceMatchResult | null = null;
  if (faceMatcher) {
    const [registration] = await ctx.db
      .select({ sealed: registrations.selfieSealed, type: registrations.selfieType })
      .from(registrations)
      .where(eq(registrations.accountId, accountId));
    if (registration?.sealed) {
      const reference = {
        type: (registration.type ?? 'image/jpeg') as StoredImageType,
        bytes: openPersonal(ctx.master, 'registrations.selfie', accountId, registration.sealed),
      };
      try {
        const attempt = await ctx.guard.attempt(
          'selfie',
          { subject: `cert:${state.certificate.id}`, address: meta.ip },
          async () => {
            const compared = await faceMatcher.compare({ type: image.type, bytes: image.bytes }, reference);
            return compared.match ? compared : null;
          },
        );
        if (attempt.outcome === 'refused')
          throw new TekenError('ERR_SELFIE_LOCKED', undefined, {
            details: { retryAfterSeconds: attempt.retryAfterSeconds },
          });
        if (attempt.outcome === 'wrong') {
          await ctx.db.transaction((tx) =>
            recordAuditEvent(tx, {
              actor: `account:${accountId}`,
              action: 'passphrase_reset.selfie_no_match',
              target: `certificate_request:${state.request.id}`,
              details: { failures: attempt.failures },
            }),
          );
          throw new TekenError('ERR_SELFIE_NO_MATCH');
        }
        result = attempt.value;
      } catch (error) {
        // The adapter is down (or its circuit open): an RA officer decides instead.
        if (!isTekenError(error, 'ERR_REGISTRY_UNAVAILABLE')) throw error;
      }
    }
  }

  const checkId = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    const again = await resetLinkState(tx, token);
    if (again.request.id !== state.request.id || again.step !== 'selfie')
      throw new TekenError('ERR_CERT_REQUEST_STATE', 'The reset changed meanwhile; open the link again.');
    const at = new Date(ctx.now?.() ?? Date.now());
    await tx.insert(selfieChecks).values({
      id: checkId,
      requestId: state.request.id,
      accountId,
      institutionId: state.request.institutionId,
      selfieSealed: sealPersonal(ctx.master, 'selfie_checks.selfie', accountId, image.bytes),
      selfieType: image.type,
      status: result ? 'matched' : 'pending',
      score: result ? Math.round(result.score) : null,
      decidedBy: result ? 'face-match' : null,
      decidedAt: result ? at : null,
    });
    if (result)
      await tx
        .update(certificateRequests)
        .set({ status: 'approved', approvedBy: 'face-match', approvedAt: at, updatedAt: at })
        .where(
          and(eq(certificateRequests.id, state.request.id), eq(certificateRequests.status, 'submitted')),
        );
    await recordAuditEvent(tx, {
      actor: `account:${accountId}`,
      action: result ? 'passphrase_reset.selfie_matched' : 'passphrase_reset.selfie_submitted',
      target: `certificate_request:${state.request.id}`,
      details: {
        checkId,
        type: image.type,
        width: image.width,
        height: image.height,
        ...(result ? { decidedBy: 'face-match', score: Math.round(result.score) } : {}),
      },
    });
    return { step: result ? ('passphrase' as const) : ('waiting' as const), checkId };
  });
}
