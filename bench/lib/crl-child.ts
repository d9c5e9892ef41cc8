/**
 * Runs generateCrl once in a process of its own and reports the time and the process's peak RSS
 * (VmHWM), as JSON on stdout. Usage: crl-child.ts <env json file> <output der file>
 */
import fs from 'node:fs';
import { generateCrl } from '../../src/authority/generate-crl.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { profiled } from './profile.js';

function vmHwmKiB(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
}

const env = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>;
const rt = await openRuntime(loadConfig(env), { log: createLogger('silent') });
try {
  await rt.registry.ensureLoaded();
  const before = vmHwmKiB();
  const started = performance.now();
  const crl = await profiled('crl-teken', () => generateCrl(rt.authority, 'individual', 'bench'));
  const seconds = (performance.now() - started) / 1000;
  fs.writeFileSync(process.argv[3]!, crl.der);
  console.log(
    JSON.stringify({
      seconds,
      entries: crl.entries,
      bytes: crl.der.length,
      number: crl.number.toString(),
      peakRssKiBBefore: before,
      peakRssKiB: vmHwmKiB(),
    }),
  );
} finally {
  await rt.close();
}
