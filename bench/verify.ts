/**
 * PDF verification benchmark (issue 11, "verification of a 10-signature PDF", goal under 300 ms
 * p50): Teken's one validator (src/signing/verify/validate-pdf.ts) on a PDF that Teken's engine
 * signed 10 times (B-T, the last at B-LT, so the DSS and 10 revisions are read), side by side in
 * the same run with poppler's `pdfsig` on the same file (a process per run, as a shell calls it;
 * with the test root in an NSS database, so it validates the chains too).
 *
 * Run alone: node --import tsx bench/verify.ts [--iterations 50] [--out file]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signPdf } from '../src/signing/pades/sign-pdf.js';
import { clearCmsCaches } from '../src/signing/verify/cms-check.js';
import { clearTrustCaches } from '../src/signing/verify/trust.js';
import { validatePdf } from '../src/signing/verify/validate-pdf.js';
import { conclusionOf } from '../src/signing/verify/validation-report.js';
import { pdfLibDocument } from '../test/helpers/pades-corpus.js';
import { makePadesPki } from '../test/helpers/pades-pki.js';
import { testTsa } from '../test/helpers/pades-tsa.js';
import { benchTmpDir } from './lib/runtime.js';

export interface Latency {
  p50: number;
  p99: number;
}

export interface VerifyBenchResult {
  signatures: number;
  fileBytes: number;
  iterations: number;
  conclusion: string;
  tekenMs: Latency;
  /** The first validation in a fresh process (cold caches and code). */
  tekenColdMs: number;
  /** With the certificate, key and revocation caches emptied before each validation. */
  tekenUncachedMs: Latency;
  /** Mean CPU time (user + system) of one validation: less sensitive to other load than latency. */
  tekenCpuMs: number;
  pdfsigMs: Latency;
  pdfsigRuns: number;
  pdfsigAllValid: boolean;
  peakRssMiB: number;
  /** The 1-minute load average before and after (2 cores, shared with whatever else runs). */
  loadAverage: { before: number; after: number };
}

const { values: args } = parseArgs({
  options: { iterations: { type: 'string', default: '50' }, out: { type: 'string' } },
});
const iterations = Number(args.iterations);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const latency = (values: number[]): Latency => ({ p50: percentile(values, 50), p99: percentile(values, 99) });

const pki = makePadesPki();
const tsa = testTsa(pki.tsa, [pki.ca.certificate]);
let pdf = await pdfLibDocument(1);
const signatures = 10;
for (let i = 0; i < signatures; i++) {
  const who = i % 2 === 0 ? 'rsa' : 'ec';
  pdf = (
    await signPdf({
      pdf,
      privateKey: pki[who].key,
      certificate: pki[who].certificate,
      chain: [pki.ca.certificate],
      level: i === signatures - 1 ? 'B-LT' : 'B-T',
      tsa,
      validation: { ocspResponses: [pki.ocsp.rsa, pki.ocsp.ec], crls: [pki.crl] },
    })
  ).pdf;
}
const dir = benchTmpDir('verify');
const file = path.join(dir, 'ten.pdf');
fs.writeFileSync(file, pdf);

const options = { trustAnchors: [pki.root.certificate] };
const loadBefore = os.loadavg()[0]!;
// The first validation in the process: nothing parsed or checked yet (the caches of
// certificates, keys, OCSP responses and CRLs empty; the code not yet optimised by V8).
const coldStart = performance.now();
let conclusion = conclusionOf(await validatePdf(pdf, options));
const coldMs = performance.now() - coldStart;
for (let i = 0; i < 4; i++) conclusion = conclusionOf(await validatePdf(pdf, options)); // warm-up
const teken: number[] = [];
const cpuBefore = process.cpuUsage();
for (let i = 0; i < iterations; i++) {
  const t = performance.now();
  await validatePdf(pdf, options);
  teken.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpuBefore);
// Each certificate, key, OCSP response and CRL parsed again, as for a document of new signers.
const uncached: number[] = [];
for (let i = 0; i < Math.max(5, Math.floor(iterations / 2)); i++) {
  clearTrustCaches();
  clearCmsCaches();
  const t = performance.now();
  await validatePdf(pdf, options);
  uncached.push(performance.now() - t);
}

const pdfsigRuns = Math.max(5, Math.min(iterations, 20));
const peer: number[] = [];
let pdfsigAllValid = true;
for (let i = 0; i < pdfsigRuns + 1; i++) {
  const t = performance.now();
  const r = spawnSync('pdfsig', ['-nssdir', pki.nssDir, file], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`pdfsig failed: ${r.stderr}`);
  if (i === 0) {
    const valid = (r.stdout.match(/Signature is Valid/g) ?? []).length;
    pdfsigAllValid = valid === signatures;
    continue; // warm-up (page cache)
  }
  peer.push(ms);
}

const result: VerifyBenchResult = {
  signatures,
  fileBytes: pdf.length,
  iterations,
  conclusion,
  tekenMs: latency(teken),
  tekenColdMs: coldMs,
  tekenUncachedMs: latency(uncached),
  tekenCpuMs: (cpu.user + cpu.system) / 1000 / iterations,
  pdfsigMs: latency(peer),
  pdfsigRuns,
  pdfsigAllValid,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  loadAverage: { before: loadBefore, after: os.loadavg()[0]! },
};
fs.rmSync(dir, { recursive: true, force: true });
const json = JSON.stringify(result, null, 2);
if (args.out) fs.writeFileSync(args.out, json);
else console.log(json);
