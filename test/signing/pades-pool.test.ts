/**
 * The signing pool (src/signing/pades/pades-pool.ts): documents signed in worker threads are the
 * same valid signatures (pdfsig, openssl), the TSA is asked on this thread, and a hostile document
 * that passes a limit (memory, time) ends only its own worker with a clear 400, after which the
 * pool goes on signing with no thread left behind. Also the pool as built (tsc output, plain node).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { isTekenError, TekenError } from '../../src/errors/teken-error.js';
import { createPadesPool, type PadesPool } from '../../src/signing/pades/pades-pool.js';
import type { SignPdfInput } from '../../src/signing/pades/sign-pdf.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { onCleanup } from '../helpers/cleanup.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { makePadesPki, type PadesPki } from '../helpers/pades-pki.js';
import { testTsa, type TestTsa } from '../helpers/pades-tsa.js';
import { tmpDir } from '../helpers/tmp-dir.js';
import { hugePageTree } from '../helpers/huge-page-tree.js';

const root = path.resolve(import.meta.dirname, '../..');
let pki: PadesPki;
let tsa: TestTsa;
let dir: string;
let onePage: Uint8Array;
const pools: PadesPool[] = [];

/** Threads of this process (the main thread, libuv's, V8's and the workers). */
const osThreads = () => fs.readdirSync('/proc/self/task').length;

/** The thread count once ended threads are gone (an ended worker's OS thread exits a moment later). */
async function threadsSettled(target: number): Promise<number> {
  let threads = osThreads();
  for (let i = 0; i < 250 && threads > target; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    threads = osThreads();
  }
  return threads;
}

function pool(options: Parameters<typeof createPadesPool>[0]): PadesPool {
  const p = createPadesPool(options);
  pools.push(p);
  return p;
}

function input(pdf: Uint8Array, extra: Partial<SignPdfInput> = {}): SignPdfInput {
  return {
    pdf,
    privateKey: pki.rsa.key,
    certificate: pki.rsa.certificate,
    chain: [pki.ca.certificate],
    level: 'B-B',
    ...extra,
  };
}

async function refusal(promise: Promise<unknown>): Promise<TekenError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTekenError(error), String(error));
    return error;
  }
  assert.fail('signed a document that should have been refused');
}

/**
 * A 60 KB PDF with an xref stream whose page tree root lives in a compressed object stream that
 * inflates to an array of 30 million numbers: a memory bomb only the parser meets.
 */
function objectStreamBomb(): Uint8Array {
  const header = Buffer.from('6 0 ', 'latin1');
  const packed = zlib.deflateSync(
    Buffer.concat([header, Buffer.from(`[${'0 '.repeat(30_000_000)}]`, 'latin1')]),
    { level: 9 },
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  const offsets = new Map<number, number>();
  let length = parts[0]!.length;
  const add = (num: number, ...body: Buffer[]) => {
    offsets.set(num, length);
    const bytes = Buffer.concat([Buffer.from(`${num} 0 obj\n`), ...body, Buffer.from('\nendobj\n')]);
    parts.push(bytes);
    length += bytes.length;
  };
  add(1, Buffer.from('<< /Type /Catalog /Pages 6 0 R >>'));
  add(
    5,
    Buffer.from(
      `<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
    ),
    packed,
    Buffer.from('\nendstream'),
  );
  const xrefAt = length;
  const rows = Array.from({ length: 8 }, (_, n) => {
    const row = Buffer.alloc(7);
    const at = n === 7 ? xrefAt : offsets.get(n);
    if (n === 6) {
      row[0] = 2; // in object stream 5, index 0
      row.writeUInt32BE(5, 1);
    } else if (at !== undefined) {
      row[0] = 1;
      row.writeUInt32BE(at, 1);
    } else row.writeUInt16BE(n === 0 ? 65535 : 0, 5);
    return row;
  });
  const data = Buffer.concat(rows);
  add(
    7,
    Buffer.from(`<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from('\nendstream'),
  );
  parts.push(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

before(async () => {
  pki = makePadesPki();
  tsa = testTsa(pki.tsa, [pki.ca.certificate]);
  dir = tmpDir();
  onePage = await pdfLibDocument(1);
});

after(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('the signing pool', () => {
  it('signs documents in parallel in its workers, each valid, the TSA asked on this thread', async () => {
    const p = pool({ workers: 2 });
    const three = await pdfLibDocument(3, 'Dokumen uji #');
    const asked = tsa.counted;
    const jobs = Array.from({ length: 6 }, (_, i) =>
      p.signPdf(
        input(i % 2 ? three : onePage, {
          privateKey: i % 3 === 0 ? pki.ec.key : pki.rsa.key,
          certificate: i % 3 === 0 ? pki.ec.certificate : pki.rsa.certificate,
          level: i % 2 ? 'B-T' : 'B-B',
          ...(i % 2 ? { tsa } : {}),
          reason: `Dokumen ${i + 1}`,
          ...(i >= 4
            ? {
                visible: {
                  placement: { tag: '#', width: 40, height: 40 },
                  content: { qr: `https://teken.example/verifikasi/${i}` },
                },
              }
            : {}),
        }),
      ),
    );
    assert.ok(p.threads <= 2);
    const results = await Promise.all(jobs);
    assert.equal(tsa.counted - asked, 3, 'one time-stamp per B-T document, from this thread');
    results.forEach((r, i) => {
      assert.equal(r.level, i % 2 ? 'B-T' : 'B-B');
      assert.equal(r.timestampTime instanceof Date, i % 2 === 1);
      assert.equal(r.widgets, i >= 4 ? (i % 2 ? 3 : 1) : 0);
      judgeSigned(pki, dir, r.pdf, `pool-${i}`, 1);
    });
    assert.equal(p.stats.signed, 6);
    assert.equal(p.threads, 2);
  });

  it('passes the errors of the engine and of the TSA through, with their codes', async () => {
    const p = pool({ workers: 1 });
    assert.equal((await refusal(p.signPdf(input(new Uint8Array(10))))).code, 'ERR_PDF_INVALID');
    const badReason = await refusal(p.signPdf(input(onePage, { reason: 'a\u0000b' })));
    assert.equal(badReason.code, 'ERR_INPUT_INVALID');
    assert.equal(badReason.status, 400);
    const failingTsa = {
      timestamp: () => Promise.reject(new TekenError('ERR_TSA_UNAVAILABLE')),
    };
    const unavailable = await refusal(p.signPdf(input(onePage, { level: 'B-T', tsa: failingTsa })));
    assert.equal(unavailable.code, 'ERR_TSA_UNAVAILABLE');
    const brokenTsa = { timestamp: () => Promise.reject(new Error('connection reset')) };
    assert.equal(
      (await refusal(p.signPdf(input(onePage, { level: 'B-T', tsa: brokenTsa })))).code,
      'ERR_PADES_TIMESTAMP',
    );
    // What cannot cross to a worker is the caller's mistake, not a crash.
    const uncloneable = await refusal(p.signPdf(input(onePage, { reason: (() => 'x') as never })));
    assert.equal(uncloneable.code, 'ERR_INPUT_INVALID');
    const signed = await p.signPdf(input(onePage));
    judgeSigned(pki, dir, signed.pdf, 'pool-after-errors', 1);
    assert.equal(p.stats.replaced, 0, 'refusals of the engine keep their worker');
  });

  it('ends a worker that passes its memory limit, answers 400, and goes on signing', async () => {
    const p = pool({ workers: 2, maxOldGenerationSizeMb: 96 });
    await p.warm();
    await p.signPdf(input(onePage));
    const threadsBefore = osThreads();
    for (const [name, pdf] of [
      ['huge page tree', hugePageTree()],
      ['object stream bomb', objectStreamBomb()],
    ] as const) {
      const refused = await refusal(p.signPdf(input(pdf)));
      assert.equal(refused.code, 'ERR_PDF_TOO_LARGE', `${name}: ${refused.message}`);
      assert.equal(refused.status, 400);
      assert.match(refused.message, /more than 96 MiB/);
      assert.deepEqual(refused.details, { limit: 'memory', mib: 96 });
      // The next normal document is signed, by a worker that was not killed or by its replacement.
      const next = await p.signPdf(input(onePage, { level: 'B-T', tsa }));
      judgeSigned(pki, dir, next.pdf, `after-${name.replaceAll(' ', '-')}`, 1);
    }
    assert.equal(p.stats.outOfMemory, 2);
    assert.equal(p.stats.replaced, 2);
    assert.ok(p.threads <= 2, `${p.threads} workers`);
    await p.warm();
    assert.equal(p.threads, 2);
    // No thread left behind: the replaced workers' threads are gone.
    const threads = await threadsSettled(threadsBefore);
    assert.ok(threads <= threadsBefore, `${threads} threads now, ${threadsBefore} before`);
  });

  it('ends a document that passes its time limit: a hostile parse, or a TSA that never answers', async () => {
    const p = pool({ workers: 1, documentTimeoutMs: 1 });
    const slow = await refusal(p.signPdf(input(hugePageTree())));
    assert.equal(slow.code, 'ERR_PDF_TOO_LARGE');
    assert.deepEqual(slow.details, { limit: 'time', ms: 1 });
    const patient = pool({ workers: 1, documentTimeoutMs: 2000 });
    const silentTsa = { timestamp: () => new Promise<Uint8Array>(() => {}) };
    const unanswered = await refusal(patient.signPdf(input(onePage, { level: 'B-T', tsa: silentTsa })));
    assert.equal(unanswered.code, 'ERR_PADES_TIMESTAMP_TIMEOUT');
    assert.equal(unanswered.status, 504);
    assert.deepEqual(unanswered.details, { retryAfterSeconds: 5 });
    const signed = await patient.signPdf(input(onePage, { level: 'B-T', tsa }));
    judgeSigned(pki, dir, signed.pdf, 'after-timeout', 1);
    assert.equal(p.stats.timedOut, 1);
    assert.equal(patient.stats.timedOut, 1);
    assert.equal(patient.stats.replaced, 1);
  });

  it('bounds its queue: past it, ERR_SIGNING_BUSY at once; closed, it refuses and ends its threads', async () => {
    const threadsBefore = osThreads();
    const p = createPadesPool({ workers: 1, maxQueue: 2 });
    const jobs = Array.from({ length: 4 }, () => p.signPdf(input(onePage)));
    const outcomes = await Promise.allSettled(jobs);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'rejected', 'rejected'],
    );
    for (const o of outcomes.slice(2)) {
      const reason = (o as PromiseRejectedResult).reason as TekenError;
      assert.equal(reason.code, 'ERR_SIGNING_BUSY');
      assert.equal(reason.status, 503);
    }
    await p.close();
    assert.equal(p.threads, 0);
    assert.equal((await refusal(p.signPdf(input(onePage)))).code, 'ERR_SIGNING_BUSY');
    const threads = await threadsSettled(threadsBefore);
    assert.ok(threads <= threadsBefore, `${threads} threads now, ${threadsBefore} before`);
  });

  it('starts another worker when one dies before it is ready; the document is signed', async () => {
    const p = pool({ workers: 1 });
    const job = p.signPdf(input(onePage));
    // The worker that was started for the document, ended while it loads the engine (as a heap
    // that passed its limit mid-start would end it). A test's look inside: no API ends a worker.
    const [starting] = (p as unknown as { slots: Set<{ worker: { terminate(): Promise<number> } }> }).slots;
    assert.ok(starting);
    await starting.worker.terminate();
    const signed = await job;
    judgeSigned(pki, dir, signed.pdf, 'after-failed-start', 1);
    assert.equal(p.stats.failedStarts, 1);
    assert.equal(p.stats.replaced, 0);
  });

  it('fails the waiting documents when workers cannot start three times in a row, and tries again later', async () => {
    const p = pool({ workers: 1, maxOldGenerationSizeMb: 4 });
    const refused = await refusal(p.signPdf(input(onePage)));
    assert.equal(refused.code, 'ERR_SERVER_INTERNAL');
    assert.equal(refused.status, 500);
    assert.match(
      refused.message,
      /4 MiB \(TEKEN_SIGNING_WORKER_MEMORY_MB\) is too little to load the engine/,
    );
    assert.equal(p.stats.failedStarts, 3);
    // The next document tries again (the pool does not stay broken), and fails the same way.
    assert.equal((await refusal(p.signPdf(input(onePage)))).code, 'ERR_SERVER_INTERNAL');
    assert.equal(p.stats.failedStarts, 6);
    assert.equal(p.threads, 0);
  });

  it('works as built: the compiled pool loads the compiled worker under plain node', () => {
    // The engine's import graph compiled as `npm run build` does (tsconfig.build.json), to a
    // directory inside node_modules so that the packages resolve.
    const out = path.join(root, 'node_modules/.cache/teken-pool-build', String(process.pid));
    fs.rmSync(out, { recursive: true, force: true });
    onCleanup(() => fs.rmSync(out, { recursive: true, force: true }));
    const tsc = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        path.join(root, 'tsconfig.build.json'),
        '--outDir',
        out,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const pdfFile = path.join(dir, 'built-in.pdf');
    const outFile = path.join(dir, 'built-out.pdf');
    fs.writeFileSync(pdfFile, onePage);
    const script = `
      import fs from 'node:fs';
      import crypto from 'node:crypto';
      const { createPadesPool } = await import(${JSON.stringify(path.join(out, 'signing/pades/pades-pool.js'))});
      const pool = createPadesPool({ workers: 1 });
      const der = (f) => new Uint8Array(new crypto.X509Certificate(fs.readFileSync(f)).raw);
      const r = await pool.signPdf({
        pdf: new Uint8Array(fs.readFileSync(${JSON.stringify(pdfFile)})),
        privateKey: crypto.createPrivateKey(fs.readFileSync(${JSON.stringify(pki.rsa.keyFile)})),
        certificate: der(${JSON.stringify(pki.rsa.certFile)}),
        chain: [der(${JSON.stringify(pki.ca.certFile)})],
        level: 'B-B',
      });
      fs.writeFileSync(${JSON.stringify(outFile)}, r.pdf);
      await pool.close();
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    judgeSigned(pki, dir, new Uint8Array(fs.readFileSync(outFile)), 'built', 1);
  });
});
