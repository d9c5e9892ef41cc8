/**
 * The whole suite's logs, kept for one check at its end: scripts/run-tests.js sets
 * TEKEN_TEST_LOG_DIR, every test runtime logs at `debug` into a file there instead of nowhere,
 * `teken serve` processes and CLI runs append what they wrote, and the synthetic NIKs, NIPs and
 * phone numbers the tests used are listed beside them. The runner then scans every log for every
 * value (scripts/scan-logs-for-personal-data.js): personal data must never reach a log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '../../src/runtime/logger.js';

const dir = process.env.TEKEN_TEST_LOG_DIR;
let files = 0;

/** A logger for a test runtime: debug into the suite's log directory, or silent outside the runner. */
export function testLogger(): Logger {
  if (!dir) return createLogger('silent');
  const file = path.join(dir, `runtime-${process.pid}-${++files}.log`);
  return createLogger('debug', fs.createWriteStream(file, { flags: 'a' }));
}

/** Appends what a child process or a CLI run wrote to the suite's logs. */
export function captureLog(source: string, text: string): void {
  if (!dir || text === '') return;
  fs.appendFileSync(path.join(dir, `${source}-${process.pid}.log`), text.endsWith('\n') ? text : `${text}\n`);
}

/** Lists a synthetic value of personal data that the scan looks for. */
export function recordPersonalValue(kind: 'nik' | 'nip' | 'phone', value: string): void {
  if (!dir) return;
  fs.appendFileSync(path.join(dir, `personal-values-${process.pid}.txt`), `${kind} ${value}\n`);
}
