/**
 * Opens a PDF to be signed, within limits, and turns everything the parser can throw into a
 * TekenError the API can answer with a 400: a hostile document gets a clear refusal and never a
 * crash. Also where the engine steps around @libpdf/core where it would break earlier signatures
 * (docs/pades.md, "Gaps"): it refuses to update linearized files incrementally, which ISO 32000-2
 * 7.5.6 allows (the update simply makes the file no longer linearized).
 */
import zlib from 'node:zlib';
import { PDF, PdfArray, PdfDict, PdfName, PdfRef, PdfStream, type PdfObject } from '@libpdf/core';
import { TekenError } from '../../errors/teken-error.js';

export interface PadesLimits {
  /** Largest PDF accepted, in bytes. */
  maxBytes: number;
  /** Most pages. */
  maxPages: number;
  /** Most occurrences of a tag text (each gets a widget). */
  maxTagMatches: number;
  /** Most bytes a page's content streams may inflate to when tags are searched (zip bombs). */
  maxDecodedContentBytes: number;
  /** Most signatures already in a document. */
  maxSignatures: number;
}

export const defaultPadesLimits: PadesLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 5000,
  maxTagMatches: 200,
  maxDecodedContentBytes: 32 * 1024 * 1024,
  maxSignatures: 100,
};

/** The internals of @libpdf/core 0.4.2 the engine reaches (pinned; tests cover each use). */
interface PdfInternals {
  originalBytes: Uint8Array;
  originalXRefOffset: number;
  _isLinearized: boolean;
  _recoveredViaBruteForce: boolean;
  saveInternal(options: { incremental: boolean }): { bytes: Uint8Array; xrefOffset: number };
}

export const internals = (pdf: PDF) => pdf as unknown as PdfInternals;

const hasEncrypt = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(
    '/Encrypt',
    undefined,
    'latin1',
  ) >= 0;

/**
 * Loads `bytes` (with the user or owner password when it is encrypted), ready for an incremental
 * update.
 */
export async function openPdf(
  bytes: Uint8Array,
  password: string | undefined,
  limits: PadesLimits,
): Promise<PDF> {
  if (bytes.length > limits.maxBytes)
    throw new TekenError('ERR_PDF_TOO_LARGE', `The PDF is larger than ${limits.maxBytes} bytes.`);
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new TekenError('ERR_PDF_INVALID', 'The file is not a PDF.');
  let pdf: PDF;
  try {
    pdf = await PDF.load(bytes, password === undefined || password === '' ? {} : { credentials: password });
  } catch (error) {
    if (hasEncrypt(bytes))
      throw new TekenError('ERR_PDF_PASSWORD', undefined, {
        cause: error,
        details: { field: 'pdfPassword' },
      });
    throw new TekenError('ERR_PDF_INVALID', 'The PDF cannot be read.', { cause: error });
  }
  if (pdf.isEncrypted && !pdf.isAuthenticated)
    throw new TekenError('ERR_PDF_PASSWORD', undefined, { details: { field: 'pdfPassword' } });
  let pages: number;
  try {
    pages = pdf.getPageCount();
  } catch (error) {
    throw new TekenError('ERR_PDF_INVALID', 'The page tree of the PDF cannot be read.', { cause: error });
  }
  if (pages === 0) throw new TekenError('ERR_PDF_INVALID', 'The PDF has no pages.');
  if (pages > limits.maxPages)
    throw new TekenError('ERR_PDF_TOO_LARGE', `The PDF has more than ${limits.maxPages} pages.`);
  const inner = internals(pdf);
  // An incremental update of a linearized file is valid PDF (ISO 32000-2 7.5.6, Annex F.2); the
  // library's full rewrite instead would break every earlier signature.
  inner._isLinearized = false;
  if (inner._recoveredViaBruteForce) {
    // A damaged cross-reference table: an incremental update would chain to a broken one. Without
    // signatures to keep, rewrite the file whole first; with them, refuse.
    if (signatureValues(pdf).length > 0)
      throw new TekenError(
        'ERR_PDF_INVALID',
        'The PDF is damaged and already signed; it cannot be signed again.',
      );
    let rewritten: Uint8Array;
    try {
      // save() returns the original bytes when nothing changed: touch the catalog.
      pdf.getCatalog().set('Type', PdfName.of('Catalog'));
      rewritten = await pdf.save();
      pdf = await PDF.load(rewritten, password ? { credentials: password } : {});
    } catch (error) {
      throw new TekenError('ERR_PDF_INVALID', 'The PDF is damaged beyond repair.', { cause: error });
    }
    internals(pdf)._isLinearized = false;
    if (internals(pdf)._recoveredViaBruteForce)
      throw new TekenError('ERR_PDF_INVALID', 'The PDF is damaged beyond repair.');
  }
  return pdf;
}

export function resolve(pdf: PDF, obj: PdfObject | undefined): PdfObject | undefined {
  let current = obj;
  for (let i = 0; i < 32 && current instanceof PdfRef; i++) current = pdf.getObject(current) ?? undefined;
  return current instanceof PdfRef ? undefined : current;
}

/** The /V dictionaries of the signature fields already signed (ISO 32000-2 12.7.5.5). */
export function signatureValues(pdf: PDF): PdfDict[] {
  const acroForm = resolve(pdf, pdf.getCatalog().get('AcroForm'));
  if (!acroForm || acroForm.type !== 'dict') return [];
  const out: PdfDict[] = [];
  const seen = new Set<string>();
  const visit = (node: PdfObject | undefined, depth: number) => {
    if (depth > 32 || out.length > 10_000) return;
    if (node instanceof PdfRef) {
      const key = `${node.objectNumber} ${node.generation}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const dict = resolve(pdf, node);
    if (!dict || dict.type !== 'dict') return;
    const d = dict;
    const value = resolve(pdf, d.get('V'));
    if (d.getName('FT')?.value === 'Sig' && value && value.type === 'dict') out.push(value);
    const kids = resolve(pdf, d.get('Kids'));
    if (kids instanceof PdfArray) for (const kid of kids) visit(kid, depth + 1);
  };
  const fields = resolve(pdf, acroForm.get('Fields'));
  if (fields instanceof PdfArray) for (const field of fields) visit(field, 0);
  return out;
}

/**
 * Inflates each FlateDecode content stream of a page with a ceiling, before the text search of the
 * library inflates them without one: a zip bomb in a content stream is refused here.
 */
export function checkContentStreams(pdf: PDF, pageIndex: number, limits: PadesLimits): void {
  const page = pdf.getPage(pageIndex);
  if (!page) return;
  const contents = resolve(pdf, page.dict.get('Contents'));
  const streams: PdfObject[] = contents instanceof PdfArray ? [...contents] : contents ? [contents] : [];
  let total = 0;
  for (const entry of streams) {
    const stream = resolve(pdf, entry);
    if (!(stream instanceof PdfStream)) continue;
    const filter = resolve(pdf, stream.get('Filter'));
    const filters = filter instanceof PdfArray ? [...filter].map((f) => resolve(pdf, f)) : [filter];
    const names = filters.map((f) => (f && f.type === 'name' ? (f as { value: string }).value : undefined));
    if (names.length === 1 && names[0] === 'FlateDecode') {
      try {
        total += zlib.inflateSync(stream.data, {
          maxOutputLength: limits.maxDecodedContentBytes - total + 1,
          finishFlush: zlib.constants.Z_SYNC_FLUSH,
        }).length;
      } catch (error) {
        // Node throws a RangeError when maxOutputLength is passed.
        if (error instanceof RangeError)
          throw new TekenError('ERR_PDF_TOO_LARGE', 'A page of the PDF inflates beyond the limit.', {
            cause: error,
          });
        // A broken stream: the library's own decoder is lenient; let it try.
      }
    } else total += stream.data.length;
    if (total > limits.maxDecodedContentBytes)
      throw new TekenError('ERR_PDF_TOO_LARGE', 'A page of the PDF inflates beyond the limit.');
  }
}

function clearDirty(obj: PdfObject, depth = 0): void {
  if (depth > 64) return;
  if (obj instanceof PdfDict || obj instanceof PdfArray) obj.clearDirty();
  if (obj instanceof PdfDict)
    for (const [, value] of obj) if (!(value instanceof PdfRef)) clearDirty(value, depth + 1);
  if (obj instanceof PdfArray)
    for (const item of obj) if (!(item instanceof PdfRef)) clearDirty(item, depth + 1);
}

/**
 * Saves an incremental update with exactly the objects the engine changed (`touched`) and the new
 * ones. @libpdf/core marks every object it decrypts as changed, so an update of an encrypted PDF
 * would otherwise rewrite the earlier signature dictionaries too, their /Contents encrypted: a
 * change to a signed revision that breaks those signatures.
 */
export function saveTouched(
  pdf: PDF,
  touched: readonly PdfObject[],
): { bytes: Uint8Array; xrefOffset: number } {
  const keep = new Set<PdfObject>(touched);
  for (const [, obj] of pdf.context.registry.getLoadedObjects()) if (!keep.has(obj)) clearDirty(obj);
  return internals(pdf).saveInternal({ incremental: true });
}

/**
 * What a parser throws on a hostile document (a RangeError of a deep structure, a TypeError of a
 * missing entry) is the document's fault: a 400 with the cause kept for the log, never a crash.
 */
export function asTekenError(error: unknown): TekenError {
  if (error instanceof TekenError) return error;
  return new TekenError('ERR_PDF_INVALID', 'The PDF cannot be processed.', { cause: error });
}
