import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TekenError } from '../errors/teken-error.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it. This
 * lock makes the second process fail at once with a clear message instead. The lock file holds the
 * owner's PID; a lock whose owner is gone (killed with SIGKILL, power loss) is taken over.
 *
 * @returns a function that releases the lock.
 */
const heldHere = new Set<string>();

export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'teken.lock');
  // Two PGlite instances in one process corrupt the directory just as two processes would.
  if (heldHere.has(file)) {
    throw new TekenError('ERR_DB_LOCKED', `The embedded database in ${dir} is already open in this process.`);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { pid?: number; host?: string; command?: string } = {};
      try {
        owner = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof owner;
      } catch {
        // A half-written lock file: its writer died between open and write. Treat as stale.
      }
      const sameHost = owner.host === undefined || owner.host === os.hostname();
      if (
        typeof owner.pid === 'number' &&
        owner.pid !== process.pid &&
        (!sameHost || processAlive(owner.pid))
      ) {
        throw new TekenError(
          'ERR_DB_LOCKED',
          `The embedded database in ${dir} is in use by another Teken process (pid ${owner.pid}${
            owner.command ? `, "${owner.command}"` : ''
          }). PGlite allows one process at a time: stop that process first, or set DATABASE_URL to a PostgreSQL server to run several. If no such process exists, delete ${file}.`,
        );
      }
      fs.rmSync(file, { force: true });
      continue;
    }
    fs.writeSync(
      fd,
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        command: process.argv.slice(2).join(' '),
        since: new Date(),
      }),
    );
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    heldHere.add(file);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      heldHere.delete(file);
      process.off('exit', release);
      try {
        const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number };
        if (current.pid === process.pid) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    };
    process.on('exit', release);
    return release;
  }
  throw new TekenError('ERR_DB_LOCKED', `Could not take the lock ${file}.`);
}
