/**
 * BSrE's eSign API version 1 (shared/BSRE-API.md), multipart/form-data in: `POST /api/sign/pdf`
 * (one PDF signed for the institution's holder with the NIK and passphrase; the signed PDF as the
 * body, or JSON base64 with `jenis_response=BASE64`) and `POST /api/sign/verify` (`signed_file`,
 * the one validator's report in v1's JSON). The other v1 routes (user status, the one-time
 * download) are in esign-routes.ts, with the same API-client authentication (HTTP Basic, the
 * allowlist, the rate limit with 429 and Retry-After, an audit event per call, BSrE's error shape).
 *
 * Uploads are streamed with @fastify/multipart, registered in this group only (multipart-form.ts:
 * a limit per file, refused as it passes, chunked bodies and `Expect: 100-continue` included).
 * The fields are read by sign-request.ts's `parseV1SignForm` with every variant clients send;
 * errors are BSrE's texts (esign-errors.ts): "Passphrase anda salah" 2031, "Proses signing gagal :
 * User tidak terdaftar 2011" for a NIK that is not the institution's, "Proses signing gagal : …"
 * for every other bad input, never a 5xx.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { findHolder } from '../../certificates/find-holder.js';
import { TekenError } from '../../errors/teken-error.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { esignSigningError } from '../../signing/esign/esign-errors.js';
import { parseV1SignForm } from '../../signing/esign/sign-request.js';
import { v1VerifyResponse } from '../../signing/esign/verify-response.js';
import { signDocuments, type SigningContext } from '../../signing/sign-documents.js';
import { MAX_VERIFY_PDF_BYTES, type PdfVerifier } from '../../signing/verify/pdf-verifier.js';
import { apiCallerOf, apiClientResponses, useApiClientAuth } from '../api-client-auth.js';
import { readMultipartForm } from '../multipart-form.js';
import { routeGroup } from '../route-group.js';
import { strictObject } from '../schemas.js';
import { v1VerifySchema } from './verify-schemas.js';

export interface EsignV1RoutesOptions {
  identity: IdentityContext;
  verifier: PdfVerifier;
  certificates: SigningContext;
}

/** The largest specimen image (`imageTTD`) a signing call takes: the appearance builder's limit. */
export const V1_MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The text fields of `POST /api/sign/pdf`, as BSRE-API.md spells them (matched in any case). */
const signFields = [
  'nik',
  'passphrase',
  'tampilan',
  'image',
  'linkQR',
  'page',
  'xAxis',
  'yAxis',
  'width',
  'height',
  'halaman',
  'tag_koordinat',
  'reason',
  'location',
  'text',
  'jenis_response',
] as const;

/** OpenAPI only: the form of a signing call (the route reads the stream itself, multipart-form.ts). */
const signForm = {
  type: 'object',
  required: ['file', 'nik', 'passphrase'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'The PDF (at most TEKEN_SIGN_MAX_PDF_BYTES).' },
    nik: {
      type: 'string',
      description: "The signer's 16-digit NIK (a holder of the API client's institution).",
    },
    passphrase: { type: 'string', format: 'password' },
    tampilan: { type: 'string', description: '`visible` or `invisible` (any case; default invisible).' },
    image: {
      type: 'string',
      description:
        'Visible: `true` draws `imageTTD`; `false` (or absent) a QR code of `linkQR` or of the verification page.',
    },
    imageTTD: {
      type: 'string',
      format: 'binary',
      description: 'The specimen image, JPEG or PNG (at most 5 MiB).',
    },
    linkQR: { type: 'string', description: 'The URL the QR code encodes (default: the verification page).' },
    page: { type: 'string', description: 'Visible: the page (1-based).' },
    halaman: { type: 'string', description: '`pertama` or `terakhir` (any case), instead of `page`.' },
    xAxis: { type: 'string', description: "The box's lower-left x, PDF units (decimals allowed)." },
    yAxis: { type: 'string', description: "The box's lower-left y." },
    width: { type: 'string' },
    height: { type: 'string' },
    tag_koordinat: {
      type: 'string',
      description: 'A marker text; the box goes at each occurrence (it wins over page/xAxis/yAxis).',
    },
    reason: { type: 'string' },
    location: { type: 'string' },
    text: { type: 'string', description: 'A line drawn under the image or QR code.' },
    jenis_response: { type: 'string', description: '`BYTE` (default: the PDF) or `BASE64` (JSON).' },
  },
} as const;

const verifyForm = {
  type: 'object',
  required: ['signed_file'],
  properties: {
    signed_file: { type: 'string', format: 'binary', description: 'The signed PDF (at most 20 MiB).' },
    password: { type: 'string', format: 'password', description: 'Its password, when encrypted.' },
  },
} as const;

/**
 * Route schemas of a multipart route: the form is documented for OpenAPI (`consumes` and the
 * body's shape, which @fastify/swagger reads) but not validated by Fastify (there is no body
 * object to validate; multipart-form.ts reads the stream).
 */
const multipartBody = (form: object) => ({ consumes: ['multipart/form-data'], body: form });

export const esignV1Routes = routeGroup<EsignV1RoutesOptions>(
  (app, { identity, certificates: ctx, verifier }) => {
    useApiClientAuth(app, identity);
    // In this group only: the other routes keep refusing what is not JSON.
    void app.register(multipart, { throwFileSizeLimit: false });
    // The routes in a child scope, registered after the parser so it is in place for them.
    void app.register(routeGroup(v1Routes), { identity, certificates: ctx, verifier });
  },
);

function v1Routes(app: FastifyInstance, { certificates: ctx, verifier }: EsignV1RoutesOptions): void {
  // The form is read from the stream by the handler (multipart-form.ts); the body schemas are
  // there for OpenAPI, so nothing here is validated against them (these routes have no params
  // or query).
  app.setValidatorCompiler(() => () => true);
  const maxPdf = ctx.config.signing.maxPdfBytes;

  app.post(
    '/api/sign/pdf',
    {
      config: { access: 'api-client' },
      schema: {
        summary:
          "eSign v1: signs one PDF (multipart) for the institution's holder with this NIK and passphrase; the signed PDF (headers id_dokumen, id-dokumen, signing_time), or JSON with jenis_response=BASE64.",
        ...multipartBody(signForm),
        response: apiClientResponses({
          200: {
            description:
              'The signed PDF (jenis_response BYTE, the default), or with jenis_response=BASE64 the same in JSON; both with the headers id_dokumen, id-dokumen and signing_time.',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'application/json': {
                schema: strictObject(
                  {
                    base64_signed_file: { type: 'string' },
                    id_dokumen: { type: 'string', pattern: '^[0-9a-f]{32}$' },
                    signing_time: { type: 'string', format: 'date-time' },
                  },
                  { title: 'EsignV1SignBase64Answer' },
                ),
              },
            },
          },
        }),
      },
    },
    async (request, reply) => {
      const caller = apiCallerOf(request);
      const { signed, response } = await (async () => {
        try {
          const form = await readMultipartForm(request, {
            files: { file: maxPdf, imageTTD: V1_MAX_IMAGE_BYTES },
            fields: signFields,
            prefix: 'Proses signing gagal : ',
          });
          const parsed = parseV1SignForm(form.fields, {
            ...(form.files['file'] ? { file: form.files['file'].bytes } : {}),
            ...(form.files['imageTTD'] ? { imageTTD: form.files['imageTTD'].bytes } : {}),
          });
          const holder = await findHolder(ctx.db, ctx.master, caller.institutionId, parsed.signer);
          if (holder === null) throw new TekenError('ERR_ESIGN_USER_NOT_REGISTERED');
          const { documents } = await signDocuments(ctx, {
            holder,
            credential: parsed.credential,
            documents: parsed.documents,
            actor: `api-client:${caller.id}`,
            channel: 'esign-v1',
            apiClient: { id: caller.id, institutionId: caller.institutionId },
            address: request.ip,
          });
          return { signed: documents[0]!, response: parsed.response };
        } catch (error) {
          throw esignSigningError(error);
        }
      })();
      const signingTime = signed.signingTime.toISOString();
      void reply
        .header('id_dokumen', signed.id)
        .header('id-dokumen', signed.id)
        .header('signing_time', signingTime)
        .header('cache-control', 'no-store');
      if (response === 'base64')
        return reply.type('application/json; charset=utf-8').send({
          base64_signed_file: Buffer.from(signed.pdf).toString('base64'),
          id_dokumen: signed.id,
          signing_time: signingTime,
        });
      return reply
        .header('content-disposition', `attachment; filename="${signed.id}.pdf"`)
        .type('application/pdf')
        .send(Buffer.from(signed.pdf.buffer, signed.pdf.byteOffset, signed.pdf.byteLength));
    },
  );

  app.post(
    '/api/sign/verify',
    {
      config: { access: 'api-client' },
      schema: {
        summary:
          'eSign v1: verifies a signed PDF (multipart `signed_file`) with the one validator; an unsigned PDF gives jumlah_signature 0.',
        ...multipartBody(verifyForm),
        response: apiClientResponses({ 200: v1VerifySchema }),
      },
    },
    async (request, reply) => {
      const form = await readMultipartForm(request, {
        // `file` too: some clients name the part as they do for signing.
        files: { signed_file: MAX_VERIFY_PDF_BYTES, file: MAX_VERIFY_PDF_BYTES },
        fields: ['password'],
      });
      const upload = form.files['signed_file'] ?? form.files['file'];
      if (!upload || upload.bytes.length === 0)
        throw new TekenError('ERR_INPUT_INVALID', 'signed_file wajib diisi (dokumen PDF).', {
          details: { field: 'signed_file' },
        });
      const password = form.fields['password'];
      const report = await verifier.verify(new Uint8Array(upload.bytes), {
        ...(password && password !== 'null' ? { password } : {}),
        ...(upload.filename ? { fileName: upload.filename } : {}),
      });
      return reply.type('application/json; charset=utf-8').send(v1VerifyResponse(report));
    },
  );
}
