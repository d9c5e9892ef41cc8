/**
 * The database schema: one schema for PGlite and PostgreSQL. Times are `timestamptz` in UTC.
 * Migrations in /migrations are generated from this file by drizzle-kit (`npm run db:generate`).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** bytea mapped to Uint8Array (pg returns Buffer, PGlite returns Uint8Array; both are Uint8Array). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Key material handles: CA, responder and TSA keys. Software keys are stored wrapped by the master key. */
export const keys = pgTable('keys', {
  id: uuid('id').primaryKey(),
  backend: text('backend').notNull().$type<'software' | 'pkcs11'>(),
  algorithm: text('algorithm').notNull(),
  label: text('label').notNull(),
  /** SubjectPublicKeyInfo, DER. */
  publicKey: bytea('public_key').notNull(),
  /** Software backend: AES-256-GCM(master key) of the PKCS#8 private key. */
  wrappedPrivateKey: bytea('wrapped_private_key'),
  /** PKCS#11 backend: CKA_ID of the key pair in the token (hex). */
  handle: text('handle'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** The CA hierarchy: the root and the issuing CAs. */
export const authorities = pgTable('authorities', {
  id: text('id').primaryKey(),
  parentId: text('parent_id'),
  kind: text('kind').notNull().$type<'root' | 'issuing'>(),
  subjectDn: text('subject_dn').notNull(),
  keyId: uuid('key_id')
    .notNull()
    .references(() => keys.id),
  certificateDer: bytea('certificate_der').notNull(),
  /** SHA-1 of the subject public key BIT STRING (RFC 6960 CertID issuerKeyHash; also the SKI). */
  keyHashSha1: bytea('key_hash_sha1').notNull(),
  /** SHA-1 of the DER subject name (RFC 6960 CertID issuerNameHash). */
  nameHashSha1: bytea('name_hash_sha1').notNull(),
  /** Last CRL number used (RFC 5280 5.2.3: monotonically increasing). */
  crlNumber: bigint('crl_number', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** Certificates signed with a CA key on behalf of the CA itself: OCSP responders and TSA units. */
export const delegatedSigners = pgTable(
  'delegated_signers',
  {
    id: uuid('id').primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id),
    purpose: text('purpose').notNull().$type<'ocsp' | 'tsa'>(),
    keyId: uuid('key_id')
      .notNull()
      .references(() => keys.id),
    serial: text('serial').notNull(),
    certificateDer: bytea('certificate_der').notNull(),
    notAfter: tz('not_after').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('delegated_signers_authority_idx').on(t.authorityId, t.purpose)],
);

/**
 * Every certificate a CA key signed or was about to sign. A row is written with status `pending`
 * and the to-be-signed bytes *before* signing (see docs/issuance-cycle.md); `issued` once the
 * signed certificate is stored; `abandoned` when a crash left a pending row (it is then treated as
 * revoked, because it may have been signed).
 */
export const certificates = pgTable(
  'certificates',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id),
    /** Lower-case hex of the serial number's DER INTEGER content, as OpenSSL prints it. */
    serial: text('serial').notNull(),
    profile: text('profile').notNull(),
    status: text('status').notNull().$type<'pending' | 'issued' | 'abandoned'>(),
    subjectDn: text('subject_dn').notNull(),
    notBefore: tz('not_before').notNull(),
    notAfter: tz('not_after').notNull(),
    tbsDer: bytea('tbs_der').notNull(),
    der: bytea('der'),
    revokedAt: tz('revoked_at'),
    /** RFC 5280 CRLReason code; 6 (certificateHold) can be released. */
    revocationReason: smallint('revocation_reason'),
    invalidityDate: tz('invalidity_date'),
    createdAt: tz('created_at').notNull().defaultNow(),
    issuedAt: tz('issued_at'),
  },
  (t) => [
    uniqueIndex('certificates_authority_serial_uq').on(t.authorityId, t.serial),
    index('certificates_revoked_idx')
      .on(t.authorityId)
      .where(sql`${t.revokedAt} is not null`),
    index('certificates_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Issued CRLs; the newest per authority is served. */
export const crls = pgTable(
  'crls',
  {
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id),
    number: bigint('number', { mode: 'bigint' }).notNull(),
    thisUpdate: tz('this_update').notNull(),
    nextUpdate: tz('next_update').notNull(),
    entries: bigint('entries', { mode: 'number' }).notNull(),
    der: bytea('der').notNull(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.number] })],
);

/** Pre-signed OCSP responses (RFC 6960 / RFC 5019), one per certificate. */
export const ocspResponses = pgTable(
  'ocsp_responses',
  {
    authorityId: text('authority_id')
      .notNull()
      .references(() => authorities.id),
    serial: text('serial').notNull(),
    der: bytea('der').notNull(),
    thisUpdate: tz('this_update').notNull(),
    nextUpdate: tz('next_update').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.authorityId, t.serial] }),
    index('ocsp_responses_this_update_idx').on(t.thisUpdate),
  ],
);

/**
 * The audit log. Rows are inserted in the transaction of the change they record; the sealer then
 * gives them a position in the chain (`seq`) and an HMAC chaining them to their predecessor, so any
 * edit, deletion or reordering of sealed rows is detected by `teken audit verify`.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    occurredAt: tz('occurred_at').notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    seq: bigint('seq', { mode: 'bigint' }),
    prevHash: bytea('prev_hash'),
    hash: bytea('hash'),
  },
  (t) => [
    uniqueIndex('audit_events_seq_uq').on(t.seq),
    index('audit_events_unsealed_idx')
      .on(t.id)
      .where(sql`${t.seq} is null`),
  ],
);

/** Small key/value settings that must live in the database (e.g. the master key check value). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
