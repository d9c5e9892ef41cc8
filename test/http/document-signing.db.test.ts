/**
 * Tanda Tangan Dokumen's route (POST /api/v1/signing/documents) over HTTP, signed in as the holder:
 * a batch of two PDFs under one passphrase entry, judged by pdfsig; another holder's certificate
 * refused; a wrong passphrase counted by the guard; bad input a 4xx that opens no key.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts, signingAuthorisations } from '../../src/db/schema.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { currentTotp } from '../../src/identity/totp.js';
import { ApiClient } from '../helpers/api-client.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { PASSPHRASE, signingFixture } from '../helpers/signing-fixture.js';

const PASSWORD = 'sungai mengalir ke laut';

describe('POST /api/v1/signing/documents (Tanda Tangan Dokumen)', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let pdf: Uint8Array;
  let ip = 0;

  before(async () => {
    f = await signingFixture();
    pdf = await pdfLibDocument(1, 'Surat tugas #');
  });

  const signedIn = async (accountId: string) => {
    await f.rt.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(accounts.id, accountId));
    const [account] = await f.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    const client = new ApiClient(f.server.web.app, `10.77.0.${++ip}`);
    const { firstSignIn } = await import('../helpers/test-accounts.js');
    await firstSignIn(client, account!.username, PASSWORD, (s) => currentTotp(s, Date.now()));
    return client;
  };
  const body = (overrides: Record<string, unknown> = {}) => ({
    passphrase: PASSPHRASE,
    appearance: { type: 'qr' },
    reason: 'Persetujuan',
    documents: [
      {
        name: 'surat.pdf',
        contentBase64: Buffer.from(pdf).toString('base64'),
        placement: { type: 'box', page: 1, x: 72, y: 100, width: 120, height: 60 },
      },
      {
        name: 'lampiran.pdf',
        contentBase64: Buffer.from(pdf).toString('base64'),
        placement: { type: 'tag', tag: '#', width: 60, height: 60 },
      },
    ],
    ...overrides,
  });

  it('signs a batch under one passphrase entry, with the holder’s own certificate', async () => {
    const h = await f.holder();
    const client = await signedIn(h.accountId);
    const options = await client.get<{ certificate: { id: string } | null; maxDocuments: number }>(
      '/api/v1/signing/documents',
    );
    assert.equal(options.status, 200);
    assert.ok(options.body.certificate);
    const res = await client.post<{
      documents: { id: string; name: string; contentBase64: string; sha256: string }[];
    }>('/api/v1/signing/documents', body({ certificateId: options.body.certificate.id }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.documents.map((d) => d.name),
      ['surat_signed.pdf', 'lampiran_signed.pdf'],
    );
    for (const d of res.body.documents) {
      const out = judgeSigned(
        f.judges,
        f.judges.dir,
        Buffer.from(d.contentBase64, 'base64'),
        `konsol-${d.id}`,
        1,
      );
      assert.match(out, /Certificate is Trusted/);
    }
    // The batch's authorisation ended with the batch.
    const left = await f.rt.db
      .select()
      .from(signingAuthorisations)
      .where(eq(signingAuthorisations.accountId, h.accountId));
    assert.equal(left.length, 0);
  });

  it('refuses another holder’s certificate, counts a wrong passphrase, and refuses bad input with a 4xx', async () => {
    const mine = await f.holder();
    const other = await f.holder();
    const client = await signedIn(mine.accountId);
    const otherClient = await signedIn(other.accountId);
    const otherCert = (await otherClient.get<{ certificate: { id: string } }>('/api/v1/signing/documents'))
      .body.certificate.id;
    const refused = await client.post('/api/v1/signing/documents', body({ certificateId: otherCert }));
    assert.ok(refused.status >= 400 && refused.status < 500, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'ERR_SUBSCRIBER_CERT_NOT_FOUND');

    const wrong = await client.post('/api/v1/signing/documents', body({ passphrase: 'Salah#0000' }));
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.code, 'ERR_PASSPHRASE_WRONG');
    const again = await client.post('/api/v1/signing/documents', body({ passphrase: 'Salah#0001' }));
    assert.equal(again.body.code, 'ERR_PASSPHRASE_WRONG');
    const left1 = Number((wrong.body.details as { failuresLeft?: number }).failuresLeft);
    const left2 = Number((again.body.details as { failuresLeft?: number }).failuresLeft);
    assert.equal(left2, left1 - 1, 'each wrong passphrase is counted');

    const bad: Record<string, unknown>[] = [
      { documents: [] },
      { appearance: { type: 'image' } },
      { appearance: { type: 'qr', imageBase64: 'AAAA' } },
      { documents: [{ name: 'x.pdf', contentBase64: 'AAAA', placement: { type: 'box', page: 1 } }] },
      { documents: [{ name: 'x.pdf', contentBase64: 'bm90IGEgcGRm', placement: { type: 'invisible' } }] },
      {
        documents: [
          {
            name: 'x.pdf',
            contentBase64: Buffer.from(pdf).toString('base64'),
            placement: { type: 'invisible', tag: '#' },
          },
        ],
      },
    ];
    for (const b of bad) {
      const res = await client.post('/api/v1/signing/documents', body(b));
      assert.ok(
        res.status >= 400 && res.status < 500,
        `${JSON.stringify(b)} → ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    // Bad input opened no key: the count is where the two wrong passphrases left it.
    const after = await client.post('/api/v1/signing/documents', body({ passphrase: 'Salah#0002' }));
    assert.equal(Number((after.body.details as { failuresLeft?: number }).failuresLeft), left2 - 1);
  });
});
