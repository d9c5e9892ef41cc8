/**
 * The composition root: everything a `teken` command or `teken serve` needs, built from the
 * configuration once. Modules receive what they use from here; nothing reaches for globals.
 */
import { eq } from 'drizzle-orm';
import type { AuthorityContext } from '../authority/authority-context.js';
import type { KeyBackends } from '../authority/authority-keys.js';
import { CaRegistry } from '../authority/ca-registry.js';
import { sealAuditChain } from '../audit/seal-audit-chain.js';
import type { Config } from '../config/load-config.js';
import { openDatabase, type Database, type Db, type Tx } from '../db/open-database.js';
import { settings } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { KeyBackend } from '../keys/key-backend.js';
import { loadMasterKey, type MasterKey } from '../keys/master-key.js';
import { SoftwareKeyBackend } from '../keys/software-backend.js';
import type { Channels } from '../notify/channels/channel.js';
import { closeChannels, createChannels } from '../notify/channels/create-channels.js';
import { deliverDueMessages, type RecipientQuota } from '../notify/deliver-outbox.js';
import { enqueueMessage, enqueueMessages, type MessageToSend } from '../notify/enqueue-message.js';
import { TemplateRegistry } from '../notify/templates/template-registry.js';
import { AttemptGuard, type GuardHooks } from '../identity/attempt-guard.js';
import { identityGuardPolicy } from '../identity/lockout-policy.js';
import { identityTemplates } from '../identity/templates/identity-templates.js';
import { enrollmentTemplates } from '../enrollment/templates/enrollment-templates.js';
import { certificatesTemplates } from '../certificates/templates/certificates-templates.js';
import { createTimeStamper, type TimeStamper } from '../signing/tsa/time-stamp-authority.js';
import { createLogger, type Logger } from './logger.js';

export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  db: Db;
  masterKey: MasterKey;
  backends: KeyBackends;
  registry: CaRegistry;
  /** The authority's dependencies; `teken serve` adds its status-change hooks. */
  authority: AuthorityContext;
  /** The one guard every secret-guessing path takes its attempts from (identity/attempt-guard.ts). */
  guard: AttemptGuard;
  /** The RFC 3161 time-stamping authority (`POST /tsa`, and the PAdES signer's time-stamps). */
  tsa: TimeStamper;
  /**
   * The clock of the use cases that compare times in JavaScript (a WhatsApp code's expiry and its
   * 30 s resend wait, authenticator steps, dates in NIK and NIP checks): `Date.now`, or the clock a
   * test gives `openRuntime`. Database-side times (`now()` in the attempt guard and the outbox) are
   * the database's own.
   */
  now: () => number;
  /** Seals pending audit events into the chain. */
  sealAudit(): Promise<number>;
  /** The outbox: `enqueue` in the transaction of the change; the background job calls `deliver`. */
  notify: {
    channels: Channels;
    /** Every module's message templates, registered here at start. */
    templates: TemplateRegistry;
    enqueue(tx: Tx, msg: MessageToSend): Promise<boolean>;
    /** Several in one INSERT, each as `enqueue` (bulk operations: the CSV import). */
    enqueueMany(tx: Tx, msgs: readonly MessageToSend[]): Promise<boolean[]>;
    /** Delivers due messages; returns how many it attempted. */
    deliver(limit?: number): Promise<number>;
  };
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  log?: Logger;
  /** Where security warnings go; the structured log by default (the CLI prints them plainly). */
  warn?: (message: string) => void;
  /** Observers of the attempt guard (metrics). */
  guardHooks?: GuardHooks;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** The runtime's clock (`Runtime.now`); tests move it, `Date.now` otherwise. */
  now?: () => number;
}

export async function openRuntime(config: Config, options: OpenRuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const warn = options.warn ?? ((message: string) => log.warn({ insecureDefault: true }, message));
  for (const warning of config.warnings) warn(`SECURITY WARNING: ${warning}`);
  const master = loadMasterKey(config.masterKey, config.dataDir);
  if (master.generated) {
    warn(
      `SECURITY WARNING: generated a new master key into ${master.file}; back it up, and move it to TEKEN_MASTER_KEY for production.`,
    );
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: options.poolSize,
  });
  const { db } = database;
  try {
    await checkMasterKey(db, master.key);
  } catch (error) {
    await database.close();
    throw error;
  }

  const software = new SoftwareKeyBackend(master.key);
  let pkcs11: Promise<KeyBackend> | undefined;
  const openPkcs11 = async (): Promise<KeyBackend> => {
    const { Pkcs11KeyBackend } = await import('../keys/pkcs11-backend.js');
    if (!config.pkcs11.pin)
      throw new TekenError('ERR_KEY_BACKEND', 'TEKEN_PKCS11_PIN is not set, so HSM keys cannot be used.');
    return Pkcs11KeyBackend.open({
      library: config.pkcs11.library,
      tokenLabel: config.pkcs11.tokenLabel,
      pin: config.pkcs11.pin,
    });
  };
  const active: KeyBackend = config.keyBackend === 'pkcs11' ? await (pkcs11 = openPkcs11()) : software;
  const backends: KeyBackends = {
    active,
    get: (name) => (name === 'software' ? Promise.resolve(software) : (pkcs11 ??= openPkcs11())),
  };
  const registry = new CaRegistry(db, backends);
  const auditKey = master.key.derive('audit-chain/v1');
  const channels = createChannels(config.notify, log);
  const templates = new TemplateRegistry()
    .register(identityTemplates)
    .register(enrollmentTemplates)
    .register(certificatesTemplates);
  const guard = new AttemptGuard(db, identityGuardPolicy(config), options.guardHooks);
  let closing: Promise<void> | undefined;
  return {
    config,
    log,
    database,
    db,
    masterKey: master.key,
    backends,
    registry,
    authority: { db, config, registry, backends },
    sealAudit: () => sealAuditChain(db, auditKey),
    guard,
    tsa: createTimeStamper({ db, registry, config, log }),
    now: options.now ?? Date.now,
    notify: {
      channels,
      templates,
      enqueue: (tx, msg) => enqueueMessage(tx, master.key, config, templates, msg),
      enqueueMany: (tx, msgs) => enqueueMessages(tx, master.key, config, templates, msgs),
      deliver: (limit) =>
        deliverDueMessages(
          {
            db,
            master: master.key,
            config,
            log,
            channels,
            templates,
            recipientQuota: recipientQuotaOf(guard),
          },
          limit,
        ),
    },
    // Idempotent: a second close waits for the first.
    close: () =>
      (closing ??= (async () => {
        await closeChannels(channels);
        await software.close();
        if (pkcs11) await (await pkcs11.catch(() => undefined))?.close();
        await database.close();
      })()),
  };
}

/** The outbox's per-recipient limit, taken from the attempt guard's `outbox_recipient` quota. */
function recipientQuotaOf(guard: AttemptGuard): RecipientQuota {
  return {
    consume: async (key, max) => {
      const taken = await guard.consume('outbox_recipient', key, { max });
      return taken.ok ? { ok: true } : { ok: false, retryAfterSeconds: taken.retryAfterSeconds };
    },
  };
}

/** Refuses to start with a master key other than the one this database was set up with. */
async function checkMasterKey(db: Db, key: MasterKey): Promise<void> {
  const check = key.checkValue();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'master_key_check'));
  if (!row) {
    await db.insert(settings).values({ key: 'master_key_check', value: check }).onConflictDoNothing();
    return;
  }
  if (row.value !== check) {
    throw new TekenError(
      'ERR_KEY_UNSEAL_FAILED',
      'The master key is not the one this database was created with. Set TEKEN_MASTER_KEY (or restore <data dir>/master.key) to the original key.',
    );
  }
}
