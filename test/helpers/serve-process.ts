import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { captureLog } from './log-capture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = path.join(root, 'test/helpers/teken-cli-entry.ts');

export interface ServeProcess {
  url: string;
  /** Everything the server logged so far (JSON lines). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `teken serve --port 0` in a process of its own, on a fresh embedded database: for behaviour of
 * the socket that a client in the server's own event loop would not see (a client in the same
 * process reads its answers only when the server's work lets it). Not tmpDir(): the measuring
 * script uses this too, outside the test runner.
 */
export async function startServeProcess(env: Record<string, string> = {}): Promise<ServeProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-serve-'));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    TEKEN_DATA_DIR: dataDir,
    TEKEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    TEKEN_LOG_LEVEL: 'info',
    TEKEN_QUIET: '1',
    TEKEN_PUBLIC_URL: 'http://127.0.0.1:3000',
    ...env,
  };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', '--port', '0'], {
    cwd: root,
    env: childEnv,
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    captureLog('serve', output);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`teken serve did not listen:\n${output}`)), 120_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`;
      try {
        const record = JSON.parse(line) as { msg?: string; url?: string };
        if (record.msg === 'Teken is listening' && record.url) {
          clearTimeout(timer);
          resolve(record.url);
        }
      } catch {
        // not a log line
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`teken serve ended before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, log: () => output, stop };
}
