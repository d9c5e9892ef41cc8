/**
 * Editing an API client's allowlist and rate limit (console PATCH and `teken api-client update`),
 * and `teken api-client enable`: who may, what is refused, and that the next call obeys the change.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/load-config.js';
import { auditEvents, institutions } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { runCli } from '../helpers/cli.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { openTestRuntime, testEnv } from '../helpers/test-runtime.js';

const PASSWORD = 'pohon jati di lereng';
const institutionA = '00000000-0000-4000-8000-00000000d0a1';
const institutionB = '00000000-0000-4000-8000-00000000d0b1';

interface Client {
  id: string;
  username: string;
  secret: string;
  enabled: boolean;
  allowedCidrs: string[];
  rateLimitPerMinute: number;
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('editing an API client', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let clock = Date.now();
  let seq = 0;
  const admins = new Map<string, ApiClient>();

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0' }));
    app = (await buildApp(rt, { now: () => clock })).app;
    await rt.db.insert(institutions).values([
      { id: institutionA, code: 'UPA', name: 'Instansi Ubah A' },
      { id: institutionB, code: 'UPB', name: 'Instansi Ubah B' },
    ]);
    for (const [role, institution] of [
      ['institution_admin', institutionA],
      ['institution_admin', institutionB],
      ['ra_officer', institutionA],
    ] as const) {
      const account: AccountRow = await createTestAccount(rt, {
        prefix: 'ubahklien',
        n: ++seq,
        name: 'Pengelola',
        roles: [role],
        institutionId: institution,
        password: PASSWORD,
      });
      const client = new ApiClient(app, `10.62.0.${seq}`);
      await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, (clock += 30_000)));
      admins.set(`${role}@${institution}`, client);
    }
  });

  const whoami = (client: Client, ip: string) =>
    app.inject({
      method: 'GET',
      url: '/api/v2/whoami',
      remoteAddress: ip,
      headers: { authorization: basic(client.username, client.secret) },
    });

  it('lets the institution admin change the allowlist and the rate limit; the next call obeys', async () => {
    const admin = admins.get(`institution_admin@${institutionA}`)!;
    const base = `/api/v1/institutions/${institutionA}/api-clients`;
    const created = (await admin.post<Client>(base, { description: 'SIMPEG' })).body;
    assert.equal((await whoami(created, '192.0.2.50')).statusCode, 200);

    const patched = await admin.patch<Client>(`${base}/${created.id}`, {
      allowedCidrs: ['10.9.0.0/16', '10.9.1.1', '10.9.0.0/16'],
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual(patched.body.allowedCidrs, ['10.9.0.0/16', '10.9.1.1/32']);
    assert.equal(patched.body.rateLimitPerMinute, 600, 'a field not given stays');
    assert.equal('secret' in patched.body, false);
    const outside = await whoami(created, '192.0.2.50');
    assert.equal(outside.statusCode, 403);
    assert.equal((JSON.parse(outside.body) as { code: string }).code, 'ERR_API_CLIENT_ADDRESS');
    assert.equal((await whoami(created, '10.9.200.3')).statusCode, 200);

    const limited = await admin.patch<Client>(`${base}/${created.id}`, { rateLimitPerMinute: 2 });
    assert.equal(limited.body.rateLimitPerMinute, 2);
    assert.deepEqual(limited.body.allowedCidrs, ['10.9.0.0/16', '10.9.1.1/32']);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await whoami(created, '10.9.200.3')).statusCode);
    // One call of this minute was already spent above.
    assert.ok(answers.includes(429), `answers ${answers.join(',')}`);

    const cleared = await admin.patch<Client>(`${base}/${created.id}`, { allowedCidrs: [] });
    assert.deepEqual(cleared.body.allowedCidrs, []);

    for (const bad of [
      { allowedCidrs: ['10.0.0.0/33'] },
      { allowedCidrs: ['zehn'] },
      { rateLimitPerMinute: 0 },
      {},
    ])
      assert.equal((await admin.patch(`${base}/${created.id}`, bad)).status, 400, JSON.stringify(bad));

    // Another institution's admin and an RA officer change nothing.
    const other = admins.get(`institution_admin@${institutionB}`)!;
    assert.equal((await other.patch(`${base}/${created.id}`, { rateLimitPerMinute: 9 })).status, 403);
    const ra = admins.get(`ra_officer@${institutionA}`)!;
    assert.equal((await ra.patch(`${base}/${created.id}`, { rateLimitPerMinute: 9 })).status, 403);
    const wrongPath = await other.patch(`/api/v1/institutions/${institutionB}/api-clients/${created.id}`, {
      rateLimitPerMinute: 9,
    });
    assert.equal(wrongPath.status, 404);

    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'api_client.updated'), eq(auditEvents.target, `api-client:${created.id}`)),
      );
    assert.equal(events.length, 3);
  });
});

describe('teken api-client update | enable', () => {
  it('edits the allowlist and rate limit and enables a disabled client through the real CLI', async () => {
    const env = await testEnv({ TEKEN_QUIET: '1' });
    const institution = '00000000-0000-4000-8000-00000000d0c1';
    {
      const rt = await openRuntime(loadConfig(env), { log: createLogger('silent') });
      await rt.db.insert(institutions).values({ id: institution, code: 'CLU', name: 'Instansi CLI Ubah' });
      await rt.close();
    }
    const created = await runCli(
      ['api-client', 'create', '--institution', institution, '--description', 'HRIS', '--json'],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const { username } = JSON.parse(created.stdout) as Client;

    const updated = await runCli(
      [
        'api-client',
        'update',
        username,
        '--allow',
        '10.1.0.0/16, 192.0.2.7',
        '--rate-limit',
        '120',
        '--json',
      ],
      env,
    );
    assert.equal(updated.code, 0, updated.stderr);
    const body = JSON.parse(updated.stdout) as Client;
    assert.deepEqual(body.allowedCidrs, ['10.1.0.0/16', '192.0.2.7/32']);
    assert.equal(body.rateLimitPerMinute, 120);
    assert.equal('secret' in body, false);

    const plain = await runCli(['api-client', 'update', username, '--allow', 'any'], env);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /120\/min, any address/);

    const bad = await runCli(['api-client', 'update', username, '--rate-limit', 'banyak'], env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--rate-limit/);
    const nothing = await runCli(['api-client', 'update', username], env);
    assert.notEqual(nothing.code, 0);
    assert.match(nothing.stderr, /Usage: teken api-client update/);

    assert.equal((await runCli(['api-client', 'disable', username], env)).code, 0);
    const enabled = await runCli(['api-client', 'enable', username], env);
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.match(enabled.stdout, new RegExp(`enabled API client ${username}`));
    const listed = JSON.parse(
      (await runCli(['api-client', 'list', '--institution', institution, '--json'], env)).stdout,
    ) as Client[];
    assert.equal(listed.find((c) => c.username === username)!.enabled, true);
    const unknown = await runCli(['api-client', 'enable', 'tkn_tidakada'], env);
    assert.notEqual(unknown.code, 0);
  });
});
