import type { Config } from '../config/load-config.js';
import type { Db } from '../db/open-database.js';
import type { KeyBackends } from './authority-keys.js';
import type { CaRegistry } from './ca-registry.js';

/** What the authority's use cases need from the runtime. */
export interface AuthorityContext {
  db: Db;
  config: Config;
  registry: CaRegistry;
  backends: KeyBackends;
  /** Told after a certificate's status changed (issued, revoked, held, released), once committed. */
  onStatusChange?: (caId: string, serialHex: string) => void;
  /** Told after a revocation, so the CA's CRL is regenerated soon. */
  onRevocation?: (caId: string) => void;
}
