/**
 * `teken subscriber import` through the real CLI: verified subscribers in bulk, and with --issue
 * each one's certificate under their row's passphrase, judged by OpenSSL and opened with exactly
 * that passphrase; refused rows reported (a weak passphrase adds nobody), progress on stderr, and
 * no passphrase, NIK or phone in any output.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { unlockSubscriberKey } from '../../src/certificates/unlock-subscriber-key.js';
import { loadConfig } from '../../src/config/load-config.js';
import { accounts, registrations, subscriberCertificates } from '../../src/db/schema.js';
import { runCli } from '../helpers/cli.js';
import { openssl } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { testEnv } from '../helpers/test-runtime.js';
import { tmpDir } from '../helpers/tmp-dir.js';

interface Row {
  row: number;
  email: string;
  outcome: 'added' | 'issued' | 'refused';
  accountId?: string;
  certificateId?: string;
  serial?: string;
  pem?: string;
  code?: string;
  message?: string;
}

describe('teken subscriber import', () => {
  let env: Record<string, string>;
  let institution: string;
  const dir = tmpDir('teken-subscriber-import-');
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };

  before(async () => {
    env = await testEnv({
      TEKEN_QUIET: '1',
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
    });
    assert.equal((await runCli(['ca', 'init'], env)).code, 0);
    const created = await runCli(
      ['institution', 'create', '--name', 'Dinas Migrasi Massal', '--domain', 'massal.go.id', '--json'],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    institution = (JSON.parse(created.stdout) as { id: string }).id;
    const ca = await runCli(['ca', 'cert', 'individual', '--pem'], env);
    const root = await runCli(['ca', 'cert', 'root', '--pem'], env);
    fs.writeFileSync(path.join(dir, 'individual.pem'), ca.stdout);
    fs.writeFileSync(path.join(dir, 'root.pem'), root.stdout);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds and issues each row under its own passphrase; a refused row is reported and adds nobody', async () => {
    const people = Array.from({ length: 4 }, () => syntheticPerson());
    const passphrases = ['Rahasia#Satu1', 'Kunci$Dua22', 'lemah', 'Tiga!Empat33'];
    const lines = ['Nama Lengkap;Email;NIK;NIP;Telepon;Kata Sandi TTE'];
    people.forEach((p, i) =>
      lines.push(`${p.fullName};pegawai${i}@massal.go.id;${p.nik};${p.nip};${p.phone};${passphrases[i]}`),
    );
    // A row outside the institution's domain, and one whose NIK repeats the first row's.
    const stranger = syntheticPerson();
    lines.push(`${stranger.fullName};orang@luar.example;${stranger.nik};;;Luar#Sekali44`);
    lines.push(`Kembar Satu;kembar@massal.go.id;${people[0]!.nik};;;Kembar#Dua55`);
    const csv = file('pegawai.csv', `${lines.join('\n')}\n`);
    const run = await runCli(
      [
        'subscriber',
        'import',
        '--institution',
        institution,
        csv,
        '--issue',
        '--passphrase-column',
        'kata sandi tte',
        '--json',
      ],
      env,
    );
    assert.equal(run.code, 1, 'a refused row makes the exit code 1');
    const out = JSON.parse(run.stdout) as { rows: Row[]; issued: number; refused: number; total: number };
    assert.equal(out.total, 6);
    assert.equal(out.issued, 3);
    assert.equal(out.refused, 3);
    assert.deepEqual(
      out.rows.map((r) => [r.row, r.outcome, r.code ?? null]),
      [
        [2, 'issued', null],
        [3, 'issued', null],
        [4, 'refused', 'ERR_PASSPHRASE_POLICY'],
        [5, 'issued', null],
        [6, 'refused', 'ERR_INPUT_INVALID'],
        [7, 'refused', 'ERR_RESOURCE_CONFLICT'],
      ],
    );
    assert.match(out.rows[4]!.message!, /massal\.go\.id/);
    // Progress on stderr, from 0 % to 100 %.
    const progress = run.stderr.trim().split('\n');
    assert.match(progress[0]!, /^import: 0% 0\/6 rows/);
    assert.match(progress.at(-1)!, /^import: 100% 6\/6 rows \(added 0, issued 3, refused 3\)$/);
    // Nothing secret or personal in any output.
    for (const secret of [...passphrases, 'Luar#Sekali44', 'Kembar#Dua55'])
      assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'no passphrase echoed');
    for (const p of [...people, stranger])
      for (const value of [p.nik, p.nip, p.phone])
        assert.ok(!run.stdout.includes(value) && !run.stderr.includes(value), 'no NIK, NIP or phone');

    // OpenSSL judges what was issued; each key opens with its own row's passphrase only.
    const rt = await openRuntime(loadConfig(env));
    try {
      const ctx = certificatesContextOf(rt);
      for (const [i, at] of [0, 1, 3].entries()) {
        const r = out.rows[at]!;
        const pem = path.join(dir, `${r.row}.pem`);
        fs.writeFileSync(pem, r.pem!);
        assert.match(
          openssl([
            'verify',
            '-x509_strict',
            '-CAfile',
            path.join(dir, 'root.pem'),
            '-untrusted',
            path.join(dir, 'individual.pem'),
            pem,
          ]),
          /: OK/,
        );
        const text = openssl(['x509', '-in', pem, '-noout', '-text']);
        assert.match(text, new RegExp(`CN ?= ?${people[at]!.fullName}`));
        assert.match(text, /Digital Signature, Non Repudiation/);
        const [sc] = await rt.db
          .select()
          .from(subscriberCertificates)
          .where(eq(subscriberCertificates.id, r.certificateId!));
        await unlockSubscriberKey(ctx, sc!, passphrases[at], { actor: 'test' });
        const wrong = passphrases[[0, 1, 3][(i + 1) % 3]!]!;
        await assert.rejects(unlockSubscriberKey(ctx, sc!, wrong, { actor: 'test' }), /passphrase/i);
        const [registration] = await rt.db
          .select({ status: registrations.status })
          .from(registrations)
          .where(eq(registrations.accountId, r.accountId!));
        assert.equal(registration!.status, 'verified');
      }
      // The row with the weak passphrase added nobody.
      const [nobody] = await rt.db.select().from(accounts).where(eq(accounts.email, 'pegawai2@massal.go.id'));
      assert.equal(nobody, undefined);
    } finally {
      await rt.close();
    }
  });

  it('without --issue adds the subscribers only, one line per row; a usage error changes nothing', async () => {
    const a = syntheticPerson();
    const b = syntheticPerson();
    const csv = file(
      'tanpa-terbit.csv',
      `nama,email,nik\n${a.fullName},tanpa0@massal.go.id,${a.nik}\n${b.fullName},tanpa1@massal.go.id,${b.nik}\n`,
    );
    const usage = await runCli(
      ['subscriber', 'import', '--institution', institution, csv, '--passphrase-column', 'x'],
      env,
    );
    assert.notEqual(usage.code, 0);
    assert.match(usage.stderr, /Usage: teken subscriber import/);
    const run = await runCli(['subscriber', 'import', '--institution', institution, csv], env);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[0]!, /^row 2: added [0-9a-f-]{36}$/);
    assert.match(lines[1]!, /^row 3: added [0-9a-f-]{36}$/);
    assert.equal(lines[2], '2 rows: 2 added, 0 issued, 0 refused.');
    const missing = await runCli(
      [
        'subscriber',
        'import',
        '--institution',
        institution,
        file('rusak.csv', 'nama,email\nX,x@massal.go.id\n'),
      ],
      env,
    );
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /"nik" is missing/);
  });
});
