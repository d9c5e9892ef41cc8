/**
 * Sign-in benchmark: throughput and latency of `POST /api/v1/auth/sign-in` (the argon2id-bound
 * step) with 50 concurrent users against a real `teken serve`, next to the time of one argon2id
 * hash measured in the same run, and the ceiling that hash time implies on this machine.
 *
 * Run alone: node --import tsx bench/sign-in.ts [seconds]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { createAccount } from '../src/identity/accounts.js';
import { argon2Parameters, hashPassword, verifyPassword } from '../src/identity/password-hash.js';
import { identityContextOf } from '../src/runtime/identity-context-of.js';
import { startServer } from '../src/runtime/start-server.js';

export interface SignInBenchResult {
  users: number;
  seconds: number;
  requests: number;
  failures: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  hashMs: number;
  hashParameters: string;
  cores: number;
  /** cores / hash time: what the hash alone would allow if nothing else ran. */
  ceilingPerSecond: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runSignInBench(
  options: { users?: number; seconds?: number; databaseUrl?: string } = {},
): Promise<SignInBenchResult> {
  const users = options.users ?? 50;
  const seconds = options.seconds ?? 20;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-bench-signin-'));
  const config = loadConfig({
    TEKEN_DATA_DIR: dataDir,
    TEKEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    TEKEN_LOG_LEVEL: 'silent',
    TEKEN_PORT: '0',
    TEKEN_CA_AUTO_INIT: 'false',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const server = await startServer(config);
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

    const latencies: number[] = [];
    let failures = 0;
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      logins.map(async (login, index) => {
        while (performance.now() < deadline) {
          const t = performance.now();
          const response = await fetch(`${server.url}/api/v1/auth/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login, password }),
          });
          await response.arrayBuffer();
          if (response.status === 200) latencies.push(performance.now() - t);
          else failures++;
          void index;
        }
      }),
    );
    const sorted = latencies.sort((a, b) => a - b);
    const cores = os.availableParallelism();
    return {
      users,
      seconds,
      requests: sorted.length,
      failures,
      perSecond: sorted.length / seconds,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted[sorted.length - 1] ?? 0,
      hashMs,
      hashParameters: `argon2id m=${argon2Parameters.memoryCost} KiB, t=${argon2Parameters.timeCost}, p=${argon2Parameters.parallelism}`,
      cores,
      ceilingPerSecond: (cores * 1000) / hashMs,
    };
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runSignInBench({ seconds: Number(process.argv[2] ?? 20) });
  console.log(JSON.stringify(result, null, 2));
}
