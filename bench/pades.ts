/**
 * PAdES signing benchmark (issue 11): Teken's engine (bench/../src/signing/pades) against the
 * @signpdf stack (@signpdf/signpdf + @signpdf/placeholder-pdf-lib + node-forge's P12 signer) on the
 * same 1-page and 100-page PDFs, each stack in a process of its own (so each peak RSS is its own),
 * one after the other on the same cores.
 *
 * Teken: B-B invisible and B-T visible (QR) single signatures, p50/p99, the engine alone and with
 * the passphrase unlock (openSubscriberKey: argon2id at the default cost + AES-GCM, the attempt
 * guard's database round trip left out); a batch of 100 one-page B-T visible documents after one
 * unlock (the authorisation's cost is that unlock: the key is then held for the batch), once
 * in-process and once through the signing pool with 2 workers (src/signing/pades/pades-pool.ts,
 * in a process of its own); and the irreducible parts of one signature (an RSA-2048 and a P-256
 * signature, one time-stamp token, SHA-256 over the file, the parse of the file). The TSA is the in-process test TSA (test/helpers/pades-tsa.ts), so B-T measures the
 * engine, not a network. @signpdf: B-B (it has no time-stamps of its own), including the P12
 * parse that is its unlock.
 *
 * Run alone: node --import tsx bench/pades.ts [--iterations 200] [--out file]
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { PDFDocument } from 'pdf-lib';
import { MasterKey } from '../src/keys/master-key.js';
import { masterOuterLayer, openSubscriberKey, sealSubscriberKey } from '../src/keys/subscriber-key-seal.js';
import { defaultPadesLimits, openPdf } from '../src/signing/pades/open-pdf.js';
import { createPadesPool } from '../src/signing/pades/pades-pool.js';
import { signPdf } from '../src/signing/pades/sign-pdf.js';
import type { PadesTimestamper } from '../src/signing/pades/timestamp-token.js';
import { pdfLibDocument, rsaP12 } from '../test/helpers/pades-corpus.js';
import { makePadesPki, type PadesPki } from '../test/helpers/pades-pki.js';
import { testTsa } from '../test/helpers/pades-tsa.js';
import { benchTmpDir } from './lib/runtime.js';

export interface Latency {
  p50: number;
  p99: number;
}

export interface PadesCase {
  stack: 'teken' | 'signpdf';
  pages: number;
  level: 'B-B' | 'B-T';
  visible: boolean;
  count: number;
  engineMs: Latency;
  /** With the unlock (Teken: argon2id + unseal; @signpdf: the P12 parse). */
  withUnlockMs: Latency;
}

export interface PadesBatch {
  documents: number;
  seconds: number;
  perSecond: number;
  /** Signing workers (0: in the calling thread). */
  workers: number;
  /** Starting the workers (before the batch, not in `seconds`). */
  warmMs?: number;
}

/** The irreducible parts of one signature, p50 (what no engine can skip). */
export interface PadesBounds {
  rsaSignatureMs: number;
  ecdsaSignatureMs: number;
  timestampTokenMs: number;
  sha256Ms: Record<'1' | '100', number>;
  parseMs: Record<'1' | '100', number>;
}

export interface PadesStackResult {
  cases: PadesCase[];
  unlockMs?: Latency;
  /** In-process (`batch`) and through the pool (`poolBatch`, in a process of its own). */
  batch?: PadesBatch;
  poolBatch?: PadesBatch;
  bounds?: PadesBounds;
  peakRssMiB: number;
}

export interface PadesBenchResult {
  teken: PadesStackResult;
  /** The batch through the pool of 2 workers, in a process of its own (its peak RSS its own). */
  pool: PadesStackResult;
  signpdf: PadesStackResult;
  argon2: { memoryKib: number; iterations: number; parallelism: number };
}

const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    stack: { type: 'string' },
    dir: { type: 'string' },
    out: { type: 'string' },
  },
});
const iterations = Number(args.iterations);
const kdf = { memoryKib: 65536, iterations: 3, parallelism: 1 };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const latency = (values: number[]): Latency => ({ p50: percentile(values, 50), p99: percentile(values, 99) });

async function measure(count: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(10, count); i++) await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

async function files(dir: string) {
  const one = path.join(dir, 'one.pdf');
  const hundred = path.join(dir, 'hundred.pdf');
  if (!fs.existsSync(one)) {
    fs.writeFileSync(one, await pdfLibDocument(1));
    fs.writeFileSync(hundred, await pdfLibDocument(100));
  }
  return { 1: new Uint8Array(fs.readFileSync(one)), 100: new Uint8Array(fs.readFileSync(hundred)) };
}

async function tekenStack(pki: PadesPki, docs: Record<1 | 100, Uint8Array>): Promise<PadesStackResult> {
  const tsa = testTsa(pki.tsa, [pki.ca.certificate]);
  const outer = masterOuterLayer(new MasterKey(crypto.randomBytes(32)));
  const passphrase = 'Bench-Passphrase-1';
  const sealed = await sealSubscriberKey(pki.rsa.key, passphrase, 'bench-key', kdf, outer);
  const unlock = async () => (await openSubscriberKey(sealed, passphrase, 'bench-key', outer))!;
  const unlockTimes = await measure(Math.min(iterations, 50), unlock);
  const sign = (pdf: Uint8Array, level: 'B-B' | 'B-T', visible: boolean, privateKey: crypto.KeyObject) =>
    signPdf({
      pdf,
      privateKey,
      certificate: pki.rsa.certificate,
      chain: [pki.ca.certificate],
      level,
      ...(level === 'B-T' ? { tsa } : {}),
      ...(visible
        ? {
            visible: {
              placement: { page: 'last' as const, box: { x: 400, y: 40, width: 100, height: 100 } },
              content: { qr: 'https://teken.example/verifikasi/0123456789abcdef' },
            },
          }
        : {}),
    });
  const cases: PadesCase[] = [];
  for (const pages of [1, 100] as const) {
    const count = pages === 1 ? iterations : Math.max(20, Math.floor(iterations / 4));
    for (const [level, visible] of [
      ['B-B', false],
      ['B-T', true],
    ] as const) {
      const engine = await measure(count, () => sign(docs[pages], level, visible, pki.rsa.key));
      const withUnlock = await measure(Math.min(count, 50), async () =>
        sign(docs[pages], level, visible, await unlock()),
      );
      cases.push({
        stack: 'teken',
        pages,
        level,
        visible,
        count,
        engineMs: latency(engine),
        withUnlockMs: latency(withUnlock),
      });
      console.error(
        `teken ${pages} p ${level}${visible ? ' visible' : ''}: p50 ${latency(engine).p50.toFixed(1)} ms`,
      );
    }
  }
  // A batch under one authorisation: one unlock, then 100 one-page documents, B-T visible, each
  // with the QR link of its own verification page (so no QR is reused).
  const batchTimes = await batchRun(0, unlock, (i, key) => batchDocument(pki, docs[1], tsa, key, i));
  return {
    cases,
    unlockMs: latency(unlockTimes),
    batch: batchTimes,
    bounds: await bounds(pki, docs, tsa),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

const batchDocuments = 100;

function batchDocument(
  pki: PadesPki,
  pdf: Uint8Array,
  tsa: PadesTimestamper,
  privateKey: crypto.KeyObject,
  i: number,
  engine: typeof signPdf = signPdf,
) {
  return engine({
    pdf,
    privateKey,
    certificate: pki.rsa.certificate,
    chain: [pki.ca.certificate],
    level: 'B-T',
    tsa,
    visible: {
      placement: { page: 'last', box: { x: 400, y: 40, width: 100, height: 100 } },
      content: { qr: `https://teken.example/verifikasi/${i.toString(16).padStart(16, '0')}${Date.now()}` },
    },
  });
}

/** One unlock, then the batch's documents: one after the other in-process, all at once to a pool. */
async function batchRun(
  workers: number,
  unlock: () => Promise<crypto.KeyObject>,
  one: (i: number, key: crypto.KeyObject) => Promise<unknown>,
): Promise<PadesBatch> {
  // A warm-up batch first, as for the single signatures.
  const warmKey = await unlock();
  await Promise.all(Array.from({ length: 10 }, (_, i) => one(-1 - i, warmKey)));
  const started = performance.now();
  const key = await unlock();
  if (workers === 0) for (let i = 0; i < batchDocuments; i++) await one(i, key);
  else await Promise.all(Array.from({ length: batchDocuments }, (_, i) => one(i, key)));
  const seconds = (performance.now() - started) / 1000;
  return { documents: batchDocuments, seconds, perSecond: batchDocuments / seconds, workers };
}

async function bounds(
  pki: PadesPki,
  docs: Record<1 | 100, Uint8Array>,
  tsa: PadesTimestamper,
): Promise<PadesBounds> {
  const p50 = async (count: number, run: () => unknown) =>
    latency(await measure(count, () => Promise.resolve(run()))).p50;
  const attrs = crypto.randomBytes(200);
  const digest = crypto.createHash('sha256').update(attrs).digest();
  const hash = (pdf: Uint8Array) => () => crypto.createHash('sha256').update(pdf).digest();
  const parse = (pdf: Uint8Array) => () => openPdf(pdf, undefined, defaultPadesLimits);
  return {
    rsaSignatureMs: await p50(200, () => crypto.sign('sha256', attrs, pki.rsa.key)),
    ecdsaSignatureMs: await p50(200, () => crypto.sign('sha256', attrs, pki.ec.key)),
    timestampTokenMs: await p50(200, () => tsa.timestamp(new Uint8Array(digest), 'sha256')),
    sha256Ms: { '1': await p50(200, hash(docs[1])), '100': await p50(200, hash(docs[100])) },
    parseMs: { '1': await p50(200, parse(docs[1])), '100': await p50(50, parse(docs[100])) },
  };
}

/** The batch through a pool of 2 workers (bench/README.md: the pool's own process). */
async function poolStack(pki: PadesPki, docs: Record<1 | 100, Uint8Array>): Promise<PadesStackResult> {
  const tsa = testTsa(pki.tsa, [pki.ca.certificate]);
  const outer = masterOuterLayer(new MasterKey(crypto.randomBytes(32)));
  const passphrase = 'Bench-Passphrase-1';
  const sealed = await sealSubscriberKey(pki.rsa.key, passphrase, 'bench-key', kdf, outer);
  const unlock = async () => (await openSubscriberKey(sealed, passphrase, 'bench-key', outer))!;
  const pool = createPadesPool({ workers: 2 });
  const warmStarted = performance.now();
  await pool.warm();
  const warmMs = performance.now() - warmStarted;
  const batch = await batchRun(2, unlock, (i, key) => batchDocument(pki, docs[1], tsa, key, i, pool.signPdf));
  await pool.close();
  console.error(`teken pool of 2: ${batch.perSecond.toFixed(0)} documents/s`);
  return { cases: [], poolBatch: { ...batch, warmMs }, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

async function signpdfStack(pki: PadesPki, docs: Record<1 | 100, Uint8Array>): Promise<PadesStackResult> {
  const p12 = rsaP12(pki);
  const sign = async (pdf: Uint8Array) => {
    const doc = await PDFDocument.load(pdf);
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: 'Bench',
      contactInfo: '',
      name: 'Bench',
      location: 'Jakarta',
    });
    const prepared = await doc.save({ useObjectStreams: false });
    return new SignPdf().sign(Buffer.from(prepared), new P12Signer(p12));
  };
  const cases: PadesCase[] = [];
  for (const pages of [1, 100] as const) {
    const count = pages === 1 ? iterations : Math.max(20, Math.floor(iterations / 4));
    const times = await measure(count, () => sign(docs[pages]));
    cases.push({
      stack: 'signpdf',
      pages,
      level: 'B-B',
      visible: false,
      count,
      engineMs: latency(times),
      withUnlockMs: latency(times),
    });
    console.error(`signpdf ${pages} p B-B: p50 ${latency(times).p50.toFixed(1)} ms`);
  }
  return { cases, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

if (args.stack) {
  // A child: one stack, the PKI and files from the parent's directory.
  const dir = args.dir!;
  const pki = JSON.parse(fs.readFileSync(path.join(dir, 'pki.json'), 'utf8')) as PadesPki;
  for (const who of ['root', 'ca', 'rsa', 'ec', 'tsa'] as const) {
    pki[who].certificate = new Uint8Array(new crypto.X509Certificate(fs.readFileSync(pki[who].certFile)).raw);
    pki[who].key = crypto.createPrivateKey(fs.readFileSync(pki[who].keyFile));
  }
  const docs = await files(dir);
  const result =
    args.stack === 'teken'
      ? await tekenStack(pki, docs)
      : args.stack === 'pool'
        ? await poolStack(pki, docs)
        : await signpdfStack(pki, docs);
  fs.writeFileSync(args.out!, JSON.stringify(result));
} else {
  const dir = benchTmpDir('pades');
  const pki = makePadesPki();
  // The test PKI's directory is removed at exit; copy what the children need.
  for (const who of ['root', 'ca', 'rsa', 'ec', 'tsa'] as const) {
    for (const file of [pki[who].certFile, pki[who].keyFile])
      fs.copyFileSync(file, path.join(dir, path.basename(file)));
    pki[who].certFile = path.join(dir, path.basename(pki[who].certFile));
    pki[who].keyFile = path.join(dir, path.basename(pki[who].keyFile));
  }
  pki.dir = dir;
  fs.writeFileSync(path.join(dir, 'pki.json'), JSON.stringify(pki));
  await files(dir);
  const run = (stack: string): PadesStackResult => {
    const out = path.join(dir, `${stack}.json`);
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        import.meta.filename,
        '--stack',
        stack,
        '--dir',
        dir,
        '--out',
        out,
        '--iterations',
        String(iterations),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (r.status !== 0) throw new Error(`the ${stack} run failed (${r.status})`);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as PadesStackResult;
  };
  const result: PadesBenchResult = {
    teken: run('teken'),
    pool: run('pool'),
    signpdf: run('signpdf'),
    argon2: kdf,
  };
  fs.rmSync(dir, { recursive: true, force: true });
  const json = JSON.stringify(result, null, 2);
  if (args.out) fs.writeFileSync(args.out, json);
  else console.log(json);
}
