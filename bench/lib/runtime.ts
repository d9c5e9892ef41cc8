/**
 * Bench runtimes: a fresh PGlite directory or a fresh database on the local PostgreSQL, an
 * initialised hierarchy, logs off. Databases are dropped by `dispose()`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { initialiseHierarchy } from '../../src/authority/initialise-hierarchy.js';
import { loadConfig, type Config } from '../../src/config/load-config.js';

export type Engine = 'pglite' | 'postgres';

export const pgAdminUrl = process.env.TEKEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchTmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `teken-bench-${prefix}-`));
}

export interface BenchDatabase {
  env: Record<string, string>;
  config: Config;
  dispose(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Configuration for a bench instance on `engine`, with its own data dir (and database). */
export async function benchDatabase(
  engine: Engine,
  overrides: Record<string, string> = {},
): Promise<BenchDatabase> {
  const dataDir = benchTmpDir('data');
  const env: Record<string, string> = {
    TEKEN_DATA_DIR: dataDir,
    TEKEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    TEKEN_LOG_LEVEL: 'silent',
    TEKEN_PUBLIC_URL: 'http://127.0.0.1:3000',
    // The root key plays no part in what is measured; P-384 makes the setup quick.
    TEKEN_CA_ROOT_KEY: 'p384',
    TEKEN_POLICY_OID_BASE: '1.3.6.1.4.1.99999.1',
    TEKEN_HOST: '127.0.0.1',
    TEKEN_PORT: '0',
    ...overrides,
  };
  let dbName: string | undefined;
  if (engine === 'postgres') {
    dbName = `teken_bench_${crypto.randomBytes(5).toString('hex')}`;
    await adminQuery(`create database ${dbName}`);
    const url = new URL(pgAdminUrl);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  return {
    env,
    config: loadConfig(env),
    dispose: async () => {
      if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { initialiseHierarchy };
