import type { Config } from '../config/load-config.js';
import { buildApp, type TekenApp } from '../http/build-app.js';
import { padesPoolFromConfig, type PadesPool } from '../signing/pades/pades-pool.js';
import { startBackgroundJobs, type BackgroundJobs } from './background-jobs.js';
import { listenForMetrics, type MetricsListener } from './metrics-listener.js';
import { openRuntime, type Runtime } from './open-runtime.js';
import { listenForStatusChanges } from './status-notifications.js';

export interface RunningServer {
  rt: Runtime;
  web: TekenApp;
  jobs: BackgroundJobs;
  /** The address the server listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  /** The metrics listener's address (TEKEN_METRICS_PORT), if it is on. */
  metricsUrl: string | undefined;
  /**
   * The PAdES pool every signing and verify route runs through (TEKEN_SIGNING_WORKERS worker threads, each
   * bounded in time and memory per document); none with TEKEN_SIGNING_WORKERS=0.
   */
  signingPool: PadesPool | undefined;
  close(): Promise<void>;
}

/**
 * Opens the runtime, starts the signing pool, wires status-change hooks, starts background jobs
 * and listens. `close()` stops listening (requests in flight finish), then ends the pool's
 * workers, the jobs and the runtime.
 */
export async function startServer(
  config: Config,
  options: {
    beforeListen?: (rt: Runtime) => Promise<void>;
    crlDelayMs?: number;
    /** The runtime's clock (tests): `Runtime.now`. */
    now?: () => number;
  } = {},
): Promise<RunningServer> {
  const rt = await openRuntime(config, options.now ? { now: options.now } : {});
  let web: TekenApp | undefined;
  let jobs: BackgroundJobs | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let metrics: MetricsListener | undefined;
  // Workers start on demand (each loads the engine before its first document); idle ones keep no
  // process alive.
  const pool = config.signing.workers > 0 ? padesPoolFromConfig(config.signing) : undefined;
  try {
    await options.beforeListen?.(rt);
    web = await buildApp(
      rt,
      pool ? { signPdf: pool.signPdf, signConcurrency: pool.size, validatePdf: pool.validatePdf } : {},
    );
    const app = web;
    jobs = startBackgroundJobs(
      rt,
      { onCrl: (caId) => app.crls.invalidate(caId) },
      { crlDelayMs: options.crlDelayMs },
    );
    const background = jobs;
    rt.authority.onStatusChange = (caId, serial) => app.ocsp.invalidate(caId, serial);
    rt.authority.onRevocation = (caId) => background.crlSoon(caId);
    unlisten = await listenForStatusChanges(rt, {
      status: (caId, serial) => app.ocsp.invalidate(caId, serial),
      crl: (caId) => app.crls.invalidate(caId),
      ca: () => {
        rt.registry
          .reload()
          .catch((error: unknown) => rt.log.error({ err: error }, 'reloading the CAs failed'));
      },
    });
    await jobs.runAll();
    const url = await web.app.listen({ host: config.host, port: config.port });
    if (config.metrics.port !== undefined) {
      metrics = await listenForMetrics(web.metrics, {
        host: config.metrics.host,
        port: config.metrics.port,
        publicUrl: config.publicUrl,
        log: rt.log,
      });
      rt.log.info({ url: `${metrics.url}/metrics` }, 'metrics listener is on');
    }
    const metricsListener = metrics;
    rt.log.info({ url, engine: rt.database.engine }, 'Teken is listening');
    let closing: Promise<void> | undefined;
    return {
      rt,
      web,
      jobs,
      url,
      metricsUrl: metricsListener?.url,
      signingPool: pool,
      close: () =>
        (closing ??= (async () => {
          await metricsListener?.close();
          await app.app.close();
          await pool?.close();
          await background.stop();
          await unlisten?.();
          await rt.close();
        })()),
    };
  } catch (error) {
    await metrics?.close().catch(() => undefined);
    await web?.app.close().catch(() => undefined);
    await pool?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await unlisten?.().catch(() => undefined);
    await rt.close().catch(() => undefined);
    throw error;
  }
}
