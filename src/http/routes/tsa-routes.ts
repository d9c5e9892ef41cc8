/**
 * `POST /tsa`: RFC 3161 time-stamping over HTTP (RFC 3161 3.4: `application/timestamp-query` in,
 * `application/timestamp-reply` out), and the TSA unit certificate at `/ca/tsa.crt` and
 * `/ca/tsa.pem` so verifiers can fetch what signed a token without the token carrying it.
 *
 * Every well-sized query of the right type gets a TimeStampResp with HTTP 200, a malformed one a
 * `rejection` (badDataFormat, badAlg, ...), never a 5xx; what is not a query at all gets
 * problem+json: 415 for another content type, 413 above the size limit, 429 with Retry-After past
 * TEKEN_TSA_REQUESTS_PER_MINUTE from one address.
 */
import type { FastifyReply } from 'fastify';
import { statusPaths } from '../../authority/status-urls.js';
import { TekenError } from '../../errors/teken-error.js';
import { toPem } from '../../pki/certificate-assembly.js';
import type { TimeStamper } from '../../signing/tsa/time-stamp-authority.js';
import { problemOf, sendProblem } from '../problem.js';
import { routeGroup } from '../route-group.js';
import { problemResponse } from '../schemas.js';

/** A TimeStampReq with a SHA-512 imprint and a long nonce is about 120 bytes. */
export const MAX_TSA_REQUEST_BYTES = 16 * 1024;

export interface TsaRoutesOptions {
  tsa: TimeStamper;
  /** The per-address quota (the attempt guard's `tsa_request`). */
  limit: (address: string) => Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
}

const errors = { '4xx': problemResponse, '5xx': problemResponse };

export const tsaRoutes = routeGroup<TsaRoutesOptions>((app, { tsa, limit }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/timestamp-query',
    { parseAs: 'buffer', bodyLimit: MAX_TSA_REQUEST_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post(
    statusPaths.tsa,
    {
      config: { access: 'public' },
      schema: {
        summary: 'RFC 3161 time-stamping: a DER TimeStampReq in, a DER TimeStampResp out.',
        description:
          'Content-Type application/timestamp-query; the answer is application/timestamp-reply with status 200, `granted` or a `rejection` with its failure info. 415, 413 and 429 (with Retry-After) are problem+json.',
        response: { '4xx': problemResponse, '5xx': problemResponse },
      },
    },
    async (request, reply) => {
      const quota = await limit(request.ip);
      if (!quota.ok)
        throw new TekenError(
          'ERR_TSA_RATE_LIMITED',
          `At most the configured number of time-stamp requests per minute from one address; retry in ${quota.retryAfterSeconds} s.`,
          { details: { retryAfterSeconds: quota.retryAfterSeconds } },
        );
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const answer = await tsa.respond(body);
      return reply
        .header('cache-control', 'no-store')
        .type('application/timestamp-reply')
        .send(Buffer.from(answer));
    },
  );

  const certificate = async (reply: FastifyReply) => {
    const der = await tsa.certificate();
    if (!der) sendProblem(reply, problemOf('ERR_CA_NOT_INITIALISED', 'There is no TSA unit yet.'));
    return der;
  };

  app.get(
    statusPaths.tsaCertificate,
    { config: { access: 'public' }, schema: { summary: 'The TSA unit certificate, DER.', response: errors } },
    async (_request, reply) => {
      const der = await certificate(reply);
      if (!der) return reply;
      // Short: a renewed unit replaces it (its old tokens carry or name the old certificate).
      return reply
        .header('cache-control', 'public, max-age=300')
        .type('application/pkix-cert')
        .send(Buffer.from(der));
    },
  );

  app.get(
    statusPaths.tsaCertificatePem,
    { config: { access: 'public' }, schema: { summary: 'The TSA unit certificate, PEM.', response: errors } },
    async (_request, reply) => {
      const der = await certificate(reply);
      if (!der) return reply;
      return reply
        .header('cache-control', 'public, max-age=300')
        .type('application/x-pem-file')
        .send(toPem(der));
    },
  );
});
