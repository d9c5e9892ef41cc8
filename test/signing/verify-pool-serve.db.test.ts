/**
 * `teken serve` verifies through its worker pool too (start-server.ts, pdf-verifier.ts): the public
 * `POST /api/public/verify/pdf`, eSign v1 `POST /api/sign/verify` (multipart) and v2
 * `POST /api/v2/verify/pdf` each validate in a pool worker, Teken's CA database asked from the main
 * thread (a Teken-signed PDF is VALID); a PDF that makes the parser work without end is a clear 400
 * in each endpoint's shape within the pool's bound while the server keeps answering; a full pool is
 * a 503 with Retry-After in each shape.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { isTekenError } from '../../src/errors/teken-error.js';
import type { PadesPool } from '../../src/signing/pades/pades-pool.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { PASSPHRASE, signingFixture } from '../helpers/signing-fixture.js';
import { hugePageTree } from '../helpers/huge-page-tree.js';

const TIMEOUT_MS = 2000;

function multipart(name: string, bytes: Uint8Array, filename: string) {
  const boundary = `----teken${crypto.randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
        'content-type: application/pdf\r\n\r\n',
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('teken serve verifies through its worker pool', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let pool: PadesPool;
  let signed: Buffer;
  let hostile: Buffer;

  before(async () => {
    f = await signingFixture({
      TEKEN_SIGNING_WORKERS: '1',
      TEKEN_SIGNING_QUEUE: '1',
      TEKEN_SIGNING_WORKER_MEMORY_MB: '96',
      TEKEN_SIGNING_DOCUMENT_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    assert.ok(f.server.signingPool, 'serve runs a pool');
    pool = f.server.signingPool;
    const h = await f.holder();
    const pdf = await pdfLibDocument(1, 'Surat edaran');
    const r = await fetch(`${f.server.url}/api/v2/sign/pdf`, {
      method: 'POST',
      headers: { authorization: f.a.basic, 'content-type': 'application/json' },
      body: JSON.stringify({
        nik: h.nik,
        passphrase: PASSPHRASE,
        file: [Buffer.from(pdf).toString('base64')],
      }),
    });
    assert.equal(r.status, 200);
    signed = Buffer.from(((await r.json()) as { file: string[] }).file[0]!, 'base64');
    hostile = hugePageTree();
  });
  after(() => f.server.close());

  /** The three verify entry points, each with `pdf` in its own form. */
  const endpoints = {
    public: (pdf: Uint8Array) =>
      fetch(`${f.server.url}/api/public/verify/pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': crypto.randomUUID() },
        body: JSON.stringify({ file: Buffer.from(pdf).toString('base64'), fileName: 'surat.pdf' }),
      }),
    v1: (pdf: Uint8Array) => {
      const { body, contentType } = multipart('signed_file', pdf, 'surat.pdf');
      return fetch(`${f.server.url}/api/sign/verify`, {
        method: 'POST',
        headers: { authorization: f.a.basic, 'content-type': contentType },
        body,
      });
    },
    v2: (pdf: Uint8Array) =>
      fetch(`${f.server.url}/api/v2/verify/pdf`, {
        method: 'POST',
        headers: { authorization: f.a.basic, 'content-type': 'application/json' },
        body: JSON.stringify({ file: Buffer.from(pdf).toString('base64') }),
      }),
  } as const;

  it('validates in a pool worker at every entry point; Teken-signed is VALID (its CA database asked)', async () => {
    const before = pool.stats.verified;
    const pub = await endpoints.public(signed);
    assert.equal(pub.status, 200);
    assert.equal(((await pub.json()) as { conclusion: string }).conclusion, 'VALID');
    const v1 = await endpoints.v1(signed);
    assert.equal(v1.status, 200);
    const v1Body = (await v1.json()) as { jumlah_signature: number; summary: string };
    assert.equal(v1Body.jumlah_signature, 1);
    assert.equal(v1Body.summary, 'VALID');
    const v2 = await endpoints.v2(signed);
    assert.equal(v2.status, 200);
    const v2Body = (await v2.json()) as { signatureCount: number; conclusion: string };
    assert.equal(v2Body.signatureCount, 1);
    assert.equal(v2Body.conclusion, 'VALID');
    assert.equal(pool.stats.verified, before + 3, 'all three were validated by the pool');
  });

  for (const name of ['public', 'v1', 'v2'] as const) {
    it(`${name}: a PDF the parser never finishes is a clear 400 within the bound; the server keeps answering`, async () => {
      // The worker loaded (its start-up is not the document's time), then the bound: the time limit
      // from when the worker takes the document, plus the upload and its decoding.
      await pool.warm();
      const replaced = pool.stats.replaced;
      const started = performance.now();
      let answered = false;
      const answer = endpoints[name](hostile).finally(() => (answered = true));
      // Meanwhile the main thread answers, before the hostile document's answer.
      const health = await fetch(`${f.server.url}/healthz`);
      assert.equal(health.status, 200);
      assert.equal(answered, false, 'the health check waited for the hostile document');
      const res = await answer;
      const ms = performance.now() - started;
      assert.ok(ms < TIMEOUT_MS + 5000, `${ms.toFixed(0)} ms`);
      assert.equal(res.status, 400);
      const body = (await res.json()) as Record<string, unknown>;
      // Whichever bound it passes first on this machine: the heap (96 MiB) or the time.
      const text = /The PDF (needs more than 96 MiB|takes longer than 2000 ms) to verify\./;
      if (name === 'public') {
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.equal(body['code'], 'ERR_PDF_TOO_LARGE');
        assert.match(String(body['detail']), text);
      } else {
        assert.match(res.headers.get('content-type') ?? '', /application\/json/);
        assert.equal(body['code'], 'ERR_PDF_TOO_LARGE');
        assert.equal(body['status_code'], 400);
        assert.match(String(body['error']), text);
      }
      assert.equal(pool.stats.replaced, replaced + 1, 'its worker was ended and replaced');
      // The next document verifies in the replacement worker.
      const next = await endpoints[name](signed);
      assert.equal(next.status, 200);
    });
  }

  it('a full pool: 503 with Retry-After at every entry point, in its shape', async () => {
    const ca = f.rt.registry.all()[0]!;
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const silentTsa = { timestamp: () => new Promise<Uint8Array>(() => {}) };
    const hold = () =>
      pool
        .signPdf({
          pdf: signed,
          privateKey,
          certificate: ca.certificateDer,
          chain: [ca.certificateDer],
          level: 'B-T',
          tsa: silentTsa,
        })
        .then(
          () => 'signed',
          (error: unknown) => (isTekenError(error) ? error.code : String(error)),
        );
    const running = hold();
    for (let i = 0; i < 200 && pool.waiting > 0; i++) await new Promise((r) => setTimeout(r, 25));
    const waiting = hold();
    assert.equal(pool.waiting, 1);
    for (const name of ['public', 'v1', 'v2'] as const) {
      const res = await endpoints[name](signed);
      assert.equal(res.status, 503, name);
      assert.equal(res.headers.get('retry-after'), '1');
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body['code'], 'ERR_SIGNING_BUSY', name);
      if (name === 'public') assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      else assert.equal(body['status_code'], 503);
    }
    assert.equal(await running, 'ERR_PADES_TIMESTAMP_TIMEOUT');
    assert.equal(await waiting, 'ERR_PADES_TIMESTAMP_TIMEOUT');
  });
});
