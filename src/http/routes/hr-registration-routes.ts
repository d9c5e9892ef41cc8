/**
 * BSrE's registration API for HR systems (../shared/BSRE-API.md): `POST /api/v2/user/registration`
 * and its alias `POST /api/v2/user/register`, `{nama, email}`, HTTP Basic with the institution's API
 * client (api-client-auth.ts: errors in BSrE's `{status: false, error, message, code}`). BSrE gives
 * no success body for it; following its conventions (HTTP 200, no `error` key, `status` read by
 * clients) the answer is `{status: true, message, data: {accountId, email, resent, expiresAt}}`
 * (docs/api-clients.md).
 */
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import { registerFromHrSystem } from '../../enrollment/register-from-hr-system.js';
import { TekenError } from '../../errors/teken-error.js';
import { apiCallerOf, apiClientResponses, useApiClientAuth } from '../api-client-auth.js';
import { routeGroup } from '../route-group.js';
import { strictObject, text, timestamp, uuid } from '../schemas.js';

export interface HrRegistrationRoutesOptions {
  enrollment: EnrollmentContext;
}

export const hrRegistrationPaths = ['/api/v2/user/registration', '/api/v2/user/register'] as const;

const body = {
  type: 'object',
  // Clients send more than BSrE documents (a NIK, a phone): accepted and ignored.
  additionalProperties: true,
  required: ['nama', 'email'],
  properties: {
    nama: text(200, { minLength: 1, description: 'Nama lengkap.' }),
    email: text(254, { minLength: 3 }),
  },
} as const;

const success = strictObject(
  {
    status: { type: 'boolean', enum: [true] },
    message: { type: 'string' },
    data: strictObject({
      accountId: uuid(),
      email: { type: 'string' },
      resent: { type: 'boolean' },
      expiresAt: timestamp,
    }),
  },
  { title: 'HrRegistrationStarted' },
);

/** The body's text fields: ajv would coerce a number or a one-element array into a string. */
const textFields = ['nama', 'email'] as const;

export const hrRegistrationRoutes = routeGroup<HrRegistrationRoutesOptions>((app, { enrollment: ctx }) => {
  useApiClientAuth(app, ctx.identity);
  // The app's ajv coerces types (Fastify's default, which the query strings need); here a `nama` of
  // 123 or ["Budi"] is refused before it could be coerced, in BSrE's error body like any other.
  app.addHook('preValidation', (request, _reply, done) => {
    const given = request.body;
    const field =
      typeof given === 'object' && given !== null && !Array.isArray(given)
        ? textFields.find((f) => f in given && typeof (given as Record<string, unknown>)[f] !== 'string')
        : undefined;
    if (field === undefined) return done();
    done(
      new TekenError('ERR_INPUT_INVALID', `body/${field} must be text (a JSON string).`, {
        details: { field },
      }),
    );
  });
  for (const path of hrRegistrationPaths)
    app.post<{ Body: { nama: string; email: string } }>(
      path,
      {
        config: { access: 'api-client' },
        schema: {
          summary:
            "Starts a registration at the API client's institution; the person receives the activation link.",
          body,
          response: apiClientResponses({ 200: success }),
        },
      },
      async (request) => {
        const started = await registerFromHrSystem(ctx, apiCallerOf(request), request.body);
        return {
          status: true,
          message: started.resent
            ? 'Registrasi sudah ada, tautan aktivasi baru telah dikirim ke email'
            : 'Registrasi berhasil, tautan aktivasi telah dikirim ke email',
          data: {
            accountId: started.accountId,
            email: started.email,
            resent: started.resent,
            expiresAt: started.expiresAt.toISOString(),
          },
        };
      },
    );
});
