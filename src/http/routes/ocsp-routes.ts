import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';
import type { OcspAnswer, OcspResponder } from '../../authority/ocsp-responder.js';
import { ocspErrorResponse } from '../../pki/ocsp.js';
import { ocspErrorStatus, type TekenMetrics } from '../../runtime/metrics.js';
import type { Runtime } from '../../runtime/open-runtime.js';
import { securityHeaders } from '../security-headers.js';

/** OCSP requests are about 100 bytes; anything much larger is not one. */
const MAX_REQUEST_BYTES = 8 * 1024;

/** What an answer's HTTP response needs that does not depend on the time of the request. */
interface Prepared {
  body: Buffer;
  etag: string;
  lastModified: string;
  nextUpdate: number;
  contentLength: string;
  /** The HTTP answer of the second `second` (headers included), while the answer is valid past max-age. */
  second: number;
  current: HttpAnswer | undefined;
}

/** Response headers; the HTTP layer treats the object as read-only, so it may be sent many times. */
function headersOf(
  p: Prepared,
  cacheControl: string,
  expires: string,
  security: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    ...security,
    'cache-control': cacheControl,
    'last-modified': p.lastModified,
    expires,
    etag: p.etag,
    'content-type': 'application/ocsp-response',
    'content-length': p.contentLength,
  };
}

const levelOrder: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/**
 * The request logger of the OCSP routes. Fastify gives every request a pino child logger (request id,
 * route level); on this path making it costs more than the answer. This stand-in is what an OCSP
 * request gets instead: it makes the same child only when something is logged at an enabled level.
 */
class DeferredLogger implements FastifyBaseLogger {
  level: string;
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;
  #child: FastifyBaseLogger | undefined;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
    this.level = options.level ?? parent.level;
  }

  #log(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', args: unknown[]): void {
    if (levelOrder[level]! < (levelOrder[this.level] ?? 0)) return;
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    this.#child[level](...(args as [unknown]));
  }

  fatal(...args: unknown[]): void {
    this.#log('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#log('error', args);
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }
  info(...args: unknown[]): void {
    this.#log('info', args);
  }
  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#log('trace', args);
  }
  silent(): void {}
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    return this.#child.child(bindings, options);
  }
}

const routeOptions = {
  logLevel: 'warn' as const,
  childLoggerFactory: (logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) =>
    new DeferredLogger(logger, bindings, options),
};

/** An OCSP answer as HTTP: status 200, the body, and headers in the order written. */
interface HttpAnswer {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * Calls `done` with the request body once it has arrived, if it is exactly `length` bytes; not at all
 * if the client goes away first (Node then closes the socket).
 */
function onBody(req: IncomingMessage, length: number, done: (body: Buffer) => void): void {
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > length) return;
    if (first === undefined) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  req.on('end', () => {
    if (received === length && first !== undefined) done(more ? Buffer.concat(more) : first);
  });
}

/** `POST /ocsp` (RFC 6960 A.1) and `GET /ocsp/<url-encoded base64>` (RFC 5019 5). */
/** Answers a raw request itself (true), or leaves it untouched for Fastify (false). */
export type RawRequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The OCSP routes; returns the hot path for the server's request listener. */
export function ocspRoutes(
  app: FastifyInstance,
  rt: Runtime,
  responder: OcspResponder,
  metrics?: TekenMetrics,
): RawRequestHandler {
  const maxAgeSeconds = rt.config.statusMaxAgeSeconds;
  // The hot path answers outside Fastify, so it adds the headers of security-headers.ts itself.
  const security = securityHeaders(rt.config.publicUrl);
  /** One counter increment per answer: the certificate status, or the error status of the body. */
  const count = (answer: OcspAnswer) =>
    metrics?.ocspAnswer(answer.kind === 'error' ? ocspErrorStatus(answer.body) : answer.kind);
  // Cached answers are served many times: their body, ETag and Last-Modified are computed once.
  const prepared = new WeakMap<OcspAnswer, Prepared>();
  // Cache-Control and Expires of answers valid for longer than the max-age: the same within a second.
  let second = -1;
  const fullCacheControl = `public, max-age=${maxAgeSeconds}, no-transform, must-revalidate`;
  let fullExpires = '';

  /** The caching headers of status-cache-headers.ts (RFC 5019 6.2), with the per-answer parts memoised. */
  const httpAnswer = (answer: OcspAnswer): HttpAnswer => {
    const { thisUpdate, nextUpdate } = answer;
    if (!thisUpdate || !nextUpdate) {
      const body = Buffer.from(answer.body);
      return {
        body,
        headers: {
          ...security,
          'cache-control': 'no-store',
          'content-type': 'application/ocsp-response',
          'content-length': String(body.length),
        },
      };
    }
    let p = prepared.get(answer);
    if (!p) {
      const body = Buffer.from(answer.body);
      p = {
        body,
        etag: `"${crypto.createHash('sha1').update(body).digest('hex')}"`,
        lastModified: thisUpdate.toUTCString(),
        nextUpdate: nextUpdate.getTime(),
        contentLength: String(body.length),
        second: -1,
        current: undefined,
      };
      prepared.set(answer, p);
    }
    const now = Date.now();
    const remaining = Math.floor((p.nextUpdate - now) / 1000);
    if (remaining >= maxAgeSeconds) {
      // Valid for longer than the max-age: the headers are the same for the rest of this second.
      const nowSecond = Math.floor(now / 1000);
      if (p.second === nowSecond && p.current) return p.current;
      if (nowSecond !== second) {
        second = nowSecond;
        fullExpires = new Date(now + maxAgeSeconds * 1000).toUTCString();
      }
      p.second = nowSecond;
      p.current = { body: p.body, headers: headersOf(p, fullCacheControl, fullExpires, security) };
      return p.current;
    }
    const maxAge = Math.max(0, remaining);
    return {
      body: p.body,
      headers: headersOf(
        p,
        `public, max-age=${maxAge}, no-transform, must-revalidate`,
        new Date(now + maxAge * 1000).toUTCString(),
        security,
      ),
    };
  };

  const send = (reply: FastifyReply, answer: OcspAnswer) => {
    count(answer);
    const { body, headers } = httpAnswer(answer);
    return reply.headers(headers).send(body);
  };

  // The handlers return undefined after sending (not the reply, which is a thenable that settles
  // only when the response has finished: tracking that costs more than answering from the cache).
  const answerLater = async (reply: FastifyReply, der: Uint8Array): Promise<void> => {
    void send(reply, await responder.respond(der));
  };
  const answer = (reply: FastifyReply, der: Uint8Array): Promise<void> | undefined => {
    const hit = responder.cached(der);
    if (!hit) return answerLater(reply, der);
    void send(reply, hit);
    return undefined;
  };

  /**
   * The hot path, for what OCSP clients send: POST /ocsp with Content-Type application/ocsp-request
   * and a Content-Length within the limit. It is answered on the raw request, before Fastify (from
   * the server's request listener, see build-app.ts): Fastify's routing, request and reply objects
   * cost more than the answer. The status, body and headers are those the route below sends;
   * anything else (content-type and size errors, chunked bodies, GET, `inject()`) takes the route.
   * Returns false, having touched nothing, when the request is not for the hot path.
   */
  const fastPost: RawRequestHandler = (req, res) => {
    if (req.method !== 'POST' || req.url !== '/ocsp') return false;
    const length = Number(req.headers['content-length']);
    if (
      req.headers['content-type'] !== 'application/ocsp-request' ||
      !(length > 0 && length <= MAX_REQUEST_BYTES) ||
      req.headers['transfer-encoding'] !== undefined
    )
      return false;
    const write = (result: OcspAnswer) => {
      count(result);
      metrics?.hotPathRequest();
      const { body, headers } = httpAnswer(result);
      res.writeHead(200, headers).end(body);
    };
    onBody(req, length, (der) => {
      const hit = responder.cached(der);
      if (hit) return write(hit);
      responder.respond(der).then(write, (error: unknown) => {
        // respond() answers every failure itself; this is a bug, reported as an OCSP internalError.
        rt.log.error({ err: error }, 'OCSP request failed');
        write({ body: ocspErrorResponse('internalError'), kind: 'error' });
      });
    });
    return true;
  };

  app.register((scope, _opts, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/ocsp-request',
      { parseAs: 'buffer', bodyLimit: MAX_REQUEST_BYTES },
      (_req, body, next) => {
        next(null, body);
      },
    );
    scope.post('/ocsp', routeOptions, (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        void send(reply, { body: ocspErrorResponse('malformedRequest'), kind: 'error' });
        return undefined;
      }
      return answer(reply, body);
    });
    done();
  });

  app.get<{ Params: { '*': string } }>('/ocsp/*', routeOptions, (request, reply) => {
    const encoded = request.params['*'];
    let der: Buffer | undefined;
    if (encoded.length > 0 && encoded.length <= MAX_REQUEST_BYTES) {
      try {
        // Clients percent-encode '+', '/' and '='; some send base64url.
        const b64 = decodeURIComponent(encoded).replace(/-/g, '+').replace(/_/g, '/');
        if (/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) der = Buffer.from(b64, 'base64');
      } catch {
        der = undefined;
      }
    }
    if (!der || der.length === 0) {
      void send(reply, { body: ocspErrorResponse('malformedRequest'), kind: 'error' });
      return undefined;
    }
    return answer(reply, der);
  });
  return fastPost;
}
