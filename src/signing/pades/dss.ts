/**
 * The Document Security Store of PAdES B-LT (ETSI EN 319 142-1 5.4, ISO 32000-2 12.8.4.3): the
 * certificates, OCSP responses and CRLs a validator needs, in the document, so it can still be
 * validated when the CA's services are gone; with a VRI entry per signature (keyed by the SHA-1 of
 * its /Contents) saying which of them belong to it. Written as its own incremental update after the
 * signature; an existing DSS (from earlier signatures) is kept and extended.
 */
import crypto from 'node:crypto';
import { PdfArray, PdfDict, PdfName, PdfStream, type PDF, type PdfObject, type PdfRef } from '@libpdf/core';
import { resolve } from './open-pdf.js';
import { pdfDate, sha1Hex } from './signature-revision.js';

export interface ValidationData {
  certificates?: readonly Uint8Array[];
  ocspResponses?: readonly Uint8Array[];
  crls?: readonly Uint8Array[];
}

const maxExisting = 1000;
const key = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The existing entries of one DSS array, by content digest. */
function existing(
  pdf: PDF,
  dss: PdfDict | undefined,
  name: string,
): { array: PdfArray; byDigest: Map<string, PdfRef> } {
  const byDigest = new Map<string, PdfRef>();
  const found = dss ? resolve(pdf, dss.get(name)) : undefined;
  const array = found instanceof PdfArray ? found : new PdfArray([]);
  let count = 0;
  for (const item of array) {
    if (++count > maxExisting) break;
    const stream = resolve(pdf, item);
    if (!(stream instanceof PdfStream) || item.type !== 'ref') continue;
    try {
      byDigest.set(key(stream.getDecodedData()), item);
    } catch {
      // An undecodable earlier entry stays as it is.
    }
  }
  return { array, byDigest };
}

/** Adds `data` to the DSS (and a VRI entry for the signature whose /Contents is `contents`). */
export function addValidationData(
  pdf: PDF,
  data: ValidationData,
  contents?: Uint8Array,
  time = new Date(),
): PdfObject[] {
  const touched: PdfObject[] = [];
  const catalog = pdf.getCatalog();
  const found = resolve(pdf, catalog.get('DSS'));
  const dss = found instanceof PdfDict ? found : new PdfDict();
  const registry = pdf.context.registry;
  const vri = new PdfDict();
  const add = (name: string, vriName: string, items: readonly Uint8Array[] | undefined) => {
    const { array, byDigest } = existing(pdf, found instanceof PdfDict ? found : undefined, name);
    const refs: PdfRef[] = [];
    for (const item of items ?? []) {
      const digest = key(item);
      let ref = byDigest.get(digest);
      if (!ref) {
        ref = registry.register(new PdfStream([], item));
        byDigest.set(digest, ref);
        array.push(ref);
      }
      if (!refs.includes(ref)) refs.push(ref);
    }
    if (array.length > 0) dss.set(name, array);
    touched.push(array);
    if (refs.length > 0) vri.set(vriName, new PdfArray(refs));
  };
  add('Certs', 'Cert', data.certificates);
  add('OCSPs', 'OCSP', data.ocspResponses);
  add('CRLs', 'CRL', data.crls);
  if (contents) {
    vri.set('TU', pdfDate(time));
    const vris = resolve(pdf, dss.get('VRI'));
    const vriDict = vris instanceof PdfDict ? vris : new PdfDict();
    vriDict.set(sha1Hex(contents), vri);
    dss.set('VRI', vriDict);
    touched.push(vriDict);
  }
  if (!(found instanceof PdfDict)) {
    dss.set('Type', PdfName.of('DSS'));
    catalog.set('DSS', registry.register(dss));
    touched.push(catalog);
  }
  touched.push(dss);
  return touched;
}
