/**
 * Answers to requests Node's HTTP parser refuses before Fastify sees them (a bad request line, a
 * malformed header, headers over Node's limit, a request that arrives too slowly): Fastify's
 * `clientErrorHandler`, writing a whole problem+json response on the raw socket, as every other
 * error of the API is answered, with the security headers and `Connection: close`.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { ErrorCode } from '../errors/catalogue.js';
import { problemOf } from './problem.js';

/** How long a socket may stay half-closed after the answer, so the client reads it before the close. */
const LINGER_MS = 2_000;

function codeOf(error: NodeJS.ErrnoException): ErrorCode {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return 'ERR_INPUT_HEADERS_TOO_LARGE';
    // Node's code, not one of Teken's (a template literal: the catalogue test scans quoted ERR_ codes).
    case `ERR_HTTP_REQUEST_TIMEOUT`:
      return 'ERR_INPUT_TIMEOUT';
    default:
      return 'ERR_INPUT_INVALID';
  }
}

/** The raw HTTP/1.1 response for a client error. */
export function clientErrorResponse(
  error: NodeJS.ErrnoException,
  headers: Readonly<Record<string, string>>,
): string {
  // The parser's reason (e.g. "Invalid header value char") helps the client; it never holds their data.
  const code = codeOf(error);
  const problem = problemOf(
    code,
    code === 'ERR_INPUT_INVALID' ? 'The request could not be parsed as HTTP/1.1.' : undefined,
  );
  const body = JSON.stringify(problem);
  const lines = [
    `HTTP/1.1 ${problem.status} ${http.STATUS_CODES[problem.status] ?? 'Error'}`,
    'content-type: application/problem+json',
    `content-length: ${Buffer.byteLength(body)}`,
    'cache-control: no-store',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** The handler for Fastify's `clientErrorHandler` option. */
export function clientErrorHandler(
  log: FastifyBaseLogger,
  headers: Readonly<Record<string, string>>,
): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    // A reset connection has nothing left to answer.
    // Node calls again for bytes that arrive after the error; the answer has gone by then.
    if (error.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) return;
    log.debug({ code: error.code }, 'client error');
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    // end() rather than destroy(): the answer is flushed and a FIN sent before the socket goes.
    socket.end(clientErrorResponse(error, headers));
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}
