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
  integer,
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
    /**
     * An opaque reference the requester attached, recorded with the pending row before signing:
     * the certificates module's subscriber key id, so that a certificate signed by a process that
     * died before linking it is found and linked (certificates/reconcile-subscriber-keys.ts).
     */
    requestRef: uuid('request_ref'),
  },
  (t) => [
    uniqueIndex('certificates_authority_serial_uq').on(t.authorityId, t.serial),
    index('certificates_revoked_idx')
      .on(t.authorityId)
      .where(sql`${t.revokedAt} is not null`),
    index('certificates_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index('certificates_request_ref_idx')
      .on(t.requestRef)
      .where(sql`${t.requestRef} is not null`),
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
    index('audit_events_target_idx').on(t.target, t.id),
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

// ---------------------------------------------------------------------------------------------
// Identity (accounts, authenticators, sessions, single-use links) and notifications.

/**
 * Instansi: an institution whose staff hold accounts, with its registration policy and the data
 * rules of its profiles (defaults from the BSSN guide of seed 004: a name without titles of at
 * most 25 characters, a Jabatan without "." "(" ")" of at most 20, the Unit Organisasi as the
 * Eselon I unit written out in full). See docs/enrollment.md.
 */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Lower-case DNS names; an account's e-mail must be at one of them. */
  emailDomains: text('email_domains')
    .array()
    .notNull()
    .default(sql`'{}'`),
  province: text('province'),
  active: boolean('active').notNull().default(true),
  /** Registration policy. */
  selfRegistration: boolean('self_registration').notNull().default(false),
  nipCheckRequired: boolean('nip_check_required').notNull().default(true),
  fourEyes: boolean('four_eyes').notNull().default(false),
  /** The holder may download their key as a PKCS#12 keystore without a DOWNLOAD_KEYSTORE link. */
  keystoreSelfService: boolean('keystore_self_service').notNull().default(false),
  /**
   * Perpanjangan re-uses the data the RA verified: a renewal goes straight to the set-passphrase
   * link instead of the RA queue (certificates/renew-certificate.ts).
   */
  renewalReusesVerifiedData: boolean('renewal_reuses_verified_data').notNull().default(true),
  /** Data rules of the profile (Nama, Jabatan, Unit Organisasi). */
  nameWithoutTitles: boolean('name_without_titles').notNull().default(true),
  nameMaxLength: smallint('name_max_length').notNull().default(25),
  jabatanForbiddenCharacters: text('jabatan_forbidden_characters').notNull().default('.()'),
  jabatanMaxLength: smallint('jabatan_max_length').notNull().default(20),
  unitUnabbreviated: boolean('unit_unabbreviated').notNull().default(true),
  unitMaxLength: smallint('unit_max_length').notNull().default(150),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export type Role = 'subscriber' | 'ra_officer' | 'institution_admin' | 'ca_admin';
export type RequiredAction = 'CONFIGURE_TOTP' | 'UPDATE_PASSWORD';
export type AccountStatus = 'pending' | 'active' | 'disabled';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    roles: text('roles').array().notNull().$type<Role[]>(),
    /**
     * `pending`: invited or registering, not yet verified by an RA officer (no sign-in, no reset
     * link); `active`; `disabled`.
     */
    status: text('status').notNull().$type<AccountStatus>().default('active'),
    /** argon2id PHC string; null until the account has a password. */
    passwordHash: text('password_hash'),
    passwordChangedAt: tz('password_changed_at'),
    requiredActions: text('required_actions')
      .array()
      .notNull()
      .$type<RequiredAction[]>()
      .default(sql`'{}'`),
    locale: text('locale').notNull().$type<'id' | 'en'>().default('id'),
    /** Temporary lockout after too many failures; cleared by time or an administrator. */
    lockedUntil: tz('locked_until'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('accounts_email_uq').on(sql`lower(${t.email})`),
    index('accounts_institution_idx').on(t.institutionId),
  ],
);

/** Authenticator apps (RFC 6238). The secret is sealed under the master key. */
export const totpDevices = pgTable(
  'totp_devices',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sealedSecret: bytea('sealed_secret').notNull(),
    /** Highest time step accepted so far: a code is accepted once (replay guard). */
    lastUsedStep: bigint('last_used_step', { mode: 'number' }).notNull().default(0),
    /** false while enrolment waits for the first code. */
    confirmed: boolean('confirmed').notNull().default(false),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastUsedAt: tz('last_used_at'),
  },
  (t) => [uniqueIndex('totp_devices_account_name_uq').on(t.accountId, sql`lower(${t.name})`)],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: bytea('id_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** `partial`: password checked, second factor or required action pending; `full`: signed in. */
    stage: text('stage').notNull().$type<'partial' | 'full'>(),
    remember: boolean('remember').notNull().default(false),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
    idleExpiresAt: tz('idle_expires_at').notNull(),
    absoluteExpiresAt: tz('absolute_expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: tz('revoked_at'),
    /** For partial sessions: what flow they belong to and what it has proven so far. */
    flow: jsonb('flow').$type<Record<string, unknown>>(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** The kinds of single-use link; "Tautan Aktif" lists each of them. */
export const actionLinkKinds = [
  'RESET_PASSWORD',
  'UPDATE_PASSWORD',
  'RESET_OTP_DEVICE',
  'SETUP_ADMIN',
  /** The registration link ("[BSrE] Aktivasi Akun"): opens the wizard until it is submitted. */
  'ACTIVATE_ACCOUNT',
  /** Confirms a new e-mail address of a profile change, from that address. */
  'CONFIRM_EMAIL',
  /** "[BSrE] Informasi Akun" after RA approval: authenticator, then password (like SETUP_ADMIN). */
  'SETUP_ACCOUNT',
  /** "[BSrE] Set Passphrase" after a certificate request's approval (`ref`: the request's id). */
  'SET_PASSPHRASE',
  /** "[BSrE] Reset Passphrase": a new key and certificate replace one (`ref`: the certificate's id). */
  'RESET_PASSPHRASE',
  /** A keystore (PKCS#12) download sent from Tinjau Ulang (`ref`: the certificate's id). */
  'DOWNLOAD_KEYSTORE',
  /**
   * "[BSrE] Persetujuan Tanda Tangan": an API client asked for a TOTP (eSign v2 `sign/get/totp`) or
   * a seal activation; the holder approves with the passphrase (`ref`: the totp_authorisations id).
   */
  'APPROVE_TOTP',
] as const;
export type ActionLinkKind = (typeof actionLinkKinds)[number];

/** Single-use links (e-mailed); only the SHA-256 of the token is stored. */
export const actionTokens = pgTable(
  'action_tokens',
  {
    tokenHash: bytea('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    action: text('action').notNull().$type<ActionLinkKind>(),
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    expiresAt: tz('expires_at').notNull(),
    usedAt: tz('used_at'),
    /** Set when a newer link or a password change made this one void. */
    voidedAt: tz('voided_at'),
    /** What the link is about, for links about one object (a certificate request, a certificate). */
    ref: uuid('ref'),
  },
  (t) => [index('action_tokens_account_idx').on(t.accountId, t.action)],
);

/** Failure counters for anti-automation (per account and per source address), shared by instances. */
export const throttles = pgTable('throttles', {
  key: text('key').primaryKey(),
  failures: bigint('failures', { mode: 'number' }).notNull().default(0),
  /** Attempts reserved and not yet decided (identity/attempt-guard.ts); they count against the budget. */
  reserved: bigint('reserved', { mode: 'number' }).notNull().default(0),
  windowStart: tz('window_start').notNull().defaultNow(),
  blockedUntil: tz('blocked_until'),
});

/**
 * The transactional outbox: domain code inserts a message in the transaction of the change; the
 * worker delivers it. `payload` is sealed under the master key (it may hold a link token).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull().$type<'email' | 'whatsapp' | 'log'>(),
    template: text('template').notNull(),
    locale: text('locale').notNull().$type<'id' | 'en'>(),
    /** The recipient address (e-mail or phone), sealed: it is personal data. */
    sealedRecipient: bytea('sealed_recipient').notNull(),
    /** Template variables, sealed. Cleared once delivered. */
    sealedPayload: bytea('sealed_payload'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: text('status').notNull().$type<'pending' | 'sent' | 'failed'>().default('pending'),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    nextAttemptAt: tz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    /** Rendered subject, kept for the admin outbox page (no secrets in subjects). */
    subject: text('subject'),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
    sentAt: tz('sent_at'),
    /** When it was dead-lettered; its sealed payload is purged TEKEN_OUTBOX_FAILED_RETENTION_DAYS later. */
    failedAt: tz('failed_at'),
  },
  (t) => [
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

// Enrollment.

/**
 * API clients of an institution (its HR system, later its eSign apps): HTTP Basic with a generated
 * username and a secret shown once; only the secret's argon2id hash is stored.
 */
export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    username: text('username').notNull(),
    secretHash: text('secret_hash').notNull(),
    description: text('description').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Source addresses allowed to call (CIDR); empty: any. */
    allowedCidrs: text('allowed_cidrs')
      .array()
      .notNull()
      .default(sql`'{}'`),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(600),
    createdAt: tz('created_at').notNull().defaultNow(),
    secretRotatedAt: tz('secret_rotated_at'),
    lastUsedAt: tz('last_used_at'),
  },
  (t) => [
    uniqueIndex('api_clients_username_uq').on(t.username),
    index('api_clients_institution_idx').on(t.institutionId),
  ],
);

/** Status Verifikasi of a registration (seed 003). */
export type RegistrationStatus =
  /** Invited: the activation link was sent, the wizard not opened yet. */
  | 'invited'
  /** The wizard is being filled in (progress kept). */
  | 'in_progress'
  /** Submitted: "Menunggu Verifikasi" in the RA queue. */
  | 'submitted'
  /** Four-eyes: one RA officer approved, a second must confirm. */
  | 'first_approval'
  | 'verified'
  | 'rejected';

export type RegistrationSource = 'invite' | 'csv' | 'hr_api' | 'self' | 'cli';
export type EmployeeType = 'asn' | 'other';

/** One consent given in the wizard: which document, which version, when. */
export interface ConsentRecord {
  document: 'privacy_policy' | 'subscriber_agreement' | 'data_processing';
  version: string;
  acceptedAt: string;
}

/**
 * A subscriber's registration and verified profile (Data Diri, Data Kedinasan, Foto Diri,
 * consents), one per account. Personal data (NIK, NIP, phone, selfie, KTP scan) is sealed under
 * the master key's `personal-data/v1` subkey with the column and account as AAD
 * (enrollment/personal-data.ts); NIK, NIP and phone also have a keyed lookup hash (HMAC under the
 * `lookup/v1` subkey) so they can be searched and kept unique without being stored in clear.
 */
export const registrations = pgTable(
  'registrations',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    status: text('status').notNull().$type<RegistrationStatus>().default('invited'),
    source: text('source').notNull().$type<RegistrationSource>(),
    /** Who started it: an account id, `api-client:<username>`, `csv:<import id>` or `self`. */
    invitedBy: text('invited_by').notNull(),
    /** Wizard step reached (1 Data Diri, 2 Data Kedinasan, 3 Foto Diri). */
    step: smallint('step').notNull().default(1),
    nikSealed: bytea('nik_sealed'),
    nikHash: bytea('nik_hash'),
    gelarDepan: text('gelar_depan'),
    gelarBelakang: text('gelar_belakang'),
    /** E.164 (+62…), sealed. */
    phoneSealed: bytea('phone_sealed'),
    phoneHash: bytea('phone_hash'),
    phoneVerifiedAt: tz('phone_verified_at'),
    /** `whatsapp` (code confirmed) or the id of the RA officer who marked it. */
    phoneVerifiedBy: text('phone_verified_by'),
    employeeType: text('employee_type').$type<EmployeeType>(),
    nipSealed: bytea('nip_sealed'),
    nipHash: bytea('nip_hash'),
    /** "Diverifikasi Oleh": `bkn` (the registry adapter answered) or `manual`. */
    nipVerifiedBy: text('nip_verified_by').$type<'bkn' | 'manual'>(),
    unitOrganisasi: text('unit_organisasi'),
    jabatan: text('jabatan'),
    province: text('province'),
    /** Re-encoded image (no EXIF), sealed; its media type. */
    selfieSealed: bytea('selfie_sealed'),
    selfieType: text('selfie_type'),
    ktpSealed: bytea('ktp_sealed'),
    ktpType: text('ktp_type'),
    consents: jsonb('consents')
      .notNull()
      .$type<ConsentRecord[]>()
      .default(sql`'[]'::jsonb`),
    /** Jenis Permohonan: the products this user may request (seed 003). */
    products: text('products')
      .array()
      .notNull()
      .default(sql`'{esign}'`),
    submittedAt: tz('submitted_at'),
    firstApprovedBy: uuid('first_approved_by').references(() => accounts.id),
    firstApprovedAt: tz('first_approved_at'),
    verifiedBy: uuid('verified_by').references(() => accounts.id),
    verifiedAt: tz('verified_at'),
    rejectedBy: uuid('rejected_by').references(() => accounts.id),
    rejectedAt: tz('rejected_at'),
    rejectReason: text('reject_reason'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_nik_uq').on(t.nikHash),
    uniqueIndex('registrations_phone_uq').on(t.phoneHash),
    index('registrations_nip_idx').on(t.nipHash),
    index('registrations_queue_idx').on(t.institutionId, t.status, t.submittedAt),
  ],
);

/**
 * Riwayat Data: every change to a registration or profile (what, old and new value, who, when).
 * The values may be personal data, so they are sealed as one JSON `{old, new}`.
 */
export const profileHistory = pgTable(
  'profile_history',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    sealedValues: bytea('sealed_values').notNull(),
    /** An account id, `self`, `api-client:<username>` or `system`. */
    changedBy: text('changed_by').notNull(),
    /** Why: `registration`, `ra_correction`, `change_request:<id>`, `phone_verification`, … */
    cause: text('cause').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('profile_history_account_idx').on(t.accountId, t.createdAt)],
);

/** "Ubah Profil": a change a subscriber asks for and an RA officer approves or rejects. */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    status: text('status')
      .notNull()
      .$type<'pending' | 'approved' | 'rejected' | 'cancelled'>()
      .default('pending'),
    /** The changed fields and their new values, sealed JSON. */
    sealedChanges: bytea('sealed_changes').notNull(),
    /** Field names only, for lists (no values). */
    fields: text('fields').array().notNull(),
    /** A new e-mail address must be confirmed from that address before approval. */
    emailConfirmedAt: tz('email_confirmed_at'),
    decidedBy: uuid('decided_by').references(() => accounts.id),
    decidedAt: tz('decided_at'),
    reason: text('reason'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('change_requests_queue_idx').on(t.institutionId, t.status, t.createdAt),
    index('change_requests_account_idx').on(t.accountId),
  ],
);

/**
 * WhatsApp verification codes for a phone number (registration and "Ubah nomor HP"). Only an HMAC
 * of the code is stored; attempts go through the attempt guard (per code, account and number).
 */
export const phoneVerifications = pgTable(
  'phone_verifications',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull().$type<'registration' | 'change'>(),
    phoneSealed: bytea('phone_sealed').notNull(),
    phoneHash: bytea('phone_hash').notNull(),
    codeHash: bytea('code_hash').notNull(),
    expiresAt: tz('expires_at').notNull(),
    sentAt: tz('sent_at').notNull().defaultNow(),
    usedAt: tz('used_at'),
    voidedAt: tz('voided_at'),
  },
  (t) => [index('phone_verifications_account_idx').on(t.accountId, t.purpose)],
);

/** A CSV import (Undang banyak): its progress and per-row report. */
export const enrollmentImports = pgTable(
  'enrollment_imports',
  {
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    startedBy: text('started_by').notNull(),
    status: text('status').notNull().$type<'running' | 'done' | 'failed'>().default('running'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    createdRows: integer('created_rows').notNull().default(0),
    refusedRows: integer('refused_rows').notNull().default(0),
    /** The per-row report (row number, e-mail masked, result, reason), sealed JSON lines. */
    sealedReport: bytea('sealed_report'),
    createdAt: tz('created_at').notNull().defaultNow(),
    finishedAt: tz('finished_at'),
    // CSV import (h-csv): the file's SHA-256 (a re-run of the same file resumes an unfinished
    // import), the re-sent count; the report is kept per batch in enrollment_import_batches.
    fileSha256: bytea('file_sha256'),
    resentRows: integer('resent_rows').notNull().default(0),
    /** When the import was last resumed (the same file sent again while it was unfinished). */
    resumedAt: tz('resumed_at'),
  },
  // "Impor Pengguna" lists the caller's own recent imports.
  (t) => [index('enrollment_imports_started_by_idx').on(t.startedBy, t.createdAt)],
);

/**
 * One committed batch of a CSV import: its rows' report lines (row, nama, email, result, reason)
 * as sealed JSON (AAD `enrollment_import_batches.report:<import id>:<first row>`), written in the
 * transaction that registered the rows, so the report and the registrations never disagree.
 */
export const enrollmentImportBatches = pgTable(
  'enrollment_import_batches',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => enrollmentImports.id, { onDelete: 'cascade' }),
    firstRow: integer('first_row').notNull(),
    rowCount: integer('row_count').notNull(),
    sealedReport: bytea('sealed_report').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.firstRow] })],
);

// ---------------------------------------------------------------------------------------------------
// The subscriber's certificates (certificates module)

/** eSign: a person's signing certificate; eSeal: the institution's seal certificate. */
export type CertificateProduct = 'esign' | 'eseal';
/**
 * `submitted`: waiting for the RA (Status Verifikasi "Menunggu Verifikasi"); `approved`: verified,
 * waiting for the passphrase (Status Enrollment); `issued`; `rejected` (with a reason); `cancelled`.
 */
export type CertificateRequestStatus = 'submitted' | 'approved' | 'issued' | 'rejected' | 'cancelled';
/** `new`: a first certificate; `renewal`: replaces one before it ends; `reset`: a forgotten passphrase. */
export type CertificateRequestKind = 'new' | 'renewal' | 'reset';

/** A subject attribute as the certificate will carry it (pki/distinguished-name.ts NameAttribute). */
export interface SubjectAttributeRecord {
  type: string;
  oid: string;
  value: string;
}

/**
 * "Permohonan Baru": a request for a certificate of a product, by its holder (eSign) or an
 * institution admin for the institution (eSeal). The subject is fixed when the request is made and
 * shown to the user before submitting; the supporting document (PDF) is sealed at rest.
 */
export const certificateRequests = pgTable(
  'certificate_requests',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    product: text('product').notNull().$type<CertificateProduct>(),
    kind: text('kind').notNull().$type<CertificateRequestKind>().default('new'),
    status: text('status').notNull().$type<CertificateRequestStatus>(),
    subject: jsonb('subject').notNull().$type<SubjectAttributeRecord[]>(),
    /** rfc822Name SANs. */
    emails: text('emails')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** "Unggah Dokumen Pendukung": a PDF, sealed (AAD `certificate_requests.document:<id>`). */
    documentSealed: bytea('document_sealed'),
    documentName: text('document_name'),
    documentBytes: integer('document_bytes'),
    documentSha256: bytea('document_sha256'),
    /** The certificate this one replaces (renewal, reset). */
    replacesId: uuid('replaces_id'),
    submittedAt: tz('submitted_at').notNull().defaultNow(),
    firstApprovedBy: uuid('first_approved_by').references(() => accounts.id),
    firstApprovedAt: tz('first_approved_at'),
    approvedBy: text('approved_by'),
    approvedAt: tz('approved_at'),
    rejectedBy: uuid('rejected_by').references(() => accounts.id),
    rejectedAt: tz('rejected_at'),
    rejectReason: text('reject_reason'),
    issuedAt: tz('issued_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('certificate_requests_queue_idx').on(t.institutionId, t.status, t.submittedAt),
    index('certificate_requests_account_idx').on(t.accountId),
    // One open request per holder and product.
    uniqueIndex('certificate_requests_open_uq')
      .on(t.accountId, t.product)
      .where(sql`${t.status} in ('submitted', 'approved')`),
  ],
);

/**
 * A subscriber's key and certificate. The key pair is generated by Teken when the passphrase is set
 * and kept sealed twice (keys/subscriber-key-seal.ts): inner layer under a key derived from the
 * passphrase with argon2id, outer layer under the master key (or the HSM). The row is written
 * with the sealed key before the certificate is signed (`pending`), and linked to its certificate
 * (`authority_id`, `serial`) once issued; a crash in between is reconciled through
 * `certificates.request_ref`.
 */
export const subscriberCertificates = pgTable(
  'subscriber_certificates',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => certificateRequests.id),
    product: text('product').notNull().$type<CertificateProduct>(),
    /** `pending`: key sealed, certificate being issued; `active`: issued; `failed`: never issued. */
    state: text('state').notNull().$type<'pending' | 'active' | 'failed'>().default('pending'),
    /** How the key was made: `service` (set passphrase in Teken) — "Metode Enroll". */
    enrollMethod: text('enroll_method').notNull().default('service'),
    keyAlgorithm: text('key_algorithm').notNull(),
    /** SubjectPublicKeyInfo, DER. */
    publicKey: bytea('public_key').notNull(),
    /** The doubly sealed PKCS#8 private key (keys/subscriber-key-seal.ts). */
    sealedKey: bytea('sealed_key').notNull(),
    /** Which outer layer: `master` (the master key's subscriber-key/v1 subkey) or `pkcs11`. */
    outerLayer: text('outer_layer').notNull().$type<'master' | 'pkcs11'>(),
    authorityId: text('authority_id'),
    serial: text('serial'),
    notAfter: tz('not_after'),
    /** The certificate that replaced this one (renewal or passphrase reset). */
    replacedBy: uuid('replaced_by'),
    /** An approved profile change touched the subject: renew to carry the new data. */
    renewalDueAt: tz('renewal_due_at'),
    /** Catatan: "Telah di unduh @ …" (the last keystore or certificate download). */
    downloadedAt: tz('downloaded_at'),
    /**
     * The last renewal reminder sent (a step of TEKEN_RENEWAL_REMINDER_DAYS; certificates/
     * send-renewal-reminders.ts): the job claims a reminder by lowering this, so each goes once.
     */
    renewalRemindedDays: smallint('renewal_reminded_days'),
    /** Set by the expiry job once the certificate ended (and the user was told). */
    expiredAt: tz('expired_at'),
    /** The Perjanjian Pemilik Sertifikat Elektronik accepted ("Setuju") when the passphrase was set. */
    agreementVersion: text('agreement_version').notNull(),
    agreementAcceptedAt: tz('agreement_accepted_at').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('subscriber_certificates_account_idx').on(t.accountId),
    index('subscriber_certificates_institution_idx').on(t.institutionId),
    uniqueIndex('subscriber_certificates_serial_uq').on(t.authorityId, t.serial),
    index('subscriber_certificates_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.state} = 'pending'`),
    // One key per request: two set-passphrase calls for one request cannot both proceed.
    uniqueIndex('subscriber_certificates_request_uq')
      .on(t.requestId)
      .where(sql`${t.state} in ('pending', 'active')`),
  ],
);

/**
 * What a TOTP authorisation is for: `sign` (eSign v2 `sign/get/totp`, a holder's code for N
 * documents), `seal_activation` (the seal's longer-lived activation code) and `seal_batch` (a short
 * code the institution's app makes from the activation for N documents).
 */
export type TotpAuthorisationKind = 'sign' | 'seal_activation' | 'seal_batch';

/**
 * TOTP authorisations (signing/totp-authorisation.ts): an API client asks, the holder approves with
 * the passphrase through a mailed link, and only then is the key sealed again under a key derived
 * with argon2id from a fresh numeric code (salt per authorisation, keys/subscriber-key-seal.ts),
 * inside the certificate's outer layer. Until approval `sealed_key` is null: a code exists only
 * once the holder opened the key. `remaining` is taken atomically; the code is never stored.
 * `pending` → `approved` (or `refused`); `ended`: revoked, spent by wrong codes, or replaced.
 */
export const totpAuthorisations = pgTable(
  'totp_authorisations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull().$type<TotpAuthorisationKind>(),
    state: text('state').notNull().$type<'pending' | 'approved' | 'refused' | 'ended'>().default('pending'),
    subscriberCertificateId: uuid('subscriber_certificate_id')
      .notNull()
      .references(() => subscriberCertificates.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The API client that asked (its description is shown on the approval page). */
    apiClientId: uuid('api_client_id')
      .notNull()
      .references(() => apiClients.id, { onDelete: 'cascade' }),
    /** `seal_batch`: the activation it was made from (revoking the activation ends it too). */
    parentId: uuid('parent_id'),
    /** Documents the code may sign (null for an activation: it signs nothing itself). */
    documents: integer('documents'),
    remaining: integer('remaining'),
    /** The key sealed under the code's derived key and the outer layer; null until approved. */
    sealedKey: bytea('sealed_key'),
    outerLayer: text('outer_layer').notNull().$type<'master' | 'pkcs11'>(),
    createdAt: tz('created_at').notNull().defaultNow(),
    decidedAt: tz('decided_at'),
    /** Pending: until the approval link lapses; approved: until the code lapses. */
    expiresAt: tz('expires_at').notNull(),
  },
  (t) => [
    index('totp_authorisations_certificate_idx').on(t.subscriberCertificateId, t.kind, t.state),
    index('totp_authorisations_expiry_idx').on(t.expiresAt),
  ],
);

/** `pending`: "On Revoke", waiting for an RA officer; `revoked`: done; `rejected`: the RA refused it. */
export type RevocationRequestStatus = 'pending' | 'revoked' | 'rejected';

/**
 * A signing authorisation (DESIGN.md "Keys and sole control"): one passphrase entry signs up to
 * `documents` documents until `expires_at`. The key unlocked with the passphrase is sealed again
 * under a key derived from a 256-bit token that only the caller holds (inner layer), then under the
 * certificate's outer layer (master key or HSM); so a dump with the master key opens nothing.
 * `remaining` is taken atomically; expired rows are purged.
 */
export const signingAuthorisations = pgTable(
  'signing_authorisations',
  {
    id: uuid('id').primaryKey(),
    subscriberCertificateId: uuid('subscriber_certificate_id')
      .notNull()
      .references(() => subscriberCertificates.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    documents: integer('documents').notNull(),
    remaining: integer('remaining').notNull(),
    sealedKey: bytea('sealed_key').notNull(),
    outerLayer: text('outer_layer').notNull().$type<'master' | 'pkcs11'>(),
    /** `account:<id>` or `api_client:<id>`: who entered the passphrase. */
    createdBy: text('created_by').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    expiresAt: tz('expires_at').notNull(),
  },
  (t) => [index('signing_authorisations_expiry_idx').on(t.expiresAt)],
);

/**
 * Every document Teken signed (signing/sign-documents.ts): `id` is BSrE's `id_dokumen` (32 lower-hex
 * characters), the holder, the certificate, the channel (`esign-v1`, `esign-v2`, `console`, `seal`)
 * and the API client, the SHA-256 of the PDF given and of the PDF signed, the signing time. Never
 * the document: the signed PDF is kept only for its one-time download, AES-256-GCM under the master
 * key's `signed-document/v1` subkey with the id as AAD, in `sealed_pdf` until the first download or
 * `download_until` (TEKEN_SIGNED_DOCUMENT_MINUTES), then set to null by the download or the purge.
 */
export const signedDocuments = pgTable(
  'signed_documents',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    subscriberCertificateId: uuid('subscriber_certificate_id')
      .notNull()
      .references(() => subscriberCertificates.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().$type<'esign-v1' | 'esign-v2' | 'console' | 'seal'>(),
    /** The API client that asked (`api_clients.id`), null for the console. */
    apiClientId: uuid('api_client_id'),
    /** The institution of the API client (downloads are answered to that institution only). */
    institutionId: uuid('institution_id'),
    inputSha256: bytea('input_sha256').notNull(),
    outputSha256: bytea('output_sha256').notNull(),
    signingTime: tz('signing_time').notNull(),
    /** The signed PDF, sealed; null once downloaded or purged. */
    sealedPdf: bytea('sealed_pdf'),
    downloadUntil: tz('download_until'),
    downloadedAt: tz('downloaded_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('signed_documents_download_idx')
      .on(t.downloadUntil)
      .where(sql`${t.sealedPdf} is not null`),
    index('signed_documents_account_idx').on(t.accountId, t.createdAt),
  ],
);

/**
 * A holder's Pencabutan (certificates/request-revocation.ts): the reason the holder chose, how they
 * confirmed it (the passphrase, or password and authenticator code), and the RA's decision. Reasons
 * that TEKEN_REVOCATION_IMMEDIATE_REASONS names (keyCompromise by default) are revoked at once and
 * the row is written `revoked`. One pending request per certificate.
 */
export const revocationRequests = pgTable(
  'revocation_requests',
  {
    id: uuid('id').primaryKey(),
    subscriberCertificateId: uuid('subscriber_certificate_id')
      .notNull()
      .references(() => subscriberCertificates.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** RFC 5280 reason name (revocation-reasons.ts), one a subscriber may give. */
    reason: text('reason').notNull(),
    status: text('status').notNull().$type<RevocationRequestStatus>(),
    confirmedWith: text('confirmed_with').notNull().$type<'passphrase' | 'password_otp'>(),
    requestedAt: tz('requested_at').notNull().defaultNow(),
    /** `account:<id>` of the RA officer, or `system` for an immediate reason. */
    decidedBy: text('decided_by'),
    decidedAt: tz('decided_at'),
    rejectReason: text('reject_reason'),
  },
  (t) => [
    index('revocation_requests_queue_idx').on(t.institutionId, t.status, t.requestedAt),
    uniqueIndex('revocation_requests_pending_uq')
      .on(t.subscriberCertificateId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * Every time-stamp token the TSA signed or was about to sign (RFC 3161; ETSI EN 319 421 asks a TSA
 * to keep this record): written before the signature, so no token exists that is not here. The
 * message imprint only, never the document; the token itself is the client's to keep.
 */
export const timeStampTokens = pgTable(
  'time_stamp_tokens',
  {
    /** Lower-case hex of the token's serialNumber (TSTInfo), unique for the TSA. */
    serial: text('serial').primaryKey(),
    /** Serial of the TSA unit certificate that signed it (seal CA). */
    signerSerial: text('signer_serial').notNull(),
    genTime: tz('gen_time').notNull(),
    policy: text('policy').notNull(),
    hashAlgorithm: text('hash_algorithm').notNull().$type<'sha256' | 'sha384' | 'sha512'>(),
    digest: bytea('digest').notNull(),
  },
  (t) => [index('time_stamp_tokens_gen_time_idx').on(t.genTime)],
);

/**
 * `pending`: waiting for an RA officer; `matched`: the face-match adapter or an officer confirmed
 * it; `refused`: an officer refused it (the reset request is rejected with the reason).
 */
export type SelfieCheckStatus = 'pending' | 'matched' | 'refused';

/**
 * "Pengecekan Foto Diri" of a passphrase reset (certificates/reset-passphrase.ts): the selfie taken
 * through the reset link, sealed like the registration's (AAD `selfie_checks.selfie:<account>`),
 * and its decision — by the face-match adapter where one is configured (`decided_by` `face-match`,
 * with its score), else by an RA officer who sees it beside the registered one (/ra/foto-diri).
 * One open check per reset request.
 */
export const selfieChecks = pgTable(
  'selfie_checks',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => certificateRequests.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    selfieSealed: bytea('selfie_sealed').notNull(),
    selfieType: text('selfie_type').notNull(),
    status: text('status').notNull().$type<SelfieCheckStatus>(),
    /** The face-match score (0–100) where the adapter decided. */
    score: integer('score'),
    /** `face-match`, or `account:<id>` of the RA officer. */
    decidedBy: text('decided_by'),
    decidedAt: tz('decided_at'),
    refuseReason: text('refuse_reason'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('selfie_checks_queue_idx').on(t.institutionId, t.status, t.createdAt),
    uniqueIndex('selfie_checks_open_uq')
      .on(t.requestId)
      .where(sql`${t.status} in ('pending', 'matched')`),
  ],
);
