import { eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { keys } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { KeyBackend, KeyRecord, SigningKey } from '../keys/key-backend.js';
import type { KeyAlgorithm } from '../pki/signer.js';

/** The key backends a runtime has: `software` always, `pkcs11` when configured. */
export interface KeyBackends {
  /** Backend new keys are generated in. */
  readonly active: KeyBackend;
  get(name: 'software' | 'pkcs11'): Promise<KeyBackend>;
}

/** Generates a key in the active backend and records its handle in the caller's transaction. */
export async function createAuthorityKey(
  tx: Tx,
  backends: KeyBackends,
  algorithm: KeyAlgorithm,
  label: string,
): Promise<SigningKey> {
  const { record, key } = await backends.active.generate(algorithm, label);
  await tx.insert(keys).values(record);
  return key;
}

export async function loadAuthorityKey(tx: Tx, backends: KeyBackends, keyId: string): Promise<SigningKey> {
  const [row] = await tx.select().from(keys).where(eq(keys.id, keyId));
  if (!row) throw new TekenError('ERR_KEY_NOT_FOUND', `Key ${keyId} is not on record.`);
  const backend = await backends.get(row.backend);
  return backend.load(row as KeyRecord);
}
