/**
 * One-off measurement (not a test): how many oversized uploads end in a connection reset instead of
 * an answer the client reads. The figures of the hardening issue: 1,600 POSTs of 2 MiB to /ocsp, 16
 * at once, and 200 to /api/v1/auth/sign-in; each with a declared Content-Length and chunked. The
 * server is `teken serve` in a process of its own; the client is curl (without Expect: 100-continue).
 * Usage: node --import tsx scripts/measure-oversized-bodies.ts [--ocsp 1600] [--sign-in 200]
 */
import { parseArgs } from 'node:util';
import { startServeProcess } from '../test/helpers/serve-process.js';
import { tally, uploadMany } from '../test/helpers/upload-client.js';

const { values } = parseArgs({
  options: {
    ocsp: { type: 'string', default: '1600' },
    'sign-in': { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
  },
});
const server = await startServeProcess();
const concurrency = Number(values.concurrency);
const bytes = 2 * 1024 * 1024;
try {
  for (const [target, total, contentType] of [
    ['/ocsp', Number(values.ocsp), 'application/ocsp-request'],
    ['/api/v1/auth/sign-in', Number(values['sign-in']), 'application/json'],
  ] as const) {
    for (const chunked of [false, true]) {
      const started = performance.now();
      const outcomes = await uploadMany(server.url, target, {
        bytes,
        chunked,
        contentType,
        total,
        concurrency,
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const resets = outcomes.filter((o) => o.exitCode !== 0).length;
      console.log(
        `${target} ${chunked ? 'chunked' : 'content-length'}: ${resets} of ${total} without an answer (${seconds} s)`,
        JSON.stringify(tally(outcomes)),
      );
    }
  }
} finally {
  await server.stop();
}
