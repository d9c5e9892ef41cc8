import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const consoleDir = path.join(root, 'console');
const builtIndex = path.join(consoleDir, 'dist', 'index.html');

function newestMtime(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((entry) => newestMtime(path.join(file, entry))));
}

/**
 * Makes sure console/dist is a build of the current console sources: `npm ci` and `npm run build`
 * build it, but a test run after editing the console would otherwise drive yesterday's bundle.
 * Rebuilding takes about a second.
 */
export function ensureConsoleBuilt(): void {
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) =>
    path.join(consoleDir, p),
  );
  const newest = Math.max(...sources.map(newestMtime), newestMtime(path.join(root, 'package-lock.json')));
  if (fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= newest) return;
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'console/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
}
