import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OcspAnswer, OcspResponder } from '../../authority/ocsp-responder.js';
import { ocspErrorResponse } from '../../pki/ocsp.js';
import type { Runtime } from '../../runtime/open-runtime.js';
import { setStatusCacheHeaders } from './status-cache-headers.js';

/** OCSP requests are about 100 bytes; anything much larger is not one. */
const MAX_REQUEST_BYTES = 8 * 1024;

/** `POST /ocsp` (RFC 6960 A.1) and `GET /ocsp/<url-encoded base64>` (RFC 5019 5). */
export function ocspRoutes(app: FastifyInstance, rt: Runtime, responder: OcspResponder): void {
  const send = (reply: FastifyReply, answer: OcspAnswer) => {
    if (answer.thisUpdate && answer.nextUpdate) {
      setStatusCacheHeaders(
        reply,
        answer.body,
        answer.thisUpdate,
        answer.nextUpdate,
        rt.config.statusMaxAgeSeconds,
      );
    } else {
      reply.header('cache-control', 'no-store');
    }
    return reply.type('application/ocsp-response').send(Buffer.from(answer.body));
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
    scope.post('/ocsp', { logLevel: 'warn' }, async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        return send(reply, { body: ocspErrorResponse('malformedRequest'), kind: 'error' });
      return send(reply, await responder.respond(body));
    });
    done();
  });

  app.get<{ Params: { '*': string } }>('/ocsp/*', { logLevel: 'warn' }, async (request, reply) => {
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
    if (!der || der.length === 0)
      return send(reply, { body: ocspErrorResponse('malformedRequest'), kind: 'error' });
    return send(reply, await responder.respond(der));
  });
}
