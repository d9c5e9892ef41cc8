/**
 * Reset passphrase (seed 001): the holder's start (`/api/v1/certificates/:id/reset-passphrase`),
 * the link's two steps (`/api/v1/reset-passphrase-link`, `/selfie`, `/set`; the token in
 * `Authorization: Bearer` or the JSON body, never in a URL) and the RA's "Pengecekan Foto Diri"
 * (`/api/v1/ra/selfie-checks`: the queue, both photos, Cocok / Tidak cocok). The use cases are in
 * src/certificates (start-passphrase-reset.ts, reset-passphrase.ts, submit-reset-selfie.ts,
 * list-selfie-checks.ts, decide-selfie-check.ts). One face-match adapter per app, so its circuit
 * breaker sees every call.
 */
import type { FastifyReply } from 'fastify';
import type { CertificatesContext } from '../../certificates/certificates-context.js';
import { decideSelfieCheck, SELFIE_REFUSE_REASON_MAX } from '../../certificates/decide-selfie-check.js';
import {
  listSelfieChecks,
  readSelfieCheckPhoto,
  type SelfieCheckQuery,
} from '../../certificates/list-selfie-checks.js';
import { passphraseRule } from '../../certificates/passphrase-policy.js';
import { products } from '../../certificates/products.js';
import { readResetPassphraseLink, resetPassphraseByLink } from '../../certificates/reset-passphrase.js';
import { subscriberAgreement } from '../../certificates/set-passphrase.js';
import { startPassphraseReset } from '../../certificates/start-passphrase-reset.js';
import { submitResetSelfie } from '../../certificates/submit-reset-selfie.js';
import { subjectText } from '../../certificates/certificate-subject.js';
import type { FaceMatcher } from '../../enrollment/adapters/face-match.js';
import type { ImageLimits } from '../../enrollment/images.js';
import { TekenError } from '../../errors/teken-error.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { linkToken } from '../link-token.js';
import { newPassphraseBody } from './certificate-request-routes.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  boolean,
  multilineText,
  nullableString,
  object,
  responses,
  strictObject,
  stringEnum,
  text,
  timestamp,
  uuid,
  uuidParams,
  queueFilterQuery,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface PassphraseResetRoutesOptions {
  identity: IdentityContext;
  certificates: CertificatesContext;
  faceMatcher: FaceMatcher | null;
  photoLimits: ImageLimits;
}

const steps = ['selfie', 'waiting', 'passphrase', 'refused'] as const;
const checkStatuses = ['pending', 'matched', 'refused'] as const;
const locale = stringEnum(['id', 'en'] as const);

export const passphraseResetRoutes = routeGroup<PassphraseResetRoutesOptions>(
  (app, { identity, certificates: ctx, faceMatcher, photoLimits }) => {
    useSessionAuth(app, identity);
    // Raw image bodies for the selfie only; every other route of the group takes JSON.
    app.addContentTypeParser(
      ['image/jpeg', 'image/png'],
      { parseAs: 'buffer', bodyLimit: photoLimits.maxBytes },
      (_request, body, done) => done(null, body),
    );

    app.post<{ Params: { id: string } }>(
      '/api/v1/certificates/:id/reset-passphrase',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'Reset passphrase of one’s own certificate: sends the link (WhatsApp where configured, which needs a verified number — ERR_PHONE_NOT_VERIFIED — else e-mail). A new key and certificate will replace this one.',
          params: uuidParams,
          response: responses({
            201: strictObject(
              {
                requestId: uuid(),
                channel: stringEnum(['whatsapp', 'email'] as const),
                sentTo: { type: 'string' },
                expiresAt: timestamp,
              },
              { title: 'PassphraseResetStarted' },
            ),
          }),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await startPassphraseReset(ctx, authOf(request).account, request.params.id)),
    );

    app.post<{ Body: { token?: string; locale?: 'id' | 'en' } }>(
      '/api/v1/reset-passphrase-link',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'What a Reset Passphrase link is about and its step (selfie, waiting for the RA, passphrase, refused), with the agreement and the passphrase rule; the link stays unused.',
          body: object({ token: text(200), locale }),
          response: responses({
            200: strictObject(
              {
                step: stringEnum(steps),
                requestId: uuid(),
                product: { type: 'string' },
                productLabel: { type: 'string' },
                subject: { type: 'string' },
                serial: { type: 'string' },
                refuseReason: nullableString,
                agreement: strictObject({
                  version: { type: 'string' },
                  title: { type: 'string' },
                  text: { type: 'string' },
                }),
                rule: strictObject({
                  minLength: { type: 'integer' },
                  maxLength: { type: 'integer' },
                  text: { type: 'string' },
                }),
              },
              { title: 'ResetPassphraseLink' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const state = await readResetPassphraseLink(ctx, linkToken(request), { ip: request.ip });
        const lang = request.body?.locale ?? state.account.locale;
        const agreement = subscriberAgreement();
        return {
          step: state.step,
          requestId: state.request.id,
          product: state.request.product,
          productLabel: products[state.request.product].label[lang],
          subject: subjectText(state.request.subject),
          serial: state.certificate.serial ?? '',
          refuseReason: state.refuseReason,
          agreement: { version: agreement.version, title: agreement.title[lang], text: agreement.text[lang] },
          rule: {
            minLength: passphraseRule.minLength,
            maxLength: passphraseRule.maxLength,
            text: passphraseRule[lang],
          },
        };
      },
    );

    app.put<{ Body: Buffer }>(
      '/api/v1/reset-passphrase-link/selfie',
      {
        config: { access: 'public' },
        bodyLimit: photoLimits.maxBytes,
        schema: {
          summary:
            'Step 1, Pengecekan Foto Diri: the selfie’s raw JPEG or PNG bytes (Content-Type image/jpeg or image/png; the token in Authorization: Bearer). Compared by the face-match adapter where configured, else queued for the RA.',
          response: responses({
            200: strictObject(
              { step: stringEnum(['passphrase', 'waiting'] as const), checkId: uuid() },
              { title: 'ResetSelfieSubmitted' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const token = linkToken(request);
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body))
          throw new TekenError(
            'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE',
            'selfie: send the image itself with Content-Type image/jpeg or image/png.',
            { details: { field: 'selfie', rule: 'type' } },
          );
        return submitResetSelfie(ctx, faceMatcher, token, body, photoLimits, { ip: request.ip });
      },
    );

    app.post<{
      Body: { token?: string; passphrase: string; confirmation: string; agreementVersion: string };
    }>(
      '/api/v1/reset-passphrase-link/set',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'Step 2, Buat Passphrase: a new key and certificate replace the old one, which is revoked as superseded.',
          body: newPassphraseBody,
          response: responses({
            201: strictObject(
              { id: uuid(), replaces: uuid(), serial: { type: 'string' }, notAfter: timestamp },
              { title: 'PassphraseReset' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const done = await resetPassphraseByLink(ctx, linkToken(request), request.body, { ip: request.ip });
        return reply.code(201).send({
          id: done.id,
          replaces: done.replaces,
          serial: done.certificate.serialHex,
          notAfter: done.certificate.notAfter.toISOString(),
        });
      },
    );

    const checkItem = strictObject(
      {
        id: uuid(),
        requestId: uuid(),
        accountId: uuid(),
        fullName: { type: 'string' },
        email: { type: 'string' },
        institutionId: uuid(),
        institutionName: { type: 'string' },
        serial: nullableString,
        status: stringEnum(checkStatuses),
        submittedAt: timestamp,
      },
      { title: 'SelfieCheck' },
    );

    app.get<{ Querystring: SelfieCheckQuery }>(
      '/api/v1/ra/selfie-checks',
      {
        config: { access: { action: 'selfie_check.review' } },
        schema: {
          summary:
            'Pengecekan Foto Diri: the selfies of passphrase resets of the caller’s institution (a CA admin: all), oldest first; pending by default.',
          querystring: object({
            status: stringEnum(checkStatuses),
            institutionId: uuid('A CA admin: one institution only.'),
            ...queueFilterQuery(),
          }),
          response: responses({
            200: strictObject(
              { total: { type: 'integer', minimum: 0 }, checks: arrayOf(checkItem) },
              { title: 'SelfieCheckList' },
            ),
          }),
        },
      },
      async (request) => listSelfieChecks(ctx, authOf(request).account, request.query),
    );

    for (const which of ['selfie', 'registered'] as const)
      app.get<{ Params: { id: string } }>(
        `/api/v1/ra/selfie-checks/:id/${which}`,
        {
          config: { access: { action: 'selfie_check.review' } },
          schema: {
            summary:
              which === 'selfie'
                ? 'The selfie of a passphrase reset (image/jpeg or image/png, no-store); each view audited.'
                : 'The registered selfie of the same person, to compare (image/jpeg or image/png, no-store); each view audited.',
            params: uuidParams,
            response: responses({ 200: { description: 'The image (JPEG or PNG).' } }),
          },
        },
        async (request, reply: FastifyReply) => {
          const photo = await readSelfieCheckPhoto(ctx, authOf(request).account, request.params.id, which);
          return reply
            .header('cache-control', 'no-store')
            .header('content-disposition', 'inline')
            .type(photo.type)
            .send(photo.bytes);
        },
      );

    app.post<{ Params: { id: string }; Body: { match: boolean; reason?: string } }>(
      '/api/v1/ra/selfie-checks/:id/decision',
      {
        config: { access: { action: 'selfie_check.review' } },
        schema: {
          summary:
            'Cocok (match: true): the reset goes on to the new passphrase. Tidak cocok (match: false, with a reason the holder is told): the reset is refused.',
          params: uuidParams,
          body: object({ match: boolean, reason: multilineText(SELFIE_REFUSE_REASON_MAX) }, ['match']),
          response: responses({
            200: strictObject(
              { status: stringEnum(['matched', 'refused'] as const) },
              { title: 'SelfieCheckDecision' },
            ),
          }),
        },
      },
      async (request) => decideSelfieCheck(ctx, authOf(request).account, request.params.id, request.body),
    );
  },
);
