import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/load-config.js';
import { auditEvents, throttles } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import { createAccount } from '../../src/identity/accounts.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { openTestRuntime, testEnv } from '../helpers/test-runtime.js';

describe('TEKEN_TRUST_PROXY: the client address behind a reverse proxy', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let accountId: string;

  before(async () => {
    ({ rt } = await openTestRuntime({
      TEKEN_TRUST_PROXY: '10.0.0.0/8, 192.0.2.1',
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_LOCKOUT_FAILURES: '50',
    }));
    app = (await buildApp(rt)).app;
    const account = await rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(rt),
        tx,
        {
          username: 'proksi',
          email: 'proksi@contoh.go.id',
          fullName: 'Pengguna Proksi',
          roles: ['subscriber'],
          password: 'kuda liar berlari kencang',
        },
        'test',
      ),
    );
    accountId = account.id;
  });

  /** A failed sign-in from `peer`, with X-Forwarded-For when given; returns the audited address. */
  const failFrom = async (peer: string, forwardedFor?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: peer,
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      payload: JSON.stringify({ login: 'proksi', password: 'salah sekali kata sandinya' }),
    });
    assert.equal(response.statusCode, 401, response.body);
    const [event] = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.password_failed'))
      .orderBy(auditEvents.id)
      .then((rows) => rows.filter((r) => r.target === `account:${accountId}`).slice(-1));
    return (event?.details as { ip?: string }).ip;
  };
  const addressKeys = async () =>
    (await rt.db.select().from(throttles).where(like(throttles.key, 'auth:ip:%'))).map((t) => t.key).sort();

  it('takes the client address from X-Forwarded-For sent by a trusted proxy (CIDR)', async () => {
    assert.equal(await failFrom('10.20.30.40', '203.0.113.7'), '203.0.113.7');
    assert.ok((await addressKeys()).includes('auth:ip:203.0.113.7'));
    assert.ok(!(await addressKeys()).includes('auth:ip:10.20.30.40'), 'the proxy is not throttled');
  });

  it('trusts a single listed proxy address too', async () => {
    assert.equal(await failFrom('192.0.2.1', '203.0.113.8'), '203.0.113.8');
    assert.ok((await addressKeys()).includes('auth:ip:203.0.113.8'));
  });

  it('takes the nearest untrusted hop: an address the client prepends is not believed', async () => {
    assert.equal(await failFrom('10.0.0.1', '198.51.100.66, 203.0.113.9'), '203.0.113.9');
    assert.ok(!(await addressKeys()).includes('auth:ip:198.51.100.66'));
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    assert.equal(await failFrom('198.51.100.20', '203.0.113.10'), '198.51.100.20');
    const keys = await addressKeys();
    assert.ok(keys.includes('auth:ip:198.51.100.20'));
    assert.ok(!keys.includes('auth:ip:203.0.113.10'));
  });

  it('ignores X-Forwarded-For entirely when no proxy is trusted (the default)', async () => {
    const { rt: plain } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0' });
    const plainApp = (await buildApp(plain)).app;
    const response = await plainApp.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '10.9.9.9',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.11' },
      payload: JSON.stringify({ login: 'nobody', password: 'salah sekali kata sandinya' }),
    });
    assert.equal(response.statusCode, 401);
    const keys = (await plain.db.select().from(throttles)).map((t) => t.key);
    assert.ok(keys.includes('auth:ip:10.9.9.9'), keys.join(','));
    assert.ok(!keys.includes('auth:ip:203.0.113.11'));
    await plainApp.close();
  });

  it('refuses a TEKEN_TRUST_PROXY entry that is not an address or range', async () => {
    for (const bad of ['proxy.internal', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1']) {
      const env = await testEnv({ TEKEN_TRUST_PROXY: `127.0.0.1,${bad}` });
      assert.throws(
        () => loadConfig(env),
        (error: Error & { code?: string }) =>
          error.code === 'ERR_CONFIG_INVALID' && error.message.includes(`TEKEN_TRUST_PROXY`),
        bad,
      );
    }
    assert.deepEqual(
      loadConfig(await testEnv({ TEKEN_TRUST_PROXY: 'loopback, fd00::/8' })).identity.trustProxy,
      ['loopback', 'fd00::/8'],
    );
  });
});
