import assert from 'node:assert/strict';
import net from 'node:net';
import { before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/build-app.js';
import { onCleanup } from '../helpers/cleanup.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

/** Writes raw bytes to the server and returns everything it sends until it closes the connection. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(request);
  });
}

/** Splits a raw HTTP/1.1 response into status, headers (lower-case names) and body. */
function parse(response: string) {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { statusLine, headers, body };
}

describe("Node's own 400 and 431 answers are problem+json", () => {
  let port: number;

  before(async () => {
    const { rt } = await openTestRuntime();
    const { app } = await buildApp(rt);
    onCleanup(() => app.close());
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
  });

  const assertProblem = (response: string, status: number, code: string) => {
    const { statusLine, headers, body } = parse(response);
    assert.match(statusLine, new RegExp(`^HTTP/1\\.1 ${status} `), response);
    assert.equal(headers['content-type'], 'application/problem+json');
    assert.equal(headers.connection, 'close');
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(Number(headers['content-length']), Buffer.byteLength(body));
    const problem = JSON.parse(body) as { status: number; code: string; type: string };
    assert.equal(problem.status, status);
    assert.equal(problem.code, code);
    assert.equal(problem.type, `https://teken.dev/errors/${code}`);
  };

  it('answers a request line that is not HTTP with 400 ERR_INPUT_INVALID', async () => {
    assertProblem(await raw(port, 'HELLO THERE\r\n\r\n'), 400, 'ERR_INPUT_INVALID');
  });

  it('answers a malformed header with 400 ERR_INPUT_INVALID', async () => {
    assertProblem(
      await raw(port, 'GET /healthz HTTP/1.1\r\nhost: x\r\nbad header line\r\n\r\n'),
      400,
      'ERR_INPUT_INVALID',
    );
  });

  it('answers headers over the limit with 431 ERR_INPUT_HEADERS_TOO_LARGE', async () => {
    const big = `GET /healthz HTTP/1.1\r\nhost: x\r\nx-padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`;
    assertProblem(await raw(port, big), 431, 'ERR_INPUT_HEADERS_TOO_LARGE');
  });

  it('still answers well-formed requests on the same server', async () => {
    const { statusLine, body } = parse(
      await raw(port, 'GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'),
    );
    assert.match(statusLine, /^HTTP\/1\.1 200 /);
    assert.deepEqual(JSON.parse(body), { status: 'ok' });
  });
});
