import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/**
 * A route group as an encapsulated Fastify plugin (register it with `app.register(group, options)`),
 * from a function that adds its hooks and routes synchronously. A route refused at registration
 * (see access.ts) rejects the app's start, where a callback plugin's throw would escape as an
 * uncaught exception.
 */
export function routeGroup<Options extends object>(
  register: (app: FastifyInstance, options: Options) => void,
): FastifyPluginAsync<Options> {
  return (app, options) =>
    new Promise<void>((resolve) => {
      register(app, options);
      resolve();
    });
}
