/**
 * `GET /api/v1/console-config`: what the web console needs to know about this installation before
 * anyone signs in (the organisation name in its header). Public, so it holds nothing but display
 * settings the operator chose to show everyone.
 */
import { responses, strictObject } from '../schemas.js';
import { routeGroup } from '../route-group.js';

export interface ConsoleConfigRoutesOptions {
  /** TEKEN_ORGANISATION_NAME. */
  organisationName: string;
}

export const consoleConfigRoutes = routeGroup<ConsoleConfigRoutesOptions>((app, { organisationName }) => {
  const body = { organisationName };
  app.get(
    '/api/v1/console-config',
    {
      logLevel: 'warn',
      config: { access: 'public' },
      schema: {
        description:
          'Display settings for the web console, readable without signing in: the organisation name (TEKEN_ORGANISATION_NAME) shown in its header.',
        response: responses({
          200: strictObject({ organisationName: { type: 'string' } }, { title: 'ConsoleConfig' }),
        }),
      },
    },
    // Read once per page load; a short cache keeps a changed name from lingering.
    (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(body),
  );
});
