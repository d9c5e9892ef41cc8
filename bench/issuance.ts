/**
 * Issuance benchmark: certificates per second through issueFromCsr (CSR parsing and signature
 * check included) with N issuances in flight, on PostgreSQL and PGlite, with P-384 and P-256
 * issuing keys. Peers in the same run: `openssl speed` (raw ECDSA signing, both cores) and a
 * shell loop of `openssl x509 -req` with the same key type.
 * Usage: node --import tsx bench/issuance.ts [--out result.json] [--engines postgres,pglite]
 *   [--keys p384,p256] [--count 10000] [--concurrency 64]
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { issueFromCsr } from '../src/authority/issue-certificate.js';
import { auditEvents, certificates, ocspResponses } from '../src/db/schema.js';
import { openRuntime } from '../src/runtime/open-runtime.js';
import { createLogger } from '../src/runtime/logger.js';
import { makeCsr, type BenchCsr } from './lib/csr.js';
import { profiled } from './lib/profile.js';
import { benchDatabase, benchTmpDir, initialiseHierarchy, type Engine } from './lib/runtime.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    engines: { type: 'string', default: 'postgres,pglite' },
    keys: { type: 'string', default: 'p384,p256' },
    count: { type: 'string', default: '10000' },
    warmup: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '64' },
    pool: { type: 'string', default: '32' },
    csrs: { type: 'string', default: '1000' },
    'openssl-certs': { type: 'string', default: '200' },
    peers: { type: 'boolean', default: true },
    'no-peers': { type: 'boolean', default: false },
  },
});
const engines = args.engines.split(',') as Engine[];
const keyTypes = args.keys.split(',') as ('p384' | 'p256')[];
const count = Number(args.count);
const warmupCount = Number(args.warmup);
const concurrency = Number(args.concurrency);
const poolSize = Number(args.pool);
const opensslCerts = Number(args['openssl-certs']);
if (args['no-peers']) args.peers = false;

export interface IssuanceRun {
  engine: Engine;
  key: string;
  certificates: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p99: number };
  /** What the database holds afterwards (the cycle's guarantees, checked). */
  stored: { issued: number; withOcsp: number; auditEvents: number; pending: number };
}

export interface OpensslSpeed {
  key: string;
  signPerSecond: number;
}

export interface OpensslLoop {
  key: string;
  certificates: number;
  seconds: number;
  perSecond: number;
}

export interface IssuanceBenchResult {
  concurrency: number;
  poolSize: number;
  csrPool: number;
  runs: IssuanceRun[];
  opensslSpeed: OpensslSpeed[];
  opensslLoop: OpensslLoop[];
}

function log(message: string) {
  console.error(`[issuance] ${message}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function runTeken(engine: Engine, key: 'p384' | 'p256', csrs: BenchCsr[]): Promise<IssuanceRun> {
  const database = await benchDatabase(engine, { TEKEN_CA_ISSUING_KEY: key });
  const rt = await openRuntime(database.config, { log: createLogger('silent'), poolSize });
  try {
    await initialiseHierarchy(rt.authority, 'bench');
    const issue = (i: number) =>
      issueFromCsr(rt.authority, {
        caId: 'individual',
        profile: 'individual',
        csr: csrs[i % csrs.length]!.pem,
        actor: 'bench',
      });
    const runBatch = async (n: number, latencies?: number[]) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < n) {
            const i = next++;
            const t = performance.now();
            await issue(i);
            latencies?.push(performance.now() - t);
          }
        }),
      );
    };
    await runBatch(warmupCount);
    await rt.sealAudit();
    // As under `teken serve`, the audit sealer runs every second while certificates are issued.
    const sealer = setInterval(() => void rt.sealAudit().catch(() => undefined), 1000);
    const latencies: number[] = [];
    const started = performance.now();
    try {
      await profiled(`issuance-${engine}-${key}`, () => runBatch(count, latencies));
    } finally {
      clearInterval(sealer);
    }
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    await rt.sealAudit();
    const [issued] = await rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .where(
        sql`${certificates.authorityId} = 'individual' and ${certificates.profile} = 'individual' and ${certificates.status} = 'issued' and ${certificates.der} is not null`,
      );
    const [withOcsp] = await rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .innerJoin(
        ocspResponses,
        sql`${ocspResponses.authorityId} = ${certificates.authorityId} and ${ocspResponses.serial} = ${certificates.serial}`,
      )
      .where(sql`${certificates.authorityId} = 'individual' and ${certificates.profile} = 'individual'`);
    const [audit] = await rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'certificate.issue'));
    const [pending] = await rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .where(eq(certificates.status, 'pending'));
    const run: IssuanceRun = {
      engine,
      key,
      certificates: count,
      seconds,
      perSecond: count / seconds,
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      stored: {
        issued: issued?.n ?? 0,
        withOcsp: withOcsp?.n ?? 0,
        // One for each bench certificate plus the hierarchy's own (responders, TSA).
        auditEvents: audit?.n ?? 0,
        pending: pending?.n ?? 0,
      },
    };
    const expected = count + warmupCount;
    if (run.stored.issued !== expected || run.stored.withOcsp !== expected || run.stored.pending !== 0)
      throw new Error(`the database does not hold what was issued: ${JSON.stringify(run.stored)}`);
    log(
      `${engine} ${key}: ${run.perSecond.toFixed(0)} certificates/s (${count} in ${seconds.toFixed(2)} s, p50 ${run.latencyMs.p50.toFixed(1)} ms, p99 ${run.latencyMs.p99.toFixed(1)} ms)`,
    );
    return run;
  } finally {
    await rt.close();
    await database.dispose();
  }
}

function opensslSpeed(key: 'p384' | 'p256'): OpensslSpeed {
  const out = execFileSync('openssl', ['speed', '-seconds', '3', '-multi', '2', `ecdsa${key}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // "  384 bits ecdsa (nistp384)   0.0005s   0.0007s   2000.0   1500.0"
  const line = out.split('\n').find((l) => /bits ecdsa \(nist/.test(l));
  const numbers = line?.trim().split(/\s+/) ?? [];
  const sign = Number(numbers[numbers.length - 2]);
  if (!Number.isFinite(sign)) throw new Error(`cannot read openssl speed output:\n${out}`);
  log(`openssl speed -multi 2 ecdsa${key}: ${sign.toFixed(0)} sign/s`);
  return { key, signPerSecond: sign };
}

async function opensslLoop(key: 'p384' | 'p256', csrs: BenchCsr[]): Promise<OpensslLoop> {
  const dir = benchTmpDir('x509');
  const curve = key === 'p384' ? 'P-384' : 'P-256';
  const digest = key === 'p384' ? '-sha384' : '-sha256';
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      `ec_paramgen_curve:${curve}`,
      '-nodes',
      '-keyout',
      path.join(dir, 'ca.key'),
      '-out',
      path.join(dir, 'ca.pem'),
      '-subj',
      '/C=ID/O=Bench/CN=OpenSSL Bench CA',
      '-days',
      '3650',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The extensions of Teken's individual profile.
  fs.writeFileSync(
    path.join(dir, 'ext.cnf'),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,nonRepudiation',
      'extendedKeyUsage=emailProtection,1.3.6.1.5.5.7.3.36,1.3.6.1.4.1.311.10.3.12,1.2.840.113583.1.1.5',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid:always',
      'certificatePolicies=1.3.6.1.4.1.99999.1.1',
      'authorityInfoAccess=OCSP;URI:http://127.0.0.1:3000/ocsp,caIssuers;URI:http://127.0.0.1:3000/ca/individual.crt',
      'crlDistributionPoints=URI:http://127.0.0.1:3000/crl/individual.crl',
      '',
    ].join('\n'),
  );
  for (let i = 0; i < opensslCerts; i++)
    fs.writeFileSync(path.join(dir, `${i}.csr`), csrs[i % csrs.length]!.pem);
  const script = `for i in $(seq 0 ${opensslCerts - 1}); do
  openssl x509 -req -in "$i.csr" -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 19)" \\
    -days 730 ${digest} -extfile ext.cnf -out "$i.crt" 2>/dev/null || exit 1
done`;
  const started = performance.now();
  await promisify(execFile)('sh', ['-c', script], { cwd: dir });
  const seconds = (performance.now() - started) / 1000;
  execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'ca.pem'), path.join(dir, '0.crt')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const result = { key, certificates: opensslCerts, seconds, perSecond: opensslCerts / seconds };
  log(`openssl x509 -req loop ${key}: ${result.perSecond.toFixed(0)} certificates/s`);
  return result;
}

export async function runIssuanceBench(): Promise<IssuanceBenchResult> {
  const started = performance.now();
  const csrs = Array.from({ length: Number(args.csrs) }, (_, i) => makeCsr(i));
  log(`${csrs.length} CSRs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const result: IssuanceBenchResult = {
    concurrency,
    poolSize,
    csrPool: csrs.length,
    runs: [],
    opensslSpeed: [],
    opensslLoop: [],
  };
  for (const engine of engines)
    for (const key of keyTypes) result.runs.push(await runTeken(engine, key, csrs));
  if (args.peers) {
    for (const key of keyTypes) {
      result.opensslSpeed.push(opensslSpeed(key));
      result.opensslLoop.push(await opensslLoop(key, csrs));
    }
  }
  return result;
}

if (import.meta.filename === process.argv[1]) {
  const result = await runIssuanceBench();
  const json = JSON.stringify(result, null, 2);
  if (args.out) fs.writeFileSync(args.out, json);
  else console.log(json);
}
