/**
 * Counts and times every request Fastify answers, by route pattern (`/api/v1/accounts/:id`, never
 * the URL with its ids and search terms), method and status class. An onResponse hook of the root
 * instance, inherited by every plugin registered after it.
 */
import type { FastifyInstance } from 'fastify';
import type { TekenMetrics } from '../runtime/metrics.js';

export function registerHttpMetrics(app: FastifyInstance, metrics: TekenMetrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    // No route: a 404, or an error before routing; one series for all of them.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
