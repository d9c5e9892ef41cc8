/**
 * Set-passphrase issuance benchmark (issue 10): `setPassphraseAsOperator` — key pair generation,
 * the double seal with argon2id (the default cost: 64 MiB, 3 passes), issuance through the cycle
 * and the store — at 20 requests in flight, for RSA-2048 and P-256 subscriber keys, on PostgreSQL.
 * The peer, in the same process right after on the same cores: the necessary primitives alone,
 * also 20 in flight — one key generation + one argon2id derivation + one CA signature per
 * certificate. Then the unlock alone (argon2id + unseal), the figure every signature will pay:
 * p50/p99 one at a time and 20 in flight.
 *
 * Run alone: node --import tsx bench/set-passphrase.ts [--keys p256,rsa2048] [--count 200] [--out file]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { hashRaw } from '@node-rs/argon2';
import { approveCertificateRequest } from '../src/certificates/decide-certificate-request.js';
import { requestCertificate } from '../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../src/certificates/set-passphrase.js';
import { unlockSubscriberKey } from '../src/certificates/unlock-subscriber-key.js';
import type { SubscriberKeyAlgorithm } from '../src/config/options.js';
import { accounts, institutions, subscriberCertificates } from '../src/db/schema.js';
import { addSubscriber } from '../src/enrollment/add-subscriber.js';
import { generateSubscriberKey } from '../src/keys/subscriber-key-seal.js';
import { certificatesContextOf } from '../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../src/runtime/enrollment-context-of.js';
import { createLogger } from '../src/runtime/logger.js';
import { openRuntime } from '../src/runtime/open-runtime.js';
import { benchDatabase, initialiseHierarchy } from './lib/runtime.js';

export interface Latency {
  p50: number;
  p99: number;
}

export interface SetPassphraseRun {
  key: SubscriberKeyAlgorithm;
  certificates: number;
  seconds: number;
  perSecond: number;
  latencyMs: Latency;
  /** The primitives alone (key generation + argon2id + CA signature), 20 in flight. */
  primitives: { count: number; seconds: number; perSecond: number };
  ofPrimitives: number;
  unlock: { sequentialMs: Latency; concurrentMs: Latency; count: number };
  loadAverage: number[];
}

export interface SetPassphraseBenchResult {
  concurrency: number;
  argon2: { memoryKib: number; iterations: number; parallelism: number };
  runs: SetPassphraseRun[];
}

const { values: args } = parseArgs({
  options: {
    keys: { type: 'string', default: 'p256,rsa2048' },
    count: { type: 'string', default: '200' },
    out: { type: 'string' },
  },
});

const CONCURRENCY = 20;
const runs: SetPassphraseRun[] = [];
let argon2: SetPassphraseBenchResult['argon2'] | undefined;
const WARMUP = 10;
const PASSPHRASE = 'Bench#Passphrase1';

const log = (message: string) => console.error(`[set-passphrase] ${message}`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const latencyOf = (values: number[]): Latency => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/** Runs `work(i)` for i < n with `concurrency` in flight; the latency of each. */
async function inFlight(n: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await work(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

function syntheticNik(i: number): string {
  // Kota Bandung (3273), district 01, a man born 1985-01-01 + i days within the year, sequence i.
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  return `327301${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}85${String(1 + (i % 9999)).padStart(4, '0')}`;
}

async function run(key: SubscriberKeyAlgorithm, count: number): Promise<SetPassphraseRun> {
  const database = await benchDatabase('postgres', { TEKEN_ESIGN_KEY: key, TEKEN_CA_ISSUING_KEY: 'p256' });
  const rt = await openRuntime(database.config, { log: createLogger('silent'), poolSize: 32 });
  try {
    await initialiseHierarchy(rt.authority, 'bench');
    const institutionId = crypto.randomUUID();
    await rt.db.insert(institutions).values({
      id: institutionId,
      code: 'BENCHPP',
      name: 'Instansi Bench',
      emailDomains: ['bench-pp.go.id'],
    });
    const ctx = certificatesContextOf(rt);
    const ectx = enrollmentContextOf(rt);
    const total = count + WARMUP;
    log(`${key}: preparing ${total} verified subscribers with approved requests`);
    const requestIds: string[] = [];
    for (let i = 0; i < total; i++) {
      const { accountId } = await addSubscriber(ectx, 'bench', {
        institutionId,
        fullName: `Pegawai Bench ${i}`,
        email: `pegawai${i}@bench-pp.go.id`,
        nik: syntheticNik(i),
        verified: true,
      });
      const [holder] = await rt.db.select().from(accounts).where(eq(accounts.id, accountId));
      const { id } = await requestCertificate(ctx, holder!, { product: 'esign' });
      await approveCertificateRequest(ctx, { operator: 'bench' }, id);
      requestIds.push(id);
    }
    const agreementVersion = subscriberAgreement().version;
    const setOne = (i: number) =>
      setPassphraseAsOperator(ctx, 'bench', requestIds[i]!, { passphrase: PASSPHRASE, agreementVersion });
    await inFlight(WARMUP, CONCURRENCY, (i) => setOne(i));
    const sealer = setInterval(() => void rt.sealAudit().catch(() => undefined), 1000);
    let measured;
    try {
      measured = await inFlight(count, CONCURRENCY, (i) => setOne(WARMUP + i));
    } finally {
      clearInterval(sealer);
    }
    log(
      `${key}: ${(count / measured.seconds).toFixed(1)} certificates/s (${count} in ${measured.seconds.toFixed(1)} s)`,
    );

    // The peer: the primitives alone, with the same argon2id cost and the same CA key.
    const kdf = rt.config.certificates.passphraseKdf;
    argon2 = kdf;
    const ca = await rt.registry.get('individual');
    const tbs = crypto.randomBytes(600);
    const primitive = async () => {
      await generateSubscriberKey(key);
      await hashRaw(PASSPHRASE, {
        algorithm: 2,
        memoryCost: kdf.memoryKib,
        timeCost: kdf.iterations,
        parallelism: kdf.parallelism,
        outputLen: 32,
        salt: crypto.randomBytes(16),
      });
      await ca.key.sign(tbs);
    };
    await inFlight(WARMUP, CONCURRENCY, primitive);
    const peer = await inFlight(count, CONCURRENCY, primitive);
    log(`${key}: primitives ${(count / peer.seconds).toFixed(1)}/s`);

    // The unlock alone: what every signature will pay.
    const keys = await rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.state, 'active'));
    const unlocks = Math.min(60, keys.length);
    const sequential: number[] = [];
    for (let i = 0; i < unlocks; i++) {
      const t = performance.now();
      await unlockSubscriberKey(ctx, keys[i]!, PASSPHRASE, { actor: 'bench' });
      sequential.push(performance.now() - t);
    }
    const concurrent = await inFlight(unlocks, CONCURRENCY, (i) =>
      unlockSubscriberKey(ctx, keys[i]!, PASSPHRASE, { actor: 'bench' }),
    );
    const perSecond = count / measured.seconds;
    const primitivesPerSecond = count / peer.seconds;
    return {
      key,
      certificates: count,
      seconds: measured.seconds,
      perSecond,
      latencyMs: latencyOf(measured.latencies),
      primitives: { count, seconds: peer.seconds, perSecond: primitivesPerSecond },
      ofPrimitives: perSecond / primitivesPerSecond,
      unlock: {
        sequentialMs: latencyOf(sequential),
        concurrentMs: latencyOf(concurrent.latencies),
        count: unlocks,
      },
      loadAverage: os.loadavg(),
    };
  } finally {
    await rt.close();
    await database.dispose();
  }
}

for (const key of args.keys.split(',') as SubscriberKeyAlgorithm[]) {
  const r = await run(key, Number(args.count));
  runs.push(r);
  log(
    `${key}: ${r.ofPrimitives.toFixed(2)}× the primitives; unlock p50 ${r.unlock.sequentialMs.p50.toFixed(0)} ms, p99 ${r.unlock.sequentialMs.p99.toFixed(0)} ms`,
  );
}
const result: SetPassphraseBenchResult = { concurrency: CONCURRENCY, argon2: argon2!, runs };
if (args.out) fs.writeFileSync(args.out, JSON.stringify(result));
else console.log(JSON.stringify(result, null, 2));
