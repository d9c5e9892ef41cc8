import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/build-app.js';
import { contentSecurityPolicy } from '../../src/http/security-headers.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { issuePersonal, writeCaPems } from '../helpers/ca-fixture.js';
import { onCleanup } from '../helpers/cleanup.js';
import { ensureConsoleBuilt } from '../helpers/console-build.js';
import { openssl } from '../helpers/run-tool.js';
import { openTestRuntime } from '../helpers/test-runtime.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

describe('security headers on every response', () => {
  let server: RunningServer;
  let ocspRequest: Buffer;
  let asset: string;

  before(async () => {
    ensureConsoleBuilt();
    asset = fs
      .readdirSync(path.resolve(import.meta.dirname, '../../console/dist/assets'))
      .find((f) => f.endsWith('.js'))!;
    server = await startTestServer({
      TEKEN_PUBLIC_URL: 'https://teken.contoh.go.id',
      TEKEN_METRICS_PORT: '0',
    });
    const dir = tmpDir();
    writeCaPems(server.rt, dir);
    const cert = await issuePersonal(server.rt.authority, dir, 'header');
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

  const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });
  const assertSecure = (response: Response, what: string) => {
    const h = response.headers;
    assert.equal(h.get('x-content-type-options'), 'nosniff', what);
    assert.equal(h.get('referrer-policy'), 'no-referrer', what);
    assert.equal(h.get('strict-transport-security'), 'max-age=63072000; includeSubDomains', what);
    assert.match(h.get('content-security-policy') ?? '', /frame-ancestors 'none'/, what);
  };

  it('API JSON and problem+json: the console policy and no-store', async () => {
    // A route's own Cache-Control stays: the console configuration is public and the same for all.
    const config = await get(`${server.url}/api/v1/console-config`);
    assertSecure(config, 'console-config');
    assert.equal(config.headers.get('cache-control'), 'public, max-age=300');
    for (const [url, status] of [
      ['/api/openapi.json', 200],
      ['/api/v1/auth/flow', 401],
      ['/api/v1/no-such-thing', 404],
    ] as const) {
      const response = await get(server.url + url);
      assert.equal(response.status, status, url);
      assertSecure(response, url);
      assert.equal(response.headers.get('content-security-policy'), contentSecurityPolicy);
      assert.equal(response.headers.get('cache-control'), 'no-store', url);
    }
  });

  it('a 404 outside the API', async () => {
    const response = await get(`${server.url}/ca/nothing-here/at/all`);
    assert.equal(response.status, 404);
    assertSecure(response, '404');
  });

  it("the console's index.html and a built asset, with the strict policy (no 'unsafe-inline')", async () => {
    const index = await get(`${server.url}/`, { accept: 'text/html' });
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<div id="root">/);
    assertSecure(index, 'index.html');
    const csp = index.headers.get('content-security-policy') ?? '';
    assert.equal(csp, contentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ])
      assert.ok(csp.split('; ').includes(directive), directive);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const deepLink = await get(`${server.url}/keamanan`, { accept: 'text/html' });
    assertSecure(deepLink, 'deep link');
    const js = await get(`${server.url}/assets/${asset}`);
    assert.equal(js.status, 200);
    assertSecure(js, 'asset');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('OCSP POST (the hot path) and GET keep their caching headers', async () => {
    const post = await fetch(`${server.url}/ocsp`, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: ocspRequest,
    });
    assert.equal(post.status, 200);
    assertSecure(post, 'OCSP POST');
    assert.match(
      post.headers.get('cache-control') ?? '',
      /^public, max-age=\d+, no-transform, must-revalidate$/,
    );
    assert.ok(post.headers.get('etag'));
    const malformed = await fetch(`${server.url}/ocsp`, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: Buffer.from('not an OCSP request'),
    });
    assertSecure(malformed, 'OCSP POST malformed');
    const encoded = encodeURIComponent(ocspRequest.toString('base64'));
    const getAnswer = await get(`${server.url}/ocsp/${encoded}`);
    assert.equal(getAnswer.status, 200);
    assertSecure(getAnswer, 'OCSP GET');
    assert.match(getAnswer.headers.get('cache-control') ?? '', /^public, max-age=\d+/);
  });

  it('CRL and CA certificate keep their caching headers', async () => {
    const crl = await get(`${server.url}/crl/individual.crl`);
    assert.equal(crl.status, 200);
    assertSecure(crl, 'CRL');
    assert.match(crl.headers.get('cache-control') ?? '', /^public, max-age=\d+/);
    const ca = await get(`${server.url}/ca/individual.crt`);
    assert.equal(ca.status, 200);
    assertSecure(ca, 'CA certificate');
    assert.notEqual(ca.headers.get('cache-control'), 'no-store');
  });

  it('/cps keeps its own policy and gains frame-ancestors', async () => {
    const cps = await get(`${server.url}/cps`);
    assert.equal(cps.status, 200);
    assertSecure(cps, '/cps');
    assert.equal(cps.headers.get('cache-control'), 'public, max-age=300');
    // Its own, stricter policy: nothing but its inline style, not the console's 'self'.
    assert.match(cps.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
  });

  it('/healthz and /metrics', async () => {
    const health = await get(`${server.url}/healthz`);
    assertSecure(health, '/healthz');
    const metrics = await get(`${server.metricsUrl}/metrics`);
    assert.equal(metrics.status, 200);
    assertSecure(metrics, '/metrics');
    assert.equal(metrics.headers.get('cache-control'), 'no-store');
  });

  it('sends no HSTS when the public URL is http', async () => {
    const { rt } = await openTestRuntime();
    const { app } = await buildApp(rt);
    onCleanup(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.headers['strict-transport-security'], undefined);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });
});
