/** What the certificates use cases need from the runtime. */
import type { AuthorityContext } from '../authority/authority-context.js';
import type { Config } from '../config/load-config.js';
import type { Db, Tx } from '../db/open-database.js';
import type { EnrollmentMessage } from '../enrollment/templates/enrollment-templates.js';
import type { AttemptGuard } from '../identity/attempt-guard.js';
import type { MasterKey } from '../keys/master-key.js';
import type { OuterLayer } from '../keys/subscriber-key-seal.js';
import type { CertificatesMessage } from './templates/certificates-templates.js';

export interface CertificatesContext {
  db: Db;
  config: Config;
  /** Seals supporting documents (personal data). */
  master: MasterKey;
  /** The outer layer new subscriber keys are sealed with: the master key's subkey, or the HSM. */
  outer: OuterLayer;
  /** Every outer layer this instance can open (a key records the one that sealed it). */
  outers: Partial<Record<OuterLayer['name'], OuterLayer>>;
  /** Every passphrase guess takes its attempt from this guard (kind `passphrase`). */
  guard: AttemptGuard;
  /** The CA: issuance and revocation. */
  authority: AuthorityContext;
  now?: () => number;
  /** Queues a message (this module's templates, or enrollment's WhatsApp links) in the caller's transaction. */
  notify(tx: Tx, message: CertificatesMessage | EnrollmentMessage): Promise<void>;
}

/** The page that sets the passphrase of an approved request; the token in the fragment, never in logs. */
export function setPassphraseUrl(config: Config, token: string): string {
  return `${config.publicUrl}/passphrase#${token}`;
}

/** The console's Perpanjangan page of a certificate (sign-in first): the reminders link to it. */
export function renewalUrl(config: Config, certificateId: string): string {
  return `${config.publicUrl}/sertifikat/${encodeURIComponent(certificateId)}/perpanjangan`;
}
