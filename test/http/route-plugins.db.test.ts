/**
 * Route groups are encapsulated plugins: one may carry its own authentication scheme and error
 * format (a BSrE-shaped eSign group with HTTP Basic and `{"status":false,"error":"…"}`) while the
 * rest of the API stays problem+json; a route that declares no access, or an access its plugin
 * does not enforce, stops the app from starting; the CSRF token is compared in constant time;
 * response schemas drop undeclared fields; the OpenAPI document is valid.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyError, FastifyInstance } from 'fastify';
import { TekenError, isTekenError } from '../../src/errors/teken-error.js';
import { useAuthScheme } from '../../src/http/access.js';
import { buildApp } from '../../src/http/build-app.js';
import { validationMessage } from '../../src/http/problem.js';
import { routeGroup } from '../../src/http/route-group.js';
import { object, responses, strictObject, text } from '../../src/http/schemas.js';
import { csrfTokenMatches } from '../../src/http/session-auth.js';
import { createAccount } from '../../src/identity/accounts.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

declare module 'fastify' {
  interface FastifyRequest {
    apiClient?: string;
  }
}

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();

/** A stand-in for the eSign API group: its own Basic scheme and BSrE's error body. */
const esignLike = routeGroup<{ clients: Record<string, string> }>((app, { clients }) => {
  useAuthScheme(app, {
    name: 'basic',
    enforces: (access) => access === 'api-client',
    authenticate: (request, reply) => {
      const header = request.headers.authorization ?? '';
      const [scheme, encoded] = header.split(' ');
      const [user, ...rest] = Buffer.from(encoded ?? '', 'base64')
        .toString('utf8')
        .split(':');
      const expected = clients[user ?? ''];
      // Hashes of equal length, so the comparison takes the same time whatever was sent.
      const ok =
        scheme?.toLowerCase() === 'basic' &&
        crypto.timingSafeEqual(digest(rest.join(':')), digest(expected ?? crypto.randomUUID())) &&
        expected !== undefined;
      if (!ok) {
        void reply.header('www-authenticate', 'Basic realm="esign", charset="UTF-8"');
        throw new TekenError('ERR_AUTH_REQUIRED', 'Unauthorized');
      }
      request.apiClient = user!;
    },
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = isTekenError(error) ? error.status : error.validation ? 400 : 500;
    const message = isTekenError(error)
      ? error.message
      : error.validation
        ? validationMessage(error, error.validation)
        : 'Proses signing gagal';
    return reply.code(status).type('application/json').send({ status: false, error: message, message });
  });
  app.post<{ Body: { nik: string } }>(
    '/test/esign/api/v2/user/check/status',
    {
      config: { access: 'api-client' },
      schema: {
        body: object({ nik: text(16, { minLength: 16 }) }, ['nik']),
        response: { 200: strictObject({ status_code: { type: 'integer' }, status: { type: 'string' } }) },
      },
    },
    // `internal` is not in the schema: the serializer drops it.
    (request) => ({ status_code: 1111, status: 'ISSUE', internal: request.apiClient }),
  );
});

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('route groups as plugins', () => {
  let rt: Runtime;
  let app: FastifyInstance;

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0' }));
    app = (
      await buildApp(rt, {
        plugins: [
          routeGroup((root) => {
            void root.register(esignLike, { clients: { 'client-a': 'rahasia-a' } });
          }),
        ],
      })
    ).app;
  });

  const status = (headers: Record<string, string>, payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/test/esign/api/v2/user/check/status',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(payload),
    });

  it('a plugin answers in its own error format with its own scheme, before validation', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: basic('client-a', 'salah') },
      { authorization: 'Bearer x' },
    ];
    for (const headers of attempts) {
      // The body is invalid too: authentication answers first.
      const response = await status(headers, { nik: 'a\u0000b'.padEnd(16, '0') });
      assert.equal(response.statusCode, 401);
      assert.match(String(response.headers['www-authenticate']), /^Basic /);
      assert.deepEqual(response.json(), { status: false, error: 'Unauthorized', message: 'Unauthorized' });
    }
    const invalid = await status(
      { authorization: basic('client-a', 'rahasia-a') },
      { nik: 'a\u0000b'.padEnd(16, '0') },
    );
    assert.equal(invalid.statusCode, 400);
    assert.match(String(invalid.headers['content-type']), /^application\/json/);
    const body = invalid.json<{ status: boolean; error: string }>();
    assert.equal(body.status, false);
    assert.match(body.error, /control characters/);
  });

  it('the route answers a client that authenticates, with only the declared fields', async () => {
    const ok = await status({ authorization: basic('client-a', 'rahasia-a') }, { nik: '3171234567890123' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { status_code: 1111, status: 'ISSUE' });
  });

  it('the rest of the API stays problem+json', async () => {
    const session = await app.inject({ method: 'GET', url: '/api/v1/session' });
    assert.equal(session.statusCode, 401);
    assert.match(String(session.headers['content-type']), /^application\/problem\+json/);
    assert.equal(session.json<{ code: string }>().code, 'ERR_AUTH_REQUIRED');
    const basicIsNotASession = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: basic('client-a', 'rahasia-a') },
    });
    assert.equal(basicIsNotASession.statusCode, 401);
  });

  it('refuses to start with a route that declares no access', async () => {
    await assert.rejects(
      buildApp(rt, {
        plugins: [
          routeGroup((root) => {
            root.get('/api/v1/forgotten', () => ({}));
          }),
        ],
      }),
      /GET \/api\/v1\/forgotten: the route declares no access/,
    );
  });

  it('refuses to start with an access that no scheme of the plugin enforces', async () => {
    await assert.rejects(
      buildApp(rt, {
        plugins: [
          routeGroup((root) => {
            root.get('/api/v1/unguarded', { config: { access: 'session' } }, () => ({}));
          }),
        ],
      }),
      /GET \/api\/v1\/unguarded: access session is enforced by no authentication scheme of its plugin/,
    );
    await assert.rejects(
      buildApp(rt, {
        plugins: [
          routeGroup((root) => {
            void root.register(esignLike, { clients: {} });
          }),
          // A sibling plugin: the eSign plugin's Basic scheme is encapsulated and guards nothing here.
          routeGroup((root) => {
            root.get('/api/v1/outside', { config: { access: 'api-client' } }, () => ({}));
          }),
        ],
      }),
      /access api-client is enforced by no authentication scheme/,
    );
  });
});

describe('the CSRF token', () => {
  it('is compared in constant time, and a missing, repeated or differently long one is refused', () => {
    const token = crypto.randomBytes(32).toString('base64url');
    assert.equal(csrfTokenMatches(token, token), true);
    assert.equal(csrfTokenMatches(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, token), false);
    assert.equal(csrfTokenMatches(token.slice(1), token), false);
    assert.equal(csrfTokenMatches(`${token}x`, token), false);
    assert.equal(csrfTokenMatches('', token), false);
    assert.equal(csrfTokenMatches(undefined, token), false);
    assert.equal(csrfTokenMatches([token, token], token), false);
    // Multi-byte text whose UTF-16 length equals the token's but whose bytes do not.
    assert.equal(csrfTokenMatches('é'.repeat(token.length), token), false);
  });

  it('guards the writes of a session', async () => {
    const { rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0' });
    const app = (await buildApp(rt)).app;
    const password = 'kuda liar berlari kencang';
    await rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(rt),
        tx,
        {
          username: 'csrf.user',
          email: 'csrf@contoh.go.id',
          fullName: 'Uji CSRF',
          roles: ['subscriber'],
          password,
        },
        'test',
      ),
    );
    const client = new ApiClient(app);
    assert.equal((await client.post('/api/v1/auth/sign-in', { login: 'csrf.user', password })).status, 200);
    const good = client.csrf!;
    for (const wrong of [`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`, good.slice(2), '']) {
      const response = await client.post('/api/v1/auth/totp/enrollment', {}, { 'x-csrf-token': wrong });
      assert.equal(response.status, 403, wrong);
      assert.equal(response.body.code, 'ERR_AUTH_CSRF');
    }
    assert.equal((await client.post('/api/v1/auth/totp/enrollment', {})).status, 200);
  });
});

describe('the OpenAPI document', () => {
  let doc: {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    components?: { schemas?: Record<string, unknown> };
  };
  let routes: Awaited<ReturnType<typeof buildApp>>['routes'];

  before(async () => {
    const { rt } = await openTestRuntime();
    const built = await buildApp(rt);
    routes = built.routes;
    doc = (await built.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  it('documents every JSON route of the API with its answers and failures', () => {
    for (const route of routes.filter((r) => r.url.startsWith('/api/v1/'))) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${path} is documented`);
      const codes = Object.keys(operation.responses ?? {});
      assert.ok(
        codes.some((c) => /^2/.test(c)),
        `${route.method} ${path} has a success response`,
      );
      assert.ok(codes.includes('4XX') || codes.includes('4xx'), `${route.method} ${path} documents 4xx`);
    }
    for (const name of ['Problem', 'Account', 'AdminAccount', 'StepResult'])
      assert.ok(doc.components?.schemas?.[name], `component ${name}`);
  });

  it('keeps helper schemas usable as plain objects', () => {
    // responses() adds the failures to whatever success the route declares.
    assert.deepEqual(Object.keys(responses({ 200: {} })), ['200', '4xx', '5xx']);
  });
});
