/**
 * The eSign API's signing over HTTP Basic of an institution's API client: v2 `POST /api/v2/sign/pdf`
 * (bulk, base64, one signatureProperties for all or one per file) judged by pdfsig, openssl and
 * qpdf; v1 `GET /api/sign/download/{id_dokumen}` once, then BSrE's "Dokumen telah didownload
 * sebelumnya", another institution's client as unknown, purged after its time; BSrE's errors: a
 * wrong passphrase `{"error":"Passphrase anda salah","status_code":2031}`, another institution's
 * NIK "User tidak terdaftar 2011", a malformed PDF a 400 "Proses signing gagal :", never a 5xx.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { signedDocuments } from '../../src/db/schema.js';
import { purgeSignedDocuments } from '../../src/signing/signed-document-store.js';
import { pdfLibDocument } from '../helpers/pades-corpus.js';
import { judgeSigned } from '../helpers/pades-judges.js';
import { PASSPHRASE, signingFixture } from '../helpers/signing-fixture.js';

describe('eSign API: signing (v2) and the one-time download (v1)', () => {
  let f: Awaited<ReturnType<typeof signingFixture>>;
  let pdf64: string;
  before(async () => {
    f = await signingFixture();
    pdf64 = Buffer.from(await pdfLibDocument(1, 'Nota dinas #')).toString('base64');
  });

  const v2 = (body: unknown, authorization = f.a.basic) =>
    f.server.web.app.inject({
      method: 'POST',
      url: '/api/v2/sign/pdf',
      headers: { authorization, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const download = (id: string, authorization = f.a.basic) =>
    f.server.web.app.inject({ method: 'GET', url: `/api/sign/download/${id}`, headers: { authorization } });
  const error = (r: { statusCode: number; body: string }) => {
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as { error: string; message: string; status_code: number };
  };

  it('signs a bulk of files with one or per-file properties; every output judged; downloadable once', async () => {
    const h = await f.holder();
    const r = await v2({
      nik: h.nik,
      email: h.email,
      passphrase: PASSPHRASE,
      file: [pdf64, `data:application/pdf;base64,${pdf64}`],
      signatureProperties: [
        {
          tampilan: 'INVISIBLE',
          imageBase64: null,
          page: 0,
          originX: 0,
          originY: 0,
          reason: '',
          location: null,
        },
        {
          tampilan: 'VISIBLE',
          tag_koordinat: '#',
          reason: 'Setuju',
          location: 'Bandung',
          contactInfo: 'tu@instansi.go.id',
        },
      ],
    });
    assert.equal(r.statusCode, 200, r.body);
    const body = JSON.parse(r.body) as { time: number; file: string[]; id_dokumen: string[]; error?: string };
    assert.equal(body.error, undefined);
    assert.equal(typeof body.time, 'number');
    assert.equal(body.file.length, 2);
    body.file.forEach((b64, i) =>
      judgeSigned(f.judges, f.judges.dir, Buffer.from(b64, 'base64'), `v2-${body.id_dokumen[i]}`, 1),
    );
    const id = body.id_dokumen[1]!;
    assert.match(id, /^[0-9a-f]{32}$/);
    // Another institution's client: as unknown.
    const foreign = await download(id, f.b.basic);
    assert.equal(foreign.statusCode, 404, foreign.body);
    const first = await download(id);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['content-type'], 'application/pdf');
    assert.equal(first.headers['id_dokumen'], id);
    assert.equal(first.headers['id-dokumen'], id);
    assert.ok(first.headers['signing_time']);
    assert.ok(first.rawPayload.equals(Buffer.from(body.file[1]!, 'base64')));
    const again = error(await download(id));
    assert.equal(again.error, 'Dokumen telah didownload sebelumnya');
    assert.equal(again.message, 'Dokumen telah didownload sebelumnya');
    assert.equal(error(await download('f'.repeat(32))).status_code, 404);
    assert.equal(error(await download('not-an-id')).status_code, 404);
  });

  it('purges a kept PDF after its time; the download then answers not found', async () => {
    const h = await f.holder();
    const r = await v2({ nik: h.nik, passphrase: PASSPHRASE, file: [pdf64] });
    assert.equal(r.statusCode, 200, r.body);
    const id = (JSON.parse(r.body) as { id_dokumen: string[] }).id_dokumen[0]!;
    assert.equal(await purgeSignedDocuments(f.rt.db, new Date()), 0, 'not before its time');
    const purged = await purgeSignedDocuments(f.rt.db, new Date(Date.now() + 16 * 60_000));
    assert.ok(purged >= 1);
    const [row] = await f.rt.db.select().from(signedDocuments).where(eq(signedDocuments.id, id));
    assert.equal(row!.sealedPdf, null);
    assert.equal(error(await download(id)).status_code, 404);
  });

  it("answers BSrE's errors: wrong passphrase 2031, another institution's NIK 2011, bad PDF and bad input 400", async () => {
    const h = await f.holder();
    const wrong = await v2({ nik: h.nik, passphrase: 'Salah#2026x', file: [pdf64] });
    assert.equal(wrong.statusCode, 400);
    const w = JSON.parse(wrong.body) as { error: string; message: string; status_code: number };
    assert.equal(w.error, 'Passphrase anda salah');
    assert.equal(w.message, 'Passphrase anda salah');
    assert.equal(w.status_code, 2031);
    const other = await f.holder(f.b);
    const unknown = error(await v2({ nik: other.nik, passphrase: PASSPHRASE, file: [pdf64] }));
    assert.equal(unknown.error, 'Proses signing gagal : User tidak terdaftar 2011');
    const broken = error(
      await v2({
        nik: h.nik,
        passphrase: PASSPHRASE,
        file: [Buffer.from('%PDF-1.7 rusak').toString('base64')],
      }),
    );
    assert.match(broken.error, /^Proses signing gagal :/);
    const noImage = error(
      await v2({
        nik: h.nik,
        passphrase: PASSPHRASE,
        file: [pdf64],
        signatureProperties: {
          tampilan: 'VISIBLE',
          page: 1,
          originX: 10,
          originY: 10,
          width: 50,
          height: 50,
        },
      }),
    );
    assert.match(noImage.error, /^Proses signing gagal : imageBase64/);
    const noCert = await f.holder(f.a, { issue: false });
    assert.match(
      error(await v2({ nik: noCert.nik, passphrase: PASSPHRASE, file: [pdf64] })).error,
      /^Proses signing gagal : Status Sertifikat Anda NO_CERTIFICATE/,
    );
    for (const body of [{}, { nik: h.nik }, { nik: h.nik, passphrase: PASSPHRASE, file: ['***'] }, []])
      error(await v2(body));
    assert.equal(
      (await v2({ nik: h.nik, passphrase: PASSPHRASE, file: [pdf64] }, 'Basic eDp5')).statusCode,
      401,
    );
  });

  it('counts wrong passphrases and locks the key at the limit (429 with Retry-After)', async () => {
    const h = await f.holder();
    const limit = f.rt.config.certificates.passphraseFailures;
    let locked: { statusCode: number; headers: Record<string, unknown> } | undefined;
    for (let i = 0; i < limit + 1; i++) {
      const r = await v2({ nik: h.nik, passphrase: `Salah#2026x${i}`, file: [pdf64] });
      if (r.statusCode === 429) {
        locked = r;
        break;
      }
      assert.equal((JSON.parse(r.body) as { status_code: number }).status_code, 2031);
    }
    assert.ok(locked, 'locked at the limit');
    const right = await v2({ nik: h.nik, passphrase: PASSPHRASE, file: [pdf64] });
    assert.equal(right.statusCode, 429, 'the right passphrase waits too');
    assert.ok(Number(right.headers['retry-after']) > 0);
  });
});
