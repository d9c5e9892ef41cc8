import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/build-app.js';
import { firstAdminSetupLink } from '../../src/identity/bootstrap-admin.js';
import { currentTotp } from '../../src/identity/totp.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { runCli } from '../helpers/cli.js';
import { openTestRuntime, testEnv } from '../helpers/test-runtime.js';

describe('the first administrator', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let clock = Date.now();
  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0' }));
    app = (await buildApp(rt, { now: () => clock })).app;
  });

  const finishSetup = async (link: string, password: string) => {
    const token = link.split('#')[1]!;
    const browser = new ApiClient(app);
    // The seeds' order: "Mobile Authenticator Setup" first, then "Update password".
    assert.equal((await browser.post('/api/v1/auth/links/redeem', { token })).body.next, 'configure_totp');
    const { body } = await browser.post<{ secret: string }>('/api/v1/auth/totp/enrollment');
    assert.equal(
      (
        await browser.post('/api/v1/auth/totp/confirm', {
          code: currentTotp(body.secret, (clock += 30_000)),
          deviceName: 'Ponsel Admin',
        })
      ).body.next,
      'update_password',
    );
    const done = await browser.post('/api/v1/auth/new-password', { password, confirmation: password });
    assert.equal(done.body.next, 'done', 'the setup ends signed in');
    assert.equal((await browser.get('/api/v1/session')).status, 200);
    return body.secret;
  };

  it('gets a one-time setup link on a fresh install, and none once set up', async () => {
    const ctx = identityContextOf(rt, { now: () => clock });
    const link = await firstAdminSetupLink(ctx);
    assert.match(link!, /^http:\/\/127\.0\.0\.1:3000\/link#[A-Za-z0-9_-]{43}$/);
    // A second start makes a new link and voids the first.
    const second = await firstAdminSetupLink(ctx);
    assert.notEqual(second, link);
    assert.equal(
      (await new ApiClient(app).post('/api/v1/auth/links/redeem', { token: link!.split('#')[1] })).status,
      410,
    );
    const secret = await finishSetup(second!, 'gajah putih di hutan');
    const client = new ApiClient(app);
    assert.equal(
      (await client.post('/api/v1/auth/sign-in', { login: 'admin', password: 'gajah putih di hutan' })).body
        .next,
      'otp',
    );
    assert.equal(
      (await client.post('/api/v1/auth/otp', { code: currentTotp(secret, (clock += 30_000)) })).body.next,
      'done',
    );
    const session = await client.get<{ account: { roles: string[] } }>('/api/v1/session');
    assert.deepEqual(session.body.account.roles, ['ca_admin']);
    assert.equal(await firstAdminSetupLink(ctx), undefined);
  });

  it('`teken admin create` makes an administrator and prints a setup link', async () => {
    const env = await testEnv();
    const out = await runCli(
      ['admin', 'create', '--username', 'siti.admin', '--email', 'siti@contoh.go.id', '--name', 'Siti Admin'],
      env,
    );
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /created ca_admin "siti\.admin"/);
    assert.match(out.stdout, /\/link#[A-Za-z0-9_-]{43}/);
    const duplicate = await runCli(
      ['admin', 'create', '--username', 'SITI.ADMIN', '--email', 'other@contoh.go.id', '--name', 'X'],
      env,
    );
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /already exists/);
    const bad = await runCli(
      ['admin', 'create', '--username', 'x', '--email', 'not-an-email', '--name', 'X'],
      env,
    );
    assert.equal(bad.code, 2);
  });
});
