/**
 * "Membuat Passphrase" (seeds 001, 002): the holder of an approved request chooses the passphrase
 * and accepts the Perjanjian Pemilik Sertifikat Elektronik; Teken generates the key pair, seals it
 * twice (keys/subscriber-key-seal.ts) and issues the certificate through the issuance cycle.
 *
 * Nothing is lost when the process dies mid-way, and nothing is issued twice:
 * 1. The key is generated and sealed before any transaction (the slow part).
 * 2. One transaction locks the request (still `approved`) and records the sealed key as `pending`;
 *    a second attempt for the same request (a double click, two tabs) fails on the one-key-per-
 *    request index.
 * 3. The certificate is issued with the key's id as `requestRef`, recorded before it is signed.
 * 4. One transaction links key and certificate, marks the request issued and the link used, and
 *    queues "Sertifikat Elektronik Terbit".
 * A crash after 2 leaves a pending key that `reconcileSubscriberKeys` resolves: linked to its
 * certificate if one was issued, else `failed` (the request stays approved and its link usable).
 * So there is never a certificate whose key is not sealed and on record.
 *
 * The passphrase is never stored or logged; only the argon2id-derived key of the inner layer
 * touches it.
 */
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { issueCertificate, type IssuedCertificate } from '../authority/issue-certificate.js';
import { mapDatabaseError } from '../db/map-database-error.js';
import type { Tx } from '../db/open-database.js';
import { certificateRequests, certificates, subscriberCertificates } from '../db/schema.js';
import { consentDocuments } from '../enrollment/consents.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import { checkActionLink, markActionLinkUsed } from '../identity/action-links.js';
import { addressThrottled } from '../identity/lockout-policy.js';
import { hashOpaqueToken } from '../identity/opaque-token.js';
import { formatWib } from '../notify/format-wib.js';
import { generateSubscriberKey, sealSubscriberKey } from '../keys/subscriber-key-seal.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadRequest, type LoadedRequest } from './certificate-records.js';
import { markReplaced } from './mark-replaced.js';
import { revokeSubscriberCertificate } from './certificate-status-change.js';
import { assertPassphrase } from './passphrase-policy.js';
import { products } from './products.js';
import { reconcileSubscriberKey } from './reconcile-subscriber-keys.js';

export interface SetPassphraseInput {
  passphrase: unknown;
  /** Konfirmasi Passphrase (the console sends it; the CLI does not). */
  confirmation?: unknown;
  /** The version of the Perjanjian Pemilik Sertifikat Elektronik the user accepted ("Setuju"). */
  agreementVersion: unknown;
}

export interface IssuedSubscriberCertificate {
  id: string;
  requestId: string;
  certificate: IssuedCertificate;
}

/** The current Perjanjian Pemilik Sertifikat Elektronik (shown in full before "Setuju"). */
export function subscriberAgreement() {
  const document = consentDocuments().find((d) => d.document === 'subscriber_agreement');
  if (!document) throw new TekenError('ERR_SERVER_INTERNAL', 'The subscriber agreement is missing.');
  return document;
}

function checkInput(input: SetPassphraseInput): { passphrase: string; agreementVersion: string } {
  const passphrase = assertPassphrase(input.passphrase, input.confirmation);
  const agreement = subscriberAgreement();
  if (input.agreementVersion !== agreement.version)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `agreementVersion: accept the current Perjanjian Pemilik Sertifikat Elektronik (version ${agreement.version}).`,
      { details: { field: 'agreementVersion' } },
    );
  return { passphrase, agreementVersion: agreement.version };
}

const linkKinds = ['SET_PASSPHRASE'] as const;

/**
 * What the page of a SET_PASSPHRASE link shows before the user types: the request, its subject,
 * the agreement. The link is checked, not used. Guessed tokens count against the address.
 */
export async function readSetPassphraseLink(
  ctx: CertificatesContext,
  token: unknown,
  meta: { ip: string },
): Promise<LoadedRequest> {
  const result = await ctx.guard.attempt('link', { address: meta.ip }, () =>
    ctx.db
      .transaction(async (tx) => {
        const link = await checkActionLink(tx, token, linkKinds);
        const loaded = await loadRequest(tx, 'system', 'own', link.ref);
        if (loaded.request.status !== 'approved') throw new TekenError('ERR_LINK_USED');
        return loaded;
      })
      .catch((error: unknown) => {
        if (isTekenError(error, 'ERR_LINK_INVALID')) return null;
        throw error;
      }),
  );
  if (result.outcome === 'refused') throw addressThrottled(result.retryAfterSeconds);
  if (result.outcome === 'wrong') throw new TekenError('ERR_LINK_INVALID');
  return result.value;
}

/** Sets the passphrase through the link of "[BSrE] Set Passphrase" and issues the certificate. */
export async function setPassphraseByLink(
  ctx: CertificatesContext,
  token: unknown,
  input: SetPassphraseInput,
  meta: { ip: string },
): Promise<IssuedSubscriberCertificate> {
  const checked = checkInput(input);
  const loaded = await readSetPassphraseLink(ctx, token, meta);
  const tokenHash = hashOpaqueToken(token as string);
  return issueForRequest(
    ctx,
    loaded.request.id,
    checked,
    `account:${loaded.request.accountId}`,
    async (tx) => {
      // Still the same open link at the end (not replaced or used meanwhile).
      const link = await checkActionLink(tx, token, linkKinds);
      if (link.ref !== loaded.request.id) throw new TekenError('ERR_LINK_INVALID');
      await markActionLinkUsed(tx, tokenHash);
    },
  );
}

/** Sets the passphrase of an approved request without a link (`teken subscriber issue`). */
export function setPassphraseAsOperator(
  ctx: CertificatesContext,
  operator: string,
  requestId: string,
  input: SetPassphraseInput,
): Promise<IssuedSubscriberCertificate> {
  return issueForRequest(ctx, requestId, checkInput(input), `operator:${operator}`);
}

/**
 * Steps 1–4 for an approved request (a first certificate, or a passphrase reset's: then the
 * certificate it replaces is claimed in step 2, marked replaced in step 4 and revoked as superseded
 * right after, see reset-passphrase.ts).
 */
export async function issueForRequest(
  ctx: CertificatesContext,
  requestId: string,
  input: { passphrase: string; agreementVersion: string },
  actor: string,
  finish?: (tx: Tx) => Promise<void>,
): Promise<IssuedSubscriberCertificate> {
  const before = await ctx.db.transaction((tx) => loadRequest(tx, 'system', 'own', requestId));
  assertApproved(before);
  const product = products[before.request.product];
  const algorithm = product.key(ctx.config);
  const id = crypto.randomUUID();
  // 1. The slow part, outside any transaction.
  const { privateKey, spkiDer } = await generateSubscriberKey(algorithm);
  const sealedKey = await sealSubscriberKey(
    privateKey,
    input.passphrase,
    id,
    ctx.config.certificates.passphraseKdf,
    ctx.outer,
  );

  // 2. Record the sealed key before anything is signed for it.
  const at = new Date(ctx.now?.() ?? Date.now());
  const record = () =>
    ctx.db.transaction(async (tx) => {
      const locked = await loadRequest(tx, 'system', 'own', requestId, { forUpdate: true });
      assertApproved(locked);
      if (locked.request.kind === 'reset') await claimReplaced(tx, locked.request);
      await tx.insert(subscriberCertificates).values({
        id,
        accountId: locked.request.accountId,
        institutionId: locked.request.institutionId,
        requestId,
        product: locked.request.product,
        state: 'pending',
        keyAlgorithm: algorithm,
        publicKey: spkiDer,
        sealedKey,
        outerLayer: ctx.outer.name,
        agreementVersion: input.agreementVersion,
        agreementAcceptedAt: at,
      });
    });
  const isConflict = (error: unknown) => mapDatabaseError(error)?.code === 'ERR_RESOURCE_CONFLICT';
  try {
    await record();
  } catch (error) {
    if (!isConflict(error)) throw error;
    // Another key of this request is pending: in flight elsewhere, or left by a process that died.
    // One older than a set-passphrase can take is settled now rather than by the next reconcile.
    const settled = await settleStalePending(ctx, requestId);
    if (!settled) throw inFlight();
    try {
      await record();
    } catch (again) {
      if (isConflict(again)) throw inFlight();
      throw again;
    }
  }

  // 3. Issue (recorded with requestRef before it is signed).
  let certificate: IssuedCertificate;
  try {
    certificate = await issueCertificate(ctx.authority, {
      caId: product.caId,
      profile: product.profile,
      subject: before.request.subject,
      altNames: before.request.emails.map((value) => ({ type: 'email' as const, value })),
      spkiDer,
      actor,
      requestRef: id,
    });
  } catch (error) {
    // Nothing was signed (the cycle signs only what it recorded, and it failed before storing):
    // the reconciler decides from the certificates table; mark failed only when none was recorded.
    await failIfUnissued(ctx, id);
    throw error;
  }

  // 4. Link, finish, tell the holder.
  const issued = await ctx.db.transaction(async (tx) => {
    // The request first, as step 2 locks it: a concurrent step 2 (a second submit) then either
    // finishes before this one or waits, and never holds the request while waiting for this key.
    await loadRequest(tx, 'system', 'own', requestId, { forUpdate: true });
    await finish?.(tx);
    await linkIssued(ctx, tx, id, certificate, actor);
    return { id, requestId, certificate };
  });
  // 5. A reset: the replaced certificate is revoked as superseded (OCSP at once). Should this fail
  // or the process die here, `reconcileSupersededCertificates` finishes it.
  if (before.request.kind === 'reset' && before.request.replacesId)
    await revokeSuperseded(ctx, before.request.replacesId, actor);
  return issued;
}

/**
 * Step 2 of a reset: the certificate to replace must still be active and not replaced. One open
 * request per holder and product, and one pending key per request, make this the only claim.
 */
async function claimReplaced(tx: Tx, request: LoadedRequest['request']) {
  if (!request.replacesId) throw new TekenError('ERR_CERT_REQUEST_STATE', 'The reset names no certificate.');
  const [old] = await tx
    .select()
    .from(subscriberCertificates)
    .where(eq(subscriberCertificates.id, request.replacesId))
    .for('update');
  if (!old || old.state !== 'active' || old.replacedBy)
    throw new TekenError(
      'ERR_SUBSCRIBER_CERT_STATE',
      'The certificate of this reset has been replaced or revoked meanwhile.',
    );
}

/** Revokes a replaced certificate as superseded, unless it is revoked already. */
export async function revokeSuperseded(
  ctx: CertificatesContext,
  oldId: string,
  actor: string,
): Promise<boolean> {
  const [old] = await ctx.db
    .select()
    .from(subscriberCertificates)
    .where(eq(subscriberCertificates.id, oldId));
  if (!old?.replacedBy || !old.serial || !old.authorityId) return false;
  const [row] = await ctx.db
    .select({ revokedAt: certificates.revokedAt })
    .from(certificates)
    .where(and(eq(certificates.authorityId, old.authorityId), eq(certificates.serial, old.serial)));
  if (!row || row.revokedAt) return false;
  try {
    await revokeSubscriberCertificate(ctx, old, { reason: 'superseded', actor, note: 'Reset passphrase' });
    return true;
  } catch (error) {
    if (isTekenError(error, 'ERR_CERT_ALREADY_REVOKED')) return false;
    throw error;
  }
}

const STALE_PENDING_MS = 2 * 60_000;

const inFlight = () =>
  new TekenError(
    'ERR_CERT_REQUEST_STATE',
    'A certificate for this request is already being issued. Wait a moment and look at Daftar Sertifikat Elektronik.',
  );

/** Settles the request's pending keys older than STALE_PENDING_MS; true when none is left pending. */
async function settleStalePending(ctx: CertificatesContext, requestId: string): Promise<boolean> {
  const pending = await ctx.db
    .select({ id: subscriberCertificates.id })
    .from(subscriberCertificates)
    .where(and(eq(subscriberCertificates.requestId, requestId), eq(subscriberCertificates.state, 'pending')));
  let left = 0;
  for (const key of pending) {
    const outcome = await reconcileSubscriberKey(ctx, key.id, { olderThanMs: STALE_PENDING_MS });
    if (outcome === 'waiting') left++;
  }
  return left === 0;
}

function assertApproved(loaded: LoadedRequest) {
  if (loaded.request.status !== 'approved')
    throw new TekenError(
      'ERR_CERT_REQUEST_STATE',
      loaded.request.status === 'issued'
        ? 'The certificate of this request has been issued already.'
        : `status: the request is ${loaded.request.status}; the passphrase is set once the RA approved it.`,
      { details: { field: 'status' } },
    );
}

/**
 * Links a pending key to its issued certificate and finishes the request (also the reconciler's
 * way to finish a crashed one). Idempotent: a key already active is left alone.
 */
export async function linkIssued(
  ctx: CertificatesContext,
  tx: Tx,
  keyId: string,
  certificate: { caId: string; serialHex: string; notAfter: Date; subject: string },
  actor: string,
): Promise<void> {
  const [key] = await tx
    .update(subscriberCertificates)
    .set({
      state: 'active',
      authorityId: certificate.caId,
      serial: certificate.serialHex,
      notAfter: certificate.notAfter,
      updatedAt: new Date(),
    })
    .where(and(eq(subscriberCertificates.id, keyId), eq(subscriberCertificates.state, 'pending')))
    .returning();
  if (!key) return;
  await tx
    .update(certificateRequests)
    .set({ status: 'issued', issuedAt: new Date(), updatedAt: new Date() })
    .where(eq(certificateRequests.id, key.requestId));
  const loaded = await loadRequest(tx, 'system', 'own', key.requestId);
  const replacesId = loaded.request.kind === 'reset' ? loaded.request.replacesId : null;
  let replaced: { serial: string | null } | undefined;
  if (replacesId)
    [replaced] = await tx
      .update(subscriberCertificates)
      .set({ replacedBy: keyId, updatedAt: new Date() })
      .where(eq(subscriberCertificates.id, replacesId))
      .returning({ serial: subscriberCertificates.serial });
  await recordAuditEvent(tx, {
    actor,
    action: 'subscriber_certificate.issued',
    target: `subscriber_certificate:${keyId}`,
    details: {
      product: key.product,
      certificate: `${certificate.caId}/${certificate.serialHex}`,
      keyAlgorithm: key.keyAlgorithm,
      outerLayer: key.outerLayer,
      ...(replacesId ? { replaces: replacesId } : {}),
    },
  });
  // A renewal replaces the certificate it names: that one shows "Renew" from now on (a reset's
  // is marked above, with the serial its mail names).
  if (loaded.request.replacesId && !replacesId)
    await markReplaced(tx, loaded.request.replacesId, keyId, actor);
  const locale = loaded.account.locale;
  if (replacesId) {
    await ctx.notify(tx, {
      template: 'passphrase-reset',
      locale,
      to: loaded.account.email,
      data: {
        name: loaded.account.fullName,
        serial: certificate.serialHex,
        oldSerial: replaced?.serial ?? '-',
        validUntil: formatWib(certificate.notAfter, locale),
      },
      idempotencyKey: `passphrase-reset:${keyId}`,
      accountId: loaded.account.id,
    });
    return;
  }
  const commonName = loaded.request.subject.find((a) => a.type === 'CN')?.value ?? certificate.subject;
  await ctx.notify(tx, {
    template: 'certificate-issued',
    locale,
    to: loaded.account.email,
    data: {
      name: loaded.account.fullName,
      product: products[key.product].label[locale],
      commonName,
      serial: certificate.serialHex,
      validUntil: formatWib(certificate.notAfter, locale),
    },
    idempotencyKey: `certificate-issued:${keyId}`,
    accountId: loaded.account.id,
  });
}

/**
 * After a failed issuance: marks the key failed when no certificate was recorded for it (the
 * request stays approved); a certificate recorded but not stored is left to the reconcilers.
 */
async function failIfUnissued(ctx: CertificatesContext, keyId: string): Promise<void> {
  await reconcileSubscriberKey(ctx, keyId).catch(() => undefined);
}
