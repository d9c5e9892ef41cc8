import assert from 'node:assert/strict';
import type { AccountRow } from '../../src/identity/accounts.js';
import { createAccount } from '../../src/identity/accounts.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import type { ApiClient } from './api-client.js';

/** A synthetic account `<prefix><n>` (`<prefix><n>@contoh.go.id`, "<name> <n>") with a password. */
export function createTestAccount(
  rt: Runtime,
  input: {
    prefix: string;
    n: number;
    name: string;
    roles: AccountRow['roles'];
    institutionId?: string | null;
    password: string;
  },
): Promise<AccountRow> {
  return rt.db.transaction((tx) =>
    createAccount(
      identityContextOf(rt),
      tx,
      {
        username: `${input.prefix}${input.n}`,
        email: `${input.prefix}${input.n}@contoh.go.id`,
        fullName: `${input.name} ${input.n}`,
        roles: input.roles,
        institutionId: input.institutionId ?? null,
        password: input.password,
      },
      'test',
    ),
  );
}

/**
 * The first sign-in of an account without an authenticator, through the API: the password, then
 * "Mobile Authenticator Setup" with a first code from `code(secret)`; ends signed in. Returns the
 * authenticator's secret.
 */
export async function firstSignIn(
  client: ApiClient,
  login: string,
  password: string,
  code: (secret: string) => string | Promise<string>,
): Promise<string> {
  const first = await client.post('/api/v1/auth/sign-in', { login, password });
  assert.equal(first.body.next, 'configure_totp', JSON.stringify(first.body));
  const { secret } = (await client.post<{ secret: string }>('/api/v1/auth/totp/enrollment')).body;
  const done = await client.post('/api/v1/auth/totp/confirm', {
    code: await code(secret),
    deviceName: 'Ponsel',
  });
  assert.equal(done.body.next, 'done', JSON.stringify(done.body));
  return secret;
}
