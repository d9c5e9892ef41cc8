/**
 * "Sertifikat Saya" → "Permohonan Baru" and "Status Permohonan" (seed 003), the RA desk's queue of
 * certificate requests (Tinjau Ulang with the supporting document, Setujui / Tolak), and the
 * set-passphrase link ("Membuat Passphrase", seeds 001 and 002). The link's token travels in the
 * body or `Authorization: Bearer`, never in a URL (the mailed link puts it in the fragment).
 * The use cases are in src/certificates; each checks the request's institution (authorize.ts).
 */
import { subjectText } from '../../certificates/certificate-subject.js';
import type { CertificatesContext } from '../../certificates/certificates-context.js';
import {
  approveCertificateRequest,
  rejectCertificateRequest,
} from '../../certificates/decide-certificate-request.js';
import {
  listCertificateRequests,
  listOwnCertificateRequests,
  requestStatuses,
  type QueueQuery,
} from '../../certificates/list-certificate-requests.js';
import { passphraseRule } from '../../certificates/passphrase-policy.js';
import { productIds, products } from '../../certificates/products.js';
import { planCertificateRequest, requestCertificate } from '../../certificates/request-certificate.js';
import {
  readSupportingDocument,
  reviewCertificateRequest,
} from '../../certificates/review-certificate-request.js';
import {
  readSetPassphraseLink,
  setPassphraseByLink,
  subscriberAgreement,
} from '../../certificates/set-passphrase.js';
import { TekenError, isTekenError } from '../../errors/teken-error.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { decisionRoute } from '../decision-route.js';
import { linkToken } from '../link-token.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  boolean,
  nullableString,
  nullableTimestamp,
  nullableUuid,
  object,
  responses,
  secret,
  strictObject,
  stringEnum,
  text,
  timestamp,
  uuid,
  uuidParams,
  queueFilterQuery,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface CertificateRequestRoutesOptions {
  identity: IdentityContext;
  certificates: CertificatesContext;
}

const productEnum = stringEnum(productIds);
const summaryProps = {
  id: uuid(),
  product: productEnum,
  kind: stringEnum(['new', 'renewal', 'reset'] as const),
  status: stringEnum(requestStatuses),
  verificationStatus: stringEnum(['WAITING', 'VERIFIED', 'REJECTED', 'CANCELLED'] as const),
  enrollmentStatus: stringEnum(['NOT_STARTED', 'WAITING_PASSPHRASE', 'ENROLLED'] as const),
  subject: { type: 'string' },
  document: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['name', 'bytes'],
    properties: { name: { type: 'string' }, bytes: { type: 'integer' } },
  },
  submittedAt: timestamp,
  firstApprovedBy: nullableUuid,
  approvedAt: nullableTimestamp,
  rejectedAt: nullableTimestamp,
  rejectReason: nullableString,
  issuedAt: nullableTimestamp,
} as const;
const summary = strictObject(summaryProps, { title: 'CertificateRequest' });
const plan = strictObject(
  {
    product: productEnum,
    institutionId: uuid(),
    subjectText: { type: 'string' },
    emails: arrayOf({ type: 'string' }),
  },
  { title: 'CertificateRequestPlan' },
);

/**
 * The supporting document's policy: nothing of the uploader's PDF may load or run anything, and
 * only the console (same origin) may frame it; the browser's own PDF viewer still shows it.
 */
/**
 * A new passphrase from a mailed link (Membuat Passphrase here, Buat Passphrase of a reset): the
 * token (or the Authorization header, link-token.ts), the passphrase twice, the agreement's version.
 */
export const newPassphraseBody = object(
  {
    token: text(200),
    passphrase: secret(512),
    confirmation: secret(512),
    agreementVersion: text(50),
  },
  ['passphrase', 'confirmation', 'agreementVersion'],
);

export const documentPolicy = "default-src 'none'; frame-ancestors 'self'";

export const certificateRequestRoutes = routeGroup<CertificateRequestRoutesOptions>(
  (app, { identity, certificates: ctx }) => {
    useSessionAuth(app, identity);
    const maxDocument = ctx.config.certificates.supportingDocumentMaxBytes;

    app.get(
      '/api/v1/certificate-products',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'The product cards of "Permohonan Baru": which ones this account may request (Jenis Permohonan).',
          response: responses({
            200: strictObject(
              {
                products: arrayOf(
                  strictObject({
                    id: stringEnum([...productIds, 'ssl']),
                    available: boolean,
                    comingSoon: boolean,
                    reason: nullableString,
                  }),
                ),
                documentMaxBytes: { type: 'integer' },
              },
              { title: 'CertificateProducts' },
            ),
          }),
        },
      },
      async (request) => {
        const actor = authOf(request).account;
        const list = [];
        for (const id of productIds) {
          const reason = await ctx.db
            .transaction((tx) => planCertificateRequest(tx, actor, id))
            .then(() => null)
            .catch((error: unknown) => {
              if (isTekenError(error)) return error.code;
              throw error;
            });
          // eSeal is shown only to whoever may request it.
          if (id === 'eseal' && reason !== null) continue;
          list.push({ id, available: reason === null, comingSoon: false, reason });
        }
        list.push({ id: 'ssl' as const, available: false, comingSoon: true, reason: null });
        return { products: list, documentMaxBytes: maxDocument };
      },
    );

    app.post<{ Body: { product: string } }>(
      '/api/v1/certificate-requests/plan',
      {
        config: { access: 'session' },
        schema: {
          summary: 'The exact subject a request of this product would carry (shown before submitting).',
          body: object({ product: text(20) }, ['product']),
          response: responses({ 200: plan }),
        },
      },
      async (request) => {
        const p = await ctx.db.transaction((tx) =>
          planCertificateRequest(tx, authOf(request).account, request.body.product),
        );
        return {
          product: p.product,
          institutionId: p.institutionId,
          subjectText: p.subjectText,
          emails: p.emails,
        };
      },
    );

    app.post<{ Body: { product: string; document?: { name: string; contentBase64: string } } }>(
      '/api/v1/certificate-requests',
      {
        config: { access: 'session' },
        bodyLimit: Math.ceil((maxDocument * 4) / 3) + 64 * 1024,
        schema: {
          summary:
            'Submits a request; eSign with "Dokumen Pendukung" (a PDF, base64, size-limited, stored sealed).',
          body: object(
            {
              product: text(20),
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
            },
            ['product'],
          ),
          response: responses({
            201: strictObject(
              { id: uuid(), subjectText: { type: 'string' } },
              { title: 'CertificateRequestCreated' },
            ),
          }),
        },
      },
      async (request, reply) => {
        const { product, document } = request.body;
        if (product === 'esign' && !document)
          throw new TekenError(
            'ERR_INPUT_INVALID',
            'document: eSign needs the supporting document (a PDF).',
            {
              details: { field: 'document' },
            },
          );
        const created = await requestCertificate(ctx, authOf(request).account, {
          product,
          ...(document
            ? { document: { name: document.name, bytes: Buffer.from(document.contentBase64, 'base64') } }
            : {}),
        });
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/api/v1/certificate-requests',
      {
        config: { access: 'session' },
        schema: {
          summary: '"Status Permohonan": the own requests, newest first.',
          response: responses({
            200: strictObject({ requests: arrayOf(summary) }, { title: 'OwnCertificateRequests' }),
          }),
        },
      },
      async (request) => listOwnCertificateRequests(ctx.db, authOf(request).account),
    );

    app.get<{ Querystring: QueueQuery }>(
      '/api/v1/ra/certificate-requests',
      {
        config: { access: { action: 'certificate_request.list' } },
        schema: {
          summary:
            'The RA queue of certificate requests of the caller’s institution (a CA admin: any), oldest first.',
          querystring: object({
            institutionId: uuid('Only this institution (a CA admin; others: their own).'),
            status: stringEnum(['all', ...requestStatuses]),
            ...queueFilterQuery(
              'Part of the holder’s name or e-mail or of the request’s CN, or a whole NIK (16) or NIP (18 digits).',
            ),
          }),
          response: responses({
            200: strictObject(
              {
                total: { type: 'integer', minimum: 0 },
                requests: arrayOf(
                  strictObject({
                    ...summaryProps,
                    accountId: uuid(),
                    institutionId: uuid(),
                    institutionName: { type: 'string' },
                    fullName: { type: 'string' },
                    email: { type: 'string' },
                  }),
                ),
              },
              { title: 'CertificateRequestQueue' },
            ),
          }),
        },
      },
      async (request) => listCertificateRequests(ctx, authOf(request).account, request.query),
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/ra/certificate-requests/:id',
      {
        config: { access: { action: 'certificate_request.list' } },
        schema: {
          summary: 'Tinjau Ulang of a certificate request with the holder’s profile (audited).',
          params: uuidParams,
          response: responses({
            200: strictObject(
              {
                ...summaryProps,
                accountId: uuid(),
                fourEyes: boolean,
                mayDecide: boolean,
                holder: strictObject({
                  fullName: { type: 'string' },
                  email: { type: 'string' },
                  institutionName: { type: 'string' },
                  jabatan: nullableString,
                  unitOrganisasi: nullableString,
                  province: nullableString,
                  registrationStatus: nullableString,
                  products: arrayOf({ type: 'string' }),
                }),
              },
              { title: 'CertificateRequestReview' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return reviewCertificateRequest(ctx, authOf(request).account, request.params.id);
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/ra/certificate-requests/:id/document',
      {
        config: { access: { action: 'certificate_request.list' } },
        schema: {
          summary: 'The supporting document (application/pdf); every view is audited.',
          params: uuidParams,
          response: responses({
            200: { description: 'The PDF.', content: { 'application/pdf': { schema: {} } } },
          }),
        },
      },
      async (request, reply) => {
        const { bytes } = await readSupportingDocument(ctx, authOf(request).account, request.params.id);
        return (
          reply
            .header('cache-control', 'no-store')
            // Tinjau Ulang frames it beside the profile: the console's own origin may, nobody else.
            .header('content-security-policy', documentPolicy)
            .header('content-type', 'application/pdf')
            .header('content-disposition', 'inline; filename="dokumen-pendukung.pdf"')
            .send(bytes)
        );
      },
    );

    decisionRoute(app, {
      url: '/api/v1/ra/certificate-requests/:id/approve',
      action: 'certificate_request.review',
      summary:
        'Setujui: approves (four-eyes: the first approval waits for a second officer); then the set-passphrase link goes out.',
      response: responses({
        200: strictObject(
          { status: stringEnum(['first_approval', 'approved'] as const) },
          { title: 'CertificateRequestApproval' },
        ),
      }),
      decide: (actor, id) => approveCertificateRequest(ctx, actor, id),
    });

    decisionRoute<{ reason: string }>(app, {
      url: '/api/v1/ra/certificate-requests/:id/reject',
      action: 'certificate_request.review',
      summary: 'Tolak: rejects with the reason the holder is told.',
      texts: { reason: 500 },
      response: responses({
        200: strictObject(
          { status: stringEnum(['rejected'] as const) },
          { title: 'CertificateRequestRejection' },
        ),
      }),
      decide: async (actor, id, body) => {
        await rejectCertificateRequest(ctx, actor, id, body.reason);
        return { status: 'rejected' as const };
      },
    });

    app.post<{ Body: { token?: string; locale?: 'id' | 'en' } }>(
      '/api/v1/passphrase-link',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'What a set-passphrase link is about: the request, subject, product, the agreement and the passphrase rule (the link stays unused).',
          body: object({ token: text(200), locale: stringEnum(['id', 'en'] as const) }),
          response: responses({
            200: strictObject(
              {
                requestId: uuid(),
                product: productEnum,
                productLabel: { type: 'string' },
                subject: { type: 'string' },
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
              { title: 'PassphraseLink' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const loaded = await readSetPassphraseLink(ctx, linkToken(request), { ip: request.ip });
        const locale = request.body?.locale ?? loaded.account.locale;
        const agreement = subscriberAgreement();
        const r = loaded.request;
        return {
          requestId: r.id,
          product: r.product,
          productLabel: products[r.product].label[locale],
          subject: subjectText(r.subject),
          agreement: {
            version: agreement.version,
            title: agreement.title[locale],
            text: agreement.text[locale],
          },
          rule: {
            minLength: passphraseRule.minLength,
            maxLength: passphraseRule.maxLength,
            text: passphraseRule[locale],
          },
        };
      },
    );

    app.post<{
      Body: { token?: string; passphrase: string; confirmation: string; agreementVersion: string };
    }>(
      '/api/v1/passphrase-link/set',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Membuat Passphrase: sets it, accepts the agreement, and issues the certificate.',
          body: newPassphraseBody,
          response: responses({
            201: strictObject(
              { id: uuid(), requestId: uuid(), serial: { type: 'string' }, notAfter: timestamp },
              { title: 'PassphraseSet' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const issued = await setPassphraseByLink(ctx, linkToken(request), request.body, { ip: request.ip });
        return reply.code(201).send({
          id: issued.id,
          requestId: issued.requestId,
          serial: issued.certificate.serialHex,
          notAfter: issued.certificate.notAfter.toISOString(),
        });
      },
    );
  },
);
