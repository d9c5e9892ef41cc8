/**
 * The metrics listener: `GET /metrics` in Prometheus text format on TEKEN_METRICS_HOST:
 * TEKEN_METRICS_PORT, apart from the public port, so the figures (request rates, backlog, pool use)
 * are not public and a scrape never competes with the public routes' rate limits or proxies. A
 * plain node:http server: one route, no body, nothing Fastify would add.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from '../http/security-headers.js';
import type { Logger } from './logger.js';
import type { TekenMetrics } from './metrics.js';

export interface MetricsListener {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

export async function listenForMetrics(
  metrics: TekenMetrics,
  options: { host: string; port: number; publicUrl: string; log: Logger },
): Promise<MetricsListener> {
  const headers = { ...securityHeaders(options.publicUrl), 'cache-control': 'no-store' };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
      return;
    }
    metrics.scrape().then(
      (text) => {
        res
          .writeHead(200, { ...headers, 'content-type': metrics.contentType })
          .end(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        options.log.error({ err: error }, 'collecting metrics failed');
        res
          .writeHead(500, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
          .end('Collecting metrics failed.\n');
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
