/**
 * Signing authorisations (DESIGN.md "Keys and sole control"): signing needs the passphrase every
 * time, or a short-lived, count-limited authorisation obtained with it, for batches ("Tanda Tangan
 * Dokumen" with several files, the eSign API's bulk signing). The passphrase opens the key once
 * (through `unlockSubscriberKey`, so a wrong one is counted and locks the key as on every path);
 * the PKCS#8 key is then sealed again:
 *
 * - inner layer: AES-256-GCM under HKDF-SHA256 of a fresh 256-bit secret that is handed to the
 *   caller inside the token and never stored;
 * - outer layer: the certificate's own outer layer (the master key's subkey, or the HSM).
 *
 * So a database dump with the master key opens no authorisation without the token, as it opens no
 * key without the passphrase. The token is `<authorisation id>.<secret>`: a wrong secret is a guess
 * taken through the attempt guard (kind `signing_authorisation`), and a few wrong ones end that
 * authorisation for the hour. Each use takes its documents from `remaining` in one conditional
 * UPDATE, so parallel uses never sign more than the authorisation allows, across instances.
 */
import crypto from 'node:crypto';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { CertificatesContext } from '../certificates/certificates-context.js';
import type { SubscriberCertificateRow } from '../certificates/certificate-records.js';
import { subscriberCertificateById, unlockSubscriberKey } from '../certificates/unlock-subscriber-key.js';
import type { Db } from '../db/open-database.js';
import { signingAuthorisations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';

const SECRET_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

const outerAad = (id: string) => `signing-authorisation/outer:${id}`;
const innerAad = (id: string) => `signing-authorisation/inner:${id}`;

function tokenKey(secret: Buffer, id: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', secret, Buffer.from(id), 'teken/signing-authorisation/v1', 32),
  );
}

function sealInner(pkcs8: Buffer, secret: Buffer, id: string): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', tokenKey(secret, id), iv);
  cipher.setAAD(Buffer.from(innerAad(id)));
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The PKCS#8 key, or null for a wrong secret (GCM's tag decides). */
function openInner(inner: Buffer, secret: Buffer, id: string): Buffer | null {
  if (inner.length <= IV_BYTES + TAG_BYTES) return null;
  const decipher = crypto.createDecipheriv('aes-256-gcm', tokenKey(secret, id), inner.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(innerAad(id)));
  decipher.setAuthTag(inner.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(inner.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

export interface SigningAuthorisation {
  /** Give it to the signer's client once; Teken keeps no copy. */
  token: string;
  id: string;
  documents: number;
  expiresAt: Date;
}

/**
 * Opens the key with the passphrase (counted as every passphrase is) and returns a token that signs
 * up to `documents` documents within TEKEN_SIGNING_AUTHORISATION_MINUTES. The caller has
 * authorized `who.actor` to sign with this certificate.
 */
export async function createSigningAuthorisation(
  ctx: CertificatesContext,
  certificate: SubscriberCertificateRow,
  passphrase: unknown,
  input: { documents: unknown; actor: string; address?: string },
): Promise<SigningAuthorisation> {
  const max = ctx.config.certificates.signingAuthorisationDocuments;
  const documents = input.documents;
  if (typeof documents !== 'number' || !Number.isInteger(documents) || documents < 1 || documents > max)
    throw new TekenError('ERR_INPUT_INVALID', `documents: a whole number from 1 to ${max}.`, {
      details: { field: 'documents' },
    });
  const outer = ctx.outers[certificate.outerLayer];
  if (!outer)
    throw new TekenError(
      'ERR_KEY_UNSEAL_FAILED',
      `The key is sealed under the ${certificate.outerLayer} layer, which is not configured.`,
    );
  const { privateKey } = await unlockSubscriberKey(ctx, certificate, passphrase, {
    actor: input.actor,
    ...(input.address ? { address: input.address } : {}),
  });
  const id = crypto.randomUUID();
  const secret = crypto.randomBytes(SECRET_BYTES);
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  let sealed: Buffer;
  try {
    sealed = await outer.wrap(sealInner(pkcs8, secret, id), outerAad(id));
  } finally {
    pkcs8.fill(0);
  }
  const now = ctx.now?.() ?? Date.now();
  const expiresAt = new Date(now + ctx.config.certificates.signingAuthorisationMinutes * 60_000);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(signingAuthorisations).values({
      id,
      subscriberCertificateId: certificate.id,
      accountId: certificate.accountId,
      documents,
      remaining: documents,
      sealedKey: sealed,
      outerLayer: certificate.outerLayer,
      createdBy: input.actor,
      expiresAt,
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: 'signing_authorisation.created',
      target: `subscriber_certificate:${certificate.id}`,
      details: { authorisationId: id, documents, expiresAt: expiresAt.toISOString() },
    });
  });
  const token = `${id}.${secret.toString('base64url')}`;
  secret.fill(0);
  return { token, id, documents, expiresAt };
}

export interface AuthorisedKey {
  privateKey: crypto.KeyObject;
  certificate: SubscriberCertificateRow;
  authorisationId: string;
  /** Documents the authorisation may still sign after this use. */
  remaining: number;
}

/** Checks the token through the guard and opens the key it seals; takes nothing. */
async function openAuthorisation(ctx: CertificatesContext, token: unknown, address: string | undefined) {
  const match = typeof token === 'string' ? TOKEN.exec(token) : null;
  if (!match) throw new TekenError('ERR_SIGNING_AUTHORISATION_INVALID');
  const id = match[1]!;
  const secret = Buffer.from(match[2]!, 'base64url');
  try {
    const result = await ctx.guard.attempt(
      'signing_authorisation',
      { subject: id, ...(address ? { address } : {}) },
      async () => {
        const [row] = await ctx.db
          .select()
          .from(signingAuthorisations)
          .where(eq(signingAuthorisations.id, id));
        if (!row) return null;
        const outer = ctx.outers[row.outerLayer];
        if (!outer)
          throw new TekenError(
            'ERR_KEY_UNSEAL_FAILED',
            `The authorisation is sealed under the ${row.outerLayer} layer, which is not configured.`,
          );
        const pkcs8 = openInner(await outer.unwrap(row.sealedKey, outerAad(id)), secret, id);
        if (!pkcs8) return null;
        try {
          return { row, privateKey: crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) };
        } finally {
          pkcs8.fill(0);
        }
      },
    );
    if (result.outcome === 'right') return result.value;
    // The address's budget is sign-in's (`auth:ip`), so the answer is sign-in's too.
    if (result.outcome === 'refused' && result.by === 'address')
      throw new TekenError('ERR_AUTH_THROTTLED', undefined, {
        details: { retryAfterSeconds: result.retryAfterSeconds },
      });
    throw new TekenError(
      'ERR_SIGNING_AUTHORISATION_INVALID',
      undefined,
      result.outcome === 'refused' ? { details: { retryAfterSeconds: result.retryAfterSeconds } } : {},
    );
  } finally {
    secret.fill(0);
  }
}

/**
 * Takes `documents` documents from the authorisation the token names and returns the key. A wrong
 * or unknown token is a guess (ERR_SIGNING_AUTHORISATION_INVALID); an expired one, or one with
 * too few documents left, is ERR_SIGNING_AUTHORISATION_SPENT and takes nothing.
 */
export async function useSigningAuthorisation(
  ctx: CertificatesContext,
  token: unknown,
  input: { documents?: number; address?: string } = {},
): Promise<AuthorisedKey> {
  const documents = input.documents ?? 1;
  if (!Number.isInteger(documents) || documents < 1)
    throw new TekenError('ERR_INPUT_INVALID', 'documents: a whole number from 1.', {
      details: { field: 'documents' },
    });
  const { row, privateKey } = await openAuthorisation(ctx, token, input.address);
  const [taken] = await ctx.db
    .update(signingAuthorisations)
    .set({ remaining: sql`${signingAuthorisations.remaining} - ${documents}` })
    .where(
      and(
        eq(signingAuthorisations.id, row.id),
        gte(signingAuthorisations.remaining, documents),
        sql`${signingAuthorisations.expiresAt} > ${new Date(ctx.now?.() ?? Date.now())}`,
      ),
    )
    .returning({ remaining: signingAuthorisations.remaining });
  if (!taken)
    throw new TekenError('ERR_SIGNING_AUTHORISATION_SPENT', undefined, {
      details: { remaining: row.remaining, expiresAt: row.expiresAt.toISOString() },
    });
  const certificate = await subscriberCertificateById(ctx, row.subscriberCertificateId);
  return { privateKey, certificate, authorisationId: row.id, remaining: taken.remaining };
}

/** Ends an authorisation before its time (the holder is done); a wrong token ends nothing. */
export async function endSigningAuthorisation(
  ctx: CertificatesContext,
  token: unknown,
  input: { address?: string } = {},
): Promise<void> {
  const { row } = await openAuthorisation(ctx, token, input.address);
  await ctx.db.delete(signingAuthorisations).where(eq(signingAuthorisations.id, row.id));
}

/** Deletes authorisations past their time (the background jobs, hourly). */
export async function purgeExpiredSigningAuthorisations(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(signingAuthorisations)
    .where(lt(signingAuthorisations.expiresAt, now))
    .returning({ id: signingAuthorisations.id });
  return gone.length;
}
