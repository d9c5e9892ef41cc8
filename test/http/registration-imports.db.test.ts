/**
 * The CSV import's routes: preview, import in the background with its progress, the per-row report
 * as CSV; another institution's staff see nothing of it; only text/csv bodies within the limit.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { institutions } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const PASSWORD = 'kuda liar berlari kencang';
const instA = '00000000-0000-4000-8000-0000000d1a01';
const instB = '00000000-0000-4000-8000-0000000d1b01';

describe('registration import routes', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let seq = 0;
  let clock = Date.now();

  const signedIn = async (roles: AccountRow['roles'], institutionId: string | null) => {
    const account = await createTestAccount(rt, {
      prefix: 'impor',
      n: ++seq,
      name: 'Akun Impor',
      roles,
      institutionId,
      password: PASSWORD,
    });
    const client = new ApiClient(app, `10.41.${seq}.9`);
    await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, (clock += 30_000)));
    return client;
  };
  const upload = async (client: ApiClient, url: string, body: string, type = 'text/csv') => {
    const response = await app.inject({
      method: 'POST',
      url,
      remoteAddress: client.ip,
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': type },
      payload: body,
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0', TEKEN_IMPORT_MAX_BYTES: '4096' }));
    app = (await buildApp(rt, { now: () => clock })).app;
    await rt.db.insert(institutions).values([
      { id: instA, code: 'IMPA', name: 'Instansi Impor A' },
      { id: instB, code: 'IMPB', name: 'Instansi Impor B' },
    ]);
  });

  it('previews, imports in the background, shows progress and gives the report', async () => {
    const admin = await signedIn(['institution_admin'], instA);
    const file =
      'nama,email\nRina Wati,rina@impor-a.example\nRina Wati,rina@impor-a.example\n,x@impor-a.example\n';
    const preview = await upload(admin, '/api/v1/registration-imports/preview', file);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual(preview.body.counts, { rows: 3, new: 1, resend: 0, invalid: 2 });
    const started = await upload(admin, '/api/v1/registration-imports', file);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const id = (started.body.import as { id: string }).id;
    let progress: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) {
      progress = (await admin.get<{ import: Record<string, unknown> }>(`/api/v1/registration-imports/${id}`))
        .body.import;
      if (progress.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(progress.status, 'done');
    assert.deepEqual([progress.totalRows, progress.createdRows, progress.refusedRows], [3, 1, 2]);
    const report = await app.inject({
      method: 'GET',
      url: `/api/v1/registration-imports/${id}/report`,
      remoteAddress: admin.ip,
      headers: { cookie: admin.cookie! },
    });
    assert.equal(report.statusCode, 200);
    assert.match(String(report.headers['content-type']), /^text\/csv/);
    assert.match(String(report.headers['content-disposition']), /attachment/);
    const lines = report.body.trim().split('\r\n');
    assert.deepEqual(lines.slice(0, 2), [
      'row,nama,email,result,reason',
      '2,Rina Wati,rina@impor-a.example,created,',
    ]);
    assert.match(lines[2]!, /^3,.*,refused,email: the same address is on row 2\.$/);
    assert.match(lines[3]!, /^4,,x@impor-a\.example,refused,nama: the full name is required\.$/);

    // Another institution's admin: as if there were no such import.
    const other = await signedIn(['institution_admin'], instB);
    assert.equal((await other.get(`/api/v1/registration-imports/${id}`)).status, 404);
    const otherReport = await other.get(`/api/v1/registration-imports/${id}/report`);
    assert.equal(otherReport.status, 404);
    // ...and cannot import into A.
    const intoA = await upload(other, `/api/v1/registration-imports?institutionId=${instA}`, file);
    assert.equal(intoA.status, 403);
  });

  it('takes only text/csv within the size limit, and refuses invalid files before any job', async () => {
    const officer = await signedIn(['ra_officer'], instA);
    const json = await upload(officer, '/api/v1/registration-imports', '{"nama":"x"}', 'application/json');
    assert.equal(json.status, 415);
    assert.equal(json.body.code, 'ERR_INPUT_UNSUPPORTED_MEDIA_TYPE');
    const big = await upload(
      officer,
      '/api/v1/registration-imports/preview',
      `nama,email\n${'x'.repeat(5000)}\n`,
    );
    assert.equal(big.status, 413);
    const noColumn = await upload(officer, '/api/v1/registration-imports', 'nama\nBudi\n');
    assert.equal(noColumn.status, 400);
    assert.equal(noColumn.body.code, 'ERR_IMPORT_FILE_INVALID');
    assert.match(String(noColumn.body.detail), /email/);
    const subscriber = await signedIn(['subscriber'], instA);
    assert.equal(
      (await upload(subscriber, '/api/v1/registration-imports/preview', 'nama,email\n')).status,
      403,
    );
  });
});
