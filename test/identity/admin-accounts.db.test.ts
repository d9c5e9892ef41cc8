/**
 * The administrators' account API behind the console's "Akun" page: the list with lock state,
 * search and pages, one account with what the caller may do to it, and who may do what.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { institutions, throttles } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import { createAccount, type AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

interface ListedAccount {
  id: string;
  username: string;
  lockedUntil: string | null;
  lockedBy: string[];
}
interface AccountList {
  total: number;
  accounts: ListedAccount[];
}
interface Detail {
  account: ListedAccount & { hasPassword: boolean; authenticators: number; email: string };
  permissions: { sendLink: boolean; unlock: boolean };
}

describe('account administration through the API', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let seq = 0;
  let clock = Date.now();
  const code = (secret: string) => {
    clock += 30_000;
    return currentTotp(secret, clock);
  };
  const institutionA = '00000000-0000-4000-8000-0000000000a1';
  const institutionB = '00000000-0000-4000-8000-0000000000b1';
  const PASSWORD = 'kuda liar berlari kencang';

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0', TEKEN_LOCKOUT_FAILURES: '3' }));
    app = (await buildApp(rt, { now: () => clock })).app;
    await rt.db.insert(institutions).values([
      { id: institutionA, code: 'INSTA', name: 'Instansi A' },
      { id: institutionB, code: 'INSTB', name: 'Instansi B' },
    ]);
  });

  const newAccount = async (
    roles: AccountRow['roles'] = ['subscriber'],
    institutionId: string | null = institutionA,
    name?: string,
  ) => {
    seq++;
    return rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(rt),
        tx,
        {
          username: `akun${seq}`,
          email: `akun${seq}@contoh.go.id`,
          fullName: name ?? `Akun Uji ${seq}`,
          roles,
          institutionId,
          password: PASSWORD,
        },
        'test',
      ),
    );
  };
  const signedIn = async (account: AccountRow) => {
    const client = new ApiClient(app, `10.20.${seq % 250}.${Math.floor(Math.random() * 250)}`);
    const first = await client.post('/api/v1/auth/sign-in', { login: account.username, password: PASSWORD });
    assert.equal(first.body.next, 'configure_totp', JSON.stringify(first.body));
    const { secret } = (await client.post<{ secret: string }>('/api/v1/auth/totp/enrollment')).body;
    const done = await client.post('/api/v1/auth/totp/confirm', { code: code(secret), deviceName: 'Ponsel' });
    assert.equal(done.body.next, 'done', JSON.stringify(done.body));
    return { client, secret };
  };
  const wrongPasswords = async (account: AccountRow, ip: string) => {
    const attacker = new ApiClient(app, ip);
    for (let i = 0; i < 3; i++) {
      const response = await attacker.post('/api/v1/auth/sign-in', {
        login: account.username,
        password: `salah ${i} sekali`,
      });
      assert.equal(response.status, 401);
    }
  };

  it('lists accounts with their lock state, and says why they are locked', async () => {
    const admin = await newAccount(['ca_admin'], null);
    const { client } = await signedIn(admin);
    const byPassword = await newAccount();
    const byCode = await newAccount();
    await signedIn(byCode);
    const fine = await newAccount();

    await wrongPasswords(byPassword, '10.21.0.1');
    const otp = new ApiClient(app, '10.21.0.2');
    assert.equal(
      (await otp.post('/api/v1/auth/sign-in', { login: byCode.username, password: PASSWORD })).body.next,
      'otp',
    );
    for (let i = 0; i < 3; i++)
      assert.equal((await otp.post('/api/v1/auth/otp', { code: '000000' })).status, 401);

    const list = await client.get<AccountList>('/api/v1/admin/accounts');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const find = (a: AccountRow) => list.body.accounts.find((x) => x.id === a.id)!;
    const locked = find(byPassword);
    assert.ok(locked.lockedUntil && new Date(locked.lockedUntil) > new Date(), 'locked by passwords');
    assert.deepEqual(locked.lockedBy, ['password']);
    assert.ok(find(byCode).lockedUntil, 'locked by authenticator codes');
    assert.deepEqual(find(byCode).lockedBy, ['otp']);
    assert.equal(find(fine).lockedUntil, null);
    assert.deepEqual(find(fine).lockedBy, []);
    assert.equal(list.body.total, list.body.accounts.length);
    for (const a of list.body.accounts) {
      assert.equal('passwordHash' in a, false, 'never a hash');
    }

    // The detail says the same, and unlocking clears it in both.
    const detail = await client.get<Detail>(`/api/v1/admin/accounts/${byPassword.id}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.account.lockedUntil, locked.lockedUntil);
    assert.deepEqual(detail.body.permissions, { sendLink: true, unlock: true });
    assert.equal((await client.post(`/api/v1/admin/accounts/${byPassword.id}/unlock`)).status, 204);
    assert.equal(
      (await client.get<Detail>(`/api/v1/admin/accounts/${byPassword.id}`)).body.account.lockedUntil,
      null,
    );
    const after = await client.get<AccountList>('/api/v1/admin/accounts');
    assert.equal(after.body.accounts.find((x) => x.id === byPassword.id)!.lockedUntil, null);
    assert.ok(after.body.accounts.find((x) => x.id === byCode.id)!.lockedUntil, 'the other stays locked');
  });

  it('shows a lockout that has run out as unlocked, as sign-in does', async () => {
    const admin = await newAccount(['ca_admin'], null);
    const { client } = await signedIn(admin);
    const account = await newAccount();
    await wrongPasswords(account, '10.22.0.1');
    await rt.db
      .update(throttles)
      .set({ blockedUntil: new Date(Date.now() - 1000) })
      .where(eq(throttles.key, `pw:acct:${account.id}`));
    const detail = await client.get<Detail>(`/api/v1/admin/accounts/${account.id}`);
    assert.equal(detail.body.account.lockedUntil, null);
    assert.equal(
      (
        await new ApiClient(app, '10.22.0.2').post('/api/v1/auth/sign-in', {
          login: account.username,
          password: PASSWORD,
        })
      ).status,
      200,
    );
  });

  it('searches by username, e-mail or name, and pages the list', async () => {
    const admin = await newAccount(['ca_admin'], null);
    const { client } = await signedIn(admin);
    const siti = await newAccount(['subscriber'], institutionB, 'Siti Rahayu_Percobaan');
    await newAccount(['subscriber'], institutionB, 'Siti Rahmawati');
    const byName = await client.get<AccountList>('/api/v1/admin/accounts?q=siti%20rah');
    assert.equal(byName.body.total, 2);
    const byEmail = await client.get<AccountList>(`/api/v1/admin/accounts?q=${siti.email.toUpperCase()}`);
    assert.deepEqual(
      byEmail.body.accounts.map((a) => a.id),
      [siti.id],
    );
    // LIKE wildcards in the query match themselves.
    assert.deepEqual(
      (await client.get<AccountList>('/api/v1/admin/accounts?q=u_p')).body.accounts.map((a) => a.id),
      [siti.id],
    );
    assert.equal((await client.get<AccountList>('/api/v1/admin/accounts?q=%25')).body.total, 0);
    assert.equal((await client.get<AccountList>('/api/v1/admin/accounts?q=kun_uji')).body.total, 0);
    assert.ok((await client.get<AccountList>('/api/v1/admin/accounts?q=kun%20uji')).body.total > 2);

    const all = await client.get<AccountList>('/api/v1/admin/accounts');
    const first = await client.get<AccountList>('/api/v1/admin/accounts?limit=2');
    const second = await client.get<AccountList>('/api/v1/admin/accounts?limit=2&offset=2');
    assert.equal(first.body.total, all.body.total);
    assert.deepEqual(
      [...first.body.accounts, ...second.body.accounts].map((a) => a.id),
      all.body.accounts.slice(0, 4).map((a) => a.id),
      'newest first, pages follow on',
    );
    assert.equal((await client.get('/api/v1/admin/accounts?limit=0')).status, 400);
    assert.equal((await client.get('/api/v1/admin/accounts?other=1')).status, 400);
  });

  it('shows an institution admin their own institution only, and lets them act on it only', async () => {
    const instAdmin = await newAccount(['institution_admin'], institutionA);
    const { client } = await signedIn(instAdmin);
    const own = await newAccount(['subscriber'], institutionA);
    const ownCaAdmin = await newAccount(['ca_admin'], institutionA);
    const other = await newAccount(['subscriber'], institutionB);

    const list = await client.get<AccountList>('/api/v1/admin/accounts');
    const ids = list.body.accounts.map((a) => a.id);
    assert.ok(ids.includes(own.id));
    assert.ok(!ids.includes(other.id), 'no account of another institution');
    assert.equal(
      (await client.get<AccountList>(`/api/v1/admin/accounts?q=${other.username}`)).body.total,
      0,
      'not even by searching for it',
    );

    assert.deepEqual((await client.get<Detail>(`/api/v1/admin/accounts/${own.id}`)).body.permissions, {
      sendLink: true,
      unlock: true,
    });
    // A CA admin of the same institution can be read, not acted on.
    assert.deepEqual((await client.get<Detail>(`/api/v1/admin/accounts/${ownCaAdmin.id}`)).body.permissions, {
      sendLink: false,
      unlock: false,
    });
    assert.equal(
      (await client.post(`/api/v1/admin/accounts/${ownCaAdmin.id}/links`, { action: 'UPDATE_PASSWORD' }))
        .status,
      403,
    );

    await wrongPasswords(other, '10.23.0.1');
    for (const [method, url, body] of [
      ['GET', `/api/v1/admin/accounts/${other.id}`, undefined],
      ['GET', `/api/v1/admin/accounts/${other.id}/links`, undefined],
      ['POST', `/api/v1/admin/accounts/${other.id}/links`, { action: 'RESET_OTP_DEVICE' }],
      ['POST', `/api/v1/admin/accounts/${other.id}/unlock`, {}],
    ] as const) {
      const response = await client.request(method, url, body);
      assert.equal(response.status, 403, `${method} ${url}`);
      assert.equal(response.body.code, 'ERR_AUTH_FORBIDDEN');
    }
    // Refused means nothing happened: the other account is still locked and got no link.
    const caAdmin = await newAccount(['ca_admin'], null);
    const { client: ca } = await signedIn(caAdmin);
    const seen = await ca.get<Detail>(`/api/v1/admin/accounts/${other.id}`);
    assert.ok(seen.body.account.lockedUntil);
    assert.deepEqual(
      (await ca.get<{ links: unknown[] }>(`/api/v1/admin/accounts/${other.id}/links`)).body.links,
      [],
    );
  });

  it('refuses every administrator endpoint to a subscriber', async () => {
    const subscriber = await newAccount(['subscriber'], institutionA);
    const { client } = await signedIn(subscriber);
    const target = await newAccount(['subscriber'], institutionA);
    for (const [method, url, body] of [
      ['GET', '/api/v1/admin/accounts', undefined],
      ['GET', `/api/v1/admin/accounts/${target.id}`, undefined],
      ['GET', `/api/v1/admin/accounts/${target.id}/links`, undefined],
      ['POST', `/api/v1/admin/accounts/${target.id}/links`, { action: 'UPDATE_PASSWORD' }],
      ['POST', `/api/v1/admin/accounts/${target.id}/unlock`, {}],
      [
        'POST',
        '/api/v1/admin/accounts',
        {
          username: 'baru.sekali',
          email: 'baru.sekali@contoh.go.id',
          fullName: 'Baru',
          roles: ['subscriber'],
        },
      ],
      ['GET', '/api/v1/admin/outbox', undefined],
    ] as const) {
      const response = await client.request(method, url, body);
      assert.equal(response.status, 403, `${method} ${url}`);
      assert.equal(response.body.code, 'ERR_AUTH_FORBIDDEN', `${method} ${url}`);
    }
    const anonymous = await new ApiClient(app).get('/api/v1/admin/accounts');
    assert.equal(anonymous.status, 401);
  });

  it('tells the console what the signed-in account may use', async () => {
    const permissionsOf = async (roles: AccountRow['roles'], institutionId: string | null = institutionA) => {
      const { client } = await signedIn(await newAccount(roles, institutionId));
      return (await client.get<{ permissions: unknown }>('/api/v1/session')).body.permissions;
    };
    assert.deepEqual(await permissionsOf(['subscriber']), {
      listAccounts: false,
      createAccountRoles: [],
      readOutbox: false,
      inviteRegistrants: false,
      inviteAnyInstitution: false,
      importRegistrants: false,
      raDesk: false,
      listInstitutions: false,
      createInstitutions: false,
      editInstitutions: false,
      manageApiClients: false,
      reviewRegistrations: false,
      reviewChangeRequests: false,
      reviewCertificateRequests: false,
      manageCertificates: false,
      reviewSelfieChecks: false,
    });
    assert.deepEqual(await permissionsOf(['ra_officer']), {
      listAccounts: true,
      createAccountRoles: [],
      readOutbox: false,
      inviteRegistrants: true,
      inviteAnyInstitution: false,
      importRegistrants: true,
      raDesk: true,
      listInstitutions: false,
      createInstitutions: false,
      editInstitutions: false,
      manageApiClients: false,
      reviewRegistrations: true,
      reviewChangeRequests: true,
      reviewCertificateRequests: true,
      manageCertificates: true,
      reviewSelfieChecks: true,
    });
    assert.deepEqual(await permissionsOf(['institution_admin']), {
      listAccounts: true,
      createAccountRoles: ['subscriber', 'ra_officer'],
      readOutbox: false,
      inviteRegistrants: true,
      inviteAnyInstitution: false,
      importRegistrants: true,
      raDesk: true,
      listInstitutions: true,
      createInstitutions: false,
      editInstitutions: false,
      manageApiClients: true,
      reviewRegistrations: false,
      reviewChangeRequests: false,
      reviewCertificateRequests: false,
      manageCertificates: false,
      reviewSelfieChecks: false,
    });
    assert.deepEqual(await permissionsOf(['institution_admin'], null), {
      listAccounts: true,
      createAccountRoles: [],
      readOutbox: false,
      inviteRegistrants: false,
      inviteAnyInstitution: false,
      importRegistrants: false,
      raDesk: true,
      listInstitutions: true,
      createInstitutions: false,
      editInstitutions: false,
      manageApiClients: false,
      reviewRegistrations: false,
      reviewChangeRequests: false,
      reviewCertificateRequests: false,
      manageCertificates: false,
      reviewSelfieChecks: false,
    });
    assert.deepEqual(await permissionsOf(['ca_admin'], null), {
      listAccounts: true,
      createAccountRoles: ['subscriber', 'ra_officer', 'institution_admin', 'ca_admin'],
      readOutbox: true,
      inviteRegistrants: true,
      inviteAnyInstitution: true,
      importRegistrants: true,
      raDesk: true,
      listInstitutions: true,
      createInstitutions: true,
      editInstitutions: true,
      manageApiClients: true,
      reviewRegistrations: true,
      reviewChangeRequests: true,
      reviewCertificateRequests: true,
      manageCertificates: true,
      reviewSelfieChecks: true,
    });
  });

  it('creates an account without a password that the UPDATE_PASSWORD link activates', async () => {
    const instAdmin = await newAccount(['institution_admin'], institutionB);
    const { client } = await signedIn(instAdmin);
    const created = await client.post<{ account: { id: string; institutionId: string } }>(
      '/api/v1/admin/accounts',
      {
        username: 'dewi.baru',
        email: 'dewi.baru@contoh.go.id',
        fullName: 'Dewi Baru',
        roles: ['ra_officer'],
        locale: 'en',
      },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.account.institutionId, institutionB, "in the administrator's institution");
    const detail = await client.get<Detail>(`/api/v1/admin/accounts/${created.body.account.id}`);
    assert.equal(detail.body.account.hasPassword, false);
    assert.equal(detail.body.account.authenticators, 0);
    const again = await client.post('/api/v1/admin/accounts', {
      username: 'DEWI.BARU',
      email: 'lain@contoh.go.id',
      fullName: 'Dewi Lain',
      roles: ['subscriber'],
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'ERR_ACCOUNT_EXISTS');
    const sent = await client.post(`/api/v1/admin/accounts/${created.body.account.id}/links`, {
      action: 'UPDATE_PASSWORD',
    });
    assert.equal(sent.status, 202);
    const links = await client.get<{ links: { action: string }[] }>(
      `/api/v1/admin/accounts/${created.body.account.id}/links`,
    );
    assert.deepEqual(
      links.body.links.map((l) => l.action),
      ['UPDATE_PASSWORD'],
    );
  });

  it('says how long to wait when the link e-mails to an address are used up', async () => {
    const admin = await newAccount(['ca_admin'], null);
    const { client } = await signedIn(admin);
    const account = await newAccount();
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await client.post(`/api/v1/admin/accounts/${account.id}/links`, { action: 'UPDATE_PASSWORD' }))
          .status,
        202,
      );
    const refused = await client.post<{ code: string; details: { retryAfterSeconds: number } }>(
      `/api/v1/admin/accounts/${account.id}/links`,
      { action: 'RESET_OTP_DEVICE' },
    );
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'ERR_AUTH_THROTTLED');
    assert.ok(
      refused.body.details.retryAfterSeconds > 3000 && refused.body.details.retryAfterSeconds <= 3600,
    );
  });
});
