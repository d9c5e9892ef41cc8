import crypto from 'node:crypto';
import { onCleanup } from './cleanup.js';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { tmpDir } from './tmp-dir.js';
import { testLogger } from './log-capture.js';

/** The engine this test process runs on (scripts/run-tests.js runs *.db.test.ts on both). */
export const testEngine: 'pglite' | 'postgres' =
  process.env.TEKEN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, empty database for one test file: a PGlite directory, or a new database on the
 * PostgreSQL server at TEKEN_TEST_PG_URL, dropped when the file ends.
 */
export async function freshDatabaseUrl(): Promise<string | undefined> {
  if (testEngine !== 'postgres') return undefined;
  const adminUrl = process.env.TEKEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `teken_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  onCleanup(async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Environment for a test instance: small, fast keys unless a test asks for the defaults. */
export async function testEnv(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    TEKEN_DATA_DIR: tmpDir('teken-data-'),
    TEKEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    TEKEN_LOG_LEVEL: 'silent',
    TEKEN_PUBLIC_URL: 'http://127.0.0.1:3000',
    TEKEN_CA_ROOT_KEY: 'p384',
    TEKEN_CA_ISSUING_KEY: 'p256',
    TEKEN_POLICY_OID_BASE: '1.3.6.1.4.1.99999.1',
    ...overrides,
  };
  const url = await freshDatabaseUrl();
  if (url && !('DATABASE_URL' in overrides)) env.DATABASE_URL = url;
  return env;
}

export async function openTestRuntime(
  overrides: Record<string, string> = {},
): Promise<{ rt: Runtime; config: Config; env: Record<string, string> }> {
  const env = await testEnv(overrides);
  const config = loadConfig(env);
  const rt = await openRuntime(config, { log: testLogger() });
  onCleanup(() => rt.close());
  return { rt, config, env };
}
