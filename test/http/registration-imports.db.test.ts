/**
 * The CSV import's routes: preview, import in the background with its progress, the per-row report
 * as CSV; another institution's staff see nothing of it; only text/csv bodies within the limit.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { count, eq } from 'drizzle-orm';
import { enrollmentImportBatches, institutions } from '../../src/db/schema.js';
import { sourceOfBytes } from '../../src/enrollment/import-file.js';
import { openImport } from '../../src/enrollment/import-registrations.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
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
    ({ rt } = await openTestRuntime({
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_IMPORT_MAX_BYTES: '4096',
      TEKEN_IMPORT_MAX_ROWS: '40',
      TEKEN_IMPORT_BATCH_ROWS: '2',
    }));
    app = (await buildApp(rt, { now: () => clock })).app;
    await rt.db.insert(institutions).values([
      { id: instA, code: 'IMPA', name: 'Instansi Impor A', emailDomains: ['impor-a.example'] },
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
  const progressOf = async (client: ApiClient, id: string) => {
    let progress: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      progress = (await client.get<{ import: Record<string, unknown> }>(`/api/v1/registration-imports/${id}`))
        .body.import;
      if (progress.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    return progress;
  };

  it("names what a problem's message names, lists the caller's own imports with the limits, and commits TEKEN_IMPORT_BATCH_ROWS rows at a time", async () => {
    const officer = await signedIn(['ra_officer'], instA);
    const file = [
      'nama,email',
      'Sari Dewi,sari@impor-a.example',
      'Sari Lagi,SARI@impor-a.example',
      'Orang Luar,luar@gmail.example',
      `${'N'.repeat(201)},panjang@impor-a.example`,
      'Tono,tono@impor-a.example',
    ].join('\n');
    const preview = await upload(officer, '/api/v1/registration-imports/preview', file);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const problems = (preview.body.rows as { row: number; problems: unknown[] }[]).map((r) => [
      r.row,
      r.problems,
    ]);
    assert.deepEqual(problems, [
      [2, []],
      [
        3,
        [
          {
            column: 'email',
            rule: 'duplicate',
            message: 'email: the same address is on row 2.',
            params: { row: 2 },
          },
        ],
      ],
      [
        4,
        [
          {
            column: 'email',
            rule: 'domain',
            message: 'email: the address must be at @impor-a.example.',
            params: { domains: ['impor-a.example'] },
          },
        ],
      ],
      [
        5,
        [
          {
            column: 'nama',
            rule: 'max_length',
            message: 'nama: at most 200 characters.',
            params: { max: 200 },
          },
        ],
      ],
      [6, []],
    ]);

    const before = await officer.get<{ imports: unknown[]; limits: unknown }>('/api/v1/registration-imports');
    assert.equal(before.status, 200);
    assert.deepEqual(before.body, { imports: [], limits: { maxBytes: 4096, maxRows: 40 } });
    const started = await upload(officer, '/api/v1/registration-imports', file);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.resumed, false);
    const id = (started.body.import as { id: string }).id;
    const done = await progressOf(officer, id);
    assert.deepEqual(
      [done.status, done.processedRows, done.createdRows, done.refusedRows, done.resumedAt],
      ['done', 5, 2, 3, null],
    );
    // Five rows, two a transaction: three batches.
    const [batches] = await rt.db
      .select({ n: count() })
      .from(enrollmentImportBatches)
      .where(eq(enrollmentImportBatches.importId, id));
    assert.equal(batches!.n, 3);

    const listed = await officer.get<{ imports: { id: string; status: string }[] }>(
      '/api/v1/registration-imports?limit=5',
    );
    assert.deepEqual(
      listed.body.imports.map((i) => [i.id, i.status]),
      [[id, 'done']],
    );
    // A colleague at the same institution lists only their own; a subscriber nothing at all.
    const colleague = await signedIn(['institution_admin'], instA);
    assert.deepEqual(
      (await colleague.get<{ imports: unknown[] }>('/api/v1/registration-imports')).body.imports,
      [],
    );
    const subscriber = await signedIn(['subscriber'], instA);
    assert.equal((await subscriber.get('/api/v1/registration-imports')).status, 403);
    assert.equal((await officer.get('/api/v1/registration-imports?limit=0')).status, 400);
  });

  it('says when sending the same file again resumes an unfinished import', async () => {
    const admin = await signedIn(['institution_admin'], instA);
    const file =
      'nama,email\nUtami,utami@impor-a.example\nUmar,umar@impor-a.example\nUlfa,ulfa@impor-a.example\n';
    // A job opened but never run: as a server that stopped before its first batch leaves it.
    const { job } = await openImport(
      enrollmentContextOf(rt),
      { operator: 'cli:test' },
      instA,
      sourceOfBytes(file),
    );
    const again = await upload(admin, '/api/v1/registration-imports', file);
    assert.equal(again.status, 202, JSON.stringify(again.body));
    assert.equal(again.body.resumed, true);
    const resumed = again.body.import as { id: string; resumedAt: string | null };
    assert.equal(resumed.id, job.id);
    assert.ok(resumed.resumedAt && !Number.isNaN(Date.parse(resumed.resumedAt)));
    const done = await progressOf(admin, job.id);
    assert.deepEqual([done.status, done.createdRows], ['done', 3]);
    assert.equal(done.resumedAt, resumed.resumedAt);
  });

  it("refuses files that are not CSV, empty or without rows, with the rule in the problem's details", async () => {
    const officer = await signedIn(['ra_officer'], instA);
    const cases: [string, string | Buffer, Record<string, unknown>][] = [
      ['binary', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a]), { rule: 'csv' }],
      ['header only', 'nama,email\n', { rule: 'no_rows' }],
      ['no email column', 'nama\nBudi\n', { column: 'email', rule: 'required' }],
      ['too many rows', `nama,email\n${'a,b@c.example\n'.repeat(41)}`, { rule: 'max_rows', max: 40 }],
    ];
    for (const [what, body, details] of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/registration-imports',
        remoteAddress: officer.ip,
        headers: { cookie: officer.cookie!, 'x-csrf-token': officer.csrf!, 'content-type': 'text/csv' },
        payload: body,
      });
      const problem = response.json<{ code: string; details: Record<string, unknown> }>();
      assert.equal(response.statusCode, 400, what);
      assert.equal(problem.code, 'ERR_IMPORT_FILE_INVALID', what);
      assert.deepEqual(problem.details, details, what);
    }
    assert.deepEqual(
      (await officer.get<{ imports: unknown[] }>('/api/v1/registration-imports')).body.imports,
      [],
      'no job for any of them',
    );
  });
});
