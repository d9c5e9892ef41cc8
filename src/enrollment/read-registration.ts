/** `GET /api/v1/registration`: the wizard's state and the person's own data (the first call opens it). */
import type { EnrollmentContext } from './enrollment-context.js';
import { registrationView, withWizard, type RegistrationView } from './wizard-registration.js';

export async function readRegistration(
  ctx: EnrollmentContext,
  token: string,
  address: string | undefined,
  registryEnabled: boolean,
): Promise<RegistrationView> {
  return withWizard(ctx, token, address, (_tx, wizard) => registrationView(ctx, wizard, registryEnabled));
}
