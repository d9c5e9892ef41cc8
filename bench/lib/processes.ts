import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface Background {
  child: ChildProcess;
  /** What the process wrote to stderr so far (the first 10,000 characters). */
  stderr(): string;
  /** Stops the process this bench started (by its pid) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts a long-running process; `ready` resolves with the first stdout line when asked to. */
export function startBackground(
  command: string,
  args: string[],
  options: { cwd?: string; group?: boolean } = {},
): Background & { firstLine: Promise<string> } {
  // `group`: the child makes itself the leader of a process group (openssl ocsp -multi does, and
  // refuses to run as a session leader, so it is not spawned detached); stopping it kills the group,
  // its forked workers included.
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 10_000) stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline).trim());
    });
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) early:\n${stderr}`)));
  });
  firstLine.catch(() => undefined);
  return {
    child,
    stderr: () => stderr,
    firstLine,
    stop: async () => {
      const signal = (name: NodeJS.Signals) => {
        if (options.group && child.pid !== undefined) {
          try {
            process.kill(-child.pid, name);
            return;
          } catch {
            // no such group (yet): signal the process itself
          }
        }
        child.kill(name);
      };
      if (child.exitCode === null && child.signalCode === null) signal(options.group ? 'SIGKILL' : 'SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
