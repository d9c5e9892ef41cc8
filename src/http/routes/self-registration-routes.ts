/**
 * Self-registration (`/daftar`, seed 002): the institutions open for it, and the request that
 * starts a registration. Public; the answer to a request is the same whether the e-mail is new,
 * has an open registration or belongs to an account (self-register.ts).
 */
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import { listSelfRegistrationInstitutions } from '../../enrollment/list-self-registration-institutions.js';
import { selfRegister } from '../../enrollment/self-register.js';
import { arrayOf, object, responses, stringEnum, strictObject, text, uuid } from '../schemas.js';
import { routeGroup } from '../route-group.js';
import { assertSameOrigin } from '../session-auth.js';

export interface SelfRegistrationRoutesOptions {
  enrollment: EnrollmentContext;
}

export const SELF_REGISTRATION_ANSWER =
  'Periksa email Anda: jika pendaftaran dapat dilanjutkan, tautan aktivasi telah dikirim. / ' +
  'Check your e-mail: if the registration can go ahead, an activation link is on its way.';

export const selfRegistrationRoutes = routeGroup<SelfRegistrationRoutesOptions>(
  (app, { enrollment: ctx }) => {
    app.get(
      '/api/v1/self-registration/institutions',
      {
        config: { access: 'public' },
        schema: {
          summary: 'The active institutions that take self-registration, with their e-mail domains.',
          response: responses({
            200: strictObject(
              {
                institutions: arrayOf(
                  strictObject(
                    { id: uuid(), name: { type: 'string' }, emailDomains: arrayOf({ type: 'string' }) },
                    { title: 'SelfRegistrationInstitution' },
                  ),
                ),
              },
              { title: 'SelfRegistrationInstitutionList' },
            ),
          }),
        },
      },
      async () => ({ institutions: await listSelfRegistrationInstitutions(ctx.db) }),
    );

    app.post<{ Body: { institutionId: string; fullName: string; email: string; locale?: 'id' | 'en' } }>(
      '/api/v1/self-registration',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'Starts a registration at an institution open for it; the same answer whatever the e-mail.',
          body: object(
            {
              institutionId: uuid(),
              fullName: text(200, { minLength: 1, description: 'Nama Lengkap.' }),
              email: text(254, { minLength: 3 }),
              locale: stringEnum(['id', 'en'] as const),
            },
            ['institutionId', 'fullName', 'email'],
          ),
          response: responses({
            202: strictObject({ message: { type: 'string' } }, { title: 'SelfRegistrationAccepted' }),
          }),
        },
      },
      async (request, reply) => {
        assertSameOrigin(request);
        const outcome = await selfRegister(ctx, request.body, request.ip);
        request.log.info({ outcome }, 'self-registration');
        return reply.code(202).send({ message: SELF_REGISTRATION_ANSWER });
      },
    );
  },
);
