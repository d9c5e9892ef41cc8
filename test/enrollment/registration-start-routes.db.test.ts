/**
 * Starting a registration (enrollment issue): the console's invitation and re-send
 * (`POST /api/v1/registrations`, `…/:accountId/resend-activation`), the HR systems' BSrE API
 * (`POST /api/v2/user/registration` and `/register`, over real HTTP with HTTP Basic) and
 * self-registration (`/api/v1/self-registration`). Each sends "[BSrE] Aktivasi Akun" to a real SMTP
 * server with a `/aktivasi#<token>` link that `withRegistrationLink` opens; a re-send ends the old
 * link; the guard's quotas apply; and self-registration answers the same whatever the e-mail.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createApiClient } from '../../src/enrollment/create-api-client.js';
import { withRegistrationLink } from '../../src/enrollment/registration-link.js';
import {
  accounts,
  apiClients,
  auditEvents,
  institutions,
  outbox,
  registrations,
} from '../../src/db/schema.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { identityContextOf } from '../../src/runtime/identity-context-of.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { ApiClient } from '../helpers/api-client.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const PASSWORD = 'sungai panjang mengalir jauh';
const ORGANISATION = 'Balai Sertifikasi Elektronik Uji';
const institutionA = '00000000-0000-4000-8000-00000000e0a1';
const institutionB = '00000000-0000-4000-8000-00000000e0b1';
const openInstitution = '00000000-0000-4000-8000-00000000e0c1';
const closedOpenInstitution = '00000000-0000-4000-8000-00000000e0d1';
const LINK_EMAILS = 4;
const SELF_PER_ADDRESS = 6;

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface Started {
  accountId: string;
  resent: boolean;
  expiresAt: string;
}

describe('starting a registration', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let base: string;
  let seq = 0;
  let ipSeq = 0;
  const nextIp = () => `10.66.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;
  const consoles = new Map<string, { client: ApiClient; account: AccountRow }>();
  let existing: AccountRow;

  before(async () => {
    smtp = await startSmtpServer();
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    server = await startTestServer({
      TEKEN_PORT: String(port),
      TEKEN_PUBLIC_URL: base,
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_ORGANISATION_NAME: ORGANISATION,
      TEKEN_LINK_EMAILS_PER_HOUR: String(LINK_EMAILS),
      TEKEN_SELF_REGISTRATIONS_PER_HOUR: String(SELF_PER_ADDRESS),
    });
    await server.rt.db.insert(institutions).values([
      { id: institutionA, code: 'REGA', name: 'Instansi Registrasi A', emailDomains: ['contoh.go.id'] },
      { id: institutionB, code: 'REGB', name: 'Instansi Registrasi B', emailDomains: ['b.contoh.go.id'] },
      {
        id: openInstitution,
        code: 'REGC',
        name: 'Instansi Terbuka',
        emailDomains: ['terbuka.go.id'],
        selfRegistration: true,
      },
      {
        id: closedOpenInstitution,
        code: 'REGD',
        name: 'Instansi Nonaktif',
        emailDomains: ['nonaktif.go.id'],
        selfRegistration: true,
        active: false,
      },
    ]);
    for (const [role, institution] of [
      ['ca_admin', null],
      ['ra_officer', institutionA],
      ['institution_admin', institutionA],
      ['ra_officer', institutionB],
      ['subscriber', institutionA],
    ] as const) {
      const account = await createTestAccount(server.rt, {
        prefix: 'undang',
        n: ++seq,
        name: 'Petugas Undang',
        roles: [role],
        institutionId: institution,
        password: PASSWORD,
      });
      const client = new ApiClient(server.web.app, nextIp());
      await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, Date.now()));
      consoles.set(`${role}@${institution ?? 'none'}`, { client, account });
    }
    existing = await createTestAccount(server.rt, {
      prefix: 'sudahada',
      n: 1,
      name: 'Sudah Terdaftar',
      roles: ['subscriber'],
      institutionId: openInstitution,
      password: PASSWORD,
    });
    // An account of the open institution's domain, for self-registration's "existing account".
    await server.rt.db
      .update(accounts)
      .set({ email: 'sudah.ada@terbuka.go.id' })
      .where(eq(accounts.id, existing.id));
  });

  const as = (who: string) => consoles.get(who)!;
  const ctx = () => enrollmentContextOf(server.rt);

  const waitForMail = async (to: string, after = 0): Promise<ParsedMail> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = smtp.received
        .slice(after)
        .find((m) => m.rcptTo.includes(to) && /Aktivasi Akun$/.test(m.mail.subject ?? ''));
      if (found) return found.mail;
      if (Date.now() > deadline) assert.fail(`no "Aktivasi Akun" e-mail to ${to}`);
      await sleep(100);
    }
  };
  const tokenOf = (mail: ParsedMail) => {
    const match = /\/aktivasi#([A-Za-z0-9_-]+)/.exec(`${mail.text ?? ''} ${String(mail.html)}`);
    assert.ok(match, 'the mail has an /aktivasi# link');
    assert.ok((mail.text ?? '').includes(`${base}/aktivasi#`), 'the link points at this server');
    return match[1]!;
  };
  /** The account id the token opens, or the error code. */
  const open = async (token: string) => {
    try {
      return await withRegistrationLink(ctx(), token, '127.0.0.1', (_tx, opened) =>
        Promise.resolve(opened.account.id),
      );
    } catch (error) {
      if (isTekenError(error)) return error.code;
      throw error;
    }
  };
  const email = (local: string, domain = 'contoh.go.id') => `${local}.${++seq}@${domain}`;

  describe('an invitation from the console', () => {
    it('starts a registration and mails a link the wizard accepts', async () => {
      const officer = as(`ra_officer@${institutionA}`);
      const address = email('budi.santoso');
      const mark = smtp.received.length;
      const answer = await officer.client.post<Started>('/api/v1/registrations', {
        institutionId: institutionA,
        fullName: 'Budi Santoso',
        email: address,
      });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      assert.equal(answer.body.resent, false);
      const hours = (Date.parse(answer.body.expiresAt) - Date.now()) / 3_600_000;
      assert.ok(hours > 23.9 && hours <= 24, `${hours} h`);
      const [row] = await server.rt.db
        .select({ status: accounts.status, reg: registrations })
        .from(accounts)
        .innerJoin(registrations, eq(registrations.accountId, accounts.id))
        .where(eq(accounts.id, answer.body.accountId));
      assert.equal(row?.status, 'pending');
      assert.equal(row.reg.status, 'invited');
      assert.equal(row.reg.source, 'invite');
      assert.equal(row.reg.institutionId, institutionA);
      const [audit] = await server.rt.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'registration.started'),
            eq(auditEvents.target, `account:${answer.body.accountId}`),
          ),
        );
      assert.equal(audit?.actor, `account:${officer.account.id}`);

      const mail = await waitForMail(address, mark);
      assert.match(mail.subject ?? '', /^\[Balai Sertifikasi Elektronik Uji\] Aktivasi Akun$/);
      assert.match(mail.text ?? '', /Hai Budi Santoso/);
      assert.match(mail.text ?? '', new RegExp(ORGANISATION));
      assert.equal(await open(tokenOf(mail)), answer.body.accountId);
    });

    it('lets RA officers and institution admins invite at their own institution, CA admins anywhere', async () => {
      const invite = (who: string, institutionId: string, domain = 'contoh.go.id') =>
        as(who).client.post<Started & { code?: string }>('/api/v1/registrations', {
          institutionId,
          fullName: 'Siti Aminah',
          email: email('siti', domain),
        });
      assert.equal((await invite(`institution_admin@${institutionA}`, institutionA)).status, 201);
      assert.equal((await invite('ca_admin@none', institutionB, 'b.contoh.go.id')).status, 201);
      for (const who of [`ra_officer@${institutionB}`, `subscriber@${institutionA}`]) {
        const refused = await invite(who, institutionA);
        assert.equal(refused.status, 403, who);
        assert.equal(refused.body.code, 'ERR_AUTH_FORBIDDEN');
      }
    });

    it('refuses an e-mail outside the domains, a registered e-mail and malformed fields, naming the field', async () => {
      const officer = as(`ra_officer@${institutionA}`).client;
      const post = (body: Record<string, unknown>) =>
        officer.post<{ code: string; detail: string; details?: { field?: string } }>(
          '/api/v1/registrations',
          {
            institutionId: institutionA,
            fullName: 'Dewi Lestari',
            email: email('dewi'),
            ...body,
          },
        );
      const outside = await post({ email: 'dewi@gmail.com' });
      assert.equal(outside.status, 400);
      assert.equal(outside.body.details?.field, 'email');
      assert.match(outside.body.detail, /@contoh\.go\.id/);
      const taken = await post({ email: as(`subscriber@${institutionA}`).account.email });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.code, 'ERR_ACCOUNT_EXISTS');
      const blank = await post({ fullName: '   ' });
      assert.equal(blank.status, 400);
      assert.equal(blank.body.details?.field, 'fullName');
      assert.equal((await post({ email: 'bukan-email' })).status, 400);
      assert.equal((await post({ institutionId: 'x' })).status, 400);
      const missing = await as('ca_admin@none').client.post('/api/v1/registrations', {
        institutionId: '00000000-0000-4000-8000-00000000ffff',
        fullName: 'Dewi Lestari',
        email: email('dewi'),
      });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'ERR_INSTITUTION_NOT_FOUND');
    });

    it('re-sends the link of an open registration, ending the old one, within the quota', async () => {
      const officer = as(`ra_officer@${institutionA}`).client;
      const address = email('rina');
      let mark = smtp.received.length;
      const invited = await officer.post<Started>('/api/v1/registrations', {
        institutionId: institutionA,
        fullName: 'Rina Wati',
        email: address,
      });
      assert.equal(invited.status, 201);
      const first = tokenOf(await waitForMail(address, mark));
      mark = smtp.received.length;
      const url = `/api/v1/registrations/${invited.body.accountId}/resend-activation`;
      const resent = await officer.post<Started>(url);
      assert.equal(resent.status, 200, JSON.stringify(resent.body));
      assert.equal(resent.body.resent, true);
      assert.equal(resent.body.accountId, invited.body.accountId);
      const second = tokenOf(await waitForMail(address, mark));
      assert.notEqual(second, first);
      assert.equal(await open(first), 'ERR_LINK_EXPIRED');
      assert.equal(await open(second), invited.body.accountId);

      // Another institution's officer may not; an unknown registration is 404.
      assert.equal((await as(`ra_officer@${institutionB}`).client.post(url)).status, 403);
      const unknown = await officer.post(
        '/api/v1/registrations/00000000-0000-4000-8000-00000000ffff/resend-activation',
      );
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, 'ERR_REGISTRATION_NOT_FOUND');

      // The link e-mails of one address are limited (the invitation and the re-send used two).
      for (let i = 2; i < LINK_EMAILS; i++) assert.equal((await officer.post(url)).status, 200);
      const limited = await officer.post<{ code: string; details: { retryAfterSeconds: number } }>(url);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'ERR_AUTH_THROTTLED');
      assert.ok(limited.body.details.retryAfterSeconds > 0);
    });

    it('refuses a re-send once the registration is submitted', async () => {
      const officer = as(`ra_officer@${institutionA}`).client;
      const invited = await officer.post<Started>('/api/v1/registrations', {
        institutionId: institutionA,
        fullName: 'Agus Salim',
        email: email('agus'),
      });
      await server.rt.db
        .update(registrations)
        .set({ status: 'submitted' })
        .where(eq(registrations.accountId, invited.body.accountId));
      const refused = await officer.post(`/api/v1/registrations/${invited.body.accountId}/resend-activation`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'ERR_REGISTRATION_CLOSED');
    });
  });

  describe("the HR system's API (BSrE, HTTP Basic, real HTTP)", () => {
    const newClient = (input: { allowedCidrs?: string[]; rateLimitPerMinute?: number } = {}) =>
      createApiClient(identityContextOf(server.rt), { operator: 'cli:test' }, institutionA, {
        description: 'SIMPEG Uji',
        ...input,
      });
    const call = async (
      authorization: string | undefined,
      body: unknown,
      path = '/api/v2/user/registration',
      contentType = 'application/json',
    ) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          ...(authorization === undefined ? {} : { authorization }),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      return { status: response.status, headers: response.headers, body: json };
    };
    const assertBsreError = (
      answer: { status: number; body: Record<string, unknown> },
      status: number,
      code: string,
    ) => {
      assert.equal(answer.status, status, JSON.stringify(answer.body));
      assert.equal(answer.body.status, false);
      assert.equal(typeof answer.body.error, 'string');
      assert.equal(answer.body.message, answer.body.error);
      assert.equal(answer.body.code, code);
    };

    it('starts a registration on both paths; the mail arrives with a link the wizard accepts', async () => {
      const client = await newClient();
      const auth = basic(client.username, client.secret);
      for (const path of ['/api/v2/user/registration', '/api/v2/user/register']) {
        const address = email('pegawai');
        const mark = smtp.received.length;
        const answer = await call(auth, { nama: 'Pegawai Negeri', email: address }, path);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.equal(answer.body.status, true);
        assert.ok(!('error' in answer.body));
        assert.match(String(answer.body.message), /Registrasi berhasil/);
        const data = answer.body.data as {
          accountId: string;
          email: string;
          resent: boolean;
          expiresAt: string;
        };
        assert.equal(data.email, address);
        assert.equal(data.resent, false);
        const [reg] = await server.rt.db
          .select()
          .from(registrations)
          .where(eq(registrations.accountId, data.accountId));
        assert.equal(reg?.source, 'hr_api');
        assert.equal(reg.institutionId, institutionA);
        const [audit] = await server.rt.db
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.action, 'registration.started'),
              eq(auditEvents.target, `account:${data.accountId}`),
            ),
          );
        assert.equal(audit?.actor, `api-client:${client.id}`);
        const mail = await waitForMail(address, mark);
        assert.match(mail.subject ?? '', /Aktivasi Akun$/);
        assert.equal(await open(tokenOf(mail)), data.accountId);
      }
    });

    it('refuses missing, malformed, wrong and disabled credentials and a source outside the allowlist', async () => {
      const client = await newClient();
      const body = { nama: 'Tanpa Izin', email: email('izin') };
      const missing = await call(undefined, body);
      assertBsreError(missing, 401, 'ERR_API_CLIENT_UNAUTHORIZED');
      assert.match(missing.headers.get('www-authenticate') ?? '', /^Basic realm="Teken"/);
      assertBsreError(await call('Basic !!!not-base64', body), 401, 'ERR_API_CLIENT_UNAUTHORIZED');
      assertBsreError(await call(`Bearer ${client.secret}`, body), 401, 'ERR_API_CLIENT_UNAUTHORIZED');
      assertBsreError(
        await call(basic(client.username, `${client.secret}x`), body),
        401,
        'ERR_API_CLIENT_UNAUTHORIZED',
      );

      const disabled = await newClient();
      await server.rt.db.update(apiClients).set({ enabled: false }).where(eq(apiClients.id, disabled.id));
      assertBsreError(
        await call(basic(disabled.username, disabled.secret), body),
        403,
        'ERR_API_CLIENT_DISABLED',
      );

      const fenced = await newClient({ allowedCidrs: ['192.0.2.0/24'] });
      assertBsreError(await call(basic(fenced.username, fenced.secret), body), 403, 'ERR_API_CLIENT_ADDRESS');

      // None of them started anything.
      const [row] = await server.rt.db.select().from(accounts).where(eq(accounts.email, body.email));
      assert.equal(row, undefined);
    });

    it("limits each client's calls per minute (429 with Retry-After)", async () => {
      const client = await newClient({ rateLimitPerMinute: 2 });
      const auth = basic(client.username, client.secret);
      for (let i = 0; i < 2; i++)
        assert.equal((await call(auth, { nama: 'Pegawai Cepat', email: email('cepat') })).status, 200);
      const limited = await call(auth, { nama: 'Pegawai Cepat', email: email('cepat') });
      assertBsreError(limited, 429, 'ERR_API_CLIENT_RATE_LIMITED');
      // Whole seconds within the minute's window, as the body says.
      const retry = limited.headers.get('retry-after');
      assert.match(retry ?? '', /^\d+$/);
      assert.ok(Number(retry) >= 1 && Number(retry) <= 60);
      assert.equal(limited.body.retryAfterSeconds, Number(retry));
    });

    it("answers malformed bodies with 400 in BSrE's shape, never a 5xx", async () => {
      const client = await newClient({ rateLimitPerMinute: 1000 });
      const auth = basic(client.username, client.secret);
      const bad: [unknown, string?][] = [
        ['{"nama": "Budi", "email":'],
        ['not json at all'],
        [{}],
        [[]],
        ['null'],
        [{ nama: 'Budi' }],
        [{ email: email('tanpa.nama') }],
        [{ nama: { depan: 'Budi' }, email: email('objek') }],
        [{ nama: '   ', email: email('kosong') }],
        [{ nama: 'Budi\u0000Santoso', email: email('nul') }],
        [{ nama: 'x'.repeat(201), email: email('panjang') }],
        [{ nama: 'Budi', email: 'bukan-email' }],
        ['nama=Budi&email=budi@contoh.go.id', 'application/x-www-form-urlencoded'],
      ];
      for (const [body, type] of bad) {
        const answer = await call(auth, body, undefined, type);
        assert.ok(answer.status >= 400 && answer.status < 500, `${JSON.stringify(body)}: ${answer.status}`);
        assert.equal(answer.body.status, false, JSON.stringify(answer.body));
        assert.equal(typeof answer.body.error, 'string');
        if (!type)
          assert.equal(answer.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
      }
      // Fields BSrE does not document are accepted and ignored.
      const extra = await call(auth, {
        nama: 'Budi Lebih',
        email: email('lebih'),
        nik: '3171',
        telepon: '0812',
      });
      assert.equal(extra.status, 200, JSON.stringify(extra.body));
    });

    it('answers two simultaneous calls for one address as one after the other: started, then re-sent', async () => {
      const client = await newClient({ rateLimitPerMinute: 1000 });
      const auth = basic(client.username, client.secret);
      // Truly concurrent on PostgreSQL (two connections): both transactions may read "no such
      // address" before either inserts; the loser's unique violation is retried, not answered.
      for (let i = 0; i < 8; i++) {
        const address = email(`serentak${i}`);
        const answers = await Promise.all([
          call(auth, { nama: 'Pegawai Serentak', email: address }),
          call(auth, { nama: 'Pegawai Serentak', email: address }, '/api/v2/user/register'),
        ]);
        for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
        const data = answers.map((a) => a.body.data as { accountId: string; resent: boolean });
        assert.deepEqual(data.map((d) => d.resent).sort(), [false, true]);
        assert.equal(data[0]!.accountId, data[1]!.accountId);
        const rows = await server.rt.db.select().from(accounts).where(eq(accounts.email, address));
        assert.equal(rows.length, 1);
      }
    });

    it('refuses a nama or email that is not a JSON string, on both paths, instead of coercing it', async () => {
      const client = await newClient({ rateLimitPerMinute: 1000 });
      const auth = basic(client.username, client.secret);
      const cases: [Record<string, unknown>, string][] = [
        [{ nama: 12345, email: email('angka') }, 'nama'],
        [{ nama: ['Budi Santoso'], email: email('larik') }, 'nama'],
        [{ nama: true, email: email('boolean') }, 'nama'],
        [{ nama: 'Budi Santoso', email: ['budi.larik@contoh.go.id'] }, 'email'],
      ];
      for (const path of ['/api/v2/user/registration', '/api/v2/user/register'])
        for (const [body, field] of cases) {
          const answer = await call(auth, body, path);
          assertBsreError(answer, 400, 'ERR_INPUT_INVALID');
          assert.match(String(answer.body.error), new RegExp(`${field} must be text`));
        }
      for (const [body] of cases) {
        const address = Array.isArray(body.email) ? String(body.email[0]) : String(body.email);
        const [row] = await server.rt.db.select().from(accounts).where(eq(accounts.email, address));
        assert.equal(row, undefined, `${address} was not registered`);
      }
    });

    it('refuses an e-mail outside the domains and a registered one; re-sends for an open registration', async () => {
      const client = await newClient({ rateLimitPerMinute: 1000 });
      const auth = basic(client.username, client.secret);
      const outside = await call(auth, { nama: 'Orang Luar', email: 'orang.luar@gmail.com' });
      assertBsreError(outside, 400, 'ERR_INPUT_INVALID');
      assert.match(String(outside.body.error), /^email: .*@contoh\.go\.id/);
      const taken = await call(auth, {
        nama: 'Sudah Ada',
        email: as(`ra_officer@${institutionA}`).account.email,
      });
      assertBsreError(taken, 409, 'ERR_ACCOUNT_EXISTS');

      const address = email('ulang');
      let mark = smtp.received.length;
      const first = await call(auth, { nama: 'Pegawai Ulang', email: address });
      assert.equal(first.status, 200);
      const oldToken = tokenOf(await waitForMail(address, mark));
      mark = smtp.received.length;
      const again = await call(auth, { nama: 'Pegawai Ulang', email: address }, '/api/v2/user/register');
      assert.equal(again.status, 200, JSON.stringify(again.body));
      const data = again.body.data as { accountId: string; resent: boolean };
      assert.equal(data.resent, true);
      assert.equal(data.accountId, (first.body.data as { accountId: string }).accountId);
      const newToken = tokenOf(await waitForMail(address, mark));
      assert.equal(await open(oldToken), 'ERR_LINK_EXPIRED');
      assert.equal(await open(newToken), data.accountId);
    });
  });

  describe('self-registration', () => {
    const register = (body: Record<string, unknown>, ip: string) =>
      server.web.app.inject({
        method: 'POST',
        url: '/api/v1/self-registration',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });

    it('lists only the active institutions open for it', async () => {
      const response = await fetch(`${server.url}/api/v1/self-registration/institutions`);
      assert.equal(response.status, 200);
      const { institutions: list } = (await response.json()) as {
        institutions: { id: string; name: string; emailDomains: string[] }[];
      };
      assert.deepEqual(
        list.filter((i) => i.id.startsWith('00000000-0000-4000-8000-00000000e0')),
        [{ id: openInstitution, name: 'Instansi Terbuka', emailDomains: ['terbuka.go.id'] }],
      );
    });

    it('answers the same for a new e-mail, an open registration and an existing account', async () => {
      const ip = nextIp();
      const address = email('mandiri', 'terbuka.go.id');
      let mark = smtp.received.length;
      const first = await register(
        { institutionId: openInstitution, fullName: 'Warga Mandiri', email: address },
        ip,
      );
      assert.equal(first.statusCode, 202, first.body);
      const oldToken = tokenOf(await waitForMail(address, mark));
      const [reg] = await server.rt.db
        .select({ reg: registrations })
        .from(registrations)
        .innerJoin(accounts, eq(accounts.id, registrations.accountId))
        .where(eq(accounts.email, address));
      assert.equal(reg?.reg.source, 'self');
      assert.equal(reg.reg.invitedBy, 'self');

      mark = smtp.received.length;
      const again = await register(
        { institutionId: openInstitution, fullName: 'Warga Mandiri', email: address },
        ip,
      );
      assert.equal(again.statusCode, 202);
      assert.equal(again.body, first.body);
      const newToken = tokenOf(await waitForMail(address, mark));
      assert.equal(await open(oldToken), 'ERR_LINK_EXPIRED');
      assert.equal(await open(newToken), reg.reg.accountId);

      const known = await register(
        { institutionId: openInstitution, fullName: 'Orang Lain', email: 'SUDAH.ADA@terbuka.go.id' },
        ip,
      );
      assert.equal(known.statusCode, 202);
      assert.equal(known.body, first.body);
      const mails = await server.rt.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.accountId, existing.id), eq(outbox.template, 'activate-account')));
      assert.equal(mails.length, 0, 'nothing is sent to an existing account');
      const [still] = await server.rt.db.select().from(accounts).where(eq(accounts.id, existing.id));
      assert.equal(still?.status, 'active');
      assert.equal(still.fullName, existing.fullName);
    });

    it('refuses closed institutions and e-mails outside the domains, naming the field', async () => {
      const ip = nextIp();
      for (const institutionId of [institutionA, closedOpenInstitution]) {
        const refused = await register({ institutionId, fullName: 'Warga', email: email('warga') }, ip);
        assert.equal(refused.statusCode, 403, refused.body);
        const body = JSON.parse(refused.body) as { code: string; detail: string; details: { field: string } };
        assert.equal(body.code, 'ERR_SELF_REGISTRATION_CLOSED');
        assert.equal(body.details.field, 'institutionId');
      }
      const outside = await register(
        { institutionId: openInstitution, fullName: 'Warga', email: 'warga@gmail.com' },
        ip,
      );
      assert.equal(outside.statusCode, 400);
      const body = JSON.parse(outside.body) as { detail: string; details: { field: string } };
      assert.equal(body.details.field, 'email');
      assert.match(body.detail, /@terbuka\.go\.id/);
      const unknown = await register(
        {
          institutionId: '00000000-0000-4000-8000-00000000ffff',
          fullName: 'Warga',
          email: email('w', 'terbuka.go.id'),
        },
        ip,
      );
      assert.equal(unknown.statusCode, 404);
      const blank = await register(
        { institutionId: openInstitution, fullName: ' ', email: email('w', 'terbuka.go.id') },
        ip,
      );
      assert.equal(blank.statusCode, 400);
      assert.equal((JSON.parse(blank.body) as { details: { field: string } }).details.field, 'fullName');
    });

    it('limits requests per source address and e-mails per address', async () => {
      const ip = nextIp();
      const address = email('kuota', 'terbuka.go.id');
      const body = { institutionId: openInstitution, fullName: 'Warga Kuota', email: address };
      for (let i = 0; i < SELF_PER_ADDRESS; i++) assert.equal((await register(body, ip)).statusCode, 202);
      const limited = await register(body, ip);
      assert.equal(limited.statusCode, 429);
      assert.equal((JSON.parse(limited.body) as { code: string }).code, 'ERR_AUTH_THROTTLED');
      // Another address is not refused, but the e-mail's quota was spent: nothing more is queued.
      assert.equal((await register(body, nextIp())).statusCode, 202);
      const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.email, address));
      const mails = await server.rt.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.accountId, account!.id), eq(outbox.template, 'activate-account')));
      assert.equal(mails.length, LINK_EMAILS);
    });
  });
});
