/**
 * One signature as one incremental update (ISO 32000-2 7.5.6, 12.8.1): the signature dictionary
 * with its placeholders, its field and widget(s) on the page(s), the AcroForm's /SigFlags; saved
 * after the original bytes, the byte range patched, its digest handed to `produce` (which returns
 * the CMS or the time-stamp token), the result written into /Contents. Everything before the
 * update is kept byte for byte, so earlier signatures stay valid.
 *
 * Later updates (the DSS of B-LT) chain onto the result in memory, without parsing the file again:
 * the library is told the new end of file and cross-reference offset.
 */
import crypto from 'node:crypto';
import type { PdfRef } from '@libpdf/core';
import { PdfArray, PdfDict, PdfName, PdfNumber, PdfString, type PDF, type PdfObject } from '@libpdf/core';
import { TekenError } from '../../errors/teken-error.js';
import type { PadesHash } from './cms.js';
import { internals, resolve, saveTouched } from './open-pdf.js';
import {
  byteRangeDigest,
  byteRangePlaceholder,
  contentsPlaceholder,
  findPlaceholders,
  patchByteRange,
  patchContents,
  type ByteRange,
} from './placeholder.js';

export interface WidgetSpec {
  pageIndex: number;
  /** User-space /Rect; [0 0 0 0] for an invisible signature. */
  rect: [number, number, number, number];
  /** Normal appearance (form XObject), for visible widgets. */
  appearance?: PdfRef;
}

export interface RevisionSpec {
  /** Entries of the signature dictionary besides /ByteRange and /Contents. */
  dictionary: Record<string, PdfObject>;
  widgets: WidgetSpec[];
  fieldPrefix: string;
  /** Bytes reserved for /Contents. */
  reserve: number;
  hash: PadesHash;
}

export interface RevisionResult {
  bytes: Uint8Array;
  xrefOffset: number;
  byteRange: ByteRange;
  fieldName: string;
  /** The padded /Contents bytes (for the VRI key). */
  contents: Uint8Array;
}

/** Thrown (internally) when the CMS does not fit: the caller reserves `needed` and starts over. */
export class ReserveTooSmall extends Error {
  constructor(readonly needed: number) {
    super('The signature does not fit its reserved space.');
  }
}

function fieldNames(pdf: PDF, fields: PdfArray): Set<string> {
  const names = new Set<string>();
  for (const field of fields) {
    const dict = resolve(pdf, field);
    if (dict instanceof PdfDict) {
      const t = dict.getString('T');
      if (t) names.add(t.asString());
    }
  }
  return names;
}

/** The AcroForm dictionary and its /Fields array, created when missing. */
function acroForm(pdf: PDF, touched: PdfObject[]): { form: PdfDict; fields: PdfArray } {
  const catalog = pdf.getCatalog();
  let form = resolve(pdf, catalog.get('AcroForm'));
  if (!(form instanceof PdfDict)) {
    form = new PdfDict();
    catalog.set('AcroForm', pdf.context.registry.register(form));
    touched.push(catalog);
  }
  touched.push(form);
  const dict = form;
  let fields = resolve(pdf, dict.get('Fields'));
  if (!(fields instanceof PdfArray)) {
    fields = new PdfArray([]);
    dict.set('Fields', fields);
  }
  touched.push(fields);
  return { form: dict, fields: fields };
}

function addAnnotation(pdf: PDF, pageIndex: number, widget: PdfRef, touched: PdfObject[]): PdfRef {
  const page = pdf.getPage(pageIndex);
  if (!page) throw new TekenError('ERR_INPUT_INVALID', 'No such page.', { details: { field: 'page' } });
  const annots = resolve(pdf, page.dict.get('Annots'));
  if (annots instanceof PdfArray) annots.push(widget);
  else page.dict.set('Annots', new PdfArray([widget]));
  touched.push(page.dict, ...(annots ? [annots] : []));
  return page.ref;
}

const rectArray = (r: [number, number, number, number]) =>
  new PdfArray(r.map((v) => PdfNumber.of(Math.round(v * 1000) / 1000)));

/**
 * Writes the revision and fills /Contents with what `produce` makes from the byte range's digest.
 */
export async function writeSignatureRevision(
  pdf: PDF,
  spec: RevisionSpec,
  produce: (digest: Uint8Array) => Promise<Uint8Array>,
): Promise<RevisionResult> {
  const registry = pdf.context.registry;
  const signature = PdfDict.of({
    ...spec.dictionary,
    ByteRange: byteRangePlaceholder(),
    Contents: contentsPlaceholder(spec.reserve),
  });
  const signatureRef = registry.register(signature);
  const touched: PdfObject[] = [];
  const { form, fields } = acroForm(pdf, touched);
  const names = fieldNames(pdf, fields);
  let index = names.size + 1;
  while (names.has(`${spec.fieldPrefix}${index}`)) index++;
  const fieldName = `${spec.fieldPrefix}${index}`;
  const widgetEntries = (w: WidgetSpec): Record<string, PdfObject> => ({
    Type: PdfName.of('Annot'),
    Subtype: PdfName.of('Widget'),
    // Print (4), and for invisible signatures Locked (128) too; never Hidden, which some
    // validators read as "not shown when signed".
    F: PdfNumber.of(w.appearance ? 4 : 132),
    Rect: rectArray(w.rect),
    ...(w.appearance ? { AP: PdfDict.of({ N: w.appearance }) } : {}),
  });
  const field: Record<string, PdfObject> = {
    FT: PdfName.of('Sig'),
    T: PdfString.fromString(fieldName),
    V: signatureRef,
  };
  // One widget, merged with its field (ISO 32000-2 12.5.6.19), as signers usually write it. A
  // signature shown at several places (every occurrence of a tag) gets its widget at the first and
  // locked stamp annotations with the same appearance at the others: poppler does not inherit /V
  // from a parent field into its widgets, so a field with several widgets reads as unsigned there.
  const [first, ...others] = spec.widgets;
  if (!first) throw new TekenError('ERR_SERVER_INTERNAL', 'A signature needs a widget.');
  const dict = PdfDict.of({ ...field, ...widgetEntries(first) });
  const ref = registry.register(dict);
  dict.set('P', addAnnotation(pdf, first.pageIndex, ref, touched));
  fields.push(ref);
  for (const w of others) {
    const stamp = PdfDict.of({
      Type: PdfName.of('Annot'),
      Subtype: PdfName.of('Stamp'),
      // Print | ReadOnly | Locked | LockedContents.
      F: PdfNumber.of(4 | 64 | 128 | 512),
      Rect: rectArray(w.rect),
      Contents: PdfString.fromString(`${fieldName}`),
      ...(w.appearance ? { AP: PdfDict.of({ N: w.appearance }) } : {}),
    });
    const stampRef = registry.register(stamp);
    stamp.set('P', addAnnotation(pdf, w.pageIndex, stampRef, touched));
  }
  // SignaturesExist | AppendOnly (ISO 32000-2 12.7.3): viewers must save incrementally from now on.
  form.set('SigFlags', PdfNumber.of(3));

  const blocker = pdf.canSaveIncrementally();
  if (blocker)
    throw new TekenError('ERR_PDF_INVALID', `The PDF cannot be updated incrementally (${blocker}).`);
  const before = internals(pdf).originalBytes.length;
  let saved: { bytes: Uint8Array; xrefOffset: number };
  try {
    saved = saveTouched(pdf, touched);
  } catch (error) {
    throw new TekenError('ERR_PDF_INVALID', 'The PDF cannot be written back.', { cause: error });
  }
  const bytes = saved.bytes;
  const at = findPlaceholders(bytes, before, spec.reserve);
  const byteRange = patchByteRange(bytes, at);
  const produced = await produce(byteRangeDigest(bytes, byteRange, spec.hash));
  if (!patchContents(bytes, at, produced)) throw new ReserveTooSmall(produced.length + 512);
  const contents = new Uint8Array(spec.reserve);
  contents.set(produced);
  // Later updates chain onto these bytes.
  internals(pdf).originalBytes = bytes;
  internals(pdf).originalXRefOffset = saved.xrefOffset;
  return { bytes, xrefOffset: saved.xrefOffset, byteRange, fieldName, contents };
}

/** Saves the pending changes (a DSS) as one more incremental update and chains onto it. */
export function writeUpdate(pdf: PDF, touched: readonly PdfObject[]): Uint8Array {
  const saved = saveTouched(pdf, touched);
  internals(pdf).originalBytes = saved.bytes;
  internals(pdf).originalXRefOffset = saved.xrefOffset;
  return saved.bytes;
}

/** A PDF date (ISO 32000-2 7.9.4) in UTC. */
export function pdfDate(date: Date): PdfString {
  const iso = date.toISOString();
  return PdfString.fromString(
    `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`,
  );
}

export const sha1Hex = (bytes: Uint8Array) =>
  crypto.createHash('sha1').update(bytes).digest('hex').toUpperCase();
