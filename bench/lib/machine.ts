import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  openssl: string;
  nodeOpenssl: string;
  postgres: string;
  wrk: string;
  date: string;
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return (e.stdout || e.stderr || 'not available').toString().trim();
  }
}

export function machineInfo(postgres: string): MachineInfo {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    nproc: Number(run('nproc', [])),
    cpu: model,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    openssl: run('openssl', ['version']),
    nodeOpenssl: process.versions.openssl,
    postgres,
    wrk: run('wrk', ['--version']).split('\n')[0] ?? 'not installed',
    date: new Date().toISOString(),
  };
}
