/**
 * "Perpanjangan" of an own certificate (`/api/v1/certificates/:id/renewal`: what the renewal would
 * do, and the request itself) and "Deteksi Mandiri" (`/api/v1/self-diagnosis`: the one status of
 * the account, as the dashboard shows it, and why signing would fail today). The use cases are in
 * src/certificates (renew-certificate.ts, diagnose-signing.ts); only the holder acts on their own.
 */
import type { CertificatesContext } from '../../certificates/certificates-context.js';
import { diagnoseSigning } from '../../certificates/diagnose-signing.js';
import { planRenewal, renewCertificate } from '../../certificates/renew-certificate.js';
import { productIds } from '../../certificates/products.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  boolean,
  nullableTimestamp,
  nullableUuid,
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

export interface RenewalRoutesOptions {
  identity: IdentityContext;
  certificates: CertificatesContext;
}

const displayStatuses = ['Issued', 'Renew', 'On Revoke', 'Revoked', 'Expired', 'Suspended'] as const;
const userStatuses = [
  'ISSUE',
  'EXPIRED',
  'RENEW',
  'WAITING_FOR_VERIFICATION',
  'NEW',
  'NO_CERTIFICATE',
  'NOT_REGISTERED',
  'SUSPEND',
  'REVOKE',
] as const;
const findingCodes = [
  'not_registered',
  'registration_incomplete',
  'not_verified',
  'no_certificate',
  'request_waiting',
  'passphrase_not_set',
  'certificate_expired',
  'certificate_revoked',
  'certificate_suspended',
  'renewal_due',
  'renewal_waiting',
  'data_change_pending',
  'passphrase_locked',
  'expires_soon',
  'revocation_pending',
  'phone_not_verified',
] as const;
const findingActions = [
  'renew',
  'reset_passphrase',
  'wait',
  'contact_ra',
  'verify_phone',
  'new_request',
  'complete_registration',
  'check_email',
] as const;
const nullableEnum = <const T extends readonly string[]>(values: T) =>
  ({ type: ['string', 'null'], enum: [...values, null] }) as const;

export const renewalRoutes = routeGroup<RenewalRoutesOptions>((app, { identity, certificates: ctx }) => {
  useSessionAuth(app, identity);
  const maxDocument = ctx.config.certificates.supportingDocumentMaxBytes;

  app.get<{ Params: { id: string } }>(
    '/api/v1/certificates/:id/renewal',
    {
      config: { access: 'session' },
      schema: {
        summary:
          'Perpanjangan: whether the own certificate can be renewed now, the subject of the new one, and whether it goes straight to the set-passphrase link or through the RA.',
        params: uuidParams,
        response: responses({
          200: strictObject(
            {
              certificateId: uuid(),
              product: stringEnum(productIds),
              status: nullableEnum(displayStatuses),
              notAfter: nullableTimestamp,
              refusal: nullableEnum(['not_issued', 'replaced', 'suspended', 'not_due'] as const),
              route: stringEnum(['set_passphrase', 'ra_review'] as const),
              subjectText: { type: 'string' },
              documentRequired: boolean,
              documentMaxBytes: { type: 'integer' },
              opensAt: nullableTimestamp,
            },
            { title: 'RenewalPlan' },
          ),
        }),
      },
    },
    async (request) => ({
      ...(await planRenewal(ctx, authOf(request).account, request.params.id)),
      documentMaxBytes: maxDocument,
    }),
  );

  app.post<{ Params: { id: string }; Body: { document?: { name: string; contentBase64: string } } }>(
    '/api/v1/certificates/:id/renewal',
    {
      config: { access: 'session' },
      bodyLimit: Math.ceil((maxDocument * 4) / 3) + 64 * 1024,
      schema: {
        summary:
          'Perpanjangan: a renewal request for the own certificate; with the supporting document (PDF, base64) where it goes through the RA.',
        params: uuidParams,
        body: object({
          document: object(
            {
              name: text(200, { minLength: 1 }),
              contentBase64: {
                type: 'string',
                maxLength: Math.ceil((maxDocument * 4) / 3) + 8,
                pattern: '^[A-Za-z0-9+/]*={0,2}$',
              },
            },
            ['name', 'contentBase64'],
          ),
        }),
        response: responses({
          201: strictObject(
            {
              requestId: uuid(),
              route: stringEnum(['set_passphrase', 'ra_review'] as const),
              subjectText: { type: 'string' },
            },
            { title: 'RenewalCreated' },
          ),
        }),
      },
    },
    async (request, reply) => {
      const document = request.body?.document;
      const created = await renewCertificate(ctx, authOf(request).account, request.params.id, {
        ...(document
          ? { document: { name: document.name, bytes: Buffer.from(document.contentBase64, 'base64') } }
          : {}),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/self-diagnosis',
    {
      config: { access: 'session' },
      schema: {
        summary:
          'Deteksi Mandiri: the account’s one status (as the eSign API reports it) and why signing would fail today, with what to do.',
        response: responses({
          200: strictObject(
            {
              status: stringEnum(userStatuses),
              canSign: boolean,
              certificate: {
                type: ['object', 'null'],
                additionalProperties: false,
                required: ['id', 'status', 'notAfter'],
                properties: { id: uuid(), status: stringEnum(displayStatuses), notAfter: timestamp },
              },
              findings: arrayOf(
                strictObject({
                  code: stringEnum(findingCodes),
                  severity: stringEnum(['blocking', 'warning'] as const),
                  actions: arrayOf(stringEnum(findingActions)),
                  certificateId: nullableUuid,
                  until: nullableTimestamp,
                }),
              ),
            },
            { title: 'SelfDiagnosis' },
          ),
        }),
      },
    },
    async (request) => diagnoseSigning(ctx, authOf(request).account),
  );
});
