/**
 * The OCSP responder (RFC 6960, RFC 5019 profile). The hot path is a map lookup of a pre-signed
 * response: no database query and no signature for a certificate asked about recently. Broken
 * requests get `malformedRequest`, requests about CAs we do not run get `unauthorized`; nothing a
 * client sends produces a 5xx.
 */
import { and, eq } from 'drizzle-orm';
import { certificates, ocspResponses } from '../db/schema.js';
import { isTekenError } from '../errors/teken-error.js';
import {
  buildOcspResponse,
  locatePlainCertId,
  ocspErrorResponse,
  parseOcspRequest,
  type OcspCertId,
  type OcspCertStatus,
} from '../pki/ocsp.js';
import type { AuthorityContext } from './authority-context.js';
import type { LoadedCa } from './ca-registry.js';
import { presignOcspResponse, storeOcspResponse, type PresignedOcsp } from './ocsp-presign.js';

export interface OcspAnswer {
  body: Uint8Array;
  /** Set for successful responses: lets the HTTP layer send caching headers (RFC 5019 6.2). */
  thisUpdate?: Date;
  nextUpdate?: Date;
  kind: 'good' | 'revoked' | 'unknown' | 'error';
}

interface CacheEntry extends Required<OcspAnswer> {
  /** When to look at the database again (other instances may have changed the status). */
  checkAfter: number;
}

function entryOf(response: PresignedOcsp, kind: OcspAnswer['kind'], checkAfter: number): CacheEntry {
  return {
    body: response.der,
    thisUpdate: response.thisUpdate,
    nextUpdate: response.nextUpdate,
    kind,
    checkAfter,
  };
}

export interface OcspResponderOptions {
  /** How long a cached answer is served before the database is asked again. */
  revalidateMs?: number;
  /** Bound of the in-memory cache. */
  maxEntries?: number;
}

export class OcspResponder {
  readonly #ctx: AuthorityContext;
  readonly #cache = new Map<string, CacheEntry>();
  /**
   * CertID bytes (latin1) → cache key, for CertIDs that parseOcspRequest accepted. A CertID always
   * names the same CA, serial and hash, so this never goes stale; it only skips the parsing.
   */
  readonly #certIdKeys = new Map<string, string>();
  readonly #revalidateMs: number;
  readonly #maxEntries: number;

  constructor(ctx: AuthorityContext, options: OcspResponderOptions = {}) {
    this.#ctx = ctx;
    this.#revalidateMs = options.revalidateMs ?? 60_000;
    this.#maxEntries = options.maxEntries ?? 200_000;
  }

  /** Forgets what is cached about a certificate (after its status changed). */
  invalidate(caId: string, serialHex: string): void {
    for (const alg of ['sha1', 'sha256', 'sha384', 'sha512'])
      this.#cache.delete(`${caId}:${serialHex}:${alg}`);
  }

  /**
   * The hot path: a fresh cached answer for a plain single-CertID request seen before, found by the
   * CertID bytes alone (no parsing, no key building), or undefined (then call `respond`).
   */
  cached(requestDer: Uint8Array): OcspAnswer | undefined {
    const range = locatePlainCertId(requestDer);
    if (!range) return undefined;
    const bytes = Buffer.isBuffer(requestDer)
      ? requestDer
      : Buffer.from(requestDer.buffer, requestDer.byteOffset, requestDer.byteLength);
    const key = this.#certIdKeys.get(bytes.toString('latin1', range[0], range[1]));
    if (key === undefined) return undefined;
    const cached = this.#cache.get(key);
    const now = Date.now();
    if (cached && cached.checkAfter > now && cached.nextUpdate.getTime() > now) return cached;
    return undefined;
  }

  async respond(requestDer: Uint8Array): Promise<OcspAnswer> {
    let certIds: OcspCertId[];
    try {
      ({ certIds } = parseOcspRequest(requestDer));
    } catch (error) {
      if (isTekenError(error)) return { body: ocspErrorResponse('malformedRequest'), kind: 'error' };
      throw error;
    }
    try {
      await this.#ctx.registry.ensureLoaded();
      if (certIds.length === 1) return await this.#single(certIds[0]!);
      return await this.#several(certIds);
    } catch (error) {
      // A database outage must not turn into a 5xx; clients retry on tryLater.
      if (isTekenError(error, 'ERR_CA_NOT_INITIALISED'))
        return { body: ocspErrorResponse('unauthorized'), kind: 'error' };
      return { body: ocspErrorResponse('tryLater'), kind: 'error' };
    }
  }

  #caFor(certId: OcspCertId): LoadedCa | undefined {
    const ca = this.#ctx.registry.findByCertIdHashes(
      certId.hashAlgorithm,
      Buffer.from(certId.issuerNameHash).toString('hex'),
      Buffer.from(certId.issuerKeyHash).toString('hex'),
    );
    return ca?.ocspResponder ? ca : undefined;
  }

  async #single(certId: OcspCertId): Promise<OcspAnswer> {
    const ca = this.#caFor(certId);
    if (!ca) return { body: ocspErrorResponse('unauthorized'), kind: 'error' };
    const key = `${ca.id}:${certId.serialHex}:${certId.hashAlgorithm}`;
    const now = Date.now();
    const cached = this.#cache.get(key);
    if (cached && cached.checkAfter > now && cached.nextUpdate.getTime() > now) {
      this.#rememberCertId(certId.raw, key);
      return cached;
    }

    let entry: CacheEntry | undefined;
    if (certId.hashAlgorithm === 'sha1') {
      const [stored] = await this.#ctx.db
        .select()
        .from(ocspResponses)
        .where(and(eq(ocspResponses.authorityId, ca.id), eq(ocspResponses.serial, certId.serialHex)));
      if (stored && stored.nextUpdate.getTime() > now + 60_000) {
        // Stored responses exist only for certificates we issued; their kind is re-read cheaply.
        const kind = cached?.kind ?? (await this.#statusOf(ca, certId.serialHex)).kind;
        entry = entryOf(stored, kind, now + this.#revalidateMs);
      }
    }
    if (!entry) {
      const { status, kind, known } = await this.#statusOf(ca, certId.serialHex);
      const signed = await presignOcspResponse(this.#ctx.config, ca, certId.serialHex, status, certId);
      if (known && certId.hashAlgorithm === 'sha1')
        await storeOcspResponse(this.#ctx.db, ca.id, certId.serialHex, signed);
      entry = entryOf(signed, kind, now + this.#revalidateMs);
    }
    this.#remember(key, entry);
    this.#rememberCertId(certId.raw, key);
    return entry;
  }

  #rememberCertId(raw: Uint8Array, key: string): void {
    const certId = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
    if (this.#certIdKeys.get(certId) === key) return;
    if (this.#certIdKeys.size >= this.#maxEntries) {
      let drop = Math.ceil(this.#maxEntries / 10);
      for (const k of this.#certIdKeys.keys()) {
        this.#certIdKeys.delete(k);
        if (--drop === 0) break;
      }
    }
    this.#certIdKeys.set(certId, key);
  }

  async #several(certIds: OcspCertId[]): Promise<OcspAnswer> {
    const cas = certIds.map((id) => this.#caFor(id));
    const first = cas[0];
    // One response is signed by one responder: every CertID must name the same CA.
    if (!first || cas.some((ca) => ca !== first))
      return { body: ocspErrorResponse('unauthorized'), kind: 'error' };
    const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const nextUpdate = new Date(thisUpdate.getTime() + this.#ctx.config.ocsp.validityHours * 3_600_000);
    const singles = [];
    for (const certId of certIds) {
      singles.push({
        certId,
        status: (await this.#statusOf(first, certId.serialHex)).status,
        thisUpdate,
        nextUpdate,
      });
    }
    const body = await buildOcspResponse(
      { key: first.ocspResponder!.key, certificateDer: first.ocspResponder!.certificateDer },
      singles,
      thisUpdate,
    );
    return { body, thisUpdate, nextUpdate, kind: 'good' };
  }

  async #statusOf(
    ca: LoadedCa,
    serialHex: string,
  ): Promise<{ status: OcspCertStatus; kind: OcspAnswer['kind']; known: boolean }> {
    const [row] = await this.#ctx.db
      .select({
        status: certificates.status,
        revokedAt: certificates.revokedAt,
        reason: certificates.revocationReason,
      })
      .from(certificates)
      .where(and(eq(certificates.authorityId, ca.id), eq(certificates.serial, serialHex)));
    if (!row || row.status === 'pending')
      return { status: { status: 'unknown' }, kind: 'unknown', known: false };
    if (row.revokedAt) {
      return {
        status: {
          status: 'revoked',
          revokedAt: row.revokedAt,
          ...(row.reason !== null ? { reason: row.reason } : {}),
        },
        kind: 'revoked',
        known: true,
      };
    }
    return { status: { status: 'good' }, kind: 'good', known: true };
  }

  #remember(key: string, entry: CacheEntry): void {
    if (this.#cache.size >= this.#maxEntries) {
      // Drop the oldest tenth (Map iterates in insertion order).
      let drop = Math.ceil(this.#maxEntries / 10);
      for (const k of this.#cache.keys()) {
        this.#cache.delete(k);
        if (--drop === 0) break;
      }
    }
    this.#cache.delete(key);
    this.#cache.set(key, entry);
  }
}
