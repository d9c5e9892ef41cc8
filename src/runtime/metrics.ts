/**
 * Prometheus metrics (prom-client), one registry per app so several apps in one process (tests)
 * never share series. Counters that the request paths move are plain increments; everything that
 * lives in the database (issued certificates, CRL age, outbox backlog) is read when scraped, so it is
 * right across instances and CLI commands, and costs nothing between scrapes. docs/operations.md,
 * "Metrics", lists every series.
 */
import { sql } from 'drizzle-orm';
import client from 'prom-client';
import type { Db } from '../db/open-database.js';

export type OcspMetricStatus =
  | 'good'
  | 'revoked'
  | 'unknown'
  | 'malformed'
  | 'internalError'
  | 'tryLater'
  | 'sigRequired'
  | 'unauthorized';

/** What the request paths and the attempt guard report; each call is a counter increment. */
export interface TekenMetrics {
  readonly registry: client.Registry;
  /** A request Fastify answered: its route pattern (never the raw URL), method and status. */
  httpRequest(method: string, route: string, statusCode: number, seconds: number): void;
  /** A request the OCSP hot path answered (no latency: timing it would cost more than the answer). */
  hotPathRequest(): void;
  ocspAnswer(status: OcspMetricStatus): void;
  /** A time-stamp answer: `granted`, or the failure info of a rejection (badDataFormat, systemFailure, ...). */
  tsaAnswer(outcome: string): void;
  /** The attempt guard refused an attempt of `scope` (e.g. "password", "otp", "address"). */
  throttleRefused(scope: string): void;
  /** The text exposition of every series. */
  scrape(): Promise<string>;
  readonly contentType: string;
}

/** What the scrape-time gauges read. */
export interface MetricSources {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** node-postgres Pool counts; absent on PGlite (one in-process connection, no pool). */
  pool?: () => { total: number; idle: number; waiting: number };
}

const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

/** The status of an OCSP error response from its DER: `30 03 0a 01 <status>` (RFC 6960 4.2.1). */
export function ocspErrorStatus(body: Uint8Array): OcspMetricStatus {
  switch (body.length === 5 ? body[4] : -1) {
    case 1:
      return 'malformed';
    case 3:
      return 'tryLater';
    case 5:
      return 'sigRequired';
    case 6:
      return 'unauthorized';
    default:
      return 'internalError';
  }
}

const rows = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> => {
  const result = (await db.execute<Record<string, unknown>>(query)) as { rows: T[] };
  return result.rows;
};

export function createMetrics(sources: MetricSources): TekenMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  const httpRequests = new client.Counter({
    name: 'teken_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: 'teken_http_request_duration_seconds',
    help: 'Time from request to response of the requests Fastify answered (not the OCSP hot path).',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ocsp = new client.Counter({
    name: 'teken_ocsp_responses_total',
    help: 'OCSP responses sent, by certificate status or error status.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const tsa = new client.Counter({
    name: 'teken_tsa_responses_total',
    help: 'Time-stamp answers (POST /tsa), by outcome: granted or the failure info of a rejection.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const refusals = new client.Counter({
    name: 'teken_throttle_refusals_total',
    help: 'Attempts refused by the attempt guard, by scope.',
    labelNames: ['scope'] as const,
    registers: [registry],
  });

  new client.Counter({
    name: 'teken_certificates_issued_total',
    help: 'Certificates issued, per CA, as recorded in the database (the same on every instance).',
    labelNames: ['ca'] as const,
    registers: [registry],
    async collect() {
      const counts = await rows<{ ca: string; n: string | number }>(
        sources.db,
        sql`select authority_id as ca, count(*) as n from certificates where status = 'issued' group by authority_id`,
      );
      this.reset();
      for (const { ca, n } of counts) this.inc({ ca }, Number(n));
    },
  });
  // The newest CRL of each CA by number, through the primary key (authority_id, number).
  const newestCrls = () =>
    rows<{ ca: string; this_update: string | Date; next_update: string | Date }>(
      sources.db,
      sql`select distinct on (authority_id) authority_id as ca, this_update, next_update
          from crls order by authority_id, number desc`,
    );
  new client.Gauge({
    name: 'teken_crl_age_seconds',
    help: 'Seconds since the thisUpdate of the newest CRL of each CA.',
    labelNames: ['ca'] as const,
    registers: [registry],
    async collect() {
      const latest = await newestCrls();
      this.reset();
      for (const row of latest)
        this.set({ ca: row.ca }, (Date.now() - new Date(row.this_update).getTime()) / 1000);
    },
  });
  new client.Gauge({
    name: 'teken_crl_next_update_seconds',
    help: 'Seconds until the nextUpdate of the newest CRL of each CA (negative: the CRL has expired).',
    labelNames: ['ca'] as const,
    registers: [registry],
    async collect() {
      const latest = await newestCrls();
      this.reset();
      for (const row of latest)
        this.set({ ca: row.ca }, (new Date(row.next_update).getTime() - Date.now()) / 1000);
    },
  });
  const outboxCount = async (status: 'pending' | 'failed') => {
    const [row] = await rows<{ n: string | number }>(
      sources.db,
      sql`select count(*) as n from outbox where status = ${status}`,
    );
    return Number(row?.n ?? 0);
  };
  new client.Gauge({
    name: 'teken_outbox_backlog',
    help: 'Outbox messages waiting for delivery (status pending).',
    registers: [registry],
    async collect() {
      this.set(await outboxCount('pending'));
    },
  });
  new client.Gauge({
    name: 'teken_outbox_dead_letters',
    help: 'Outbox messages that failed for good (status failed).',
    registers: [registry],
    async collect() {
      this.set(await outboxCount('failed'));
    },
  });
  new client.Gauge({
    name: 'teken_db_info',
    help: 'The database engine (value 1).',
    labelNames: ['engine'] as const,
    registers: [registry],
  }).set({ engine: sources.engine }, 1);
  const pool = sources.pool;
  if (pool) {
    new client.Gauge({
      name: 'teken_db_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const { total, idle, waiting } = pool();
        this.set({ state: 'total' }, total);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'waiting' }, waiting);
      },
    });
  }

  // The hot path's series, bound once: an increment is then a property update.
  const hotPath = httpRequests.labels('POST', '/ocsp', '2xx');
  const byStatus = new Map<OcspMetricStatus, client.Counter.Internal>();
  return {
    registry,
    contentType: registry.contentType,
    httpRequest(method, route, statusCode, seconds) {
      const labels = { method, route, status_class: statusClass(statusCode) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, seconds);
    },
    hotPathRequest() {
      hotPath.inc();
    },
    ocspAnswer(status) {
      let counter = byStatus.get(status);
      if (!counter) byStatus.set(status, (counter = ocsp.labels(status)));
      counter.inc();
    },
    tsaAnswer(outcome) {
      tsa.inc({ outcome });
    },
    throttleRefused(scope) {
      refusals.inc({ scope });
    },
    scrape: () => registry.metrics(),
  };
}
