/**
 * API clients (enrollment issue): the console's management per role, HTTP Basic on the
 * API-client routes through the one attempt guard (good, missing, malformed, wrong, unknown and
 * disabled credentials; the allowlist; the per-client rate limit; a burst of wrong secrets), an
 * audit event per call, no secret in any answer but the one that creates it, nor in the logs; and
 * `teken api-client create | list | disable` through the real CLI.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { before, describe, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/load-config.js';
import { apiClients, auditEvents, institutions } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import { createLogger } from '../../src/runtime/logger.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { onCleanup } from '../helpers/cleanup.js';
import { runCli } from '../helpers/cli.js';
import { testEnv } from '../helpers/test-runtime.js';

const PASSWORD = 'pohon beringin tua sekali';
const institutionA = '00000000-0000-4000-8000-00000000a001';
const institutionB = '00000000-0000-4000-8000-00000000b001';
const ADDRESS_FAILURES = 20;

interface Created {
  id: string;
  username: string;
  secret: string;
  enabled: boolean;
  allowedCidrs: string[];
  rateLimitPerMinute: number;
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('API clients', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let clock = Date.now();
  let seq = 0;
  let ipSeq = 0;
  const logs: string[] = [];
  const nextIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;
  const consoles = new Map<string, ApiClient>();

  const newAccount = (role: AccountRow['roles'][number], institutionId: string | null) =>
    createTestAccount(rt, {
      prefix: 'klien',
      n: ++seq,
      name: 'Pengelola Klien',
      roles: [role],
      institutionId,
      password: PASSWORD,
    });

  const signIn = async (account: AccountRow): Promise<ApiClient> => {
    const client = new ApiClient(app, nextIp());
    await firstSignIn(client, account.username, PASSWORD, (secret) => currentTotp(secret, (clock += 30_000)));
    return client;
  };

  before(async () => {
    const env = await testEnv({
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_ADDRESS_FAILURES: String(ADDRESS_FAILURES),
      TEKEN_LOCKOUT_FAILURES: '10',
    });
    const config = loadConfig(env);
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => logs.push(c.toString('utf8')));
    rt = await openRuntime(config, { log: createLogger('debug', sink) });
    onCleanup(() => rt.close());
    app = (await buildApp(rt, { now: () => clock })).app;
    await rt.db.insert(institutions).values([
      { id: institutionA, code: 'KLA', name: 'Instansi Klien A' },
      { id: institutionB, code: 'KLB', name: 'Instansi Klien B' },
    ]);
    for (const [role, institution] of [
      ['ca_admin', null],
      ['institution_admin', institutionA],
      ['institution_admin', institutionB],
      ['ra_officer', institutionA],
      ['subscriber', institutionA],
    ] as const)
      consoles.set(`${role}@${institution ?? 'none'}`, await signIn(await newAccount(role, institution)));
  });

  const as = (who: string) => consoles.get(who)!;
  const urlOf = (institution: string) => `/api/v1/institutions/${institution}/api-clients`;
  const create = async (who: string, institution: string, body: Record<string, unknown> = {}) => {
    const answer = await as(who).post<Created>(urlOf(institution), { description: 'Sistem SIMPEG', ...body });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return answer.body;
  };
  const whoami = (authorization: string | undefined, ip = '10.200.0.1') =>
    app.inject({
      method: 'GET',
      url: '/api/v2/whoami',
      remoteAddress: ip,
      headers: authorization === undefined ? {} : { authorization },
    });

  it('lets institution admins manage their own clients and CA admins any, nobody else', async () => {
    const mine = await create('institution_admin@' + institutionA, institutionA);
    assert.match(mine.username, /^tkn_[a-z2-7]{16}$/);
    assert.match(mine.secret, /^[A-Za-z0-9_-]{43,}$/);
    assert.equal(mine.enabled, true);
    assert.equal(mine.rateLimitPerMinute, 600);
    const [row] = await rt.db.select().from(apiClients).where(eq(apiClients.id, mine.id));
    assert.match(row!.secretHash, /^\$argon2id\$/);
    assert.ok(!row!.secretHash.includes(mine.secret));

    const list = await as('institution_admin@' + institutionA).get<{ clients: Record<string, unknown>[] }>(
      urlOf(institutionA),
    );
    assert.equal(list.status, 200);
    const listed = list.body.clients.find((c) => c.id === mine.id)!;
    assert.equal(listed.username, mine.username);
    assert.ok(!('secret' in listed) && !('secretHash' in listed));
    assert.ok(!JSON.stringify(list.body).includes(mine.secret));
    assert.ok(!JSON.stringify(list.body).includes('argon2'));

    // Another institution's admin, an RA officer and a subscriber are refused; nothing is created.
    const before = (await rt.db.select().from(apiClients)).length;
    for (const [who, institution] of [
      ['institution_admin@' + institutionB, institutionA],
      ['ra_officer@' + institutionA, institutionA],
      ['subscriber@' + institutionA, institutionA],
    ] as const) {
      const refused = await as(who).post(urlOf(institution), { description: 'Tidak boleh' });
      assert.equal(refused.status, 403, `${who}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.code, 'ERR_AUTH_FORBIDDEN');
      assert.equal((await as(who).get(urlOf(institution))).status, 403);
      const disable = await as(who).post(`${urlOf(institution)}/${mine.id}/disable`, {});
      assert.equal(disable.status, 403);
    }
    // A client named under the wrong institution is not found, even for the CA admin.
    const wrongPlace = await as('ca_admin@none').post(`${urlOf(institutionB)}/${mine.id}/disable`, {});
    assert.equal(wrongPlace.status, 404);
    assert.equal(wrongPlace.body.code, 'ERR_API_CLIENT_NOT_FOUND');
    assert.equal((await rt.db.select().from(apiClients)).length, before);
    // The CA admin manages any institution's clients.
    const theirs = await create('ca_admin@none', institutionB, { description: 'Aplikasi Desa' });
    assert.equal((await whoami(basic(theirs.username, theirs.secret))).statusCode, 200);
    // Bad input changes nothing.
    for (const body of [
      { description: 'x', allowedCidrs: ['10.0.0.0/33'] },
      { description: 'x', allowedCidrs: ['bukan-ip'] },
      { description: 'x', rateLimitPerMinute: 0 },
      { description: '' },
    ]) {
      const bad = await as('ca_admin@none').post(urlOf(institutionA), body);
      assert.equal(bad.status, 400, JSON.stringify(body));
      assert.equal(bad.body.code, 'ERR_INPUT_INVALID');
    }
    const unknownInstitution = await as('ca_admin@none').post(urlOf('00000000-0000-4000-8000-00000000ffff'), {
      description: 'x',
    });
    assert.equal(unknownInstitution.status, 404);
    assert.equal((await rt.db.select().from(apiClients)).length, before + 1);
  });

  it('answers good, missing, malformed, wrong, unknown and disabled credentials', async () => {
    const admin = as('institution_admin@' + institutionA);
    const client = await create('institution_admin@' + institutionA, institutionA);
    const good = await whoami(basic(client.username, client.secret));
    assert.equal(good.statusCode, 200, good.body);
    assert.deepEqual(good.json(), { status: true, username: client.username, institutionId: institutionA });

    const unauthorized = (response: Awaited<ReturnType<typeof whoami>>, what: string) => {
      assert.equal(response.statusCode, 401, `${what}: ${response.body}`);
      assert.equal(response.headers['www-authenticate'], 'Basic realm="Teken", charset="UTF-8"');
      assert.match(String(response.headers['content-type']), /^application\/json/);
      const body = response.json<{ status: boolean; error: string; message: string; code: string }>();
      assert.equal(body.status, false);
      assert.equal(body.code, 'ERR_API_CLIENT_UNAUTHORIZED');
      assert.equal(body.error, 'Unauthorized');
      return body;
    };
    unauthorized(await whoami(undefined), 'missing');
    for (const header of [
      'Bearer abc',
      'Basic',
      'Basic !!!!',
      `Basic ${Buffer.from('tanpa-titik-dua').toString('base64')}`,
      `Basic ${Buffer.from(`:${client.secret}`).toString('base64')}`,
      basic(client.username, ''),
      basic(`${client.username}\u0000`, client.secret),
    ])
      unauthorized(await whoami(header), header);
    const wrong = unauthorized(await whoami(basic(client.username, 'salah')), 'wrong secret');
    const unknown = unauthorized(await whoami(basic('tkn_aaaaaaaaaaaaaaaa', client.secret)), 'unknown');
    assert.deepEqual(unknown, wrong, 'an unknown username answers as a wrong secret does');

    // Rotation: the new secret works, the old one no longer.
    const rotated = await admin.post<Created>(`${urlOf(institutionA)}/${client.id}/rotate-secret`, {});
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    assert.notEqual(rotated.body.secret, client.secret);
    assert.equal(rotated.body.username, client.username);
    unauthorized(await whoami(basic(client.username, client.secret)), 'old secret');
    assert.equal((await whoami(basic(client.username, rotated.body.secret))).statusCode, 200);

    // Disabled: refused with the right secret, 403; enabled again, it works.
    const disabled = await admin.post<Created>(`${urlOf(institutionA)}/${client.id}/disable`, {});
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.enabled, false);
    assert.ok(!('secret' in disabled.body));
    const refused = await whoami(basic(client.username, rotated.body.secret));
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<{ code: string }>().code, 'ERR_API_CLIENT_DISABLED');
    // A wrong secret on a disabled client learns nothing about it: 401.
    unauthorized(await whoami(basic(client.username, 'salah')), 'disabled, wrong secret');
    const enabled = await admin.post<Created>(`${urlOf(institutionA)}/${client.id}/enable`, {});
    assert.equal(enabled.body.enabled, true);
    assert.equal((await whoami(basic(client.username, rotated.body.secret))).statusCode, 200);
  });

  it('refuses an address outside the allowlist', async () => {
    const client = await create('institution_admin@' + institutionA, institutionA, {
      allowedCidrs: ['192.0.2.0/24', '2001:db8::/32'],
    });
    assert.deepEqual(client.allowedCidrs, ['192.0.2.0/24', '2001:db8::/32']);
    const auth = basic(client.username, client.secret);
    assert.equal((await whoami(auth, '192.0.2.77')).statusCode, 200);
    assert.equal((await whoami(auth, '2001:db8::5')).statusCode, 200);
    for (const ip of ['198.51.100.1', '192.0.3.1', '2001:db9::1']) {
      const outside = await whoami(auth, ip);
      assert.equal(outside.statusCode, 403, ip);
      assert.deepEqual(outside.json(), {
        status: false,
        error: 'This API client may not call from this address.',
        message: 'This API client may not call from this address.',
        code: 'ERR_API_CLIENT_ADDRESS',
        status_code: 403,
      });
    }
  });

  it('limits each client to its calls per minute', async () => {
    const client = await create('institution_admin@' + institutionA, institutionA, { rateLimitPerMinute: 3 });
    const other = await create('institution_admin@' + institutionA, institutionA, { rateLimitPerMinute: 3 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await whoami(basic(client.username, client.secret)));
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [200, 200, 200, 429, 429],
    );
    const limited = answers[4]!;
    const retry = Number(limited.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, String(retry));
    const body = limited.json<{ status: boolean; code: string; retryAfterSeconds: number }>();
    assert.equal(body.status, false);
    assert.equal(body.code, 'ERR_API_CLIENT_RATE_LIMITED');
    assert.equal(body.retryAfterSeconds, retry);
    // Another client's budget is its own.
    assert.equal((await whoami(basic(other.username, other.secret))).statusCode, 200);
  });

  it('evaluates at most the guard budget of 50 wrong secrets sent at once', async () => {
    const client = await create('institution_admin@' + institutionA, institutionA);
    const ip = '10.201.0.1';
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => whoami(basic(client.username, `salah-${i}`), ip)),
    );
    const statuses = answers.map((a) => a.statusCode);
    const evaluated = statuses.filter((s) => s === 401).length;
    const throttled = answers.filter((a) => a.statusCode === 429);
    assert.ok(evaluated >= 1 && evaluated <= ADDRESS_FAILURES, `evaluated ${evaluated}`);
    assert.equal(evaluated + throttled.length, 50, JSON.stringify(statuses));
    for (const answer of throttled) {
      assert.equal(answer.json<{ code: string }>().code, 'ERR_AUTH_THROTTLED');
      assert.ok(Number(answer.headers['retry-after']) >= 1);
    }
    // The address stays refused, even with the right secret; another address with another client works.
    assert.equal((await whoami(basic(client.username, client.secret), ip)).statusCode, 429);
    const fresh = await create('institution_admin@' + institutionA, institutionA);
    assert.equal((await whoami(basic(fresh.username, fresh.secret), '10.202.0.1')).statusCode, 200);
  });

  it('records every call, with the client, route and status, and no secret anywhere', async () => {
    const client = await create('institution_admin@' + institutionA, institutionA);
    await whoami(basic(client.username, client.secret), '10.203.0.1');
    await whoami(basic(client.username, 'salah'), '10.203.0.1');
    // The event is written in onResponse, after the answer has gone: wait for both to land.
    const callsFrom = async () =>
      (await rt.db.select().from(auditEvents).where(eq(auditEvents.action, 'api_client.call'))).filter(
        (e) => (e.details as { ip?: string }).ip === '10.203.0.1',
      );
    for (let i = 0; i < 100 && (await callsFrom()).length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const calls = await rt.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'api_client.call'), eq(auditEvents.target, `api-client:${client.id}`)),
      );
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]!.details, {
      username: client.username,
      institution: institutionA,
      method: 'GET',
      route: '/api/v2/whoami',
      status: 200,
      ip: '10.203.0.1',
    });
    assert.equal(calls[0]!.actor, `api-client:${client.id}`);
    const refused = await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'api_client.call'), eq(auditEvents.actor, 'anonymous')));
    assert.ok(refused.some((e) => (e.details as { status: number; ip: string }).ip === '10.203.0.1'));
    const managed = await rt.db.select().from(auditEvents).where(like(auditEvents.action, 'api_client.%'));
    for (const action of [
      'api_client.created',
      'api_client.disabled',
      'api_client.enabled',
      'api_client.secret_rotated',
    ])
      assert.ok(
        managed.some((e) => e.action === action),
        action,
      );
    // No secret of any client in the audit log or the server log.
    const all =
      JSON.stringify(await rt.db.select().from(auditEvents), (_k, v: unknown) =>
        typeof v === 'bigint' ? String(v) : v,
      ) + logs.join('');
    assert.ok(logs.length > 0, 'the log was captured');
    assert.ok(!all.includes(client.secret));
    assert.ok(!/argon2id/.test(all));
    assert.ok(!/authorization/i.test(logs.join('').replace(/"authorization":"\[Redacted\]"/gi, '')));
  });
});

describe('teken api-client', () => {
  it('creates, lists and disables through the real CLI', async () => {
    const env = await testEnv({ TEKEN_QUIET: '1' });
    const institution = '00000000-0000-4000-8000-00000000c001';
    {
      const rt = await openRuntime(loadConfig(env), { log: createLogger('silent') });
      await rt.db.insert(institutions).values({ id: institution, code: 'CLI', name: 'Instansi CLI' });
      await rt.close();
    }
    const created = await runCli(
      ['api-client', 'create', '--institution', institution, '--description', 'SIMPEG daerah', '--json'],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    const client = JSON.parse(created.stdout) as Created & { institutionId: string };
    assert.match(client.username, /^tkn_[a-z2-7]{16}$/);
    assert.match(client.secret, /^[A-Za-z0-9_-]{43,}$/);
    assert.equal(client.institutionId, institution);

    const plain = await runCli(
      ['api-client', 'create', '--institution', institution, '--description', 'Kedua'],
      env,
    );
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /username: tkn_[a-z2-7]{16}\n\s+secret:\s+[A-Za-z0-9_-]{43,}/);

    const listed = await runCli(['api-client', 'list', '--institution', institution, '--json'], env);
    assert.equal(listed.code, 0, listed.stderr);
    const clients = JSON.parse(listed.stdout) as Record<string, unknown>[];
    assert.equal(clients.length, 2);
    assert.ok(!listed.stdout.includes(client.secret));
    assert.ok(clients.every((c) => !('secret' in c) && !('secretHash' in c)));
    const table = await runCli(['api-client', 'list', '--institution', institution], env);
    assert.match(table.stdout, new RegExp(`${client.username}\\tenabled\\t600/min`));

    const disabled = await runCli(['api-client', 'disable', client.username], env);
    assert.equal(disabled.code, 0, disabled.stderr);
    const after = JSON.parse(
      (await runCli(['api-client', 'list', '--institution', institution, '--json'], env)).stdout,
    ) as { username: string; enabled: boolean }[];
    assert.equal(after.find((c) => c.username === client.username)!.enabled, false);

    // Disabled means refused over HTTP with the right secret.
    {
      const rt = await openRuntime(loadConfig(env), { log: createLogger('silent') });
      const { app } = await buildApp(rt);
      const call = await app.inject({
        method: 'GET',
        url: '/api/v2/whoami',
        headers: { authorization: basic(client.username, client.secret) },
      });
      await app.close();
      await rt.close();
      assert.equal(call.statusCode, 403);
    }

    const missing = await runCli(['api-client', 'disable', 'tkn_tidakadaaaaaaaaa'], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /ERR_API_CLIENT_NOT_FOUND/);
    const usage = await runCli(
      ['api-client', 'create', '--institution', 'bukan-uuid', '--description', 'x'],
      env,
    );
    assert.equal(usage.code, 2);
    const noInstitution = await runCli(
      ['api-client', 'create', '--institution', '00000000-0000-4000-8000-00000000dead', '--description', 'x'],
      env,
    );
    assert.equal(noInstitution.code, 1);
    assert.match(noInstitution.stderr, /No such institution/);
  });
});
