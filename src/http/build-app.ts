/**
 * The Fastify application, built apart from listening so tests drive it through `inject()`.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { OcspResponder } from '../authority/ocsp-responder.js';
import type { Runtime } from '../runtime/open-runtime.js';
import { ocspErrorResponse } from '../pki/ocsp.js';
import { problemOf, registerProblemHandlers, sendProblem } from './problem.js';
import { caRoutes } from './routes/ca-routes.js';
import { crlRoutes, type CrlCache } from './routes/crl-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { ocspRoutes } from './routes/ocsp-routes.js';

export interface TekenApp {
  app: FastifyInstance;
  ocsp: OcspResponder;
  crls: CrlCache;
}

export async function buildApp(rt: Runtime): Promise<TekenApp> {
  const app = Fastify({
    // The cast pins Fastify's logger type parameter to its base type, which the route helpers expect.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: rt.log as FastifyBaseLogger,
    bodyLimit: rt.config.bodyLimitBytes,
    trustProxy: false,
    requestIdHeader: false,
    return503OnClosing: true,
    // Errors raised before routing (a URL that does not decode, a bad header): OCSP clients get
    // an OCSP answer, everyone else problem+json.
    frameworkErrors: (error, request, rawReply) => {
      const reply = rawReply as FastifyReply;
      if (request.url.startsWith('/ocsp')) {
        void reply
          .code(200)
          .header('cache-control', 'no-store')
          .type('application/ocsp-response')
          .send(Buffer.from(ocspErrorResponse('malformedRequest')));
        return;
      }
      void sendProblem(reply, problemOf('ERR_INPUT_INVALID', error.message));
    },
  });
  registerProblemHandlers(app);
  const ocsp = new OcspResponder(rt.authority);
  healthRoutes(app, rt);
  caRoutes(app, rt);
  const crls = crlRoutes(app, rt);
  ocspRoutes(app, rt, ocsp);
  await app.ready();
  return { app, ocsp, crls };
}
