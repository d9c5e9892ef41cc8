/**
 * The messages between the PAdES pool (pades-pool.ts) and its workers (pades-worker.ts): signing
 * (the TSA asked on the main thread) and verification (Teken's CA database asked on the main
 * thread for the status of the certificates it issued); and how
 * a TekenError crosses between them: structured clone keeps neither its class nor its code, so it
 * travels as its code, message, details and the text of its cause (for the log).
 */
import { TekenError } from '../../errors/teken-error.js';
import type { ErrorCode } from '../../errors/catalogue.js';
import type { PadesHash } from './cms.js';
import type { SignPdfInput, SignPdfResult } from './sign-pdf.js';
import type { ValidatePdfOptions } from '../verify/validate-pdf.js';
import type { ValidationReport } from '../verify/validation-report.js';

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  cause?: string;
  /** Not a TekenError where it was thrown (e.g. a TSA's network error): the receiver decides. */
  foreign?: true;
}

/** signPdf's input less the TSA, which stays on the main thread. */
export type WorkerSignInput = Omit<SignPdfInput, 'tsa'>;

/** validatePdf's arguments less the status lookup, which stays on the main thread. */
export interface WorkerVerifyInput {
  pdf: Uint8Array;
  options: Omit<ValidatePdfOptions, 'ownStatus'>;
}

export type OwnStatus = { revokedAt: Date | null } | undefined;

export type ToWorker =
  | { type: 'sign'; job: number; input: WorkerSignInput; hasTsa: boolean }
  | { type: 'verify'; job: number; input: WorkerVerifyInput; hasOwnStatus: boolean }
  | { type: 'tsa-token'; call: number; token: Uint8Array }
  | { type: 'tsa-failed'; call: number; error: SerializedError }
  | { type: 'status-result'; call: number; status: OwnStatus }
  | { type: 'status-failed'; call: number; error: SerializedError };

export type FromWorker =
  | { type: 'ready' }
  | {
      type: 'tsa';
      job: number;
      call: number;
      digest: Uint8Array;
      hash: PadesHash;
      opts?: { certReq?: boolean };
    }
  | { type: 'status'; job: number; call: number; certificate: Uint8Array; issuer: Uint8Array }
  | { type: 'done'; job: number; result: SignPdfResult }
  | { type: 'verified'; job: number; report: ValidationReport }
  | { type: 'failed'; job: number; error: SerializedError };

/** The text of a cause for the log: its name and message (never a document's bytes). */
const describe = (cause: unknown): string =>
  cause instanceof Error ? `${cause.name}: ${cause.message}` : typeof cause === 'string' ? cause : 'unknown';

export function serializeError(error: unknown): SerializedError {
  if (error instanceof TekenError)
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...(error.cause !== undefined ? { cause: describe(error.cause) } : {}),
    };
  return {
    code: 'ERR_SERVER_INTERNAL',
    message: 'The signing worker failed.',
    cause: describe(error),
    foreign: true,
  };
}

/** Back to a TekenError; a foreign error as a plain Error when `keepForeign` (callTsa wraps it). */
export function deserializeError(error: SerializedError, keepForeign = false): Error {
  if (error.foreign && keepForeign) return new Error(error.cause);
  return new TekenError(error.code, error.message, {
    ...(error.details ? { details: error.details } : {}),
    ...(error.cause !== undefined ? { cause: new Error(error.cause) } : {}),
  });
}
