/**
 * `teken enrollment import` through the real CLI: the progress lines on stderr (no TTY here), the
 * summary (text and --json), the per-row report file, a non-zero exit on an invalid file, and the
 * same file again at the same institution creating no duplicates.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { testEnv } from '../helpers/test-runtime.js';
import { tmpDir } from '../helpers/tmp-dir.js';

describe('teken enrollment import', () => {
  let env: Record<string, string>;
  let institution: string;
  const dir = tmpDir('teken-import-');
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };

  before(async () => {
    env = await testEnv({ TEKEN_QUIET: '1' });
    const created = await runCli(
      ['institution', 'create', '--name', 'Dinas Impor', '--domain', 'dinas-impor.go.id', '--json'],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    institution = (JSON.parse(created.stdout) as { id: string }).id;
  });

  it('imports with progress, a summary and a report; again: nothing duplicated', async () => {
    const rows = ['Nama Lengkap,Email'];
    for (let i = 0; i < 1200; i++) rows.push(`Pegawai ${i},pegawai${i}@dinas-impor.go.id`);
    rows.push('Orang Luar,orang@luar.example');
    const csv = file('pegawai.csv', `${rows.join('\n')}\n`);
    const report = path.join(dir, 'laporan.csv');
    const first = await runCli(
      ['enrollment', 'import', '--institution', institution, csv, '--report', report],
      env,
    );
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /1201 rows, 1200 created, 0 resent, 1 refused\. Report: /);
    const progress = first.stderr.trim().split('\n');
    assert.ok(progress.length >= 3, first.stderr);
    assert.match(progress[0]!, /^import: 0% 0\/1201 rows/);
    assert.match(progress.at(-1)!, /^import: 100% 1201\/1201 rows \(created 1200, resent 0, refused 1\)$/);
    const lines = fs.readFileSync(report, 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 1202);
    assert.equal(lines[1], '2,Pegawai 0,pegawai0@dinas-impor.go.id,created,');
    assert.match(
      lines[1201]!,
      /^1202,Orang Luar,orang@luar\.example,refused,email: the address must be at @dinas-impor\.go\.id\.$/,
    );
    // The same file again (the import finished): the open registrations get a fresh link, no new accounts.
    const again = await runCli(['enrollment', 'import', '--institution', institution, csv, '--json'], env);
    assert.equal(again.code, 0, again.stderr);
    const summary = JSON.parse(again.stdout) as Record<string, unknown>;
    assert.deepEqual(
      [summary.rows, summary.created, summary.resent, summary.refused, summary.resumed],
      [1201, 0, 1200, 1, false],
    );
  });

  it('exits non-zero on an invalid file, naming the problem', async () => {
    const bad = await runCli(
      ['enrollment', 'import', '--institution', institution, file('bad.csv', 'nama;telepon\nBudi;0812\n')],
      env,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /"email" is missing\. \[ERR_IMPORT_FILE_INVALID\]/);
    const missing = await runCli(
      ['enrollment', 'import', '--institution', institution, path.join(dir, 'none.csv')],
      env,
    );
    assert.notEqual(missing.code, 0);
    const usage = await runCli(['enrollment', 'import', file('x.csv', 'nama,email\n')], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Usage: teken enrollment import --institution <id> <file\.csv>/);
  });
});
