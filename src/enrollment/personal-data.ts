/**
 * Personal data at rest (NIK, NIP, phone numbers, selfies, KTP scans, history values): sealed with
 * AES-256-GCM under the master key's `personal-data/v1` subkey, bound by AAD to the table, column
 * and account it belongs to, so a sealed value copied to another row or column does not open.
 * Values that must be searched or kept unique (NIK, NIP, phone) also get a lookup hash: an HMAC
 * under the `lookup/v1` subkey, keyed so that the 16-digit NIK space cannot be enumerated from a
 * database dump alone.
 */
import type { MasterKey } from '../keys/master-key.js';

/** Where a sealed value lives: `registrations.nik`, `profile_history.values`, … */
export type SealedColumn = `${string}.${string}`;

export function sealPersonal(
  master: MasterKey,
  column: SealedColumn,
  ownerId: string,
  value: Uint8Array | string,
): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return master.seal('personal-data/v1', bytes, `${column}:${ownerId}`);
}

export function openPersonal(
  master: MasterKey,
  column: SealedColumn,
  ownerId: string,
  sealed: Uint8Array,
): Buffer {
  return master.open('personal-data/v1', sealed, `${column}:${ownerId}`);
}

export function openPersonalText(
  master: MasterKey,
  column: SealedColumn,
  ownerId: string,
  sealed: Uint8Array | null | undefined,
): string | null {
  return sealed ? openPersonal(master, column, ownerId, sealed).toString('utf8') : null;
}

/** The kinds of value that have a lookup hash; the kind is part of the MAC input. */
export type LookupKind = 'nik' | 'nip' | 'phone';

/** HMAC-SHA256 of a normalised value (digits for NIK and NIP, E.164 for phones). */
export function lookupHash(master: MasterKey, kind: LookupKind, normalised: string): Buffer {
  return master.lookupHash(kind, normalised);
}
