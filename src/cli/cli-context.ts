import os from 'node:os';
import { loadConfig, type Config } from '../config/load-config.js';
import { createLogger } from '../runtime/logger.js';
import { openRuntime, type Runtime } from '../runtime/open-runtime.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const defaultIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** Who an operator command is recorded as in the audit log. */
export function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/**
 * Opens the runtime for one command (logging warnings only, to stderr), runs it, seals the audit
 * events it wrote and closes everything.
 */
export async function withRuntime<T>(
  io: CliIo,
  run: (rt: Runtime, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const level = io.env.TEKEN_LOG_LEVEL ? config.logLevel : 'warn';
  // Operators see security warnings once per command as plain lines; TEKEN_QUIET=1 hides them.
  const quiet = io.env.TEKEN_QUIET === '1';
  const rt = await openRuntime(config, {
    log: createLogger(level, io.stderr),
    poolSize: 4,
    warn: (message) =>
      quiet ? undefined : write(io.stderr, `warning: ${message.replace(/^SECURITY WARNING: /, '')}`),
  });
  try {
    const result = await run(rt, config);
    await rt.sealAudit();
    return result;
  } finally {
    await rt.close();
  }
}

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : text + '\n');
}
