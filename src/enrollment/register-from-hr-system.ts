/**
 * BSrE's `POST /api/v2/user/registration` (and `/api/v2/user/register`): an institution's HR system
 * starts the registration of one of its people, `{nama, email}`, under its API client's
 * credentials. The institution is the client's own; the audit actor is `api-client:<id>`. Calling
 * again for a registration still open re-sends the link (the old one ends), within the per-address
 * link e-mail quota.
 */
import type { ApiClientRow } from './api-client-records.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { takeLinkEmailQuota } from './link-email-quota.js';
import { startRegistrationOnce } from './start-registration-once.js';
import { validEmail, validFullName, type StartedRegistration } from './start-registration.js';

export async function registerFromHrSystem(
  ctx: EnrollmentContext,
  client: ApiClientRow,
  body: { nama?: unknown; email?: unknown },
): Promise<StartedRegistration & { email: string }> {
  validFullName(body.nama);
  const email = validEmail(body.email);
  await takeLinkEmailQuota(ctx, email);
  const started = await startRegistrationOnce(ctx, {
    institutionId: client.institutionId,
    fullName: body.nama,
    email,
    source: 'hr_api',
    invitedBy: `api-client:${client.id}`,
  });
  return { ...started, email };
}
