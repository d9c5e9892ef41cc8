/**
 * The personnel-registry and face-match adapters against fake HTTP servers that speak the contract
 * of docs/registries.md: the request shape and Bearer token, answers, 404, timeouts, 5xx, and the
 * circuit breaker opening after repeated failures and closing after a good trial call.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createFaceMatcher } from '../../src/enrollment/adapters/face-match.js';
import { createPersonnelRegistry } from '../../src/enrollment/adapters/personnel-registry.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';

type Mode = 'ok' | 'slow' | 'error' | 'garbage';

describe('registry adapters', () => {
  let server: http.Server;
  let url = '';
  let mode: Mode = 'ok';
  const seen: { path: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
  const person = syntheticPerson('female');

  before(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(data || '{}') as Record<string, unknown>;
        seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
        if (req.headers.authorization !== 'Bearer rahasia-uji') return void res.writeHead(401).end();
        if (mode === 'slow') return void setTimeout(() => res.writeHead(200).end('{}'), 3000);
        if (mode === 'error') return void res.writeHead(503).end('down');
        if (mode === 'garbage')
          return void res.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
        res.setHeader('content-type', 'application/json');
        if (req.url === '/nip/lookup') {
          if (body.nip !== person.nip) return void res.writeHead(404).end('{}');
          return void res.end(
            JSON.stringify({
              nip: person.nip,
              name: 'Siti Rahayu',
              birthDate: person.birthDate,
              gender: 'female',
              unitOrganisasi: 'Sekretariat Jenderal',
              jabatan: 'Analis Kebijakan',
              province: 'Jawa Timur',
              active: true,
            }),
          );
        }
        if (req.url === '/compare') {
          const probe = body.probe as { type: string; data: string };
          const reference = body.reference as { type: string; data: string };
          const same = probe.data === reference.data;
          return void res.end(
            JSON.stringify({ score: same ? 97 : 60, match: same || probe.data === 'bWlyaXA=' }),
          );
        }
        res.writeHead(404).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('is disabled without a URL', () => {
    assert.equal(createPersonnelRegistry({ url: undefined, token: undefined, timeoutMs: 100 }), null);
    assert.equal(createFaceMatcher({ url: undefined, token: undefined, timeoutMs: 100, minScore: 80 }), null);
  });

  it('looks up a NIP with the Bearer token and the NIP in the body, not the URL', async () => {
    mode = 'ok';
    const registry = createPersonnelRegistry({ url, token: 'rahasia-uji', timeoutMs: 5000 })!;
    const record = await registry.lookUp(person.nip);
    assert.equal(record?.unitOrganisasi, 'Sekretariat Jenderal');
    assert.equal(record?.birthDate, person.birthDate);
    assert.equal(record?.gender, 'female');
    const last = seen.at(-1)!;
    assert.equal(last.path, '/nip/lookup');
    assert.equal(last.auth, 'Bearer rahasia-uji');
    assert.deepEqual(last.body, { nip: person.nip });
    assert.equal(await registry.lookUp('199001012015031999'), null, '404 is "no such NIP"');
  });

  it('fails with ERR_REGISTRY_UNAVAILABLE on a timeout, a 5xx, a bad body or a wrong token', async () => {
    const registry = createPersonnelRegistry(
      { url, token: 'rahasia-uji', timeoutMs: 100 },
      { failureThreshold: 100 },
    )!;
    for (const m of ['slow', 'error', 'garbage'] as const) {
      mode = m;
      const started = Date.now();
      await assert.rejects(registry.lookUp(person.nip), (e) => isTekenError(e, 'ERR_REGISTRY_UNAVAILABLE'));
      if (m === 'slow') assert.ok(Date.now() - started < 2500, 'the timeout cut the call short');
    }
    mode = 'ok';
    const wrong = createPersonnelRegistry({ url, token: 'salah', timeoutMs: 5000 })!;
    await assert.rejects(wrong.lookUp(person.nip), (e) => isTekenError(e, 'ERR_REGISTRY_UNAVAILABLE'));
  });

  it('opens the circuit after repeated failures, fails fast while open, and closes after a good trial', async () => {
    let clock = 1_000_000;
    const registry = createPersonnelRegistry(
      { url, token: 'rahasia-uji', timeoutMs: 5000 },
      { failureThreshold: 3, openMs: 10_000, now: () => clock },
    )!;
    mode = 'error';
    for (let i = 0; i < 3; i++) await assert.rejects(registry.lookUp(person.nip));
    const callsBefore = seen.length;
    mode = 'ok';
    await assert.rejects(registry.lookUp(person.nip), (e: unknown) => {
      assert.ok(isTekenError(e, 'ERR_REGISTRY_UNAVAILABLE'));
      assert.equal(e.details?.circuit, 'open');
      return true;
    });
    assert.equal(seen.length, callsBefore, 'no call reached the service while open');
    // Half-open: a failed trial opens it again at once.
    clock += 10_000;
    mode = 'error';
    await assert.rejects(registry.lookUp(person.nip));
    mode = 'ok';
    await assert.rejects(
      registry.lookUp(person.nip),
      (e: unknown) => isTekenError(e) && e.details?.circuit === 'open',
    );
    // A good trial closes it.
    clock += 10_000;
    assert.ok(await registry.lookUp(person.nip));
    assert.ok(await registry.lookUp(person.nip));
  });

  it('compares faces and applies the minimum score', async () => {
    mode = 'ok';
    const matcher = createFaceMatcher({ url, token: 'rahasia-uji', timeoutMs: 5000, minScore: 80 })!;
    const a = { type: 'image/jpeg' as const, bytes: Buffer.from('wajah-a') };
    const b = { type: 'image/png' as const, bytes: Buffer.from('wajah-b') };
    assert.deepEqual(await matcher.compare(a, a), { score: 97, serviceMatch: true, match: true });
    assert.deepEqual(await matcher.compare(a, b), { score: 60, serviceMatch: false, match: false });
    // The service says match, but the score is under the minimum: no match.
    const low = await matcher.compare({ type: 'image/jpeg', bytes: Buffer.from('mirip') }, b);
    assert.deepEqual(low, { score: 60, serviceMatch: true, match: false });
    const last = seen.at(-1)!;
    assert.equal(last.path, '/compare');
    assert.deepEqual(Object.keys(last.body).sort(), ['probe', 'reference']);
    mode = 'error';
    await assert.rejects(matcher.compare(a, a), (e) => isTekenError(e, 'ERR_REGISTRY_UNAVAILABLE'));
  });
});
