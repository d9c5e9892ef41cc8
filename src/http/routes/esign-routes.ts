/**
 * BSrE's eSign API (shared/BSRE-API.md) for institutions' apps, with HTTP Basic of their API client
 * (api-client-auth.ts: BSrE's error body, the attempt guard, the allowlist, the rate limit, an
 * audit event per call). The signer must be a holder of the API client's institution; a NIK of
 * another institution reads as not registered.
 *
 * Now: the user status of version 1 (`GET /api/user/status/{nik}`) and version 2 (`POST
 * /api/v2/user/check/status`), the bulk signing of version 2 (`POST /api/v2/sign/pdf`) and the
 * one-time download of version 1 (`GET /api/sign/download/{id_dokumen}`), both through
 * signing/sign-documents.ts with BSrE's error texts (signing/esign/esign-errors.ts).
 * /api/v2/user/check/status`); v2's TOTP (`sign/get/totp`) and the seal's activation and batch
 * codes (`seal/get/activation`, `seal/revoke/activation`, `seal/get/totp`;
 * signing/totp-authorisation.ts) and the sealing with a batch code (`seal/pdf`, the signing use
 * case with the institution's eSeal certificate).
 */
import { findHolder } from '../../certificates/find-holder.js';
import { TekenError } from '../../errors/teken-error.js';
import { esignSigningError } from '../../signing/esign/esign-errors.js';
import { parseV2SignBody, V2_MAX_FILES } from '../../signing/esign/sign-request.js';
import { esignUserStatus } from '../../signing/esign/user-status.js';
import { v2VerifyResponse } from '../../signing/esign/verify-response.js';
import type { PdfVerifier } from '../../signing/verify/pdf-verifier.js';
import { signDocuments, type SigningContext } from '../../signing/sign-documents.js';
import { takeSignedDocument } from '../../signing/signed-document-store.js';
import {
  createSealBatch,
  requestSealActivation,
  requestSigningTotp,
  revokeSealActivation,
  sealCertificate,
} from '../../signing/totp-authorisation.js';
import { apiCallerOf, apiClientResponses, useApiClientAuth } from '../api-client-auth.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { routeGroup } from '../route-group.js';
import { object, strictObject, text } from '../schemas.js';
import { base64PdfBody, decodeBase64Pdf, v2VerifySchema, verifyBodyLimit } from './verify-schemas.js';

/** Version 2's answer to sign/pdf and seal/pdf: the time taken and the signed files, in order. */
function v2SignedFiles(started: number, documents: { id: string; pdf: Uint8Array; signingTime: Date }[]) {
  return {
    time: Date.now() - started,
    file: documents.map((d) => Buffer.from(d.pdf).toString('base64')),
    id_dokumen: documents.map((d) => d.id),
    signing_time: documents.map((d) => d.signingTime.toISOString()),
  };
}

export interface EsignRoutesOptions {
  identity: IdentityContext;
  verifier: PdfVerifier;
  /** The certificates context with Teken's TSA (and the engine): runtime/signing-context-of.ts. */
  certificates: SigningContext;
}

/** The largest specimen image a signing call takes (the engine's own limit). */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const userStatusValues = [
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

/** BSrE's answer, with the status where each client looks for it (`status`, `userStatus`, `data.status`). */
const userStatusAnswer = strictObject(
  {
    status_code: {
      type: 'integer',
      description: '1111: may sign (ISSUE); 2011: not registered; 2021: may not sign now.',
    },
    message: { type: 'string' },
    status: { type: 'string', enum: userStatusValues },
    userStatus: { type: 'string', enum: userStatusValues },
    data: strictObject({ status: { type: 'string', enum: userStatusValues } }),
  },
  { title: 'EsignUserStatus' },
);

// Clients send a NIK with spaces, dots or as "null"; find-holder.ts reads what they mean.
const keyField = { type: ['string', 'null'], maxLength: 254 } as const;
/** A code: digits as text (or a number, whose leading zeros are restored); "null"/"" are absent. */
// No JSON type of its own: clients send these as strings or numbers; the use case reads each.
const codeField = { description: 'The code: digits as a string (or a number).' } as const;
const countField = {
  description: 'The number of documents the code may sign (an integer, or digits).',
} as const;
const idSubscriberField = {
  type: 'string',
  maxLength: 64,
  description:
    "The seal: the id of the institution's eSeal subscriber certificate (Daftar Sertifikat Elektronik).",
} as const;

/** BSrE's answer to the TOTP calls: `{success, message, data: null}`, with the code where one is given. */
const totpAnswer = (title: string, withCode: boolean) =>
  object(
    {
      success: { type: 'boolean', enum: [true] },
      message: { type: 'string' },
      data: { type: 'null' },
      totp: { type: 'string', description: 'The code (digits).' },
      expires: { type: 'string', format: 'date-time', description: 'When the code lapses (ISO 8601).' },
    },
    withCode ? ['success', 'message', 'data', 'totp', 'expires'] : ['success', 'message', 'data'],
    { title },
  );

// One type per branch (anyOf), not a union `type`: Ajv's strict mode refuses those with a warning.
const codeOrNull = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] } as const;

/**
 * The JSON body of v2's sign/pdf and seal/pdf: BSrE's fields with `extra` (the signer's), and what
 * clients also send (contactInfo, nulls) accepted, read by parseV2SignBody.
 */
const v2SignBody = (extra: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: true,
  ...(required.length > 0 ? { required } : {}),
  properties: {
    ...extra,
    totp: codeOrNull,
    otp: codeOrNull,
    file: {
      anyOf: [{ type: 'array', maxItems: V2_MAX_FILES, items: { type: 'string' } }, { type: 'string' }],
    },
    signatureProperties: {
      anyOf: [
        {
          type: 'array',
          maxItems: V2_MAX_FILES,
          items: { type: 'object', additionalProperties: true },
        },
        { type: 'object', additionalProperties: true },
      ],
    },
  },
});

/** v2's answer to a signing call: the signed files in the order sent, with their ids and times. */
const v2SignAnswer = (title: string) =>
  strictObject(
    {
      time: { type: 'integer', description: 'Milliseconds taken.' },
      file: { type: 'array', items: { type: 'string' } },
      id_dokumen: { type: 'array', items: { type: 'string' } },
      signing_time: { type: 'array', items: { type: 'string' } },
    },
    { title },
  );

export const esignRoutes = routeGroup<EsignRoutesOptions>(
  (app, { identity, certificates: ctx, verifier }) => {
    useApiClientAuth(app, identity);
    const answer = async (institutionId: string, key: { nik?: string | null; email?: string | null }) => {
      const found = await esignUserStatus(
        ctx.db,
        ctx.master,
        institutionId,
        key,
        new Date(ctx.now?.() ?? Date.now()),
      );
      return { ...found, userStatus: found.status, data: { status: found.status } };
    };

    app.get<{ Params: { nik: string } }>(
      '/api/user/status/:nik',
      {
        config: { access: 'api-client' },
        schema: {
          summary:
            "eSign v1: the certificate status of the institution's holder with this NIK (1111: may sign).",
          params: object({ nik: text(64, { minLength: 1 }) }, ['nik']),
          response: apiClientResponses({ 200: userStatusAnswer }),
        },
      },
      (request) => answer(apiCallerOf(request).institutionId, { nik: request.params.nik }),
    );

    app.post<{ Body: { nik?: string | null; email?: string | null } }>(
      '/api/v2/user/check/status',
      {
        config: { access: 'api-client' },
        schema: {
          summary: "eSign v2: the certificate status of the institution's holder named by `nik` or `email`.",
          body: {
            type: 'object',
            // Clients send more than BSrE documents: accepted and ignored.
            additionalProperties: true,
            properties: { nik: keyField, email: keyField },
          },
          response: apiClientResponses({ 200: userStatusAnswer }),
        },
      },
      (request) => answer(apiCallerOf(request).institutionId, request.body),
    );

    app.post<{ Body: { file: string; password?: string | null } }>(
      '/api/v2/verify/pdf',
      {
        config: { access: 'api-client' },
        bodyLimit: verifyBodyLimit,
        schema: {
          summary:
            'eSign v2: verifies a signed PDF (base64) with the one validator; an unsigned PDF gives signatureCount 0.',
          body: base64PdfBody,
          response: apiClientResponses({ 200: v2VerifySchema }),
        },
      },
      async (request, reply) => {
        const pdf = decodeBase64Pdf(request.body.file, 'file');
        const report = await verifier.verify(pdf, { password: request.body.password ?? undefined });
        return reply.type('application/json; charset=utf-8').send(v2VerifyResponse(report));
      },
    );

    const maxPdf = ctx.config.signing.maxPdfBytes;

    app.post<{ Body: Record<string, unknown> }>(
      '/api/v2/sign/pdf',
      {
        config: { access: 'api-client' },
        // Sized for bulk: base64 files up to 4 times TEKEN_SIGN_MAX_PDF_BYTES in total.
        bodyLimit: Math.ceil((maxPdf * 4 * 4) / 3) + 1024 * 1024,
        schema: {
          summary:
            "eSign v2: signs one or more base64 PDFs for the institution's holder named by `nik` or `email`, with the passphrase (or a TOTP).",
          body: v2SignBody({
            nik: keyField,
            email: keyField,
            passphrase: { type: ['string', 'null'], maxLength: 512 },
          }),
          response: apiClientResponses({ 200: v2SignAnswer('EsignV2SignAnswer') }),
        },
      },
      async (request) => {
        const started = Date.now();
        const caller = apiCallerOf(request);
        try {
          const parsed = parseV2SignBody(request.body, {
            maxPdfBytes: maxPdf,
            maxImageBytes: MAX_IMAGE_BYTES,
          });
          const holder = await findHolder(ctx.db, ctx.master, caller.institutionId, parsed.signer);
          if (holder === null) throw new TekenError('ERR_ESIGN_USER_NOT_REGISTERED');
          const { documents } = await signDocuments(ctx, {
            holder,
            credential:
              parsed.credential.kind === 'passphrase'
                ? parsed.credential
                : { kind: 'totp', code: parsed.credential.code },
            documents: parsed.documents,
            actor: `api-client:${caller.id}`,
            channel: 'esign-v2',
            apiClient: { id: caller.id, institutionId: caller.institutionId },
            address: request.ip,
          });
          return v2SignedFiles(started, documents);
        } catch (error) {
          throw esignSigningError(error);
        }
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/sign/download/:id',
      {
        config: { access: 'api-client' },
        schema: {
          summary:
            'eSign v1: the signed PDF of a signing call, once, within TEKEN_SIGNED_DOCUMENT_MINUTES; then "Dokumen telah didownload sebelumnya".',
          params: object({ id: text(64, { minLength: 1 }) }, ['id']),
          response: apiClientResponses({
            200: {
              description: 'The signed PDF, with the headers id_dokumen, id-dokumen and signing_time.',
              content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
            },
          }),
        },
      },
      async (request, reply) => {
        const caller = apiCallerOf(request);
        const { pdf, signingTime } = await takeSignedDocument(
          ctx.db,
          ctx.master,
          caller.institutionId,
          request.params.id,
          new Date(ctx.now?.() ?? Date.now()),
        );
        const id = request.params.id.toLowerCase();
        return reply
          .header('id_dokumen', id)
          .header('id-dokumen', id)
          .header('signing_time', signingTime.toISOString())
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${id}.pdf"`)
          .type('application/pdf')
          .send(pdf);
      },
    );

    app.post<{ Body: { nik?: string | null; email?: string | null; data?: number | string } }>(
      '/api/v2/sign/get/totp',
      {
        config: { access: 'api-client' },
        schema: {
          summary:
            "eSign v2: asks the institution's holder (nik or email) for a TOTP that signs `data` documents. The holder approves by e-mail link with the passphrase; the code is then shown to them and e-mailed.",
          body: {
            type: 'object',
            additionalProperties: true,
            required: ['data'],
            properties: { nik: keyField, email: keyField, data: countField },
          },
          response: apiClientResponses({ 200: totpAnswer('EsignTotpSent', false) }),
        },
      },
      async (request) => {
        await requestSigningTotp(ctx, apiCallerOf(request), request.body);
        return { success: true, message: 'TOTP berhasil dikirim', data: null };
      },
    );

    type SealBody = { idSubscriber: string; totp?: string | number | null; data?: number | string };
    app.post<{ Body: SealBody }>(
      '/api/v2/seal/get/activation',
      {
        config: { access: 'api-client' },
        schema: {
          summary:
            "eSign v2 seal: with a still-valid activation `totp`, says so; else mails the seal's holder an approval link for a new activation code (TEKEN_SEAL_ACTIVATION_HOURS).",
          body: {
            type: 'object',
            additionalProperties: true,
            required: ['idSubscriber'],
            properties: { idSubscriber: idSubscriberField, totp: codeField },
          },
          response: apiClientResponses({ 200: totpAnswer('SealActivation', false) }),
        },
      },
      async (request) => {
        const found = await requestSealActivation(ctx, apiCallerOf(request), request.body, {
          address: request.ip,
        });
        return found.state === 'valid'
          ? {
              success: true,
              message: 'TOTP Aktivasi masih berlaku',
              data: null,
              totp: found.totp,
              expires: found.expires.toISOString(),
            }
          : { success: true, message: 'TOTP Aktivasi berhasil dikirim', data: null };
      },
    );

    app.post<{ Body: SealBody }>(
      '/api/v2/seal/revoke/activation',
      {
        config: { access: 'api-client' },
        schema: {
          summary: 'eSign v2 seal: ends the activation `totp` names, and every batch code made from it.',
          body: {
            type: 'object',
            additionalProperties: true,
            required: ['idSubscriber', 'totp'],
            properties: { idSubscriber: idSubscriberField, totp: codeField },
          },
          response: apiClientResponses({ 200: totpAnswer('SealActivationRevoked', false) }),
        },
      },
      async (request) => {
        await revokeSealActivation(ctx, apiCallerOf(request), request.body, { address: request.ip });
        return { success: true, message: 'TOTP Aktivasi berhasil dicabut', data: null };
      },
    );

    app.post<{ Body: SealBody }>(
      '/api/v2/seal/get/totp',
      {
        config: { access: 'api-client' },
        schema: {
          summary:
            'eSign v2 seal: from the activation `totp`, a batch code that seals `data` documents within TEKEN_TOTP_MINUTES (never past the activation).',
          body: {
            type: 'object',
            additionalProperties: true,
            required: ['idSubscriber', 'data', 'totp'],
            properties: { idSubscriber: idSubscriberField, data: countField, totp: codeField },
          },
          response: apiClientResponses({ 200: totpAnswer('SealTotp', true) }),
        },
      },
      async (request) => {
        const batch = await createSealBatch(ctx, apiCallerOf(request), request.body, { address: request.ip });
        return {
          success: true,
          message: 'TOTP berhasil dibuat',
          data: null,
          totp: batch.totp,
          expires: batch.expires.toISOString(),
        };
      },
    );

    app.post<{ Body: Record<string, unknown> }>(
      '/api/v2/seal/pdf',
      {
        config: { access: 'api-client' },
        bodyLimit: Math.ceil((maxPdf * 4 * 4) / 3) + 1024 * 1024,
        schema: {
          summary:
            "eSign v2 seal: seals one or more base64 PDFs with the institution's eSeal certificate `idSubscriber`, with a batch code of seal/get/totp as `totp` (one document each).",
          body: v2SignBody({ idSubscriber: idSubscriberField }, ['idSubscriber']),
          response: apiClientResponses({ 200: v2SignAnswer('SealPdfAnswer') }),
        },
      },
      async (request) => {
        const started = Date.now();
        const caller = apiCallerOf(request);
        try {
          const parsed = parseV2SignBody(request.body, {
            maxPdfBytes: maxPdf,
            maxImageBytes: MAX_IMAGE_BYTES,
            seal: true,
          });
          // The seal of the client's own institution only; another's does not exist for it.
          const seal = await sealCertificate(ctx, caller, request.body['idSubscriber']);
          const { documents } = await signDocuments(ctx, {
            holder: seal.accountId,
            product: 'eseal',
            certificate: seal.id,
            credential: {
              kind: 'seal',
              code: parsed.credential.kind === 'totp' ? parsed.credential.code : '',
            },
            documents: parsed.documents,
            actor: `api-client:${caller.id}`,
            channel: 'seal',
            apiClient: { id: caller.id, institutionId: caller.institutionId },
            address: request.ip,
          });
          return v2SignedFiles(started, documents);
        } catch (error) {
          throw esignSigningError(error);
        }
      },
    );
  },
);
