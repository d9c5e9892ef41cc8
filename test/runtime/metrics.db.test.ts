import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { outbox } from '../../src/db/schema.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { issuePersonal, writeCaPems } from '../helpers/ca-fixture.js';
import { openssl } from '../helpers/run-tool.js';
import { testEngine } from '../helpers/test-runtime.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

/** The value of one series in Prometheus text, or undefined when it is absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus metrics on the metrics listener', () => {
  let server: RunningServer;
  let dir: string;
  let ocspRequest: Buffer;
  const scrape = async () => {
    const response = await fetch(`${server.metricsUrl}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  const ocsp = (body: Buffer) =>
    fetch(`${server.url}/ocsp`, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body,
    });

  before(async () => {
    server = await startTestServer({ TEKEN_METRICS_PORT: '0', TEKEN_RESET_REQUESTS_PER_HOUR: '3' });
    dir = tmpDir();
    writeCaPems(server.rt, dir);
    const cert = await issuePersonal(server.rt.authority, dir, 'metrik');
    const reqFile = path.join(dir, 'req.der');
    openssl([
      'ocsp',
      '-issuer',
      path.join(dir, 'individual.pem'),
      '-cert',
      cert.file,
      '-no_nonce',
      '-reqout',
      reqFile,
    ]);
    ocspRequest = fs.readFileSync(reqFile);
  });

  it('is served on its own listener, on loopback, and not on the public port', async () => {
    assert.match(server.metricsUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(server.metricsUrl, server.url);
    const publicPort = await fetch(`${server.url}/metrics`);
    assert.equal(publicPort.status, 404);
    const other = await fetch(`${server.metricsUrl}/other`);
    assert.equal(other.status, 404);
  });

  it('counts HTTP requests by route pattern, method and status class, never the raw URL', async () => {
    const before = await scrape();
    const series = 'teken_http_requests_total{method="GET",route="/healthz",status_class="2xx"}';
    const unmatched = 'teken_http_requests_total{method="GET",route="unmatched",status_class="4xx"}';
    const caRoute = (await fetch(`${server.url}/ca/individual.crt`)).status;
    assert.equal(caRoute, 200);
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${server.url}/api/v1/no-such-route-xyz?q=secret`)).status, 404);
    const after = await scrape();
    assert.equal((valueOf(after, series) ?? 0) - (valueOf(before, series) ?? 0), 3);
    assert.equal((valueOf(after, unmatched) ?? 0) - (valueOf(before, unmatched) ?? 0), 1);
    assert.ok(
      after.includes('teken_http_requests_total{method="GET",route="/ca/:id.crt",status_class="2xx"}'),
    );
    assert.ok(
      !after.includes('individual.crt') && !after.includes('no-such-route-xyz') && !after.includes('secret'),
    );
    assert.ok(
      (valueOf(
        after,
        'teken_http_request_duration_seconds_count{method="GET",route="/healthz",status_class="2xx"}',
      ) ?? 0) >= 3,
    );
  });

  it('counts OCSP answers by status, on the hot path too', async () => {
    const good = 'teken_ocsp_responses_total{status="good"}';
    const malformed = 'teken_ocsp_responses_total{status="malformed"}';
    const hot = 'teken_http_requests_total{method="POST",route="/ocsp",status_class="2xx"}';
    const before = await scrape();
    for (let i = 0; i < 4; i++) assert.equal((await ocsp(ocspRequest)).status, 200);
    assert.equal((await ocsp(Buffer.from('not OCSP at all'))).status, 200);
    assert.equal(
      (await fetch(`${server.url}/ocsp/${encodeURIComponent(ocspRequest.toString('base64'))}`)).status,
      200,
    );
    const after = await scrape();
    const delta = (s: string) => (valueOf(after, s) ?? 0) - (valueOf(before, s) ?? 0);
    assert.equal(delta(good), 5);
    assert.equal(delta(malformed), 1);
    assert.equal(delta(hot), 5, 'the POSTs the hot path answered');
  });

  it('reads issuances, CRL age and the outbox from the database when scraped', async () => {
    const issued = 'teken_certificates_issued_total{ca="individual"}';
    const before = await scrape();
    await issuePersonal(server.rt.authority, dir, 'metrik2');
    await issuePersonal(server.rt.authority, dir, 'metrik3');
    const after = await scrape();
    assert.equal((valueOf(after, issued) ?? 0) - (valueOf(before, issued) ?? 0), 2);
    const age = valueOf(after, 'teken_crl_age_seconds{ca="individual"}');
    assert.ok(age !== undefined && age >= 0 && age < 3600, `CRL age ${age}`);
    assert.ok((valueOf(after, 'teken_crl_next_update_seconds{ca="individual"}') ?? 0) > 0);

    const backlog = valueOf(after, 'teken_outbox_backlog') ?? -1;
    const dead = valueOf(after, 'teken_outbox_dead_letters') ?? -1;
    const row = {
      channel: 'log' as const,
      template: 'account-locked',
      locale: 'en' as const,
      sealedRecipient: Buffer.from('x'),
      nextAttemptAt: new Date(Date.now() + 3_600_000),
    };
    await server.rt.db.insert(outbox).values([
      { ...row, id: crypto.randomUUID(), idempotencyKey: crypto.randomUUID(), status: 'pending' },
      { ...row, id: crypto.randomUUID(), idempotencyKey: crypto.randomUUID(), status: 'pending' },
      { ...row, id: crypto.randomUUID(), idempotencyKey: crypto.randomUUID(), status: 'failed' },
    ]);
    const later = await scrape();
    assert.equal(valueOf(later, 'teken_outbox_backlog'), backlog + 2);
    assert.equal(valueOf(later, 'teken_outbox_dead_letters'), dead + 1);
  });

  it("counts the attempt guard's refusals by kind and budget", async () => {
    // "Lupa Password" from one address: TEKEN_RESET_REQUESTS_PER_HOUR (3 here), then refusals.
    const forgot = () =>
      fetch(`${server.url}/api/v1/auth/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'siapa@contoh.go.id' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await forgot()).status);
    assert.deepEqual(statuses, [202, 202, 202, 429, 429]);
    const text = await scrape();
    assert.equal(valueOf(text, 'teken_throttle_refusals_total{scope="reset_request:quota"}'), 2);
  });

  it('reports the database engine, and the pool on PostgreSQL', async () => {
    const text = await scrape();
    assert.equal(valueOf(text, `teken_db_info{engine="${testEngine}"}`), 1);
    if (testEngine === 'postgres') {
      const total = valueOf(text, 'teken_db_pool_connections{state="total"}') ?? 0;
      const idle = valueOf(text, 'teken_db_pool_connections{state="idle"}') ?? -1;
      assert.ok(total >= 1 && idle >= 0 && idle <= total, text);
      assert.equal(valueOf(text, 'teken_db_pool_connections{state="waiting"}'), 0);
    } else {
      assert.ok(!text.includes('teken_db_pool_connections'));
    }
    assert.ok(text.includes('process_cpu_seconds_total'), "prom-client's process metrics");
  });
});
