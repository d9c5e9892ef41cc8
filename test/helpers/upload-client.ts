import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runToolAsync } from './run-tool.js';

/** What a client saw of one upload: the answer it read, or the error that ended the exchange. */
export interface UploadOutcome {
  /** The HTTP status read, 0 when no answer was read. */
  status: number;
  contentType: string;
  body: string;
  /** curl's exit code: 0 when the whole answer was read; 55 or 56 after a connection reset. */
  exitCode: number;
}

export interface UploadOptions {
  bytes: number;
  /** Transfer-Encoding: chunked instead of a declared Content-Length. */
  chunked?: boolean;
  contentType?: string;
}

const files = new Map<number, string>();
function bodyFile(bytes: number): string {
  let file = files.get(bytes);
  if (!file) {
    // Not tmpDir(): the measuring script uses this too, outside the test runner.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teken-upload-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    file = path.join(dir, `${bytes}.bin`);
    fs.writeFileSync(file, Buffer.alloc(bytes, 0x41));
    files.set(bytes, file);
  }
  return file;
}

/**
 * POSTs `bytes` bytes with curl, on a connection of its own and without `Expect: 100-continue`
 * (which most clients do not send): curl keeps sending while the answer arrives, as browsers and
 * OCSP clients do, and a reset while it sends loses an answer it has not read yet.
 */
export async function upload(base: string, urlPath: string, options: UploadOptions): Promise<UploadOutcome> {
  const marker = '\n--teken-upload--';
  const result = await runToolAsync('curl', [
    '--silent',
    '--show-error',
    '--max-time',
    '60',
    '-H',
    'Expect:',
    '-H',
    `content-type: ${options.contentType ?? 'application/json'}`,
    ...(options.chunked ? ['-H', 'transfer-encoding: chunked'] : []),
    '--data-binary',
    `@${bodyFile(options.bytes)}`,
    '-w',
    `${marker}%{http_code} %{exitcode} %{content_type}`,
    new URL(urlPath, base).toString(),
  ]);
  const at = result.stdout.lastIndexOf(marker);
  const [status = '0', exitCode = '-1', ...type] = result.stdout.slice(at + marker.length).split(' ');
  return {
    status: Number(status),
    exitCode: Number(exitCode),
    contentType: type.join(' '),
    body: result.stdout.slice(0, Math.max(0, at)),
  };
}

/** Runs `total` uploads, `concurrency` at a time; returns every outcome. */
export async function uploadMany(
  base: string,
  urlPath: string,
  options: UploadOptions & { total: number; concurrency: number },
): Promise<UploadOutcome[]> {
  const outcomes: UploadOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.total) {
      next++;
      outcomes.push(await upload(base, urlPath, options));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return outcomes;
}

/** How many clients read an answer, by status, and how many did not, by curl exit code. */
export function tally(outcomes: UploadOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.exitCode === 0 ? `status ${o.status}` : `curl exit ${o.exitCode}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
