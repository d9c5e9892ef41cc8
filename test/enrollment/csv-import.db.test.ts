/**
 * The CSV registration import's use cases: the batched startRegistrations gives each row the
 * outcome the one-row call gives it, with the same rows written; the preview checks every rule
 * and writes nothing; the import registers in batches, keeps its report and counters, and a
 * re-run of the same file after a crash resumes without duplicates.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, count, eq, isNull, like, sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import {
  accounts,
  actionTokens,
  auditEvents,
  enrollmentImports,
  institutions,
  outbox,
  registrations,
} from '../../src/db/schema.js';
import type { EnrollmentContext } from '../../src/enrollment/enrollment-context.js';
import { sourceOfBytes } from '../../src/enrollment/import-file.js';
import { importRegistrations, openImport, runImport } from '../../src/enrollment/import-registrations.js';
import { previewImport } from '../../src/enrollment/preview-import.js';
import { readImportReport } from '../../src/enrollment/read-import-report.js';
import { startRegistration, startRegistrations } from '../../src/enrollment/start-registration.js';
import { TekenError } from '../../src/errors/teken-error.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const instA = '00000000-0000-4000-8000-0000000c5a01';
const instB = '00000000-0000-4000-8000-0000000c5b01';
const operator = { operator: 'cli:test' };

describe('CSV registration import', () => {
  let rt: Runtime;
  let ctx: EnrollmentContext;
  const report = async (id: string) => {
    let text = '';
    for await (const chunk of readImportReport(ctx, operator, id)) text += chunk;
    return text.trim().split('\r\n');
  };

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_IMPORT_MAX_ROWS: '50' }));
    ctx = enrollmentContextOf(rt);
    await rt.db.insert(institutions).values([
      { id: instA, code: 'CSVA', name: 'Instansi CSV A', emailDomains: ['csv-a.go.id'] },
      { id: instB, code: 'CSVB', name: 'Instansi CSV B' },
    ]);
  });

  it('startRegistrations gives each row what one call after the other gives it', async () => {
    const row = (email: string, fullName = 'Budi Santoso', institutionId = instA) => ({
      institutionId,
      fullName,
      email,
      source: 'csv' as const,
      invitedBy: 'test',
    });
    // An account of B already registered and one of A still open.
    await rt.db.transaction((tx) => startRegistration(ctx, tx, row('open@csv-a.go.id')));
    await rt.db.transaction((tx) => startRegistration(ctx, tx, row('taken@csv-b.example', 'X', instB)));
    await rt.db
      .update(registrations)
      .set({ status: 'submitted' })
      .where(sql`${registrations.accountId} = (select id from accounts where email = 'taken@csv-b.example')`);
    const inputs = [
      row('budi@csv-a.go.id'),
      row('Budi@CSV-A.go.id'), // the same address again: a re-send of the row before
      row('budi@elsewhere.example'), // outside the domain
      row('open@csv-a.go.id'), // open at A: re-sent
      row('taken@csv-b.example', 'X', instB), // submitted: refused
      row('bad address'),
      row('ok@csv-a.go.id', '   '),
      row('x@csv-a.go.id', 'Nobody', '00000000-0000-4000-8000-00000000dead'),
      row('budi2@csv-a.go.id'),
    ];
    const outcomes = await rt.db.transaction((tx) => startRegistrations(ctx, tx, inputs));
    assert.deepEqual(
      outcomes.map((o) => (o.result === 'refused' ? `refused ${o.error.code}` : o.result)),
      [
        'created',
        'resent',
        'refused ERR_INPUT_INVALID',
        'resent',
        'refused ERR_ACCOUNT_EXISTS',
        'refused ERR_INPUT_INVALID',
        'refused ERR_INPUT_INVALID',
        'refused ERR_INSTITUTION_NOT_FOUND',
        'created',
      ],
    );
    const budi = outcomes[0]!.result === 'created' ? outcomes[0]!.accountId : '';
    assert.equal(outcomes[1]!.result === 'resent' && outcomes[1]!.accountId, budi);
    // The usernames: "budi" and, for budi2@, "budi2" is free too.
    const names = await rt.db
      .select({ username: accounts.username, status: accounts.status })
      .from(accounts)
      .where(like(accounts.email, 'budi%@csv-a.go.id'));
    assert.deepEqual(names.map((n) => n.username).sort(), ['budi', 'budi2']);
    assert.ok(names.every((n) => n.status === 'pending'));
    // Budi has two links, the first voided; two mails; account.create + started + link_resent.
    const links = await rt.db.select().from(actionTokens).where(eq(actionTokens.accountId, budi));
    assert.equal(links.length, 2);
    assert.equal(links.filter((l) => l.voidedAt === null).length, 1);
    const [mails] = await rt.db.select({ n: count() }).from(outbox).where(eq(outbox.accountId, budi));
    assert.equal(mails!.n, 2);
    const events = await rt.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.target, `account:${budi}`))
      .orderBy(auditEvents.id);
    assert.deepEqual(
      events.map((e) => e.action),
      ['account.create', 'registration.started', 'registration.link_resent'],
    );
    // The open registration of before: its old link is void, one fresh one open.
    const openId = outcomes[3]!.result === 'resent' ? outcomes[3]!.accountId : '';
    const openLinks = await rt.db
      .select()
      .from(actionTokens)
      .where(and(eq(actionTokens.accountId, openId), isNull(actionTokens.voidedAt)));
    assert.equal(openLinks.length, 1);
    // The one-row call throws the refusal.
    await assert.rejects(
      rt.db.transaction((tx) => startRegistration(ctx, tx, row('taken@csv-b.example', 'X', instB))),
      (e: unknown) => e instanceof TekenError && e.code === 'ERR_ACCOUNT_EXISTS',
    );
  });

  it('a taken username gets the next free number, within a batch too', async () => {
    const row = (email: string) => ({
      institutionId: instB,
      fullName: 'Sri Wahyuni',
      email,
      source: 'csv' as const,
      invitedBy: 'test',
    });
    await rt.db.transaction((tx) => startRegistration(ctx, tx, row('sri@one.example')));
    await rt.db.transaction((tx) =>
      startRegistrations(ctx, tx, [row('sri@two.example'), row('sri@three.example')]),
    );
    const names = await rt.db
      .select({ username: accounts.username })
      .from(accounts)
      .where(like(accounts.email, 'sri@%'));
    assert.deepEqual(names.map((n) => n.username).sort(), ['sri', 'sri2', 'sri3']);
  });

  it('previews every rule per row, naming column and rule, and writes nothing', async () => {
    const file = [
      '\ufeffNama Lengkap;EMAIL;Bahasa',
      'Dewi Lestari;dewi@csv-a.go.id;en',
      ';kosong@csv-a.go.id;',
      'Tanpa Domain;dewi@gmail.com;',
      'Ganda;DEWI@csv-a.go.id;',
      'Salah;bukan-email;',
      'Terbuka;open@csv-a.go.id;',
      'Terdaftar;budi2@csv-a.go.id;',
      'Bahasa;lain@csv-a.go.id;jv',
    ].join('\r\n');
    await rt.db
      .update(registrations)
      .set({ status: 'verified' })
      .where(sql`${registrations.accountId} = (select id from accounts where email = 'budi2@csv-a.go.id')`);
    const before = await rt.db.select({ n: count() }).from(accounts);
    const preview = await previewImport(ctx, operator, instA, Readable.from([file]));
    assert.deepEqual(preview.counts, { rows: 8, new: 1, resend: 1, invalid: 6 });
    const problems = preview.rows.map((r) => [
      r.row,
      r.status,
      r.problems.map((p) => `${p.column}:${p.rule}`),
    ]);
    assert.deepEqual(problems, [
      [2, 'new', []],
      [3, 'invalid', ['nama:required']],
      [4, 'invalid', ['email:domain']],
      [5, 'invalid', ['email:duplicate']],
      [6, 'invalid', ['email:format']],
      [7, 'resend', []],
      [8, 'invalid', ['email:registered']],
      [9, 'invalid', ['bahasa:one_of']],
    ]);
    assert.equal(preview.rows[0]!.bahasa, 'en');
    assert.match(preview.rows[3]!.problems[0]!.message, /row 2/);
    const after = await rt.db.select({ n: count() }).from(accounts);
    assert.equal(after[0]!.n, before[0]!.n);
  });

  it('refuses a file without the columns, an unreadable one and one with too many rows', async () => {
    const refused = async (text: string, code: string, pattern: RegExp) =>
      assert.rejects(previewImport(ctx, operator, instA, Readable.from([text])), (e: unknown) => {
        assert.ok(e instanceof TekenError);
        assert.equal(e.code, code);
        assert.match(e.message, pattern);
        return true;
      });
    await refused('name,surel\nA,a@csv-a.go.id\n', 'ERR_IMPORT_FILE_INVALID', /email/);
    await refused('', 'ERR_IMPORT_FILE_INVALID', /empty/);
    await refused('nama,email\n"Budi,budi@csv-a.go.id\n', 'ERR_IMPORT_FILE_INVALID', /CSV/);
    const many = ['nama,email', ...Array.from({ length: 51 }, (_, i) => `N ${i},n${i}@csv-a.go.id`)];
    await refused(many.join('\n'), 'ERR_IMPORT_FILE_INVALID', /more than 50 rows/);
  });

  it('imports in batches with counters and a sealed report; a re-run resumes after a crash', async () => {
    const lines = ['nama,email'];
    for (let i = 0; i < 23; i++) lines.push(`Pegawai ${i},pegawai${i}@csv-a.go.id`);
    lines.push('Pegawai 0,pegawai0@csv-a.go.id'); // repeated in the file
    lines.push('Terdaftar,budi@csv-a.go.id'); // registered? no: open at A → resent
    lines.push('Luar,orang@luar.example');
    const file = `${lines.join('\n')}\n`;
    // A process that dies after the second batch: the source fails mid-way.
    const { job } = await openImport(ctx, operator, instA, sourceOfBytes(file));
    let served = 0;
    const dying = () =>
      Readable.from(
        (async function* () {
          const bytes = Buffer.from(file);
          for (let at = 0; at < bytes.length; at += 64) {
            served += 64;
            await Promise.resolve();
            if (served > 64 * 8) throw new Error('killed');
            yield bytes.subarray(at, at + 64);
          }
        })(),
      );
    await assert.rejects(runImport(ctx, job.id, dying, { batchSize: 5 }), /killed/);
    const [mid] = await rt.db.select().from(enrollmentImports).where(eq(enrollmentImports.id, job.id));
    assert.equal(mid!.status, 'failed');
    assert.ok(mid!.processedRows > 0 && mid!.processedRows < 26, String(mid!.processedRows));
    assert.equal(mid!.processedRows % 5, 0);
    // The same file again: the same job, resumed after its last batch.
    const progress: number[] = [];
    const done = await importRegistrations(ctx, operator, instA, sourceOfBytes(file), {
      batchSize: 5,
      onProgress: (p) => progress.push(p.processedRows),
    });
    assert.equal(done.id, job.id);
    assert.equal(done.resumed, true);
    assert.equal(done.status, 'done');
    assert.deepEqual(
      { total: done.totalRows, processed: done.processedRows, created: done.createdRows },
      { total: 26, processed: 26, created: 23 },
    );
    assert.equal(done.resentRows, 1);
    assert.equal(done.refusedRows, 2);
    assert.equal(progress.at(-1), 26);
    // No duplicates: one account, one link, one mail per person.
    const [people] = await rt.db
      .select({ n: count() })
      .from(accounts)
      .where(like(accounts.email, 'pegawai%@csv-a.go.id'));
    assert.equal(people!.n, 23);
    const [mails] = await rt.db
      .select({ n: count() })
      .from(outbox)
      .where(sql`${outbox.accountId} in (select id from accounts where email like 'pegawai%@csv-a.go.id')`);
    assert.equal(mails!.n, 23);
    const csv = await report(job.id);
    assert.equal(csv[0], 'row,nama,email,result,reason');
    assert.equal(csv.length, 27);
    assert.equal(csv[1], '2,Pegawai 0,pegawai0@csv-a.go.id,created,');
    assert.match(
      csv[24]!,
      /^25,Pegawai 0,pegawai0@csv-a\.go\.id,refused,email: the same address is on row 2\.$/,
    );
    assert.equal(csv[25], '26,Terdaftar,budi@csv-a.go.id,resent,');
    assert.match(
      csv[26]!,
      /^27,Luar,orang@luar\.example,refused,email: the address must be at @csv-a\.go\.id\.$/,
    );
    // The report is sealed: no address in clear in the database.
    const raw = await rt.db.execute(sql`select sealed_report from enrollment_import_batches`);
    assert.ok(!JSON.stringify(raw).includes('pegawai'));
    // A finished file imported again is a new import: registered rows refused, open ones re-sent.
    const again = await importRegistrations(ctx, operator, instA, sourceOfBytes(file), { batchSize: 5 });
    assert.notEqual(again.id, job.id);
    assert.equal(again.createdRows, 0);
    assert.equal(again.resentRows, 24);
  });
});
