/**
 * Optional CPU profiling of one measured phase (set TEKEN_BENCH_PROFILE=<dir>): writes a
 * .cpuprofile (open it in Chrome DevTools) and prints the functions with the most self time.
 */
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.TEKEN_BENCH_PROFILE;
  if (!dir) return fn();
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[] };
    };
    session.disconnect();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    const self = new Map<string, number>();
    let total = 0;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      total += hits;
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + hits);
    }
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
    console.error(`[profile] ${file}`);
    for (const [key, hits] of top)
      console.error(`  ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}
