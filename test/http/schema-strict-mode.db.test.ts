/**
 * Every route schema compiles under Ajv's strict mode without a warning (a union `type` such as
 * `['string', 'number']` prints "strict mode: use allowUnionTypes …" at start; the v2 sign body
 * had four). Ajv writes them to the console, so the test listens there while the app is built.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestServer } from '../helpers/test-server.js';

describe('route schemas under strict mode', () => {
  it('build without a strict-mode warning', async () => {
    const printed: string[] = [];
    const original = { warn: console.warn, log: console.log, error: console.error };
    for (const name of ['warn', 'log', 'error'] as const)
      console[name] = (...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      };
    try {
      await startTestServer();
    } finally {
      Object.assign(console, original);
    }
    assert.deepEqual(
      printed.filter((line) => /strict mode/i.test(line)),
      [],
    );
  });
});
