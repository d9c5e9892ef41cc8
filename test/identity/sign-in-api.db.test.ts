import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { accounts, actionTokens, institutions, outbox } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import { createAccount, type AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

describe('sign-in, authenticator, recovery and sessions through the API', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let seq = 0;
  /** The server's clock for authenticator codes; `tick()` moves to the next 30-second step. */
  let clock = Date.now();
  const code = (secret: string) => {
    clock += 30_000;
    return currentTotp(secret, clock);
  };
  const institutionA = '00000000-0000-4000-8000-00000000000a';
  const institutionB = '00000000-0000-4000-8000-00000000000b';

  before(async () => {
    ({ rt } = await openTestRuntime({
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_LOCKOUT_FAILURES: '3',
      TEKEN_LINK_EMAILS_PER_HOUR: '5',
    }));
    app = (await buildApp(rt, { now: () => clock })).app;
    await rt.db.insert(institutions).values([
      { id: institutionA, code: 'KEMENA', name: 'Kementerian A' },
      { id: institutionB, code: 'KEMENB', name: 'Kementerian B' },
    ]);
  });

  const PASSWORD = 'kuda liar berlari kencang';
  const newAccount = async (roles: AccountRow['roles'] = ['subscriber'], institutionId = institutionA) => {
    seq++;
    return rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(rt),
        tx,
        {
          username: `pengguna${seq}`,
          email: `pengguna${seq}@contoh.go.id`,
          fullName: `Pengguna Uji ${seq}`,
          roles,
          institutionId,
          password: PASSWORD,
        },
        'test',
      ),
    );
  };
  /** Signs in from scratch, enrolling an authenticator when asked; returns the client and the secret. */
  const signedIn = async (account: AccountRow, secret?: string) => {
    const client = new ApiClient(app, `10.1.${seq % 250}.${Math.floor(Math.random() * 250)}`);
    const first = await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    if (first.body.next === 'configure_totp') {
      const enrol = await client.post<{ secret: string; uri: string }>('/api/v1/auth/totp/enrollment');
      secret = enrol.body.secret;
      const done = await client.post('/api/v1/auth/totp/confirm', {
        code: code(secret),
        deviceName: 'Ponsel',
      });
      assert.equal(done.body.next, 'done', JSON.stringify(done.body));
    } else {
      assert.equal(first.body.next, 'otp');
      const done = await client.post('/api/v1/auth/otp', { code: code(secret!) });
      assert.equal(done.body.next, 'done', JSON.stringify(done.body));
    }
    return { client, secret: secret! };
  };
  const messagesTo = async (accountId: string, template: string) =>
    rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, accountId), eq(outbox.template, template)));
  const linkFrom = async (outboxId: string) => {
    const message = await readOutboxMessage(
      rt.db,
      rt.masterKey,
      outboxId,
      rt.config.organisationName,
      rt.notify.templates,
    );
    const match = /\/link#([A-Za-z0-9_-]{43})/.exec(message!.content!.text);
    return match![1]!;
  };

  it('enrols an authenticator at first sign-in, then asks for a code every time', async () => {
    const account = await newAccount();
    const client = new ApiClient(app);
    const first = await client.post('/api/v1/auth/sign-in', {
      login: account.email.toUpperCase(),
      password: PASSWORD,
      remember: true,
    });
    assert.equal(first.body.next, 'configure_totp');
    const partialCookie = client.cookie;
    // Nothing but the sign-in steps is reachable with a partial session.
    assert.equal((await client.get('/api/v1/session')).status, 401);
    const enrol = await client.post<{ secret: string; uri: string }>('/api/v1/auth/totp/enrollment');
    assert.match(enrol.body.uri, /^otpauth:\/\/totp\//);
    const again = await client.post<{ secret: string }>('/api/v1/auth/totp/enrollment');
    assert.equal(again.body.secret, enrol.body.secret, 'showing the QR again keeps the same secret');
    assert.equal(
      (await client.post('/api/v1/auth/totp/confirm', { code: '000000', deviceName: 'Ponsel' })).status,
      401,
    );
    const done = await client.post('/api/v1/auth/totp/confirm', {
      code: code(enrol.body.secret),
      deviceName: 'Ponsel',
    });
    assert.equal(done.body.next, 'done');
    assert.notEqual(client.cookie, partialCookie, 'the session id rotates at sign-in');
    const session = await client.get<{ account: { username: string } }>('/api/v1/session');
    assert.equal(session.status, 200);
    assert.equal(session.body.account.username, account.username);
    // The partial cookie is worthless now.
    const stale = new ApiClient(app);
    stale.cookie = partialCookie;
    assert.equal((await stale.get('/api/v1/session')).status, 401);

    // Next sign-in asks for a code; a used code is refused (replay guard).
    const second = new ApiClient(app);
    assert.equal(
      (await second.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD })).body.next,
      'otp',
    );
    const used = code(enrol.body.secret);
    assert.equal((await second.post('/api/v1/auth/otp', { code: used })).body.next, 'done');
    const third = new ApiClient(app);
    await third.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    const replay = await third.post('/api/v1/auth/otp', { code: used });
    assert.equal(replay.status, 401);
    assert.equal(replay.body.code, 'ERR_AUTH_OTP_INVALID');
  });

  it('gives one generic answer for a wrong username or password', async () => {
    const account = await newAccount();
    const client = new ApiClient(app, '10.9.9.9');
    const wrongUser = await client.post('/api/v1/auth/sign-in', { login: 'tidak.ada', password: PASSWORD });
    const wrongPassword = await client.post('/api/v1/auth/sign-in', {
      login: account.username,
      password: 'salah sekali ya',
    });
    assert.equal(wrongUser.status, 401);
    assert.deepEqual(wrongUser.body, wrongPassword.body);
  });

  it('locks an account after repeated failures, e-mails its owner, and an admin unlocks it', async () => {
    const account = await newAccount();
    const admin = await newAccount(['ca_admin']);
    const { client: adminClient } = await signedIn(admin);
    const attacker = new ApiClient(app, '10.7.7.7');
    for (let i = 0; i < 3; i++)
      assert.equal(
        (
          await attacker.post('/api/v1/auth/sign-in', {
            login: account.username,
            password: `salah ${i} sekali`,
          })
        ).status,
        401,
      );
    const locked = await attacker.post('/api/v1/auth/sign-in', {
      login: account.username,
      password: PASSWORD,
    });
    assert.equal(locked.status, 401, 'the right password does not open a locked account');
    assert.equal((await messagesTo(account.id, 'account-locked')).length, 1);
    const [row] = await rt.db.select().from(accounts).where(eq(accounts.id, account.id));
    assert.ok(row!.lockedUntil && row!.lockedUntil > new Date());
    assert.equal((await adminClient.post(`/api/v1/admin/accounts/${account.id}/unlock`)).status, 204);
    assert.equal(
      (await new ApiClient(app).post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD }))
        .status,
      200,
    );
  });

  it('counts authenticator failures separately and locks on them too', async () => {
    const account = await newAccount();
    await signedIn(account);
    const client = new ApiClient(app, '10.6.6.6');
    assert.equal(
      (await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD })).body.next,
      'otp',
    );
    for (let i = 0; i < 3; i++)
      assert.equal((await client.post('/api/v1/auth/otp', { code: '123456' })).status, 401);
    assert.equal((await messagesTo(account.id, 'account-locked')).length, 1);
  });

  it('"Lupa Password": same answer for any address, single-use link, code still asked, old sessions end', async () => {
    const account = await newAccount();
    const { client: oldSession, secret } = await signedIn(account);
    const anon = new ApiClient(app, '10.5.5.5');
    const unknown = await anon.post('/api/v1/auth/forgot-password', { email: 'tidak.ada@contoh.go.id' });
    const known = await anon.post('/api/v1/auth/forgot-password', { email: account.email });
    assert.equal(unknown.status, 202);
    assert.deepEqual(unknown.body, known.body);
    const [first] = await messagesTo(account.id, 'reset-password');
    const firstToken = await linkFrom(first!.id);
    await anon.post('/api/v1/auth/forgot-password', { email: account.email });
    const mails = await messagesTo(account.id, 'reset-password');
    assert.equal(mails.length, 2);
    const token = await linkFrom(mails.find((m) => m.id !== first!.id)!.id);
    // A newer link voids the older one.
    const voided = await new ApiClient(app).post('/api/v1/auth/links/redeem', { token: firstToken });
    assert.equal(voided.status, 410);
    assert.match(String(voided.body.detail), /newer/);
    const tampered = await new ApiClient(app).post('/api/v1/auth/links/redeem', {
      token: token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'),
    });
    assert.equal(tampered.status, 404);

    const browser = new ApiClient(app, '10.5.5.6');
    const opened = await browser.post('/api/v1/auth/links/redeem', { token });
    assert.equal(opened.body.next, 'otp', 'the reset does not bypass the second factor');
    assert.equal(
      (await browser.post('/api/v1/auth/new-password', { password: 'x', confirmation: 'x' })).status,
      409,
    );
    assert.equal(
      (await browser.post('/api/v1/auth/otp', { code: code(secret) })).body.next,
      'update_password',
    );
    assert.equal(
      (
        await browser.post('/api/v1/auth/new-password', {
          password: 'mawar merah di taman',
          confirmation: 'mawar merah di tamam',
        })
      ).body.code,
      'ERR_PASSWORD_MISMATCH',
    );
    assert.equal(
      (
        await browser.post('/api/v1/auth/new-password', {
          password: 'password123',
          confirmation: 'password123',
        })
      ).body.code,
      'ERR_PASSWORD_POLICY',
    );
    const set = await browser.post('/api/v1/auth/new-password', {
      password: 'mawar merah di taman',
      confirmation: 'mawar merah di taman',
    });
    assert.equal(set.body.next, 'done', 'the reset ends signed in');
    assert.equal((await browser.get('/api/v1/session')).status, 200);
    assert.equal(
      (await new ApiClient(app).post('/api/v1/auth/links/redeem', { token })).status,
      410,
      'single use',
    );
    assert.equal(
      (await oldSession.get('/api/v1/session')).status,
      401,
      'a password change ends other sessions',
    );
    assert.equal(
      (await new ApiClient(app).post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD }))
        .status,
      401,
    );
    assert.equal(
      (
        await new ApiClient(app).post('/api/v1/auth/sign-in', {
          login: account.username,
          password: 'mawar merah di taman',
        })
      ).status,
      200,
    );
    assert.equal((await messagesTo(account.id, 'password-changed')).length, 1);
  });

  it('says when a link has expired', async () => {
    const account = await newAccount();
    await new ApiClient(app, '10.4.4.4').post('/api/v1/auth/forgot-password', { email: account.email });
    const [mail] = await messagesTo(account.id, 'reset-password');
    const token = await linkFrom(mail!.id);
    await rt.db
      .update(actionTokens)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(actionTokens.accountId, account.id));
    const expired = await new ApiClient(app).post('/api/v1/auth/links/redeem', { token });
    assert.equal(expired.status, 410);
    assert.equal(expired.body.code, 'ERR_LINK_EXPIRED');
  });

  it('administrator links: RESET_OTP_DEVICE asks the password and replaces the authenticator', async () => {
    const account = await newAccount();
    const { secret: oldSecret } = await signedIn(account);
    const admin = await newAccount(['institution_admin']);
    const { client: adminClient } = await signedIn(admin);
    const sent = await adminClient.post(`/api/v1/admin/accounts/${account.id}/links`, {
      action: 'RESET_OTP_DEVICE',
    });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    const listed = await adminClient.get<{ links: { action: string }[] }>(
      `/api/v1/admin/accounts/${account.id}/links`,
    );
    assert.deepEqual(
      listed.body.links.map((l) => l.action),
      ['RESET_OTP_DEVICE'],
    );
    const [mail] = await messagesTo(account.id, 'reset-otp-device');
    const browser = new ApiClient(app, '10.3.3.3');
    assert.equal(
      (await browser.post('/api/v1/auth/links/redeem', { token: await linkFrom(mail!.id) })).body.next,
      'password',
    );
    assert.equal(
      (await browser.post('/api/v1/auth/password', { password: PASSWORD })).body.next,
      'configure_totp',
    );
    const enrol = await browser.post<{ secret: string }>('/api/v1/auth/totp/enrollment');
    assert.equal(
      (
        await browser.post('/api/v1/auth/totp/confirm', {
          code: code(enrol.body.secret),
          deviceName: 'Ponsel Baru',
        })
      ).body.next,
      'done',
    );
    assert.equal((await browser.get('/api/v1/session')).status, 200, 'the reset ends signed in');
    const client = new ApiClient(app, '10.3.3.4');
    await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    assert.equal(
      (await client.post('/api/v1/auth/otp', { code: code(oldSecret) })).status,
      401,
      'the old authenticator is gone',
    );
    assert.equal(
      (await client.post('/api/v1/auth/otp', { code: code(enrol.body.secret) })).body.next,
      'done',
    );
  });

  it('administrator links: UPDATE_PASSWORD asks the code, then a new password', async () => {
    const account = await newAccount();
    const { secret } = await signedIn(account);
    const admin = await newAccount(['ca_admin'], institutionB);
    const { client: adminClient } = await signedIn(admin);
    assert.equal(
      (await adminClient.post(`/api/v1/admin/accounts/${account.id}/links`, { action: 'UPDATE_PASSWORD' }))
        .status,
      202,
    );
    const [mail] = await messagesTo(account.id, 'update-password');
    const browser = new ApiClient(app, '10.2.2.2');
    assert.equal(
      (await browser.post('/api/v1/auth/links/redeem', { token: await linkFrom(mail!.id) })).body.next,
      'otp',
    );
    assert.equal(
      (await browser.post('/api/v1/auth/otp', { code: code(secret) })).body.next,
      'update_password',
    );
    assert.equal(
      (
        await browser.post('/api/v1/auth/new-password', {
          password: 'bintang jatuh malam ini',
          confirmation: 'bintang jatuh malam ini',
        })
      ).body.next,
      'done',
    );
    assert.equal((await browser.get('/api/v1/session')).status, 200, 'the link ends signed in');
  });

  it('Keamanan: lists sessions and devices, signs out another session, refuses to remove the last device', async () => {
    const account = await newAccount();
    const { client: a, secret } = await signedIn(account);
    const b = new ApiClient(app, '10.8.8.8');
    await b.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    await b.post('/api/v1/auth/otp', { code: code(secret) });
    const list = await a.get<{ sessions: { id: string; current: boolean }[] }>('/api/v1/account/sessions');
    assert.equal(list.body.sessions.length, 2);
    const other = list.body.sessions.find((s) => !s.current)!;
    assert.equal((await a.delete(`/api/v1/account/sessions/${other.id}`)).status, 204);
    assert.equal((await b.get('/api/v1/session')).status, 401);
    const devices = await a.get<{ devices: { id: string }[] }>('/api/v1/account/devices');
    assert.equal(devices.body.devices.length, 1);
    assert.equal(
      (await a.delete(`/api/v1/account/devices/${devices.body.devices[0]!.id}`)).body.code,
      'ERR_TOTP_LAST_DEVICE',
    );
    // A second device, then the first can go; device names are unique per account.
    const enrol = await a.post<{ secret: string }>('/api/v1/auth/totp/enrollment');
    assert.equal(
      (await a.post('/api/v1/auth/totp/confirm', { code: code(enrol.body.secret), deviceName: 'ponsel' }))
        .body.code,
      'ERR_TOTP_DEVICE_NAME_TAKEN',
    );
    assert.equal(
      (await a.post('/api/v1/auth/totp/confirm', { code: code(enrol.body.secret), deviceName: 'Tablet' }))
        .body.next,
      'done',
    );
    assert.equal((await a.delete(`/api/v1/account/devices/${devices.body.devices[0]!.id}`)).status, 204);
    const activity = await a.get<{ events: { action: string }[] }>('/api/v1/account/activity');
    const actions = activity.body.events.map((e) => e.action);
    for (const expected of ['auth.sign_in', 'account.totp_added', 'session.revoked', 'account.totp_removed'])
      assert.ok(actions.includes(expected), expected);
  });

  it('changes the password with the current one and signs out the others on request', async () => {
    const account = await newAccount();
    const { client: a, secret } = await signedIn(account);
    const b = new ApiClient(app, '10.8.8.9');
    await b.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    await b.post('/api/v1/auth/otp', { code: code(secret) });
    assert.equal(
      (
        await a.post('/api/v1/account/password', {
          currentPassword: 'salah salah salah',
          password: 'gunung tinggi sekali',
          confirmation: 'gunung tinggi sekali',
        })
      ).body.code,
      'ERR_PASSWORD_CURRENT_WRONG',
    );
    assert.equal(
      (
        await a.post('/api/v1/account/password', {
          currentPassword: PASSWORD,
          password: 'gunung tinggi sekali',
          confirmation: 'gunung tinggi sekali',
          signOutOthers: true,
        })
      ).status,
      204,
    );
    assert.equal((await b.get('/api/v1/session')).status, 401);
    assert.equal((await a.get('/api/v1/session')).status, 200);
  });

  it('requires the CSRF token and a same-site Origin for cookie-authenticated writes', async () => {
    const account = await newAccount();
    const { client } = await signedIn(account);
    const csrf = client.csrf;
    client.csrf = undefined;
    assert.equal((await client.post('/api/v1/account/sessions/sign-out-others')).body.code, 'ERR_AUTH_CSRF');
    client.csrf = 'forged';
    assert.equal((await client.post('/api/v1/account/sessions/sign-out-others')).status, 403);
    client.csrf = csrf;
    assert.equal(
      (await client.post('/api/v1/account/sessions/sign-out-others', {}, { origin: 'https://evil.example' }))
        .status,
      403,
    );
    assert.equal((await client.post('/api/v1/account/sessions/sign-out-others')).status, 200);
  });

  it('authorizes every route by role and institution', async () => {
    const subscriber = await newAccount(['subscriber']);
    const officer = await newAccount(['ra_officer']);
    const instAdminA = await newAccount(['institution_admin'], institutionA);
    const instAdminB = await newAccount(['institution_admin'], institutionB);
    const caAdmin = await newAccount(['ca_admin'], institutionB);
    const target = await newAccount(['subscriber'], institutionA);
    const clients = {
      anonymous: new ApiClient(app),
      subscriber: (await signedIn(subscriber)).client,
      officer: (await signedIn(officer)).client,
      instAdminA: (await signedIn(instAdminA)).client,
      instAdminB: (await signedIn(instAdminB)).client,
      caAdmin: (await signedIn(caAdmin)).client,
    };
    type Who = keyof typeof clients;
    const routes: { method: 'GET' | 'POST'; url: string; body?: unknown; allowed: Who[] }[] = [
      {
        method: 'GET',
        url: '/api/v1/session',
        allowed: ['subscriber', 'officer', 'instAdminA', 'instAdminB', 'caAdmin'],
      },
      {
        method: 'GET',
        url: '/api/v1/account/sessions',
        allowed: ['subscriber', 'officer', 'instAdminA', 'instAdminB', 'caAdmin'],
      },
      {
        method: 'GET',
        url: '/api/v1/account/devices',
        allowed: ['subscriber', 'officer', 'instAdminA', 'instAdminB', 'caAdmin'],
      },
      {
        method: 'GET',
        url: '/api/v1/account/activity',
        allowed: ['subscriber', 'officer', 'instAdminA', 'instAdminB', 'caAdmin'],
      },
      {
        method: 'GET',
        url: '/api/v1/admin/accounts',
        allowed: ['officer', 'instAdminA', 'instAdminB', 'caAdmin'],
      },
      {
        method: 'GET',
        url: `/api/v1/admin/accounts/${target.id}/links`,
        allowed: ['officer', 'instAdminA', 'caAdmin'],
      },
      {
        method: 'POST',
        url: `/api/v1/admin/accounts/${target.id}/unlock`,
        allowed: ['instAdminA', 'caAdmin'],
      },
      { method: 'GET', url: '/api/v1/admin/outbox', allowed: ['caAdmin'] },
    ];
    for (const route of routes) {
      for (const who of Object.keys(clients) as Who[]) {
        const response = await clients[who].request(
          route.method,
          route.url,
          route.method === 'POST' ? (route.body ?? {}) : undefined,
        );
        const expected = route.allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403;
        if (expected === 'allowed')
          assert.ok(response.status < 300, `${who} ${route.method} ${route.url}: ${response.status}`);
        else assert.equal(response.status, expected, `${who} ${route.method} ${route.url}`);
      }
    }
    // Institution admins create subscribers in their own institution only, never administrators.
    const create = (who: Who, roles: string[], institutionId?: string) =>
      clients[who].post('/api/v1/admin/accounts', {
        username: `baru${++seq}`,
        email: `baru${seq}@contoh.go.id`,
        fullName: 'Akun Baru',
        roles,
        ...(institutionId ? { institutionId } : {}),
      });
    assert.equal((await create('instAdminA', ['subscriber'])).status, 201);
    assert.equal((await create('instAdminA', ['subscriber'], institutionB)).status, 403);
    assert.equal((await create('instAdminA', ['ca_admin'])).status, 403);
    assert.equal((await create('subscriber', ['subscriber'])).status, 403);
    assert.equal((await create('caAdmin', ['institution_admin'], institutionA)).status, 201);
    assert.equal(
      (
        await clients.instAdminB.post(`/api/v1/admin/accounts/${target.id}/links`, {
          action: 'UPDATE_PASSWORD',
        })
      ).status,
      403,
    );
  });

  it('validates input and changes nothing on bad requests', async () => {
    const client = new ApiClient(app, '10.11.11.11');
    const before = (await rt.db.select({ n: sql<number>`count(*)::int` }).from(accounts))[0]!.n;
    for (const body of [
      {},
      { login: 'a' },
      { login: 'a', password: 'b', extra: 1 },
      { login: { a: 1 }, password: 'x' },
    ]) {
      const response = await client.post('/api/v1/auth/sign-in', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.body.code, 'ERR_INPUT_INVALID');
    }
    assert.equal(
      (await client.request('POST', '/api/v1/auth/sign-in', undefined, { 'content-type': 'text/plain' }))
        .status,
      415,
    );
    assert.equal((await client.post('/api/v1/auth/links/redeem', { token: 'not-a-token' })).status, 404);
    assert.equal((await client.post('/api/v1/auth/otp', { code: '123456' })).status, 401);
    const after = (await rt.db.select({ n: sql<number>`count(*)::int` }).from(accounts))[0]!.n;
    assert.equal(after, before);
  });
});
