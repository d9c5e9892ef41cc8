import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TekenError } from '../errors/teken-error.js';
import {
  options,
  subscriberRevocationReasons,
  type KeyAlgorithmName,
  type OptionSpec,
  type SubscriberKeyAlgorithm,
  type SubscriberRevocationReason,
} from './options.js';

/** The typed configuration, validated once at start. */
export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  publicUrl: string;
  /** Shown in the console's header and in e-mails (TEKEN_ORGANISATION_NAME). */
  organisationName: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** How much of a refused body is read and discarded before the connection closes. */
  bodyDrainLimitBytes: number;
  /** The Prometheus listener; `port` undefined: none. */
  metrics: { port: number | undefined; host: string };
  masterKey: Buffer | undefined;
  keyBackend: 'software' | 'pkcs11';
  pkcs11: { library: string; tokenLabel: string; pin: string | undefined };
  ca: {
    country: string;
    organization: string;
    namePrefix: string;
    rootKey: KeyAlgorithmName;
    rootDays: number;
    issuingKey: KeyAlgorithmName;
    issuingDays: number;
    responderKey: KeyAlgorithmName;
    responderDays: number;
    responderRenewDays: number;
    tsaDays: number;
    tsaRenewDays: number;
    autoInit: boolean;
  };
  profiles: { individualDays: number; sealDays: number; tlsDays: number; policyOidBase: string };
  /** The CPS pointer written into certificates, and the document served at /cps (if any). */
  cps: { url: string; file: string | undefined };
  crl: { validityHours: number; refreshMinutes: number };
  ocsp: { validityHours: number; refreshHours: number };
  /** The RFC 3161 time-stamping authority (`POST /tsa`, signing's B-T time-stamps). */
  tsa: { policyOid: string; accuracyMs: number; requestsPerMinute: number };
  /** The PDF validator: further trust anchors (PEM file) and the public page's per-address quota. */
  verify: { trustAnchorsFile: string | undefined; requestsPerMinute: number };
  /** "Tanda Tangan Dokumen" in the console: the most documents and PDF bytes of one batch. */
  consoleSigning: { maxDocuments: number; maxBytes: number };
  statusMaxAgeSeconds: number;
  identity: {
    passwordMinLength: number;
    passwordMaxLength: number;
    passwordComposition: ('lower' | 'upper' | 'digit' | 'symbol')[];
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
    sessionRememberDays: number;
    resetPasswordLinkMinutes: number;
    adminLinkHours: number;
    lockoutFailures: number;
    lockoutMinutes: number;
    failureDelayMs: number;
    addressFailures: number;
    linkEmailsPerHour: number;
    resetRequestsPerHour: number;
    trustProxy: string[];
  };
  enrollment: {
    activationLinkHours: number;
    selfRegistrationsPerHour: number;
    importMaxBytes: number;
    importMaxRows: number;
    importBatchRows: number;
    phoneCodesPerHour: number;
  };
  /** The registration wizard: uploads and the external registries (h-wizard). */
  wizard: {
    photoMaxBytes: number;
    photoMaxPixels: number;
    personnelRegistry: { url: string | undefined; token: string | undefined; timeoutMs: number };
    faceMatch: { url: string | undefined; token: string | undefined; timeoutMs: number; minScore: number };
  };
  /** The subscriber's certificates: keys, passphrases, requests. */
  certificates: {
    esignKey: SubscriberKeyAlgorithm;
    esealKey: SubscriberKeyAlgorithm;
    passphraseKdf: { memoryKib: number; iterations: number; parallelism: number };
    passphraseFailures: number;
    passphraseLockMinutes: number;
    /** Perpanjangan opens this many days before notAfter. */
    renewalWindowDays: number;
    /** The reminder steps in days before notAfter, largest first, each within the window. */
    renewalReminderDays: number[];
    setPassphraseLinkHours: number;
    resetPassphraseLinkHours: number;
    supportingDocumentMaxBytes: number;
    /** Pencabutan reasons revoked at once (TEKEN_REVOCATION_IMMEDIATE_REASONS). */
    revocationImmediateReasons: SubscriberRevocationReason[];
    /** A signing authorisation (a batch under one passphrase): its life and its most documents. */
    signingAuthorisationMinutes: number;
    signingAuthorisationDocuments: number;
    /** TOTP authorisations (eSign v2 and the seal): link life, code life, wrong codes, activation life. */
    totpApprovalMinutes: number;
    totpMinutes: number;
    totpFailures: number;
    sealActivationHours: number;
  };
  /**
   * Signing: the use case (src/signing/sign-documents.ts: level, the kept PDFs, the largest PDF) and
   * the signing pool (src/signing/pades/pades-pool.ts).
   */
  signing: {
    level: 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';
    signedDocumentMinutes: number;
    maxPdfBytes: number;
    workers: number;
    queue: number;
    documentTimeoutMs: number;
    workerMemoryMb: number;
  };
  notify: {
    smtpUrl: string | undefined;
    mailFrom: string;
    maxAttempts: number;
    /** Set when TEKEN_WHATSAPP_PHONE_NUMBER_ID and TEKEN_WHATSAPP_TOKEN are. */
    whatsapp: WhatsAppConfig | undefined;
    recipientPerHour: number;
    failedRetentionDays: number;
  };
  /** Warnings about insecure settings, to be logged loudly at start. */
  warnings: string[];
}

export interface WhatsAppConfig {
  apiUrl: string;
  version: string;
  phoneNumberId: string;
  token: string;
  language: string;
  /** Teken template name → provider-side name, where it differs from the default. */
  templateNames: Readonly<Record<string, string>>;
}

type Env = Record<string, string | undefined>;

function readOption(spec: OptionSpec, env: Env, problems: string[]): string | number | boolean | undefined {
  const raw = env[spec.env];
  const value = raw === undefined || raw === '' ? spec.default : raw.trim();
  if (value === undefined) return undefined;
  const kind = spec.kind;
  switch (kind.type) {
    case 'string':
    case 'secret':
      return value;
    case 'url':
      try {
        const url = new URL(value);
        if (!/^(https?|postgres|postgresql):$/.test(url.protocol)) throw new Error('scheme');
        return value.replace(/\/+$/, '');
      } catch {
        problems.push(`${spec.env} must be a URL (got a value that does not parse as one)`);
        return undefined;
      }
    case 'int': {
      const n = Number(value);
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < kind.min || n > kind.max) {
        problems.push(`${spec.env} must be a whole number from ${kind.min} to ${kind.max} (got "${value}")`);
        return undefined;
      }
      return n;
    }
    case 'enum':
      if (!kind.values.includes(value)) {
        problems.push(`${spec.env} must be one of ${kind.values.join(', ')} (got "${value}")`);
        return undefined;
      }
      return value;
    case 'bool':
      if (!/^(true|false|1|0|yes|no)$/i.test(value)) {
        problems.push(`${spec.env} must be true or false (got "${value}")`);
        return undefined;
      }
      return /^(true|1|yes)$/i.test(value);
  }
}

/**
 * The public URL when TEKEN_PUBLIC_URL is unset: the port actually used, on localhost when Teken
 * listens on a loopback or wildcard address, else on the address itself. A default that named
 * another port would print a setup link where nothing listens and bake that port into the CA's
 * OCSP and CRL URLs; port 0 (a random port) cannot be known before listening, so it is refused.
 */
function derivedPublicUrl(host: unknown, port: unknown, problems: string[]): string {
  if (typeof host !== 'string' || typeof port !== 'number') return 'http://localhost';
  if (port === 0) {
    problems.push(
      'TEKEN_PUBLIC_URL is required with TEKEN_PORT=0 (or --port 0): a random port cannot be written into certificates; set TEKEN_PUBLIC_URL, or choose a port',
    );
    return 'http://localhost';
  }
  const local = /^(127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1?|localhost|\[::1?\])$/i.test(host);
  const name = local ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return port === 80 ? `http://${name}` : `http://${name}:${port}`;
}

function signingConfig(v: Record<string, unknown>): Config['signing'] {
  const workers = (v.signingWorkers as number | undefined) ?? os.availableParallelism();
  return {
    level: v.signingLevel as Config['signing']['level'],
    signedDocumentMinutes: v.signedDocumentMinutes as number,
    maxPdfBytes: v.signMaxPdfBytes as number,
    workers,
    queue: (v.signingQueue as number | undefined) ?? Math.max(1, workers) * 64,
    documentTimeoutMs: v.signingDocumentTimeoutMs as number,
    workerMemoryMb: v.signingWorkerMemoryMb as number,
  };
}

/**
 * Reads and validates the configuration from the environment. Throws ERR_CONFIG_INVALID listing
 * every problem at once, so an operator fixes them in one go.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const v: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, spec] of Object.entries<OptionSpec>(options)) {
    v[key] = readOption(spec, env, problems);
    const raw = env[spec.env];
    const warning = spec.insecureWhen?.(raw === '' ? undefined : raw);
    if (warning) warnings.push(warning);
  }

  let masterKey: Buffer | undefined;
  if (typeof v.masterKey === 'string') {
    masterKey = Buffer.from(v.masterKey, 'base64');
    if (masterKey.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v.masterKey)) {
      problems.push(
        'TEKEN_MASTER_KEY must be the base64 encoding of exactly 32 bytes (openssl rand -base64 32)',
      );
    }
  }
  if (v.keyBackend === 'pkcs11' && v.pkcs11Pin === undefined) {
    problems.push('TEKEN_PKCS11_PIN is required when TEKEN_KEY_BACKEND=pkcs11');
  }
  if (typeof v.databaseUrl === 'string' && !/^postgres(ql)?:/.test(v.databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (typeof v.tsaPolicyOid === 'string' && !/^[0-2](\.(0|[1-9]\d*))+$/.test(v.tsaPolicyOid)) {
    problems.push(`TEKEN_TSA_POLICY_OID must be a dotted OID (got "${v.tsaPolicyOid}")`);
  }
  if (typeof v.policyOidBase === 'string' && !/^[0-2](\.(0|[1-9]\d*))+$/.test(v.policyOidBase)) {
    problems.push(`TEKEN_POLICY_OID_BASE must be a dotted OID (got "${v.policyOidBase}")`);
  }
  if (typeof v.caCountry === 'string' && !/^[A-Z]{2}$/.test(v.caCountry)) {
    problems.push(`TEKEN_CA_COUNTRY must be two capital letters (got "${v.caCountry}")`);
  }
  const composition =
    typeof v.passwordComposition === 'string'
      ? v.passwordComposition
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
      : [];
  const immediateReasons: SubscriberRevocationReason[] = [];
  for (const r of (typeof v.revocationImmediateReasons === 'string' ? v.revocationImmediateReasons : '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '' && x !== 'none')) {
    if ((subscriberRevocationReasons as readonly string[]).includes(r))
      immediateReasons.push(r as SubscriberRevocationReason);
    else
      problems.push(
        `TEKEN_REVOCATION_IMMEDIATE_REASONS takes ${subscriberRevocationReasons.join(', ')} (got "${r.slice(0, 40)}")`,
      );
  }
  // A reminder's link opens Perpanjangan, so a reminder before the window opens would be refused.
  const reminderDays: number[] = [];
  for (const d of (typeof v.renewalReminderDays === 'string' ? v.renewalReminderDays : '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '' && x !== 'none')) {
    const days = /^\d{1,3}$/.test(d) ? Number(d) : NaN;
    if (!(days >= 1)) {
      problems.push(
        `TEKEN_RENEWAL_REMINDER_DAYS takes whole days from 1, comma-separated (got "${d.slice(0, 20)}")`,
      );
    } else if (typeof v.renewalWindowDays === 'number' && days > v.renewalWindowDays) {
      problems.push(
        `TEKEN_RENEWAL_REMINDER_DAYS: ${days} is more than TEKEN_RENEWAL_WINDOW_DAYS (${v.renewalWindowDays}): that reminder's renewal link could not be used yet`,
      );
    } else if (!reminderDays.includes(days)) reminderDays.push(days);
  }
  reminderDays.sort((a, b) => b - a);
  for (const c of composition) {
    if (!['lower', 'upper', 'digit', 'symbol'].includes(c)) {
      problems.push(`TEKEN_PASSWORD_COMPOSITION takes lower, upper, digit and symbol (got "${c}")`);
    }
  }
  if (
    typeof v.organisationName === 'string' &&
    (v.organisationName === '' || v.organisationName.length > 100 || /\p{Cc}/u.test(v.organisationName))
  ) {
    problems.push('TEKEN_ORGANISATION_NAME must be 1 to 100 characters, without control characters');
  }
  if (typeof v.smtpUrl === 'string' && !/^smtps?:\/\//.test(v.smtpUrl)) {
    problems.push('TEKEN_SMTP_URL must start with smtp:// or smtps://');
  }
  // A renewal window as long as the validity would replace the signer again at every check.
  for (const [renew, days, renewEnv, daysEnv] of [
    [v.caResponderRenewDays, v.caResponderDays, 'TEKEN_CA_RESPONDER_RENEW_DAYS', 'TEKEN_CA_RESPONDER_DAYS'],
    [v.caTsaRenewDays, v.caTsaDays, 'TEKEN_CA_TSA_RENEW_DAYS', 'TEKEN_CA_TSA_DAYS'],
  ] as const) {
    if (typeof renew === 'number' && typeof days === 'number' && renew >= days) {
      problems.push(`${renewEnv} (${renew}) must be less than ${daysEnv} (${days})`);
    }
  }
  let cpsFile: string | undefined;
  if (typeof v.cpsFile === 'string') {
    cpsFile = path.resolve(v.cpsFile);
    if (!/\.(pdf|html?)$/i.test(cpsFile)) {
      problems.push(`TEKEN_CPS_FILE must be a .pdf or .html file (got "${v.cpsFile}")`);
    } else {
      try {
        if (!fs.statSync(cpsFile).isFile()) throw new Error('not a file');
        fs.accessSync(cpsFile, fs.constants.R_OK);
      } catch {
        problems.push(`TEKEN_CPS_FILE names no readable file (${cpsFile})`);
      }
    }
  }
  if (v.cpsUrl === undefined && cpsFile === undefined) {
    warnings.push(
      'TEKEN_CPS_FILE is not set: certificates point relying parties at /cps, which then shows the repository page but no CPS document. Publish your CP/CPS with TEKEN_CPS_FILE or TEKEN_CPS_URL.',
    );
  }
  const publicUrl = (v.publicUrl as string | undefined) ?? derivedPublicUrl(v.host, v.port, problems);
  if (typeof v.trustProxy === 'string') {
    for (const entry of v.trustProxy.split(',').map((x) => x.trim())) {
      const [address = '', prefix, extra] = entry.split('/');
      const family = net.isIP(address);
      const bits = family === 6 ? 128 : 32;
      if (
        entry !== '' &&
        !['loopback', 'linklocal', 'uniquelocal'].includes(entry) &&
        (family === 0 ||
          extra !== undefined ||
          (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits)))
      )
        problems.push(`TEKEN_TRUST_PROXY takes IP addresses and CIDR ranges (got "${entry}")`);
    }
  }
  const whatsapp = whatsappConfig(v, problems);
  if (problems.length > 0) {
    throw new TekenError('ERR_CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    });
  }

  const s = (k: string) => v[k] as string;
  const n = (k: string) => v[k] as number;
  return {
    dataDir: path.resolve(s('dataDir')),
    databaseUrl: v.databaseUrl as string | undefined,
    host: s('host'),
    port: n('port'),
    publicUrl,
    organisationName: s('organisationName'),
    logLevel: s('logLevel') as Config['logLevel'],
    bodyLimitBytes: n('bodyLimitBytes'),
    bodyDrainLimitBytes: n('bodyDrainLimitBytes'),
    metrics: { port: v.metricsPort as number | undefined, host: s('metricsHost') },
    masterKey,
    keyBackend: s('keyBackend') as Config['keyBackend'],
    pkcs11: {
      library: s('pkcs11Library'),
      tokenLabel: s('pkcs11TokenLabel'),
      pin: v.pkcs11Pin as string | undefined,
    },
    ca: {
      country: s('caCountry'),
      organization: s('caOrganization'),
      namePrefix: s('caNamePrefix'),
      rootKey: s('caRootKey') as KeyAlgorithmName,
      rootDays: n('caRootDays'),
      issuingKey: s('caIssuingKey') as KeyAlgorithmName,
      issuingDays: n('caIssuingDays'),
      responderKey: s('caResponderKey') as KeyAlgorithmName,
      responderDays: n('caResponderDays'),
      responderRenewDays: n('caResponderRenewDays'),
      tsaDays: n('caTsaDays'),
      tsaRenewDays: n('caTsaRenewDays'),
      autoInit: v.caAutoInit as boolean,
    },
    profiles: {
      individualDays: n('profileIndividualDays'),
      sealDays: n('profileSealDays'),
      tlsDays: n('profileTlsDays'),
      policyOidBase: s('policyOidBase'),
    },
    cps: { url: (v.cpsUrl as string | undefined) ?? `${publicUrl}/cps`, file: cpsFile },
    crl: { validityHours: n('crlValidityHours'), refreshMinutes: n('crlRefreshMinutes') },
    ocsp: { validityHours: n('ocspValidityHours'), refreshHours: n('ocspRefreshHours') },
    tsa: {
      policyOid: (v.tsaPolicyOid as string | undefined) ?? `${s('policyOidBase')}.4`,
      accuracyMs: n('tsaAccuracyMs'),
      requestsPerMinute: n('tsaRequestsPerMinute'),
    },
    verify: {
      trustAnchorsFile: v.trustAnchors as string | undefined,
      requestsPerMinute: n('verifyRequestsPerMinute'),
    },
    consoleSigning: { maxDocuments: n('consoleSignMaxDocuments'), maxBytes: n('consoleSignMaxBytes') },
    statusMaxAgeSeconds: n('statusMaxAgeSeconds'),
    identity: {
      passwordMinLength: n('passwordMinLength'),
      passwordMaxLength: n('passwordMaxLength'),
      passwordComposition: composition as Config['identity']['passwordComposition'],
      sessionIdleMinutes: n('sessionIdleMinutes'),
      sessionAbsoluteHours: n('sessionAbsoluteHours'),
      sessionRememberDays: n('sessionRememberDays'),
      resetPasswordLinkMinutes: n('resetPasswordLinkMinutes'),
      adminLinkHours: n('adminLinkHours'),
      lockoutFailures: n('lockoutFailures'),
      lockoutMinutes: n('lockoutMinutes'),
      failureDelayMs: n('failureDelayMs'),
      addressFailures: n('addressFailures'),
      linkEmailsPerHour: n('linkEmailsPerHour'),
      resetRequestsPerHour: n('resetRequestsPerHour'),
      trustProxy: s('trustProxy')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    },
    notify: {
      smtpUrl: v.smtpUrl as string | undefined,
      mailFrom: s('mailFrom'),
      maxAttempts: n('outboxMaxAttempts'),
      whatsapp,
      recipientPerHour: n('outboxRecipientPerHour'),
      failedRetentionDays: n('outboxFailedRetentionDays'),
    },
    enrollment: {
      activationLinkHours: n('activationLinkHours'),
      selfRegistrationsPerHour: n('selfRegistrationsPerHour'),
      importMaxBytes: n('importMaxBytes'),
      importMaxRows: n('importMaxRows'),
      importBatchRows: n('importBatchRows'),
      phoneCodesPerHour: n('phoneCodesPerHour'),
    },
    certificates: {
      esignKey: s('esignKey') as SubscriberKeyAlgorithm,
      esealKey: s('esealKey') as SubscriberKeyAlgorithm,
      passphraseKdf: {
        memoryKib: n('passphraseMemoryKib'),
        iterations: n('passphraseIterations'),
        parallelism: n('passphraseParallelism'),
      },
      passphraseFailures: n('passphraseFailures'),
      passphraseLockMinutes: n('passphraseLockMinutes'),
      renewalWindowDays: n('renewalWindowDays'),
      renewalReminderDays: reminderDays,
      setPassphraseLinkHours: n('setPassphraseLinkHours'),
      resetPassphraseLinkHours: n('resetPassphraseLinkHours'),
      supportingDocumentMaxBytes: n('supportingDocumentMaxBytes'),
      revocationImmediateReasons: immediateReasons,
      signingAuthorisationMinutes: n('signingAuthorisationMinutes'),
      signingAuthorisationDocuments: n('signingAuthorisationDocuments'),
      totpApprovalMinutes: n('totpApprovalMinutes'),
      totpMinutes: n('totpMinutes'),
      totpFailures: n('totpFailures'),
      sealActivationHours: n('sealActivationHours'),
    },
    signing: signingConfig(v),
    wizard: {
      photoMaxBytes: n('photoMaxBytes'),
      photoMaxPixels: n('photoMaxPixels'),
      personnelRegistry: {
        url: v.personnelRegistryUrl as string | undefined,
        token: v.personnelRegistryToken as string | undefined,
        timeoutMs: n('personnelRegistryTimeoutMs'),
      },
      faceMatch: {
        url: v.faceMatchUrl as string | undefined,
        token: v.faceMatchToken as string | undefined,
        timeoutMs: n('faceMatchTimeoutMs'),
        minScore: n('faceMatchMinScore'),
      },
    },
    warnings,
  };
}

/** The WhatsApp channel's settings: both the phone number id and the token, or neither. */
function whatsappConfig(v: Record<string, unknown>, problems: string[]): WhatsAppConfig | undefined {
  const phoneNumberId = v.whatsappPhoneNumberId as string | undefined;
  const token = v.whatsappToken as string | undefined;
  const version = v.whatsappApiVersion as string;
  const language = v.whatsappLanguage as string;
  if (!/^v\d{1,3}\.\d{1,3}$/.test(version))
    problems.push(`TEKEN_WHATSAPP_API_VERSION must look like v21.0 (got "${version}")`);
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(language))
    problems.push(`TEKEN_WHATSAPP_LANGUAGE must be a language code such as id or en_US (got "${language}")`);
  if (phoneNumberId !== undefined && !/^\d{1,30}$/.test(phoneNumberId))
    problems.push('TEKEN_WHATSAPP_PHONE_NUMBER_ID must be the numeric phone number id from Meta');
  const templateNames: Record<string, string> = {};
  for (const entry of (v.whatsappTemplateNames as string).split(',').map((x) => x.trim())) {
    if (entry === '') continue;
    const match = /^([a-z0-9-]{1,64})=([a-z0-9_]{1,512})$/.exec(entry);
    if (!match)
      problems.push(
        `TEKEN_WHATSAPP_TEMPLATE_NAMES takes teken-template=provider_name pairs (lower-case provider names, digits and _); "${entry.slice(0, 80)}" is not one`,
      );
    else templateNames[match[1]!] = match[2]!;
  }
  if ((phoneNumberId === undefined) !== (token === undefined)) {
    problems.push('TEKEN_WHATSAPP_PHONE_NUMBER_ID and TEKEN_WHATSAPP_TOKEN must be set together');
    return undefined;
  }
  if (phoneNumberId === undefined || token === undefined) return undefined;
  return {
    apiUrl: (v.whatsappApiUrl as string).replace(/\/+$/, ''),
    version,
    phoneNumberId,
    token,
    language,
    templateNames,
  };
}
