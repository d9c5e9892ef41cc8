/**
 * The body of one worker of the PAdES pool (pades-pool.ts): it runs signPdf, or validatePdf, on the
 * documents the pool posts, one at a time, under the pool's resourceLimits, and asks the main
 * thread for each time-stamp (the TSA is Teken's own, on the main thread's database) and for
 * Teken's own status of a certificate (its CA database). Nothing here logs; a failure goes back as
 * the TekenError signPdf or validatePdf made of it.
 */
import { parentPort } from 'node:worker_threads';
import type { PadesHash } from './cms.js';
import { deserializeError, serializeError, type FromWorker, type ToWorker } from './pades-pool-protocol.js';
import { signPdf } from './sign-pdf.js';
import type { PadesTimestamper } from './timestamp-token.js';
import type { OwnStatusLookup } from '../verify/trust.js';
import { validatePdf } from '../verify/validate-pdf.js';

const port = parentPort;
if (!port) throw new Error('pades-worker.ts runs as a worker thread of the signing pool.');

const post = (message: FromWorker) => port.postMessage(message);

/** The pending time-stamp and status requests of the running document, by call id. */
const pendingTsa = new Map<number, { resolve: (token: Uint8Array) => void; reject: (e: Error) => void }>();
const pendingStatus = new Map<
  number,
  { resolve: (status: { revokedAt: Date | null } | undefined) => void; reject: (e: Error) => void }
>();
let nextCall = 0;

function proxiedStatus(job: number): OwnStatusLookup {
  return (certificate, issuer) => {
    const call = ++nextCall;
    return new Promise((resolve, reject) => {
      pendingStatus.set(call, { resolve, reject });
      post({ type: 'status', job, call, certificate, issuer });
    });
  };
}

async function verify(message: Extract<ToWorker, { type: 'verify' }>): Promise<void> {
  try {
    const report = await validatePdf(message.input.pdf, {
      ...message.input.options,
      ...(message.hasOwnStatus ? { ownStatus: proxiedStatus(message.job) } : {}),
    });
    post({ type: 'verified', job: message.job, report });
  } catch (error) {
    post({ type: 'failed', job: message.job, error: serializeError(error) });
  }
}

function proxiedTsa(job: number): PadesTimestamper {
  return {
    timestamp(digest: Uint8Array, hash: PadesHash, opts?: { certReq?: boolean }) {
      const call = ++nextCall;
      return new Promise<Uint8Array>((resolve, reject) => {
        pendingTsa.set(call, { resolve, reject });
        post({ type: 'tsa', job, call, digest, hash, ...(opts ? { opts } : {}) });
      });
    },
  };
}

async function sign(message: Extract<ToWorker, { type: 'sign' }>): Promise<void> {
  try {
    const result = await signPdf({
      ...message.input,
      ...(message.hasTsa ? { tsa: proxiedTsa(message.job) } : {}),
    });
    post({ type: 'done', job: message.job, result });
  } catch (error) {
    post({ type: 'failed', job: message.job, error: serializeError(error) });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'sign') {
    void sign(message);
    return;
  }
  if (message.type === 'verify') {
    void verify(message);
    return;
  }
  if (message.type === 'status-result' || message.type === 'status-failed') {
    const waiting = pendingStatus.get(message.call);
    if (!waiting) return;
    pendingStatus.delete(message.call);
    if (message.type === 'status-result') waiting.resolve(message.status);
    else waiting.reject(deserializeError(message.error));
    return;
  }
  const pending = pendingTsa.get(message.call);
  if (!pending) return;
  pendingTsa.delete(message.call);
  if (message.type === 'tsa-token') pending.resolve(message.token);
  else pending.reject(deserializeError(message.error, true));
});

post({ type: 'ready' });
