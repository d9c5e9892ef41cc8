/**
 * The document time-stamp of PAdES B-LTA (ETSI EN 319 142-1 5.4.3, ISO 32000-2 12.8.5): a
 * /DocTimeStamp signature dictionary with SubFilter ETSI.RFC3161 whose /Contents is a bare RFC 3161
 * TimeStampToken over the byte range. Added on top of a signed document, it seals the signatures
 * and the DSS under the TSA's time; adding another later renews the seal.
 */
import { PdfName, type PDF } from '@libpdf/core';
import { TekenError } from '../../errors/teken-error.js';
import type { PadesHash } from './cms.js';
import { addValidationData, type ValidationData } from './dss.js';
import { asTekenError, defaultPadesLimits, openPdf, type PadesLimits } from './open-pdf.js';
import { ReserveTooSmall, writeSignatureRevision, writeUpdate } from './signature-revision.js';
import { callTsa, readTimestampToken, type PadesTimestamper } from './timestamp-token.js';

const initialReserve = 10240;

/** Adds the document time-stamp as the next update of `pdf` (already open, possibly chained). */
export async function addDocumentTimestampRevision(
  pdf: PDF,
  tsa: PadesTimestamper,
  hash: PadesHash,
  reserve = initialReserve,
): Promise<{ bytes: Uint8Array; genTime: Date; certificates: Uint8Array[]; contents: Uint8Array }> {
  let genTime: Date | undefined;
  let certificates: Uint8Array[] = [];
  const revision = await writeSignatureRevision(
    pdf,
    {
      dictionary: {
        Type: PdfName.of('DocTimeStamp'),
        Filter: PdfName.of('Adobe.PPKLite'),
        SubFilter: PdfName.of('ETSI.RFC3161'),
      },
      widgets: [{ pageIndex: 0, rect: [0, 0, 0, 0] }],
      fieldPrefix: 'Timestamp',
      reserve,
      hash,
    },
    async (digest) => {
      const token = await callTsa(tsa, digest, hash);
      const info = readTimestampToken(token, digest, hash);
      genTime = info.genTime;
      certificates = info.certificates;
      return token;
    },
  );
  return { bytes: revision.bytes, genTime: genTime!, certificates, contents: revision.contents };
}

export interface DocumentTimestampInput {
  pdf: Uint8Array;
  pdfPassword?: string;
  tsa: PadesTimestamper;
  hash?: PadesHash;
  /** Validation data of the TSA's chain to add to the DSS after the time-stamp. */
  validation?: ValidationData;
  limits?: Partial<PadesLimits>;
}

/**
 * Time-stamps a (signed) document: B-LTA for a B-LT document, or a renewal of an archive time-stamp.
 *
 * @example
 * const { pdf } = await addDocumentTimestamp({ pdf: signed, tsa });
 */
export async function addDocumentTimestamp(
  input: DocumentTimestampInput,
): Promise<{ pdf: Uint8Array; genTime: Date }> {
  try {
    return await addDocumentTimestampUnguarded(input);
  } catch (error) {
    throw asTekenError(error);
  }
}

async function addDocumentTimestampUnguarded(
  input: DocumentTimestampInput,
): Promise<{ pdf: Uint8Array; genTime: Date }> {
  if (!input.tsa)
    throw new TekenError('ERR_INPUT_INVALID', 'A document time-stamp needs a time-stamping authority.');
  const limits = { ...defaultPadesLimits, ...input.limits };
  let reserve = initialReserve;
  for (let attempt = 0; ; attempt++) {
    const pdf = await openPdf(input.pdf, input.pdfPassword, limits);
    try {
      const stamped = await addDocumentTimestampRevision(pdf, input.tsa, input.hash ?? 'sha256', reserve);
      let bytes = stamped.bytes;
      if (input.validation) {
        const touched = addValidationData(
          pdf,
          {
            ...input.validation,
            certificates: [...stamped.certificates, ...(input.validation.certificates ?? [])],
          },
          stamped.contents,
        );
        bytes = writeUpdate(pdf, touched);
      }
      return { pdf: bytes, genTime: stamped.genTime };
    } catch (error) {
      if (error instanceof ReserveTooSmall && attempt < 2) {
        reserve = error.needed;
        continue;
      }
      throw error;
    }
  }
}
