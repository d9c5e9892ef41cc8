import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.js';
import { tally, uploadMany, type UploadOutcome } from '../helpers/upload-client.js';

const MiB = 1024 * 1024;

/** Sends `request` on a raw socket and collects what the server answers until it closes. */
function exchange(url: string, request: Buffer | string, keepOpenMs = 0): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(request);
    if (keepOpenMs > 0) setTimeout(() => socket.end(), keepOpenMs).unref();
  });
}

describe('oversized request bodies get a 413 the client reads, not a reset', () => {
  let server: ServeProcess;

  before(async () => {
    server = await startServeProcess({ TEKEN_BODY_DRAIN_LIMIT_BYTES: String(4 * MiB) });
  });
  after(() => server.stop());

  const assertAll413 = (outcomes: UploadOutcome[], total: number) => {
    assert.equal(outcomes.length, total);
    assert.deepEqual(tally(outcomes), { 'status 413': total }, 'every client read a 413');
    for (const o of outcomes) {
      assert.equal(o.contentType, 'application/problem+json; charset=utf-8');
      assert.equal((JSON.parse(o.body) as { code: string }).code, 'ERR_INPUT_TOO_LARGE');
    }
  };

  for (const chunked of [false, true]) {
    const how = chunked ? 'chunked' : 'with a declared Content-Length';
    it(`POST /ocsp, 2 MiB ${how}, 16 at once`, async () => {
      const outcomes = await uploadMany(server.url, '/ocsp', {
        bytes: 2 * MiB,
        chunked,
        contentType: 'application/ocsp-request',
        total: 96,
        concurrency: 16,
      });
      assertAll413(outcomes, 96);
    });

    it(`POST /api/v1/auth/sign-in, 2 MiB ${how}, 16 at once`, async () => {
      const outcomes = await uploadMany(server.url, '/api/v1/auth/sign-in', {
        bytes: 2 * MiB,
        chunked,
        contentType: 'application/json',
        total: 48,
        concurrency: 16,
      });
      assertAll413(outcomes, 48);
    });
  }

  it('keeps the connection for the next request once the refused body has been read', async () => {
    const body = Buffer.alloc(2 * MiB, 0x41);
    const answer = await exchange(
      server.url,
      Buffer.concat([
        Buffer.from(
          `POST /api/v1/auth/sign-in HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
        ),
        body,
        Buffer.from('GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'),
      ]),
    );
    const statuses = [...answer.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1]);
    assert.deepEqual(statuses, ['413', '200'], answer.slice(0, 1200));
  });

  it('answers and closes at once when the declared body is over the drain limit', async () => {
    // 64 MiB declared, 1 KiB sent: the server does not wait for the rest.
    const answer = await exchange(
      server.url,
      `POST /api/v1/auth/sign-in HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${64 * MiB}\r\n\r\n${'A'.repeat(1024)}`,
    );
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.match(answer, /\r\nconnection: close\r\n/i);
  });

  it('stops reading a chunked body that goes on past the drain limit, and closes', async () => {
    const { hostname, port } = new URL(server.url);
    const total = 64 * MiB;
    const written = await new Promise<number>((resolve) => {
      const socket = net.connect(Number(port), hostname);
      let sent = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve(sent);
      };
      socket.on('error', finish);
      socket.on('close', finish);
      socket.on('data', () => undefined);
      const chunk = Buffer.concat([
        Buffer.from('10000\r\n'),
        Buffer.alloc(0x10000, 0x41),
        Buffer.from('\r\n'),
      ]);
      socket.write(
        'POST /api/v1/auth/sign-in HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n',
      );
      const pump = () => {
        while (!done && sent < total) {
          sent += 0x10000;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
        if (!done) socket.end('0\r\n\r\n');
      };
      pump();
    });
    assert.ok(written < total, `the server read all ${written} bytes`);
  });
});
