import crypto from 'node:crypto';
import { and, desc, eq, type Column } from 'drizzle-orm';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { Db } from '../db/open-database.js';
import { authorities, certificates, delegatedSigners } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { SigningKey } from '../keys/key-backend.js';
import { keyIdentifierOf } from '../pki/extensions.js';
import { signatureAlgorithmOf } from '../pki/signer.js';
import { loadAuthorityKey, type KeyBackends } from './authority-keys.js';
import { caIds, type CaId } from './profiles.js';

export interface DelegatedSigner {
  key: SigningKey;
  certificateDer: Uint8Array;
  serial: string;
  notAfter: Date;
}

/** A CA loaded for use: its certificate facts, its signing key and its delegated signers. */
export interface LoadedCa {
  id: CaId;
  parentId: CaId | null;
  kind: 'root' | 'issuing';
  certificateDer: Uint8Array;
  subjectDer: Uint8Array;
  spkiDer: Uint8Array;
  keyIdentifier: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  key: SigningKey;
  signatureAlgorithmOid: string;
  /** issuerNameHash / issuerKeyHash per hash algorithm, to match OCSP CertIDs. */
  certIdHashes: Record<'sha1' | 'sha256' | 'sha384' | 'sha512', { name: string; key: string }>;
  ocspResponder?: DelegatedSigner | undefined;
  tsa?: DelegatedSigner | undefined;
  /** Set when the CA's own certificate has been revoked by its issuer: the CA issues nothing more. */
  revoked?: { at: Date; reason: number | null } | undefined;
}

export interface CertificateFacts {
  subjectDer: Uint8Array;
  spkiDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  serialHex: string;
}

export function certificateFacts(der: Uint8Array): CertificateFacts {
  const cert = AsnConvert.parse(der, Certificate);
  const tbs = cert.tbsCertificate;
  return {
    subjectDer: new Uint8Array(AsnConvert.serialize(tbs.subject)),
    spkiDer: new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo)),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    serialHex: Buffer.from(new Uint8Array(tbs.serialNumber))
      .toString('hex')
      .replace(/^(00)+(?=[0-9a-f]{2})/, ''),
  };
}

function hashes(subjectDer: Uint8Array, spkiDer: Uint8Array): LoadedCa['certIdHashes'] {
  const keyBits = new Uint8Array(AsnConvert.parse(spkiDer, SubjectPublicKeyInfo).subjectPublicKey);
  const make = (alg: string) => ({
    name: crypto.createHash(alg).update(subjectDer).digest('hex'),
    key: crypto.createHash(alg).update(keyBits).digest('hex'),
  });
  return { sha1: make('sha1'), sha256: make('sha256'), sha384: make('sha384'), sha512: make('sha512') };
}

/**
 * The active delegated signer of a CA for a purpose, as a condition on `delegated_signers`; `caId`
 * is a value or a column to join on.
 */
export function activeSignerOf(caId: string | Column, purpose: 'ocsp' | 'tsa') {
  return and(
    eq(delegatedSigners.authorityId, caId),
    eq(delegatedSigners.purpose, purpose),
    eq(delegatedSigners.active, true),
  );
}

/**
 * The loaded CAs of this process. CA rows change only at `ca init` (and responder renewal), so
 * they are loaded once and reloaded on demand.
 */
export class CaRegistry {
  readonly #db: Db;
  readonly #backends: KeyBackends;
  #cas = new Map<CaId, LoadedCa>();
  #loading: Promise<void> | undefined;

  constructor(db: Db, backends: KeyBackends) {
    this.#db = db;
    this.#backends = backends;
  }

  /** (Re)loads every CA from the database. */
  async reload(): Promise<void> {
    const rows = await this.#db.select().from(authorities);
    const next = new Map<CaId, LoadedCa>();
    for (const row of rows) {
      const facts = certificateFacts(row.certificateDer);
      const key = await loadAuthorityKey(this.#db, this.#backends, row.keyId);
      const signer = async (purpose: 'ocsp' | 'tsa') => {
        const [s] = await this.#db
          .select()
          .from(delegatedSigners)
          .where(activeSignerOf(row.id, purpose))
          .orderBy(desc(delegatedSigners.createdAt))
          .limit(1);
        if (!s) return undefined;
        return {
          key: await loadAuthorityKey(this.#db, this.#backends, s.keyId),
          certificateDer: s.certificateDer,
          serial: s.serial,
          notAfter: s.notAfter,
        };
      };
      let revoked: LoadedCa['revoked'];
      if (row.parentId) {
        const [own] = await this.#db
          .select({ revokedAt: certificates.revokedAt, reason: certificates.revocationReason })
          .from(certificates)
          .where(and(eq(certificates.authorityId, row.parentId), eq(certificates.serial, facts.serialHex)));
        if (own?.revokedAt) revoked = { at: own.revokedAt, reason: own.reason };
      }
      next.set(row.id as CaId, {
        id: row.id as CaId,
        parentId: (row.parentId as CaId | null) ?? null,
        kind: row.kind,
        certificateDer: row.certificateDer,
        subjectDer: facts.subjectDer,
        spkiDer: facts.spkiDer,
        keyIdentifier: keyIdentifierOf(facts.spkiDer),
        notBefore: facts.notBefore,
        notAfter: facts.notAfter,
        key,
        signatureAlgorithmOid: signatureAlgorithmOf[key.algorithm].oid,
        certIdHashes: hashes(facts.subjectDer, facts.spkiDer),
        ocspResponder: await signer('ocsp'),
        tsa: await signer('tsa'),
        revoked,
      });
    }
    this.#cas = next;
  }

  async ensureLoaded(): Promise<void> {
    if (this.#cas.size > 0) return;
    this.#loading ??= this.reload().finally(() => (this.#loading = undefined));
    await this.#loading;
  }

  /** The CA, or ERR_CA_NOT_FOUND / ERR_CA_NOT_INITIALISED. */
  async get(id: string): Promise<LoadedCa> {
    await this.ensureLoaded();
    if (!(caIds as readonly string[]).includes(id)) {
      throw new TekenError('ERR_CA_NOT_FOUND', `There is no CA "${id}". CAs: ${caIds.join(', ')}.`);
    }
    const ca = this.#cas.get(id as CaId);
    if (!ca)
      throw new TekenError(
        'ERR_CA_NOT_INITIALISED',
        'The CA hierarchy has not been created yet: run `teken ca init`.',
      );
    return ca;
  }

  /** Loaded CAs (after ensureLoaded). */
  all(): LoadedCa[] {
    // The root first, then the issuing CAs in their fixed order (lists, /ca and /cps show it so).
    return [...this.#cas.values()].sort((a, b) => caIds.indexOf(a.id) - caIds.indexOf(b.id));
  }

  /** The CA whose name and key hashes match an OCSP CertID. */
  findByCertIdHashes(
    algorithm: keyof LoadedCa['certIdHashes'],
    nameHashHex: string,
    keyHashHex: string,
  ): LoadedCa | undefined {
    for (const ca of this.#cas.values()) {
      const h = ca.certIdHashes[algorithm];
      if (h.name === nameHashHex && h.key === keyHashHex) return ca;
    }
    return undefined;
  }
}
