/**
 * Signs a PDF at a PAdES baseline level (ETSI EN 319 142-1): B-B, B-T (a signature time-stamp from
 * the injected TSA), B-LT (B-T plus a DSS with the chain, OCSP responses and CRLs, and a VRI entry)
 * and B-LTA (B-LT plus a document time-stamp). Each step is an incremental update; see
 * docs/pades.md for the library choice and what is built here instead of taken from it.
 *
 * The key arrives unlocked (the certificates module opens it through the attempt guard) and is
 * only used to sign the signed attributes; nothing here logs or keeps it.
 *
 * @example
 * const { pdf } = await signPdf({ pdf: bytes, privateKey, certificate, chain, level: 'B-T', tsa });
 */
import type crypto from 'node:crypto';
import { PdfName, PdfString, type PDF, type PdfObject, type PdfRef } from '@libpdf/core';
import { TekenError } from '../../errors/teken-error.js';
import {
  buildAppearance,
  checkBox,
  pageFrame,
  toDisplayed,
  userRect,
  type AppearanceContent,
  type Box,
} from './appearance.js';
import { buildCadesSignature, keyKind, type PadesHash } from './cms.js';
import { addDocumentTimestampRevision } from './document-timestamp.js';
import { addValidationData, type ValidationData } from './dss.js';
import {
  checkContentStreams,
  defaultPadesLimits,
  asTekenError,
  openPdf,
  resolve,
  signatureValues,
  type PadesLimits,
} from './open-pdf.js';
import {
  pdfDate,
  ReserveTooSmall,
  writeSignatureRevision,
  writeUpdate,
  type WidgetSpec,
} from './signature-revision.js';
import { callTsa, readTimestampToken, type PadesTimestamper } from './timestamp-token.js';

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';
export const padesLevels: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

/** Where a visible signature goes: a box on a page (1-based, or the first or last), or at a tag. */
export type Placement =
  { page: number | 'first' | 'last'; box: Box } | { tag: string; width: number; height: number };

export interface VisibleSignature {
  placement: Placement;
  content: AppearanceContent;
}

export interface SignPdfInput {
  pdf: Uint8Array;
  /** User or owner password of an encrypted PDF. */
  pdfPassword?: string;
  privateKey: crypto.KeyObject;
  /** The signer's certificate, DER. */
  certificate: Uint8Array;
  /** Its issuing CAs, nearest first (the root may be left out), DER. */
  chain: readonly Uint8Array[];
  level: PadesLevel;
  /** Needed from B-T on. */
  tsa?: PadesTimestamper;
  /** OCSP responses, CRLs and more certificates for the DSS (B-LT, B-LTA). */
  validation?: ValidationData;
  hash?: PadesHash;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** The signer's name for /Name. */
  name?: string;
  /** /M, the claimed signing time; now when left out. */
  signingTime?: Date;
  /** Left out: an invisible signature. */
  visible?: VisibleSignature;
  limits?: Partial<PadesLimits>;
}

export interface SignPdfResult {
  pdf: Uint8Array;
  level: PadesLevel;
  fieldName: string;
  /** Number of widgets drawn (tags found); 0 when invisible. */
  widgets: number;
  /** genTime of the signature time-stamp (B-T and up). */
  timestampTime?: Date;
  /** genTime of the document time-stamp (B-LTA). */
  documentTimestampTime?: Date;
}

const maxTextLength = 1024;

function optionalText(value: string | undefined, field: string): PdfObject | undefined {
  if (value === undefined || value === '') return undefined;
  if (
    typeof value !== 'string' ||
    value.length > maxTextLength ||
    [...value].some((c) => c < ' ' && c !== '\t' && c !== '\n' && c !== '\r')
  )
    throw new TekenError('ERR_INPUT_INVALID', `${field}: at most ${maxTextLength} printable characters.`, {
      details: { field },
    });
  return PdfString.fromString(value);
}

/** Refuses a document whose certification signature allows no changes (DocMDP P=1, ISO 32000-2 12.8.2.2). */
function checkDocMdp(pdf: PDF): void {
  for (const sig of signatureValues(pdf)) {
    const references = resolve(pdf, sig.get('Reference'));
    if (!references || references.type !== 'array') continue;
    for (const item of references as unknown as Iterable<PdfObject>) {
      const ref = resolve(pdf, item);
      if (!ref || ref.type !== 'dict') continue;
      if (ref.getName('TransformMethod')?.value !== 'DocMDP') continue;
      const params = resolve(pdf, ref.get('TransformParams'));
      const p = params && params.type === 'dict' ? params.getNumber('P')?.value : undefined;
      if (p === 1) throw new TekenError('ERR_PDF_CHANGES_FORBIDDEN');
    }
  }
}

function pageIndexOf(pdf: PDF, page: number | 'first' | 'last'): number {
  const count = pdf.getPageCount();
  if (page === 'first') return 0;
  if (page === 'last') return count - 1;
  if (!Number.isInteger(page) || page < 1 || page > count)
    throw new TekenError('ERR_INPUT_INVALID', `page: 1 to ${count}.`, { details: { field: 'page' } });
  return page - 1;
}

/** The widgets of a visible signature: one box, or one per occurrence of the tag. */
function placeWidgets(pdf: PDF, visible: VisibleSignature, limits: PadesLimits): WidgetSpec[] {
  const appearances = new Map<string, PdfRef>();
  const appearanceFor = (box: Box, rotate: number) => {
    const key = `${box.width}x${box.height}@${rotate}`;
    let ref = appearances.get(key);
    if (!ref) {
      ref = buildAppearance(pdf, visible.content, box, rotate);
      appearances.set(key, ref);
    }
    return ref;
  };
  const placement = visible.placement;
  if ('tag' in placement) {
    if (typeof placement.tag !== 'string' || placement.tag.length === 0 || placement.tag.length > 256)
      throw new TekenError('ERR_INPUT_INVALID', 'tag_koordinat: 1 to 256 characters.', {
        details: { field: 'tag_koordinat' },
      });
    const widgets: WidgetSpec[] = [];
    const pages = pdf.getPageCount();
    for (let pageIndex = 0; pageIndex < pages; pageIndex++) {
      checkContentStreams(pdf, pageIndex, limits);
      const page = pdf.getPage(pageIndex)!;
      let matches;
      try {
        matches = page.findText(placement.tag);
      } catch (error) {
        throw new TekenError('ERR_PDF_INVALID', 'The text of the PDF cannot be read.', { cause: error });
      }
      const frame = pageFrame(page);
      for (const match of matches) {
        if (widgets.length >= limits.maxTagMatches)
          throw new TekenError(
            'ERR_PDF_TOO_LARGE',
            `The tag occurs more than ${limits.maxTagMatches} times.`,
          );
        // The box's lower-left corner at the tag's, as the reader sees the page.
        const corners = [
          toDisplayed(frame, match.bbox.x, match.bbox.y),
          toDisplayed(frame, match.bbox.x + match.bbox.width, match.bbox.y + match.bbox.height),
        ];
        const box: Box = {
          x: Math.max(0, Math.min(corners[0]![0], corners[1]![0])),
          y: Math.max(0, Math.min(corners[0]![1], corners[1]![1])),
          width: placement.width,
          height: placement.height,
        };
        checkBox(box, frame);
        widgets.push({ pageIndex, rect: userRect(frame, box), appearance: appearanceFor(box, frame.rotate) });
      }
    }
    if (widgets.length === 0)
      throw new TekenError('ERR_PDF_TAG_NOT_FOUND', undefined, { details: { field: 'tag_koordinat' } });
    return widgets;
  }
  const pageIndex = pageIndexOf(pdf, placement.page);
  const frame = pageFrame(pdf.getPage(pageIndex)!);
  checkBox(placement.box, frame);
  return [
    {
      pageIndex,
      rect: userRect(frame, placement.box),
      appearance: appearanceFor(placement.box, frame.rotate),
    },
  ];
}

function estimateReserve(input: SignPdfInput, kind: 'rsa' | 'ec'): number {
  const certs = [input.certificate, ...input.chain].reduce((sum, c) => sum + c.length, 0);
  const signature = kind === 'rsa' ? (input.privateKey.asymmetricKeyDetails?.modulusLength ?? 4096) / 8 : 140;
  return certs + signature + 1500 + (input.level === 'B-B' ? 0 : 6144);
}

export async function signPdf(input: SignPdfInput): Promise<SignPdfResult> {
  try {
    return await signPdfUnguarded(input);
  } catch (error) {
    throw asTekenError(error);
  }
}

async function signPdfUnguarded(input: SignPdfInput): Promise<SignPdfResult> {
  const limits = { ...defaultPadesLimits, ...input.limits };
  if (!padesLevels.includes(input.level))
    throw new TekenError('ERR_INPUT_INVALID', 'level: B-B, B-T, B-LT or B-LTA.', {
      details: { field: 'level' },
    });
  if (input.level !== 'B-B' && !input.tsa)
    throw new TekenError('ERR_INPUT_INVALID', `${input.level} needs a time-stamping authority.`);
  const hash = input.hash ?? 'sha256';
  const kind = keyKind(input.privateKey);
  const dictionary: Record<string, PdfObject> = {
    Type: PdfName.of('Sig'),
    Filter: PdfName.of('Adobe.PPKLite'),
    SubFilter: PdfName.of('ETSI.CAdES.detached'),
    M: pdfDate(input.signingTime ?? new Date()),
  };
  for (const [key, value, field] of [
    ['Name', input.name, 'name'],
    ['Reason', input.reason, 'reason'],
    ['Location', input.location, 'location'],
    ['ContactInfo', input.contactInfo, 'contactInfo'],
  ] as const) {
    const text = optionalText(value, field);
    if (text) dictionary[key] = text;
  }

  let reserve = estimateReserve(input, kind);
  for (let attempt = 0; ; attempt++) {
    const pdf = await openPdf(input.pdf, input.pdfPassword, limits);
    const existing = signatureValues(pdf);
    if (existing.length >= limits.maxSignatures)
      throw new TekenError('ERR_PDF_TOO_LARGE', `The PDF already has ${existing.length} signatures.`);
    checkDocMdp(pdf);
    const widgets: WidgetSpec[] = input.visible
      ? placeWidgets(pdf, input.visible, limits)
      : [{ pageIndex: 0, rect: [0, 0, 0, 0] }];
    let timestampTime: Date | undefined;
    const tokenCertificates: Uint8Array[] = [];
    try {
      const revision = await writeSignatureRevision(
        pdf,
        { dictionary, widgets, fieldPrefix: 'Signature', reserve, hash },
        (messageDigest) =>
          buildCadesSignature({
            privateKey: input.privateKey,
            certificate: input.certificate,
            chain: input.chain,
            messageDigest,
            hash,
            ...(input.tsa && input.level !== 'B-B'
              ? {
                  timestamp: async (signatureDigest: Uint8Array) => {
                    const token = await callTsa(input.tsa!, signatureDigest, hash);
                    const info = readTimestampToken(token, signatureDigest, hash);
                    timestampTime = info.genTime;
                    tokenCertificates.push(...info.certificates);
                    return token;
                  },
                }
              : {}),
          }),
      );
      let bytes = revision.bytes;
      let documentTimestampTime: Date | undefined;
      if (input.level === 'B-LT' || input.level === 'B-LTA') {
        const touched = addValidationData(
          pdf,
          {
            certificates: [
              input.certificate,
              ...input.chain,
              ...tokenCertificates,
              ...(input.validation?.certificates ?? []),
            ],
            ocspResponses: input.validation?.ocspResponses ?? [],
            crls: input.validation?.crls ?? [],
          },
          revision.contents,
        );
        bytes = writeUpdate(pdf, touched);
        if (input.level === 'B-LTA') {
          const stamped = await addDocumentTimestampRevision(pdf, input.tsa!, hash);
          bytes = stamped.bytes;
          documentTimestampTime = stamped.genTime;
        }
      }
      return {
        pdf: bytes,
        level: input.level,
        fieldName: revision.fieldName,
        widgets: input.visible ? widgets.length : 0,
        ...(timestampTime ? { timestampTime } : {}),
        ...(documentTimestampTime ? { documentTimestampTime } : {}),
      };
    } catch (error) {
      if (error instanceof ReserveTooSmall && attempt < 2) {
        reserve = error.needed;
        continue;
      }
      throw error;
    }
  }
}
