import { spawnSync } from 'node:child_process';

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a third-party tool (openssl, keytool, ...) synchronously and returns its output. */
export function runTool(
  command: string,
  args: string[],
  input?: string | Uint8Array,
  env?: NodeJS.ProcessEnv,
): ToolResult {
  const result = spawnSync(command, args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs openssl and fails with its stderr when it exits non-zero. */
export function openssl(args: string[], input?: string | Uint8Array): string {
  const result = runTool('openssl', args, input);
  if (result.status !== 0)
    throw new Error(`openssl ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return result.stdout + result.stderr;
}
