/**
 * `npm run bench`: the OCSP, issuance, CRL, sign-in, CSV import, set-passphrase and time-stamping benchmarks, each in a process of its own,
 * each against peers measured in the same run; writes bench/RESULTS.md. See bench/README.md.
 * Usage: node --import tsx bench/run.ts [--only ocsp,issuance,crl,sign-in,csv-import,set-passphrase,tsa,pades,verify] [--quick]
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { CrlBenchResult } from './crl.js';
import type { CsvImportBenchResult } from './csv-import.js';
import type { IssuanceBenchResult } from './issuance.js';
import { foreignLoadMeter, machineBusy } from './lib/cpu.js';
import { machineInfo, type MachineInfo } from './lib/machine.js';
import { benchTmpDir, pgAdminUrl } from './lib/runtime.js';
import type { OcspBenchResult } from './ocsp.js';
import type { SetPassphraseBenchResult } from './set-passphrase.js';
import type { SignInBenchResult } from './sign-in.js';
import type { PadesBenchResult, PadesCase } from './pades.js';
import type { TsaBenchResult } from './tsa.js';
import type { VerifyBenchResult } from './verify.js';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: 'ocsp,issuance,crl,sign-in,csv-import,set-passphrase,tsa,pades,verify' },
    quick: { type: 'boolean', default: false },
    results: { type: 'string', default: path.join(import.meta.dirname, 'RESULTS.md') },
  },
});
const only = new Set(args.only.split(','));

function runBench(name: string, extra: string[]): Promise<unknown> {
  const out = path.join(benchTmpDir('results'), `${name}.json`);
  const started = performance.now();
  console.error(`\n== ${name}`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, `${name}.ts`), '--out', out, ...extra],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the ${name} benchmark failed (exit ${code})`));
      console.error(`== ${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
      resolve(JSON.parse(fs.readFileSync(out, 'utf8')));
    });
  });
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>('select version() as v');
    return rows[0]?.v.split(' on ')[0] ?? 'unknown';
  } catch (error) {
    throw new Error(`PostgreSQL is needed at ${pgAdminUrl} (TEKEN_BENCH_PG_URL)`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function requireTool(command: string, hint: string) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is not installed: ${hint}`);
  }
}

// --- formatting

/** Section: the CSV registration import against a plain COPY of the same rows (bench/csv-import.ts). */
export function csvImportSection(r: CsvImportBenchResult): string {
  const rows = r.runs.map((x) => [
    x.engine,
    n0(x.rows),
    `${n2(x.importSeconds)} s`,
    n0(x.rowsPerSecond),
    `${n2(x.importCpuSeconds)} s`,
    `${n2(x.copySeconds * 1000)} ms`,
    ratio(x.ofCopy),
    `${n2(x.bulkSeconds)} s (${n0(x.bulkRows)} rows)`,
    ratio(x.ofBulk),
    `${n0(x.peakRssMiB)} MiB`,
    `${n0(x.rssBeforeMiB)} MiB`,
    `${n0(x.peakRssMiB - x.rssBeforeMiB)} MiB`,
    `${x.stored.accounts} / ${x.stored.links} / ${x.stored.outbox} / ${x.stored.auditEvents}`,
    x.loadAverage.map(n1).join(' '),
  ]);
  const goals = r.runs
    .filter((x) => x.engine === 'postgres')
    .map(
      (x) =>
        `postgres ${n0(x.rows)}: ${ratio(x.ofCopy)} of COPY (goal ≥ 0.1×: ${verdict(x.ofCopy >= 0.1)}), ` +
        `${ratio(x.ofBulk)} of the bulk load of the same stored rows` +
        (x.rows === 10_000
          ? `, ${n2(x.importSeconds)} s (goal well under 5 s: ${verdict(x.importSeconds < 5)})`
          : ''),
    );
  const memory = r.runs
    .filter((x) => x.rows >= 100_000)
    .map(
      (x) =>
        `${x.engine}: peak RSS ${n0(x.peakRssMiB)} MiB, ${n0(x.peakRssMiB - x.rssBeforeMiB)} MiB above the ` +
        `process before the import (goal < 300 MiB: ${verdict(x.peakRssMiB < 300)})` +
        (x.engine === 'pglite' && r.pgliteFloorMiB !== undefined
          ? `; the bound: a process holding nothing but an open PGlite (\`select 1\`, no Teken code) ` +
            `already takes ${n0(r.pgliteFloorMiB)} MiB${r.pgliteFloorMiB >= 300 ? ', above the goal by itself' : ''}`
          : ''),
    );
  const delivery = r.runs
    .filter((x) => x.delivery)
    .map((x) => {
      const d = x.delivery!;
      return (
        `Delivery of the activation e-mails to the SMTP test server (${x.engine}): ${n0(d.messages)} ` +
        `in ${n1(d.seconds)} s, ${n1(d.perSecond)} messages/s (${n0(d.received)} received, ${n0(d.sentRows)} ` +
        `marked sent); the peer, plain pooled nodemailer with as many connections to the same server: ` +
        `${n0(d.peer.messages)} in ${n1(d.peer.seconds)} s, ${n1(d.peer.perSecond)} messages/s: Teken at ` +
        `${ratio(d.ofPeer)} of the peer.`
      );
    });
  return [
    '## 5. CSV registration import',
    '',
    'importRegistrations over a synthetic file (each row validated, its account, registration, activation link, sealed outbox message, two audit events and sealed report line stored; 500 rows per transaction), each run in a process of its own (`--max-semi-space-size=16`, see README). Ceilings in the same process: a plain `COPY` of the same file into a scratch table (2 text columns, right before), and the bulk load: every row the import stored, in all six tables, copied out and `COPY`ed back into the same tables (same indexes and foreign keys) in one transaction. CPU = the Node process during the import (the rest: waiting for the database). Stored = accounts / links / outbox / audit events.',
    '',
    table(
      [
        'engine',
        'rows',
        'import',
        'rows/s',
        'CPU',
        'COPY',
        'of COPY',
        'bulk load',
        'of bulk load',
        'peak RSS',
        'before',
        'peak − before',
        'stored',
        'load average',
      ],
      rows,
    ),
    '',
    ...goals.map((g) => `- ${g}`),
    ...memory.map((m) => `- ${m}`),
    ...delivery.map((d) => `- ${d}`),
  ].join('\n');
}

/** Section: set-passphrase issuance against its primitives (bench/set-passphrase.ts). */
export function setPassphraseSection(r: SetPassphraseBenchResult): string {
  const ms = (l: { p50: number; p99: number }) => `${n0(l.p50)} / ${n0(l.p99)}`;
  const rows = r.runs.map((x) => [
    x.key,
    `${n0(x.certificates)} in ${n1(x.seconds)} s`,
    n1(x.perSecond),
    ms(x.latencyMs),
    n1(x.primitives.perSecond),
    ratio(x.ofPrimitives),
    verdict(x.ofPrimitives >= 0.8),
    ms(x.unlock.sequentialMs),
    ms(x.unlock.concurrentMs),
    x.loadAverage.map(n1).join(' '),
  ]);
  return [
    '## 6. Set-passphrase issuance',
    '',
    `setPassphraseAsOperator on PostgreSQL, ${r.concurrency} requests in flight: the subscriber key pair generated, sealed twice (argon2id ${r.argon2.memoryKib} KiB, ${r.argon2.iterations} passes, ${r.argon2.parallelism} lane; then the master key), the certificate issued through the cycle (P-256 issuing CA) and everything stored. The peer, in the same process right after, on the same cores: the necessary primitives alone, also ${r.concurrency} in flight — one key generation, one argon2id derivation with the same cost and one signature by the same CA key per certificate. Unlock: argon2id + both layers opened through the attempt guard, the cost every signature pays, one at a time and ${r.concurrency} in flight.`,
    '',
    table(
      [
        'subscriber key',
        'run',
        'certificates/s',
        'p50 / p99 ms',
        'primitives/s',
        'of primitives',
        'goal ≥ 0.8×',
        'unlock p50 / p99 ms (1)',
        `unlock p50 / p99 ms (${r.concurrency})`,
        'load average',
      ],
      rows,
    ),
  ].join('\n');
}

/** Section: PAdES signing, Teken's engine against the @signpdf stack (bench/pades.ts). */
export function padesSection(r: PadesBenchResult): string {
  const ms = (l: { p50: number; p99: number }) => `${n1(l.p50)} / ${n1(l.p99)}`;
  const row = (c: PadesCase) => [
    c.stack,
    String(c.pages),
    c.level,
    c.visible ? 'visible' : 'invisible',
    String(c.count),
    ms(c.engineMs),
    ms(c.withUnlockMs),
  ];
  const peer = (c: PadesCase) =>
    r.signpdf.cases.find((p) => p.pages === c.pages && p.level === 'B-B' && !p.visible);
  const ratios = r.teken.cases
    .filter((c) => c.level === 'B-B' && !c.visible && peer(c))
    .map(
      (c) =>
        `${c.pages} page(s): ${ratio(peer(c)!.engineMs.p50 / c.engineMs.p50)} (goal ≥ 5×: ${verdict(peer(c)!.engineMs.p50 / c.engineMs.p50 >= 5)})`,
    );
  const visibleBt = r.teken.cases.find((c) => c.pages === 1 && c.level === 'B-T' && c.visible);
  return [
    '## 8. PAdES signing',
    '',
    `Teken's engine and the @signpdf stack (node-forge) on the same PDFs, each in a process of its own. With unlock: argon2id (${r.argon2.memoryKib} KiB, ${r.argon2.iterations} iterations) + unseal for Teken, the P12 parse for @signpdf. Peak RSS: Teken ${n0(r.teken.peakRssMiB)} MiB, @signpdf ${n0(r.signpdf.peakRssMiB)} MiB.`,
    '',
    table(
      ['stack', 'pages', 'level', 'widget', 'runs', 'engine p50 / p99 ms', 'with unlock p50 / p99 ms'],
      [...r.teken.cases.map(row), ...r.signpdf.cases.map(row)],
    ),
    '',
    `B-B speed-up over @signpdf (p50): ${ratios.join('; ')}.` +
      (visibleBt
        ? ` Visible B-T of 1 page with unlock: ${n1(visibleBt.withUnlockMs.p50)} ms p50 (goal < 60 ms: ${verdict(visibleBt.withUnlockMs.p50 < 60)}).`
        : '') +
      (r.teken.batch
        ? ` Batch: ${r.teken.batch.documents} documents in ${n2(r.teken.batch.seconds)} s, ${n0(r.teken.batch.perSecond)}/s (goal ≥ 150/s: ${verdict(r.teken.batch.perSecond >= 150)}).`
        : ''),
  ].join('\n');
}

/** Section: verification of a 10-signature PDF against pdfsig (bench/verify.ts). */
export function verifySection(r: VerifyBenchResult): string {
  return [
    '## 9. PDF verification',
    '',
    `The one validator on a ${r.signatures}-signature PDF (${n0(r.fileBytes / 1024)} KiB, B-T and the last B-LT, ${r.iterations} runs, verdict ${r.conclusion}) and poppler's pdfsig on the same file, a process per run (${r.pdfsigRuns} runs; it says every signature valid: ${r.pdfsigAllValid ? 'yes' : 'no'}). Peak RSS ${n0(r.peakRssMiB)} MiB.`,
    '',
    table(
      ['engine', 'p50 ms', 'p99 ms'],
      [
        ['Teken validatePdf', n1(r.tekenMs.p50), n1(r.tekenMs.p99)],
        ...(r.tekenUncachedMs
          ? [
              [
                'Teken validatePdf, caches emptied before each run',
                n1(r.tekenUncachedMs.p50),
                n1(r.tekenUncachedMs.p99),
              ],
            ]
          : []),
        ['pdfsig', n1(r.pdfsigMs.p50), n1(r.pdfsigMs.p99)],
      ],
    ),
    '',
    `Teken / pdfsig (p50): ${ratio(r.tekenMs.p50 / r.pdfsigMs.p50)}; goal < 300 ms p50: ${verdict(r.tekenMs.p50 < 300)}.` +
      (r.tekenCpuMs !== undefined
        ? ` Teken's CPU time per validation: ${n1(r.tekenCpuMs)} ms (mean); the first validation in the process (caches empty, code not yet optimised): ${n1(r.tekenColdMs)} ms.`
        : '') +
      (r.loadAverage
        ? ` Load average (1 min) ${r.loadAverage.before.toFixed(1)} before and ${r.loadAverage.after.toFixed(1)} after, on ${os.cpus().length} cores.`
        : ''),
    '',
    'What the profile showed (`node --cpu-prof` over this benchmark): PKI.js parsing the 20 SignedData ' +
      '(10 signatures, 10 time-stamp tokens) and re-encoding their 40 certificates took four fifths of the ' +
      'time (534 ms p50 before). They are now read with the DER reader (src/pki/read-signed-data.ts, PKI.js ' +
      'only for BER and the rarer shapes), certificates kept as the document holds them, and each distinct ' +
      "certificate, public key, issuer check, OCSP response and CRL parsed or checked once (a signer's status " +
      'once per validation, however many signatures share it). What remains is mostly @libpdf/core parsing ' +
      'the signature dictionaries and the objects of each revision the update check compares.',
  ].join('\n');
}

/** Section: the time-stamping authority against a bare signature and openssl ts -reply (bench/tsa.ts). */
export function tsaSection(r: TsaBenchResult): string {
  const ms = (l: { p50: number; p99: number }) => `${n1(l.p50)} / ${n1(l.p99)}`;
  const rows = r.runs.map((x) => [
    x.engine,
    n0(x.timestamp.perSecond),
    ms(x.timestamp.latencyMs),
    n0(x.timestamp.cpuMicrosPerToken),
    n0(x.respond.perSecond),
    ms(x.respond.latencyMs),
    n0(x.encodeAndSign.perSecond),
    n0(x.encodeAndSignPkijs.perSecond),
    n0(x.signature.perSecond),
    ratio(x.timestamp.perSecond / x.signature.perSecond),
    ratio(x.timestamp.perSecond / r.openssl.perSecond),
    n0(x.stored),
    x.loadAverage.map(n1).join(' '),
  ]);
  return [
    '## 7. Time-stamping',
    '',
    `RFC 3161 tokens from the TSA unit (${r.key}), ${r.concurrency} in flight, in one process per engine. ` +
      '`timestamp`: what the PAdES signer calls (unit checked, token recorded in `time_stamp_tokens` by group commit, ' +
      'TSTInfo and SignedData written, signed); `respond`: what `POST /tsa` does besides HTTP (the `openssl ts -query` ' +
      'request parsed, then the same, and the TimeStampResp). Peers in the same process right after, same key, same ' +
      'concurrency: the token written and signed without the database (DER writer, and the PKI.js encoder it replaced, ' +
      'which writes the same bytes), and the bare signature. And `openssl ts -reply` with a P-256 TSA of its own, one ' +
      `process per token as a shell loop runs it (OpenSSL has no TSA server): ${n0(r.openssl.tokens)} tokens in ` +
      `${n2(r.openssl.seconds)} s, ${n1(r.openssl.perSecond)} tokens/s.`,
    '',
    table(
      [
        'engine',
        'timestamp tokens/s',
        'p50 / p99 ms',
        'CPU µs/token',
        'respond /s',
        'p50 / p99 ms',
        'written + signed /s',
        'with PKI.js /s',
        'signatures/s',
        'of signature',
        'of openssl ts -reply',
        'rows stored',
        'load average',
      ],
      rows,
    ),
  ].join('\n');
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);
const n2 = (x: number) => x.toFixed(2);
const ratio = (x: number) => `${x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function machineSection(m: MachineInfo, busy: number, other: { cpuSeconds: number; share: number }): string {
  return [
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['date', m.date],
        ['nproc', String(m.nproc)],
        ['CPU', m.cpu],
        ['memory', `${m.memoryGiB} GiB`],
        ['kernel', m.kernel],
        ['Node.js', `${m.node} (OpenSSL ${m.nodeOpenssl})`],
        ['OpenSSL (CLI)', m.openssl],
        ['PostgreSQL', `${m.postgres} (local, default settings, fsync on)`],
        ['load generator', m.wrk],
        ['busy before the run', `${(busy * 100).toFixed(0)} % of all CPUs, over 3 s`],
        [
          'other work during the run',
          `${n0(other.cpuSeconds)} CPU-seconds, ${(other.share * 100).toFixed(0)} % of the machine ` +
            '(busy time not used by the benchmarks, their children or PostgreSQL)',
        ],
      ],
    ),
  ].join('\n');
}

function ocspSection(r: OcspBenchResult): string {
  const find = (prefix: string) => r.targets.find((t) => t.name.startsWith(prefix));
  const openssl = find('openssl');
  const ceiling = find('ceiling');
  const tekens = r.targets.filter((t) => t.name.startsWith('teken'));
  const rows = r.targets.map((t) => [
    t.name,
    n0(t.requestsPerSecond),
    t.rounds.map(n0).join(', '),
    n2(t.latencyMs.p50),
    n2(t.latencyMs.p99),
    n1(t.serverCpuMicrosPerRequest),
    String(Object.values(t.errors).reduce((a, b) => a + b, 0)),
  ]);
  type T = (typeof r.targets)[number];
  const cpuRatio = (t: T, peer: T) =>
    `${ratio(t.requestsPerSecond / peer.requestsPerSecond)} (CPU per request ${ratio(peer.serverCpuMicrosPerRequest / t.serverCpuMicrosPerRequest)})`;
  const ratios = tekens.flatMap((t) => [
    ...(openssl
      ? [
          [
            `${t.name} / ${openssl.name}`,
            cpuRatio(t, openssl),
            '≥ 20×',
            verdict(t.requestsPerSecond / openssl.requestsPerSecond >= 20),
          ],
        ]
      : []),
    ...(ceiling
      ? [
          [
            `${t.name} / ceiling`,
            cpuRatio(t, ceiling),
            '≥ 0.5×',
            verdict(t.requestsPerSecond / ceiling.requestsPerSecond >= 0.5),
          ],
        ]
      : []),
  ]);
  if (ceiling && openssl) {
    // What any server could reach in this harness: the static server's own ratio to OpenSSL.
    ratios.push([`ceiling / ${openssl.name}`, cpuRatio(ceiling, openssl), '(bound)', '']);
  }
  return [
    '## 1. OCSP responder',
    '',
    `POST /ocsp, RFC 5019 requests (SHA-1 CertID, no nonce) rotating over ${n0(r.certificates)} certificates of the ` +
      `individual CA (${r.revoked} of them revoked), ${r.connections} keep-alive connections, one wrk thread, ` +
      `${r.rounds} rounds of ${r.seconds} s that interleave the targets (after a warm-up each). requests/s is the ` +
      "median round, latencies are that round's; server CPU is user + system time of the server process(es) per " +
      'request over all rounds (less sensitive to other load on the machine than requests/s).',
    '',
    table(['target', 'requests/s', 'rounds', 'p50 ms', 'p99 ms', 'server CPU µs/request', 'errors'], rows),
    '',
    table(['ratio', 'requests/s (and inverse CPU per request)', 'goal (requests/s)', ''], ratios),
    '',
    'Checked before the load, with `openssl ocsp -CAfile root+individual`: ' +
      Object.entries(r.checks)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ') +
      '.',
    ...(r.notes.length > 0 ? ['', ...r.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}

function issuanceSection(r: IssuanceBenchResult): string {
  const rows = r.runs.map((run) => {
    const loop = r.opensslLoop.find((l) => l.key === run.key);
    const speed = r.opensslSpeed.find((s) => s.key === run.key);
    return [
      run.engine,
      run.key,
      n0(run.perSecond),
      `${n0(run.certificates)} in ${n2(run.seconds)} s`,
      `${n0(run.latencyMs.p50)} / ${n0(run.latencyMs.p99)}`,
      loop ? ratio(run.perSecond / loop.perSecond) : '–',
      speed ? `${((run.perSecond / speed.signPerSecond) * 100).toFixed(1)} %` : '–',
      run.engine === 'postgres' ? `${verdict(run.perSecond >= 1000)} (1,000/s)` : '',
    ];
  });
  const peers = [
    ...r.opensslSpeed.map((s) => [
      `openssl speed -seconds 3 -multi 2 ecdsa${s.key}`,
      `${n0(s.signPerSecond)} signatures/s`,
    ]),
    ...r.opensslLoop.map((l) => [
      `openssl x509 -req loop, ${l.key} CA (shell loop, one process per certificate)`,
      `${n1(l.perSecond)} certificates/s (${l.certificates} in ${n2(l.seconds)} s)`,
    ]),
  ];
  const stored = r.runs
    .map(
      (run) =>
        `${run.engine}/${run.key}: ${n0(run.stored.issued)} issued, ${n0(run.stored.withOcsp)} with an OCSP response, ` +
        `${n0(run.stored.auditEvents)} certificate.issue audit events, ${run.stored.pending} pending`,
    )
    .join('; ');
  return [
    '## 2. Issuance from CSRs',
    '',
    `issueFromCsr (PEM CSR parsed and its signature checked, profile \`individual\`, P-256 subscriber keys ` +
      `from a pool of ${n0(r.csrPool)} CSRs), ${r.concurrency} issuances in flight, PostgreSQL pool of ${r.poolSize}; ` +
      'the audit sealer runs every second as under `teken serve`. Each certificate is recorded before it is ' +
      'signed and stored with its OCSP response and audit event in one transaction.',
    '',
    table(
      [
        'database',
        'CA key',
        'certificates/s',
        'run',
        'latency p50 / p99 ms',
        '/ openssl x509 loop',
        'of openssl speed',
        'goal',
      ],
      rows,
    ),
    '',
    table(['peer (same run)', 'rate'], peers),
    '',
    `Stored afterwards (warm-up included): ${stored}.`,
    '',
    'Published anchors, for context only (other hardware): XiPKI about 630 certificates/s, EJBCA 20–200/s.',
  ].join('\n');
}

function crlSection(r: CrlBenchResult): string {
  const best = (runs: { seconds: number }[]) => Math.min(...runs.map((x) => x.seconds));
  const rows = [
    ...r.teken.map((t, i) => [
      `Teken generateCrl, run ${i + 1}`,
      n2(t.seconds),
      `${n0(t.peakRssMiB)} (${n0(t.baseRssMiB ?? 0)} before)`,
      `${n1(t.bytes / 2 ** 20)} MiB DER`,
    ]),
    ...r.openssl.map((t, i) => [
      `openssl ca -gencrl, run ${i + 1}`,
      n2(t.seconds),
      n0(t.peakRssMiB),
      `${n1(t.bytes / 2 ** 20)} MiB PEM`,
    ]),
  ];
  const teken = best(r.teken);
  const openssl = best(r.openssl);
  const peak = Math.max(...r.teken.map((t) => t.peakRssMiB));
  return [
    '## 3. CRL with 1,000,000 revoked certificates',
    '',
    `${n0(r.entries)} revoked certificates of the individual CA in PostgreSQL (random 20-byte serials, reasons 0–5, ` +
      `inserted in ${n1(r.insertSeconds)} s); generateCrl in a fresh process (reads, encodes, signs with the ${r.key} ` +
      'CA key, stores the CRL, audits; peak RSS is VmHWM of the whole process). Peer: `openssl ca -gencrl` over an ' +
      `index.txt with the same serials, dates and reasons and a ${r.key} CA key, under \`/usr/bin/time -v\`.`,
    '',
    table(['run', 'seconds', 'peak RSS MiB', 'output'], rows),
    '',
    table(
      ['', 'measured', 'goal', ''],
      [
        ['Teken time (best run)', `${n2(teken)} s`, '< 10 s', verdict(teken < 10)],
        ['Teken peak RSS (worst run)', `${n0(peak)} MiB`, '< 1 GiB', verdict(peak < 1024)],
        ['openssl time / Teken time', ratio(openssl / teken), '> 1×', verdict(openssl > teken)],
      ],
    ),
    '',
    `Both verified with \`openssl crl -CAfile\`: Teken ${r.verified.teken}; OpenSSL ${r.verified.openssl}.`,
  ].join('\n');
}

function signInSection(r: SignInBenchResult): string {
  const rows = r.runs.map((run) => [
    run.engine,
    n0(run.perSecond),
    `${n0(run.requests)} in ${n1(run.seconds)} s`,
    `${n0(run.p50Ms)} / ${n0(run.p90Ms)} / ${n0(run.p99Ms)} / ${n0(run.maxMs)}`,
    String(run.failures),
    `${ratio(run.perSecond / r.ceilingPerSecond)}`,
    verdict(run.p99Ms < 1000 && run.failures === 0),
  ]);
  return [
    '## 4. Sign-in',
    '',
    `\`POST /api/v1/auth/sign-in\` (username and password: account lookup, both throttle counters, the ` +
      `argon2id check, a partial session) by ${r.runs[0]?.users ?? 50} concurrent users against \`teken serve\`; ` +
      'wrk in its own process, one keep-alive connection per user, the bodies rotating over the accounts; ' +
      'after a 3 s warm-up. Hashes: ' +
      `${r.hashParameters}, ${n1(r.hashMs)} ms for one hash alone in this run; at most one hash per core runs at ` +
      `once. The ceiling is what the hash alone allows: ${r.cores} cores / ${n1(r.hashMs)} ms = ` +
      `${n0(r.ceilingPerSecond)}/s.`,
    '',
    table(
      [
        'database',
        'sign-ins/s',
        'run',
        'latency p50 / p90 / p99 / max ms',
        'failures',
        'of the hash ceiling',
        'goal (p99 < 1 s)',
      ],
      rows,
    ),
  ].join('\n');
}

// --- main

requireTool('wrk', 'apt-get install -y wrk (see bench/README.md)');
requireTool('openssl', 'apt-get install -y openssl');
requireTool('psql', 'apt-get install -y postgresql-client');
if (!fs.existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed: apt-get install -y time');
const machine = machineInfo(await postgresVersion());
// The machine may be shared: how busy it is before anything of ours runs.
const busyBefore = await machineBusy(3000);
console.error(`machine busy before the run: ${(busyBefore * 100).toFixed(0)} % of ${machine.nproc} CPUs`);
const foreign = foreignLoadMeter();
const started = performance.now();
const quick = args.quick;
const ocsp = only.has('ocsp')
  ? ((await runBench(
      'ocsp',
      quick ? ['--seconds', '3', '--warmup', '1', '--certs', '200'] : [],
    )) as OcspBenchResult)
  : undefined;
const issuance = only.has('issuance')
  ? ((await runBench(
      'issuance',
      quick ? ['--count', '300', '--warmup', '50', '--openssl-certs', '20', '--csrs', '100'] : [],
    )) as IssuanceBenchResult)
  : undefined;
const crl = only.has('crl')
  ? ((await runBench('crl', quick ? ['--count', '100000', '--runs', '1'] : [])) as CrlBenchResult)
  : undefined;
const signIn = only.has('sign-in')
  ? ((await runBench('sign-in', quick ? ['--seconds', '5'] : [])) as SignInBenchResult)
  : undefined;
const csvImport = only.has('csv-import')
  ? ((await runBench('csv-import', quick ? ['--sizes', '1000'] : [])) as CsvImportBenchResult)
  : undefined;
const setPassphrase = only.has('set-passphrase')
  ? ((await runBench('set-passphrase', quick ? ['--count', '30'] : [])) as SetPassphraseBenchResult)
  : undefined;
const tsa = only.has('tsa')
  ? ((await runBench('tsa', quick ? ['--count', '500', '--openssl-count', '20'] : [])) as TsaBenchResult)
  : undefined;
const pades = only.has('pades')
  ? ((await runBench('pades', quick ? ['--iterations', '30'] : [])) as PadesBenchResult)
  : undefined;
const verify = only.has('verify')
  ? ((await runBench('verify', quick ? ['--iterations', '10'] : [])) as VerifyBenchResult)
  : undefined;
const minutes = (performance.now() - started) / 60_000;
const other = foreign();
other.cpuSeconds = Math.max(0, other.cpuSeconds - (ocsp?.unreapedCpuSeconds ?? 0));
other.share = other.cpuSeconds / (other.seconds * machine.nproc);
console.error(
  `other work on the machine during the run: ${other.cpuSeconds.toFixed(0)} CPU-seconds (${(other.share * 100).toFixed(0)} %)`,
);

// With --only, the sections not run this time are kept from the results file as it was.
const previous = fs.existsSync(args.results) ? fs.readFileSync(args.results, 'utf8') : '';
const kept = (heading: string): string[] => {
  const start = previous.indexOf(`\n${heading}`);
  if (start < 0) return [];
  const end = previous.indexOf('\n## ', start + 1);
  const note =
    '(Kept from the previous results file: not run this time; the Machine section is of the run that wrote section 5.)';
  const text = previous
    .slice(start + 1, end < 0 ? undefined : end)
    .replace(note, '')
    .trimEnd();
  return ['', text, '', note];
};
const section = (text: string | undefined, heading: string) => (text ? ['', text] : kept(heading));

const sections = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\`${quick ? ' --quick (reduced sizes: not the reference figures)' : ''} on ` +
    `${machine.date.slice(0, 10)} in ${minutes.toFixed(1)} minutes. How to run and what each figure means: ` +
    '[README.md](README.md). Every ratio compares figures measured in this same run, on this same machine; the ' +
    'load generator, the database and the peers share its cores with Teken.',
  '',
  machineSection(machine, busyBefore, other),
  ...section(ocsp && ocspSection(ocsp), '## 1. '),
  ...section(issuance && issuanceSection(issuance), '## 2. '),
  ...section(crl && crlSection(crl), '## 3. '),
  ...section(signIn && signInSection(signIn), '## 4. '),
  ...section(csvImport && csvImportSection(csvImport), '## 5. '),
  ...section(setPassphrase && setPassphraseSection(setPassphrase), '## 6. '),
  ...section(tsa && tsaSection(tsa), '## 7. '),
  ...section(pades && padesSection(pades), '## 8. '),
  ...section(verify && verifySection(verify), '## 9. '),
  '',
];
fs.writeFileSync(args.results, sections.join('\n'));
console.error(`\nwrote ${args.results} (${minutes.toFixed(1)} min)`);
