/**
 * The routes API clients call with HTTP Basic (api-client-auth.ts). For now one that is not in
 * BSrE's API: `GET /api/v2/whoami`, which tells a client which client and institution its
 * credentials are (a connection check for an HR system's set-up). The eSign API joins this group.
 */
import type { IdentityContext } from '../../identity/identity-context.js';
import { apiCallerOf, apiClientResponses, useApiClientAuth } from '../api-client-auth.js';
import { routeGroup } from '../route-group.js';
import { strictObject, uuid } from '../schemas.js';

export interface WhoamiRoutesOptions {
  identity: IdentityContext;
}

export const whoamiRoutes = routeGroup<WhoamiRoutesOptions>((app, { identity }) => {
  useApiClientAuth(app, identity);
  app.get(
    '/api/v2/whoami',
    {
      config: { access: 'api-client' },
      schema: {
        summary: 'The API client the HTTP Basic credentials name, and its institution.',
        response: apiClientResponses({
          200: strictObject(
            { status: { type: 'boolean' }, username: { type: 'string' }, institutionId: uuid() },
            { title: 'ApiClientWhoami' },
          ),
        }),
      },
    },
    (request) => {
      const client = apiCallerOf(request);
      return { status: true, username: client.username, institutionId: client.institutionId };
    },
  );
});
