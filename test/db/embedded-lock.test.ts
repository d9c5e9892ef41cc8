import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { onCleanup } from '../helpers/cleanup.js';
import { tmpDir } from '../helpers/tmp-dir.js';

// PGlite only, whatever TEKEN_TEST_ENGINE says: the lock exists because PGlite is single-process.
const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = path.join(root, 'test/helpers/teken-cli-entry.ts');

function tekenEnv(dataDir: string, masterKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEKEN_DATA_DIR: dataDir,
    TEKEN_MASTER_KEY: masterKey,
    TEKEN_LOG_LEVEL: 'info',
    TEKEN_QUIET: '1',
    TEKEN_PUBLIC_URL: 'http://127.0.0.1:3000',
    TEKEN_CA_ROOT_KEY: 'p256',
    TEKEN_CA_ISSUING_KEY: 'p256',
    TEKEN_POLICY_OID_BASE: '1.3.6.1.4.1.99999.1',
  };
  delete env.DATABASE_URL;
  return env;
}

/** Spawns `teken <args>` from the sources. */
function teken(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, env });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return child;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `teken <args>` to its end. */
function tekenRun(args: string[], env: NodeJS.ProcessEnv): Promise<Exit> {
  const started = performance.now();
  const child = teken(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started }),
    );
  });
}

function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', '']);
  assert.equal(gone.status, 0);
  return gone.pid;
}

describe('the embedded database (PGlite) lock', () => {
  const dataDir = tmpDir('teken-lock-');
  const lockFile = path.join(dataDir, 'teken.lock');
  const env = tekenEnv(dataDir, crypto.randomBytes(32).toString('base64'));
  let server: ChildProcessWithoutNullStreams;
  let url: string;
  let serverExit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let serverLog = '';

  before(async () => {
    server = teken(['serve', '--port', '0'], env);
    serverExit = new Promise((resolve) => server.on('close', (code, signal) => resolve({ code, signal })));
    server.stderr.setEncoding('utf8').on('data', (c: string) => (serverLog += c));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`teken serve did not listen:\n${serverLog}`)), 120_000);
      readline.createInterface({ input: server.stdout }).on('line', (line) => {
        serverLog += `${line}\n`;
        let record: { msg?: string; url?: string };
        try {
          record = JSON.parse(line) as typeof record;
        } catch {
          return;
        }
        if (record.msg === 'Teken is listening' && record.url) {
          clearTimeout(timer);
          resolve(record.url);
        }
      });
      void serverExit.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`teken serve ended (${code ?? signal}) before listening:\n${serverLog}`));
      });
    });
  });

  it('records the server as the owner of the data directory', () => {
    const owner = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as {
      pid: number;
      host: string;
      command: string;
    };
    assert.equal(owner.pid, server.pid);
    assert.equal(owner.host, os.hostname());
    assert.match(owner.command, /serve --port 0/);
  });

  it('makes a second process fail at once with ERR_DB_LOCKED naming the server pid', async () => {
    const second = await tekenRun(['ca', 'list'], env);
    assert.equal(second.code, 1, second.stderr);
    assert.match(second.stderr, /\[ERR_DB_LOCKED\]/);
    assert.match(second.stderr, new RegExp(`in use by another Teken process \\(pid ${server.pid}\\b`));
    assert.match(second.stderr, /serve --port 0/);
    assert.equal(second.stdout, '');
    // "At once" means without waiting: the server holds the lock for as long as it runs, so a
    // process that waited for it would still be waiting here. The bound only tells the two apart;
    // starting the CLI alone takes several seconds on a busy machine (13 s was seen in CI's second
    // pass), so it is no measure of speed.
    console.log(`# second process refused after ${Math.round(second.ms)} ms (process start included)`);
    assert.ok(second.ms < 60_000, `refused only after ${Math.round(second.ms)} ms`);
    // Refused, it left the lock alone.
    assert.equal((JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number }).pid, server.pid);
  });

  it('leaves the server working: /readyz still answers 200', async () => {
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, {
      database: 'ok',
      caKeys: 'ok',
    });
    const cas = (await (await fetch(`${url}/ca`)).json()) as { authorities: { id: string }[] };
    assert.deepEqual(cas.authorities.map((a) => a.id).sort(), ['individual', 'root', 'seal', 'tls']);
  });

  it('stops on SIGTERM with exit code 0 and removes its lock', async () => {
    server.kill('SIGTERM');
    const { code, signal } = await serverExit;
    assert.equal(signal, null, serverLog);
    assert.equal(code, 0, serverLog);
    assert.match(serverLog, /"signal":"SIGTERM".*"msg":"shutting down"/);
    assert.equal(fs.existsSync(lockFile), false, 'the lock file is removed');
  });

  it('lets the next command open the database once the server is gone', async () => {
    const list = await tekenRun(['ca', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    for (const id of ['root', 'individual', 'seal', 'tls'])
      assert.match(list.stdout, new RegExp(`^${id}\\s`, 'm'));
    const audit = await tekenRun(['audit', 'verify'], env);
    assert.equal(audit.code, 0, audit.stderr);
    assert.match(audit.stdout, /audit chain OK/);
    assert.equal(fs.existsSync(lockFile), false);
  });

  it('takes over a stale lock whose process is dead', async () => {
    const pid = deadPid();
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ pid, host: os.hostname(), command: 'serve', since: new Date() }),
    );
    const list = await tekenRun(['ca', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^root\s/m);
    assert.equal(fs.existsSync(lockFile), false, 'the taken-over lock is released at the end');
  });

  it('takes over a half-written (empty) lock file', async () => {
    fs.writeFileSync(lockFile, '');
    const list = await tekenRun(['ca', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(fs.existsSync(lockFile), false);
  });

  it('does not take over a lock held from another host, whose process it cannot check', async () => {
    fs.writeFileSync(
      lockFile,
      JSON.stringify({ pid: deadPid(), host: `not-${os.hostname()}`, command: 'serve', since: new Date() }),
    );
    const list = await tekenRun(['ca', 'list'], env);
    assert.equal(list.code, 1);
    assert.match(list.stderr, /\[ERR_DB_LOCKED\]/);
    assert.ok(fs.existsSync(lockFile), 'the foreign lock is left in place');
    fs.rmSync(lockFile);
  });
});
