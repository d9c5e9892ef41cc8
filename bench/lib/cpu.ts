import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in seconds (0 when it is gone). */
function processCpu(pid: number | 'self'): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds used by the processes of a process group (openssl ocsp -multi and its workers). */
function groupCpu(pgid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** A CPU-time meter for a server under load: this process, one child, or a process group. */
export function cpuMeter(target: { self: true } | { pid: number } | { pgid: number }): () => number {
  const read =
    'self' in target
      ? () => processCpu('self')
      : 'pid' in target
        ? () => processCpu(target.pid)
        : () => groupCpu(target.pgid);
  const start = read();
  return () => read() - start;
}

/** Share of the machine's CPU time that was busy over `ms` (before a run: is someone else busy?). */
export async function machineBusy(ms: number): Promise<number> {
  const sample = () => {
    const cpu = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = cpu[3]! + cpu[4]!;
    return { idle, total: cpu.reduce((a, b) => a + b, 0) };
  };
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}

function statFields(pid: string): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return [
      stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ...stat.slice(stat.lastIndexOf(')') + 2).split(' '),
    ];
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by the machine, by this process and its finished children, and by the
 * PostgreSQL server (the postmaster with its finished backends, and the live ones).
 */
function cpuAccount(): { machine: number; ours: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const machine = (cpu.slice(0, 8).reduce((a, b) => a + b, 0) - cpu[3]! - cpu[4]!) / TICKS_PER_SECOND;
  let ours = 0;
  const self = statFields('self')!;
  // [0] comm, then field 3 onwards: utime is field 14 → index 12, stime 13, cutime 14, cstime 15.
  ours += (Number(self[12]) + Number(self[13]) + Number(self[14]) + Number(self[15])) / TICKS_PER_SECOND;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const f = statFields(entry);
    if (!f || (f[0] !== 'postgres' && !f[0]!.startsWith('postgres'))) continue;
    const parentIsPostgres = statFields(f[2]!)?.[0] === 'postgres';
    // The postmaster carries its finished backends in cutime/cstime; live backends count themselves.
    ours +=
      (Number(f[12]) + Number(f[13]) + (parentIsPostgres ? 0 : Number(f[14]) + Number(f[15]))) /
      TICKS_PER_SECOND;
  }
  return { machine, ours };
}

/**
 * Measures how much CPU other work on the machine used while the benchmarks ran: machine busy time
 * minus this process tree and the PostgreSQL server. Only meaningful when nothing else of ours runs.
 */
export function foreignLoadMeter(): () => { cpuSeconds: number; share: number; seconds: number } {
  const start = cpuAccount();
  const started = performance.now();
  return () => {
    const end = cpuAccount();
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = Math.max(0, end.machine - start.machine - (end.ours - start.ours));
    return { cpuSeconds, share: cpuSeconds / (seconds * os.cpus().length), seconds };
  };
}
