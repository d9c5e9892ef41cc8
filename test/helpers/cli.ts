import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { captureLog } from './log-capture.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs `teken <args>` in this process with the given environment, capturing its output. */
export async function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(args, { stdout, stderr, env: { PATH: process.env.PATH, ...env } });
  const stdoutBytes = Buffer.concat(out);
  captureLog('cli', Buffer.concat(err).toString('utf8'));
  return {
    code,
    stdout: stdoutBytes.toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    stdoutBytes,
  };
}
