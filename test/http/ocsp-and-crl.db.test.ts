import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { releaseCertificateHold, revokeCertificate } from '../../src/authority/revoke-certificate.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { issuePersonal, writeCaPems } from '../helpers/ca-fixture.js';
import { askOcsp, openssl, opensslAsync, runTool, runToolAsync } from '../helpers/run-tool.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

describe('OCSP responder, CRLs and CA certificates over HTTP', () => {
  let server: RunningServer;
  const dir = tmpDir();
  const file = (name: string) => path.join(dir, name);
  let bundle: string;

  before(async () => {
    server = await startTestServer();
    bundle = writeCaPems(server.rt, dir);
  });

  const issue = (name: string) => issuePersonal(server.rt.authority, dir, name);

  /** Asks the running responder with `openssl ocsp` (POST) and returns its output. */
  const ask = (certFile: string) =>
    askOcsp({
      url: server.url,
      issuer: file('individual.pem'),
      cert: certFile,
      caFile: bundle,
      extra: ['-resp_text'],
    });

  it('answers good for an issued certificate, with a response OpenSSL verifies', async () => {
    const cert = await issue('alice');
    const out = await ask(cert.file);
    assert.match(out, /Response verify OK/);
    assert.match(out, /alice\.crt: good/);
    assert.match(out, /This Update:/);
    assert.match(out, /Next Update:/);
    assert.match(out, /Responder Id: /);
  });

  it('shows a revocation at once, with its time and reason, and a release from hold', async () => {
    const cert = await issue('bob');
    assert.match(await ask(cert.file), /bob\.crt: good/);
    await revokeCertificate(server.rt.authority, {
      serial: cert.serialHex,
      reason: 'certificateHold',
      actor: 'test',
    });
    const held = await ask(cert.file);
    assert.match(held, /bob\.crt: revoked/);
    assert.match(held, /Reason: certificateHold/);
    await releaseCertificateHold(server.rt.authority, { serial: cert.serialHex, actor: 'test' });
    assert.match(await ask(cert.file), /bob\.crt: good/);
    await revokeCertificate(server.rt.authority, {
      serial: cert.serialHex,
      reason: 'keyCompromise',
      actor: 'test',
    });
    const revoked = await ask(cert.file);
    assert.match(revoked, /bob\.crt: revoked/);
    assert.match(revoked, /Reason: keyCompromise/);
    assert.match(revoked, /Revocation Time:/);
  });

  it('answers unknown for a serial it never issued', async () => {
    const out = await opensslAsync([
      'ocsp',
      '-issuer',
      file('individual.pem'),
      '-serial',
      '0x1234567890abcdef',
      '-url',
      `${server.url}/ocsp`,
      '-CAfile',
      bundle,
      '-no_nonce',
    ]);
    assert.match(out, /Response verify OK/);
    assert.match(out, /0x1234567890abcdef: unknown/);
  });

  it('answers requests with a SHA-256 CertID and with a nonce', async () => {
    const cert = await issue('carol');
    const out = await opensslAsync([
      'ocsp',
      '-sha256',
      '-issuer',
      file('individual.pem'),
      '-cert',
      cert.file,
      '-url',
      `${server.url}/ocsp`,
      '-CAfile',
      bundle,
    ]);
    assert.match(out, /carol\.crt: good/);
  });

  it('answers unauthorized for a CA it does not serve', async () => {
    const foreign = file('foreign.pem');
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      file('foreign.key'),
      '-subj',
      '/CN=Foreign',
      '-out',
      foreign,
    ]);
    const out = await runToolAsync('openssl', [
      'ocsp',
      '-issuer',
      foreign,
      '-serial',
      '0x01',
      '-url',
      `${server.url}/ocsp`,
      '-no_nonce',
    ]);
    assert.match(out.stdout + out.stderr, /unauthorized/i);
  });

  /** The RFC 5019 request `openssl ocsp` writes for a certificate (no nonce). */
  const requestFor = (name: string, certFile: string): Buffer => {
    const reqFile = file(`${name}.req`);
    openssl(['ocsp', '-issuer', file('individual.pem'), '-cert', certFile, '-reqout', reqFile, '-no_nonce']);
    return fs.readFileSync(reqFile);
  };

  /** `openssl ocsp -respin` on a response body, verified against the chain; returns its output. */
  const checkResponse = (name: string, certFile: string, body: Uint8Array): string => {
    const respFile = file(`${name}.resp`);
    fs.writeFileSync(respFile, body);
    return openssl([
      'ocsp',
      '-respin',
      respFile,
      '-issuer',
      file('individual.pem'),
      '-cert',
      certFile,
      '-CAfile',
      bundle,
      '-no_nonce',
    ]);
  };

  it('serves GET requests (RFC 5019) with caching headers', async () => {
    const cert = await issue('dave');
    const encoded = encodeURIComponent(requestFor('dave', cert.file).toString('base64'));
    const response = await fetch(`${server.url}/ocsp/${encoded}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/ocsp-response');
    assert.match(response.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    assert.ok(response.headers.get('etag'));
    assert.ok(response.headers.get('last-modified'));
    assert.ok(response.headers.get('expires'));
    const out = checkResponse('dave', cert.file, Buffer.from(await response.arrayBuffer()));
    assert.match(out, /dave\.crt: good/);
  });

  it('answers the same on the hot path as through the route (inject, chunked upload)', async () => {
    const cert = await issue('hotpath');
    const body = requestFor('hotpath', cert.file);
    const headers = { 'content-type': 'application/ocsp-request' };
    const hot = await fetch(`${server.url}/ocsp`, { method: 'POST', headers, body });
    // A streamed body has no Content-Length (chunked): it takes the Fastify route over HTTP.
    const chunked = await fetch(`${server.url}/ocsp`, {
      method: 'POST',
      headers,
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(body));
          controller.close();
        },
      }),
      duplex: 'half',
    });
    const routed = await server.web.app.inject({ method: 'POST', url: '/ocsp', headers, payload: body });
    const hotBody = Buffer.from(await hot.arrayBuffer());
    for (const [name, status, otherBody, get] of [
      [
        'inject',
        routed.statusCode,
        routed.rawPayload,
        (h: string) => routed.headers[h] as string | undefined,
      ],
      [
        'chunked',
        chunked.status,
        Buffer.from(await chunked.arrayBuffer()),
        (h: string) => chunked.headers.get(h) ?? undefined,
      ],
    ] as const) {
      assert.equal(status, hot.status, name);
      assert.deepEqual(otherBody, hotBody, name);
      for (const h of ['content-type', 'etag', 'last-modified', 'content-length'])
        assert.equal(get(h), hot.headers.get(h) ?? undefined, `${name}: ${h}`);
      // max-age counts down by the second: equal within one.
      const maxAge = (v: string | null | undefined) => Number(/max-age=(\d+)/.exec(v ?? '')?.[1]);
      assert.ok(Math.abs(maxAge(get('cache-control')) - maxAge(hot.headers.get('cache-control'))) <= 1, name);
    }
    assert.match(checkResponse('hotpath', cert.file, hotBody), /hotpath\.crt: good/);
  });

  describe('broken requests never produce a 5xx', () => {
    const post = (body: Uint8Array | string, type = 'application/ocsp-request') =>
      fetch(`${server.url}/ocsp`, { method: 'POST', headers: { 'content-type': type }, body });
    const isMalformed = async (response: Response) => {
      assert.equal(response.status, 200);
      const respFile = file(`malformed-${crypto.randomBytes(4).toString('hex')}.resp`);
      fs.writeFileSync(respFile, Buffer.from(await response.arrayBuffer()));
      const out = runTool('openssl', ['ocsp', '-respin', respFile, '-resp_text', '-noverify']);
      assert.match(out.stdout + out.stderr, /Responder Error: malformedrequest \(1\)/);
    };

    it('random bytes → malformedRequest', async () => isMalformed(await post(crypto.randomBytes(200))));
    it('empty body → malformedRequest', async () => isMalformed(await post(new Uint8Array(0))));
    it('truncated DER → malformedRequest', async () => {
      const cert = await issue('erin');
      const bytes = requestFor('erin', cert.file);
      await isMalformed(await post(bytes.subarray(0, bytes.length - 7)));
    });
    it('garbage in the GET path → malformedRequest', async () =>
      isMalformed(await fetch(`${server.url}/ocsp/%%%not-base64`)));
    it('wrong content type → 415 problem+json', async () => {
      const response = await post('hello', 'text/plain');
      assert.equal(response.status, 415);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(((await response.json()) as { code: string }).code, 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE');
    });
    it('oversized body → 413 problem+json', async () => {
      const response = await post(crypto.randomBytes(64 * 1024));
      assert.equal(response.status, 413);
      assert.equal(((await response.json()) as { code: string }).code, 'ERR_INPUT_TOO_LARGE');
    });
    it('1,000 random requests: none is a 5xx', async () => {
      const statuses = new Set<number>();
      for (let i = 0; i < 1000; i++) {
        const len = 1 + Math.floor(Math.random() * 300);
        const body = crypto.randomBytes(len);
        if (i % 2 === 0) body[0] = 0x30; // looks like a SEQUENCE
        statuses.add((await post(body)).status);
      }
      assert.deepEqual([...statuses], [200]);
    });
  });

  describe('CRL and CA certificate downloads', () => {
    it('serves the CRL the certificates point to, and a revocation reaches it within seconds', async () => {
      const cert = await issue('frank');
      await revokeCertificate(server.rt.authority, {
        serial: cert.serialHex,
        reason: 'superseded',
        actor: 'test',
      });
      let text = '';
      for (let attempt = 0; attempt < 50; attempt++) {
        const response = await fetch(`${server.url}/crl/individual.crl`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'application/pkix-crl');
        assert.match(response.headers.get('cache-control') ?? '', /max-age=/);
        fs.writeFileSync(file('served.crl'), Buffer.from(await response.arrayBuffer()));
        text = openssl([
          'crl',
          '-inform',
          'DER',
          '-in',
          file('served.crl'),
          '-noout',
          '-text',
          '-CAfile',
          file('individual.pem'),
          '-verify',
        ]);
        if (text.includes(cert.serialHex.toUpperCase())) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(text, /verify OK/);
      assert.match(text, new RegExp(cert.serialHex.toUpperCase()));
      openssl(['crl', '-inform', 'DER', '-in', file('served.crl'), '-out', file('served.crl.pem')]);
      const verify = runTool('openssl', [
        'verify',
        '-crl_check',
        '-CAfile',
        file('root.pem'),
        '-untrusted',
        file('individual.pem'),
        '-CRLfile',
        file('served.crl.pem'),
        cert.file,
      ]);
      assert.match(verify.stdout + verify.stderr, /certificate revoked/);
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const first = await fetch(`${server.url}/crl/seal.crl`);
      const etag = first.headers.get('etag')!;
      const second = await fetch(`${server.url}/crl/seal.crl`, { headers: { 'if-none-match': etag } });
      assert.equal(second.status, 304);
    });

    it('serves CA certificates as DER and PEM, and chains', async () => {
      const der = await fetch(`${server.url}/ca/root.crt`);
      assert.equal(der.headers.get('content-type'), 'application/pkix-cert');
      fs.writeFileSync(file('dl-root.der'), Buffer.from(await der.arrayBuffer()));
      assert.match(
        openssl(['x509', '-inform', 'DER', '-in', file('dl-root.der'), '-noout', '-subject']),
        /Root CA G1/,
      );
      const chain = await (await fetch(`${server.url}/ca/individual/chain.pem`)).text();
      assert.equal(chain.match(/BEGIN CERTIFICATE/g)?.length, 2);
      fs.writeFileSync(file('dl-chain.pem'), chain);
      const pem = await (await fetch(`${server.url}/ca/individual.pem`)).text();
      assert.equal(pem, fs.readFileSync(file('individual.pem'), 'utf8'));
      const list = (await (await fetch(`${server.url}/ca`)).json()) as { authorities: { id: string }[] };
      assert.deepEqual(list.authorities.map((a) => a.id).sort(), ['individual', 'root', 'seal', 'tls']);
    });

    it('answers 404 problem+json for an unknown CA', async () => {
      for (const url of ['/ca/nope.crt', '/crl/nope.crl', '/no/such/route']) {
        const response = await fetch(`${server.url}${url}`);
        assert.ok(response.status === 404 || response.status === 400, `${url}: ${response.status}`);
        assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      }
    });
  });

  describe('health', () => {
    it('is live and ready', async () => {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, {
        database: 'ok',
        caKeys: 'ok',
      });
    });
  });
});
