import fs from 'node:fs';

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
