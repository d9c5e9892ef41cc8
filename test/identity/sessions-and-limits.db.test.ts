import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { accounts, outbox, sessions } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import { createAccount, type AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

describe('required actions, limits, session expiry and cookies', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let clock = Date.now();
  let seq = 0;
  const PASSWORD = 'sungai mengalir ke laut';
  const code = (secret: string) => currentTotp(secret, (clock += 30_000));

  before(async () => {
    ({ rt } = await openTestRuntime({
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_LINK_EMAILS_PER_HOUR: '3',
      TEKEN_PUBLIC_URL: 'https://teken.example.go.id',
    }));
    app = (await buildApp(rt, { now: () => clock })).app;
  });

  const newAccount = async (requiredActions: AccountRow['requiredActions'] = []) => {
    seq++;
    return rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(rt),
        tx,
        {
          username: `akun${seq}`,
          email: `akun${seq}@contoh.go.id`,
          fullName: `Akun Uji ${seq}`,
          roles: ['subscriber'],
          password: PASSWORD,
          requiredActions,
        },
        'test',
      ),
    );
  };
  const enrol = async (client: ApiClient) => {
    const { body } = await client.post<{ secret: string }>('/api/v1/auth/totp/enrollment');
    return {
      secret: body.secret,
      result: await client.post('/api/v1/auth/totp/confirm', {
        code: code(body.secret),
        deviceName: 'Ponsel',
      }),
    };
  };

  it('sets a __Host- cookie, Secure, HttpOnly and SameSite=Strict behind https', async () => {
    const account = await newAccount();
    const client = new ApiClient(app);
    const response = await client.post('/api/v1/auth/sign-in', {
      login: account.username,
      password: PASSWORD,
      remember: true,
    });
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^__Host-teken_session=/);
    assert.match(cookie, /Path=\//);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /SameSite=Strict/);
    assert.doesNotMatch(cookie, /Domain=/);
  });

  it('walks the "Update password" required action before signing in', async () => {
    const account = await newAccount(['UPDATE_PASSWORD']);
    const client = new ApiClient(app);
    assert.equal(
      (await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD })).body.next,
      'configure_totp',
    );
    const { result } = await enrol(client);
    assert.equal(result.body.next, 'update_password');
    assert.equal((await client.get('/api/v1/session')).status, 401);
    const done = await client.post('/api/v1/auth/new-password', {
      password: 'hujan turun perlahan',
      confirmation: 'hujan turun perlahan',
    });
    assert.equal(done.body.next, 'done');
    assert.equal((await client.get('/api/v1/session')).status, 200);
    const [row] = await rt.db.select().from(accounts).where(eq(accounts.id, account.id));
    assert.deepEqual(row!.requiredActions, []);
  });

  it('sends at most TEKEN_LINK_EMAILS_PER_HOUR reset e-mails to one address', async () => {
    const account = await newAccount();
    const client = new ApiClient(app, '10.20.0.1');
    for (let i = 0; i < 6; i++)
      assert.equal((await client.post('/api/v1/auth/forgot-password', { email: account.email })).status, 202);
    const mails = await rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, account.id), eq(outbox.template, 'reset-password')));
    assert.equal(mails.length, 3);
  });

  it('ends sessions at their idle and absolute limits', async () => {
    const account = await newAccount();
    const client = new ApiClient(app);
    await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    await enrol(client);
    assert.equal((await client.get('/api/v1/session')).status, 200);
    await rt.db
      .update(sessions)
      .set({ idleExpiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(sessions.accountId, account.id), eq(sessions.stage, 'full')));
    assert.equal((await client.get('/api/v1/session')).status, 401);
    const again = new ApiClient(app);
    await again.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    const [device] = await rt.db
      .execute<{ id: string }>(sql`select id from totp_devices where account_id = ${account.id}`)
      .then((r) => (r as { rows: { id: string }[] }).rows);
    assert.ok(device);
    await rt.db
      .update(sessions)
      .set({ absoluteExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.accountId, account.id));
    assert.equal((await again.get('/api/v1/auth/flow')).status, 401);
  });

  it('refuses a partial session on full-session routes and vice versa', async () => {
    const account = await newAccount();
    const client = new ApiClient(app);
    await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    for (const url of ['/api/v1/session', '/api/v1/account/sessions', '/api/v1/account/activity'])
      assert.equal((await client.get(url)).status, 401);
    await enrol(client);
    assert.equal((await client.get('/api/v1/auth/flow')).status, 401);
    assert.equal((await client.post('/api/v1/auth/otp', { code: '123456' })).status, 401);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const account = await newAccount();
    const client = new ApiClient(app);
    await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    await enrol(client);
    const cookie = client.cookie;
    const out = await client.post('/api/v1/auth/sign-out');
    assert.equal(out.status, 204);
    assert.match(String(out.headers['set-cookie']), /__Host-teken_session=;/);
    const stale = new ApiClient(app);
    stale.cookie = cookie;
    assert.equal((await stale.get('/api/v1/session')).status, 401);
  });

  it('documents the JSON API as OpenAPI 3.1', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/v1/auth/sign-in',
      '/api/v1/auth/otp',
      '/api/v1/auth/forgot-password',
      '/api/v1/account/sessions',
      '/api/v1/admin/accounts/{id}/links',
      '/api/v1/admin/accounts/{id}',
      '/api/v1/console-config',
    ]) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
  });
});
