/**
 * The web console: the static build of console/ (React + Vite), served at `/`, with the HTML
 * shell returned for the console's own paths so deep links (e.g. the e-mailed `/link#...`) work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { defaultAccess } from '../access.js';

/** Same depth from src/http/routes and dist/http/routes. */
export const consoleDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../console/dist',
);

/** Sends the console's HTML shell (index.html) with its security headers. */
export type ShellSender = (reply: FastifyReply) => FastifyReply;

/** The shell of the console build at `dist`, or undefined when the console has not been built. */
export function loadConsoleShell(dist = consoleDist): ShellSender | undefined {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return undefined;
  const shell = fs.readFileSync(index);
  return (reply) =>
    reply
      .type('text/html; charset=utf-8')
      // CSP, nosniff and Referrer-Policy come from security-headers.ts, as on every response.
      .header('cache-control', 'no-cache')
      .send(shell);
}

export interface ConsoleRoutesOptions {
  dist: string;
  sendShell: ShellSender;
}

/** The static files of the console; all public (the API behind them checks every request). */
export const consoleRoutes: FastifyPluginAsync<ConsoleRoutesOptions> = async (app, { dist, sendShell }) => {
  // @fastify/static registers a route per file, without our route config: they are public.
  defaultAccess(app, 'public');
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
  const hidden = { config: { access: 'public' }, schema: { hide: true } } as const;
  app.get('/', hidden, (_request, reply) => sendShell(reply));
  // Hashed build assets never change: cache them for a year.
  app.get('/assets/*', hidden, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(path.join('assets', file));
  });
};
