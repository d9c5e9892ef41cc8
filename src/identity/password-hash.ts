import { hash, verify } from '@node-rs/argon2';
import { argon2Queue, inArgon2Turn } from '../keys/argon2-turns.js';

/**
 * argon2id with the OWASP / ASVS 5.0 minimum (m = 19 MiB, t = 2, p = 1). The hash runs on the
 * native thread pool, off the event loop, in the process's one argon2 queue (keys/argon2-turns.ts).
 */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
export const argon2Parameters = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How many hashes run and wait now, and how many may run at once (the one argon2 queue). */
export const passwordHashQueue = argon2Queue;

const inTurn = inArgon2Turn;

export function hashPassword(password: string): Promise<string> {
  return inTurn(() => hash(password.normalize('NFKC'), argon2Parameters));
}

/** A hash of a random password, verified against when the account does not exist (equal timing). */
let dummy: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummy ??= hashPassword(`dummy-${Math.random()}`);
    const stored = await dummy;
    await inTurn(() => verify(stored, password.normalize('NFKC'))).catch(() => false);
    return false;
  }
  try {
    return await inTurn(() => verify(storedHash, password.normalize('NFKC')));
  } catch {
    return false;
  }
}

/** True when a stored hash uses weaker parameters than the current ones (rehash at sign-in). */
export function needsRehash(storedHash: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!m) return true;
  return Number(m[1]) < argon2Parameters.memoryCost || Number(m[2]) < argon2Parameters.timeCost;
}
