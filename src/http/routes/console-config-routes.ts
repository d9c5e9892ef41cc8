/**
 * `GET /api/v1/console-config`: what the web console needs to know about this installation before
 * anyone signs in (the organisation name in its header). Public, so it holds nothing but display
 * settings the operator chose to show everyone.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.js';

export function consoleConfigRoutes(app: FastifyInstance, config: Config): void {
  const body = { organisationName: config.organisationName };
  app.get(
    '/api/v1/console-config',
    {
      logLevel: 'warn',
      schema: {
        description:
          'Display settings for the web console, readable without signing in: the organisation name (TEKEN_ORGANISATION_NAME) shown in its header.',
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            required: ['organisationName'],
            properties: { organisationName: { type: 'string' } },
          },
        },
      },
    },
    // Read once per page load; a short cache keeps a changed name from lingering.
    (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(body),
  );
}
