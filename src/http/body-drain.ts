/**
 * Reading the rest of a refused request body before answering. When Fastify refuses a body (413
 * for a declared or counted size over the limit) it answers at once with `Connection: close`; Node
 * then closes the socket while the client is still uploading, the kernel answers the unread bytes
 * with a TCP reset, and a reset that reaches the client before it has read the 413 destroys the
 * answer (RFC 9112 9.6 describes the same trap for servers that close early). So the answer waits
 * until the rest of the body has been read and discarded, up to TEKEN_BODY_DRAIN_LIMIT_BYTES and a
 * time limit; a body declared larger than that, or still coming after it, gets the answer and the
 * close at once, as before: the cap bounds what a client can make the server read for nothing.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** A client that uploads slower than this is not waited for. */
const DRAIN_TIMEOUT_MS = 10_000;

/** Resolves true once the body has ended, false when it is larger than `capBytes` or too slow. */
export function drainBody(
  req: IncomingMessage,
  capBytes: number,
  timeoutMs = DRAIN_TIMEOUT_MS,
): Promise<boolean> {
  if (req.complete || req.readableEnded) return Promise.resolve(true);
  if (Number(req.headers['content-length']) > capBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let received = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > capBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), timeoutMs);
    timer.unref();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.resume();
  });
}

/**
 * Delays every reply whose request body is still arriving until the body has been drained (an
 * onSend hook on the root instance: the API's problem+json 413 and the OCSP route's alike). Requests
 * of `inject()` have no socket to protect and are left alone.
 */
export function registerBodyDrain(app: FastifyInstance, capBytes: number): void {
  // A callback hook, not an async one: the common case (body read) costs no promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    const req = request.raw;
    if (req.complete !== false || req.readableEnded) {
      done(null, payload);
      return;
    }
    void drainBody(req, capBytes).then((drained) => {
      // Nothing left of the body: the connection may carry the client's next request.
      if (drained) reply.removeHeader('connection');
      else reply.header('connection', 'close');
      done(null, payload);
    });
  });
}
