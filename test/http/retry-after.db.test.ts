/**
 * Every answer of the attempt guard and of the quotas carries Retry-After (RFC 9110 §10.2.3), in
 * seconds, the same number as the body's `details.retryAfterSeconds` and within the guard's
 * window: over real HTTP, for the sign-in guard (per source address), the WhatsApp code's resend
 * interval and its hourly quota per number. The API client's per-minute limit is tested in BSrE's
 * shape in test/enrollment/registration-start-routes.db.test.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { institutions } from '../../src/db/schema.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { startFakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { startTestRegistration } from '../helpers/registration.js';
import { startTestServer } from '../helpers/test-server.js';

const institutionId = '00000000-0000-4000-8000-00000000e1a1';
const FIFTEEN_MINUTES = 15 * 60;
const HOUR = 3600;

interface Problem {
  code: string;
  details?: { retryAfterSeconds?: number };
}

describe('Retry-After on refused answers', () => {
  let server: RunningServer;

  before(async () => {
    const wa = await startFakeWhatsApp();
    server = await startTestServer({
      ...wa.env(),
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_ADDRESS_FAILURES: '10',
      TEKEN_PHONE_CODES_PER_HOUR: '1',
    });
    await server.rt.db.insert(institutions).values({ id: institutionId, code: 'RTA', name: 'Instansi Uji' });
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { response, body: (await response.json()) as Problem };
  };

  /** The answer is a 429 problem+json whose Retry-After is its retryAfterSeconds, within `window`. */
  const assertRetryAfter = (answer: { response: Response; body: Problem }, code: string, window: number) => {
    assert.equal(answer.response.status, 429, JSON.stringify(answer.body));
    assert.equal(answer.body.code, code);
    assert.match(answer.response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const header = answer.response.headers.get('retry-after');
    assert.match(header ?? '', /^\d+$/, 'Retry-After is whole seconds');
    const seconds = Number(header);
    assert.equal(seconds, answer.body.details?.retryAfterSeconds);
    assert.ok(seconds >= 1 && seconds <= window, `${seconds} s within ${window} s`);
  };

  it('on "Kirim Ulang" too soon, and on the hourly quota of codes to one number', async () => {
    const first = await startTestRegistration(server.rt, institutionId);
    const second = await startTestRegistration(server.rt, institutionId);
    const send = (token: string) =>
      post(
        '/api/v1/registration/phone/code',
        { phone: '081234567011' },
        { authorization: `Bearer ${token}` },
      );
    const sent = await send(first.token);
    assert.equal(sent.response.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.response.headers.get('retry-after'), null);
    assertRetryAfter(await send(first.token), 'ERR_PHONE_CODE_TOO_SOON', 30);
    // Another registration asking for the same number: the number's quota (1 an hour) is spent.
    assertRetryAfter(await send(second.token), 'ERR_PHONE_CODE_QUOTA', HOUR);
  });

  // Last: a blocked address is refused on every secret-guessing path, the wizard's token too.
  it('on the sign-in guard, once the address has spent its failures', async () => {
    const attempts = [];
    for (let i = 0; i < 11; i++)
      attempts.push(await post('/api/v1/auth/sign-in', { login: `tidak.ada${i}`, password: 'salah sekali' }));
    assert.deepEqual(
      attempts.map((a) => a.response.status),
      [...Array<number>(10).fill(401), 429],
    );
    // A wrong answer is not a refusal: it says nothing of when to retry.
    assert.equal(attempts[0]!.response.headers.get('retry-after'), null);
    assertRetryAfter(attempts[10]!, 'ERR_AUTH_THROTTLED', FIFTEEN_MINUTES);
  });
});
