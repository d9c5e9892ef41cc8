import { spawn, spawnSync } from 'node:child_process';

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

/** Like runTool, without blocking the event loop (needed when the tool talks to a server in this process). */
export function runToolAsync(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** openssl without blocking; fails with its output when it exits non-zero. */
export async function opensslAsync(args: string[]): Promise<string> {
  const result = await runToolAsync('openssl', args);
  if (result.status !== 0)
    throw new Error(`openssl ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return result.stdout + result.stderr;
}

/**
 * Asks a running OCSP responder about one certificate with `openssl ocsp` (POST, no nonce) and
 * returns its output; fails when openssl does (a responder error, a response that does not verify).
 */
export function askOcsp(request: {
  url: string;
  issuer: string;
  cert: string;
  caFile: string;
  extra?: string[];
}): Promise<string> {
  return opensslAsync([
    'ocsp',
    '-issuer',
    request.issuer,
    '-cert',
    request.cert,
    '-url',
    `${request.url}/ocsp`,
    '-CAfile',
    request.caFile,
    '-no_nonce',
    ...(request.extra ?? []),
  ]);
}
