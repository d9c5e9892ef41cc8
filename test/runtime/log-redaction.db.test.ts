import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { before, describe, it } from 'node:test';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { accounts } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/build-app.js';
import { registerProblemHandlers } from '../../src/http/problem.js';
import { createAccount } from '../../src/identity/accounts.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import { createLogger, redactUrl } from '../../src/runtime/logger.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { loadConfig } from '../../src/config/load-config.js';
import { onCleanup } from '../helpers/cleanup.js';
import { testEnv } from '../helpers/test-runtime.js';

// Synthetic personal data that must never reach a log line.
const USERNAME = 'sitinurhaliza77';
const EMAIL = 'siti.nurhaliza77@contoh.go.id';
const FULL_NAME = 'Siti Nurhaliza Binti Tarudin';
const SEARCH = 'nurhaliza-cari-rahasia';
const PASSWORD = 'kuda liar berlari kencang';

describe('logs carry no personal data', () => {
  let rt: Runtime;
  const lines: string[] = [];
  const output = () => lines.join('');

  before(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    const log = createLogger('debug', stream);
    rt = await openRuntime(loadConfig(await testEnv({ TEKEN_FAILURE_DELAY_MS: '0' })), { log });
    onCleanup(() => rt.close());
  });

  const newAccount = (username: string, email: string, institutionId?: string) =>
    rt.db.transaction((tx) =>
      createAccount(
        identityContextOf(rt),
        tx,
        { username, email, fullName: FULL_NAME, roles: ['subscriber'], password: PASSWORD, institutionId },
        'test',
      ),
    );
  /** An institution that does not exist: the insert violates the foreign key, in the database. */
  const NO_INSTITUTION = '00000000-0000-4000-8000-0000000000ff';
  /** An account row straight into the table (createAccount itself checks the institution first). */
  const orphanAccount = (username: string, email: string) =>
    rt.db.insert(accounts).values({
      id: crypto.randomUUID(),
      username,
      email,
      fullName: FULL_NAME,
      institutionId: NO_INSTITUTION,
      roles: ['subscriber'],
      requiredActions: [],
      locale: 'id',
    });

  it('keeps query values out of logged URLs, and the sign-in out of the log', async () => {
    const { app } = await buildApp(rt);
    onCleanup(() => app.close());
    await newAccount(USERNAME, EMAIL);
    const search = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/accounts?q=${SEARCH}&email=${encodeURIComponent(EMAIL)}&limit=20`,
    });
    assert.ok([400, 401].includes(search.statusCode), search.body);
    for (const login of [USERNAME, EMAIL]) {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ login, password: 'bukan kata sandinya' }),
      });
      assert.equal(signIn.statusCode, 401);
    }
    // The request was logged, with its path and the parameter names.
    assert.ok(output().includes('/api/v1/admin/accounts?q&email&limit'), output());
  });

  it('keeps the parameters and quoted values of a failing database call out of the log', async () => {
    // The insert of an account in an institution that does not exist violates a foreign key:
    // drizzle's error quotes the query and its parameters, PostgreSQL's (its cause) the key.
    let failure: unknown;
    try {
      await orphanAccount(`${USERNAME}b`, `b.${EMAIL}`);
    } catch (error) {
      failure = error;
    }
    assert.ok(failure instanceof Error);
    const unredacted = `${failure.message} ${JSON.stringify((failure.cause as object | undefined) ?? {})} ${String(
      (failure.cause as { detail?: string } | undefined)?.detail,
    )}`;
    assert.ok(unredacted.includes(EMAIL), `the error itself quotes the values: ${unredacted}`);
    assert.ok(unredacted.includes(NO_INSTITUTION), 'and the key');

    // Through the API's error handler, as a route would meet it.
    // As in build-app.ts: the cast pins Fastify's logger type parameter to its base type.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const app = Fastify({ loggerInstance: rt.log as FastifyBaseLogger });
    registerProblemHandlers(app);
    app.post('/create', async () => orphanAccount(`${USERNAME}c`, `c.${EMAIL}`));
    const response = await app.inject({ method: 'POST', url: '/create' });
    // The foreign key is mapped to the catalogue (db/map-database-error.ts), naming no value.
    assert.equal(response.statusCode, 400);
    assert.doesNotMatch(response.body, /nurhaliza/i);
    await app.close();

    // And logged directly, as background jobs do.
    rt.log.error({ err: failure }, 'creating the account failed');
    rt.log.error(failure);
    rt.log.warn(`failed: ${failure.message}`);

    const text = output();
    assert.ok(text.includes('"code":"23503"'), 'the error code is kept');
    assert.ok(text.includes('accounts_institution_id'), 'the constraint name is kept');
    assert.ok(text.includes('[redacted]'));
  });

  it('has written none of the synthetic values', () => {
    const text = output().toLowerCase();
    assert.ok(lines.length > 5);
    for (const value of [USERNAME, EMAIL, FULL_NAME, SEARCH, PASSWORD, NO_INSTITUTION, 'nurhaliza'])
      assert.ok(
        !text.includes(value.toLowerCase()),
        `"${value}" is in the log:\n${lines.filter((l) => l.toLowerCase().includes(value.toLowerCase())).join('')}`,
      );
  });

  it('keeps parameter names of a URL, never values', () => {
    assert.equal(redactUrl('/api/v1/accounts'), '/api/v1/accounts');
    assert.equal(redactUrl('/api/v1/accounts?q=budi&limit=20'), '/api/v1/accounts?q&limit');
    assert.equal(redactUrl('/ocsp?'), '/ocsp');
    assert.equal(redactUrl('/x?flag&a=1=2'), '/x?flag&a');
  });
});
