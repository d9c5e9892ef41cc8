/**
 * Step 3, Foto Diri: the selfie ("Ambil foto" … "Simpan") or the optional KTP scan. The link is
 * checked first (so unknown tokens cannot make the server decode images), then the image is
 * checked and re-encoded without metadata (images.ts), sealed and stored.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { processImage, type ImageKind, type ImageLimits } from './images.js';
import { seal, updateRegistration, withWizard } from './wizard-registration.js';

export interface SavedPhoto {
  ok: true;
  width: number;
  height: number;
}

export async function savePhoto(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  kind: ImageKind,
  body: Buffer,
  limits: ImageLimits,
): Promise<SavedPhoto> {
  await withWizard(ctx, token, address, () => undefined);
  const image = await processImage(body, kind, limits);
  return withWizard(ctx, token, address, async (tx, wizard) => {
    const accountId = wizard.account.id;
    const sealed = seal(ctx, `registrations.${kind}`, accountId, image.bytes);
    await updateRegistration(
      tx,
      accountId,
      kind === 'selfie'
        ? { selfieSealed: sealed, selfieType: image.type }
        : { ktpSealed: sealed, ktpType: image.type },
    );
    await recordAuditEvent(tx, {
      actor: wizard.actor,
      action: 'registration.photo_saved',
      target: `account:${accountId}`,
      details: {
        kind,
        type: image.type,
        width: image.width,
        height: image.height,
        bytes: image.bytes.length,
      },
    });
    return { ok: true, width: image.width, height: image.height };
  });
}
