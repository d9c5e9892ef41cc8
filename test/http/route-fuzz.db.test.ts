/**
 * Tests generated from the app's own route list (`buildApp().routes`, collected by the onRoute
 * hook of src/http/access.ts), so a new route is covered the day it is registered:
 *
 * - every route that needs a session refuses a request without one (401), and every route that
 *   names an Action refuses each role, in two institutions, exactly where `can()` says no;
 * - a few hundred malformed requests (seeded, repeatable), anonymous, in a sign-in and as a CA
 *   administrator with a valid CSRF token, get no 5xx, and every 4xx is problem+json with a code
 *   of the catalogue;
 * - the requests of the outside fuzz that answered 500 stay fixed.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { initialiseHierarchy } from '../../src/authority/initialise-hierarchy.js';
import { accounts, institutions, registrations } from '../../src/db/schema.js';
import { errorCatalogue } from '../../src/errors/catalogue.js';
import type { Access, RouteEntry } from '../../src/http/access.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { can, type Target } from '../../src/identity/authorize.js';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { currentTotp } from '../../src/identity/totp.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { startTestRegistration } from '../helpers/registration.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { openTestRuntime } from '../helpers/test-runtime.js';
import { fillUrl, fuzzRequests, sampleObject, seededRandom, type FuzzRequest } from './fuzz-requests.js';

const PASSWORD = 'kuda liar berlari kencang';
const institutionA = '00000000-0000-4000-8000-0000000000a1';
const institutionB = '00000000-0000-4000-8000-0000000000b1';
const roles = ['subscriber', 'ra_officer', 'institution_admin', 'ca_admin'] as const;

interface Actor {
  account: AccountRow;
  secret: string;
  cookie: string;
  csrf: string;
}

interface Answer {
  status: number;
  contentType: string;
  body: { code?: string; status?: number };
}

describe('every registered route', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let routes: readonly RouteEntry[];
  let clock = Date.now();
  let seq = 0;
  let ipSeq = 0;
  const nextIp = () => `10.${50 + Math.floor(++ipSeq / 250)}.${ipSeq % 250}.7`;
  const actors = new Map<string, Actor>();
  let target: AccountRow;

  const newAccount = (role: AccountRow['roles'][number], institutionId: string | null) =>
    createTestAccount(rt, {
      prefix: 'rute',
      n: ++seq,
      name: 'Akun Rute',
      roles: [role],
      institutionId,
      password: PASSWORD,
    });

  /** Signs in (enrolling an authenticator the first time) and returns the session's cookie and token. */
  const signIn = async (account: AccountRow, secret?: string): Promise<Actor> => {
    const client = new ApiClient(app, nextIp());
    if (!secret) {
      secret = await firstSignIn(client, account.username, PASSWORD, (s) =>
        currentTotp(s, (clock += 30_000)),
      );
    } else {
      const first = await client.post('/api/v1/auth/sign-in', {
        login: account.username,
        password: PASSWORD,
      });
      assert.equal(first.body.next, 'otp', JSON.stringify(first.body));
      clock += 30_000;
      const done = await client.post('/api/v1/auth/otp', { code: currentTotp(secret, clock) });
      assert.equal(done.body.next, 'done', JSON.stringify(done.body));
    }
    return { account, secret, cookie: client.cookie!, csrf: client.csrf! };
  };

  /** A sign-in stopped at its authenticator step (a partial session). */
  const partialSignIn = async (who: Actor): Promise<Actor> => {
    const client = new ApiClient(app, nextIp());
    const first = await client.post('/api/v1/auth/sign-in', {
      login: who.account.username,
      password: PASSWORD,
    });
    assert.equal(first.body.next, 'otp', JSON.stringify(first.body));
    return { ...who, cookie: client.cookie!, csrf: client.csrf! };
  };

  const send = async (
    request: FuzzRequest | InjectOptions,
    who?: Actor,
    ip = '10.99.0.1',
  ): Promise<Answer> => {
    const r = request as FuzzRequest;
    const response = await app.inject({
      method: r.method as InjectOptions['method'],
      url: r.url,
      remoteAddress: ip,
      headers: {
        ...(r.contentType ? { 'content-type': r.contentType } : {}),
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
      },
      ...(r.payload !== undefined ? { payload: r.payload } : {}),
    });
    const contentType = String(response.headers['content-type'] ?? '');
    let body = {};
    if (contentType.includes('json') && response.body) body = JSON.parse(response.body) as Answer['body'];
    return { status: response.statusCode, contentType, body };
  };

  /** What is wrong with an answer to a malformed request, or undefined. */
  const problemWith = (answer: Answer, route?: RouteEntry): string | undefined => {
    if (answer.status >= 500) return `answered ${answer.status} ${JSON.stringify(answer.body)}`;
    if (answer.status < 400) return undefined;
    // API-client routes answer in BSrE's format (src/http/api-client-auth.ts), with a catalogue code.
    if (route?.access === 'api-client') {
      const body = answer.body as { status?: unknown; error?: unknown; code?: string };
      if (!answer.contentType.startsWith('application/json') || body.status !== false || !body.error)
        return `${answer.status} is not BSrE's error format: ${JSON.stringify(answer.body)}`;
      return body.code && body.code in errorCatalogue ? undefined : `${answer.status} has no catalogue code`;
    }
    if (!answer.contentType.startsWith('application/problem+json'))
      return `${answer.status} is ${answer.contentType || 'no content type'}, not problem+json`;
    if (!answer.body.code || !(answer.body.code in errorCatalogue))
      return `${answer.status} has no catalogue code: ${JSON.stringify(answer.body)}`;
    if (answer.body.status !== answer.status)
      return `problem status ${answer.body.status} ≠ ${answer.status}`;
    return undefined;
  };

  before(async () => {
    ({ rt } = await openTestRuntime({
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_LOCKOUT_FAILURES: '100',
      TEKEN_ADDRESS_FAILURES: '100000',
    }));
    // A real hierarchy, so the CA, CRL, OCSP and readiness routes do their real work.
    await initialiseHierarchy(rt.authority, 'test');
    ({ app, routes } = await buildApp(rt, { now: () => clock }));
    await rt.db.insert(institutions).values([
      { id: institutionA, code: 'INSTA', name: 'Instansi A' },
      { id: institutionB, code: 'INSTB', name: 'Instansi B' },
    ]);
    for (const role of roles)
      for (const institutionId of [institutionA, institutionB]) {
        const account = await newAccount(
          role,
          role === 'ca_admin' && institutionId === institutionB ? null : institutionId,
        );
        actors.set(`${role}@${institutionId}`, await signIn(account));
      }
    target = await newAccount('subscriber', institutionA);
    // A submitted registration for the RA desk's routes to work on.
    await rt.db.insert(registrations).values({
      accountId: target.id,
      institutionId: institutionA,
      source: 'invite',
      invitedBy: 'test',
      status: 'submitted',
      submittedAt: new Date(),
    });
  });

  const uuidFor = () => target.id;
  const withSession = (r: RouteEntry) =>
    r.access !== 'public' && r.access !== 'api-client' && r.access !== 'activation';
  const actionOf = (access: Access) => (typeof access === 'object' ? access.action : undefined);

  /** Routes whose `:id` is an institution: the role checks use institution A. */
  const isInstitutionRoute = (route: RouteEntry) => route.url.startsWith('/api/v1/institutions/:id');

  /** A request the route's schema accepts: `:id` is the target account, institution ids are A. */
  const validRequest = (route: RouteEntry): FuzzRequest => {
    const schema = route.schema as { body?: Parameters<typeof sampleObject>[0] } | undefined;
    const body = sampleObject(schema?.body, target.id);
    if ('institutionId' in (schema?.body?.properties ?? {})) body.institutionId = institutionA;
    if ('roles' in body) body.roles = ['subscriber'];
    const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
    return {
      method: route.method,
      url: fillUrl(route.url, {
        id: isInstitutionRoute(route) ? institutionA : target.id,
        institutionId: institutionA,
        accountId: target.id,
      }),
      label: `${route.method} ${route.url}`,
      ...(hasBody ? { payload: JSON.stringify(body), contentType: 'application/json' } : {}),
    };
  };

  /** What `can()` is asked about for this request (the same target the use case checks). */
  const targetOf = (route: RouteEntry, actor: Actor, request: FuzzRequest): Target | undefined => {
    if (route.url.includes(':id') && route.url.startsWith('/api/v1/admin/accounts')) return target;
    // The RA desk: the target's registration (institution A), its account for the review rules.
    if (route.url.startsWith('/api/v1/ra/registrations/:id'))
      return { institutionId: institutionA, roles: target.roles, accountId: target.id };
    // Routes on one person's registration (a re-send): the target account, in institution A.
    if (route.url.includes(':accountId'))
      return { institutionId: institutionA, roles: target.roles, accountId: target.id };
    if (isInstitutionRoute(route)) return { institutionId: institutionA };
    // Institution routes (API clients, ...): the institution in the path, A in validRequest.
    if (route.url.includes(':institutionId')) return { institutionId: institutionA };
    // The caller's own CSV imports: asked about as inviting at their own institution.
    if (route.method === 'GET' && route.url === '/api/v1/registration-imports')
      return { institutionId: actor.account.institutionId };
    // Routes on the caller's own institution unless `?institutionId=` names one (the CSV import).
    const query = (route.schema as { querystring?: { properties?: object } } | undefined)?.querystring;
    if (query && 'institutionId' in (query.properties ?? {}))
      return { institutionId: actor.account.institutionId };
    const body = request.payload ? (JSON.parse(request.payload) as Record<string, unknown>) : {};
    if (Array.isArray(body.roles))
      return {
        institutionId: (body.institutionId as string | undefined) ?? actor.account.institutionId,
        roles: body.roles as Target['roles'],
      };
    // Routes that act at the institution in their body (an invitation): A in validRequest.
    if (typeof body.institutionId === 'string') return { institutionId: body.institutionId };
    return undefined;
  };

  it('has routes, each with a declared access', () => {
    assert.ok(routes.length >= 25, `only ${routes.length} routes`);
    for (const route of routes) assert.ok(route.access, `${route.method} ${route.url}`);
    const api = routes.filter((r) => r.url.startsWith('/api/v1/'));
    assert.ok(
      api.some((r) => typeof r.access === 'object'),
      'some routes name an action',
    );
  });

  it('refuses a request without a session on every route that needs one (401, before validation)', async () => {
    const failures: string[] = [];
    for (const route of routes.filter(withSession)) {
      for (const request of [validRequest(route), ...fuzzRequests(route, seededRandom(7), target.id, 2)]) {
        const answer = await send(request);
        if (answer.status !== 401 || answer.body.code !== 'ERR_AUTH_REQUIRED')
          failures.push(`${request.label}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('refuses each role in each institution exactly where can() says no', async (t) => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const action = actionOf(route.access);
      if (!action) continue;
      for (const actor of actors.values()) {
        const request = validRequest(route);
        const allowed = can(actor.account, action, targetOf(route, actor, request));
        const answer = await send(request, actor, nextIp());
        checked++;
        const refused = answer.status === 403 || answer.status === 404;
        const what = `${request.label} as ${actor.account.roles[0]}@${actor.account.institutionId ?? 'none'}`;
        // Allowed may still be 404 (the sample id names no such record), never 401 or 403.
        if (allowed && (answer.status === 403 || answer.status === 401))
          failures.push(`${what}: allowed by can() but ${answer.status} ${JSON.stringify(answer.body)}`);
        if (!allowed && !refused) failures.push(`${what}: refused by can() but ${answer.status}`);
        if (!allowed && answer.status === 403 && answer.body.code !== 'ERR_AUTH_FORBIDDEN')
          failures.push(`${what}: 403 with ${answer.body.code}`);
        const problem = problemWith(answer);
        if (problem) failures.push(`${what}: ${problem}`);
      }
    }
    t.diagnostic(`${checked} role × route checks`);
    assert.ok(checked >= 8 * 7, `${checked} checks`);
    assert.deepEqual(failures, []);
  });

  it('answers malformed input without a 5xx, with problem+json and a catalogue code', async (t) => {
    const admin = actors.get(`ca_admin@${institutionA}`)!;
    let current = admin;
    const subscriber = actors.get(`subscriber@${institutionA}`)!;
    let partial = await partialSignIn(subscriber);
    const random = seededRandom(0x7e4e11);
    const failures: string[] = [];
    let sent = 0;
    let serverErrors = 0;
    const byStatus = new Map<number, number>();
    let signedIn = 0;
    let signedInRefused = 0;
    for (const route of routes) {
      if (route.hidden && !route.url.startsWith('/api/')) continue;
      // Anonymous requests to a route that needs a session stop at the 401 (tested above): a few.
      const batches: [Actor | undefined, number | undefined][] = [
        [undefined, route.access === 'public' ? undefined : 3],
      ];
      // Signing out ends the session the rest of the run uses: it is fuzzed anonymously only.
      // Wizard routes (access `activation`) take the activation token, not a session.
      if (
        route.url !== '/api/v1/auth/sign-out' &&
        route.access !== 'partial' &&
        route.access !== 'activation'
      )
        batches.push([current, undefined]);
      if (route.access === 'partial' || route.access === 'any-session') batches.push([partial, undefined]);
      for (const [who, n] of batches) {
        // Keep the sessions alive: a fuzz request may have ended them.
        if (
          who === current &&
          (await send({ method: 'GET', url: '/api/v1/session' }, current)).status !== 200
        )
          current = await signIn(admin.account, admin.secret);
        if (
          who === partial &&
          (await send({ method: 'GET', url: '/api/v1/auth/flow' }, partial)).status !== 200
        )
          partial = await partialSignIn(subscriber);
        const as = who === undefined ? undefined : who === partial ? partial : current;
        for (const request of fuzzRequests(route, random, uuidFor(), n)) {
          const answer = await send(request, as, '10.98.0.1');
          sent++;
          if (answer.status >= 500) serverErrors++;
          byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
          // API-client routes take HTTP Basic, not the session: their 401 is right and not counted.
          if (as && as === current && route.access !== 'api-client') {
            signedIn++;
            if (answer.status === 401 && route.access !== 'partial') signedInRefused++;
          }
          const problem = problemWith(answer, route);
          if (problem) failures.push(`${request.label} (${who ? 'signed in' : 'anonymous'}): ${problem}`);
        }
      }
    }
    t.diagnostic(`${sent} malformed requests, ${serverErrors} answered 5xx`);
    t.diagnostic(`by status: ${JSON.stringify(Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)))}`);
    // The signed-in requests reach validation instead of stopping at authentication.
    t.diagnostic(`signed in: ${signedIn} requests, ${signedInRefused} answered 401`);
    assert.ok(signedInRefused < signedIn / 20, 'signed-in requests reach validation');
    assert.ok(sent >= 300, `only ${sent} requests`);
    assert.deepEqual(failures, []);
  });

  it('answers malformed input to the wizard routes, sent with a valid activation token', async (t) => {
    // A registration started the real way; its token reaches validation and the use cases.
    let { token } = await startTestRegistration(rt, institutionA);
    const random = seededRandom(0xac71);
    const failures: string[] = [];
    let sent = 0;
    let unauthenticated = 0;
    const wizardRoutes = routes.filter((r) => r.access === 'activation');
    assert.ok(wizardRoutes.length >= 8, `only ${wizardRoutes.length} wizard routes`);
    for (const route of wizardRoutes)
      for (const request of fuzzRequests(route, random, uuidFor())) {
        const response = await app.inject({
          method: request.method as InjectOptions['method'],
          url: request.url,
          remoteAddress: '10.97.0.1',
          headers: {
            authorization: `Bearer ${token}`,
            ...(request.contentType ? { 'content-type': request.contentType } : {}),
          },
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        sent++;
        const contentType = String(response.headers['content-type'] ?? '');
        const body = (
          contentType.includes('json') && response.body ? JSON.parse(response.body) : {}
        ) as Answer['body'];
        const answer: Answer = { status: response.statusCode, contentType, body };
        if (answer.status === 401) unauthenticated++;
        const problem = problemWith(answer, route);
        if (problem) failures.push(`${request.label} (activation): ${problem}`);
        // A request that submitted or replaced the registration ends the link: start another.
        if (answer.status === 410 || (route.url.endsWith('/submit') && answer.status === 200))
          ({ token } = await startTestRegistration(rt, institutionA));
      }
    t.diagnostic(`${sent} malformed wizard requests, ${unauthenticated} answered 401`);
    assert.ok(sent >= 50, `only ${sent} requests`);
    assert.ok(unauthenticated < sent / 20, 'requests with the token reach validation');
    assert.deepEqual(failures, []);
  });

  it("answers malformed input to the API-client routes, sent with a valid client's HTTP Basic", async (t) => {
    // Past the authentication, so the requests reach the multipart reader, validation and use cases.
    const client = await createApiClient(identityContextOf(rt), { operator: 'test' }, institutionA, {
      description: 'Aplikasi uji rute',
      rateLimitPerMinute: 100_000,
    });
    const authorization = `Basic ${Buffer.from(`${client.username}:${client.secret}`).toString('base64')}`;
    const random = seededRandom(0xb5e1);
    const failures: string[] = [];
    let sent = 0;
    let unauthenticated = 0;
    let multipart = 0;
    const clientRoutes = routes.filter((r) => r.access === 'api-client');
    assert.ok(clientRoutes.length >= 8, `only ${clientRoutes.length} API-client routes`);
    for (const route of clientRoutes)
      for (const request of fuzzRequests(route, random, uuidFor())) {
        const response = await app.inject({
          method: request.method as InjectOptions['method'],
          url: request.url,
          remoteAddress: '10.96.0.1',
          headers: {
            authorization,
            ...(request.contentType ? { 'content-type': request.contentType } : {}),
          },
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        sent++;
        if (request.label.includes(' multipart ')) multipart++;
        const contentType = String(response.headers['content-type'] ?? '');
        const body = (
          contentType.includes('json') && response.body ? JSON.parse(response.body) : {}
        ) as Answer['body'];
        const answer: Answer = { status: response.statusCode, contentType, body };
        if (answer.status === 401) unauthenticated++;
        const problem = problemWith(answer, route);
        if (problem) failures.push(`${request.label} (api client): ${problem}`);
      }
    t.diagnostic(
      `${sent} malformed API-client requests (${multipart} multipart), ${unauthenticated} answered 401`,
    );
    assert.ok(multipart >= 50, `only ${multipart} multipart requests`);
    assert.equal(unauthenticated, 0, 'the requests pass the authentication');
    assert.deepEqual(failures, []);
  });

  describe('the requests of the outside fuzz that answered 500', () => {
    const expectInvalid = (answer: Answer, code = 'ERR_INPUT_INVALID') => {
      assert.equal(
        answer.status,
        errorCatalogue[code as keyof typeof errorCatalogue].status,
        JSON.stringify(answer.body),
      );
      assert.equal(answer.body.code, code);
      assert.match(answer.contentType, /^application\/problem\+json/);
    };
    const json = (method: string, url: string, body: unknown): FuzzRequest => ({
      method,
      url,
      payload: JSON.stringify(body),
      contentType: 'application/json',
      label: url,
    });

    it('a NUL in the sign-in login', async () => {
      expectInvalid(await send(json('POST', '/api/v1/auth/sign-in', { login: 'a\u0000b', password: 'x' })));
      expectInvalid(
        await send({
          ...json('POST', '/api/v1/auth/sign-in', {}),
          payload: '{"login":"a\\u0000b","password":"x"}',
        }),
      );
    });

    it('a NUL in forgot-password', async () => {
      expectInvalid(
        await send(json('POST', '/api/v1/auth/forgot-password', { email: 'a\u0000b@contoh.go.id' })),
      );
    });

    it('a NUL in the account search and in a new account', async () => {
      const admin = actors.get(`ca_admin@${institutionA}`)!;
      expectInvalid(await send({ method: 'GET', url: '/api/v1/admin/accounts?q=a%00b', label: 'q' }, admin));
      expectInvalid(
        await send(
          json('POST', '/api/v1/admin/accounts', {
            username: 'nul.user',
            email: 'nul@contoh.go.id',
            fullName: 'Nama\u0000Palsu',
            roles: ['subscriber'],
            institutionId: institutionA,
          }),
          admin,
        ),
      );
    });

    it('an account id of 36 dashes: 401 without a session, 400 with one', async () => {
      const url = '/api/v1/admin/accounts/------------------------------------';
      const anonymous = await send({ method: 'GET', url, label: url });
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.code, 'ERR_AUTH_REQUIRED');
      expectInvalid(await send({ method: 'GET', url, label: url }, actors.get(`ca_admin@${institutionA}`)));
    });

    it('an activity cursor of 2^63', async () => {
      const who = actors.get(`subscriber@${institutionA}`)!;
      for (const before of ['9223372036854775808', '9223372036854775807', '-1', '0', '1.5', 'abc'])
        expectInvalid(await send({ method: 'GET', url: `/api/v1/account/activity?before=${before}` }, who));
      const ok = await send({ method: 'GET', url: '/api/v1/account/activity?before=9007199254740991' }, who);
      assert.equal(ok.status, 200);
    });

    it('a new account whose institution id is not a UUID, or names no institution', async () => {
      const admin = actors.get(`ca_admin@${institutionA}`)!;
      const account = (institutionId: string) =>
        json('POST', '/api/v1/admin/accounts', {
          username: `inst.${crypto.randomBytes(3).toString('hex')}`,
          email: `inst.${crypto.randomBytes(3).toString('hex')}@contoh.go.id`,
          fullName: 'Akun Tanpa Instansi',
          roles: ['subscriber'],
          institutionId,
        });
      const [{ n: before } = { n: 0 }] = await rt.db.select({ n: count() }).from(accounts);
      expectInvalid(await send(account('not-a-uuid'), admin));
      const missing = await send(account(crypto.randomUUID()), admin);
      expectInvalid(missing);
      assert.match(JSON.stringify(missing.body), /institutionId/);
      const [{ n: after } = { n: 0 }] = await rt.db.select({ n: count() }).from(accounts);
      assert.equal(after, before, 'nothing was created');
      // And the same request with an institution that exists works.
      const created = await send(account(institutionB), admin);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const [row] = await rt.db.select().from(accounts).where(eq(accounts.institutionId, institutionB));
      assert.ok(row);
    });
  });
});
