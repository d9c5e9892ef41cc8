/**
 * OCSP benchmark: Teken's POST /ocsp against `openssl ocsp` serving the same CA and a plain
 * node:http server answering one fixed response (the ceiling), all driven by the same wrk client.
 * Usage: node --import tsx bench/ocsp.ts [--out result.json] [--engines pglite,postgres]
 *   [--certs 1000] [--seconds 10] [--connections 64]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { issueCertificate, type IssuedCertificate } from '../src/authority/issue-certificate.js';
import { revokeCertificate } from '../src/authority/revoke-certificate.js';
import type { RevocationReasonName } from '../src/authority/revocation-reasons.js';
import { toPem } from '../src/pki/certificate-assembly.js';
import { startServer, type RunningServer } from '../src/runtime/start-server.js';
import { profiled } from './lib/profile.js';
import { indexLine } from './lib/openssl-index.js';
import { ocspRequestDer } from './lib/ocsp-request.js';
import { freePort, startBackground, type Background } from './lib/processes.js';
import { benchDatabase, benchTmpDir, initialiseHierarchy, type Engine } from './lib/runtime.js';
import { runWrk, writeBodies, type WrkResult } from './lib/wrk.js';
import { cpuMeter } from './lib/cpu.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    engines: { type: 'string', default: 'pglite,postgres' },
    certs: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    peers: { type: 'boolean', default: true },
    'no-peers': { type: 'boolean', default: false },
  },
});
const engines = args.engines.split(',') as Engine[];
const certCount = Number(args.certs);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const rounds = Number(args.rounds);
const connections = Number(args.connections);
if (args['no-peers']) args.peers = false;
const revokedShare = 0.1;
const reasons: RevocationReasonName[] = [
  'keyCompromise',
  'superseded',
  'affiliationChanged',
  'cessationOfOperation',
  'unspecified',
];

export interface OcspTargetResult extends WrkResult {
  name: string;
  /** Requests/s of each round (the figure reported is their median). */
  rounds: number[];
  /** CPU time of the server process(es) per request, over all rounds (robust to background load). */
  serverCpuMicrosPerRequest: number;
}

export interface OcspBenchResult {
  certificates: number;
  revoked: number;
  connections: number;
  seconds: number;
  rounds: number;
  targets: OcspTargetResult[];
  /** Checked with `openssl ocsp` before the load: what each target answered for a good and a revoked serial. */
  checks: Record<string, string>;
  notes: string[];
  /**
   * CPU seconds of OpenSSL's responder workers: they are killed with their group, so nobody of ours
   * reaps them and the run's accounting of other load on the machine has to leave them out by hand.
   */
  unreapedCpuSeconds: number;
}

function log(message: string) {
  console.error(`[ocsp] ${message}`);
}

async function inPool<T>(count: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

interface Prepared {
  engine: Engine;
  server: RunningServer;
  dir: string;
  issued: IssuedCertificate[];
  revoked: Map<string, { revokedAt: Date; reason: number }>;
  bodies: string;
  files: { ca: string; bundle: string };
  dispose(): Promise<void>;
}

const reasonCodes: Record<string, number> = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
};

async function prepareTeken(engine: Engine): Promise<Prepared> {
  const database = await benchDatabase(engine);
  const server = await startServer(database.config, {
    beforeListen: async (rt) => {
      await initialiseHierarchy(rt.authority, 'bench');
    },
  });
  const { rt } = server;
  const dir = benchTmpDir('ocsp');
  const ca = await rt.registry.get('individual');
  // Subscriber keys play no part in OCSP: one P-256 key for all certificates.
  const spkiDer = new Uint8Array(
    crypto
      .generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'der' }),
  );
  const started = performance.now();
  const issued = await inPool(certCount, 16, (i) =>
    issueCertificate(rt.authority, {
      caId: 'individual',
      profile: 'individual',
      subject: [
        { type: 'C', oid: '2.5.4.6', value: 'ID' },
        { type: 'CN', oid: '2.5.4.3', value: `Bench Subscriber ${i}` },
      ],
      altNames: [],
      spkiDer,
      actor: 'bench',
    }),
  );
  const revoked = new Map<string, { revokedAt: Date; reason: number }>();
  const toRevoke = issued.filter((_, i) => i % Math.round(1 / revokedShare) === 0);
  await inPool(toRevoke.length, 8, async (i) => {
    const reason = reasons[i % reasons.length]!;
    const result = await revokeCertificate(rt.authority, {
      serial: toRevoke[i]!.serialHex,
      caId: 'individual',
      reason,
      actor: 'bench',
    });
    revoked.set(result.serialHex, { revokedAt: result.revokedAt, reason: reasonCodes[reason]! });
  });
  log(
    `${engine}: issued ${issued.length}, revoked ${revoked.size} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const bodies = writeBodies(issued.map((c) => ocspRequestDer(ca.subjectDer, ca.spkiDer, c.serialHex)));
  const caFile = path.join(dir, 'individual.pem');
  fs.writeFileSync(caFile, toPem(ca.certificateDer));
  const root = await rt.registry.get('root');
  const bundle = path.join(dir, 'bundle.pem');
  fs.writeFileSync(bundle, toPem(root.certificateDer) + toPem(ca.certificateDer));
  return {
    engine,
    server,
    dir,
    issued,
    revoked,
    bodies,
    files: { ca: caFile, bundle },
    dispose: async () => {
      await server.close();
      await database.dispose();
    },
  };
}

/** Asks a responder about one serial with `openssl ocsp` (asynchronously: Teken runs in this process). */
async function askOpenssl(url: string, p: Prepared, serialHex: string): Promise<string> {
  const { stdout: out } = await promisify(execFile)(
    'openssl',
    [
      'ocsp',
      '-issuer',
      p.files.ca,
      '-serial',
      `0x${serialHex}`,
      '-url',
      url,
      '-CAfile',
      p.files.bundle,
      '-no_nonce',
    ],
    { encoding: 'utf8' },
  );
  const status = out.split('\n').find((l) => l.startsWith('0x'));
  if (!status) throw new Error(`openssl ocsp printed no status:\n${out}`);
  return status.replace(/^0x[0-9a-fA-F]+: /, '').trim();
}

async function check(name: string, url: string, p: Prepared, checks: Record<string, string>) {
  const good = p.issued.find((c) => !p.revoked.has(c.serialHex))!;
  const bad = p.issued.find((c) => p.revoked.has(c.serialHex))!;
  const answers = [await askOpenssl(url, p, good.serialHex), await askOpenssl(url, p, bad.serialHex)];
  if (answers[0] !== 'good' || answers[1] !== 'revoked')
    throw new Error(`${name} answered ${answers.join(', ')} (expected good, revoked)`);
  checks[name] = `good → ${answers[0]}, revoked → ${answers[1]} (response verified by openssl ocsp)`;
}

interface Peer {
  /** Starts the peer; OpenSSL is started afresh for each wrk run (see README: it spins after one). */
  start(workers?: number): Promise<{ url: string; process: Background }>;
}

async function opensslPeer(p: Prepared): Promise<Peer> {
  const { rt } = p.server;
  // OpenSSL signs with its own delegated responder certificate, issued by the same CA through
  // Teken's issuance cycle (profile ocsp-responder), with a P-256 key like Teken's responder.
  const keyPair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const responder = await issueCertificate(rt.authority, {
    caId: 'individual',
    profile: 'ocsp-responder',
    subject: [
      { type: 'C', oid: '2.5.4.6', value: 'ID' },
      { type: 'CN', oid: '2.5.4.3', value: 'OpenSSL Bench OCSP Responder' },
    ],
    altNames: [],
    spkiDer: new Uint8Array(keyPair.publicKey.export({ type: 'spki', format: 'der' })),
    actor: 'bench',
    internal: true,
  });
  const keyFile = path.join(p.dir, 'responder.key');
  fs.writeFileSync(keyFile, keyPair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const certFile = path.join(p.dir, 'responder.pem');
  fs.writeFileSync(certFile, responder.pem);
  const index = path.join(p.dir, 'index.txt');
  fs.writeFileSync(
    index,
    p.issued
      .map((c) => {
        const r = p.revoked.get(c.serialHex);
        return indexLine({
          serialHex: c.serialHex,
          notAfter: c.notAfter,
          revokedAt: r?.revokedAt,
          reason: r?.reason,
          subject: `/C=ID/CN=${c.subject}`,
        });
      })
      .join(''),
  );
  return {
    start: async (workers?: number) => {
      const port = await freePort();
      const child = startBackground(
        'openssl',
        [
          'ocsp',
          '-port',
          String(port),
          '-index',
          index,
          '-CA',
          p.files.ca,
          '-rsigner',
          certFile,
          '-rkey',
          keyFile,
          '-resp_key_id',
          '-nmin',
          '1',
          ...(workers ? ['-multi', String(workers)] : []),
        ],
        { group: true },
      );
      // Not a probe connection: an OpenSSL 3.0 worker that sees a connection close without a
      // request spins at 100 % CPU from then on (see README). The socket listens once ACCEPT is printed.
      try {
        const accept = await child.firstLine;
        if (!accept.startsWith('ACCEPT')) throw new Error(`openssl ocsp said ${accept}`);
      } catch (error) {
        await child.stop();
        throw error;
      }
      return { url: `http://127.0.0.1:${port}/`, process: child };
    },
  };
}

async function ceilingPeer(p: Prepared): Promise<Peer> {
  // One real pre-signed response of Teken's, served as is.
  const body = path.join(p.dir, 'fixed-response.der');
  const first = p.issued.find((c) => !p.revoked.has(c.serialHex))!;
  const ca = await p.server.rt.registry.get('individual');
  const response = await fetch(`${p.server.url}/ocsp`, {
    method: 'POST',
    headers: { 'content-type': 'application/ocsp-request' },
    body: ocspRequestDer(ca.subjectDer, ca.spkiDer, first.serialHex),
  });
  fs.writeFileSync(body, Buffer.from(await response.arrayBuffer()));
  return {
    start: async () => {
      const child = startBackground(process.execPath, [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'lib', 'ceiling-server.ts'),
        body,
      ]);
      const port = Number(await child.firstLine);
      return { url: `http://127.0.0.1:${port}/ocsp`, process: child };
    },
  };
}

/** A load target: started (again) for each run or kept running, with a meter of its server CPU time. */
interface Target {
  name: string;
  /** Starts the target if needed; returns its URL, a CPU meter and how to stop it after the run. */
  open(): Promise<{ url: string; cpu: () => number; close(): Promise<void> }>;
  runs: (WrkResult & { cpuSeconds: number })[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarise(target: Target): OcspTargetResult {
  // The round with the median throughput stands for the target; the CPU cost is over all rounds.
  const byRate = [...target.runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const mid = byRate[Math.floor((byRate.length - 1) / 2)]!;
  const requests = target.runs.reduce((a, r) => a + r.requests, 0);
  const cpu = target.runs.reduce((a, r) => a + r.cpuSeconds, 0);
  return {
    ...mid,
    name: target.name,
    requestsPerSecond: median(target.runs.map((r) => r.requestsPerSecond)),
    rounds: target.runs.map((r) => Math.round(r.requestsPerSecond)),
    serverCpuMicrosPerRequest: requests > 0 ? (cpu / requests) * 1e6 : 0,
  };
}

export async function runOcspBench(): Promise<OcspBenchResult> {
  const result: OcspBenchResult = {
    certificates: certCount,
    revoked: 0,
    connections,
    seconds,
    rounds,
    targets: [],
    checks: {},
    notes: [],
    unreapedCpuSeconds: 0,
  };
  const prepared: Prepared[] = [];
  const stops: (() => Promise<void>)[] = [];
  try {
    for (const engine of engines) prepared.push(await prepareTeken(engine));
    const targets: Target[] = [];
    const first = prepared[0]!;
    result.revoked = first.revoked.size;
    if (args.peers) {
      // Peers serve the first engine's CA and certificates.
      const openssl = await opensslPeer(first);
      const probe = await openssl.start();
      try {
        await check('openssl', probe.url, first, result.checks);
      } finally {
        await probe.process.stop();
      }
      // With a worker per core: without -multi, OpenSSL 3.0's responder answers none of wrk's
      // keep-alive requests (checked: 0 in 3 s, none logged; curl's one-shot requests work).
      targets.push({
        name: 'openssl ocsp -port -multi 2',
        // Started afresh for every run: its workers spin after a client closes a connection.
        open: async () => {
          const { url, process: child } = await openssl.start(2);
          return { url, cpu: cpuMeter({ pgid: child.child.pid! }), close: () => child.stop() };
        },
        runs: [],
      });
      const ceiling = await (await ceilingPeer(first)).start();
      stops.push(() => ceiling.process.stop());
      targets.push({
        name: 'ceiling (node:http, fixed body)',
        open: () =>
          Promise.resolve({
            url: ceiling.url,
            cpu: cpuMeter({ pid: ceiling.process.child.pid! }),
            close: () => Promise.resolve(),
          }),
        runs: [],
      });
    }
    for (const p of prepared) {
      const url = `${p.server.url}/ocsp`;
      await check(`teken (${p.engine})`, url, p, result.checks);
      targets.push({
        name: `teken (${p.engine})`,
        open: () => Promise.resolve({ url, cpu: cpuMeter({ self: true }), close: () => Promise.resolve() }),
        runs: [],
      });
    }
    // Warm-up, then rounds that interleave the targets, so that a change in the machine's
    // background load (it is shared) hits all of them alike.
    const bodiesOf = (target: Target) =>
      prepared.find((p) => target.name.includes(p.engine))?.bodies ?? first.bodies;
    for (const target of targets) {
      const t = await target.open();
      try {
        await runWrk({ url: t.url, bodiesFile: bodiesOf(target), connections, seconds: warmup });
        if (target.name.startsWith('openssl')) result.unreapedCpuSeconds += t.cpu();
      } finally {
        await t.close();
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) {
        const t = await target.open();
        try {
          const bodies = bodiesOf(target);
          const run = await profiled(`ocsp-${target.name}-${round}`, () =>
            runWrk({ url: t.url, bodiesFile: bodies, connections, seconds }),
          );
          const cpuSeconds = t.cpu();
          if (target.name.startsWith('openssl')) result.unreapedCpuSeconds += cpuSeconds;
          target.runs.push({ ...run, cpuSeconds });
          log(
            `round ${round + 1} ${target.name}: ${run.requestsPerSecond.toFixed(0)} req/s, p99 ${run.latencyMs.p99.toFixed(2)} ms, ` +
              `server CPU ${((cpuSeconds / run.requests) * 1e6).toFixed(1)} µs/request, errors ${JSON.stringify(run.errors)}`,
          );
        } finally {
          await t.close();
        }
      }
    }
    result.targets = targets.map(summarise);
    return result;
  } finally {
    for (const stop of stops) await stop();
    for (const p of prepared) await p.dispose();
  }
}

if (import.meta.filename === process.argv[1]) {
  const result = await runOcspBench();
  const json = JSON.stringify(result, null, 2);
  if (args.out) fs.writeFileSync(args.out, json);
  else console.log(json);
}
