/**
 * The web console: the static build of console/ (React + Vite), served at `/`, with the HTML
 * shell returned for the console's own paths so deep links (e.g. the e-mailed `/link#...`) work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Same depth from src/http/routes and dist/http/routes. */
export const consoleDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../console/dist',
);

export async function consoleRoutes(
  app: FastifyInstance,
  dist = consoleDist,
): Promise<((reply: FastifyReply) => FastifyReply) | undefined> {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return undefined;
  const shell = fs.readFileSync(index);
  const assetsDir = path.join(dist, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    index: false,
    wildcard: false,
    cacheControl: false,
    // With `wildcard: false` every built file has a route of its own, which the `/assets/*` route
    // below never sees: hashed build assets get their year-long caching here.
    setHeaders: (res, file) => {
      if (file.startsWith(assetsDir)) void res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const sendShell = (reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      // CSP, nosniff and Referrer-Policy come from security-headers.ts, as on every response.
      .header('cache-control', 'no-cache')
      .send(shell);
  app.get('/', (_request, reply) => sendShell(reply));
  // Hashed build assets never change: cache them for a year.
  app.get('/assets/*', (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(path.join('assets', file));
  });
  return sendShell;
}
