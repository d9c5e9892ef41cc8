/**
 * Bounded signing and verification: a pool of worker threads that run signPdf or validatePdf, each
 * under V8 resourceLimits (heap, young generation, stack) and a time limit per document. A document
 * that passes a limit ends its worker (terminated, replaced by a fresh one) and gets
 * ERR_PDF_TOO_LARGE, a 400; the documents around it go on. The queue is bounded too: past it,
 * ERR_SIGNING_BUSY (503) at once, so a flood cannot pile up memory. Signing goes first: a waiting
 * document to sign is started before any waiting verification, and verifications may hold at most
 * half of the queue, so a flood of (public) verifications can neither fill it nor hold signing back
 * by more than the documents already running. See docs/pades.md, "The signing pool".
 *
 * The key (a KeyObject) and the bytes are posted to the worker (structured clone); the TSA, which
 * holds a database and cannot be cloned, stays on this thread: the worker asks for each time-stamp
 * by message, and the same way for Teken's own status of a certificate when it verifies.
 * `pool.signPdf` has signPdf's signature and `pool.validatePdf` validatePdf's, so a caller swaps one
 * for the other.
 *
 * Under tsx (tests, dev, the benchmark) the workers load pades-worker.ts through tsx; built
 * (dist/), they load pades-worker.js.
 *
 * @example
 * const pool = createPadesPool({ workers: 2 });
 * const { pdf } = await pool.signPdf({ pdf: bytes, privateKey, certificate, chain, level: 'B-T', tsa });
 * await pool.close();
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../../config/load-config.js';
import { TekenError } from '../../errors/teken-error.js';
import {
  deserializeError,
  serializeError,
  type FromWorker,
  type ToWorker,
  type WorkerSignInput,
  type WorkerVerifyInput,
} from './pades-pool-protocol.js';
import type { SignPdfInput, SignPdfResult } from './sign-pdf.js';
import type { PadesTimestamper } from './timestamp-token.js';
import type { OwnStatusLookup } from '../verify/trust.js';
import type { ValidatePdfOptions } from '../verify/validate-pdf.js';
import type { ValidationReport } from '../verify/validation-report.js';

export interface PadesPoolOptions {
  /** Worker threads; default the available parallelism (TEKEN_SIGNING_WORKERS). */
  workers?: number;
  /** Documents that may wait for a worker; more get ERR_SIGNING_BUSY (TEKEN_SIGNING_QUEUE). */
  maxQueue?: number;
  /** Time one document may take in its worker, TSA calls included (TEKEN_SIGNING_DOCUMENT_TIMEOUT_MS). */
  documentTimeoutMs?: number;
  /** V8 old-generation heap of a worker, MiB (TEKEN_SIGNING_WORKER_MEMORY_MB). */
  maxOldGenerationSizeMb?: number;
  /** V8 young generation of a worker, MiB. */
  maxYoungGenerationSizeMb?: number;
  /** Stack of a worker, MiB. */
  stackSizeMb?: number;
}

export const defaultPadesPoolOptions = {
  maxQueuePerWorker: 64,
  documentTimeoutMs: 30_000,
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
} as const;

export interface PadesPoolStats {
  signed: number;
  verified: number;
  failed: number;
  /** Workers ended for a limit (time, memory) or a crash, and replaced. */
  replaced: number;
  timedOut: number;
  outOfMemory: number;
  /** Workers that died before they were ready (each start is tried START_ATTEMPTS times in a row). */
  failedStarts: number;
}

type Job = { id: number; reject: (error: Error) => void } & (
  | {
      kind: 'sign';
      input: WorkerSignInput;
      tsa: PadesTimestamper | undefined;
      resolve: (result: SignPdfResult) => void;
    }
  | {
      kind: 'verify';
      input: WorkerVerifyInput;
      ownStatus: OwnStatusLookup | undefined;
      resolve: (report: ValidationReport) => void;
    }
);

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  /** TSA calls of the running job not answered yet. */
  tsaCalls: number;
  /** Why the pool ended it, for the job's error. */
  ending: 'timeout' | 'closed' | undefined;
  /** The error event of a worker that died on its own (memory, crash). */
  died: Error | undefined;
}

/**
 * The pool's refusals: full (try again in a moment) or shutting down (another instance behind the
 * load balancer, or this one restarted, takes the retry). `details.retryAfterSeconds` becomes the
 * answer's Retry-After (http/problem.ts), for problem+json and BSrE's shape alike.
 */
const busy = (waiting: number) =>
  new TekenError('ERR_SIGNING_BUSY', `${waiting} documents are waiting for a PAdES worker.`, {
    details: { retryAfterSeconds: 1 },
  });
const shuttingDown = () =>
  new TekenError('ERR_SIGNING_BUSY', 'The signing service is shutting down.', {
    details: { retryAfterSeconds: 5 },
  });

/** Workers in a row that may die before they are ready before the waiting documents are failed. */
const START_ATTEMPTS = 3;

/** The loader options of this process (tsx, conditions), the ones a worker may be given. */
function loaderArgs(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (/^--(import|require|loader|experimental-loader|conditions)=/.test(arg)) out.push(arg);
    else if (
      /^(--(import|require|loader|experimental-loader|conditions)|-r|-C)$/.test(arg) &&
      i + 1 < argv.length
    )
      out.push(arg, argv[++i]!);
  }
  return out;
}

function workerEntry(): { url: URL; execArgv: string[] | undefined } {
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(typescript ? './pades-worker.ts' : './pades-worker.js', import.meta.url);
  // A worker inherits the process's execArgv when given none, except that --input-type (of a
  // `node -e` caller) makes it refuse to start; given some, it refuses per-process flags. So:
  // inherited as it is where that works, else only the loader options.
  const inputType = process.execArgv.some((arg) => arg.startsWith('--input-type'));
  const loaders = loaderArgs();
  const hasTsx = loaders.some((arg) => /(^|[/\\])tsx([/\\]|$)|^tsx$/.test(arg));
  if (typescript && !hasTsx) return { url, execArgv: [...loaders, '--import', 'tsx'] };
  return { url, execArgv: inputType ? loaders : undefined };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new TekenError('ERR_CONFIG_INVALID', `The signing pool's ${name} must be a whole number ≥ 1.`);
  return value;
}

export class PadesPool {
  /** signPdf, run by a worker of the pool. */
  readonly signPdf: (input: SignPdfInput) => Promise<SignPdfResult> = (input) => this.submit(input);
  /** validatePdf, run by a worker of the pool. */
  readonly validatePdf: (pdf: Uint8Array, options: ValidatePdfOptions) => Promise<ValidationReport> = (
    pdf,
    options,
  ) => this.submitVerify(pdf, options);
  readonly stats: PadesPoolStats = {
    signed: 0,
    verified: 0,
    failed: 0,
    replaced: 0,
    timedOut: 0,
    outOfMemory: 0,
    failedStarts: 0,
  };
  readonly size: number;
  private readonly maxQueue: number;
  /** Verifications that may wait: half the queue (at least one). */
  private readonly maxVerifyQueue: number;
  private readonly timeoutMs: number;
  private readonly resourceLimits: {
    maxOldGenerationSizeMb: number;
    maxYoungGenerationSizeMb: number;
    stackSizeMb: number;
  };
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextJob = 0;
  private closed = false;
  /** Workers in a row that died before they were ready. */
  private failedStarts = 0;

  constructor(options: PadesPoolOptions = {}) {
    this.size = positive(options.workers, os.availableParallelism(), 'workers');
    this.maxQueue = positive(
      options.maxQueue,
      this.size * defaultPadesPoolOptions.maxQueuePerWorker,
      'queue',
    );
    this.maxVerifyQueue = Math.max(1, Math.floor(this.maxQueue / 2));
    this.timeoutMs = positive(
      options.documentTimeoutMs,
      defaultPadesPoolOptions.documentTimeoutMs,
      'document time limit',
    );
    this.resourceLimits = {
      maxOldGenerationSizeMb: positive(
        options.maxOldGenerationSizeMb,
        defaultPadesPoolOptions.maxOldGenerationSizeMb,
        'heap limit',
      ),
      maxYoungGenerationSizeMb: positive(
        options.maxYoungGenerationSizeMb,
        defaultPadesPoolOptions.maxYoungGenerationSizeMb,
        'young generation limit',
      ),
      stackSizeMb: positive(options.stackSizeMb, defaultPadesPoolOptions.stackSizeMb, 'stack limit'),
    };
  }

  /** Worker threads alive now (starting, idle or busy). */
  get threads(): number {
    return this.slots.size;
  }

  /** Documents waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Starts every worker now and waits until each has loaded the engine (else they start on demand). */
  async warm(): Promise<void> {
    while (this.slots.size < this.size) this.spawn();
    await Promise.all(
      [...this.slots].map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.ready) return resolve();
            const onMessage = (message: FromWorker) => {
              if (message.type !== 'ready') return;
              slot.worker.off('message', onMessage);
              resolve();
            };
            slot.worker.on('message', onMessage);
            slot.worker.once('exit', () => resolve());
          }),
      ),
    );
  }

  /** Ends every worker; documents still waiting or running get ERR_SIGNING_BUSY. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(shuttingDown());
    await Promise.all(
      [...this.slots].map((slot) => {
        slot.ending = 'closed';
        return slot.worker.terminate();
      }),
    );
  }

  private submit(input: SignPdfInput): Promise<SignPdfResult> {
    if (this.closed) return Promise.reject(shuttingDown());
    if (this.queue.length >= this.maxQueue) return Promise.reject(busy(this.queue.length));
    const { tsa, ...rest } = input;
    return new Promise<SignPdfResult>((resolve, reject) => {
      this.queue.push({ id: ++this.nextJob, kind: 'sign', input: rest, tsa, resolve, reject });
      this.dispatch();
    });
  }

  private submitVerify(pdf: Uint8Array, options: ValidatePdfOptions): Promise<ValidationReport> {
    if (this.closed) return Promise.reject(shuttingDown());
    if (this.queue.length >= this.maxQueue) return Promise.reject(busy(this.queue.length));
    if (this.queue.filter((job) => job.kind === 'verify').length >= this.maxVerifyQueue)
      return Promise.reject(busy(this.queue.length));
    const { ownStatus, ...rest } = options;
    return new Promise<ValidationReport>((resolve, reject) => {
      this.queue.push({
        id: ++this.nextJob,
        kind: 'verify',
        input: { pdf, options: rest },
        ownStatus,
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.job && !slot.ending && !slot.died) this.start(slot, this.next());
    }
    // More waiting than idle workers: start the missing ones (each takes a job once it is ready).
    const starting = [...this.slots].filter((slot) => !slot.ready).length;
    for (let i = starting; i < this.queue.length && this.slots.size < this.size; i++) this.spawn();
  }

  /** The next job to start: the first document to sign, else the first to verify. */
  private next(): Job {
    const sign = this.queue.findIndex((job) => job.kind === 'sign');
    return this.queue.splice(sign === -1 ? 0 : sign, 1)[0]!;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.tsaCalls = 0;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      slot.ending = 'timeout';
      void slot.worker.terminate();
    }, this.timeoutMs);
    const message: ToWorker =
      job.kind === 'sign'
        ? { type: 'sign', job: job.id, input: job.input, hasTsa: job.tsa !== undefined }
        : { type: 'verify', job: job.id, input: job.input, hasOwnStatus: job.ownStatus !== undefined };
    try {
      slot.worker.postMessage(message);
    } catch (error) {
      // Something in the input that cannot be cloned (a function, a class instance of the caller).
      this.finish(slot);
      job.reject(
        new TekenError('ERR_INPUT_INVALID', 'The input cannot be passed to a PAdES worker.', {
          cause: error,
        }),
      );
      this.dispatch();
    }
  }

  /** The running job's end: the worker is idle again. */
  private finish(slot: Slot): Job | undefined {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    slot.worker.unref();
    return job;
  }

  private spawn(): Slot {
    const { url, execArgv } = workerEntry();
    const worker = new Worker(url, {
      resourceLimits: this.resourceLimits,
      ...(execArgv ? { execArgv } : {}),
    });
    worker.unref();
    const slot: Slot = {
      worker,
      ready: false,
      job: undefined,
      timer: undefined,
      tsaCalls: 0,
      ending: undefined,
      died: undefined,
    };
    this.slots.add(slot);
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => {
      slot.died = error;
    });
    worker.on('exit', () => this.onExit(slot));
    return slot;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        this.failedStarts = 0;
        this.dispatch();
        return;
      case 'status': {
        const job = slot.job;
        if (job?.kind !== 'verify' || job.id !== message.job || !job.ownStatus) return;
        const reply = (answer: ToWorker) => {
          if (slot.job === job) slot.worker.postMessage(answer);
        };
        job.ownStatus(message.certificate, message.issuer).then(
          (status) => reply({ type: 'status-result', call: message.call, status }),
          (error: unknown) =>
            reply({ type: 'status-failed', call: message.call, error: serializeError(error) }),
        );
        return;
      }
      case 'tsa': {
        const job = slot.job;
        if (job?.kind !== 'sign' || job.id !== message.job || !job.tsa) return;
        slot.tsaCalls++;
        const reply = (answer: ToWorker) => {
          slot.tsaCalls--;
          // The worker may have been ended meanwhile; its job is answered already.
          if (slot.job === job) slot.worker.postMessage(answer);
        };
        job.tsa.timestamp(message.digest, message.hash, message.opts).then(
          (token) => reply({ type: 'tsa-token', call: message.call, token }),
          (error: unknown) => reply({ type: 'tsa-failed', call: message.call, error: serializeError(error) }),
        );
        return;
      }
      case 'done':
      case 'verified':
      case 'failed': {
        if (slot.job?.id !== message.job) return;
        const job = this.finish(slot)!;
        if (message.type === 'done' && job.kind === 'sign') {
          this.stats.signed++;
          job.resolve(message.result);
        } else if (message.type === 'verified' && job.kind === 'verify') {
          this.stats.verified++;
          job.resolve(message.report);
        } else {
          this.stats.failed++;
          job.reject(
            message.type === 'failed'
              ? deserializeError(message.error)
              : new TekenError('ERR_SERVER_INTERNAL', 'A PAdES worker answered another kind of job.'),
          );
        }
        this.dispatch();
      }
    }
  }

  private onExit(slot: Slot): void {
    const ending = slot.ending;
    const waitingForTsa = slot.tsaCalls > 0;
    const job = this.finish(slot);
    this.slots.delete(slot);
    if (ending !== 'closed' && slot.ready) this.stats.replaced++;
    if (job) {
      this.stats.failed++;
      job.reject(this.limitError(slot, ending, waitingForTsa, job.kind === 'sign' ? 'sign' : 'verify'));
    }
    if (!slot.ready && ending === undefined) {
      // It died before loading the engine. Once may be the moment (a heap near its limit while the
      // machine is too busy for the collector to keep up); a few times in a row is the
      // configuration, and starting more would fail the same way, forever: the waiting documents
      // get the error, and the next document tries again.
      this.stats.failedStarts++;
      if (++this.failedStarts < START_ATTEMPTS) {
        this.dispatch();
        return;
      }
      this.failedStarts = 0;
      const outOfMemory = (slot.died as { code?: string } | undefined)?.code === `ERR_WORKER_OUT_OF_MEMORY`;
      const error = new TekenError(
        'ERR_SERVER_INTERNAL',
        outOfMemory
          ? `The signing workers cannot start: ${this.resourceLimits.maxOldGenerationSizeMb} MiB (TEKEN_SIGNING_WORKER_MEMORY_MB) is too little to load the engine.`
          : 'The signing workers cannot start.',
        { cause: slot.died },
      );
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
      return;
    }
    // A fresh worker takes the place of the ended one when documents wait.
    this.dispatch();
  }

  private limitError(
    slot: Slot,
    ending: Slot['ending'],
    waitingForTsa: boolean,
    what: 'sign' | 'verify',
  ): TekenError {
    if (ending === 'closed') return shuttingDown();
    if (ending === 'timeout') {
      this.stats.timedOut++;
      if (waitingForTsa)
        // A 504 with Retry-After: the clients of BSrE's API retry 429, 503 and 504.
        return new TekenError(
          'ERR_PADES_TIMESTAMP_TIMEOUT',
          `The time-stamping authority did not answer within ${this.timeoutMs} ms.`,
          { details: { retryAfterSeconds: 5 } },
        );
      return new TekenError(
        'ERR_PDF_TOO_LARGE',
        `The PDF takes longer than ${this.timeoutMs} ms to ${what}.`,
        {
          details: { limit: 'time', ms: this.timeoutMs },
        },
      );
    }
    const code = (slot.died as { code?: string } | undefined)?.code;
    // Node's error code (not one of Teken's catalogue, hence not in quotes the catalogue test reads).
    if (code === `ERR_WORKER_OUT_OF_MEMORY`) {
      this.stats.outOfMemory++;
      return new TekenError(
        'ERR_PDF_TOO_LARGE',
        `The PDF needs more than ${this.resourceLimits.maxOldGenerationSizeMb} MiB to ${what}.`,
        { cause: slot.died, details: { limit: 'memory', mib: this.resourceLimits.maxOldGenerationSizeMb } },
      );
    }
    return new TekenError('ERR_SERVER_INTERNAL', 'A PAdES worker stopped.', { cause: slot.died });
  }
}

/** A pool with the given (or default) sizes; see PadesPoolOptions. */
export function createPadesPool(options: PadesPoolOptions = {}): PadesPool {
  return new PadesPool(options);
}

/** The pool `teken serve` runs, sized by the configuration (TEKEN_SIGNING_*). */
export function padesPoolFromConfig(signing: Config['signing']): PadesPool {
  return new PadesPool({
    workers: signing.workers,
    maxQueue: signing.queue,
    documentTimeoutMs: signing.documentTimeoutMs,
    maxOldGenerationSizeMb: signing.workerMemoryMb,
  });
}
