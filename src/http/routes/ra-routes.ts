/**
 * The RA desk (menu "RA", seed 003): the queue of registrations, "Tinjau Ulang" (Overview, Ubah
 * Akun, Jenis Permohonan, Riwayat Data, the selfie and KTP scan), approve (four-eyes where the
 * institution's policy says) and reject, and marking a phone number verified. The use cases are in
 * src/enrollment; every one checks the registration's institution and account (authorize.ts).
 * "Kirim tautan melalui email pengguna" is the admin link route (`/api/v1/admin/accounts/:id/links`).
 */
import { approveRegistration } from '../../enrollment/approve-registration.js';
import { correctRegistration } from '../../enrollment/correct-registration.js';
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import { listRegistrationHistory } from '../../enrollment/list-registration-history.js';
import {
  listRegistrations,
  registrationStatuses,
  type StatusFilter,
} from '../../enrollment/list-registrations.js';
import { markPhoneVerified } from '../../enrollment/mark-phone-verified.js';
import { readRegistrationPhoto, type RegistrationPhoto } from '../../enrollment/read-registration-photo.js';
import { readRegistration } from '../../enrollment/review-registration-read.js';
import { REJECT_REASON_MAX, rejectRegistration } from '../../enrollment/reject-registration.js';
import { setRegistrationProducts } from '../../enrollment/set-registration-products.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { addSchemas } from '../account-schemas.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  boolean,
  multilineText,
  nullableString,
  nullableTimestamp,
  nullableUuid,
  object,
  responses,
  stringEnum,
  strictObject,
  text,
  timestamp,
  uuid,
  uuidParams,
  queueFilterQuery,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface RaRoutesOptions {
  identity: IdentityContext;
  enrollment: EnrollmentContext;
}

const statusEnum = stringEnum(registrationStatuses);
const nullableText = (max: number) => ({ ...text(max), type: ['string', 'null'] }) as const;
const historyValue = {
  anyOf: [{ type: 'string' }, arrayOf({ type: 'string' }), { type: 'null' }],
} as const;

const listItem = strictObject(
  {
    accountId: uuid(),
    institutionId: uuid(),
    institutionName: { type: 'string' },
    fullName: { type: 'string' },
    email: { type: 'string' },
    status: statusEnum,
    source: { type: 'string' },
    submittedAt: nullableTimestamp,
    createdAt: timestamp,
    firstApprovedBy: nullableUuid,
  },
  { $id: 'RegistrationListItem', title: 'RegistrationListItem' },
);

const overview = strictObject(
  {
    accountId: uuid(),
    username: { type: 'string' },
    status: statusEnum,
    source: { type: 'string' },
    submittedAt: nullableTimestamp,
    updatedAt: timestamp,
    personal: strictObject({
      fullName: { type: 'string' },
      nik: nullableString,
      gelarDepan: nullableString,
      gelarBelakang: nullableString,
      email: { type: 'string' },
      phone: nullableString,
      phoneVerifiedAt: nullableTimestamp,
      phoneVerifiedBy: { type: ['string', 'null'], enum: ['whatsapp', 'ra', null] },
    }),
    employment: strictObject({
      employeeType: { type: ['string', 'null'], enum: ['asn', 'other', null] },
      nip: nullableString,
      nipVerifiedBy: { type: ['string', 'null'], enum: ['bkn', 'manual', null] },
      jabatan: nullableString,
      organisasi: { type: 'string' },
      institutionId: uuid(),
      unitOrganisasi: nullableString,
      province: nullableString,
    }),
    certificate: strictObject({
      products: arrayOf({ type: 'string' }),
      certificates: arrayOf({ type: 'object' }, 0),
    }),
    accountStatus: strictObject({
      userType: stringEnum(['ADMIN', 'USER']),
      accountStatus: { type: 'string' },
      verificationStatus: statusEnum,
    }),
    consents: arrayOf(
      strictObject({
        document: stringEnum(['privacy_policy', 'subscriber_agreement', 'data_processing']),
        version: { type: 'string' },
        acceptedAt: { type: 'string' },
      }),
    ),
    photos: strictObject({ selfie: boolean, ktp: boolean }),
    decision: strictObject({
      fourEyes: boolean,
      firstApprovedBy: nullableUuid,
      firstApprovedAt: nullableTimestamp,
      verifiedBy: nullableUuid,
      verifiedAt: nullableTimestamp,
      rejectedBy: nullableUuid,
      rejectedAt: nullableTimestamp,
      rejectReason: nullableString,
    }),
    permissions: strictObject({
      review: boolean,
      correctNik: boolean,
      photo: boolean,
      sendLink: boolean,
      decide: boolean,
    }),
  },
  { $id: 'RegistrationOverview', title: 'RegistrationOverview' },
);

const decided = strictObject({ status: statusEnum }, { title: 'RegistrationDecision' });

interface ListQuery {
  institutionId?: string;
  status?: StatusFilter;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export const raRoutes = routeGroup<RaRoutesOptions>((app, { identity, enrollment }) => {
  useSessionAuth(app, identity);
  addSchemas(app, listItem, overview);

  app.get<{ Querystring: ListQuery }>(
    '/api/v1/ra/registrations',
    {
      config: { access: { action: 'registration.list' } },
      schema: {
        summary: 'The RA queue: registrations of the caller’s institution (a CA admin: any), oldest first.',
        querystring: object({
          institutionId: uuid('Only this institution (a CA admin; others: their own).'),
          status: stringEnum(['waiting', 'all', ...registrationStatuses]),
          ...queueFilterQuery(),
        }),
        response: responses({
          200: strictObject(
            {
              total: { type: 'integer', minimum: 0 },
              registrations: arrayOf({ $ref: 'RegistrationListItem#' }),
            },
            { title: 'RegistrationList' },
          ),
        }),
      },
    },
    async (request) =>
      listRegistrations(enrollment.db, enrollment.master, authOf(request).account, request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/ra/registrations/:id',
    {
      config: { access: { action: 'registration.read' } },
      schema: {
        summary: 'Tinjau Ulang → Overview of one registration (the read of its personal data is audited).',
        params: uuidParams,
        response: responses({ 200: { $ref: 'RegistrationOverview#' } }),
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return readRegistration(enrollment, authOf(request).account, request.params.id);
    },
  );

  for (const photo of ['selfie', 'ktp'] as const satisfies readonly RegistrationPhoto[])
    app.get<{ Params: { id: string } }>(
      `/api/v1/ra/registrations/:id/photos/${photo}`,
      {
        config: { access: { action: 'registration.photo' } },
        schema: {
          summary: `The ${photo === 'selfie' ? 'selfie (Foto Diri)' : 'KTP scan'} of a registration; every view is audited.`,
          params: uuidParams,
          response: responses({
            200: { description: 'The image (JPEG or PNG).', content: { 'image/*': { schema: {} } } },
          }),
        },
      },
      async (request, reply) => {
        const { bytes, type } = await readRegistrationPhoto(
          enrollment,
          authOf(request).account,
          request.params.id,
          photo,
        );
        return reply
          .header('cache-control', 'no-store')
          .header('content-type', type)
          .header('content-disposition', 'inline')
          .send(bytes);
      },
    );

  app.get<{ Params: { id: string } }>(
    '/api/v1/ra/registrations/:id/history',
    {
      config: { access: { action: 'registration.read' } },
      schema: {
        summary: 'Riwayat Data: every change with its old and new value, who and when (the read is audited).',
        params: uuidParams,
        response: responses({
          200: strictObject(
            {
              history: arrayOf(
                strictObject(
                  {
                    id: uuid(),
                    field: { type: 'string' },
                    old: historyValue,
                    new: historyValue,
                    changedBy: { type: 'string' },
                    changedByName: nullableString,
                    cause: { type: 'string' },
                    at: timestamp,
                  },
                  { title: 'RegistrationHistoryEntry' },
                ),
              ),
            },
            { title: 'RegistrationHistory' },
          ),
        }),
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return listRegistrationHistory(enrollment, authOf(request).account, request.params.id);
    },
  );

  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/v1/ra/registrations/:id',
    {
      config: { access: { action: 'registration.review' } },
      schema: {
        summary:
          'Ubah Akun: corrects data fields (the NIK by an RA officer only); each change is in Riwayat Data.',
        params: uuidParams,
        body: object({
          fullName: text(200, { minLength: 1 }),
          gelarDepan: nullableText(50),
          gelarBelakang: nullableText(50),
          nik: { type: 'string', pattern: '^[0-9]{16}$' },
          nip: { type: ['string', 'null'], pattern: '^[0-9]{18}$' },
          phone: text(20, { minLength: 1 }),
          jabatan: nullableText(200),
          unitOrganisasi: nullableText(300),
          province: nullableText(100),
        }),
        response: responses({
          200: strictObject({ changed: arrayOf({ type: 'string' }) }, { title: 'RegistrationCorrected' }),
        }),
      },
    },
    async (request) =>
      correctRegistration(enrollment, authOf(request).account, request.params.id, request.body),
  );

  app.put<{ Params: { id: string }; Body: { products: string[] } }>(
    '/api/v1/ra/registrations/:id/products',
    {
      config: { access: { action: 'registration.review' } },
      schema: {
        summary: 'Jenis Permohonan: the products this user may request (esign, eseal).',
        params: uuidParams,
        body: object({ products: arrayOf(stringEnum(['esign', 'eseal', 'ssl']), 3) }, ['products']),
        response: responses({
          200: strictObject({ products: arrayOf({ type: 'string' }) }, { title: 'RegistrationProducts' }),
        }),
      },
    },
    async (request) =>
      setRegistrationProducts(enrollment, authOf(request).account, request.params.id, request.body.products),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/ra/registrations/:id/phone-verified',
    {
      config: { access: { action: 'registration.review' } },
      schema: {
        summary: 'Marks the phone number verified by this RA officer ("Terverifikasi").',
        params: uuidParams,
        response: responses({
          200: strictObject({ phoneVerifiedAt: timestamp }, { title: 'PhoneMarkedVerified' }),
        }),
      },
    },
    async (request) => markPhoneVerified(enrollment, authOf(request).account, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/ra/registrations/:id/approve',
    {
      config: { access: { action: 'registration.review' } },
      schema: {
        summary:
          'Approves: verified, or under four-eyes first_approval until a second officer confirms. Sends "[BSrE] Informasi Akun".',
        params: uuidParams,
        response: responses({ 200: decided }),
      },
    },
    async (request) => approveRegistration(enrollment, authOf(request).account, request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/v1/ra/registrations/:id/reject',
    {
      config: { access: { action: 'registration.review' } },
      schema: {
        summary: 'Rejects with a reason the user is told by e-mail.',
        params: uuidParams,
        body: object({ reason: multilineText(REJECT_REASON_MAX, { minLength: 3 }) }, ['reason']),
        response: responses({ 200: decided }),
      },
    },
    async (request) =>
      rejectRegistration(enrollment, authOf(request).account, request.params.id, request.body.reason),
  );
});
