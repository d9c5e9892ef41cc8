/**
 * Reading a multipart/form-data upload (RFC 7578) of BSrE's eSign API v1 with @fastify/multipart,
 * streamed and bounded: each file part is read chunk by chunk against its own limit (the PDF's
 * TEKEN_SIGN_MAX_PDF_BYTES, the specimen image's 5 MiB, a small one for parts nobody asked for),
 * and refused with ERR_INPUT_TOO_LARGE (413) the moment it passes it, so a huge or endless upload
 * is never buffered; what is left of the body is drained or the connection closed by body-drain.ts.
 * The number of parts and the size of text fields are bounded too. Chunked uploads without a
 * Content-Length and `Expect: 100-continue` need nothing here: the parser reads the stream as it
 * comes, and Node answers 100 Continue itself.
 *
 * Field names are matched without regard to case (`xaxis`, `XAxis`, `ImageTTD` as clients spell
 * them); the first of a repeated text field counts, a repeated file is refused.
 */
import type { FastifyRequest } from 'fastify';
import { TekenError } from '../errors/teken-error.js';

export interface UploadedFile {
  bytes: Buffer;
  filename: string | undefined;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

export interface MultipartLimits {
  /** The file fields read, by canonical name, with each one's byte limit. */
  files: Record<string, number>;
  /** The text fields known, by canonical name (others are kept under their own name). */
  fields: readonly string[];
  /** Prefixed to every refusal ("Proses signing gagal : " for the signing route). */
  prefix?: string;
}

/** A file part nobody asked for is read (to reach the next part) up to this, then refused. */
const OTHER_FILE_MAX = 1024 * 1024;
const FIELD_MAX = 64 * 1024;
const PARTS_MAX = 64;

/**
 * The form of a multipart request, or a 400/413 in the catalogue's terms (the API-client error
 * handler answers it in BSrE's shape).
 */
export async function readMultipartForm(
  request: FastifyRequest,
  limits: MultipartLimits,
): Promise<MultipartForm> {
  const prefix = limits.prefix ?? '';
  const refuse = (field: string, why: string): never => {
    throw new TekenError('ERR_INPUT_INVALID', `${prefix}${field} ${why}`, {
      details: { field, bsreCode: 400 },
    });
  };
  if (!request.isMultipart()) refuse('body', 'harus dikirim sebagai multipart/form-data.');
  const canonical = new Map<string, string>();
  for (const name of [...Object.keys(limits.files), ...limits.fields])
    canonical.set(name.toLowerCase(), name);
  const largest = Math.max(OTHER_FILE_MAX, ...Object.values(limits.files));
  const form: MultipartForm = { fields: {}, files: {} };
  try {
    const parts = request.parts({
      // One past the largest limit: busboy's own truncation never hides a file that is too large.
      limits: { fileSize: largest + 1, fieldSize: FIELD_MAX, parts: PARTS_MAX, fields: PARTS_MAX },
    });
    for await (const part of parts) {
      const name = canonical.get(part.fieldname.toLowerCase()) ?? part.fieldname;
      if (part.type === 'field') {
        if (part.valueTruncated || part.fieldnameTruncated) refuse(name, `paling panjang ${FIELD_MAX} byte.`);
        if (typeof part.value !== 'string') refuse(name, 'harus berupa teks.');
        if (!Object.hasOwn(form.fields, name)) form.fields[name] = part.value as string;
        continue;
      }
      const max = Object.hasOwn(limits.files, name) ? limits.files[name]! : undefined;
      if (max !== undefined && Object.hasOwn(form.files, name)) refuse(name, 'hanya boleh satu berkas.');
      const limit = max ?? OTHER_FILE_MAX;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit)
          throw new TekenError('ERR_INPUT_TOO_LARGE', `${prefix}${name} melebihi ${limit} byte.`, {
            details: { field: name, limitBytes: limit, bsreCode: 413 },
          });
        if (max !== undefined) chunks.push(chunk);
      }
      if (max !== undefined)
        form.files[name] = { bytes: Buffer.concat(chunks, size), filename: part.filename };
    }
  } catch (error) {
    // The parser stops reading once a part is refused; without it the rest of the body would be
    // held back (the pipe's backpressure) and body-drain.ts could not read it away.
    request.raw.unpipe();
    if (error instanceof TekenError) throw error;
    // The parser's refusals (a truncated or malformed body, too many parts): the client's input.
    const status = (error as { statusCode?: number }).statusCode;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 413)
      throw new TekenError('ERR_INPUT_TOO_LARGE', `${prefix}form multipart terlalu besar (${message}).`, {
        details: { bsreCode: 413 },
      });
    throw new TekenError('ERR_INPUT_INVALID', `${prefix}form multipart tidak valid (${message}).`, {
      cause: error,
      details: { field: 'body', bsreCode: 400 },
    });
  }
  return form;
}
