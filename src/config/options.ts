/**
 * Every configuration option of Teken, its default and what it does, in one place. The loader
 * (`load-config.ts`) validates the environment against this list once at start, and
 * `npm run docs:config` writes docs/configuration.md from it, so the two never drift apart.
 *
 * Options are read from environment variables only (twelve-factor); a `.env` file is not read.
 */

export type OptionKind =
  | { type: 'string' }
  | { type: 'url' }
  | { type: 'int'; min: number; max: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'bool' }
  | { type: 'secret' };

export interface OptionSpec {
  readonly env: string;
  readonly kind: OptionKind;
  /** The default as the environment would spell it; `undefined` means "unset". */
  readonly default: string | undefined;
  readonly description: string;
  /** A warning printed at start when the option is left at an insecure value. */
  readonly insecureWhen?: (value: string | undefined) => string | undefined;
  readonly group: string;
}

const keyAlgorithms = ['rsa2048', 'rsa3072', 'rsa4096', 'p256', 'p384'] as const;
export type KeyAlgorithmName = (typeof keyAlgorithms)[number];
/** Key pairs Teken generates for subscribers (a subset of the CA's: RSA-4096 is too slow to generate per request). */
export const subscriberKeyAlgorithms = ['rsa2048', 'rsa3072', 'p256', 'p384'] as const;
export type SubscriberKeyAlgorithm = (typeof subscriberKeyAlgorithms)[number];

/**
 * The RFC 5280 reasons a subscriber may give for a Pencabutan (as the CA/Browser Forum and Mozilla
 * let subscribers choose): certificateHold and privilegeWithdrawn are the CA's alone.
 */
export const subscriberRevocationReasons = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
] as const;
export type SubscriberRevocationReason = (typeof subscriberRevocationReasons)[number];

function opt<K extends string>(key: K, spec: OptionSpec): Record<K, OptionSpec> {
  return { [key]: spec } as Record<K, OptionSpec>;
}

export const options = {
  // --- Service -------------------------------------------------------------------------------
  ...opt('dataDir', {
    group: 'Service',
    env: 'TEKEN_DATA_DIR',
    kind: { type: 'string' },
    default: './data',
    description:
      'Directory for the embedded database, the generated master key (if any) and other local state.',
  }),
  ...opt('databaseUrl', {
    group: 'Service',
    env: 'DATABASE_URL',
    // secret: it usually carries a password, so it is never echoed in errors or docs examples.
    kind: { type: 'secret' },
    default: undefined,
    description:
      'PostgreSQL connection string (postgres://user:pass@host:5432/db). When unset, Teken uses the embedded PGlite database in the data directory, which only one process may open at a time.',
  }),
  ...opt('host', {
    group: 'Service',
    env: 'TEKEN_HOST',
    kind: { type: 'string' },
    default: '127.0.0.1',
    description: 'Address `teken serve` listens on. Use 0.0.0.0 behind a load balancer or in a container.',
  }),
  ...opt('port', {
    group: 'Service',
    env: 'TEKEN_PORT',
    kind: { type: 'int', min: 0, max: 65535 },
    default: '3000',
    description:
      'TCP port of `teken serve` (`--port` overrides it). Unless TEKEN_PUBLIC_URL is set, the public URL written into certificates is derived from it, so choose it before the first start.',
  }),
  ...opt('publicUrl', {
    group: 'Service',
    env: 'TEKEN_PUBLIC_URL',
    kind: { type: 'url' },
    default: undefined,
    description:
      'The externally visible base URL. Certificates name their OCSP, CA issuer and CRL URLs under it, so choose it before the first `teken serve` (which runs `teken ca init`): it is written into every certificate. Unset: derived from the port actually used and TEKEN_HOST, `http://localhost:<port>` (or `http://<TEKEN_HOST>:<port>` when TEKEN_HOST is a specific address); with port 0 (a random port) it cannot be derived and Teken refuses to start.',
    insecureWhen: (v) =>
      v === undefined
        ? 'TEKEN_PUBLIC_URL is not set: it is derived from TEKEN_HOST and the port, and certificates will carry OCSP and CRL URLs under it that others may not reach.'
        : /localhost|127\.0\.0\.1/.test(v)
          ? 'TEKEN_PUBLIC_URL points at localhost: certificates will carry OCSP and CRL URLs that nobody else can reach.'
          : undefined,
  }),
  ...opt('organisationName', {
    group: 'Service',
    env: 'TEKEN_ORGANISATION_NAME',
    kind: { type: 'string' },
    default: 'Teken',
    description:
      'Name of the organisation that runs this installation (e.g. "Balai Sertifikasi Elektronik"). The console shows it in its header (served to it by `GET /api/v1/console-config`); e-mails show it in their header and footer, prefix their subjects with it in brackets ("[BSrE] Aktivasi Akun", as in the mails of BSrE), and name it as the support to contact (their From address is TEKEN_MAIL_FROM). At most 100 characters.',
  }),
  ...opt('logLevel', {
    group: 'Service',
    env: 'TEKEN_LOG_LEVEL',
    kind: { type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    default: 'info',
    description: 'Minimum level of the structured (JSON) log written to standard output.',
  }),
  ...opt('bodyLimitBytes', {
    group: 'Service',
    env: 'TEKEN_BODY_LIMIT_BYTES',
    kind: { type: 'int', min: 1024, max: 100 * 1024 * 1024 },
    default: String(1024 * 1024),
    description: 'Largest request body accepted by the JSON API, in bytes.',
  }),
  ...opt('bodyDrainLimitBytes', {
    group: 'Service',
    env: 'TEKEN_BODY_DRAIN_LIMIT_BYTES',
    kind: { type: 'int', min: 0, max: 1024 * 1024 * 1024 },
    default: String(8 * 1024 * 1024),
    description:
      'After refusing a request body (413), how much more of it is read and discarded so the client can read the answer before the connection closes; a body declared or found larger gets the answer and a closed connection at once.',
  }),
  ...opt('metricsPort', {
    group: 'Service',
    env: 'TEKEN_METRICS_PORT',
    kind: { type: 'int', min: 0, max: 65535 },
    default: undefined,
    description:
      'TCP port of a separate listener serving Prometheus metrics at `/metrics` (docs/operations.md, "Metrics"). Unset: no metrics listener.',
  }),
  ...opt('metricsHost', {
    group: 'Service',
    env: 'TEKEN_METRICS_HOST',
    kind: { type: 'string' },
    default: '127.0.0.1',
    description:
      'Address the metrics listener binds to. The metrics are not public: keep it on loopback or a network only the monitoring system reaches.',
    insecureWhen: (v) =>
      v && !['127.0.0.1', '::1', 'localhost'].includes(v)
        ? `TEKEN_METRICS_HOST is ${v}: /metrics answers anyone who reaches that address; restrict it with a firewall.`
        : undefined,
  }),

  // --- Keys ----------------------------------------------------------------------------------
  ...opt('masterKey', {
    group: 'Keys',
    env: 'TEKEN_MASTER_KEY',
    kind: { type: 'secret' },
    default: undefined,
    description:
      'Base64 of 32 random bytes (`openssl rand -base64 32`). It encrypts software CA keys, sealed subscriber keys and personal data at rest, and keys the audit chain. When unset, one is generated into `<data dir>/master.key` with a loud warning: fine for trying Teken, not for production.',
    insecureWhen: (v) =>
      v === undefined
        ? 'TEKEN_MASTER_KEY is not set: the master key is kept in a file in the data directory, next to the data it protects. Set TEKEN_MASTER_KEY (or use an HSM) in production.'
        : undefined,
  }),
  ...opt('keyBackend', {
    group: 'Keys',
    env: 'TEKEN_KEY_BACKEND',
    kind: { type: 'enum', values: ['software', 'pkcs11'] },
    default: 'software',
    description:
      'Where new CA, OCSP responder and TSA keys are generated: `software` (PKCS#8 encrypted under the master key, stored in the database) or `pkcs11` (an HSM; see docs/hsm.md).',
  }),
  ...opt('pkcs11Library', {
    group: 'Keys',
    env: 'TEKEN_PKCS11_LIBRARY',
    kind: { type: 'string' },
    default: '/usr/lib/softhsm/libsofthsm2.so',
    description: 'Path of the PKCS#11 module (the HSM vendor library).',
  }),
  ...opt('pkcs11TokenLabel', {
    group: 'Keys',
    env: 'TEKEN_PKCS11_TOKEN_LABEL',
    kind: { type: 'string' },
    default: 'teken',
    description: 'Label of the HSM token (slot) that holds Teken keys.',
  }),
  ...opt('pkcs11Pin', {
    group: 'Keys',
    env: 'TEKEN_PKCS11_PIN',
    kind: { type: 'secret' },
    default: undefined,
    description: 'User PIN of the HSM token. Required when TEKEN_KEY_BACKEND=pkcs11.',
  }),

  // --- Certificate authority -----------------------------------------------------------------
  ...opt('caCountry', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_COUNTRY',
    kind: { type: 'string' },
    default: 'ID',
    description: 'Country (ISO 3166 two letters) in the names of the CA certificates.',
  }),
  ...opt('caOrganization', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_ORGANIZATION',
    kind: { type: 'string' },
    default: 'Teken Demo Certification Authority',
    description: 'Organisation in the names of the CA certificates.',
  }),
  ...opt('caNamePrefix', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_NAME_PREFIX',
    kind: { type: 'string' },
    default: 'Teken',
    description:
      'Prefix of the CA common names: "<prefix> Root CA G1", "<prefix> Individual CA G1", "<prefix> Seal CA G1", "<prefix> TLS CA G1".',
  }),
  ...opt('caRootKey', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_ROOT_KEY',
    kind: { type: 'enum', values: keyAlgorithms },
    default: 'rsa4096',
    description: 'Key type of the root CA. RSA-4096 is what document-signing trust lists accept most widely.',
  }),
  ...opt('caRootDays', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_ROOT_DAYS',
    kind: { type: 'int', min: 365, max: 36500 },
    default: String(25 * 365),
    description: 'Validity of the root CA certificate, in days (default 25 years).',
  }),
  ...opt('caIssuingKey', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_ISSUING_KEY',
    kind: { type: 'enum', values: keyAlgorithms },
    default: 'p384',
    description:
      'Key type of the issuing CAs (individual, seal, tls). ECDSA P-384 stays strong past 2030, when RSA-2048 is retired, and signs twice as fast as RSA-3072.',
  }),
  ...opt('caIssuingDays', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_ISSUING_DAYS',
    kind: { type: 'int', min: 30, max: 36500 },
    default: String(12 * 365),
    description: 'Validity of the issuing CA certificates, in days (default 12 years).',
  }),
  ...opt('caResponderKey', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_RESPONDER_KEY',
    kind: { type: 'enum', values: keyAlgorithms },
    default: 'p256',
    description: 'Key type of the delegated OCSP responders and time-stamping units.',
  }),
  ...opt('caResponderDays', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_RESPONDER_DAYS',
    kind: { type: 'int', min: 1, max: 3650 },
    default: '365',
    description: 'Validity of the delegated OCSP responder certificates, in days.',
  }),
  ...opt('caResponderRenewDays', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_RESPONDER_RENEW_DAYS',
    kind: { type: 'int', min: 1, max: 3649 },
    default: '30',
    description:
      'A delegated OCSP responder whose certificate ends within this many days is replaced by a new key and certificate (checked hourly by `teken serve`, and by `teken ca init`). Must be less than TEKEN_CA_RESPONDER_DAYS.',
  }),
  ...opt('caTsaDays', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_TSA_DAYS',
    kind: { type: 'int', min: 30, max: 7300 },
    default: String(6 * 365),
    description: 'Validity of the time-stamping unit certificate, in days.',
  }),
  ...opt('caTsaRenewDays', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_TSA_RENEW_DAYS',
    kind: { type: 'int', min: 1, max: 7299 },
    default: '365',
    description:
      'The time-stamping unit gets a new key and certificate when its certificate ends within this many days, so that time-stamps stay verifiable long after they were made. Must be less than TEKEN_CA_TSA_DAYS.',
  }),

  ...opt('caAutoInit', {
    group: 'Certificate authority',
    env: 'TEKEN_CA_AUTO_INIT',
    kind: { type: 'bool' },
    default: 'true',
    description:
      'When `teken serve` starts and no CA hierarchy exists, create it as `teken ca init` would. Set to false where the hierarchy must come from an explicit key ceremony.',
  }),

  // --- Profiles ------------------------------------------------------------------------------
  ...opt('profileIndividualDays', {
    group: 'Profiles',
    env: 'TEKEN_PROFILE_INDIVIDUAL_DAYS',
    kind: { type: 'int', min: 1, max: 1825 },
    default: '730',
    description: 'Default and maximum validity of personal signing certificates (profile `individual`).',
  }),
  ...opt('profileSealDays', {
    group: 'Profiles',
    env: 'TEKEN_PROFILE_SEAL_DAYS',
    kind: { type: 'int', min: 1, max: 1825 },
    default: '730',
    description: 'Default and maximum validity of organisation seal certificates (profile `seal`).',
  }),
  ...opt('profileTlsDays', {
    group: 'Profiles',
    env: 'TEKEN_PROFILE_TLS_DAYS',
    kind: { type: 'int', min: 1, max: 398 },
    default: '200',
    description:
      'Default and maximum validity of server certificates (profile `tls-server`); 200 days follows the CA/Browser Forum limit in force since March 2026.',
  }),
  ...opt('policyOidBase', {
    group: 'Profiles',
    env: 'TEKEN_POLICY_OID_BASE',
    kind: { type: 'string' },
    default: '1.3.6.1.4.1.61234.1',
    description:
      'Arc under which the certificate policy OIDs of the profiles are named (<base>.1 individual, .2 seal, .3 tls-server). Replace it with your own registered arc.',
    insecureWhen: (v) =>
      v === undefined || v === '1.3.6.1.4.1.61234.1'
        ? 'TEKEN_POLICY_OID_BASE is the example arc: register your own Private Enterprise Number for production.'
        : undefined,
  }),
  ...opt('cpsUrl', {
    group: 'Profiles',
    env: 'TEKEN_CPS_URL',
    kind: { type: 'url' },
    default: undefined,
    description:
      'Where certificates point relying parties for the Certification Practice Statement (the CPS qualifier of their policies). Unset: `<TEKEN_PUBLIC_URL>/cps`, which Teken serves itself. Applies to certificates issued from then on.',
  }),
  ...opt('cpsFile', {
    group: 'Profiles',
    env: 'TEKEN_CPS_FILE',
    kind: { type: 'string' },
    default: undefined,
    description:
      'Your CP/CPS document (.pdf or .html), served at `/cps`. Unset: `/cps` shows the repository page (CA certificates, fingerprints, CRLs, OCSP, policy OIDs) without a CPS document, with a warning at start.',
  }),

  // --- Revocation status ---------------------------------------------------------------------
  ...opt('crlValidityHours', {
    group: 'Revocation status',
    env: 'TEKEN_CRL_VALIDITY_HOURS',
    kind: { type: 'int', min: 1, max: 24 * 31 },
    default: '168',
    description: 'Time between thisUpdate and nextUpdate of each CRL (default 7 days).',
  }),
  ...opt('crlRefreshMinutes', {
    group: 'Revocation status',
    env: 'TEKEN_CRL_REFRESH_MINUTES',
    kind: { type: 'int', min: 1, max: 24 * 60 * 7 },
    default: '360',
    description:
      'A CRL is regenerated when it is older than this, and also within seconds of every revocation.',
  }),
  ...opt('ocspValidityHours', {
    group: 'Revocation status',
    env: 'TEKEN_OCSP_VALIDITY_HOURS',
    kind: { type: 'int', min: 1, max: 24 * 10 },
    default: '96',
    description: 'Time between thisUpdate and nextUpdate of pre-signed OCSP responses (default 4 days).',
  }),
  ...opt('ocspRefreshHours', {
    group: 'Revocation status',
    env: 'TEKEN_OCSP_REFRESH_HOURS',
    kind: { type: 'int', min: 1, max: 24 * 10 },
    default: '48',
    description: 'Pre-signed OCSP responses older than this are signed again by the background refresher.',
  }),
  ...opt('statusMaxAgeSeconds', {
    group: 'Revocation status',
    env: 'TEKEN_STATUS_MAX_AGE_SECONDS',
    kind: { type: 'int', min: 0, max: 86_400 },
    default: '300',
    description:
      'Cache-Control max-age of CRL and OCSP responses (never beyond their nextUpdate). A revocation reaches clients behind a cache or CDN within this time.',
  }),

  // --- Time-stamping -------------------------------------------------------------------------
  ...opt('tsaPolicyOid', {
    group: 'Time-stamping',
    env: 'TEKEN_TSA_POLICY_OID',
    kind: { type: 'string' },
    default: undefined,
    description:
      "The TSA policy OID written into every time-stamp token (RFC 3161 TSAPolicyId); a request naming another policy is refused (unacceptedPolicy). Unset: `<TEKEN_POLICY_OID_BASE>.4`, the time-stamp policy under the profiles' arc.",
  }),
  ...opt('tsaAccuracyMs', {
    group: 'Time-stamping',
    env: 'TEKEN_TSA_ACCURACY_MS',
    kind: { type: 'int', min: 1, max: 60_000 },
    default: '1000',
    description:
      'The accuracy the tokens claim for their time (TSTInfo accuracy), in milliseconds: how far the clock of this host may be from UTC. Keep the host on NTP within it.',
  }),
  ...opt('tsaRequestsPerMinute', {
    group: 'Time-stamping',
    env: 'TEKEN_TSA_REQUESTS_PER_MINUTE',
    kind: { type: 'int', min: 1, max: 1_000_000 },
    default: '600',
    description:
      "Time-stamp requests per client address and minute at `POST /tsa`; more get 429 with Retry-After. Teken's own signing takes its time-stamps directly, outside this limit.",
  }),

  // --- Verification --------------------------------------------------------------------------
  ...opt('trustAnchors', {
    group: 'Verification',
    env: 'TEKEN_TRUST_ANCHORS',
    kind: { type: 'string' },
    default: undefined,
    description:
      "A PEM file of further root certificates the PDF validator trusts besides Teken's own roots (e.g. BSrE's root, to verify documents signed there). Read at start; a file that holds no certificate stops the start.",
  }),
  ...opt('verifyRequestsPerMinute', {
    group: 'Verification',
    env: 'TEKEN_VERIFY_REQUESTS_PER_MINUTE',
    kind: { type: 'int', min: 1, max: 100_000 },
    default: '30',
    description:
      'Verifications per client address and minute at the public `POST /api/public/verify/pdf` (the console\'s "Verifikasi PDF"); more get 429 with Retry-After.',
  }),
  // --- Signing -------------------------------------------------------------------------------
  ...opt('signingLevel', {
    group: 'Signing',
    env: 'TEKEN_SIGNING_LEVEL',
    kind: { type: 'enum', values: ['B-B', 'B-T', 'B-LT', 'B-LTA'] },
    default: 'B-LT',
    description:
      "The PAdES baseline level of every signature Teken makes (eSign API, console): `B-LT` (the default, what BSrE's verification reports as PAdES-BASELINE-LT) adds the chain, the CA's OCSP response and CRL to the document; `B-LTA` a document time-stamp on top; `B-T` only the signature time-stamp; `B-B` none.",
  }),
  ...opt('signedDocumentMinutes', {
    group: 'Signing',
    env: 'TEKEN_SIGNED_DOCUMENT_MINUTES',
    kind: { type: 'int', min: 1, max: 1440 },
    default: '15',
    description:
      'How long a signed PDF is kept (encrypted) for its one-time download (`GET /api/sign/download/{id_dokumen}`); deleted at the first download and purged after this time.',
  }),
  ...opt('signMaxPdfBytes', {
    group: 'Signing',
    env: 'TEKEN_SIGN_MAX_PDF_BYTES',
    kind: { type: 'int', min: 100_000, max: 200_000_000 },
    default: '20971520',
    description:
      'Largest PDF one signing call takes (v1 multipart upload, each base64 file of v2); a v2 call takes up to 100 of them, so its body limit is sized from this (at most 4 times this in total).',
  }),
  // --- Tanda Tangan Dokumen (the console's signing page) ---------------------------------
  ...opt('consoleSignMaxDocuments', {
    group: 'Signing',
    env: 'TEKEN_CONSOLE_SIGN_MAX_DOCUMENTS',
    kind: { type: 'int', min: 1, max: 100 },
    default: '20',
    description:
      'The most PDFs one "Tanda Tangan Dokumen" batch in the console signs under one passphrase entry (each takes one document from the signing authorisation; at most TEKEN_SIGNING_AUTHORISATION_DOCUMENTS).',
  }),
  ...opt('consoleSignMaxBytes', {
    group: 'Signing',
    env: 'TEKEN_CONSOLE_SIGN_MAX_BYTES',
    kind: { type: 'int', min: 64 * 1024, max: 200 * 1024 * 1024 },
    default: String(20 * 1024 * 1024),
    description:
      'The most PDF bytes of one "Tanda Tangan Dokumen" batch (all files together, before base64); the page refuses a larger batch before sending it.',
  }),

  // --- Sign-in and sessions ------------------------------------------------------------------
  ...opt('passwordMinLength', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_PASSWORD_MIN_LENGTH',
    kind: { type: 'int', min: 8, max: 64 },
    default: '8',
    description: 'Shortest password accepted (ASVS 5.0 V6.2.1: at least 8).',
  }),
  ...opt('passwordMaxLength', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_PASSWORD_MAX_LENGTH',
    kind: { type: 'int', min: 64, max: 1024 },
    default: '128',
    description: 'Longest password accepted (ASVS 5.0 V6.2.9: at least 64 must be allowed).',
  }),
  ...opt('passwordComposition', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_PASSWORD_COMPOSITION',
    kind: { type: 'string' },
    default: '',
    description:
      'Character classes every password must contain, comma-separated from lower, upper, digit, symbol. Empty (the default, as ASVS 5.0 recommends): no composition rules; length and the common-password list do the work.',
  }),
  ...opt('sessionIdleMinutes', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_SESSION_IDLE_MINUTES',
    kind: { type: 'int', min: 1, max: 24 * 60 },
    default: '30',
    description: 'A session not used for this long ends.',
  }),
  ...opt('sessionAbsoluteHours', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_SESSION_ABSOLUTE_HOURS',
    kind: { type: 'int', min: 1, max: 24 * 7 },
    default: '10',
    description: 'A session ends this long after sign-in, however active.',
  }),
  ...opt('sessionRememberDays', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_SESSION_REMEMBER_DAYS',
    kind: { type: 'int', min: 1, max: 90 },
    default: '14',
    description:
      'With "Ingat Akun ini" the session lasts up to this many days and its idle limit becomes one day.',
  }),
  ...opt('resetPasswordLinkMinutes', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_RESET_PASSWORD_LINK_MINUTES',
    kind: { type: 'int', min: 5, max: 24 * 60 },
    default: '1440',
    description: 'Lifetime of a "Lupa Password" link, in minutes (default 24 hours).',
  }),
  ...opt('adminLinkHours', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_ADMIN_LINK_HOURS',
    kind: { type: 'int', min: 1, max: 24 * 14 },
    default: '12',
    description: 'Lifetime of links an administrator sends (RESET_OTP_DEVICE, UPDATE_PASSWORD).',
  }),
  ...opt('lockoutFailures', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_LOCKOUT_FAILURES',
    kind: { type: 'int', min: 3, max: 100 },
    default: '10',
    description:
      'Failed passwords (or, separately, failed authenticator codes) on one account before it is locked for TEKEN_LOCKOUT_MINUTES. From the third failure on, each answer is delayed progressively.',
  }),
  ...opt('lockoutMinutes', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_LOCKOUT_MINUTES',
    kind: { type: 'int', min: 1, max: 24 * 60 },
    default: '15',
    description: 'How long a locked account stays locked (an administrator can unlock it sooner).',
  }),
  ...opt('failureDelayMs', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_FAILURE_DELAY_MS',
    kind: { type: 'int', min: 0, max: 10_000 },
    default: '500',
    description:
      'Base of the progressive delay: from the third failure on an account, the answer waits base × 2^(failures − 3), at most 8 × base.',
  }),
  ...opt('addressFailures', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_ADDRESS_FAILURES',
    kind: { type: 'int', min: 10, max: 100_000 },
    default: '100',
    description:
      'Failed sign-in attempts from one source address within 15 minutes before that address is refused for 15 minutes.',
  }),
  ...opt('resetRequestsPerHour', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_RESET_REQUESTS_PER_HOUR',
    kind: { type: 'int', min: 1, max: 100_000 },
    default: '30',
    description:
      '"Lupa Password" requests accepted from one source address per hour; further requests are refused (429) until the hour has passed.',
  }),
  ...opt('linkEmailsPerHour', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_LINK_EMAILS_PER_HOUR',
    kind: { type: 'int', min: 1, max: 100 },
    default: '3',
    description: 'Link e-mails ("Lupa Password", administrator links) sent to one address per hour.',
  }),
  ...opt('trustProxy', {
    group: 'Sign-in and sessions',
    env: 'TEKEN_TRUST_PROXY',
    kind: { type: 'string' },
    default: '',
    description:
      'Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs, as Fastify trustProxy). Empty: the peer address is the client. Rate limits per address depend on this being right.',
  }),

  // --- Notifications -------------------------------------------------------------------------
  ...opt('smtpUrl', {
    group: 'Notifications',
    env: 'TEKEN_SMTP_URL',
    kind: { type: 'secret' },
    default: undefined,
    description:
      "SMTP server for e-mail, as smtp://user:password@host:587 (STARTTLS) or smtps://...:465. Up to 4 connections are kept open (`?maxConnections=1` for a server that allows one). When unset, e-mails go to the `log` channel: they are kept for the administrator's outbox page and not sent (development).",
  }),
  ...opt('mailFrom', {
    group: 'Notifications',
    env: 'TEKEN_MAIL_FROM',
    kind: { type: 'string' },
    default: 'Teken <no-reply@teken.invalid>',
    description: 'From address of e-mails.',
  }),
  ...opt('outboxMaxAttempts', {
    group: 'Notifications',
    env: 'TEKEN_OUTBOX_MAX_ATTEMPTS',
    kind: { type: 'int', min: 1, max: 100 },
    default: '8',
    description:
      'Delivery attempts per message (with exponential backoff from 10 seconds) before it is marked failed.',
  }),
  // WhatsApp channel and outbox limits (docs/notifications.md).
  ...opt('whatsappApiUrl', {
    group: 'Notifications',
    env: 'TEKEN_WHATSAPP_API_URL',
    kind: { type: 'url' },
    default: 'https://graph.facebook.com',
    description:
      'Base URL of the WhatsApp Business Cloud API (Meta Graph API). Messages are posted to `{base}/{version}/{phone number id}/messages`.',
  }),
  ...opt('whatsappApiVersion', {
    group: 'Notifications',
    env: 'TEKEN_WHATSAPP_API_VERSION',
    kind: { type: 'string' },
    default: 'v21.0',
    description: 'Graph API version of the WhatsApp Cloud API calls, e.g. `v21.0`.',
  }),
  ...opt('whatsappPhoneNumberId', {
    group: 'Notifications',
    env: 'TEKEN_WHATSAPP_PHONE_NUMBER_ID',
    kind: { type: 'string' },
    default: undefined,
    description:
      'The WhatsApp Business phone number id messages are sent from. Set it and TEKEN_WHATSAPP_TOKEN to enable the WhatsApp channel; without them phone numbers are verified by the RA officer.',
  }),
  ...opt('whatsappToken', {
    group: 'Notifications',
    env: 'TEKEN_WHATSAPP_TOKEN',
    kind: { type: 'secret' },
    default: undefined,
    description: 'Access token of the WhatsApp Cloud API (a system user token), sent as Bearer.',
  }),
  ...opt('whatsappLanguage', {
    group: 'Notifications',
    env: 'TEKEN_WHATSAPP_LANGUAGE',
    kind: { type: 'string' },
    default: 'id',
    description:
      'Language code of the WhatsApp templates as registered at Meta (`id` for Bahasa Indonesia, `en`, `en_US`).',
  }),
  ...opt('whatsappTemplateNames', {
    group: 'Notifications',
    env: 'TEKEN_WHATSAPP_TEMPLATE_NAMES',
    kind: { type: 'string' },
    default: '',
    description:
      'Provider-side names of WhatsApp templates that differ from the defaults of docs/notifications.md, as `teken-template=provider_name` pairs separated by commas (e.g. `phone-code-registration=kode_otp_daftar`).',
  }),
  ...opt('outboxRecipientPerHour', {
    group: 'Notifications',
    env: 'TEKEN_OUTBOX_RECIPIENT_PER_HOUR',
    kind: { type: 'int', min: 1, max: 10_000 },
    default: '10',
    description:
      'Messages delivered to one recipient per hour and channel. Further messages are held back until the hour has passed (not dropped).',
  }),
  ...opt('outboxFailedRetentionDays', {
    group: 'Notifications',
    env: 'TEKEN_OUTBOX_FAILED_RETENTION_DAYS',
    kind: { type: 'int', min: 0, max: 90 },
    default: '7',
    description:
      'Days the sealed content of a failed message is kept so that an administrator can "Kirim ulang" it; then it is purged (0: purged at once, no resend).',
  }),
  ...opt('phoneCodesPerHour', {
    group: 'Enrollment',
    env: 'TEKEN_PHONE_CODES_PER_HOUR',
    kind: { type: 'int', min: 1, max: 100 },
    default: '5',
    description:
      'WhatsApp verification codes ("Kirim Kode OTP") one account, and one phone number, may be sent per hour.',
  }),
  ...opt('activationLinkHours', {
    group: 'Enrollment',
    env: 'TEKEN_ACTIVATION_LINK_HOURS',
    kind: { type: 'int', min: 1, max: 24 * 30 },
    default: '24',
    description:
      'Lifetime of a registration link ("[BSrE] Aktivasi Akun"), in hours. The link opens the registration wizard until it is submitted; a re-send ends the old link.',
  }),
  ...opt('selfRegistrationsPerHour', {
    group: 'Enrollment',
    env: 'TEKEN_SELF_REGISTRATIONS_PER_HOUR',
    kind: { type: 'int', min: 1, max: 100_000 },
    default: '20',
    description:
      'Self-registration requests (`POST /api/v1/self-registration`) accepted from one source address per hour; further requests are refused (429) until the hour has passed. Activation e-mails to one address are limited by TEKEN_LINK_EMAILS_PER_HOUR.',
  }),
  // CSV import ("invite many"): limits of one file.
  ...opt('importMaxBytes', {
    group: 'Enrollment',
    env: 'TEKEN_IMPORT_MAX_BYTES',
    kind: { type: 'int', min: 1024, max: 256 * 1024 * 1024 },
    default: String(16 * 1024 * 1024),
    description:
      'Largest CSV file of a registration import ("Impor Pengguna"), in bytes; the upload route takes no larger body.',
  }),
  ...opt('importMaxRows', {
    group: 'Enrollment',
    env: 'TEKEN_IMPORT_MAX_ROWS',
    kind: { type: 'int', min: 1, max: 1_000_000 },
    default: '100000',
    description: 'Most data rows in one CSV file of a registration import.',
  }),
  ...opt('importBatchRows', {
    group: 'Enrollment',
    env: 'TEKEN_IMPORT_BATCH_ROWS',
    kind: { type: 'int', min: 1, max: 5000 },
    default: '500',
    description:
      'Rows of a registration import registered per transaction (one batch: its registrations, links, mails, report lines and progress commit together; the progress bar moves a batch at a time).',
  }),
  // --- Registration wizard (h-wizard) ----------------------------------------------------------
  ...opt('photoMaxBytes', {
    group: 'Enrollment',
    env: 'TEKEN_PHOTO_MAX_BYTES',
    kind: { type: 'int', min: 16_384, max: 20 * 1024 * 1024 },
    default: String(2 * 1024 * 1024),
    description:
      'Largest selfie or KTP scan the registration wizard accepts, in bytes (JPEG or PNG). Larger uploads are refused with 413 before they are decoded.',
  }),
  ...opt('photoMaxPixels', {
    group: 'Enrollment',
    env: 'TEKEN_PHOTO_MAX_PIXELS',
    kind: { type: 'int', min: 65_536, max: 100_000_000 },
    default: '25000000',
    description:
      'Largest width × height of an uploaded image, checked from its header before decoding (so a small file that claims huge dimensions is refused). Stored images are scaled to at most 2048 pixels on their longest side.',
  }),
  ...opt('personnelRegistryUrl', {
    group: 'Enrollment',
    env: 'TEKEN_PERSONNEL_REGISTRY_URL',
    kind: { type: 'url' },
    default: undefined,
    description:
      'Base URL of the personnel registry adapter (BKN SI ASN NIP lookup, contract in docs/registries.md). Unset: disabled, and "Cek NIP / NRP" checks the format and the NIK only; the RA officer checks the rest by hand.',
  }),
  ...opt('personnelRegistryToken', {
    group: 'Enrollment',
    env: 'TEKEN_PERSONNEL_REGISTRY_TOKEN',
    kind: { type: 'secret' },
    default: undefined,
    description: 'Bearer token sent to the personnel registry.',
  }),
  ...opt('personnelRegistryTimeoutMs', {
    group: 'Enrollment',
    env: 'TEKEN_PERSONNEL_REGISTRY_TIMEOUT_MS',
    kind: { type: 'int', min: 100, max: 60_000 },
    default: '5000',
    description:
      'Timeout of one personnel registry call. After 5 failures in a row the circuit opens for 30 seconds (calls fail at once), then one trial call decides.',
  }),
  ...opt('faceMatchUrl', {
    group: 'Enrollment',
    env: 'TEKEN_FACE_MATCH_URL',
    kind: { type: 'url' },
    default: undefined,
    description:
      'Base URL of the face-match adapter (compares two face images, contract in docs/registries.md). Unset: disabled.',
  }),
  ...opt('faceMatchToken', {
    group: 'Enrollment',
    env: 'TEKEN_FACE_MATCH_TOKEN',
    kind: { type: 'secret' },
    default: undefined,
    description: 'Bearer token sent to the face-match service.',
  }),
  ...opt('faceMatchTimeoutMs', {
    group: 'Enrollment',
    env: 'TEKEN_FACE_MATCH_TIMEOUT_MS',
    kind: { type: 'int', min: 100, max: 60_000 },
    default: '10000',
    description: 'Timeout of one face-match call (with the same circuit breaker as the personnel registry).',
  }),
  ...opt('faceMatchMinScore', {
    group: 'Enrollment',
    env: 'TEKEN_FACE_MATCH_MIN_SCORE',
    kind: { type: 'int', min: 1, max: 100 },
    default: '80',
    description: 'Lowest face-match score (0–100) that counts as a match, whatever the service decides.',
  }),
  // --- Certificates (the subscriber's) ---------------------------------------------------------
  ...opt('esignKey', {
    group: 'Certificates',
    env: 'TEKEN_ESIGN_KEY',
    kind: { type: 'enum', values: subscriberKeyAlgorithms },
    default: 'rsa2048',
    description:
      'Key pair generated for an eSign (personal signing) certificate when its holder sets the passphrase. RSA-2048 is what every PDF reader checks; P-256 signs faster.',
  }),
  ...opt('esealKey', {
    group: 'Certificates',
    env: 'TEKEN_ESEAL_KEY',
    kind: { type: 'enum', values: subscriberKeyAlgorithms },
    default: 'rsa3072',
    description: 'Key pair generated for an eSeal (organisation seal) certificate.',
  }),
  ...opt('passphraseMemoryKib', {
    group: 'Certificates',
    env: 'TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB',
    kind: { type: 'int', min: 19_456, max: 4_194_304 },
    default: '65536',
    description:
      'argon2id memory (KiB) of the key derived from a passphrase, which seals the subscriber key (the inner layer). Every unlock (signing, keystore download) pays it; keys sealed earlier keep their own cost.',
  }),
  ...opt('passphraseIterations', {
    group: 'Certificates',
    env: 'TEKEN_PASSPHRASE_ARGON2_ITERATIONS',
    kind: { type: 'int', min: 1, max: 64 },
    default: '3',
    description: 'argon2id passes of the passphrase key derivation.',
  }),
  ...opt('passphraseParallelism', {
    group: 'Certificates',
    env: 'TEKEN_PASSPHRASE_ARGON2_PARALLELISM',
    kind: { type: 'int', min: 1, max: 16 },
    default: '1',
    description: 'argon2id lanes of the passphrase key derivation.',
  }),
  ...opt('passphraseFailures', {
    group: 'Certificates',
    env: 'TEKEN_PASSPHRASE_FAILURES',
    kind: { type: 'int', min: 3, max: 50 },
    default: '5',
    description:
      'Wrong passphrases a certificate allows within a day, over every path that takes one (keystore download, signing), before its key is locked.',
  }),
  ...opt('renewalWindowDays', {
    group: 'Certificates',
    env: 'TEKEN_RENEWAL_WINDOW_DAYS',
    kind: { type: 'int', min: 1, max: 365 },
    default: '30',
    description:
      'Perpanjangan opens this many days before a certificate ends (Aksi offers it, the renewal is accepted); a certificate flagged for renewal may renew at any time. The reminders go out on the days of TEKEN_RENEWAL_REMINDER_DAYS.',
  }),
  ...opt('renewalReminderDays', {
    group: 'Certificates',
    env: 'TEKEN_RENEWAL_REMINDER_DAYS',
    kind: { type: 'string' },
    default: '30,7,1',
    description:
      "The days before a certificate ends on which its holder is reminded to renew (e-mail, and the WhatsApp renewal link), comma-separated whole days from 1 (`none`: no reminders). Each must be at most TEKEN_RENEWAL_WINDOW_DAYS, since a reminder's link must open a renewal that is already allowed; a larger one stops the start with a configuration error.",
  }),
  ...opt('passphraseLockMinutes', {
    group: 'Certificates',
    env: 'TEKEN_PASSPHRASE_LOCK_MINUTES',
    kind: { type: 'int', min: 1, max: 10_080 },
    default: '30',
    description: 'How long a key stays locked after too many wrong passphrases.',
  }),
  ...opt('signingAuthorisationMinutes', {
    group: 'Certificates',
    env: 'TEKEN_SIGNING_AUTHORISATION_MINUTES',
    kind: { type: 'int', min: 1, max: 60 },
    default: '5',
    description:
      'How long a signing authorisation lasts: the batch one passphrase entry signs (the key re-sealed under a one-time token the caller holds).',
  }),
  ...opt('signingAuthorisationDocuments', {
    group: 'Certificates',
    env: 'TEKEN_SIGNING_AUTHORISATION_DOCUMENTS',
    kind: { type: 'int', min: 1, max: 10_000 },
    default: '500',
    description: 'The most documents one signing authorisation may sign.',
  }),
  ...opt('signingWorkers', {
    group: 'Signing',
    env: 'TEKEN_SIGNING_WORKERS',
    kind: { type: 'int', min: 0, max: 256 },
    default: undefined,
    description:
      'Worker threads of `teken serve` that sign and verify PDFs, each bounded in memory and time per document (docs/pades.md, "The signing pool"). Unset: the available parallelism (the number of cores). 0: no pool, documents are signed and verified on the request\'s own thread without those bounds (for debugging only: one hostile PDF can then stall the service).',
    insecureWhen: (v) =>
      v !== undefined && Number(v) === 0
        ? 'TEKEN_SIGNING_WORKERS=0: PDFs are signed and verified on the main thread with no time or memory bound per document; one hostile PDF can stall the service.'
        : undefined,
  }),
  ...opt('signingQueue', {
    group: 'Signing',
    env: 'TEKEN_SIGNING_QUEUE',
    kind: { type: 'int', min: 1, max: 100_000 },
    default: undefined,
    description:
      'Documents that may wait for a signing worker; past it a request is refused at once (ERR_SIGNING_BUSY, 503) instead of piling up in memory. Unset: 64 per worker.',
  }),
  ...opt('signingDocumentTimeoutMs', {
    group: 'Signing',
    env: 'TEKEN_SIGNING_DOCUMENT_TIMEOUT_MS',
    kind: { type: 'int', min: 100, max: 600_000 },
    default: '30000',
    description:
      'The longest one document may take in its worker, time-stamps included; past it the worker is ended and replaced, and the document refused (ERR_PDF_TOO_LARGE).',
  }),
  ...opt('signingWorkerMemoryMb', {
    group: 'Signing',
    env: 'TEKEN_SIGNING_WORKER_MEMORY_MB',
    kind: { type: 'int', min: 32, max: 16_384 },
    default: '512',
    description:
      "The JavaScript heap of one signing worker (V8's old generation), in MiB; a document that needs more ends its worker, which is replaced, and is refused (ERR_PDF_TOO_LARGE). Workers × this is the signing's heap ceiling.",
  }),
  ...opt('totpApprovalMinutes', {
    group: 'Certificates',
    env: 'TEKEN_TOTP_APPROVAL_MINUTES',
    kind: { type: 'int', min: 1, max: 1_440 },
    default: '15',
    description:
      'How long the approval link of an eSign TOTP or a seal activation ("[BSrE] Persetujuan Tanda Tangan") stays usable.',
  }),
  ...opt('totpMinutes', {
    group: 'Certificates',
    env: 'TEKEN_TOTP_MINUTES',
    kind: { type: 'int', min: 1, max: 60 },
    default: '5',
    description:
      'How long an eSign TOTP (and a seal batch code) signs after the holder approved it: the key re-sealed under the code.',
  }),
  ...opt('totpFailures', {
    group: 'Certificates',
    env: 'TEKEN_TOTP_FAILURES',
    kind: { type: 'int', min: 1, max: 10 },
    default: '3',
    description: 'Wrong codes that end one TOTP authorisation (a holder has five times this a day).',
  }),
  ...opt('sealActivationHours', {
    group: 'Certificates',
    env: 'TEKEN_SEAL_ACTIVATION_HOURS',
    kind: { type: 'int', min: 1, max: 720 },
    default: '24',
    description:
      'How long a seal activation lasts: the institution app makes batch codes from it without the seal holder.',
  }),
  ...opt('revocationImmediateReasons', {
    group: 'Certificates',
    env: 'TEKEN_REVOCATION_IMMEDIATE_REASONS',
    kind: { type: 'string' },
    default: 'keyCompromise',
    description:
      'The Pencabutan reasons (comma-separated RFC 5280 names a subscriber may give: unspecified, keyCompromise, affiliationChanged, superseded, cessationOfOperation) revoked at once, without waiting for an RA officer; `none`: every Pencabutan waits for the RA.',
  }),
  ...opt('setPassphraseLinkHours', {
    group: 'Certificates',
    env: 'TEKEN_SET_PASSPHRASE_LINK_HOURS',
    kind: { type: 'int', min: 1, max: 720 },
    default: '72',
    description: 'Validity of the "[BSrE] Set Passphrase" link sent when a certificate request is approved.',
  }),
  ...opt('resetPassphraseLinkHours', {
    group: 'Certificates',
    env: 'TEKEN_RESET_PASSPHRASE_LINK_HOURS',
    kind: { type: 'int', min: 1, max: 168 },
    default: '24',
    description:
      'Validity of the Reset Passphrase link (WhatsApp "Link Reset Passphrase", or the "[BSrE] Reset Passphrase" e-mail where WhatsApp is not configured); it carries both steps, the selfie check and the new passphrase.',
  }),
  ...opt('supportingDocumentMaxBytes', {
    group: 'Certificates',
    env: 'TEKEN_SUPPORTING_DOCUMENT_MAX_BYTES',
    kind: { type: 'int', min: 10_000, max: 50_000_000 },
    default: '2097152',
    description: 'Largest supporting document ("Dokumen Pendukung", a PDF) a certificate request takes.',
  }),
} as const satisfies Record<string, OptionSpec>;

export type OptionKey = keyof typeof options;
