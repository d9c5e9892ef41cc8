import type { Config } from '../config/load-config.js';
import type { Db, Tx } from '../db/open-database.js';
import type { MasterKey } from '../keys/master-key.js';
import type { AttemptGuard } from './attempt-guard.js';
import type { IdentityMessage } from './templates/identity-templates.js';

/** A message of the identity module's templates (templates/identity-templates.ts). */
export type OutgoingMessage = IdentityMessage;

/** What the identity use cases need from the runtime. */
export interface IdentityContext {
  db: Db;
  config: Config;
  master: MasterKey;
  /** Every secret-guessing path takes its attempts from this guard (attempt-guard.ts). */
  guard: AttemptGuard;
  /** The time authenticator codes are checked against (tests move it; production uses Date.now). */
  now?: () => number;
  /** Queues a message in the caller's transaction (the notify outbox). */
  notify(tx: Tx, message: OutgoingMessage): Promise<void>;
}

/** Links carry their token in the fragment, so it never reaches server logs or Referer headers. */
export function linkUrl(config: Config, token: string): string {
  return `${config.publicUrl}/link#${token}`;
}
