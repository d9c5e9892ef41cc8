/**
 * Signing documents: the one use case behind the eSign API (v1 `POST /api/sign/pdf`, v2 `POST
 * /api/v2/sign/pdf`), the console's "Tanda Tangan Dokumen" and (with `product: 'eseal'`) the seal.
 *
 * 1. The holder's current certificate of the product (eSign for persons, eSeal for an organisation)
 *    and their status (certificates/subscriber-status.ts): only ISSUE signs; anything else is
 *    ERR_SIGNER_CANNOT_SIGN with the status in `details.status` (the eSign routes answer it in
 *    BSrE's words).
 * 2. The key is opened once per call: one document with the passphrase goes through
 *    `unlockSubscriberKey`; several create a signing authorisation with it, and each document takes
 *    one from it (so a batch is counted as the authorisation counts, and ended when done). A
 *    caller's authorisation token, an already opened key, or a TOTP (through `ctx.openTotpKey`, a
 *    hook the TOTP authorisations plug into) do instead.
 * 3. Each document is signed by `ctx.signPdf` (`teken serve`: its worker pool, pades-pool.ts;
 *    default: the PAdES engine in process) at TEKEN_SIGNING_LEVEL with Teken's TSA, and for
 *    B-LT/B-LTA the chain, the CA's pre-signed OCSP response for the signer certificate and the
 *    CAs' newest CRLs. A QR code
 *    without a link encodes Teken's verification page for that document; a `text` is drawn under
 *    the image or QR code.
 * 4. The call is atomic (docs/pades.md, "A bulk call is all or nothing"): every document is signed
 *    first; only when all are, they are recorded in `signed_documents` with an audit event each
 *    (hashes, client, signer, time; never the document), in one transaction, and the signed PDFs
 *    kept sealed for their one-time download (signed-document-store.ts) when `keep` is set. One
 *    document that fails fails the call: nothing is recorded, kept or answered, and the documents a
 *    TOTP code gave are given back to it.
 *
 * The caller has authorized `actor` to sign for `holder` (the eSign routes: the API client of the
 * holder's institution; the console: the holder).
 *
 * @example
 * const { documents } = await signDocuments(signingContextOf(rt), {
 *   holder: accountId, credential: { kind: 'passphrase', passphrase }, documents: [doc],
 *   actor: `api-client:${client.id}`, channel: 'esign-v1', apiClient: client,
 * });
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { latestCrl } from '../authority/generate-crl.js';
import { presignOcspResponse, storeOcspResponse } from '../authority/ocsp-presign.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { CertificatesContext } from '../certificates/certificates-context.js';
import type { SubscriberCertificateRow } from '../certificates/certificate-records.js';
import { loadUserStatus, type UserStatus } from '../certificates/subscriber-status.js';
import { subscriberCertificateById, unlockSubscriberKey } from '../certificates/unlock-subscriber-key.js';
import { certificates, ocspResponses, signedDocuments, type CertificateProduct } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { DEFAULT_TAG_BOX, type DocumentToSign } from './esign/sign-request.js';
import {
  signPdf,
  type PadesLevel,
  type SignPdfInput,
  type SignPdfResult,
  type VisibleSignature,
} from './pades/sign-pdf.js';
import type { PadesTimestamper } from './pades/timestamp-token.js';
import {
  createSigningAuthorisation,
  endSigningAuthorisation,
  useSigningAuthorisation,
} from './signing-authorisation.js';

export type { DocumentToSign } from './esign/sign-request.js';

/** An opened key and the certificate it belongs to (what `useSigningAuthorisation` returns). */
export interface OpenedKey {
  privateKey: crypto.KeyObject;
  certificate: SubscriberCertificateRow;
}

export type SigningCredential =
  | { kind: 'passphrase'; passphrase: string }
  /** A signing authorisation's token (`createSigningAuthorisation`); each document takes one. */
  | { kind: 'authorisation'; token: string }
  /** A key the caller opened already (e.g. the console took one from its authorisation). */
  | { kind: 'key'; key: OpenedKey }
  /** A one-time code of the TOTP authorisations (`ctx.openTotpKey`). */
  | { kind: 'totp'; code: string }
  /** A batch code of the organisation seal (`seal/get/totp`), through `ctx.openTotpKey`. */
  | { kind: 'seal'; code: string };

export type SigningChannel = 'esign-v1' | 'esign-v2' | 'console' | 'seal';

/** The engine call, swappable (a worker pool takes the in-process engine's place). */
export type SignPdfEngine = (input: SignPdfInput) => Promise<SignPdfResult>;

/**
 * Opens the key with a code for `documents` documents (`sign`: a v2 TOTP; `seal_batch`: a seal's
 * batch code); the TOTP authorisations provide it. `giveBack` returns the documents to the code
 * when the call signed none of them.
 */
export type OpenTotpKey = (input: {
  certificate: SubscriberCertificateRow;
  kind: 'sign' | 'seal_batch';
  code: string;
  documents: number;
  actor: string;
  address?: string;
}) => Promise<OpenedKey & { giveBack?: () => Promise<void> }>;

export interface SigningContext extends CertificatesContext {
  /** Teken's TSA (`rt.tsa`), for B-T and up. */
  tsa: PadesTimestamper;
  /** Defaults to the in-process PAdES engine. */
  signPdf?: SignPdfEngine;
  /**
   * Documents of one call signed at the same time (default 1): `teken serve` gives its pool's size,
   * so a bulk call keeps every worker busy instead of feeding them one document at a time.
   */
  signConcurrency?: number;
  /** Absent: a TOTP credential is refused (ERR_SIGNING_CREDENTIAL_UNSUPPORTED). */
  openTotpKey?: OpenTotpKey;
}

export interface SignDocumentsInput {
  /** The holder's account id. */
  holder: string;
  /** `esign` (persons, the default) or `eseal` (organisations). */
  product?: CertificateProduct;
  /** A particular certificate of the holder; default: their current one of the product. */
  certificate?: string;
  credential: SigningCredential;
  documents: readonly DocumentToSign[];
  /** `api-client:<id>` or `account:<id>`. */
  actor: string;
  channel: SigningChannel;
  /** The API client that asks (recorded, and the download is answered to its institution only). */
  apiClient?: { id: string; institutionId: string };
  address?: string;
  /** Keep each signed PDF, sealed, for its one-time download (default true). */
  keep?: boolean;
}

export interface SignedDocument {
  /** BSrE's id_dokumen: 32 lower-hex characters. */
  id: string;
  pdf: Uint8Array;
  /** SHA-256 of the signed PDF, lower hex. */
  sha256: string;
  /** The signature time-stamp's time (B-T and up), else the claimed signing time. */
  signingTime: Date;
  level: PadesLevel;
}

export interface SignDocumentsResult {
  documents: SignedDocument[];
  certificateId: string;
}

/** A fresh id_dokumen. */
export const newDocumentId = () => crypto.randomBytes(16).toString('hex');

/** Teken's public verification page of a signed document (the QR code's default link). */
export function verificationUrl(publicUrl: string, documentId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verifikasi?dokumen=${documentId}`;
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest();

/** The holder's certificate that signs, refused unless the holder's status is ISSUE. */
async function signingCertificate(
  ctx: SigningContext,
  input: SignDocumentsInput,
): Promise<SubscriberCertificateRow> {
  const product = input.product ?? 'esign';
  const now = new Date(ctx.now?.() ?? Date.now());
  if (product === 'eseal') return sealCertificateOf(ctx, input, now);
  const { status, certificateId } = await loadUserStatus(ctx.db, input.holder, product, now);
  if (status !== 'ISSUE' || !certificateId) throw cannotSign(status);
  const certificate = await subscriberCertificateById(ctx, input.certificate ?? certificateId);
  if (certificate.accountId !== input.holder || certificate.product !== product)
    throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  if (certificate.state !== 'active' || (certificate.notAfter && certificate.notAfter <= now))
    throw cannotSign('EXPIRED');
  return certificate;
}

/**
 * The organisation's seal named by `input.certificate`: its own state decides (the seal's holder
 * is an institution admin, who has no registration of their own and so no user status).
 */
async function sealCertificateOf(
  ctx: SigningContext,
  input: SignDocumentsInput,
  now: Date,
): Promise<SubscriberCertificateRow> {
  if (!input.certificate) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  const certificate = await subscriberCertificateById(ctx, input.certificate);
  if (certificate.accountId !== input.holder || certificate.product !== 'eseal')
    throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
  const [issued] =
    certificate.authorityId && certificate.serial
      ? await ctx.db
          .select({ revokedAt: certificates.revokedAt })
          .from(certificates)
          .where(
            and(
              eq(certificates.authorityId, certificate.authorityId),
              eq(certificates.serial, certificate.serial),
            ),
          )
      : [];
  if (!issued || certificate.state !== 'active') throw cannotSign('NO_CERTIFICATE');
  if (issued.revokedAt && issued.revokedAt <= now) throw cannotSign('REVOKE');
  if (!certificate.notAfter || certificate.notAfter <= now) throw cannotSign('EXPIRED');
  if (certificate.replacedBy) throw cannotSign('RENEW');
  return certificate;
}

function cannotSign(status: UserStatus): TekenError {
  return new TekenError('ERR_SIGNER_CANNOT_SIGN', `Status Sertifikat Anda ${status}`, {
    details: { status },
  });
}

/** The signer certificate, its chain (nearest first, with the root) and the B-LT validation data. */
async function signerMaterial(ctx: SigningContext, certificate: SubscriberCertificateRow, level: PadesLevel) {
  if (!certificate.authorityId || !certificate.serial) throw cannotSign('NO_CERTIFICATE');
  const [row] = await ctx.db
    .select({ der: certificates.der })
    .from(certificates)
    .where(
      and(eq(certificates.authorityId, certificate.authorityId), eq(certificates.serial, certificate.serial)),
    );
  if (!row?.der) throw cannotSign('NO_CERTIFICATE');
  const registry = ctx.authority.registry;
  const chain: Uint8Array[] = [];
  const cas: string[] = [];
  for (let id: string | null = certificate.authorityId; id;) {
    const ca = await registry.get(id);
    chain.push(ca.certificateDer);
    cas.push(ca.id);
    id = ca.parentId;
  }
  if (level !== 'B-LT' && level !== 'B-LTA') return { certificateDer: row.der, chain };
  const ocsp = await ocspFor(ctx, certificate.authorityId, certificate.serial);
  const crls: Uint8Array[] = [];
  for (const id of cas) {
    const crl = await latestCrl(ctx, id);
    if (crl) crls.push(crl.der);
  }
  return { certificateDer: row.der, chain, validation: { ocspResponses: ocsp ? [ocsp] : [], crls } };
}

/**
 * The CA's pre-signed OCSP response for the certificate (what `GET /ocsp` serves), signed now and
 * stored where none is fresh. The holder's status is ISSUE, so the certificate is good.
 */
async function ocspFor(ctx: SigningContext, caId: string, serial: string): Promise<Uint8Array | undefined> {
  const now = ctx.now?.() ?? Date.now();
  const [stored] = await ctx.db
    .select()
    .from(ocspResponses)
    .where(and(eq(ocspResponses.authorityId, caId), eq(ocspResponses.serial, serial)));
  if (stored && stored.thisUpdate.getTime() <= now && stored.nextUpdate.getTime() > now + 60_000)
    return stored.der;
  const ca = await ctx.authority.registry.get(caId);
  if (!ca.ocspResponder) return undefined;
  const response = await presignOcspResponse(ctx.config, ca, serial, { status: 'good' });
  await ctx.db.transaction((tx) => storeOcspResponse(tx, caId, serial, response));
  return response.der;
}

/** The engine's visible signature for a request's appearance; the QR's default link names the document. */
function visibleOf(document: DocumentToSign, link: string): VisibleSignature | undefined {
  const appearance = document.appearance;
  if (!appearance.visible) return undefined;
  const text = document.details.text ? { text: document.details.text } : {};
  const content =
    appearance.mark.kind === 'image'
      ? { image: new Uint8Array(appearance.mark.image), ...text }
      : { qr: appearance.mark.link ?? link, ...text };
  const p = appearance.placement;
  return {
    content,
    placement:
      p.kind === 'tag'
        ? { tag: p.tag, width: p.width ?? DEFAULT_TAG_BOX.width, height: p.height ?? DEFAULT_TAG_BOX.height }
        : { page: p.page, box: { x: p.x, y: p.y, width: p.width, height: p.height } },
  };
}

/** Opens the key the credential names; `take()` gives the key for the next document. */
async function openKey(
  ctx: SigningContext,
  certificate: SubscriberCertificateRow,
  input: SignDocumentsInput,
): Promise<{ take(): Promise<OpenedKey>; end(): Promise<void>; failed?: () => Promise<void> }> {
  const who = { actor: input.actor, ...(input.address ? { address: input.address } : {}) };
  const credential = input.credential;
  const count = input.documents.length;
  const mine = (key: OpenedKey) => {
    if (key.certificate.id !== certificate.id) throw new TekenError('ERR_SIGNING_AUTHORISATION_INVALID');
    return key;
  };
  const once = (key: OpenedKey) => ({ take: () => Promise.resolve(mine(key)), end: () => Promise.resolve() });
  switch (credential.kind) {
    case 'key':
      return once(credential.key);
    case 'totp':
    case 'seal': {
      if (!ctx.openTotpKey) throw new TekenError('ERR_SIGNING_CREDENTIAL_UNSUPPORTED', 'TOTP tidak valid');
      const { giveBack, ...opened } = await ctx.openTotpKey({
        certificate,
        kind: credential.kind === 'seal' ? 'seal_batch' : 'sign',
        code: credential.code,
        documents: count,
        ...who,
      });
      return { ...once(opened), ...(giveBack ? { failed: giveBack } : {}) };
    }
    case 'authorisation': {
      const token = credential.token;
      return {
        take: async () =>
          mine(await useSigningAuthorisation(ctx, token, input.address ? { address: input.address } : {})),
        end: () => Promise.resolve(),
      };
    }
    case 'passphrase': {
      if (count === 1) return once(await unlockSubscriberKey(ctx, certificate, credential.passphrase, who));
      const { token } = await createSigningAuthorisation(ctx, certificate, credential.passphrase, {
        documents: count,
        ...who,
      });
      const address = input.address ? { address: input.address } : {};
      return {
        take: async () => mine(await useSigningAuthorisation(ctx, token, address)),
        end: () => endSigningAuthorisation(ctx, token, address).catch(() => undefined),
      };
    }
    default:
      throw new TekenError('ERR_SIGNING_CREDENTIAL_UNSUPPORTED');
  }
}

export async function signDocuments(
  ctx: SigningContext,
  input: SignDocumentsInput,
): Promise<SignDocumentsResult> {
  if (input.documents.length === 0)
    throw new TekenError('ERR_INPUT_INVALID', 'documents: at least one.', { details: { field: 'file' } });
  const level = ctx.config.signing.level;
  const engine = ctx.signPdf ?? signPdf;
  const certificate = await signingCertificate(ctx, input);
  const material = await signerMaterial(ctx, certificate, level);
  const key = await openKey(ctx, certificate, input);
  const keep = input.keep ?? true;
  // 1. Sign every document; nothing is recorded until all are.
  const signed: { id: string; document: DocumentToSign; result: SignPdfResult; signingTime: Date }[] = [];
  let done = false;
  try {
    const signOne = async (document: DocumentToSign) => {
      const id = newDocumentId();
      const opened = await key.take();
      const claimed = new Date(ctx.now?.() ?? Date.now());
      const result = await engine({
        pdf: document.pdf,
        ...(document.pdfPassword !== undefined ? { pdfPassword: document.pdfPassword } : {}),
        privateKey: opened.privateKey,
        certificate: material.certificateDer,
        chain: material.chain,
        level,
        ...(level !== 'B-B' ? { tsa: ctx.tsa } : {}),
        ...(material.validation ? { validation: material.validation } : {}),
        ...(document.details.reason ? { reason: document.details.reason } : {}),
        ...(document.details.location ? { location: document.details.location } : {}),
        ...(document.details.contactInfo ? { contactInfo: document.details.contactInfo } : {}),
        signingTime: claimed,
        ...(document.appearance.visible
          ? { visible: visibleOf(document, verificationUrl(ctx.config.publicUrl, id))! }
          : {}),
      });
      return { id, document, result, signingTime: result.timestampTime ?? claimed };
    };
    // In lanes of `signConcurrency`, the answer in the order of the documents.
    const lanes = Math.max(1, Math.min(ctx.signConcurrency ?? 1, input.documents.length));
    const results: ((typeof signed)[number] | undefined)[] = input.documents.map(() => undefined);
    let next = 0;
    let failure: { error: unknown } | undefined;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (failure === undefined && next < input.documents.length) {
          const i = next++;
          try {
            results[i] = await signOne(input.documents[i]!);
          } catch (error) {
            failure ??= { error };
          }
        }
      }),
    );
    if (failure !== undefined) throw failure.error as Error;
    for (const r of results) signed.push(r!);
    // 2. Record and audit them all, in one transaction: all delivered, or none.
    const downloadUntil = new Date(
      (ctx.now?.() ?? Date.now()) + ctx.config.signing.signedDocumentMinutes * 60_000,
    );
    const out = signed.map(({ id, document, result, signingTime }) => ({
      id,
      result,
      signingTime,
      inputHash: sha256(document.pdf),
      outputHash: sha256(result.pdf),
    }));
    await ctx.db.transaction(async (tx) => {
      for (const { id, result, signingTime, inputHash, outputHash } of out) {
        await tx.insert(signedDocuments).values({
          id,
          accountId: input.holder,
          subscriberCertificateId: certificate.id,
          channel: input.channel,
          apiClientId: input.apiClient?.id ?? null,
          institutionId: input.apiClient?.institutionId ?? certificate.institutionId,
          inputSha256: inputHash,
          outputSha256: outputHash,
          signingTime,
          sealedPdf: keep ? ctx.master.seal('signed-document/v1', result.pdf, signedDocumentAad(id)) : null,
          downloadUntil: keep ? downloadUntil : null,
        });
        await recordAuditEvent(tx, {
          actor: input.actor,
          action: 'signed_document.signed',
          target: `signed_document:${id}`,
          details: {
            channel: input.channel,
            certificate: certificate.id,
            serial: certificate.serial,
            signer: `account:${input.holder}`,
            ...(input.apiClient ? { client: `api-client:${input.apiClient.id}` } : {}),
            level: result.level,
            inputSha256: inputHash.toString('hex'),
            outputSha256: outputHash.toString('hex'),
            signingTime: signingTime.toISOString(),
          },
        });
      }
    });
    done = true;
    return {
      documents: out.map(({ id, result, signingTime, outputHash }) => ({
        id,
        pdf: result.pdf,
        sha256: outputHash.toString('hex'),
        signingTime,
        level: result.level,
      })),
      certificateId: certificate.id,
    };
  } finally {
    if (!done) await key.failed?.().catch(() => undefined);
    await key.end();
  }
}

/** The AAD of a kept signed PDF: its id, so one document's ciphertext cannot stand for another's. */
export const signedDocumentAad = (id: string) => id;
