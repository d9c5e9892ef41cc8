/**
 * TOTP authorisations for the eSign API v2 and the organisation seal (shared/BSRE-API.md
 * "get/totp", "Seal"; DESIGN.md "Keys and sole control"). A code only exists once the holder has
 * opened the key:
 *
 * 1. An API client asks (`sign/get/totp {nik|email, data}` or `seal/get/activation
 *    {idSubscriber}`): a `pending` row and an APPROVE_TOTP link mailed to the holder ("[BSrE]
 *    Persetujuan Tanda Tangan"). Nothing is unsealed; the row holds no key.
 * 2. The holder opens the link (console `/persetujuan#<token>`), reads who asks for how many
 *    documents, and approves with the passphrase (`unlockSubscriberKey`: counted by the one guard as
 *    every passphrase path) or refuses. On approval the key is sealed again under a key derived with
 *    argon2id from a fresh numeric code (keys/subscriber-key-seal.ts with its own salt and the
 *    passphrase's cost, bound to `totp:<authorisation id>`), inside the certificate's outer layer.
 *    The code is shown once and e-mailed; Teken keeps no copy.
 * 3. The code signs: each use is a guess through the guard (kind `totp_code`: TEKEN_TOTP_FAILURES
 *    per authorisation, five times that per holder a day; the guess that spends the budget ends the
 *    authorisation and wipes its sealed key), and takes its documents from `remaining` in one
 *    conditional UPDATE, so parallel uses never sign more than N, across instances.
 *
 * The seal: the seal's holder (the institution admin whose passphrase seals the eSeal key) approves
 * an activation (16 digits, TEKEN_SEAL_ACTIVATION_HOURS). From it the institution's app makes batch
 * codes without the holder (`seal/get/totp {idSubscriber, data, totp}`): the activation's code opens
 * its sealed key, which is sealed again under a fresh 16-digit batch code for `data` documents and
 * TEKEN_TOTP_MINUTES. Revoking the activation ends its batches. `idSubscriber` is the id of the
 * eSeal's subscriber certificate (Daftar Sertifikat Elektronik shows it), at the client's institution.
 *
 * One live code per certificate and kind (a newer approval or batch ends the older), so a code is
 * checked against one row: one argon2id derivation per use.
 */
import crypto from 'node:crypto';
import { and, desc, eq, gt, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { CertificatesContext } from '../certificates/certificates-context.js';
import type { SubscriberCertificateRow } from '../certificates/certificate-records.js';
import { findHolder, type HolderKey } from '../certificates/find-holder.js';
import { loadUserStatus } from '../certificates/subscriber-status.js';
import { subscriberCertificateById, unlockSubscriberKey } from '../certificates/unlock-subscriber-key.js';
import type { Db, Tx } from '../db/open-database.js';
import {
  accounts,
  apiClients,
  certificates,
  institutions,
  subscriberCertificates,
  totpAuthorisations,
  type TotpAuthorisationKind,
} from '../db/schema.js';
import type { ApiClientRow } from '../enrollment/api-client-records.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import { checkActionLink, createActionLink, markActionLinkUsed } from '../identity/action-links.js';
import { addressThrottled } from '../identity/lockout-policy.js';
import { openSubscriberKey, sealSubscriberKey } from '../keys/subscriber-key-seal.js';
import { formatWib } from '../notify/format-wib.js';

type TotpRow = typeof totpAuthorisations.$inferSelect;

/** Digits of each kind's code: a person types the signing code; the seal's are copied by an app. */
export const CODE_DIGITS: Record<TotpAuthorisationKind, number> = {
  sign: 8,
  seal_activation: 16,
  seal_batch: 16,
};

const linkKinds = ['APPROVE_TOTP'] as const;
const keyIdOf = (id: string) => `totp:${id}`;

/** The console page of an APPROVE_TOTP link; the token in the fragment, never in logs. */
export function approvalUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/persetujuan#${token}`;
}

function newCode(digits: number): string {
  let code = '';
  while (code.length < digits) code += String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');
  return code.slice(0, digits);
}

const now = (ctx: CertificatesContext) => new Date(ctx.now?.() ?? Date.now());

/** A code as clients send it (digits, maybe spaced); anything else is no code. */
function codeOf(value: unknown, kind: TotpAuthorisationKind): string | null {
  // A client that sends the code as a JSON number loses its leading zeros.
  const text =
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
      ? String(value).padStart(CODE_DIGITS[kind], '0')
      : typeof value === 'string'
        ? value
        : '';
  const digits = text.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_DIGITS[kind]}}$`).test(digits) ? digits : null;
}

function documentsOf(ctx: CertificatesContext, value: unknown): number {
  const max = ctx.config.certificates.signingAuthorisationDocuments;
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max)
    throw new TekenError('ERR_INPUT_INVALID', `data: jumlah dokumen, bilangan bulat 1 sampai ${max}.`, {
      details: { field: 'data', bsreCode: 400 },
    });
  return n;
}

/** The holder's current eSign certificate, if it may sign (status ISSUE). */
async function signingCertificate(ctx: CertificatesContext, institutionId: string, key: HolderKey) {
  const accountId = await findHolder(ctx.db, ctx.master, institutionId, key);
  if (!accountId)
    throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND', 'User tidak terdaftar', {
      details: { bsreCode: 2011 },
    });
  const { status, certificateId } = await loadUserStatus(ctx.db, accountId, 'esign', now(ctx));
  if (status !== 'ISSUE' || !certificateId)
    throw new TekenError('ERR_SUBSCRIBER_CERT_STATE', `Status Sertifikat Anda ${status}`, {
      details: { bsreCode: 2021 },
    });
  return subscriberCertificateById(ctx, certificateId);
}

/**
 * The eSeal certificate `idSubscriber` names, at the client's institution, issued and neither
 * revoked nor expired. Another institution's seal does not exist for the client.
 */
export async function sealCertificate(
  ctx: CertificatesContext,
  client: ApiClientRow,
  idSubscriber: unknown,
): Promise<SubscriberCertificateRow> {
  const id = typeof idSubscriber === 'string' ? idSubscriber.trim().toLowerCase() : '';
  const notFound = () =>
    new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND', 'idSubscriber: segel tidak ditemukan.', {
      details: { field: 'idSubscriber' },
    });
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw notFound();
  const [row] = await ctx.db
    .select({
      seal: subscriberCertificates,
      notAfter: certificates.notAfter,
      revokedAt: certificates.revokedAt,
    })
    .from(subscriberCertificates)
    .leftJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .where(
      and(
        eq(subscriberCertificates.id, id),
        eq(subscriberCertificates.product, 'eseal'),
        eq(subscriberCertificates.institutionId, client.institutionId),
      ),
    );
  if (!row) throw notFound();
  const at = now(ctx);
  if (
    row.seal.state !== 'active' ||
    !row.notAfter ||
    row.notAfter <= at ||
    (row.revokedAt && row.revokedAt <= at) ||
    row.seal.replacedBy
  )
    throw new TekenError(
      'ERR_SUBSCRIBER_CERT_STATE',
      'Sertifikat segel tidak aktif (dicabut, ditangguhkan atau kedaluwarsa).',
    );
  return row.seal;
}

// --- 1. The request -------------------------------------------------------------------------------

async function createRequest(
  ctx: CertificatesContext,
  client: ApiClientRow,
  certificate: SubscriberCertificateRow,
  kind: 'sign' | 'seal_activation',
  documents: number | null,
): Promise<void> {
  const minutes = ctx.config.certificates.totpApprovalMinutes;
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [holder] = await tx.select().from(accounts).where(eq(accounts.id, certificate.accountId));
    if (!holder) throw new TekenError('ERR_SUBSCRIBER_CERT_NOT_FOUND');
    // A newer request replaces a pending one of the same certificate and kind (its link is voided).
    await tx
      .update(totpAuthorisations)
      .set({ state: 'ended', decidedAt: now(ctx) })
      .where(
        and(
          eq(totpAuthorisations.subscriberCertificateId, certificate.id),
          eq(totpAuthorisations.kind, kind),
          eq(totpAuthorisations.state, 'pending'),
        ),
      );
    const { token, expiresAt } = await createActionLink(tx, {
      accountId: holder.id,
      action: 'APPROVE_TOTP',
      lifetimeMs: minutes * 60_000,
      createdBy: `api-client:${client.id}`,
      ref: id,
    });
    await tx.insert(totpAuthorisations).values({
      id,
      kind,
      subscriberCertificateId: certificate.id,
      accountId: holder.id,
      institutionId: certificate.institutionId,
      apiClientId: client.id,
      documents,
      remaining: documents,
      outerLayer: certificate.outerLayer,
      expiresAt,
    });
    await ctx.notify(tx, {
      template: 'totp-approval',
      locale: holder.locale,
      to: holder.email,
      data: {
        name: holder.fullName,
        client: client.description,
        what: kind === 'sign' ? 'sign' : 'seal',
        documents: documents === null ? '' : String(documents),
        link: approvalUrl(ctx.config.publicUrl, token),
        expiresInMinutes: String(minutes),
      },
      idempotencyKey: `totp-approval:${id}`,
      accountId: holder.id,
    });
    await recordAuditEvent(tx, {
      actor: `api-client:${client.id}`,
      action: 'totp_authorisation.requested',
      target: `subscriber_certificate:${certificate.id}`,
      details: { authorisationId: id, kind, documents, expiresAt: expiresAt.toISOString() },
    });
  });
}

/** `sign/get/totp`: asks the holder (by NIK or e-mail, at the client's institution) for a code. */
export async function requestSigningTotp(
  ctx: CertificatesContext,
  client: ApiClientRow,
  input: { nik?: unknown; email?: unknown; data?: unknown },
): Promise<void> {
  const documents = documentsOf(ctx, input.data);
  const key = {
    nik: typeof input.nik === 'string' ? input.nik : undefined,
    email: typeof input.email === 'string' ? input.email : undefined,
  };
  const certificate = await signingCertificate(ctx, client.institutionId, key);
  await createRequest(ctx, client, certificate, 'sign', documents);
}

export type SealActivationAnswer = { state: 'sent' } | { state: 'valid'; totp: string; expires: Date };

/**
 * `seal/get/activation`: with a still-valid activation code, says so (a guess through the guard);
 * else mails the seal's holder an approval link for a new activation.
 */
export async function requestSealActivation(
  ctx: CertificatesContext,
  client: ApiClientRow,
  input: { idSubscriber?: unknown; totp?: unknown },
  meta: { address?: string } = {},
): Promise<SealActivationAnswer> {
  const certificate = await sealCertificate(ctx, client, input.idSubscriber);
  const given = input.totp === undefined || input.totp === null || input.totp === '' || input.totp === 'null';
  if (!given) {
    const live = await openLive(ctx, certificate, 'seal_activation', input.totp, meta.address).catch(
      (error: unknown) => {
        if (isTekenError(error, 'ERR_TOTP_INVALID') || isTekenError(error, 'ERR_TOTP_SPENT')) return null;
        throw error;
      },
    );
    if (live) return { state: 'valid', totp: live.code, expires: live.row.expiresAt };
  }
  await createRequest(ctx, client, certificate, 'seal_activation', null);
  return { state: 'sent' };
}

// --- 2. The holder's decision -------------------------------------------------------------------

export interface ApprovalRequest {
  row: TotpRow;
  certificate: SubscriberCertificateRow;
  clientDescription: string;
  institutionName: string;
  holderName: string;
  linkExpiresAt: Date;
  tokenHash: Uint8Array;
}

async function loadApproval(tx: Tx, token: unknown): Promise<ApprovalRequest> {
  const link = await checkActionLink(tx, token, linkKinds);
  const [found] = await tx
    .select({
      row: totpAuthorisations,
      client: apiClients.description,
      institution: institutions.name,
      holder: accounts.fullName,
    })
    .from(totpAuthorisations)
    .innerJoin(apiClients, eq(apiClients.id, totpAuthorisations.apiClientId))
    .innerJoin(institutions, eq(institutions.id, totpAuthorisations.institutionId))
    .innerJoin(accounts, eq(accounts.id, totpAuthorisations.accountId))
    .where(
      and(
        eq(totpAuthorisations.id, link.ref ?? crypto.randomUUID()),
        eq(totpAuthorisations.accountId, link.accountId),
      ),
    );
  if (!found) throw new TekenError('ERR_LINK_INVALID');
  if (found.row.state !== 'pending') throw new TekenError('ERR_TOTP_NOT_PENDING');
  const [certificate] = await tx
    .select()
    .from(subscriberCertificates)
    .where(eq(subscriberCertificates.id, found.row.subscriberCertificateId));
  if (!certificate) throw new TekenError('ERR_LINK_INVALID');
  return {
    row: found.row,
    certificate,
    clientDescription: found.client,
    institutionName: found.institution,
    holderName: found.holder,
    linkExpiresAt: link.expiresAt,
    tokenHash: link.tokenHash,
  };
}

/** What the approval page shows before the passphrase (the link stays unused). Guesses count by address. */
export async function readTotpApproval(
  ctx: CertificatesContext,
  token: unknown,
  meta: { ip: string },
): Promise<ApprovalRequest> {
  const result = await ctx.guard.attempt('link', { address: meta.ip }, () =>
    ctx.db
      .transaction((tx) => loadApproval(tx, token))
      .catch((error: unknown) => {
        if (isTekenError(error, 'ERR_LINK_INVALID')) return null;
        throw error;
      }),
  );
  if (result.outcome === 'refused') throw addressThrottled(result.retryAfterSeconds);
  if (result.outcome === 'wrong') throw new TekenError('ERR_LINK_INVALID');
  return result.value;
}

export interface ApprovedTotp {
  kind: TotpAuthorisationKind;
  /** Shown once; Teken keeps no copy. */
  code: string;
  documents: number | null;
  expiresAt: Date;
}

/**
 * The holder approves with the passphrase: the key is opened (counted as every passphrase) and
 * sealed again under a fresh code; the link is used, older live codes of the kind end, and the code
 * is mailed to the holder.
 */
export async function approveTotp(
  ctx: CertificatesContext,
  token: unknown,
  passphrase: unknown,
  meta: { ip: string },
): Promise<ApprovedTotp> {
  const about = await readTotpApproval(ctx, token, meta);
  const { row, certificate } = about;
  const outer = ctx.outers[row.outerLayer];
  if (!outer) throw new TekenError('ERR_KEY_UNSEAL_FAILED', `The ${row.outerLayer} layer is not configured.`);
  const { privateKey } = await unlockSubscriberKey(ctx, certificate, passphrase, {
    actor: `account:${row.accountId}`,
    address: meta.ip,
  });
  const code = newCode(CODE_DIGITS[row.kind]);
  const sealed = await sealSubscriberKey(
    privateKey,
    code,
    keyIdOf(row.id),
    ctx.config.certificates.passphraseKdf,
    outer,
  );
  const at = now(ctx);
  const expiresAt =
    row.kind === 'seal_activation'
      ? new Date(at.getTime() + ctx.config.certificates.sealActivationHours * 3_600_000)
      : new Date(at.getTime() + ctx.config.certificates.totpMinutes * 60_000);
  await ctx.db.transaction(async (tx) => {
    const link = await checkActionLink(tx, token, linkKinds);
    await markActionLinkUsed(tx, link.tokenHash);
    await endLive(tx, row.subscriberCertificateId, [row.kind], at);
    const [done] = await tx
      .update(totpAuthorisations)
      .set({ state: 'approved', sealedKey: sealed, decidedAt: at, expiresAt })
      .where(and(eq(totpAuthorisations.id, row.id), eq(totpAuthorisations.state, 'pending')))
      .returning({ id: totpAuthorisations.id });
    if (!done) throw new TekenError('ERR_TOTP_NOT_PENDING');
    const [holder] = await tx.select().from(accounts).where(eq(accounts.id, row.accountId));
    if (holder)
      await ctx.notify(tx, {
        template: 'totp-code',
        locale: holder.locale,
        to: holder.email,
        data: {
          name: holder.fullName,
          client: about.clientDescription,
          what: row.kind === 'sign' ? 'sign' : 'seal',
          code,
          documents: row.documents === null ? '' : String(row.documents),
          until: formatWib(expiresAt, holder.locale),
        },
        idempotencyKey: `totp-code:${row.id}`,
        accountId: holder.id,
      });
    await recordAuditEvent(tx, {
      actor: `account:${row.accountId}`,
      action: 'totp_authorisation.approved',
      target: `subscriber_certificate:${row.subscriberCertificateId}`,
      details: {
        authorisationId: row.id,
        kind: row.kind,
        documents: row.documents,
        expiresAt: expiresAt.toISOString(),
      },
    });
  });
  return { kind: row.kind, code, documents: row.documents, expiresAt };
}

/** The holder refuses: the link is used, the request ends; no key is touched. */
export async function refuseTotp(
  ctx: CertificatesContext,
  token: unknown,
  meta: { ip: string },
): Promise<void> {
  const { row } = await readTotpApproval(ctx, token, meta);
  await ctx.db.transaction(async (tx) => {
    const link = await checkActionLink(tx, token, linkKinds);
    await markActionLinkUsed(tx, link.tokenHash);
    await tx
      .update(totpAuthorisations)
      .set({ state: 'refused', decidedAt: now(ctx) })
      .where(and(eq(totpAuthorisations.id, row.id), eq(totpAuthorisations.state, 'pending')));
    await recordAuditEvent(tx, {
      actor: `account:${row.accountId}`,
      action: 'totp_authorisation.refused',
      target: `subscriber_certificate:${row.subscriberCertificateId}`,
      details: { authorisationId: row.id, kind: row.kind },
    });
  });
}

/** Ends the live (approved) codes of the kinds for a certificate, and wipes their sealed keys. */
async function endLive(tx: Tx, certificateId: string, kinds: TotpAuthorisationKind[], at: Date) {
  await tx
    .update(totpAuthorisations)
    .set({ state: 'ended', sealedKey: null, decidedAt: at })
    .where(
      and(
        eq(totpAuthorisations.subscriberCertificateId, certificateId),
        inArray(totpAuthorisations.kind, kinds),
        eq(totpAuthorisations.state, 'approved'),
      ),
    );
}

// --- 3. Using a code ------------------------------------------------------------------------------

/**
 * Checks `code` against the live authorisation of the kind for the certificate, through the guard;
 * returns the key it seals and the row. Takes nothing.
 */
async function openLive(
  ctx: CertificatesContext,
  certificate: SubscriberCertificateRow,
  kind: TotpAuthorisationKind,
  value: unknown,
  address: string | undefined,
): Promise<{ row: TotpRow; privateKey: crypto.KeyObject; code: string }> {
  const code = codeOf(value, kind);
  const at = now(ctx);
  const [row] = await ctx.db
    .select()
    .from(totpAuthorisations)
    .where(
      and(
        eq(totpAuthorisations.subscriberCertificateId, certificate.id),
        eq(totpAuthorisations.kind, kind),
        eq(totpAuthorisations.state, 'approved'),
        isNotNull(totpAuthorisations.sealedKey),
      ),
    )
    .orderBy(desc(totpAuthorisations.decidedAt))
    .limit(1);
  // No live code: nothing to guess at, so nothing is counted.
  if (!row?.sealedKey) throw new TekenError('ERR_TOTP_INVALID');
  if (row.expiresAt <= at)
    throw new TekenError('ERR_TOTP_SPENT', undefined, {
      details: { expiresAt: row.expiresAt.toISOString() },
    });
  const outer = ctx.outers[row.outerLayer];
  if (!outer) throw new TekenError('ERR_KEY_UNSEAL_FAILED', `The ${row.outerLayer} layer is not configured.`);
  const sealed = row.sealedKey;
  const result = await ctx.guard.attempt(
    'totp_code',
    { subject: row.id, ...(address ? { address } : {}), also: { holder: row.accountId } },
    async () => (code === null ? null : openSubscriberKey(sealed, code, keyIdOf(row.id), outer)),
  );
  if (result.outcome === 'right') return { row, privateKey: result.value, code: code! };
  if (result.outcome === 'refused') {
    if (result.by === 'address') throw addressThrottled(result.retryAfterSeconds);
    throw new TekenError('ERR_TOTP_INVALID', undefined, {
      details: { retryAfterSeconds: result.retryAfterSeconds },
    });
  }
  const spent = result.failures >= ctx.config.certificates.totpFailures;
  await ctx.db.transaction(async (tx) => {
    if (spent) {
      const ids = [row.id];
      if (row.kind === 'seal_activation') {
        const children = await tx
          .select({ id: totpAuthorisations.id })
          .from(totpAuthorisations)
          .where(eq(totpAuthorisations.parentId, row.id));
        ids.push(...children.map((c) => c.id));
      }
      await tx
        .update(totpAuthorisations)
        .set({ state: 'ended', sealedKey: null, decidedAt: at })
        .where(inArray(totpAuthorisations.id, ids));
    }
    await recordAuditEvent(tx, {
      actor: `api-client:${row.apiClientId}`,
      action: spent ? 'totp_authorisation.ended_by_wrong_codes' : 'totp_authorisation.code_wrong',
      target: `subscriber_certificate:${row.subscriberCertificateId}`,
      details: { authorisationId: row.id, kind: row.kind, failures: result.failures },
    });
  });
  throw new TekenError('ERR_TOTP_INVALID', undefined, {
    details: { failuresLeft: Math.max(0, ctx.config.certificates.totpFailures - result.failures) },
  });
}

export interface TotpKey {
  privateKey: crypto.KeyObject;
  certificate: SubscriberCertificateRow;
  authorisationId: string;
  /** Documents the code may still sign after this use. */
  remaining: number;
}

/** Takes `documents` from the authorisation in one conditional UPDATE; nothing if too few or expired. */
async function take(ctx: CertificatesContext, row: TotpRow, documents: number): Promise<number> {
  const [taken] = await ctx.db
    .update(totpAuthorisations)
    .set({ remaining: sql`${totpAuthorisations.remaining} - ${documents}` })
    .where(
      and(
        eq(totpAuthorisations.id, row.id),
        eq(totpAuthorisations.state, 'approved'),
        gte(totpAuthorisations.remaining, documents),
        gt(totpAuthorisations.expiresAt, now(ctx)),
      ),
    )
    .returning({ remaining: totpAuthorisations.remaining });
  if (!taken)
    throw new TekenError('ERR_TOTP_SPENT', undefined, {
      details: { remaining: row.remaining ?? 0, expiresAt: row.expiresAt.toISOString() },
    });
  return taken.remaining ?? 0;
}

function countOf(documents: unknown): number {
  const n = documents ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw new TekenError('ERR_INPUT_INVALID', 'documents: a whole number from 1.', {
      details: { field: 'documents' },
    });
  return n;
}

/**
 * The hook of a v2 sign call with `totp` (or `otp`): the holder's current eSign certificate (as
 * `nik`/`email` name them at the client's institution), the code checked through the guard, and
 * `documents` taken atomically. A wrong code is ERR_TOTP_INVALID (counted; the last one ends the
 * authorisation); an expired one or too few documents left, ERR_TOTP_SPENT (takes nothing).
 */
export async function openTotpKey(
  ctx: CertificatesContext,
  input: {
    client: ApiClientRow;
    holder: HolderKey;
    code: unknown;
    documents?: number;
    address?: string;
  },
): Promise<TotpKey> {
  const documents = countOf(input.documents);
  const certificate = await signingCertificate(ctx, input.client.institutionId, input.holder);
  const { row, privateKey } = await openLive(ctx, certificate, 'sign', input.code, input.address);
  const remaining = await take(ctx, row, documents);
  return { privateKey, certificate, authorisationId: row.id, remaining };
}

/**
 * Gives `documents` back to the authorisation a call took them from and signed none of (the call
 * failed: sign-documents.ts is all or nothing), while it is still live; never above its count.
 */
async function giveBack(ctx: CertificatesContext, id: string, documents: number): Promise<void> {
  await ctx.db
    .update(totpAuthorisations)
    .set({ remaining: sql`${totpAuthorisations.remaining} + ${documents}` })
    .where(
      and(
        eq(totpAuthorisations.id, id),
        eq(totpAuthorisations.state, 'approved'),
        sql`${totpAuthorisations.remaining} + ${documents} <= ${totpAuthorisations.documents}`,
      ),
    );
}

/**
 * The signing use case's hook (`SigningContext.openTotpKey`, sign-documents.ts): the certificate is
 * the one the call signs with (already the holder's, at the API client's institution, or the
 * seal the client's institution owns); the code opens its live authorisation of the kind (`sign`:
 * a v2 TOTP; `seal_batch`: a seal's batch code) and takes `documents` from it.
 */
export async function openTotpKeyOfCertificate(
  ctx: CertificatesContext,
  input: {
    certificate: SubscriberCertificateRow;
    kind?: 'sign' | 'seal_batch';
    code: unknown;
    documents: number;
    address?: string;
  },
): Promise<TotpKey & { giveBack: () => Promise<void> }> {
  const documents = countOf(input.documents);
  const kind = input.kind ?? 'sign';
  const { row, privateKey } = await openLive(ctx, input.certificate, kind, input.code, input.address);
  const remaining = await take(ctx, row, documents);
  return {
    privateKey,
    certificate: input.certificate,
    authorisationId: row.id,
    remaining,
    giveBack: () => giveBack(ctx, row.id, documents),
  };
}

/** `seal/get/totp`: from the activation's code, a batch code for `data` documents. */
export async function createSealBatch(
  ctx: CertificatesContext,
  client: ApiClientRow,
  input: { idSubscriber?: unknown; data?: unknown; totp?: unknown },
  meta: { address?: string } = {},
): Promise<{ totp: string; expires: Date; documents: number }> {
  const documents = documentsOf(ctx, input.data);
  const certificate = await sealCertificate(ctx, client, input.idSubscriber);
  const activation = await openLive(ctx, certificate, 'seal_activation', input.totp, meta.address);
  const outer = ctx.outers[certificate.outerLayer];
  if (!outer)
    throw new TekenError('ERR_KEY_UNSEAL_FAILED', `The ${certificate.outerLayer} layer is not configured.`);
  const id = crypto.randomUUID();
  const code = newCode(CODE_DIGITS.seal_batch);
  const sealed = await sealSubscriberKey(
    activation.privateKey,
    code,
    keyIdOf(id),
    ctx.config.certificates.passphraseKdf,
    outer,
  );
  const at = now(ctx);
  const expires = new Date(
    Math.min(at.getTime() + ctx.config.certificates.totpMinutes * 60_000, activation.row.expiresAt.getTime()),
  );
  await ctx.db.transaction(async (tx) => {
    await endLive(tx, certificate.id, ['seal_batch'], at);
    await tx.insert(totpAuthorisations).values({
      id,
      kind: 'seal_batch',
      state: 'approved',
      subscriberCertificateId: certificate.id,
      accountId: certificate.accountId,
      institutionId: certificate.institutionId,
      apiClientId: client.id,
      parentId: activation.row.id,
      documents,
      remaining: documents,
      sealedKey: sealed,
      outerLayer: certificate.outerLayer,
      decidedAt: at,
      expiresAt: expires,
    });
    await recordAuditEvent(tx, {
      actor: `api-client:${client.id}`,
      action: 'totp_authorisation.seal_batch',
      target: `subscriber_certificate:${certificate.id}`,
      details: {
        authorisationId: id,
        activationId: activation.row.id,
        documents,
        expiresAt: expires.toISOString(),
      },
    });
  });
  return { totp: code, expires, documents };
}

/**
 * The batch code opens the seal `idSubscriber` names (at the client's institution) for `documents`
 * documents. (`seal/pdf` finds the seal with `sealCertificate` and signs through the signing use
 * case, whose hook is `openTotpKeyOfCertificate` with kind `seal_batch`.)
 */
export async function openSealKey(
  ctx: CertificatesContext,
  client: ApiClientRow,
  input: { idSubscriber?: unknown; code: unknown; documents?: number; address?: string },
): Promise<TotpKey> {
  const documents = countOf(input.documents);
  const certificate = await sealCertificate(ctx, client, input.idSubscriber);
  const { row, privateKey } = await openLive(ctx, certificate, 'seal_batch', input.code, input.address);
  const remaining = await take(ctx, row, documents);
  return { privateKey, certificate, authorisationId: row.id, remaining };
}

/** `seal/revoke/activation`: the activation's code ends it and its batch codes. */
export async function revokeSealActivation(
  ctx: CertificatesContext,
  client: ApiClientRow,
  input: { idSubscriber?: unknown; totp?: unknown },
  meta: { address?: string } = {},
): Promise<void> {
  const certificate = await sealCertificate(ctx, client, input.idSubscriber);
  const { row } = await openLive(ctx, certificate, 'seal_activation', input.totp, meta.address);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(totpAuthorisations)
      .set({ state: 'ended', sealedKey: null, decidedAt: now(ctx) })
      .where(or(eq(totpAuthorisations.id, row.id), eq(totpAuthorisations.parentId, row.id)));
    await recordAuditEvent(tx, {
      actor: `api-client:${client.id}`,
      action: 'totp_authorisation.activation_revoked',
      target: `subscriber_certificate:${certificate.id}`,
      details: { authorisationId: row.id },
    });
  });
}

/**
 * Wipes the sealed keys of authorisations past their time and deletes rows a day after (the
 * background jobs, hourly): an expired code opens nothing, even with a dump and the master key.
 */
export async function purgeExpiredTotpAuthorisations(db: Db, at = new Date()): Promise<number> {
  await db
    .update(totpAuthorisations)
    .set({
      sealedKey: null,
      state: sql`case when ${totpAuthorisations.state} = 'approved' then 'ended' else ${totpAuthorisations.state} end`,
    })
    .where(and(lt(totpAuthorisations.expiresAt, at), isNotNull(totpAuthorisations.sealedKey)));
  const gone = await db
    .delete(totpAuthorisations)
    .where(lt(totpAuthorisations.expiresAt, new Date(at.getTime() - 86_400_000)))
    .returning({ id: totpAuthorisations.id });
  return gone.length;
}
