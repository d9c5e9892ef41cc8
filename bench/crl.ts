/**
 * CRL benchmark: 1,000,000 revoked certificates of the `individual` CA in PostgreSQL, then
 * generateCrl (in a process of its own, timed, with its peak RSS) against `openssl ca -gencrl` on an
 * OpenSSL CA database with the same serials, dates and reasons and a CA key of the same type.
 * Usage: node --import tsx bench/crl.ts [--out result.json] [--count 1000000] [--runs 2]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { createLogger } from '../src/runtime/logger.js';
import { openRuntime } from '../src/runtime/open-runtime.js';
import { benchDatabase, benchTmpDir, initialiseHierarchy } from './lib/runtime.js';
import { toPem } from '../src/pki/certificate-assembly.js';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    count: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '2' },
  },
});
const count = Number(args.count);
const runs = Number(args.runs);

export interface CrlRun {
  seconds: number;
  peakRssMiB: number;
  /** Teken: peak RSS of the process before generateCrl (Node, tsx, the runtime). */
  baseRssMiB?: number;
  bytes: number;
  entries: number;
}

export interface CrlBenchResult {
  entries: number;
  key: string;
  insertSeconds: number;
  teken: CrlRun[];
  openssl: CrlRun[];
  verified: Record<string, string>;
}

function log(message: string) {
  console.error(`[crl] ${message}`);
}

/** Runs a command under /usr/bin/time -v: wall time and maximum resident set size. */
async function timed(command: string, argv: string[], cwd: string) {
  const { stderr } = await run('/usr/bin/time', ['-v', command, ...argv], { cwd, maxBuffer: 1 << 26 });
  const rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  if (!wall || !Number.isFinite(rssKiB)) throw new Error(`cannot read /usr/bin/time output:\n${stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, rssKiB };
}

export async function runCrlBench(): Promise<CrlBenchResult> {
  const database = await benchDatabase('postgres');
  const dir = benchTmpDir('crl');
  try {
    const rt = await openRuntime(database.config, { log: createLogger('silent') });
    let insertSeconds: number;
    try {
      await initialiseHierarchy(rt.authority, 'bench');
      const ca = await rt.registry.get('individual');
      fs.writeFileSync(path.join(dir, 'individual.pem'), toPem(ca.certificateDer));
      // Random 20-byte serials (first byte 01..7f, as randomSerial() draws them), revocations
      // spread over 2024 and 2025, reasons 0 (unspecified: no reasonCode) to 5, as OpenSSL's
      // index.txt can hold them. The DER columns hold placeholders: generateCrl does not read them.
      const started = performance.now();
      await rt.db.execute(sql`
        insert into certificates (authority_id, serial, profile, status, subject_dn, not_before,
          not_after, tbs_der, der, revoked_at, revocation_reason, issued_at)
        select 'individual',
          lpad(to_hex(1 + (random() * 126)::int), 2, '0') ||
            substr(md5(random()::text) || md5(random()::text), 1, 38),
          'individual', 'issued', 'C=ID, CN=Bench Subscriber ' || g,
          timestamptz '2023-06-01 00:00:00Z', timestamptz '2027-06-01 00:00:00Z',
          '\\x00'::bytea, '\\x00'::bytea,
          timestamptz '2024-01-01 00:00:00Z' + (g * 63) * interval '1 second',
          g % 6, timestamptz '2023-06-01 00:00:00Z'
        from generate_series(1, ${count}) as g
        on conflict do nothing`);
      // Settled before anything is timed: no autovacuum of the fresh rows while the CRL is read.
      await rt.db.execute(sql`vacuum analyze certificates`);
      // ... nor a checkpoint writing them out (needs a superuser, as the local bench server has).
      await rt.db.execute(sql`checkpoint`).catch(() => undefined);
      insertSeconds = (performance.now() - started) / 1000;
      log(`inserted ${count} revoked rows in ${insertSeconds.toFixed(1)} s`);
      // The same revocations as OpenSSL's CA database (index.txt): COPY's text format separates
      // columns with tabs, which is that file's format.
      const index = path.join(dir, 'index.txt');
      await run('psql', [
        database.env.DATABASE_URL!,
        '-qc',
        `\\copy (select 'R', to_char(not_after at time zone 'UTC', 'YYMMDDHH24MISS') || 'Z',
          to_char(revoked_at at time zone 'UTC', 'YYMMDDHH24MISS') || 'Z' ||
            coalesce(',' || (array['keyCompromise', 'CACompromise', 'affiliationChanged', 'superseded',
              'cessationOfOperation'])[revocation_reason], ''),
          upper(serial), 'unknown', '/CN=Bench Subscriber ' || id
          from certificates where authority_id = 'individual' and revoked_at is not null order by id)
          to '${index}'`.replace(/\s+/g, ' '),
      ]);
    } finally {
      await rt.close();
    }

    const result: CrlBenchResult = {
      entries: 0,
      key: database.config.ca.issuingKey,
      insertSeconds,
      teken: [],
      openssl: [],
      verified: {},
    };
    const envFile = path.join(dir, 'env.json');
    fs.writeFileSync(envFile, JSON.stringify(database.env));
    const tekenDer = path.join(dir, 'teken.crl');
    for (let i = 0; i < runs; i++) {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'lib', 'crl-child.ts'), envFile, tekenDer],
        { maxBuffer: 1 << 20 },
      );
      const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        peakRssKiBBefore: number;
        seconds: number;
        entries: number;
        bytes: number;
        peakRssKiB: number;
      };
      result.entries = r.entries;
      result.teken.push({
        seconds: r.seconds,
        peakRssMiB: r.peakRssKiB / 1024,
        baseRssMiB: r.peakRssKiBBefore / 1024,
        bytes: r.bytes,
        entries: r.entries,
      });
      log(
        `teken generateCrl: ${r.entries} entries, ${(r.bytes / 2 ** 20).toFixed(1)} MiB in ${r.seconds.toFixed(2)} s, peak RSS ${(r.peakRssKiB / 1024).toFixed(0)} MiB (${(r.peakRssKiBBefore / 1024).toFixed(0)} MiB before)`,
      );
    }

    // OpenSSL: its own CA with a key of the same type, the same revocations.
    const curve = result.key === 'p384' ? 'P-384' : result.key === 'p256' ? 'P-256' : undefined;
    if (!curve) throw new Error(`the CRL bench expects an ECDSA issuing key, not ${result.key}`);
    await run(
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
        'ca.key',
        '-out',
        'ca.pem',
        '-subj',
        '/C=ID/O=Bench/CN=OpenSSL Bench CA',
        '-days',
        '3650',
      ],
      { cwd: dir },
    );
    fs.writeFileSync(path.join(dir, 'crlnumber'), '01\n');
    fs.writeFileSync(path.join(dir, 'index.txt.attr'), 'unique_subject = no\n');
    fs.writeFileSync(
      path.join(dir, 'ca.cnf'),
      [
        '[ ca ]',
        'default_ca = bench',
        '[ bench ]',
        'dir = .',
        'database = index.txt',
        'certificate = ca.pem',
        'private_key = ca.key',
        'crlnumber = crlnumber',
        `default_md = ${result.key === 'p384' ? 'sha384' : 'sha256'}`,
        'default_crl_days = 7',
        'unique_subject = no',
        'crl_extensions = crl_ext',
        '[ crl_ext ]',
        'authorityKeyIdentifier = keyid:always',
        '',
      ].join('\n'),
    );
    for (let i = 0; i < runs; i++) {
      const t = await timed(
        'openssl',
        ['ca', '-config', 'ca.cnf', '-gencrl', '-out', 'openssl.crl.pem'],
        dir,
      );
      const bytes = fs.statSync(path.join(dir, 'openssl.crl.pem')).size;
      result.openssl.push({ seconds: t.seconds, peakRssMiB: t.rssKiB / 1024, bytes, entries: count });
      log(
        `openssl ca -gencrl: ${(bytes / 2 ** 20).toFixed(1)} MiB PEM in ${t.seconds.toFixed(2)} s, peak RSS ${(t.rssKiB / 1024).toFixed(0)} MiB`,
      );
    }

    // Both CRLs verify against their CA and hold every entry.
    const teken = await run(
      'openssl',
      ['crl', '-inform', 'DER', '-in', tekenDer, '-CAfile', 'individual.pem', '-noout', '-crlnumber'],
      { cwd: dir },
    );
    result.verified.teken = `${teken.stderr.trim()}; ${teken.stdout.trim()}`;
    const ossl = await run(
      'openssl',
      ['crl', '-in', 'openssl.crl.pem', '-CAfile', 'ca.pem', '-noout', '-crlnumber'],
      { cwd: dir },
    );
    result.verified.openssl = `${ossl.stderr.trim()}; ${ossl.stdout.trim()}`;
    log(`verified: ${JSON.stringify(result.verified)}`);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.dispose();
  }
}

if (import.meta.filename === process.argv[1]) {
  const result = await runCrlBench();
  const json = JSON.stringify(result, null, 2);
  if (args.out) fs.writeFileSync(args.out, json);
  else console.log(json);
}
