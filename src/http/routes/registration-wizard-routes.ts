/**
 * The registration wizard (seed 002: Data Diri, Data Kedinasan, Foto Diri, then Submit), for the
 * person holding the activation link (access `activation`, `Authorization: Bearer <token>`), and
 * the public consent documents. docs/enrollment.md describes the steps and their checks.
 */
import type { FastifyReply } from 'fastify';
import { acceptConsents } from '../../enrollment/accept-consents.js';
import type { PersonnelRegistry } from '../../enrollment/adapters/personnel-registry.js';
import { checkNip } from '../../enrollment/check-nip.js';
import { consentDocuments } from '../../enrollment/consents.js';
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import type { ImageKind, ImageLimits } from '../../enrollment/images.js';
import { readPhoto } from '../../enrollment/read-photo.js';
import { readRegistration } from '../../enrollment/read-registration.js';
import { saveDataDiri, type DataDiriInput } from '../../enrollment/save-data-diri.js';
import { saveDataKedinasan, type DataKedinasanInput } from '../../enrollment/save-data-kedinasan.js';
import { savePhoto } from '../../enrollment/save-photo.js';
import { submitRegistration } from '../../enrollment/submit-registration.js';
import { TekenError } from '../../errors/teken-error.js';
import { activationTokenOf, useActivationAuth } from '../activation-auth.js';
import {
  arrayOf,
  boolean,
  integer,
  nullableString,
  object,
  responses,
  stringEnum,
  strictObject,
  text,
  timestamp,
} from '../schemas.js';
import { routeGroup } from '../route-group.js';

export interface RegistrationWizardRoutesOptions {
  ctx: EnrollmentContext;
  /** The personnel registry adapter, or null when none is configured (the default). */
  registry: PersonnelRegistry | null;
  photoLimits: ImageLimits;
}

const documentId = stringEnum(['privacy_policy', 'subscriber_agreement', 'data_processing'] as const);
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: ['string', 'null'] });

const policySchema = strictObject({
  selfRegistration: boolean,
  nipCheckRequired: boolean,
  fourEyes: boolean,
  nameWithoutTitles: boolean,
  nameMaxLength: { type: 'integer' },
  jabatanForbiddenCharacters: { type: 'string' },
  jabatanMaxLength: { type: 'integer' },
  unitUnabbreviated: boolean,
  unitMaxLength: { type: 'integer' },
});

const consentRecord = strictObject({
  document: documentId,
  version: { type: 'string' },
  acceptedAt: timestamp,
});

const registrationSchema = strictObject(
  {
    status: stringEnum(['invited', 'in_progress'] as const),
    step: integer(1, 3),
    email: { type: 'string' },
    fullName: { type: 'string' },
    institution: strictObject({ name: { type: 'string' }, rules: policySchema }),
    dataDiri: strictObject({
      fullName: { type: 'string' },
      nik: nullableString,
      gelarDepan: nullableString,
      gelarBelakang: nullableString,
      phone: { ...nullableString, description: 'E.164 (+62…).' },
      phoneVerified: boolean,
      phoneVerificationRequired: {
        ...boolean,
        description:
          'Whether Submit needs the number verified by a WhatsApp code (the WhatsApp channel is configured here); otherwise the RA officer verifies it.',
      },
    }),
    dataKedinasan: strictObject({
      employeeType: { type: ['string', 'null'], enum: ['asn', 'other', null] },
      nip: nullableString,
      nipVerifiedBy: { type: ['string', 'null'], enum: ['bkn', 'manual', null] },
      unitOrganisasi: nullableString,
      jabatan: nullableString,
      province: nullableString,
    }),
    photo: strictObject({ selfie: boolean, ktp: boolean }),
    consents: arrayOf(consentRecord),
    consentDocuments: arrayOf(
      strictObject({ document: documentId, version: { type: 'string' }, title: { type: 'string' } }),
    ),
    registryEnabled: boolean,
    linkExpiresAt: timestamp,
  },
  { $id: 'Registration', title: 'Registration' },
);

const one = responses({ 200: { $ref: 'Registration#' } });
const activation = { access: 'activation' as const };

const photoKinds: readonly ImageKind[] = ['selfie', 'ktp'];

export const registrationWizardRoutes = routeGroup<RegistrationWizardRoutesOptions>(
  (app, { ctx, registry, photoLimits }) => {
    useActivationAuth(app);
    app.addSchema(registrationSchema);
    const registryEnabled = registry !== null;
    // Raw image bodies for the photo routes only; every other route of the group takes JSON.
    app.addContentTypeParser(
      ['image/jpeg', 'image/png'],
      { parseAs: 'buffer', bodyLimit: photoLimits.maxBytes },
      (_request, body, done) => done(null, body),
    );

    app.get<{ Querystring: { locale?: 'id' | 'en' } }>(
      '/api/v1/consents',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'The consent documents of the registration wizard, current versions (templates an operator replaces).',
          querystring: object({ locale: stringEnum(['id', 'en'] as const) }),
          response: responses({
            200: strictObject(
              {
                documents: arrayOf(
                  strictObject({
                    document: documentId,
                    version: { type: 'string' },
                    title: { type: 'string' },
                    text: { type: 'string', description: 'Markdown.' },
                  }),
                ),
              },
              { title: 'ConsentDocuments' },
            ),
          }),
        },
      },
      async (request, reply) => {
        const locale = request.query.locale ?? 'id';
        void reply.header('cache-control', 'public, max-age=300');
        return {
          documents: consentDocuments().map((d) => ({
            document: d.document,
            version: d.version,
            title: d.title[locale],
            text: d.text[locale],
          })),
        };
      },
    );

    app.get(
      '/api/v1/registration',
      {
        config: activation,
        schema: {
          summary: 'The wizard: its status, step and the data given so far (opens it on first use).',
          response: one,
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return readRegistration(ctx, activationTokenOf(request), request.ip, registryEnabled);
      },
    );

    app.put<{ Body: DataDiriInput }>(
      '/api/v1/registration/data-diri',
      {
        config: activation,
        schema: {
          summary: 'Step 1, Data Diri (the e-mail is given and not editable).',
          body: object(
            {
              fullName: text(300),
              nik: text(40, { description: '16 digits, as on the KTP.' }),
              gelarDepan: nullable(text(100)),
              gelarBelakang: nullable(text(100)),
              phone: text(40, { description: 'Masukkan 10–15 digit angka. Contoh: 08123456789' }),
            },
            ['fullName', 'nik', 'phone'],
          ),
          response: one,
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return saveDataDiri(ctx, activationTokenOf(request), request.ip, request.body, registryEnabled);
      },
    );

    app.post<{ Body: { nip: string } }>(
      '/api/v1/registration/check-nip',
      {
        config: activation,
        schema: {
          summary: '"Cek NIP / NRP": the format, the NIK, and the personnel registry (BKN) when configured.',
          body: object({ nip: text(40) }, ['nip']),
          response: responses({
            200: object(
              {
                verifiedBy: { type: ['string', 'null'], enum: ['bkn', null] },
                unitOrganisasi: { type: 'string' },
                jabatan: { type: 'string' },
                province: { type: 'string' },
                message: { type: 'string' },
              },
              ['verifiedBy', 'message'],
              { title: 'NipCheck' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return checkNip(ctx, activationTokenOf(request), request.ip, request.body, registry);
      },
    );

    app.put<{ Body: DataKedinasanInput }>(
      '/api/v1/registration/data-kedinasan',
      {
        config: activation,
        schema: {
          summary: 'Step 2, Data Kedinasan ("asn": ASN dan Penyidik POLRI with the NIP; "other": Lainnya).',
          body: object(
            {
              employeeType: stringEnum(['asn', 'other'] as const),
              nip: nullable(text(40)),
              unitOrganisasi: text(400),
              jabatan: text(300),
              province: text(100),
            },
            ['employeeType', 'unitOrganisasi', 'jabatan', 'province'],
          ),
          response: one,
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return saveDataKedinasan(ctx, activationTokenOf(request), request.ip, request.body, registryEnabled);
      },
    );

    for (const kind of photoKinds) {
      app.put<{ Body: Buffer }>(
        `/api/v1/registration/photo/${kind}`,
        {
          config: activation,
          bodyLimit: photoLimits.maxBytes,
          schema: {
            summary:
              kind === 'selfie'
                ? 'Step 3, the selfie: the raw JPEG or PNG bytes (Content-Type image/jpeg or image/png), re-encoded without metadata.'
                : 'The optional KTP scan: the raw JPEG or PNG bytes, re-encoded without metadata.',
            response: responses({
              200: strictObject(
                {
                  ok: { type: 'boolean', const: true },
                  width: { type: 'integer' },
                  height: { type: 'integer' },
                },
                { title: 'SavedPhoto' },
              ),
            }),
          },
        },
        async (request, reply) => {
          void reply.header('cache-control', 'no-store');
          const body: unknown = request.body;
          if (!Buffer.isBuffer(body))
            throw new TekenError(
              'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE',
              `${kind}: send the image itself with Content-Type image/jpeg or image/png.`,
              { details: { field: kind, rule: 'type' } },
            );
          return savePhoto(ctx, activationTokenOf(request), request.ip, kind, body, photoLimits);
        },
      );

      app.get(
        `/api/v1/registration/photo/${kind}`,
        {
          config: activation,
          schema: {
            summary: `The person's own ${kind === 'selfie' ? 'selfie' : 'KTP scan'} for the preview (image/jpeg or image/png, no-store).`,
            response: responses({ 200: { description: 'The stored image (JPEG or PNG).' } }),
          },
        },
        async (request, reply: FastifyReply) => {
          const photo = await readPhoto(ctx, activationTokenOf(request), request.ip, kind);
          return reply
            .header('cache-control', 'no-store')
            .header('content-disposition', 'inline')
            .type(photo.type)
            .send(photo.bytes);
        },
      );
    }

    app.put<{ Body: { accepted: { document: string; version: string }[] } }>(
      '/api/v1/registration/consents',
      {
        config: activation,
        schema: {
          summary: 'Accepts consent documents, each in its current version (recorded with the time).',
          body: object(
            {
              accepted: {
                ...arrayOf(
                  object({ document: documentId, version: text(40, { minLength: 1 }) }, [
                    'document',
                    'version',
                  ]),
                  3,
                ),
                minItems: 1,
              },
            },
            ['accepted'],
          ),
          response: one,
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return acceptConsents(ctx, activationTokenOf(request), request.ip, request.body, registryEnabled);
      },
    );

    app.post(
      '/api/v1/registration/submit',
      {
        config: activation,
        schema: {
          summary:
            'Submits the registration ("Aktivasi berhasil") after every check again; the link is then closed.',
          response: responses({
            200: strictObject(
              { status: stringEnum(['submitted'] as const) },
              { title: 'RegistrationSubmitted' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return submitRegistration(ctx, activationTokenOf(request), request.ip, registry);
      },
    );
  },
);
