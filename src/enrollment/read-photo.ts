/** The person's own selfie or KTP scan, for the wizard's preview (never cached). */
import { TekenError } from '../errors/teken-error.js';
import type { EnrollmentContext } from './enrollment-context.js';
import type { ImageKind, StoredImageType } from './images.js';
import { openPersonal } from './personal-data.js';
import { withWizard } from './wizard-registration.js';

export async function readPhoto(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  kind: ImageKind,
): Promise<{ type: StoredImageType; bytes: Buffer }> {
  return withWizard(ctx, token, address, (_tx, wizard) => {
    const r = wizard.registration;
    const sealed = kind === 'selfie' ? r.selfieSealed : r.ktpSealed;
    const type = (kind === 'selfie' ? r.selfieType : r.ktpType) as StoredImageType | null;
    if (!sealed || !type)
      throw new TekenError(
        'ERR_RESOURCE_NOT_FOUND',
        kind === 'selfie' ? 'No selfie has been saved yet.' : 'No KTP scan has been saved yet.',
      );
    return { type, bytes: openPersonal(ctx.master, `registrations.${kind}`, r.accountId, sealed) };
  });
}
