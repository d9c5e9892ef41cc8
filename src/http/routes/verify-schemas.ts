/**
 * What the verify routes share: the base64 PDF body (v2 and the public page), its decoding, and
 * the response schemas of v2 (BSrE's shape) and of the public report.
 */
import { TekenError } from '../../errors/teken-error.js';
import { MAX_VERIFY_PDF_BYTES } from '../../signing/verify/pdf-verifier.js';
import { arrayOf, boolean, strictObject } from '../schemas.js';

const maxBase64 = Math.ceil(MAX_VERIFY_PDF_BYTES / 3) * 4;
/** The body of a verify request: the base64 of the largest PDF and some room. */
export const verifyBodyLimit = maxBase64 + 64 * 1024;

export const base64PdfBody = {
  type: 'object',
  // Clients send more than BSrE documents: accepted and ignored.
  additionalProperties: true,
  required: ['file'],
  properties: {
    file: { type: 'string', minLength: 1, maxLength: maxBase64 + 4, description: 'The PDF, base64.' },
    password: { type: ['string', 'null'], maxLength: 1024, description: 'Its password, when encrypted.' },
  },
} as const;

/** Decodes standard or URL-safe base64 (with or without a data: prefix); anything else is a 400. */
export function decodeBase64Pdf(text: string, field: string): Uint8Array {
  const body = text.replace(/^data:[^,]{0,100},/, '').replace(/\s+/g, '');
  if (body.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(body) || body.length % 4 === 1)
    throw new TekenError('ERR_INPUT_INVALID', `${field}: the PDF in base64.`, { details: { field } });
  return new Uint8Array(Buffer.from(body, 'base64'));
}

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

export const v2VerifySchema = strictObject(
  {
    conclusion: { type: 'string', enum: ['VALID', 'INVALID', 'INDETERMINATE', 'NO_SIGNATURE'] },
    description: str,
    signatureCount: { type: 'integer' },
    signatureInformations: arrayOf(
      strictObject({
        id: str,
        fieldName: str,
        signerName: str,
        signatureFormat: str,
        signatureDate: nullableStr,
        reason: nullableStr,
        location: nullableStr,
        certLevelCode: { type: 'integer' },
        integrityValid: boolean,
        certificateTrusted: boolean,
        modified: boolean,
        ltv: boolean,
        lastSignature: boolean,
        digestAlgorithm: str,
        signatureAlgorithm: str,
        timestampInfomation: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['id', 'signerName', 'timestampDate'],
          properties: { id: str, signerName: str, timestampDate: str },
        },
        certificateDetails: arrayOf(
          strictObject({
            id: str,
            issuerName: str,
            commonName: str,
            serialNumber: str,
            notBeforeDate: str,
            notAfterDate: str,
            signatureAlgoritm: str,
            keyUsages: arrayOf(str),
          }),
        ),
      }),
    ),
  },
  { title: 'EsignV2VerifyResponse' },
);

export const v1VerifySchema = strictObject(
  {
    nama_dokumen: str,
    jumlah_signature: { type: 'integer' },
    notes: str,
    summary: str,
    details: arrayOf(
      strictObject({
        signature_field: str,
        info_tsa: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['name', 'tsa_cert_validity'],
          properties: { name: str, tsa_cert_validity: str },
        },
        info_signer: strictObject({
          issuer_dn: str,
          signer_name: str,
          signer_cert_validity: str,
          signer_dn: str,
          cert_user_certified: boolean,
        }),
        signature_document: strictObject({
          signed_using_tsa: boolean,
          reason: str,
          document_integrity: boolean,
          signature_value: boolean,
          signed_in: str,
          location: str,
          hash_value: str,
        }),
      }),
    ),
  },
  { title: 'EsignV1VerifyResponse' },
);
