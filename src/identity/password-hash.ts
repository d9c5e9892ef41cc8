import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP / ASVS 5.0 minimum (m = 19 MiB, t = 2, p = 1). The hash runs on the
 * native thread pool, off the event loop.
 */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
export const argon2Parameters = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most one hash per core runs at once; the rest wait their turn, first come first served. A burst
 * of sign-ins would otherwise put more 19 MiB hashes on libuv's thread pool than there are cores,
 * and they crowd the event loop (and PGlite, which runs on it) off the CPU: requests then wait
 * unread in their sockets, and the unlucky ones for seconds (measured: p99 3 s on PGlite at 50
 * concurrent sign-ins on 2 cores; 0.7 s with this limit, at the same throughput; bench/sign-in.ts).
 */
const maxConcurrentHashes = os.availableParallelism();
let runningHashes = 0;
const waitingHashes: (() => void)[] = [];

/** How many hashes run and wait now, and how many may run at once (tests, diagnostics). */
export function passwordHashQueue(): { running: number; waiting: number; limit: number } {
  return { running: runningHashes, waiting: waitingHashes.length, limit: maxConcurrentHashes };
}

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (runningHashes >= maxConcurrentHashes) await new Promise<void>((resolve) => waitingHashes.push(resolve));
  else runningHashes++;
  try {
    return await work();
  } finally {
    const next = waitingHashes.shift();
    if (next) next();
    else runningHashes--;
  }
}

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
