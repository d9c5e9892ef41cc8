import os from 'node:os';

/**
 * The one queue of argon2id computations in the process: password hashes and verifications
 * (identity/password-hash.ts) and passphrase derivations of subscriber keys (subscriber-key-seal.ts).
 * At most one per core runs at once, first come first served. Each holds a core and its memory cost
 * (19 MiB for a password, more for a passphrase) for its duration; more of them than cores only put
 * work on libuv's thread pool that crowds the event loop (and PGlite, which runs on it) off the CPU,
 * and requests then wait unread in their sockets (measured: p99 3 s on PGlite at 50 concurrent
 * sign-ins on 2 cores; 0.7 s with this limit, at the same throughput; bench/sign-in.ts). One queue
 * rather than one per caller, so a burst of sign-ins and a batch of signatures together still run
 * no more than one derivation per core.
 */
const limit = os.availableParallelism();
let running = 0;
const waiting: (() => void)[] = [];

/** How many derivations run and wait now, and how many may run at once (tests, diagnostics). */
export function argon2Queue(): { running: number; waiting: number; limit: number } {
  return { running, waiting: waiting.length, limit };
}

/** Runs `work` (one argon2 computation) when a turn is free. */
export async function inArgon2Turn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
