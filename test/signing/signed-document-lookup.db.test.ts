/**
 * `GET /api/public/verify/document/{id}`, the look-up behind the QR code's `/verifikasi?dokumen=<id>`:
 * without signing in, what Teken recorded of a document it signed (the signed PDF's SHA-256, the
 * signer's common name as the signature shows it, the time, the PAdES level) and nothing else;
 * a purged PDF keeps its record; an unknown id a 404, a malformed one a 400, both problem+json;
 * the public verification's per-address quota limits it too (429 with Retry-After).
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { signedDocuments } from '../../src/db/schema.js';
import { signingContextOf } from '../../src/runtime/signing-context-of.js';
import { signDocuments } from '../../src/signing/sign-documents.js';
import { purgeSignedDocuments } from '../../src/signing/signed-document-store.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { PASSPHRASE, signingFixture, type Holder } from '../helpers/signing-fixture.js';

const quota = 8;

describe('GET /api/public/verify/document/{id}', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let h: Holder;
  let signed: { id: string; pdf: Uint8Array; sha256: string; signingTime: Date };
  let ip = 0;

  before(async () => {
    f = await signingFixture({ TEKEN_VERIFY_REQUESTS_PER_MINUTE: String(quota) });
    h = await f.holder();
    const pdf = await pdfLibDocument(1, 'Surat keputusan');
    const { documents } = await signDocuments(signingContextOf(f.rt), {
      holder: h.accountId,
      credential: { kind: 'passphrase', passphrase: PASSPHRASE },
      documents: [
        {
          pdf: Buffer.from(pdf),
          appearance: { visible: false },
          details: { reason: 'Persetujuan', location: undefined, contactInfo: undefined, text: undefined },
          pdfPassword: undefined,
        },
      ],
      actor: `account:${h.accountId}`,
      channel: 'console',
    });
    signed = documents[0]!;
  });

  /** Each request from its own address unless told, so the quota test alone meets the limit. */
  const get = (id: string, address = `10.88.0.${++ip}`) =>
    f.server.web.app.inject({
      method: 'GET',
      url: `/api/public/verify/document/${id}`,
      remoteAddress: address,
    });

  it('answers the record without signing in: hash, signer CN, time, level, and nothing more', async () => {
    const res = await get(signed.id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json<Record<string, unknown>>();
    assert.deepEqual(Object.keys(body).sort(), [
      'id',
      'kind',
      'level',
      'sha256',
      'signerName',
      'signingTime',
    ]);
    assert.equal(body.id, signed.id);
    assert.equal(body.sha256, signed.sha256);
    assert.equal(body.sha256, crypto.createHash('sha256').update(signed.pdf).digest('hex'));
    assert.equal(body.signingTime, signed.signingTime.toISOString());
    assert.equal(body.level, 'B-LT');
    assert.equal(body.kind, 'signature');
    // The signer's name is the one the signature itself shows (the public report's signerName).
    const verify = await f.server.web.app.inject({
      method: 'POST',
      url: '/api/public/verify/pdf',
      remoteAddress: `10.88.1.${++ip}`,
      payload: { file: Buffer.from(signed.pdf).toString('base64') },
    });
    assert.equal(verify.statusCode, 200, verify.body);
    const report = verify.json<{ conclusion: string; signatures: { signerName: string }[] }>();
    assert.equal(report.conclusion, 'VALID');
    assert.ok(typeof body.signerName === 'string' && body.signerName.length > 0);
    assert.equal(body.signerName, report.signatures[0]!.signerName);
    // None of the holder's personal data beyond that name.
    assert.ok(!res.body.includes(h.nik), 'no NIK');
    assert.ok(!res.body.includes(h.email), 'no e-mail');
    // The id in upper case is the same document.
    const upper = await get(signed.id.toUpperCase());
    assert.equal(upper.statusCode, 200);
    assert.equal(upper.json<{ id: string }>().id, signed.id);
  });

  it('a downloaded or purged PDF keeps its record', async () => {
    await f.rt.db
      .update(signedDocuments)
      .set({ downloadUntil: new Date(Date.now() - 1000) })
      .where(eq(signedDocuments.id, signed.id));
    assert.ok((await purgeSignedDocuments(f.rt.db)) >= 1);
    const res = await get(signed.id);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json<{ sha256: string }>().sha256, signed.sha256);
  });

  it('an unknown id is a 404, a malformed one a 400, both problem+json', async () => {
    const unknown = await get(crypto.randomBytes(16).toString('hex'));
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.headers['content-type'] ?? '', /problem\+json/);
    assert.equal(unknown.json<{ code: string }>().code, 'ERR_VERIFY_DOCUMENT_NOT_FOUND');
    for (const bad of ['123', 'z'.repeat(32), `${signed.id}0`, '%00', "'%20or%201=1--"]) {
      const res = await get(bad);
      assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
      assert.match(res.headers['content-type'] ?? '', /problem\+json/);
      assert.doesNotMatch(res.body, /sha256/);
    }
  });

  it('shares the public verification quota: past it a 429 with Retry-After', async () => {
    const address = '10.88.2.1';
    let limited: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < quota + 2 && !limited; i++) {
      const res = await get(signed.id, address);
      if (res.statusCode === 429) limited = res;
      else assert.equal(res.statusCode, 200);
    }
    assert.ok(limited, 'the quota was never reached');
    assert.equal(limited.json<{ code: string }>().code, 'ERR_VERIFY_RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // The same address's verification is refused too: one quota for both.
    const verify = await f.server.web.app.inject({
      method: 'POST',
      url: '/api/public/verify/pdf',
      remoteAddress: address,
      payload: { file: Buffer.from(signed.pdf).toString('base64') },
    });
    assert.equal(verify.statusCode, 429);
  });
});
