import crypto from 'node:crypto';

/** JSON with object keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: bigint;
  id: bigint;
  occurredAt: Date;
  actor: string;
  action: string;
  target: string | null;
  details: unknown;
}

/** The genesis value before the first event. */
export const GENESIS = new Uint8Array(32);

/**
 * hash(n) = HMAC-SHA256(k, hash(n-1) || canonical(event n)). Keyed with a key derived from the
 * master key: someone with write access to the database alone cannot forge a consistent chain.
 */
export function chainHash(key: Uint8Array, prevHash: Uint8Array, event: ChainedFields): Uint8Array {
  const body = canonicalJson([
    event.seq.toString(),
    event.id.toString(),
    event.occurredAt.toISOString(),
    event.actor,
    event.action,
    event.target,
    event.details,
  ]);
  return new Uint8Array(crypto.createHmac('sha256', key).update(prevHash).update(body, 'utf8').digest());
}
