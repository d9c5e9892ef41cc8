/**
 * The revisions of a PDF (ISO 32000-2 7.5.6: each incremental update ends with its own `startxref`
 * and `%%EOF`) and what each update after a signed revision changed: the object numbers its
 * cross-reference section (a table or a stream) lists, each compared with the object as the
 * revision before had it. PAdES allows, after a signature (ETSI EN 319 142-1 5.4, ISO 32000-2
 * 12.8.2.2): a DSS and its VRI, later signatures and document time-stamps with their fields and
 * widgets (and the AcroForm, /Fields and /Annots entries that add them). Anything else changed is a
 * modification that is not allowed.
 *
 * New object numbers change nothing by themselves: a reader only reaches them through an object
 * that existed before, so only those are judged.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import {
  PdfArray,
  PdfBool,
  PdfDict,
  PdfName,
  PdfNumber,
  PdfRef,
  PdfStream,
  PdfString,
  type PDF,
  type PdfObject,
} from '@libpdf/core';

export interface Revision {
  /** Offset just after this revision's `%%EOF` (and its end-of-line). */
  end: number;
  /** Its `startxref` offset. */
  xrefOffset: number;
}

const latin1 = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

/** Every revision end in the file, in order. */
export function findRevisions(bytes: Uint8Array, maxRevisions: number): Revision[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Revision[] = [];
  for (
    let at = buffer.indexOf('%%EOF', 0, 'latin1');
    at >= 0;
    at = buffer.indexOf('%%EOF', at + 5, 'latin1')
  ) {
    const before = latin1(bytes, Math.max(0, at - 48), at);
    const m = /startxref\s+(\d+)\s*$/.exec(before);
    if (!m) continue;
    let end = at + 5;
    if (bytes[end] === 0x0d) end++;
    if (bytes[end] === 0x0a) end++;
    out.push({ end, xrefOffset: Number(m[1]) });
    if (out.length > maxRevisions) break;
  }
  return out;
}

/** PNG predictors (ISO 32000-2 7.4.4.4) of an xref stream, rows of `columns` bytes. */
function unpredict(data: Uint8Array, columns: number): Uint8Array {
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * rowLength]!;
    for (let c = 0; c < columns; c++) {
      const raw = data[r * rowLength + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = value & 0xff;
    }
  }
  return out;
}

const numbersIn = (text: string) => (text.match(/-?\d+/g) ?? []).map(Number);

/**
 * The object numbers the cross-reference section at `offset` lists (in use or freed), or
 * undefined when it cannot be read.
 */
export function xrefSectionObjects(
  bytes: Uint8Array,
  offset: number,
  limit = 1_000_000,
): number[] | undefined {
  if (offset < 0 || offset >= bytes.length) return undefined;
  const head = latin1(bytes, offset, Math.min(bytes.length, offset + 64));
  if (head.startsWith('xref')) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const trailer = buffer.indexOf('trailer', offset, 'latin1');
    if (trailer < 0) return undefined;
    const lines = latin1(bytes, offset + 4, trailer).split(/\r\n|\r|\n/);
    const out: number[] = [];
    let next = 0;
    for (const line of lines) {
      const t = line.trim();
      if (!t) continue;
      const sub = /^(\d+)\s+(\d+)$/.exec(t);
      if (sub) {
        next = Number(sub[1]);
        continue;
      }
      if (/^\d{10}\s+\d{5}\s+[nf]$/.test(t)) out.push(next++);
      if (out.length > limit) return undefined;
    }
    return out;
  }
  const obj = /^(\d+)\s+(\d+)\s+obj\b/.exec(head);
  if (!obj) return undefined;
  // A cross-reference stream: read its dictionary and inflate its data here.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const streamAt = buffer.indexOf('stream', offset, 'latin1');
  if (streamAt < 0 || streamAt - offset > 4096) return undefined;
  const dict = latin1(bytes, offset, streamAt);
  const w = /\/W\s*\[([^\]]*)\]/.exec(dict);
  const size = /\/Size\s+(\d+)/.exec(dict);
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (!w || !size || !length) return undefined;
  const widths = numbersIn(w[1]!);
  const index = /\/Index\s*\[([^\]]*)\]/.exec(dict);
  const ranges = index ? numbersIn(index[1]!) : [0, Number(size[1])];
  let dataStart = streamAt + 6;
  if (bytes[dataStart] === 0x0d) dataStart++;
  if (bytes[dataStart] === 0x0a) dataStart++;
  let data: Uint8Array = bytes.subarray(dataStart, dataStart + Number(length[1]));
  try {
    if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data, { maxOutputLength: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
  const rowWidth = widths.reduce((a, b) => a + b, 0);
  if (rowWidth <= 0) return undefined;
  const predictor = /\/Predictor\s+(\d+)/.exec(dict);
  if (predictor && Number(predictor[1]) >= 10) {
    const columns = /\/Columns\s+(\d+)/.exec(dict);
    data = unpredict(data, columns ? Number(columns[1]) : 1);
  }
  const out: number[] = [];
  let row = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    for (let n = 0; n < ranges[i + 1]!; n++, row++) {
      if ((row + 1) * rowWidth > data.length) return undefined;
      out.push(ranges[i]! + n);
      if (out.length > limit) return undefined;
    }
  }
  return out;
}

/** A canonical text of an object, to compare two revisions of it (streams by their data's digest). */
function canon(obj: PdfObject | undefined, depth = 0): string {
  if (obj === undefined) return 'undefined';
  if (depth > 24) return '…';
  if (obj instanceof PdfRef) return `${obj.objectNumber} ${obj.generation} R`;
  if (obj instanceof PdfStream)
    return `${canonDict(obj, depth)}stream:${crypto.createHash('sha256').update(obj.data).digest('hex')}`;
  if (obj instanceof PdfDict) return canonDict(obj, depth);
  if (obj instanceof PdfArray) return `[${[...obj].map((o) => canon(o, depth + 1)).join(' ')}]`;
  if (obj instanceof PdfName) return `/${obj.value}`;
  if (obj instanceof PdfString) return `<${Buffer.from(obj.bytes).toString('hex')}>`;
  if (obj instanceof PdfNumber) return String(obj.value);
  if (obj instanceof PdfBool) return String(obj.value);
  return 'null';
}

function canonDict(dict: PdfDict, depth: number, skip: ReadonlySet<string> = new Set()): string {
  const entries = [...dict]
    .filter(([k]) => !skip.has(k.value) && k.value !== 'Length')
    .map(([k, v]) => `/${k.value} ${canon(v, depth + 1)}`)
    .sort();
  return `<<${entries.join(' ')}>>`;
}

const refKey = (ref: PdfRef) => `${ref.objectNumber} ${ref.generation}`;

const resolveIn = (pdf: PDF, obj: PdfObject | undefined): PdfObject | undefined => {
  let current = obj;
  for (let i = 0; i < 16 && current instanceof PdfRef; i++) current = pdf.getObject(current) ?? undefined;
  return current instanceof PdfRef ? undefined : current;
};

const dictOf = (pdf: PDF, obj: PdfObject | undefined) => {
  const d = resolveIn(pdf, obj);
  return d instanceof PdfDict ? d : undefined;
};

/** Whether `ref` (an entry added to /Fields or /Annots) is a signature's field, widget or stamp. */
function isSignatureAnnotation(pdf: PDF, ref: PdfObject): boolean {
  const dict = dictOf(pdf, ref);
  if (!dict) return false;
  let node: PdfDict | undefined = dict;
  for (let i = 0; i < 8 && node; i++) {
    if (node.getName('FT')?.value === 'Sig') return true;
    node = dictOf(pdf, node.get('Parent'));
  }
  // Teken's copies of a signature's appearance at further tag occurrences: locked stamps.
  const flags = dict.getNumber('F')?.value ?? 0;
  return dict.getName('Subtype')?.value === 'Stamp' && (flags & 128) !== 0 && (flags & 512) !== 0;
}

/** The entries of `after` that `before` does not have, or undefined when one of before's is gone. */
function added(before: PdfArray | undefined, after: PdfArray | undefined): PdfObject[] | undefined {
  const old = before ? [...before].map((o) => canon(o)) : [];
  const now = after ? [...after] : [];
  const nowKeys = now.map((o) => canon(o));
  if (!old.every((k) => nowKeys.includes(k))) return undefined;
  return now.filter((_, i) => !old.includes(nowKeys[i]!));
}

const arrayOf = (pdf: PDF, obj: PdfObject | undefined) => {
  const a = resolveIn(pdf, obj);
  return a instanceof PdfArray ? a : undefined;
};

/** The dictionaries equal but for `keys`. */
const equalBut = (a: PdfDict, b: PdfDict, keys: readonly string[]) =>
  canonDict(a, 0, new Set(keys)) === canonDict(b, 0, new Set(keys));

export interface UpdateFinding {
  /** Everything the update changed is what PAdES allows. */
  allowed: boolean;
  /** The update adds a signature (not a document time-stamp). */
  addsSignature: boolean;
  /** What was changed that is not allowed, for the log and the report. */
  disallowed: string[];
}

/**
 * Judges the update from revision `before` to `after` (both opened), given the object numbers its
 * cross-reference section lists.
 */
export function judgeUpdate(before: PDF, after: PDF, objectNumbers: readonly number[]): UpdateFinding {
  const disallowed: string[] = [];
  let addsSignature = false;
  const oldCatalog = before.getCatalog();
  const newCatalog = after.getCatalog();
  const roles = new Map<string, string>();
  const role = (obj: PdfObject | undefined, name: string) => {
    if (obj instanceof PdfRef) roles.set(refKey(obj), name);
  };
  role(before.context.info.trailer.getRef('Root'), 'catalog');
  role(oldCatalog.get('AcroForm'), 'acroform');
  const oldForm = dictOf(before, oldCatalog.get('AcroForm'));
  role(oldForm?.get('Fields'), 'fields');
  role(oldCatalog.get('DSS'), 'dss');
  const oldDss = dictOf(before, oldCatalog.get('DSS'));
  for (const k of ['Certs', 'OCSPs', 'CRLs', 'VRI']) role(oldDss?.get(k), 'dss');
  for (const page of before.getPages()) {
    roles.set(refKey(page.ref), 'page');
    role(page.dict.get('Annots'), 'annots');
  }
  // Pages stay pages: a page rewritten is judged by its own rule.
  const checkAdded = (entries: PdfObject[] | undefined, what: string) => {
    if (!entries) return disallowed.push(`${what}: an entry removed`);
    for (const e of entries) {
      if (!isSignatureAnnotation(after, e)) disallowed.push(`${what}: a non-signature entry added`);
      const d = dictOf(after, e);
      const v = d ? dictOf(after, d.get('V')) : undefined;
      if (
        v &&
        v.getName('Type')?.value !== 'DocTimeStamp' &&
        v.getName('SubFilter')?.value !== 'ETSI.RFC3161'
      )
        addsSignature = true;
    }
    return 0;
  };

  // The catalog itself may not be listed (it is judged through its references anyway).
  const numbers = new Set(objectNumbers);
  const catalogRef = [...roles].find(([, r]) => r === 'catalog')?.[0];
  for (const n of numbers) {
    const oldRef = PdfRef.of(n, 0);
    const oldObj = before.getObject(oldRef) ?? undefined;
    if (oldObj === undefined || oldObj === null) continue;
    const newObj = after.getObject(oldRef) ?? undefined;
    const key = refKey(oldRef);
    if (canon(oldObj) === canon(newObj ?? undefined)) continue;
    const what = roles.get(key);
    if (key === catalogRef || what === 'catalog') {
      if (!(newObj instanceof PdfDict) || !(oldObj instanceof PdfDict)) {
        disallowed.push('catalog');
        continue;
      }
      if (!equalBut(oldObj, newObj, ['DSS', 'AcroForm', 'Extensions'])) disallowed.push('catalog');
      const inlineOld = oldObj.get('AcroForm');
      const inlineNew = newObj.get('AcroForm');
      if (inlineOld instanceof PdfDict && inlineNew instanceof PdfDict)
        judgeForm(before, after, inlineOld, inlineNew, disallowed, checkAdded);
      continue;
    }
    if (what === 'dss') continue;
    if (what === 'acroform' && oldObj instanceof PdfDict && newObj instanceof PdfDict) {
      judgeForm(before, after, oldObj, newObj, disallowed, checkAdded);
      continue;
    }
    if ((what === 'fields' || what === 'annots') && oldObj instanceof PdfArray) {
      checkAdded(added(oldObj, newObj instanceof PdfArray ? newObj : undefined), what);
      continue;
    }
    if (what === 'page' && oldObj instanceof PdfDict && newObj instanceof PdfDict) {
      if (!equalBut(oldObj, newObj, ['Annots'])) disallowed.push(`page ${key}`);
      else if (!(oldObj.get('Annots') instanceof PdfRef && newObj.get('Annots') instanceof PdfRef))
        checkAdded(
          added(arrayOf(before, oldObj.get('Annots')), arrayOf(after, newObj.get('Annots'))),
          'annots',
        );
      continue;
    }
    // An empty signature field being signed: its value and appearance.
    if (
      oldObj instanceof PdfDict &&
      newObj instanceof PdfDict &&
      oldObj.getName('FT')?.value === 'Sig' &&
      oldObj.get('V') === undefined &&
      equalBut(oldObj, newObj, ['V', 'AP'])
    ) {
      addsSignature = true;
      continue;
    }
    disallowed.push(`object ${key}`);
  }
  // A catalog rewritten under a new object number (a new /Root): judged as the catalog.
  const newRoot = after.context.info.trailer.getRef('Root');
  if (newRoot && catalogRef && refKey(newRoot) !== catalogRef) {
    if (!equalBut(oldCatalog, newCatalog, ['DSS', 'AcroForm', 'Extensions'])) disallowed.push('catalog');
  }
  return { allowed: disallowed.length === 0, addsSignature, disallowed };
}

function judgeForm(
  before: PDF,
  after: PDF,
  oldForm: PdfDict,
  newForm: PdfDict,
  disallowed: string[],
  checkAdded: (entries: PdfObject[] | undefined, what: string) => number,
): void {
  if (!equalBut(oldForm, newForm, ['Fields', 'SigFlags', 'DR', 'DA'])) disallowed.push('acroform');
  if (!(oldForm.get('Fields') instanceof PdfRef && newForm.get('Fields') instanceof PdfRef))
    checkAdded(
      added(arrayOf(before, oldForm.get('Fields')), arrayOf(after, newForm.get('Fields'))),
      'fields',
    );
}
