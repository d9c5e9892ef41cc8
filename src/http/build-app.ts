/**
 * The Fastify application, built apart from listening so tests drive it through `inject()`.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { OcspResponder } from '../authority/ocsp-responder.js';
import type { Runtime } from '../runtime/open-runtime.js';
import { registerProblemHandlers } from './problem.js';
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
    loggerInstance: rt.log as FastifyBaseLogger,
    bodyLimit: rt.config.bodyLimitBytes,
    trustProxy: false,
    disableRequestLogging: false,
    requestIdHeader: false,
    return503OnClosing: true,
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
