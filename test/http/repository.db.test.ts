import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { issuePersonal } from '../helpers/ca-fixture.js';
import { openssl } from '../helpers/run-tool.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

/** A personal certificate from an OpenSSL CSR, as `openssl x509 -text`. */
async function issuedText(server: RunningServer, dir: string): Promise<string> {
  const issued = await issuePersonal(server.rt.authority, dir, 'citra');
  return openssl(['x509', '-noout', '-text'], issued.pem);
}

describe('GET /cps without a CPS document: the repository page', () => {
  let server: RunningServer;
  const dir = tmpDir();
  let page: Response;
  let html: string;

  before(async () => {
    // Characters that must be escaped in HTML, in a name that appears on the page.
    server = await startTestServer({ TEKEN_CA_ORGANIZATION: 'Balai <Uji> & "Coba"' });
    page = await fetch(`${server.url}/cps`);
    html = await page.text();
  });

  it('is where issued certificates point relying parties, and answers there', async () => {
    const text = await issuedText(server, dir);
    const cps = /CPS: (\S+)/.exec(text)?.[1];
    assert.equal(cps, 'http://127.0.0.1:3000/cps');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html; charset=utf-8/);
    assert.match(page.headers.get('cache-control')!, /public, max-age=300/);
    assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /id="no-cps"/);
  });

  it('lists every CA with the fingerprint OpenSSL computes, and links that resolve', async () => {
    for (const id of ['root', 'individual', 'seal', 'tls']) {
      const pem = await (await fetch(`${server.url}/ca/${id}.pem`)).text();
      const fingerprint = /Fingerprint=([0-9A-F:]+)/.exec(
        openssl(['x509', '-noout', '-fingerprint', '-sha256'], pem),
      )![1]!;
      const row = new RegExp(`<tr id="ca-${id}">[\\s\\S]*?</tr>`).exec(html)?.[0];
      assert.ok(row, `a row for ${id}`);
      assert.ok(row.includes(fingerprint), `${id}: ${fingerprint}`);
    }
    // The root first, then the issuing CAs.
    const order = ['root', 'individual', 'seal', 'tls'].map((id) => html.indexOf(`<tr id="ca-${id}">`));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(links.length >= 4 * 3 + 3, links.join(' '));
    for (const link of links) {
      const res = await fetch(`${server.url}${link}`);
      assert.equal(res.status, 200, link);
      await res.arrayBuffer();
    }
  });

  it('names the policy OIDs that the certificates carry', async () => {
    const text = await issuedText(server, dir);
    const oid = /Policy: (1\.3\.6\.1\.4\.1\.99999\.1\.\d+)/.exec(text)![1]!;
    assert.match(html, new RegExp(`<td>individual</td><td>[^<]+</td><td>${oid.replace(/\./g, '\\.')}</td>`));
    assert.match(html, /<td>seal<\/td><td>[^<]+<\/td><td>1\.3\.6\.1\.4\.1\.99999\.1\.2<\/td>/);
  });

  it('publishes the TSA: its URL, policy OID and unit certificate with the fingerprint OpenSSL computes', async () => {
    assert.ok(html.includes('<code>http://127.0.0.1:3000/tsa</code>'));
    assert.match(html, /<td>tsa<\/td><td>[^\n]*?<\/td><td>1\.3\.6\.1\.4\.1\.99999\.1\.4<\/td>/);
    const pem = await (await fetch(`${server.url}/ca/tsa.pem`)).text();
    const fingerprint = /Fingerprint=([0-9A-F:]+)/.exec(
      openssl(['x509', '-noout', '-fingerprint', '-sha256'], pem),
    )![1]!;
    assert.ok(/<p id="tsa-unit">[^\n]*<\/p>/.exec(html)?.[0].includes(fingerprint), fingerprint);
  });

  it('escapes what it shows', () => {
    assert.match(html, /<h1>Balai &lt;Uji&gt; &amp; &quot;Coba&quot;<\/h1>/);
    assert.doesNotMatch(html, /<Uji>/);
  });
});

describe('GET /cps with TEKEN_CPS_FILE and TEKEN_CPS_URL', () => {
  it('serves the operator’s PDF, cacheable, and certificates carry the configured URL', async () => {
    const dir = tmpDir();
    const pdf = path.join(dir, 'cps-v1.pdf');
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(64 * 1024, 0x20),
      Buffer.from('%%EOF\n'),
    ]);
    fs.writeFileSync(pdf, bytes);
    const server = await startTestServer({
      TEKEN_CPS_FILE: pdf,
      TEKEN_CPS_URL: 'https://pki.example.go.id/cps/cps-v1.pdf',
    });
    const res = await fetch(`${server.url}/cps`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-security-policy')!, /sandbox/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), bytes);
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${server.url}/cps`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);

    const text = await issuedText(server, dir);
    assert.match(text, /CPS: https:\/\/pki\.example\.go\.id\/cps\/cps-v1\.pdf/);
    // The CA certificates made at init carry it too.
    const individual = await (await fetch(`${server.url}/ca/individual.pem`)).text();
    assert.match(
      openssl(['x509', '-noout', '-text'], individual),
      /CPS: https:\/\/pki\.example\.go\.id\/cps\/cps-v1\.pdf/,
    );
  });

  it('serves an HTML CPS in a sandbox, so no script of it runs with the console’s origin', async () => {
    const dir = tmpDir();
    const page = path.join(dir, 'cps.html');
    fs.writeFileSync(page, '<!doctype html><title>CPS</title><h1>Pernyataan Praktik Sertifikasi</h1>');
    const server = await startTestServer({ TEKEN_CPS_FILE: page });
    const res = await fetch(`${server.url}/cps`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /(^|; )sandbox(;|$)/);
    assert.doesNotMatch(csp, /script-src|allow-scripts/);
    assert.match(await res.text(), /Pernyataan Praktik Sertifikasi/);
  });
});
