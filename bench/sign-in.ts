/**
 * Sign-in benchmark: throughput and latency of `POST /api/v1/auth/sign-in` (the argon2id-bound
 * step: account lookup, both throttle counters, the hash, a partial session) with 50 concurrent
 * users against a real `teken serve`, on PGlite and on PostgreSQL. The load comes from wrk in its
 * own process (50 keep-alive connections, each a user; the bodies rotate over the 50 accounts), so
 * no client shares the server's event loop. Next to it, in the same run: the time of one argon2id
 * hash and the ceiling that hash time implies on this machine.
 *
 * Run alone: node --import tsx bench/sign-in.ts [--seconds 20] [--engines pglite,postgres] [--out file]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createAccount } from '../src/identity/accounts.js';
import { argon2Parameters, hashPassword, verifyPassword } from '../src/identity/password-hash.js';
import { identityContextOf } from '../src/runtime/identity-context-of.js';
import { startServer } from '../src/runtime/start-server.js';
import { benchDatabase, type Engine } from './lib/runtime.js';
import { runWrk, writeBodies } from './lib/wrk.js';

export interface SignInRun {
  engine: Engine;
  users: number;
  seconds: number;
  requests: number;
  /** Answers other than 200 (wrk counts them; a throttled or failed sign-in would show here). */
  failures: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SignInBenchResult {
  runs: SignInRun[];
  hashMs: number;
  hashParameters: string;
  cores: number;
  /** cores / hash time: what the hash alone would allow if nothing else ran. */
  ceilingPerSecond: number;
}

async function runEngine(
  engine: Engine,
  users: number,
  seconds: number,
): Promise<SignInRun & { hashMs: number }> {
  const database = await benchDatabase(engine, { TEKEN_CA_AUTO_INIT: 'false' });
  const server = await startServer(database.config);
  try {
    const ctx = identityContextOf(server.rt);
    const password = 'benchmark passphrase for teken';
    const hash = await hashPassword(password);
    const logins: string[] = [];
    for (let i = 0; i < users; i++) {
      const username = `bench${i}-${crypto.randomBytes(3).toString('hex')}`;
      await server.rt.db.transaction((tx) =>
        createAccount(
          ctx,
          tx,
          {
            username,
            email: `${username}@bench.example.id`,
            fullName: `Bench User ${i}`,
            roles: ['subscriber'],
          },
          'bench',
        ),
      );
      logins.push(username);
    }
    // Same hash for everyone (set directly, to keep set-up time out of the run).
    const { accounts } = await import('../src/db/schema.js');
    await server.rt.db.update(accounts).set({ passwordHash: hash });

    // The time of one hash, alone, in this run.
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await verifyPassword(hash, password);
      samples.push(performance.now() - t);
    }
    const hashMs = samples.sort((a, b) => a - b)[5]!;

    const bodies = writeBodies(
      logins.map((login) => new Uint8Array(Buffer.from(JSON.stringify({ login, password })))),
    );
    const url = `${server.url}/api/v1/auth/sign-in`;
    // Warm-up, then the measured run.
    await runWrk({
      url,
      bodiesFile: bodies,
      connections: users,
      seconds: 3,
      contentType: 'application/json',
    });
    const run = await runWrk({
      url,
      bodiesFile: bodies,
      connections: users,
      seconds,
      contentType: 'application/json',
    });
    const e = run.errors;
    return {
      engine,
      users,
      seconds: run.seconds,
      requests: run.requests,
      failures: e.status + e.connect + e.read + e.write + e.timeout,
      perSecond: run.requestsPerSecond,
      p50Ms: run.latencyMs.p50,
      p90Ms: run.latencyMs.p90,
      p99Ms: run.latencyMs.p99,
      maxMs: run.latencyMs.max,
      hashMs,
    };
  } finally {
    await server.close();
    await database.dispose();
  }
}

export async function runSignInBench(
  options: { users?: number; seconds?: number; engines?: Engine[] } = {},
): Promise<SignInBenchResult> {
  const users = options.users ?? 50;
  const seconds = options.seconds ?? 20;
  const runs: SignInRun[] = [];
  const hashes: number[] = [];
  for (const engine of options.engines ?? (['pglite', 'postgres'] as const)) {
    const { hashMs, ...run } = await runEngine(engine, users, seconds);
    console.error(
      `[sign-in] ${engine}: ${run.perSecond.toFixed(0)}/s, p50 ${run.p50Ms.toFixed(0)} ms, p99 ${run.p99Ms.toFixed(0)} ms, ${run.failures} failures`,
    );
    runs.push(run);
    hashes.push(hashMs);
  }
  const hashMs = Math.min(...hashes);
  const cores = os.availableParallelism();
  return {
    runs,
    hashMs,
    hashParameters: `argon2id m=${argon2Parameters.memoryCost} KiB, t=${argon2Parameters.timeCost}, p=${argon2Parameters.parallelism}`,
    cores,
    ceilingPerSecond: (cores * 1000) / hashMs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      seconds: { type: 'string', default: '20' },
      engines: { type: 'string', default: 'pglite,postgres' },
      users: { type: 'string', default: '50' },
    },
  });
  const result = await runSignInBench({
    seconds: Number(values.seconds),
    users: Number(values.users),
    engines: values.engines.split(',') as Engine[],
  });
  if (values.out) fs.writeFileSync(values.out, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result, null, 2));
}
