/**
 * CSV registration import benchmark: `importRegistrations` (the job behind `teken enrollment
 * import` and the console's "Impor Pengguna") over a synthetic file of 10,000 and 100,000 rows, on
 * PostgreSQL and on PGlite, each (engine, size) in a process of its own so that its peak RSS is its
 * own. Each row is validated, its account, registration, activation link, sealed outbox message and
 * audit events stored, its report line sealed. The ceiling, in the same process right before: a
 * plain `COPY` of the same file into a scratch table (nama, email). After the 10,000-row
 * PostgreSQL import, its 10,000 activation e-mails are delivered to the SMTP test server.
 *
 * Run alone: node --import tsx bench/csv-import.ts [--sizes 10000,100000] [--engines postgres,pglite] [--out file]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { count, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { accounts, actionTokens, auditEvents, institutions, outbox } from '../src/db/schema.js';
import { SMTP_MAX_CONNECTIONS } from '../src/notify/channels/smtp-channel.js';
import { importRegistrations } from '../src/enrollment/import-registrations.js';
import { enrollmentContextOf } from '../src/runtime/enrollment-context-of.js';
import { createLogger } from '../src/runtime/logger.js';
import { openRuntime } from '../src/runtime/open-runtime.js';
import { startSmtpServer } from '../test/notify/smtp-test-server.js';
import { profiled } from './lib/profile.js';
import type { Db } from '../src/db/open-database.js';
import { benchDatabase, benchTmpDir, type Engine } from './lib/runtime.js';

export interface CsvImportRun {
  engine: Engine;
  rows: number;
  importSeconds: number;
  rowsPerSecond: number;
  /** CPU time of the Node process during the import (the rest of the wall time: waiting for the database). */
  importCpuSeconds: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  /** import rows/s ÷ COPY rows/s. */
  ofCopy: number;
  /** The second ceiling: COPY of every row the import stored (all six tables) into the same tables. */
  bulkSeconds: number;
  /** Rows it loaded, all tables together. */
  bulkRows: number;
  /** import rows/s ÷ the second ceiling's (CSV) rows/s. */
  ofBulk: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  stored: { accounts: number; links: number; outbox: number; auditEvents: number };
  created: number;
  refused: number;
  /** Messages delivered within the time budget (of `rows` queued), and the rate. */
  delivery?: {
    messages: number;
    seconds: number;
    perSecond: number;
    received: number;
    /** Outbox rows marked sent afterwards. */
    sentRows: number;
    /** Plain pooled nodemailer to the same server, same content and connections. */
    peer: { messages: number; seconds: number; perSecond: number };
    /** Teken's messages/s ÷ the peer's. */
    ofPeer: number;
  };
  loadAverage: number[];
}

export interface CsvImportBenchResult {
  runs: CsvImportRun[];
  /**
   * The embedded database's own floor: RSS of a bare Node process that opens PGlite on an existing
   * data directory and runs `select 1` (no Teken code), the median of three processes.
   */
  pgliteFloorMiB?: number;
}

/** RSS of a fresh process holding nothing but an open PGlite (created first by another process). */
async function pgliteFloor(): Promise<number> {
  const dir = path.join(benchTmpDir('pglite-floor'), 'data');
  const code = `
    import { PGlite } from '@electric-sql/pglite';
    const db = await PGlite.create(${JSON.stringify(dir)});
    await db.query('select 1');
    process.stdout.write(String(process.memoryUsage().rss));
    await db.close();`;
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const proc = spawn(process.execPath, ['--input-type=module', '-e', code], {
        cwd: path.resolve(import.meta.dirname, '..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.on('exit', (exit) =>
        exit === 0 ? resolve(Number(out) / 2 ** 20) : reject(new Error(`pglite floor probe: exit ${exit}`)),
      );
    });
  await once(); // creates the data directory (initdb), which costs more than an ordinary start
  const runs = [await once(), await once(), await once()].sort((a, b) => a - b);
  return runs[1]!;
}

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    engines: { type: 'string', default: 'postgres,pglite' },
    out: { type: 'string' },
    child: { type: 'boolean', default: false },
    engine: { type: 'string' },
    rows: { type: 'string' },
  },
});

const DOMAIN = 'bench-impor.go.id';
const DELIVERY_BUDGET_S = Number(process.env.TEKEN_BENCH_DELIVERY_SECONDS ?? 180);
/** The background job's batch (src/runtime/background-jobs.ts). */
const DELIVERY_BATCH = 50;
const PEER_MESSAGES = 10_000;

function writeFile(rows: number): string {
  // Readable by the PostgreSQL server process (server-side COPY reads it).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-bench-csv-'));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, `rows-${rows}.csv`);
  const out = fs.openSync(file, 'w', 0o644);
  fs.writeSync(out, 'nama,email\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `Pegawai Uji ${i},pegawai.uji${i}@${DOMAIN}\n`;
    if (chunk.length > 1 << 16) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  fs.chmodSync(file, 0o644);
  return file;
}

const mib = (bytes: number) => bytes / 1024 / 1024;

async function child(engine: Engine, rows: number): Promise<CsvImportRun> {
  const smtp =
    engine === 'postgres' && rows <= 10_000 && DELIVERY_BUDGET_S > 0 ? await startSmtpServer() : undefined;
  const bench = await benchDatabase(engine, {
    TEKEN_IMPORT_MAX_ROWS: String(rows),
    TEKEN_IMPORT_MAX_BYTES: String(64 * 1024 * 1024),
    ...(smtp ? { TEKEN_SMTP_URL: smtp.url, TEKEN_SMTP_FROM: 'bsre@bench.example' } : {}),
  });
  const rt = await openRuntime(bench.config, { log: createLogger('silent') });
  try {
    const file = writeFile(rows);
    const institutionId = '00000000-0000-4000-8000-00000000be01';
    await rt.db
      .insert(institutions)
      .values({ id: institutionId, code: 'BENCH', name: 'Instansi Bench', emailDomains: [DOMAIN] });

    // The ceiling: the same rows COPYed into a scratch table by the database itself.
    await rt.db.execute(sql`create table scratch_import (nama text, email text)`);
    const copyStarted = performance.now();
    if (engine === 'postgres') {
      await rt.db.execute(sql.raw(`copy scratch_import from '${file}' with (format csv, header)`));
    } else {
      const client = (
        rt.db as unknown as { $client: { query(q: string, p: unknown[], o: object): Promise<unknown> } }
      ).$client;
      await client.query(`copy scratch_import from '/dev/blob' with (format csv, header)`, [], {
        blob: new Blob([fs.readFileSync(file)]),
      });
    }
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const [copied] = await rt.db.select({ n: sql<number>`count(*)::int` }).from(sql`scratch_import`);
    if (copied!.n !== rows) throw new Error(`COPY stored ${copied!.n} rows`);
    await rt.db.execute(sql`drop table scratch_import`);

    const ctx = enrollmentContextOf(rt);
    global.gc?.();
    const rssBeforeMiB = mib(process.memoryUsage().rss);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const done = await profiled(`csv-import-${engine}-${rows}`, () =>
      importRegistrations(ctx, { operator: 'bench' }, institutionId, () => fs.createReadStream(file)),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const n = async (table: typeof accounts | typeof actionTokens | typeof outbox | typeof auditEvents) =>
      (await rt.db.select({ n: count() }).from(table))[0]!.n;
    const stored = {
      accounts: await n(accounts),
      links: await n(actionTokens),
      outbox: await n(outbox),
      auditEvents: await n(auditEvents),
    };
    // The second ceiling: every row the import wrote, bulk-loaded by COPY into the same tables
    // (same indexes, same foreign keys), in one transaction. The rows are copied out to files
    // beforehand (PostgreSQL: server-side files; PGlite: blobs in memory), the tables emptied.
    const bulk = await bulkCeiling(rt.db, engine);
    let delivery: CsvImportRun['delivery'];
    if (smtp) {
      const deliverStarted = performance.now();
      let messages = 0;
      // As the background job does (`outbox-deliver`), batch after batch while they come full; at
      // most DELIVERY_BUDGET_S seconds on a shared machine.
      while (performance.now() - deliverStarted < DELIVERY_BUDGET_S * 1000) {
        const sent = await rt.notify.deliver(DELIVERY_BATCH);
        messages += sent;
        if (sent < DELIVERY_BATCH) break;
      }
      const seconds = (performance.now() - deliverStarted) / 1000;
      // Wait for the test server to finish parsing what it accepted.
      for (let i = 0; i < 100 && smtp.received.length < messages; i++)
        await new Promise((r) => setTimeout(r, 50));
      const received = smtp.received.length;
      const [sample] = smtp.received;
      if (!sample) throw new Error('no e-mail was delivered');
      const [sentRows] = await rt.db
        .select({ n: count() })
        .from(outbox)
        .where(sql`${outbox.status} = 'sent'`);
      smtp.received.length = 0;
      // The peer: a plain pooled nodemailer loop to the same server, as many messages of the same
      // content, with as many connections and messages in flight as the SMTP channel.
      const peerTransport = nodemailer.createTransport({
        url: smtp.url,
        pool: true,
        maxConnections: SMTP_MAX_CONNECTIONS,
      });
      const peerCount = Math.min(messages, PEER_MESSAGES);
      const peerStarted = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: SMTP_MAX_CONNECTIONS }, async () => {
          for (let i; (i = next++) < peerCount;)
            await peerTransport.sendMail({
              from: 'bsre@bench.example',
              to: `peer${i}@${DOMAIN}`,
              subject: sample.mail.subject ?? '',
              text: sample.mail.text ?? '',
              html: sample.mail.html || '',
              messageId: `<peer-${i}@bench.example>`,
            });
        }),
      );
      const peerSeconds = (performance.now() - peerStarted) / 1000;
      peerTransport.close();
      delivery = {
        messages,
        seconds,
        perSecond: messages / seconds,
        received,
        sentRows: sentRows!.n,
        peer: { messages: peerCount, seconds: peerSeconds, perSecond: peerCount / peerSeconds },
        ofPeer: messages / seconds / (peerCount / peerSeconds),
      };
    }
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return {
      engine,
      rows,
      importSeconds,
      rowsPerSecond: rows / importSeconds,
      importCpuSeconds: (cpu.user + cpu.system) / 1e6,
      copySeconds,
      copyRowsPerSecond: rows / copySeconds,
      ofCopy: rows / importSeconds / (rows / copySeconds),
      bulkSeconds: bulk.seconds,
      bulkRows: bulk.rows,
      ofBulk: bulk.seconds / importSeconds,
      peakRssMiB: mib(peak),
      rssBeforeMiB,
      stored,
      created: done.createdRows,
      refused: done.refusedRows,
      ...(delivery ? { delivery } : {}),
      loadAverage: os.loadavg(),
    };
  } finally {
    await rt.close();
    await bench.dispose();
  }
}

/** The tables an import writes, parents first. */
const IMPORT_TABLES = [
  'accounts',
  'registrations',
  'action_tokens',
  'outbox',
  'audit_events',
  'enrollment_import_batches',
] as const;

type PgliteClient = {
  query(q: string, p?: unknown[], o?: object): Promise<{ blob?: Blob; rows: unknown[] }>;
};

async function bulkCeiling(db: Db, engine: Engine): Promise<{ seconds: number; rows: number }> {
  const counts = async () => {
    let total = 0;
    for (const table of IMPORT_TABLES) {
      const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
      total += (result as { rows: { n: number }[] }).rows[0]!.n;
    }
    return total;
  };
  const before = await counts();
  // Cascade: the other tables that reference accounts (sessions, devices, …) are empty here.
  const truncate = `truncate ${IMPORT_TABLES.join(', ')} cascade`;
  let seconds: number;
  if (engine === 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-bench-bulk-'));
    fs.chmodSync(dir, 0o777);
    for (const table of IMPORT_TABLES)
      await db.execute(sql.raw(`copy ${table} to '${path.join(dir, table)}' with (format binary)`));
    await db.execute(sql.raw(truncate));
    const started = performance.now();
    await db.transaction(async (tx) => {
      for (const table of IMPORT_TABLES)
        await tx.execute(sql.raw(`copy ${table} from '${path.join(dir, table)}' with (format binary)`));
    });
    seconds = (performance.now() - started) / 1000;
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const client = (db as unknown as { $client: PgliteClient }).$client;
    const blobs = new Map<string, Blob>();
    for (const table of IMPORT_TABLES)
      blobs.set(table, (await client.query(`copy ${table} to '/dev/blob' with (format binary)`)).blob!);
    await client.query(truncate);
    const started = performance.now();
    await client.query('begin');
    for (const table of IMPORT_TABLES)
      await client.query(`copy ${table} from '/dev/blob' with (format binary)`, [], {
        blob: blobs.get(table),
      });
    await client.query('commit');
    seconds = (performance.now() - started) / 1000;
  }
  const after = await counts();
  if (after !== before) throw new Error(`the bulk ceiling loaded ${after} rows of ${before}`);
  return { seconds, rows: after };
}

function runChild(engine: string, rows: string): Promise<CsvImportRun> {
  const out = path.join(benchTmpDir('csv'), 'run.json');
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [
        '--expose-gc',
        // As recommended for `teken` (bench/README.md "Memory"): V8's default young generation
        // grows to 128 MiB here and stays resident.
        '--max-semi-space-size=16',
        '--import',
        'tsx',
        import.meta.filename,
        '--child',
        '--engine',
        engine,
        '--rows',
        rows,
        '--out',
        out,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    proc.once('error', reject);
    proc.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as CsvImportRun)
        : reject(new Error(`csv-import ${engine} ${rows} failed (exit ${code})`)),
    );
  });
}

if (args.child) {
  const run = await child(args.engine as Engine, Number(args.rows));
  fs.writeFileSync(args.out!, JSON.stringify(run));
  process.exit(0);
} else {
  const runs: CsvImportRun[] = [];
  for (const engine of args.engines.split(','))
    for (const rows of args.sizes.split(',')) {
      console.error(`csv-import: ${engine}, ${rows} rows`);
      const run = await runChild(engine, rows);
      console.error(
        `  ${run.importSeconds.toFixed(2)} s, ${run.rowsPerSecond.toFixed(0)} rows/s, COPY ${run.copySeconds.toFixed(3)} s, ${run.ofCopy.toFixed(3)}× of COPY, peak RSS ${run.peakRssMiB.toFixed(0)} MiB${run.delivery ? `, delivery ${run.delivery.messages} in ${run.delivery.seconds.toFixed(1)} s` : ''}`,
      );
      runs.push(run);
    }
  const result: CsvImportBenchResult = { runs };
  if (args.engines.split(',').includes('pglite')) {
    result.pgliteFloorMiB = await pgliteFloor();
    console.error(`  PGlite alone (open + select 1, no Teken): ${result.pgliteFloorMiB.toFixed(0)} MiB RSS`);
  }
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
}
