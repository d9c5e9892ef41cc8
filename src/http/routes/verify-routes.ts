/**
 * The public verification behind the console's "Verifikasi PDF" (no sign-in): a PDF in base64 in,
 * the one validator's report out, in Indonesian and English, as JSON or as a PDF report; and what
 * Teken recorded of a document it signed (the QR code's `/verifikasi?dokumen=<id>`), never the
 * document. Limited per client address through the attempt guard's `verify_request` quota (429
 * with Retry-After), the look-up as much as the verification.
 */
import { TekenError } from '../../errors/teken-error.js';
import type { SignedDocumentRecord } from '../../signing/look-up-signed-document.js';
import type { PdfVerifier } from '../../signing/verify/pdf-verifier.js';
import { publicReport, publicReportPdf, type ReportLanguage } from '../../signing/verify/public-report.js';
import { routeGroup } from '../route-group.js';
import { arrayOf, boolean, problemResponse, responses, strictObject } from '../schemas.js';
import { base64PdfBody, decodeBase64Pdf, verifyBodyLimit } from './verify-schemas.js';

export interface VerifyRoutesOptions {
  verifier: PdfVerifier;
  /** The per-address quota (the attempt guard's `verify_request`). */
  limit: (address: string) => Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
  /** The record of a signed document (lookUpSignedDocument), or its error. */
  lookUpDocument: (id: string) => Promise<SignedDocumentRecord>;
}

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

const publicReportSchema = strictObject(
  {
    fileName: nullableStr,
    conclusion: { type: 'string', enum: ['VALID', 'INVALID', 'INDETERMINATE', 'NO_SIGNATURE'] },
    summary: strictObject({ id: str, en: str }),
    signatureCount: { type: 'integer' },
    signatures: arrayOf(
      strictObject({
        fieldName: str,
        documentTimestamp: boolean,
        holds: boolean,
        signerName: str,
        signerDn: str,
        issuerName: str,
        chain: arrayOf(str),
        trusted: boolean,
        integrity: boolean,
        signingCertificateMatches: boolean,
        modified: boolean,
        modifiedAllowed: boolean,
        signingTime: nullableStr,
        timestamp: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['signerName', 'time', 'valid'],
          properties: { signerName: str, time: str, valid: boolean },
        },
        ltv: boolean,
        revocation: { type: 'string', enum: ['good', 'revoked', 'unknown'] },
        level: str,
        certificationLevel: { type: 'integer' },
        reason: nullableStr,
        location: nullableStr,
      }),
    ),
  },
  { title: 'PublicVerificationReport' },
);

const body = {
  ...base64PdfBody,
  additionalProperties: false,
  properties: {
    ...base64PdfBody.properties,
    fileName: { type: 'string', maxLength: 255, pattern: '^[^\\u0000-\\u001f]*$' },
  },
} as const;

type Body = { file: string; password?: string | null; fileName?: string };

const signedDocumentSchema = strictObject(
  {
    id: str,
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    signerName: str,
    kind: { type: 'string', enum: ['signature', 'seal'] },
    signingTime: { type: 'string', format: 'date-time' },
    level: nullableStr,
  },
  { title: 'SignedDocumentRecord' },
);

export const verifyRoutes = routeGroup<VerifyRoutesOptions>((app, { verifier, limit, lookUpDocument }) => {
  const guard = async (address: string) => {
    const quota = await limit(address);
    if (!quota.ok)
      throw new TekenError(
        'ERR_VERIFY_RATE_LIMITED',
        `Too many verifications from this address; retry in ${quota.retryAfterSeconds} s.`,
        { details: { retryAfterSeconds: quota.retryAfterSeconds } },
      );
  };
  const run = async (address: string, input: Body) => {
    await guard(address);
    const pdf = decodeBase64Pdf(input.file, 'file');
    return publicReport(
      await verifier.verify(pdf, { password: input.password ?? undefined, fileName: input.fileName }),
    );
  };

  app.post<{ Body: Body }>(
    '/api/public/verify/pdf',
    {
      config: { access: 'public' },
      bodyLimit: verifyBodyLimit,
      schema: {
        summary: '"Verifikasi PDF": the validation report of a PDF (base64), in Indonesian and English.',
        body,
        response: responses({ 200: publicReportSchema }),
      },
    },
    async (request, reply) => {
      const report = await run(request.ip, request.body);
      return reply.header('cache-control', 'no-store').send(report);
    },
  );

  app.post<{ Body: Body; Querystring: { lang?: ReportLanguage } }>(
    '/api/public/verify/pdf/report',
    {
      config: { access: 'public' },
      bodyLimit: verifyBodyLimit,
      schema: {
        summary: '"Verifikasi PDF": the validation report as a PDF document (`lang` id or en).',
        body,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { lang: { type: 'string', enum: ['id', 'en'] } },
        },
        response: { '4xx': problemResponse, '5xx': problemResponse },
      },
    },
    async (request, reply) => {
      const report = await run(request.ip, request.body);
      const pdf = await publicReportPdf(report, request.query.lang ?? 'id');
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="laporan-verifikasi.pdf"')
        .type('application/pdf')
        .send(Buffer.from(pdf));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/public/verify/document/:id',
    {
      config: { access: 'public' },
      schema: {
        summary:
          "What Teken recorded of a document it signed (the QR code's link): the signed PDF's SHA-256, the signer's common name, the time and the PAdES level; never the document.",
        params: {
          type: 'object',
          additionalProperties: false,
          required: ['id'],
          properties: { id: { type: 'string', pattern: '^[0-9a-fA-F]{32}$', description: 'id_dokumen' } },
        },
        response: responses({ 200: signedDocumentSchema }),
      },
    },
    async (request, reply) => {
      await guard(request.ip);
      const record = await lookUpDocument(request.params.id);
      return reply
        .header('cache-control', 'no-store')
        .send({ ...record, signingTime: record.signingTime.toISOString() });
    },
  );
});
