/**
 * Starting a registration from the console ("Undang Pengguna"): invite one person, and re-send the
 * activation link of a registration still open. RA officers and institution admins of the
 * institution, CA admins of any (authorize.ts `registration.invite`).
 */
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import { inviteRegistrant } from '../../enrollment/invite-registrant.js';
import { resendActivation } from '../../enrollment/resend-activation.js';
import type { StartedRegistration } from '../../enrollment/start-registration.js';
import { object, responses, stringEnum, strictObject, text, timestamp, uuid } from '../schemas.js';
import { routeGroup } from '../route-group.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface RegistrationRoutesOptions {
  enrollment: EnrollmentContext;
}

export const startedRegistrationSchema = strictObject(
  {
    accountId: uuid(),
    resent: { type: 'boolean', description: 'An open registration got a fresh link (the old one ends).' },
    expiresAt: timestamp,
  },
  { title: 'StartedRegistration' },
);

const view = (started: StartedRegistration) => ({
  accountId: started.accountId,
  resent: started.resent,
  expiresAt: started.expiresAt.toISOString(),
});

const invite = { access: { action: 'registration.invite' } } as const;

export const registrationRoutes = routeGroup<RegistrationRoutesOptions>((app, { enrollment: ctx }) => {
  useSessionAuth(app, ctx.identity);

  app.post<{ Body: { institutionId: string; fullName: string; email: string; locale?: 'id' | 'en' } }>(
    '/api/v1/registrations',
    {
      config: invite,
      schema: {
        summary:
          'Invites one person: a pending account, its registration and the "[BSrE] Aktivasi Akun" e-mail.',
        body: object(
          {
            institutionId: uuid(),
            fullName: text(200, { minLength: 1, description: 'Nama Lengkap.' }),
            email: text(254, { minLength: 3 }),
            locale: stringEnum(['id', 'en'] as const),
          },
          ['institutionId', 'fullName', 'email'],
        ),
        response: responses({ 201: startedRegistrationSchema }),
      },
    },
    async (request, reply) => {
      const started = await inviteRegistrant(ctx, authOf(request).account, request.body);
      return reply.code(201).send(view(started));
    },
  );

  app.post<{ Params: { accountId: string } }>(
    '/api/v1/registrations/:accountId/resend-activation',
    {
      config: invite,
      schema: {
        summary: 'Sends a new activation link for an invited or in-progress registration; the old link ends.',
        params: object({ accountId: uuid() }, ['accountId']),
        response: responses({ 200: startedRegistrationSchema }),
      },
    },
    async (request) => view(await resendActivation(ctx, authOf(request).account, request.params.accountId)),
  );
});
