import { errorCatalogue, type ErrorCode } from './catalogue.js';

/**
 * The single error type of Teken. Domain code throws it with a stable code and a message meant for
 * the caller; the HTTP edge turns it into RFC 7807 problem+json. Errors whose status is 5xx are not
 * exposed: the caller sees the catalogue's generic title and the log keeps the cause.
 *
 * @example
 * throw new TekenError('ERR_PROFILE_VIOLATION', 'The tls-server profile needs at least one DNS name.');
 */
export class TekenError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Whether the message may be shown to the caller (only for 4xx). */
  readonly expose: boolean;
  /** Structured, non-secret details for the caller (4xx) or the log (5xx). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(
      message ?? errorCatalogue[code].title,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'TekenError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.expose = this.status < 500;
    this.details = options?.details;
  }
}

export function isTekenError(error: unknown, code?: ErrorCode): error is TekenError {
  return error instanceof TekenError && (code === undefined || error.code === code);
}
