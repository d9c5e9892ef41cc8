/**
 * The visible part of a signature: where its widgets go and what their appearance streams draw
 * (ISO 32000-2 12.5.5, 12.7.5.5). @libpdf/core signs invisibly only, so the appearance is built
 * here on its low-level objects: a form XObject that draws the specimen image, or a QR code as
 * filled squares (vector, sharp at any zoom, no image decoder in the way).
 *
 * Boxes are given as the reader sees the page (BSrE's page, xAxis, yAxis, width, height: lower-left
 * corner, PDF units, origin at the lower-left of the displayed page). On a page with /Rotate the
 * box is mapped into the page's user space and the appearance is turned by the page's rotation
 * (its /Matrix), so the image stands upright on screen and in print.
 *
 * A `text` (BSrE v1's `text` field) is drawn under the image or QR code in Helvetica, one of the
 * standard 14 fonts every reader has (ISO 32000-2 9.6.2.2, so nothing is embedded), WinAnsi-encoded:
 * wrapped to the box's width in at most three lines, its size shrunk to fit; characters WinAnsi
 * cannot show become "?".
 */
import zlib from 'node:zlib';
import qrcode from 'qrcode-generator';
import {
  Standard14Font,
  PdfArray,
  PdfDict,
  PdfName,
  PdfNumber,
  PdfStream,
  type PDF,
  type PDFPage,
  type PdfRef,
} from '@libpdf/core';
import { TekenError } from '../../errors/teken-error.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What the box shows: a specimen image (JPEG or PNG) or a QR code of a link, and optionally a line
 * of text under it.
 */
export type AppearanceContent = ({ image: Uint8Array } | { qr: string }) & { text?: string };

const maxImageBytes = 5 * 1024 * 1024;
const maxImagePixels = 4096;

/** The page's visible frame: its CropBox (default MediaBox) and /Rotate, normalised. */
export function pageFrame(page: PDFPage): { llx: number; lly: number; w: number; h: number; rotate: number } {
  const box = page.getCropBox();
  const rotate = (((Math.round(page.rotation / 90) * 90) % 360) + 360) % 360;
  return { llx: box.x, lly: box.y, w: box.width, h: box.height, rotate };
}

type Frame = ReturnType<typeof pageFrame>;

/** The size of the page as displayed. */
export const displayedSize = (f: Frame) =>
  f.rotate === 90 || f.rotate === 270 ? { width: f.h, height: f.w } : { width: f.w, height: f.h };

/** A displayed point to user space. */
function toUser(f: Frame, x: number, y: number): [number, number] {
  switch (f.rotate) {
    case 90:
      return [f.llx + f.w - y, f.lly + x];
    case 180:
      return [f.llx + f.w - x, f.lly + f.h - y];
    case 270:
      return [f.llx + y, f.lly + f.h - x];
    default:
      return [f.llx + x, f.lly + y];
  }
}

/** A user-space point to the displayed page. */
export function toDisplayed(f: Frame, ux: number, uy: number): [number, number] {
  const a = ux - f.llx;
  const b = uy - f.lly;
  switch (f.rotate) {
    case 90:
      return [b, f.w - a];
    case 180:
      return [f.w - a, f.h - b];
    case 270:
      return [f.h - b, a];
    default:
      return [a, b];
  }
}

/** The widget's /Rect (user space) of a displayed box. */
export function userRect(f: Frame, box: Box): [number, number, number, number] {
  const [x1, y1] = toUser(f, box.x, box.y);
  const [x2, y2] = toUser(f, box.x + box.width, box.y + box.height);
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

export function checkBox(box: Box, f: Frame): void {
  const values = [box.x, box.y, box.width, box.height];
  if (!values.every((v) => Number.isFinite(v)) || box.width <= 0 || box.height <= 0)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'The signature box needs a position and a positive width and height.',
      {
        details: { field: 'width' },
      },
    );
  const size = displayedSize(f);
  if (
    box.width > 14400 ||
    box.height > 14400 ||
    box.x < 0 ||
    box.y < 0 ||
    box.x >= size.width ||
    box.y >= size.height
  )
    throw new TekenError('ERR_INPUT_INVALID', 'The signature box is outside the page.', {
      details: { field: 'xAxis' },
    });
}

const n = (v: number) => PdfNumber.of(Math.round(v * 1000) / 1000);
const fmt = (v: number) => String(Math.round(v * 1000) / 1000);

function imageSize(bytes: Uint8Array): { kind: 'png' | 'jpeg'; width: number; height: number } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR')
    return { kind: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the JPEG markers to the first start-of-frame (ITU T.81 B.2.2).
    let pos = 2;
    while (pos + 9 < b.length) {
      if (b[pos] !== 0xff) break;
      const marker = b[pos + 1]!;
      const length = b.readUInt16BE(pos + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { kind: 'jpeg', height: b.readUInt16BE(pos + 5), width: b.readUInt16BE(pos + 7) };
      pos += 2 + length;
    }
  }
  throw new TekenError('ERR_INPUT_INVALID', 'The specimen image must be a JPEG or PNG file.', {
    details: { field: 'imageTTD' },
  });
}

/**
 * The modules of the QR code of `text`, kept for the last few texts: making a QR code tries all
 * eight mask patterns (ISO/IEC 18004 7.8.3), 40 % of a one-page visible signature when measured
 * (bench/RESULTS.md), and a batch often shows one link on every document.
 */
const qrCache = new Map<string, { count: number; dark: Uint8Array }>();
const qrCacheSize = 64;

function qrModules(text: string): { count: number; dark: Uint8Array } {
  const cached = qrCache.get(text);
  if (cached) {
    // Most recently used last.
    qrCache.delete(text);
    qrCache.set(text, cached);
    return cached;
  }
  const qr = qrcode(0, 'M');
  qr.addData(unescape(encodeURIComponent(text)), 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const dark = new Uint8Array(count * count);
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++) dark[row * count + col] = qr.isDark(row, col) ? 1 : 0;
  const modules = { count, dark };
  qrCache.set(text, modules);
  if (qrCache.size > qrCacheSize) qrCache.delete(qrCache.keys().next().value!);
  return modules;
}

/** Content stream drawing a QR code of `text` into a w×h box, on white, with a quiet zone. */
function qrContent(text: string, w: number, h: number): string {
  if (typeof text !== 'string' || text.length === 0 || text.length > 1024)
    throw new TekenError('ERR_INPUT_INVALID', 'The QR link must have 1 to 1024 characters.', {
      details: { field: 'linkQR' },
    });
  const { count, dark } = qrModules(text);
  const side = Math.min(w, h);
  const cell = side / (count + 2);
  const ox = (w - side) / 2 + cell;
  const oy = (h - side) / 2 + cell;
  const ops = [`q 1 g ${fmt((w - side) / 2)} ${fmt((h - side) / 2)} ${fmt(side)} ${fmt(side)} re f 0 g`];
  ops.push(`${fmt(cell)} 0 0 ${fmt(cell)} ${fmt(ox)} ${fmt(oy)} cm`);
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++)
      if (dark[row * count + col]) ops.push(`${col} ${count - 1 - row} 1 1 re`);
  ops.push('f Q');
  return ops.join('\n');
}

const helvetica = Standard14Font.of('Helvetica');
const maxTextChars = 512;
const maxTextLines = 3;

/**
 * The text as WinAnsiEncoding bytes can show it (ISO 32000-2 Annex D.2): printable Latin-1 stays,
 * the rest becomes "?" (the one-byte encoding has no other glyphs).
 */
export function winAnsiText(text: string): string {
  return [...text.replace(/\s+/g, ' ').trim()]
    .map((c) => {
      const code = c.codePointAt(0)!;
      return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) ? c : '?';
    })
    .join('');
}

/** Words into lines no wider than `width` at `size`; a word too long for a line is cut. */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (helvetica.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (helvetica.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && helvetica.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The text's lines and size for a w×h box: the largest size from 9 down to 3 points at which the
 * text fits in three lines within a third of the box's height; at the smallest, the lines beyond
 * three are left out and the third ends with "...".
 */
export function textLayout(text: string, w: number, h: number): { lines: string[]; size: number } {
  const usable = Math.max(w - 4, 1);
  for (let size = 9; size >= 3; size -= 0.5) {
    const lines = wrap(text, size, usable);
    if (lines.length <= maxTextLines && lines.length * size * 1.2 + 2 <= h / 3) return { lines, size };
  }
  const size = 3;
  const lines = wrap(text, size, usable);
  if (lines.length <= maxTextLines) return { lines, size };
  const kept = lines.slice(0, maxTextLines);
  let last = `${kept[maxTextLines - 1]!}...`;
  while (last.length > 3 && helvetica.widthOfTextAtSize(last, size) > usable)
    last = `${last.slice(0, -4)}...`;
  kept[maxTextLines - 1] = last;
  return { lines: kept, size };
}

/** A PDF hex string of WinAnsi text (no escaping to get wrong). */
const hexString = (text: string) => `<${Buffer.from(text, 'latin1').toString('hex')}>`;

/** Content stream of the text's lines, centred, bottom up from y = 1; returns it and its height. */
function textContent(text: string, w: number, h: number): { ops: string; height: number } {
  const { lines, size } = textLayout(text, w, h);
  const leading = size * 1.2;
  const ops = ['q 0 g BT /F1 ' + fmt(size) + ' Tf'];
  lines.forEach((line, i) => {
    const x = Math.max((w - helvetica.widthOfTextAtSize(line, size)) / 2, 2);
    const y = 1 + (lines.length - 1 - i) * leading + size * 0.22;
    ops.push(`1 0 0 1 ${fmt(x)} ${fmt(y)} Tm ${hexString(line)} Tj`);
  });
  ops.push('ET Q');
  return { ops: ops.join('\n'), height: lines.length * leading + 2 };
}

/**
 * Builds the appearance stream (a form XObject of the displayed box's size, turned by the page's
 * rotation) and registers it; returns its reference.
 */
export function buildAppearance(pdf: PDF, content: AppearanceContent, box: Box, rotate: number): PdfRef {
  const w = box.width;
  const resources = new PdfDict();
  let ops: string;
  // The text's band at the bottom; the image or QR code takes the rest of the box.
  let band = { ops: '', height: 0 };
  if (typeof content === 'object' && content !== null && content.text !== undefined) {
    if (typeof content.text !== 'string' || content.text.length > maxTextChars)
      throw new TekenError('ERR_INPUT_INVALID', `text: at most ${maxTextChars} characters.`, {
        details: { field: 'text' },
      });
    const text = winAnsiText(content.text);
    if (text !== '') {
      band = textContent(text, w, box.height);
      resources.set(
        'Font',
        PdfDict.of({
          F1: PdfDict.of({
            Type: PdfName.of('Font'),
            Subtype: PdfName.of('Type1'),
            BaseFont: PdfName.of('Helvetica'),
            Encoding: PdfName.of('WinAnsiEncoding'),
          }),
        }),
      );
    }
  }
  // A box too small for its text keeps half its height for the mark (the BBox clips the rest).
  const h = Math.max(box.height - band.height, box.height / 2);
  if (typeof content !== 'object' || content === null || (!('image' in content) && !('qr' in content)))
    throw new TekenError('ERR_INPUT_INVALID', 'A visible signature shows an image or a QR code.', {
      details: { field: 'image' },
    });
  if ('image' in content) {
    if (!(content.image instanceof Uint8Array))
      throw new TekenError('ERR_INPUT_INVALID', 'The specimen image is missing.', {
        details: { field: 'imageTTD' },
      });
    if (content.image.length > maxImageBytes)
      throw new TekenError('ERR_INPUT_INVALID', 'The specimen image is larger than 5 MB.', {
        details: { field: 'imageTTD' },
      });
    const size = imageSize(content.image);
    if (size.width < 1 || size.height < 1 || size.width > maxImagePixels || size.height > maxImagePixels)
      throw new TekenError(
        'ERR_INPUT_INVALID',
        `The specimen image must be 1 to ${maxImagePixels} pixels a side.`,
        {
          details: { field: 'imageTTD' },
        },
      );
    let image;
    try {
      image = size.kind === 'png' ? pdf.embedPng(content.image) : pdf.embedJpeg(content.image);
    } catch (error) {
      throw new TekenError('ERR_INPUT_INVALID', 'The specimen image cannot be read.', {
        cause: error,
        details: { field: 'imageTTD' },
      });
    }
    resources.set('XObject', PdfDict.of({ Im1: image.ref }));
    // Fit the image into the box, keeping its proportions, centred.
    const scale = Math.min(w / size.width, h / size.height);
    const iw = size.width * scale;
    const ih = size.height * scale;
    ops = `q ${fmt(iw)} 0 0 ${fmt(ih)} ${fmt((w - iw) / 2)} ${fmt((h - ih) / 2)} cm /Im1 Do Q`;
  } else ops = qrContent(content.qr, w, h);
  if (band.height > 0) ops = `q 1 0 0 1 0 ${fmt(band.height)} cm\n${ops}\nQ\n${band.ops}`;
  const rad = (rotate * Math.PI) / 180;
  const cos = Math.round(Math.cos(rad));
  const sin = Math.round(Math.sin(rad));
  // Compressed here with node:zlib: the library would deflate it at save with pako, in JavaScript,
  // 14 % of a one-page visible signature when measured.
  const stream = new PdfStream(
    [
      ['Type', PdfName.of('XObject')],
      ['Subtype', PdfName.of('Form')],
      ['BBox', new PdfArray([n(0), n(0), n(w), n(box.height)])],
      ['Matrix', new PdfArray([n(cos), n(sin), n(-sin), n(cos), n(0), n(0)])],
      ['Resources', resources],
      ['Filter', PdfName.of('FlateDecode')],
    ],
    new Uint8Array(zlib.deflateSync(ops)),
  );
  return pdf.context.registry.register(stream);
}
