/**
 * Load generation with wrk (C, epoll; one thread so the server keeps the other core): POSTs a
 * rotating set of request bodies (OCSP requests, or JSON sign-ins) over `connections` keep-alive connections for `seconds`, and
 * reports requests/s and latency percentiles from wrk's own histogram.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchTmpDir } from './runtime.js';

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  bytesPerResponse: number;
}

const script = `
local bodies = {}
local requests = {}
local n = 0
local i = 0
init = function(args)
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do
    if #line > 0 then
      local body = line:gsub("..", function(h) return string.char(tonumber(h, 16)) end)
      n = n + 1
      requests[n] = wrk.format("POST", args[2], { ["Content-Type"] = args[3] }, body)
    end
  end
  f:close()
  i = math.random(n) - 1
end
request = function()
  i = i % n + 1
  return requests[i]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;

export function writeBodies(bodies: Uint8Array[]): string {
  const dir = benchTmpDir('wrk');
  const file = path.join(dir, 'bodies.hex');
  fs.writeFileSync(file, bodies.map((b) => Buffer.from(b).toString('hex')).join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'post.lua'), script);
  return file;
}

export function runWrk(options: {
  url: string;
  bodiesFile: string;
  connections: number;
  seconds: number;
  threads?: number;
  /** Of every request; application/ocsp-request unless given. */
  contentType?: string;
}): Promise<WrkResult> {
  const url = new URL(options.url);
  const lua = path.join(path.dirname(options.bodiesFile), 'post.lua');
  const args = [
    `-t${options.threads ?? 1}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    lua,
    `${url.origin}/`,
    '--',
    options.bodiesFile,
    url.pathname,
    options.contentType ?? 'application/ocsp-request',
  ];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { encoding: 'utf8', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`wrk failed: ${error.message}\n${stderr}`));
      const line = /^WRKJSON (.*)$/m.exec(stdout)?.[1];
      if (!line) return reject(new Error(`wrk printed no result:\n${stdout}\n${stderr}`));
      const r = JSON.parse(line) as Record<string, number>;
      const seconds = r.duration_us! / 1e6;
      resolve({
        requests: r.requests!,
        seconds,
        requestsPerSecond: r.requests! / seconds,
        latencyMs: { p50: r.p50! / 1000, p90: r.p90! / 1000, p99: r.p99! / 1000, max: r.max! / 1000 },
        errors: {
          connect: r.connect!,
          read: r.read!,
          write: r.write!,
          status: r.status!,
          timeout: r.timeout!,
        },
        bytesPerResponse: r.requests! > 0 ? r.bytes! / r.requests! : 0,
      });
    });
  });
}
