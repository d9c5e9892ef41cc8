/**
 * `teken serve` signs through its worker pool (start-server.ts, TEKEN_SIGNING_WORKERS): a v2
 * sign call is signed by a pool worker and judged valid; a full pool answers 503 with Retry-After,
 * in BSrE's shape on the eSign API and as problem+json in the console; a document past the
 * worker's memory (or time) bound is a clear 400 ("Proses signing gagal : …") and the service goes on
 * signing; closing the server ends the pool's workers.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts } from '../../src/db/schema.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { currentTotp } from '../../src/identity/totp.js';
import type { PadesPool } from '../../src/signing/pades/pades-pool.js';
import { ApiClient } from '../helpers/api-client.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { PASSPHRASE, signingFixture } from '../helpers/signing-fixture.js';
import { firstSignIn } from '../helpers/test-accounts.js';
import { hugePageTree } from '../helpers/huge-page-tree.js';

const PASSWORD = 'sungai mengalir ke laut';
const TIMEOUT_MS = 3000;

describe('teken serve signs through its worker pool', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let pool: PadesPool;
  let pdf: Uint8Array;
  let pdf64: string;
  before(async () => {
    f = await signingFixture({
      TEKEN_SIGNING_WORKERS: '1',
      TEKEN_SIGNING_QUEUE: '1',
      TEKEN_SIGNING_WORKER_MEMORY_MB: '96',
      TEKEN_SIGNING_DOCUMENT_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    assert.ok(f.server.signingPool, 'serve runs a pool');
    pool = f.server.signingPool;
    pdf = await pdfLibDocument(1, 'Surat edaran #');
    pdf64 = Buffer.from(pdf).toString('base64');
  });

  const v2 = (body: unknown) =>
    f.server.web.app.inject({
      method: 'POST',
      url: '/api/v2/sign/pdf',
      headers: { authorization: f.a.basic, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  it('signs a v2 call in a pool worker; the output is judged valid', async () => {
    const h = await f.holder();
    const signedBefore = pool.stats.signed;
    const r = await v2({ nik: h.nik, passphrase: PASSPHRASE, file: [pdf64, pdf64] });
    assert.equal(r.statusCode, 200, r.body);
    const body = JSON.parse(r.body) as { file: string[] };
    body.file.forEach((b64, i) =>
      judgeSigned(f.judges, f.judges.dir, Buffer.from(b64, 'base64'), `pool-${i}`, 1),
    );
    assert.equal(pool.stats.signed, signedBefore + 2, 'both documents were signed by the pool');
    assert.equal(pool.threads, 1);
  });

  it('answers a full pool with 503 and Retry-After: BSrE shape on the eSign API, problem+json in the console', async () => {
    const h = await f.holder();
    // The console's holder, signed in before the pool fills.
    await f.rt.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(accounts.id, h.accountId));
    const [account] = await f.rt.db.select().from(accounts).where(eq(accounts.id, h.accountId));
    const client = new ApiClient(f.server.web.app, '10.78.0.1');
    await firstSignIn(client, account!.username, PASSWORD, (s) => currentTotp(s, Date.now()));

    // Fill the pool: one document holds the worker (its TSA never answers, until the time limit),
    // one waits in the queue of one.
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ca = f.rt.registry.all()[0]!;
    const silentTsa = { timestamp: () => new Promise<Uint8Array>(() => {}) };
    const hold = () =>
      pool
        .signPdf({
          pdf,
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
    assert.equal(pool.waiting, 0, 'the first document runs');
    const waiting = hold();
    assert.equal(pool.waiting, 1);

    const busy = await v2({ nik: h.nik, passphrase: PASSPHRASE, file: [pdf64] });
    assert.equal(busy.statusCode, 503, busy.body);
    assert.equal(busy.headers['retry-after'], '1');
    const b = JSON.parse(busy.body) as { status: boolean; error: string; message: string; code: string };
    assert.equal(b.status, false);
    assert.equal(b.code, 'ERR_SIGNING_BUSY');
    assert.equal(b.error, 'Too many documents are waiting to be signed or verified. Try again in a moment.');

    const consoleBusy = await client.post('/api/v1/signing/documents', {
      passphrase: PASSPHRASE,
      appearance: { type: 'qr' },
      documents: [{ name: 'surat.pdf', contentBase64: pdf64, placement: { type: 'invisible' } }],
    });
    assert.equal(consoleBusy.status, 503, JSON.stringify(consoleBusy.body));
    assert.equal(consoleBusy.headers['retry-after'], '1');
    assert.match(String(consoleBusy.headers['content-type']), /application\/problem\+json/);
    assert.equal(consoleBusy.body['code'], 'ERR_SIGNING_BUSY');

    // The time limit ends both held documents (the TSA was the one not answering); then it signs.
    assert.equal(await running, 'ERR_PADES_TIMESTAMP_TIMEOUT');
    assert.equal(await waiting, 'ERR_PADES_TIMESTAMP_TIMEOUT');
    const after = await v2({ nik: h.nik, passphrase: PASSPHRASE, file: [pdf64] });
    assert.equal(after.statusCode, 200, `${after.body} ${JSON.stringify(pool.stats)}`);
  });

  it('refuses a document past the worker memory or time bound with a clear 400, and goes on signing', async () => {
    const h = await f.holder();
    const replacedBefore = pool.stats.replaced;
    const r = await v2({
      nik: h.nik,
      passphrase: PASSPHRASE,
      file: [pdf64, hugePageTree().toString('base64')],
    });
    assert.equal(r.statusCode, 400, r.body);
    const body = JSON.parse(r.body) as { error: string; code: string; status_code: number };
    // Whichever bound it passes first on this machine: the heap (96 MiB) or the time (3 s).
    assert.match(
      body.error,
      /^Proses signing gagal : The PDF (needs more than 96 MiB|takes longer than 3000 ms) to sign\.$/,
    );
    assert.equal(body.code, 'ERR_ESIGN_SIGNING_FAILED');
    assert.equal(body.status_code, 400);
    assert.equal(pool.stats.replaced, replacedBefore + 1, 'its worker was ended and replaced');
    // The service goes on: the next call is signed by the replacement worker.
    const next = await v2({ nik: h.nik, passphrase: PASSPHRASE, file: [pdf64] });
    assert.equal(next.statusCode, 200, next.body);
    judgeSigned(
      f.judges,
      f.judges.dir,
      Buffer.from((JSON.parse(next.body) as { file: string[] }).file[0]!, 'base64'),
      'pool-after-memory',
      1,
    );
  });

  it('ends the pool with the server', async () => {
    await f.server.close();
    assert.equal(pool.threads, 0);
    await assert.rejects(
      pool.signPdf({
        pdf,
        privateKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        certificate: f.rt.registry.all()[0]!.certificateDer,
        chain: [],
        level: 'B-B',
      }),
      { code: 'ERR_SIGNING_BUSY' },
    );
  });
});
