/**
 * The one PDF validator: bytes (and the password of an encrypted PDF) in, a ValidationReport out,
 * per signature field (ETSI EN 319 102-1 basic validation, PAdES levels of EN 319 142-1):
 *
 * - the byte range: four integers, from 0, around /Contents only, ending where a revision ends;
 * - the CMS (PKI.js): the digest of the byte range against message-digest, the signature value
 *   against the signer's certificate (Node's crypto);
 * - the signature time-stamp: its own signature, its imprint over the signature value, the TSA's
 *   path; document time-stamps (B-LTA) the same over their byte range;
 * - the path to Teken's roots or a configured trust anchor, each certificate valid at the signing
 *   time (the time-stamp's, else the claimed /M);
 * - revocation at that time from the DSS's OCSP responses and CRLs, and Teken's own CA database for
 *   the certificates it issued;
 * - every change after the signed revision, and whether PAdES allows it (revisions.ts); DocMDP;
 *   LTV (the DSS holds the status of the signer); the level reached.
 *
 * Bounded: the file through openPdf's limits, at most `maxSignatures` fields and revisions, each
 * /Contents at most 1 MiB; a hostile file gives a TekenError (400), a broken signature a broken
 * entry of the report, never a crash.
 *
 * @example
 * const report = await validatePdf(bytes, { trustAnchors: [rootDer] });
 * conclusionOf(report); // 'VALID'
 */
import { PDF, PdfArray, PdfDict, PdfNumber, PdfRef, PdfStream, type PdfObject } from '@libpdf/core';
import { TekenError } from '../../errors/teken-error.js';
import { asTekenError, defaultPadesLimits, openPdf, type PadesLimits } from '../pades/open-pdf.js';
import {
  checkCms,
  checkTimestampToken,
  cmsOid,
  digestLabel,
  signatureAlgorithmName,
  type CmsCheck,
  type TokenCheck,
} from './cms-check.js';
import { findRevisions, judgeUpdate, xrefSectionObjects, type UpdateFinding } from './revisions.js';
import {
  buildPath,
  CertPool,
  RevocationData,
  revocationAt,
  unknownCertificate,
  type Cert,
  type OwnStatusLookup,
} from './trust.js';
import type { PadesLevel, SignatureFacts, TimestampFacts, ValidationReport } from './validation-report.js';

export interface ValidatePdfOptions {
  /** The user or owner password of an encrypted PDF. */
  password?: string | undefined;
  fileName?: string | undefined;
  /** Roots (DER) a path must end at: Teken's and the configured trust anchors. */
  trustAnchors: readonly Uint8Array[];
  /** Further CA certificates (Teken's issuing CAs) to build paths through. */
  intermediates?: readonly Uint8Array[];
  /** Teken's own record of the certificates it issued. */
  ownStatus?: OwnStatusLookup;
  limits?: Partial<PadesLimits>;
  /** The time to validate at when a signature claims none. */
  now?: Date;
}

const maxContentsBytes = 1024 * 1024;
const maxDssEntries = 1000;

interface Field {
  name: string;
  value: PdfDict;
}

function resolve(pdf: PDF, obj: PdfObject | undefined): PdfObject | undefined {
  let current = obj;
  for (let i = 0; i < 32 && current instanceof PdfRef; i++) current = pdf.getObject(current) ?? undefined;
  return current instanceof PdfRef ? undefined : current;
}

/** The signed signature fields with their full names (ISO 32000-2 12.7.4.2). */
function signatureFields(pdf: PDF, max: number): Field[] {
  const form = resolve(pdf, pdf.getCatalog().get('AcroForm'));
  if (!(form instanceof PdfDict)) return [];
  const out: Field[] = [];
  const seen = new Set<string>();
  const visit = (node: PdfObject | undefined, parentName: string, depth: number) => {
    if (depth > 32) return;
    if (out.length > max)
      throw new TekenError('ERR_PDF_TOO_LARGE', `The PDF has more than ${max} signatures.`);
    if (node instanceof PdfRef) {
      const key = `${node.objectNumber} ${node.generation}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const dict = resolve(pdf, node);
    if (!(dict instanceof PdfDict)) return;
    const partial = dict.getString('T')?.asString();
    const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const value = resolve(pdf, dict.get('V'));
    if (dict.getName('FT')?.value === 'Sig' && value instanceof PdfDict) out.push({ name, value });
    const kids = resolve(pdf, dict.get('Kids'));
    if (kids instanceof PdfArray) for (const kid of kids) visit(kid, name, depth + 1);
  };
  const fields = resolve(pdf, form.get('Fields'));
  if (fields instanceof PdfArray) for (const f of fields) visit(f, '', 0);
  return out;
}

/** The streams of one DSS array, decoded. */
function dssStreams(pdf: PDF, dss: PdfDict | undefined, name: string): Uint8Array[] {
  const array = dss ? resolve(pdf, dss.get(name)) : undefined;
  if (!(array instanceof PdfArray)) return [];
  const out: Uint8Array[] = [];
  for (const item of [...array].slice(0, maxDssEntries)) {
    const stream = resolve(pdf, item);
    if (!(stream instanceof PdfStream)) continue;
    try {
      out.push(stream.getDecodedData());
    } catch {
      // An undecodable entry is no evidence.
    }
  }
  return out;
}

/** A PDF date (ISO 32000-2 7.9.4): D:YYYYMMDDHHmmSSOHH'mm. */
export function parsePdfDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(
    text.trim(),
  );
  if (!m) return undefined;
  const n = (i: number, d: number) => (m[i] ? Number(m[i]) : d);
  let ms = Date.UTC(n(1, 0), n(2, 1) - 1, n(3, 1), n(4, 0), n(5, 0), n(6, 0));
  if (m[7] === '+' || m[7] === '-') {
    const offset = (n(8, 0) * 60 + n(9, 0)) * 60_000;
    ms += m[7] === '+' ? -offset : offset;
  }
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function derLength(bytes: Uint8Array): number {
  if (bytes.length < 2 || bytes[0] !== 0x30) return bytes.length;
  const first = bytes[1]!;
  if (first < 0x80) return Math.min(bytes.length, 2 + first);
  const count = first & 0x7f;
  if (count === 0 || count > 4) return bytes.length;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return Math.min(bytes.length, 2 + count + length);
}

interface SignedBytes {
  byteRange: [number, number, number, number];
  contents: Uint8Array;
  signed: Uint8Array;
  end: number;
}

/** The byte range's four integers, from 0, around a hex /Contents: the signed bytes. */
function readByteRange(bytes: Uint8Array, value: PdfDict): SignedBytes | undefined {
  const range = value.getArray('ByteRange');
  if (!range || range.length !== 4) return undefined;
  const numbers = [...range].map((n) => (n instanceof PdfNumber ? n.value : NaN));
  if (!numbers.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  const [a, b, c, d] = numbers as [number, number, number, number];
  if (a !== 0 || b <= a || c <= b + 1 || c + d > bytes.length) return undefined;
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) return undefined;
  if (c - b - 2 > maxContentsBytes * 2) return undefined;
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset + b + 1, c - b - 2).toString('latin1');
  if (!/^[0-9a-fA-F\s]*$/.test(hex)) return undefined;
  const raw = new Uint8Array(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
  const contents = raw.subarray(0, derLength(raw));
  const signed = new Uint8Array(b + d);
  signed.set(bytes.subarray(0, b), 0);
  signed.set(bytes.subarray(c, c + d), b);
  return { byteRange: [a, b, c, d], contents, signed, end: c + d };
}

function certificationLevelOf(pdf: PDF, value: PdfDict): 0 | 1 | 2 | 3 {
  const references = resolve(pdf, value.get('Reference'));
  if (!(references instanceof PdfArray)) return 0;
  for (const item of references) {
    const ref = resolve(pdf, item);
    if (!(ref instanceof PdfDict) || ref.getName('TransformMethod')?.value !== 'DocMDP') continue;
    const params = resolve(pdf, ref.get('TransformParams'));
    const p = params instanceof PdfDict ? (params.getNumber('P')?.value ?? 2) : 2;
    return p === 1 || p === 3 ? p : 2;
  }
  return 0;
}

const trailingIsWhitespace = (bytes: Uint8Array, from: number) => {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x00) return false;
  }
  return true;
};

interface Context {
  pool: CertPool;
  anchors: Cert[];
  candidates: Cert[];
  revocation: RevocationData;
  own: OwnStatusLookup | undefined;
  /** Certificates the document carries (CMS and DSS), by their key. */
  inDocument: Set<string>;
}

interface TimestampResult {
  facts: TimestampFacts;
  tsa: Cert | undefined;
  chain: Cert[];
  trusted: boolean;
}

function judgeToken(ctx: Context, token: TokenCheck): TimestampResult {
  const tsa = token.cms.signerCertificate ? ctx.pool.get(token.cms.signerCertificate) : undefined;
  const candidates = [...ctx.pool.all(token.cms.certificates), ...ctx.candidates];
  const path = tsa ? buildPath(tsa, candidates, ctx.anchors, token.genTime) : undefined;
  const timeStamping = tsa?.node.keyUsage?.includes('1.3.6.1.5.5.7.3.8') ?? false;
  const trusted = (path?.trusted ?? false) && timeStamping;
  const intact =
    token.cms.digestMatches &&
    token.cms.signatureValid &&
    token.cms.signingCertificate !== 'mismatch' &&
    token.imprintMatches;
  const valid = intact && trusted;
  const facts = tsa ? ctx.pool.facts(tsa) : undefined;
  return {
    facts: {
      signerName: facts?.commonName ?? '',
      time: token.genTime,
      valid,
      intact,
      tsaCertificate: facts ? { notBefore: facts.notBefore, notAfter: facts.notAfter } : undefined,
    },
    tsa,
    chain: path?.chain ?? [],
    trusted,
  };
}

interface Judged {
  facts: SignatureFacts;
  end: number;
  /** The B-B requirements of the CMS hold (CAdES, signing-certificate(-v2), no signing-time). */
  baseline: boolean;
  /** DSS evidence of the signer's status. */
  statusInDocument: boolean;
}

const brokenFacts = (
  field: Field,
  documentTimestamp: boolean,
  claimed: Date | undefined,
): SignatureFacts => ({
  fieldName: field.name,
  documentTimestamp,
  signer: unknownCertificate,
  chain: [],
  trusted: false,
  digestMatches: false,
  signatureValid: false,
  signingCertificate: 'absent',
  digestAlgorithm: '',
  signatureAlgorithm: '',
  documentDigestHex: '',
  coversRevision: false,
  modifiedAfter: false,
  laterChangesAllowed: true,
  claimedSigningTime: claimed,
  timestamp: undefined,
  ltv: false,
  revocation: 'unknown',
  level: 'NOT_PADES',
  certificationLevel: 0,
  reason: field.value.getString('Reason')?.asString(),
  location: field.value.getString('Location')?.asString(),
  contactInfo: field.value.getString('ContactInfo')?.asString(),
});

async function judgeField(
  ctx: Context,
  pdf: PDF,
  bytes: Uint8Array,
  field: Field,
  revisionEnds: readonly number[],
  now: Date,
): Promise<Judged> {
  const value = field.value;
  const subFilter = value.getName('SubFilter')?.value ?? '';
  const documentTimestamp = value.getName('Type')?.value === 'DocTimeStamp' || subFilter === 'ETSI.RFC3161';
  const claimed = parsePdfDate(value.getString('M')?.asString());
  const base = brokenFacts(field, documentTimestamp, claimed);
  base.certificationLevel = certificationLevelOf(pdf, value);
  const range = readByteRange(bytes, value);
  if (!range) return { facts: base, end: bytes.length, baseline: false, statusInDocument: false };
  const coversRevision = revisionEnds.some((end) => Math.abs(range.end - end) <= 2);
  let cms: CmsCheck;
  let token: TokenCheck | undefined;
  try {
    if (documentTimestamp) {
      token = checkTimestampToken(range.contents, range.signed);
      cms = token.cms;
    } else cms = checkCms(range.contents, range.signed);
  } catch {
    return { facts: { ...base, coversRevision }, end: range.end, baseline: false, statusInDocument: false };
  }
  for (const c of ctx.pool.all(cms.certificates)) ctx.inDocument.add(c.key);

  let timestamp: TimestampResult | undefined;
  if (token) timestamp = judgeToken(ctx, token);
  else if (cms.timestampToken) {
    try {
      timestamp = judgeToken(ctx, checkTimestampToken(cms.timestampToken, cms.signatureValue));
    } catch {
      timestamp = {
        facts: {
          signerName: '',
          time: claimed ?? now,
          valid: false,
          intact: false,
          tsaCertificate: undefined,
        },
        tsa: undefined,
        chain: [],
        trusted: false,
      };
    }
  }
  const at = timestamp?.facts.valid ? timestamp.facts.time : (claimed ?? now);
  const signer = cms.signerCertificate ? ctx.pool.get(cms.signerCertificate) : undefined;
  const candidates = [...ctx.pool.all(cms.certificates), ...ctx.candidates];
  const path = signer ? buildPath(signer, candidates, ctx.anchors, at) : { chain: [], trusted: false };
  // A document time-stamp's TSA must be one (timeStamping), as a signature time-stamp's.
  const trusted = documentTimestamp ? (timestamp?.trusted ?? false) : path.trusted;
  let revocation: SignatureFacts['revocation'] = 'unknown';
  let statusInDocument = false;
  if (signer) {
    const finding = await revocationAt(signer, path.chain[1], at, ctx.revocation, ctx.pool, ctx.own);
    revocation = finding.status;
    statusInDocument = finding.inDocument;
    // A CA of the path revoked before the signing time breaks it too.
    for (let i = 1; i + 1 < path.chain.length && revocation !== 'revoked'; i++) {
      const ca = await revocationAt(path.chain[i]!, path.chain[i + 1], at, ctx.revocation, ctx.pool, ctx.own);
      if (ca.status === 'revoked') revocation = 'revoked';
    }
  }
  const attrs = cms.signedAttributeTypes;
  const baseline =
    !documentTimestamp &&
    subFilter === 'ETSI.CAdES.detached' &&
    (attrs.includes(cmsOid.signingCertificateV2) || attrs.includes(cmsOid.signingCertificate)) &&
    !attrs.includes(cmsOid.signingTime);
  const chainFacts = path.chain.map((c) => ctx.pool.facts(c));
  return {
    facts: {
      ...base,
      signer: signer ? ctx.pool.facts(signer) : unknownCertificate,
      chain: chainFacts,
      trusted,
      digestMatches: token ? token.imprintMatches : cms.digestMatches,
      signatureValid: token ? token.cms.digestMatches && token.cms.signatureValid : cms.signatureValid,
      signingCertificate: cms.signingCertificate,
      digestAlgorithm: digestLabel(cms.digestOid),
      signatureAlgorithm: signatureAlgorithmName(cms.signatureAlgorithmOid, cms.digestOid),
      documentDigestHex: cms.contentDigestHex,
      coversRevision,
      claimedSigningTime: documentTimestamp ? token?.genTime : claimed,
      timestamp: timestamp?.facts,
      revocation,
    },
    end: range.end,
    baseline,
    statusInDocument,
  };
}

/** Validates every signature of `bytes`; see the module comment. */
export async function validatePdf(bytes: Uint8Array, options: ValidatePdfOptions): Promise<ValidationReport> {
  try {
    return await validateUnguarded(bytes, options);
  } catch (error) {
    throw asTekenError(error);
  }
}

async function validateUnguarded(bytes: Uint8Array, options: ValidatePdfOptions): Promise<ValidationReport> {
  const limits = { ...defaultPadesLimits, ...options.limits };
  const now = options.now ?? new Date();
  const password = options.password === '' ? undefined : options.password;
  const pdf = await openPdf(bytes, password, limits);
  const fields = signatureFields(pdf, limits.maxSignatures);
  if (fields.length === 0) return { fileName: options.fileName, signatures: [] };

  const pool = new CertPool();
  const dss = resolve(pdf, pdf.getCatalog().get('DSS'));
  const dssDict = dss instanceof PdfDict ? dss : undefined;
  const dssCerts = pool.all(dssStreams(pdf, dssDict, 'Certs'));
  const ctx: Context = {
    pool,
    anchors: pool.all(options.trustAnchors),
    candidates: [...dssCerts, ...pool.all(options.intermediates ?? [])],
    revocation: new RevocationData(dssStreams(pdf, dssDict, 'OCSPs'), dssStreams(pdf, dssDict, 'CRLs')),
    own: options.ownStatus,
    inDocument: new Set(dssCerts.map((c) => c.key)),
  };
  const revisions = findRevisions(bytes, limits.maxSignatures * 4 + 16);
  const revisionEnds = revisions.map((r) => r.end);
  const judged: Judged[] = [];
  for (const field of fields) judged.push(await judgeField(ctx, pdf, bytes, field, revisionEnds, now));

  // The updates after the first signed revision, each judged against the revision before it.
  const firstEnd = Math.min(...judged.map((j) => j.end));
  const later = revisions.filter((r) => r.end > firstEnd + 2);
  const updates: { from: number; finding: UpdateFinding }[] = [];
  const opened = new Map<number, PDF>();
  const open = async (end: number) => {
    let doc = opened.get(end);
    if (!doc) {
      doc =
        end >= bytes.length
          ? pdf
          : await PDF.load(bytes.subarray(0, end), password === undefined ? {} : { credentials: password });
      opened.set(end, doc);
    }
    return doc;
  };
  let previous = revisions.find((r) => Math.abs(r.end - firstEnd) <= 2)?.end ?? firstEnd;
  for (const revision of later) {
    const objects =
      revision.xrefOffset >= previous ? xrefSectionObjects(bytes, revision.xrefOffset) : undefined;
    let finding: UpdateFinding;
    if (!objects) finding = { allowed: false, addsSignature: false, disallowed: ['cross-reference section'] };
    else {
      try {
        finding = judgeUpdate(await open(previous), await open(revision.end), objects);
      } catch {
        finding = { allowed: false, addsSignature: false, disallowed: ['unreadable update'] };
      }
    }
    updates.push({ from: previous, finding });
    previous = revision.end;
  }
  const lastEnd = revisions.at(-1)?.end ?? bytes.length;
  const trailingJunk = !trailingIsWhitespace(bytes, lastEnd);

  const documentTimestamps = judged.filter(
    (j) => j.facts.documentTimestamp && j.facts.digestMatches && j.facts.signatureValid && j.facts.trusted,
  );
  const signatures = judged.map((j): SignatureFacts => {
    const after = updates.filter((u) => u.from >= j.end - 2);
    const modifiedAfter = after.length > 0 || trailingJunk;
    const laterChangesAllowed =
      !trailingJunk &&
      after.every((u) => u.finding.allowed) &&
      !(j.facts.certificationLevel === 1 && after.some((u) => u.finding.addsSignature));
    const f = j.facts;
    const signerCert = f.signer.serialHex ? f.chain[0] : undefined;
    const ltv =
      f.trusted &&
      j.statusInDocument &&
      (f.timestamp === undefined || f.timestamp.valid) &&
      signerCert !== undefined;
    const laterTimestamp = documentTimestamps.some((t) => t.end > j.end);
    let level: PadesLevel = 'NOT_PADES';
    if (j.baseline) {
      level = 'PAdES-BASELINE-B';
      if (f.timestamp?.valid || laterTimestamp) level = 'PAdES-BASELINE-T';
      if (level === 'PAdES-BASELINE-T' && ltv) level = 'PAdES-BASELINE-LT';
      if (level === 'PAdES-BASELINE-LT' && laterTimestamp) level = 'PAdES-BASELINE-LTA';
    }
    return { ...f, modifiedAfter, laterChangesAllowed, ltv, level };
  });
  return { fileName: options.fileName, signatures };
}
