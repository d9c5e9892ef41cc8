/**
 * One-off measurement for the hardening issue (not a test, not part of `npm run bench`): bursts of
 * simultaneous wrong guesses against a listening `teken serve` over real HTTP connections, and the
 * time of the third failure for a known account and an unknown login, with the default limits.
 *   node --import tsx bench/measure-guard.ts [pglite|postgres]
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config/load-config.js';
import { auditEvents, throttles } from '../src/db/schema.js';
import { createAccount } from '../src/identity/accounts.js';
import { currentTotp } from '../src/identity/totp.js';
import { identityContextOf } from '../src/runtime/identity-context-of.js';
import { startServer } from '../src/runtime/start-server.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const env: Record<string, string> = {
  TEKEN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'teken-guard-')),
  TEKEN_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
  TEKEN_LOG_LEVEL: 'silent',
  TEKEN_PORT: '0',
  TEKEN_PUBLIC_URL: 'http://127.0.0.1:3000',
};
let dbName: string | undefined;
if (engine === 'postgres') {
  dbName = `teken_guard_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${dbName}`;
}
const server = await startServer(loadConfig(env));
const { rt, url } = server;

class Client {
  cookie?: string;
  csrf?: string;
  async post(p: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(url + p, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, body: json };
  }
}

const PASSWORD = 'ombak besar di samudra';
let n = 0;
const account = async () => {
  n++;
  return rt.db.transaction((tx) =>
    createAccount(
      identityContextOf(rt),
      tx,
      {
        username: `ukur${n}`,
        email: `ukur${n}@contoh.go.id`,
        fullName: `Ukur ${n}`,
        roles: ['subscriber'],
        password: PASSWORD,
      },
      'measure',
    ),
  );
};
const count = async (accountId: string, action: string) =>
  Number(
    (
      await rt.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(and(eq(auditEvents.target, `account:${accountId}`), eq(auditEvents.action, action)))
    )[0]!.n,
  );
const statuses = (xs: { status: number }[]) =>
  Object.entries(xs.reduce<Record<number, number>>((m, x) => ((m[x.status] = (m[x.status] ?? 0) + 1), m), {}))
    .map(([s, k]) => `${s}×${k}`)
    .join(' ');

// 300 wrong authenticator codes at once on one half-finished sign-in.
const a = await account();
const c = new Client();
await c.post('/api/v1/auth/sign-in', { login: a.username, password: PASSWORD });
const { body } = await c.post('/api/v1/auth/totp/enrollment', {});
await c.post('/api/v1/auth/totp/confirm', {
  code: currentTotp(body.secret as string, Date.now()),
  deviceName: 'P',
});
const s = new Client();
await s.post('/api/v1/auth/sign-in', { login: a.username, password: PASSWORD });
const burst = await Promise.all(
  Array.from({ length: 300 }, () => s.post('/api/v1/auth/otp', { code: '000000' })),
);
const [otpRow] = await rt.db
  .select()
  .from(throttles)
  .where(eq(throttles.key, `otp:acct:${a.id}`));
const [ipRow] = await rt.db.select().from(throttles).where(eq(throttles.key, 'auth:ip:127.0.0.1'));
console.log(
  `${engine}: 300 wrong codes at once → ${await count(a.id, 'auth.otp_failed')} evaluated (limit ${rt.config.identity.lockoutFailures}); account counter ${otpRow?.failures}, address counter ${ipRow?.failures} (limit ${rt.config.identity.addressFailures}); answers ${statuses(burst)}`,
);

// 40 wrong passwords at once on one account.
await rt.db.delete(throttles);
const b = await account();
const pw = await Promise.all(
  Array.from({ length: 40 }, (_, i) =>
    new Client().post('/api/v1/auth/sign-in', { login: b.username, password: `salah ${i}` }),
  ),
);
console.log(
  `${engine}: 40 wrong passwords at once → ${await count(b.id, 'auth.password_failed')} evaluated (limit ${rt.config.identity.lockoutFailures}); answers ${statuses(pw)}`,
);

// The third failure: known account against unknown login (default TEKEN_FAILURE_DELAY_MS).
await rt.db.delete(throttles);
const k = await account();
const third = async (login: string) => {
  let ms = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await new Client().post('/api/v1/auth/sign-in', { login, password: 'salah' });
    ms = performance.now() - t;
  }
  return ms;
};
console.log(
  `${engine}: third failure → known ${(await third(k.username)).toFixed(0)} ms, unknown ${(await third('tidak.ada.sama.sekali')).toFixed(0)} ms`,
);
await server.close();
if (dbName) {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
}
