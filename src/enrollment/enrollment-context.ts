/** What the enrollment use cases need from the runtime. */
import type { Config } from '../config/load-config.js';
import type { Db, Tx } from '../db/open-database.js';
import type { AttemptGuard } from '../identity/attempt-guard.js';
import type { IdentityContext } from '../identity/identity-context.js';
import type { MasterKey } from '../keys/master-key.js';
import type { EnrollmentMessage } from './templates/enrollment-templates.js';

export interface EnrollmentContext {
  db: Db;
  config: Config;
  /** Seals personal data (personal-data.ts). */
  master: MasterKey;
  /** Every secret-guessing path and every quota takes its attempts from this guard. */
  guard: AttemptGuard;
  /** The identity module, for accounts, sessions and its own links and messages. */
  identity: IdentityContext;
  now?: () => number;
  /** Queues a message of the enrollment templates in the caller's transaction. */
  notify(tx: Tx, message: EnrollmentMessage): Promise<void>;
  /**
   * Called in the transaction that applied an approved change or an RA correction to a verified
   * profile, with the fields changed: the runtime flags the holder's certificates whose subject
   * carries one of them for renewal (certificates/flag-for-renewal.ts).
   */
  onProfileChanged?(tx: Tx, accountId: string, fields: readonly string[]): Promise<void>;
  /** Several in one INSERT (the CSV import); without it, `notify` is called for each. */
  notifyMany?(tx: Tx, messages: readonly EnrollmentMessage[]): Promise<void>;
}

/** The registration wizard's address: the token is in the fragment, so it never reaches logs. */
export function activationUrl(config: Config, token: string): string {
  return `${config.publicUrl}/aktivasi#${token}`;
}
