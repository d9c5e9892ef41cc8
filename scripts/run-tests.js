#!/usr/bin/env node
// Runs the test suite with Node's test runner (TypeScript through tsx).
// Files named *.db.test.ts touch the database: they run once on PGlite and once on the PostgreSQL
// at TEKEN_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); set
// TEKEN_TEST_ENGINES=pglite to skip the PostgreSQL pass on a machine without it.
// Usage: node scripts/run-tests.js [path-substring ...]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanLogsForPersonalData } from './scan-logs-for-personal-data.js';

const root = path.resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : walk(full);
    return entry.name.endsWith('.test.ts') ? [path.relative(root, full)] : [];
  });
}

const files = walk(path.join(root, 'test'))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
const dbFiles = files.filter((f) => f.endsWith('.db.test.ts'));
const engines = (process.env.TEKEN_TEST_ENGINES ?? 'pglite,postgres').split(',');
const pgUrl = process.env.TEKEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const runs = [];
if (engines.includes('pglite')) runs.push({ name: 'pglite', files, env: { TEKEN_TEST_ENGINE: 'pglite' } });
if (engines.includes('postgres') && dbFiles.length > 0) {
  const pgFiles = engines.includes('pglite') ? dbFiles : files;
  runs.push({
    name: 'postgres',
    files: pgFiles,
    env: { TEKEN_TEST_ENGINE: 'postgres', TEKEN_TEST_PG_URL: pgUrl },
  });
}

// Every log the suite writes goes here, to be scanned for personal data at the end.
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-test-logs-'));

let failed = 0;
for (const run of runs) {
  console.log(`\n# test pass: ${run.name} (${run.files.length} files)`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...run.files],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...run.env, TEKEN_TEST_LOG_DIR: logDir } },
  );
  if (result.status !== 0) failed++;
}

const scan = scanLogsForPersonalData(logDir);
console.log(
  `\n# personal data in logs: ${scan.values} synthetic NIK/NIP/phone spellings looked for in ${scan.files} log files (${(scan.bytes / 1e6).toFixed(1)} MB): ${scan.findings.length} found`,
);
for (const f of scan.findings.slice(0, 20)) console.log(`#   ${f.kind} in ${f.file}`);
if (scan.findings.length > 0) failed++;
else fs.rmSync(logDir, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);
