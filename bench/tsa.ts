/**
 * Time-stamping benchmark (issue 11): tokens per second from the TSA, on PGlite and on PostgreSQL.
 *
 * Measured, each with CONCURRENCY in flight after a warm-up:
 * - `rt.tsa.timestamp` — what the PAdES signer calls: the unit checked, the token recorded (group
 *   commit), TSTInfo and SignedData assembled, signed;
 * - `rt.tsa.respond` — what `POST /tsa` does besides HTTP: the TimeStampReq parsed, then the same.
 * Peers in the same process, right after, on the same cores:
 * - the bare signature of the same TSA key over 100 bytes (the one cryptographic operation a token needs);
 * - `buildTimeStampToken` alone with the same key (encoding + signature, no database);
 * - the same with the PKI.js encoder it replaced (test/helpers/pkijs-time-stamp-token.ts, the same bytes);
 * and once per run, `openssl ts -reply` making a token from the same kind of query with a P-256 key
 * of its own, one process per token as a shell loop would (OpenSSL's TSA has no server mode).
 *
 * Run alone: node --import tsx bench/tsa.ts [--engines pglite,postgres] [--count 5000] [--out file]
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildTimeStampToken } from '../src/pki/tsp.js';
import { buildTimeStampTokenWithPkijs } from '../test/helpers/pkijs-time-stamp-token.js';
import { createLogger } from '../src/runtime/logger.js';
import { openRuntime } from '../src/runtime/open-runtime.js';
import { benchDatabase, benchTmpDir, initialiseHierarchy, type Engine } from './lib/runtime.js';

export interface Latency {
  p50: number;
  p99: number;
}

export interface TsaRun {
  engine: Engine;
  tokens: number;
  timestamp: { perSecond: number; latencyMs: Latency; cpuMicrosPerToken: number };
  respond: { perSecond: number; latencyMs: Latency };
  /** Peers with the same key, same process, same concurrency. */
  signature: { perSecond: number };
  encodeAndSign: { perSecond: number };
  encodeAndSignPkijs: { perSecond: number };
  stored: number;
  loadAverage: number[];
}

export interface TsaBenchResult {
  concurrency: number;
  key: string;
  runs: TsaRun[];
  openssl: { tokens: number; seconds: number; perSecond: number };
}

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'pglite,postgres' },
    count: { type: 'string', default: '5000' },
    'openssl-count': { type: 'string', default: '100' },
    out: { type: 'string' },
  },
});

const CONCURRENCY = 32;
const WARMUP = 300;
const log = (message: string) => console.error(`[tsa] ${message}`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const latencyOf = (values: number[]): Latency => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/** Runs `work(i)` for i < n with `concurrency` in flight; the latency of each and the CPU used. */
async function inFlight(n: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
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
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, perSecond: n / seconds, latencies, cpuMicros: used.user + used.system };
}

/** A DER TimeStampReq (SHA-256, nonce, certReq) as `openssl ts -query` writes it. */
function opensslQuery(dir: string, i: number): Buffer {
  const data = path.join(dir, `d${i}.txt`);
  const out = path.join(dir, `q${i}.tsq`);
  fs.writeFileSync(data, `dokumen ${i} ${crypto.randomUUID()}`);
  const r = spawnSync('openssl', ['ts', '-query', '-data', data, '-sha256', '-cert', '-out', out]);
  if (r.status !== 0) throw new Error(`openssl ts -query failed: ${String(r.stderr)}`);
  return fs.readFileSync(out);
}

async function run(engine: Engine, count: number, queries: Buffer[]): Promise<TsaRun> {
  const database = await benchDatabase(engine);
  const rt = await openRuntime(database.config, { log: createLogger('silent'), poolSize: 16 });
  try {
    await initialiseHierarchy(rt.authority, 'bench');
    const digests = Array.from({ length: count + WARMUP }, () => crypto.randomBytes(32));
    await inFlight(WARMUP, CONCURRENCY, (i) => rt.tsa.timestamp(digests[i]!, 'sha256'));
    const direct = await inFlight(count, CONCURRENCY, (i) =>
      rt.tsa.timestamp(digests[WARMUP + i]!, 'sha256'),
    );
    log(`${engine}: timestamp ${direct.perSecond.toFixed(0)} tokens/s`);
    await inFlight(WARMUP, CONCURRENCY, (i) => rt.tsa.respond(queries[i % queries.length]!));
    const http = await inFlight(count, CONCURRENCY, (i) => rt.tsa.respond(queries[i % queries.length]!));
    log(`${engine}: respond ${http.perSecond.toFixed(0)} responses/s`);

    const unit = (await rt.registry.get('seal')).tsa!;
    const data = crypto.randomBytes(100);
    await inFlight(WARMUP, CONCURRENCY, () => unit.key.sign(data));
    const signature = await inFlight(count, CONCURRENCY, () => unit.key.sign(data));
    const input = (i: number) => ({
      policy: rt.config.tsa.policyOid,
      hashAlgorithm: 'sha256' as const,
      digest: digests[i]!,
      serial: crypto.randomBytes(20).fill(1, 0, 1),
      genTime: new Date(),
      accuracyMs: rt.config.tsa.accuracyMs,
    });
    await inFlight(WARMUP, CONCURRENCY, (i) => buildTimeStampToken(unit, input(i), true));
    const encode = await inFlight(count, CONCURRENCY, (i) => buildTimeStampToken(unit, input(i), true));
    await inFlight(WARMUP / 3, CONCURRENCY, (i) => buildTimeStampTokenWithPkijs(unit, input(i), true));
    // The library peer is slow: a fifth of the count is enough for a stable figure.
    const pkijsEncode = await inFlight(Math.ceil(count / 5), CONCURRENCY, (i) =>
      buildTimeStampTokenWithPkijs(unit, input(i), true),
    );
    log(
      `${engine}: signature ${signature.perSecond.toFixed(0)}/s, encode+sign ${encode.perSecond.toFixed(0)}/s, with PKI.js ${pkijsEncode.perSecond.toFixed(0)}/s`,
    );
    const stored = await rt.db.execute(sql`select count(*)::int as n from time_stamp_tokens`);
    return {
      engine,
      tokens: count,
      timestamp: {
        perSecond: direct.perSecond,
        latencyMs: latencyOf(direct.latencies),
        cpuMicrosPerToken: direct.cpuMicros / count,
      },
      respond: { perSecond: http.perSecond, latencyMs: latencyOf(http.latencies) },
      signature: { perSecond: signature.perSecond },
      encodeAndSign: { perSecond: encode.perSecond },
      encodeAndSignPkijs: { perSecond: pkijsEncode.perSecond },
      stored: Number((stored as { rows: { n: number }[] }).rows[0]?.n ?? 0),
      loadAverage: os.loadavg(),
    };
  } finally {
    await rt.close();
    await database.dispose();
  }
}

/** `openssl ts -reply` over `n` queries, one process per token, with a P-256 TSA of its own. */
function opensslReplies(dir: string, n: number): TsaBenchResult['openssl'] {
  const file = (name: string) => path.join(dir, name);
  const sh = (cmd: string, argv: string[]) => {
    const r = spawnSync(cmd, argv, { cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')}: ${String(r.stderr)}`);
  };
  sh('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-subj',
    '/CN=Bench CA',
    '-days',
    '2',
    '-out',
    file('ca.pem'),
  ]);
  sh('openssl', [
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    file('tsa.key'),
    '-subj',
    '/CN=Bench TSA',
    '-out',
    file('tsa.csr'),
  ]);
  fs.writeFileSync(
    file('tsa.cnf'),
    [
      '[v3]',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,nonRepudiation',
      'extendedKeyUsage=critical,timeStamping',
      '[tsa]',
      'default_tsa = tsa_config',
      '[tsa_config]',
      `serial = ${file('serial')}`,
      'crypto_device = builtin',
      `signer_cert = ${file('tsa.pem')}`,
      `signer_key = ${file('tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1.4',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(file('serial'), '01\n');
  sh('openssl', [
    'x509',
    '-req',
    '-in',
    file('tsa.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-set_serial',
    '0x7a11',
    '-days',
    '1',
    '-extfile',
    file('tsa.cnf'),
    '-extensions',
    'v3',
    '-out',
    file('tsa.pem'),
  ]);
  const queries = Array.from({ length: n }, (_, i) => {
    const q = file(`oq${i}.tsq`);
    fs.writeFileSync(q, opensslQuery(dir, 10_000 + i));
    return q;
  });
  const started = performance.now();
  for (const [i, q] of queries.entries())
    sh('openssl', [
      'ts',
      '-reply',
      '-config',
      file('tsa.cnf'),
      '-section',
      'tsa_config',
      '-queryfile',
      q,
      '-out',
      file(`or${i}.tsr`),
    ]);
  const seconds = (performance.now() - started) / 1000;
  // The last one verifies, so the peer did real work.
  sh('openssl', [
    'ts',
    '-verify',
    '-in',
    file(`or${n - 1}.tsr`),
    '-queryfile',
    queries[n - 1]!,
    '-CAfile',
    file('ca.pem'),
    '-untrusted',
    file('tsa.pem'),
  ]);
  log(`openssl ts -reply: ${(n / seconds).toFixed(1)} tokens/s`);
  return { tokens: n, seconds, perSecond: n / seconds };
}

const count = Number(args.count);
const dir = benchTmpDir('tsa');
try {
  const queries = Array.from({ length: 64 }, (_, i) => opensslQuery(dir, i));
  const runs: TsaRun[] = [];
  for (const engine of args.engines.split(',') as Engine[]) runs.push(await run(engine, count, queries));
  const openssl = opensslReplies(dir, Number(args['openssl-count']));
  const result: TsaBenchResult = { concurrency: CONCURRENCY, key: 'p256', runs, openssl };
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result, null, 2));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
