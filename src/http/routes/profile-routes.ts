/**
 * Pengaturan → Profil for the signed-in account (seed 003): the own profile, "Cek ketersediaan
 * email", "Ubah Profil" requests (make, list, cancel) and the public confirmation of a new e-mail
 * address from the "[BSrE] Konfirmasi Email" link (its token is the credential, through the guard).
 */
import { cancelChangeRequest } from '../../enrollment/cancel-change-request.js';
import { checkEmailAvailability } from '../../enrollment/check-email-availability.js';
import { confirmChangeEmail } from '../../enrollment/confirm-change-email.js';
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import { listOwnChangeRequests } from '../../enrollment/list-own-change-requests.js';
import { GELAR_MAX, profileFields } from '../../enrollment/profile-rules.js';
import { readOwnProfile } from '../../enrollment/read-own-profile.js';
import { requestProfileChange } from '../../enrollment/request-profile-change.js';
import { addSchemas } from '../account-schemas.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  boolean,
  nullableString,
  nullableTimestamp,
  object,
  responses,
  strictObject,
  stringEnum,
  text,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface ProfileRoutesOptions {
  enrollment: EnrollmentContext;
}

/** A change request as its owner and the RA desk see it (each field: now and asked for). */
export const changeRequestSchema = strictObject(
  {
    id: uuid(),
    status: stringEnum(['pending', 'approved', 'rejected', 'cancelled'] as const),
    changes: arrayOf(
      strictObject({ field: stringEnum(profileFields), from: nullableString, to: nullableString }),
    ),
    emailChange: boolean,
    emailConfirmed: boolean,
    reason: nullableString,
    createdAt: timestamp,
    decidedAt: nullableTimestamp,
  },
  { $id: 'ChangeRequest', title: 'ChangeRequest' },
);

const profileSchema = strictObject(
  {
    username: { type: 'string' },
    fullName: { type: 'string' },
    email: { type: 'string' },
    gelarDepan: nullableString,
    gelarBelakang: nullableString,
    unitOrganisasi: nullableString,
    jabatan: nullableString,
    province: nullableString,
    institution: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['id', 'name'],
      properties: { id: uuid(), name: { type: 'string' } },
    },
    registrationStatus: nullableString,
    nik: { ...nullableString, description: 'Masked: the first four and the last two digits.' },
    nip: { ...nullableString, description: 'Masked: the first four and the last two digits.' },
    phone: { ...nullableString, description: 'Masked (+62 812-****-789).' },
    phoneVerified: boolean,
    employeeType: nullableString,
    canRequestChange: boolean,
    latestRequest: { anyOf: [{ $ref: 'ChangeRequest#' }, { type: 'null' }] },
  },
  { title: 'OwnProfile' },
);

const nullableText = (max: number) => ({ ...text(max), type: ['string', 'null'] }) as const;

const changeBody = object({
  fullName: text(200),
  gelarDepan: nullableText(GELAR_MAX),
  gelarBelakang: nullableText(GELAR_MAX),
  email: text(320),
  unitOrganisasi: text(300),
  jabatan: text(200),
  province: text(100),
});

export const profileRoutes = routeGroup<ProfileRoutesOptions>((app, { enrollment: ctx }) => {
  useSessionAuth(app, ctx.identity);
  addSchemas(app, changeRequestSchema);
  const one = responses({ 200: { $ref: 'ChangeRequest#' } });

  app.get(
    '/api/v1/profile',
    {
      config: { access: 'session' },
      schema: {
        summary: 'The own profile (NIK, NIP and phone masked) and the latest change request.',
        response: responses({ 200: profileSchema }),
      },
    },
    async (request) => readOwnProfile(ctx, authOf(request).account),
  );

  app.post<{ Body: { email: string } }>(
    '/api/v1/profile/email-availability',
    {
      config: { access: 'session' },
      schema: {
        summary: '"Cek ketersediaan email": whether a new address may be asked for (rate limited).',
        body: object({ email: text(320, { minLength: 1 }) }, ['email']),
        response: responses({
          200: strictObject(
            {
              email: { type: 'string' },
              available: boolean,
              reason: { type: ['string', 'null'], enum: ['current', 'taken', null] },
            },
            { title: 'EmailAvailability' },
          ),
        }),
      },
    },
    async (request) => checkEmailAvailability(ctx, authOf(request).account, request.body.email),
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/api/v1/profile/change-requests',
    {
      config: { access: 'session' },
      schema: {
        summary: '"Ubah Profil": asks an RA officer to change profile fields (one request at a time).',
        body: changeBody,
        response: responses({ 201: { $ref: 'ChangeRequest#' } }),
      },
    },
    async (request, reply) => {
      const created = await requestProfileChange(ctx, authOf(request).account, request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/profile/change-requests',
    {
      config: { access: 'session' },
      schema: {
        summary: 'The own change requests, newest first, with their status.',
        response: responses({ 200: strictObject({ requests: arrayOf({ $ref: 'ChangeRequest#' }) }) }),
      },
    },
    async (request) => ({ requests: await listOwnChangeRequests(ctx, authOf(request).account) }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/profile/change-requests/:id/cancel',
    {
      config: { access: 'session' },
      schema: { summary: 'Withdraws the own pending change request.', params: uuidParams, response: one },
    },
    async (request) => cancelChangeRequest(ctx, authOf(request).account, request.params.id),
  );

  app.post<{ Body: { token: string } }>(
    '/api/v1/profile/confirm-email',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Confirms the new e-mail address of a change request with the token of its link.',
        body: object({ token: text(128, { minLength: 1 }) }, ['token']),
        response: responses({
          200: strictObject({ confirmed: boolean, requestId: uuid() }, { title: 'EmailConfirmed' }),
        }),
      },
    },
    async (request) => confirmChangeEmail(ctx, request.body.token, request.ip),
  );
});
