/**
 * "Ubah Profil" (enrollment issue, seed 003 Pengaturan → Profil): the own profile with masked
 * personal data, "Cek ketersediaan email" and its quota, a change request checked by the
 * institution's data rules (profile-rules.ts), one pending at a time, cancellable, a new e-mail
 * address confirmed from that address before an RA officer may approve, the RA queue per
 * institution, approve (values applied with Riwayat Data, audit and the outcome e-mail) and
 * reject with a reason; nobody approves their own request.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  accounts,
  auditEvents,
  changeRequests,
  institutions,
  outbox,
  profileHistory,
  registrations,
} from '../../src/db/schema.js';
import { openPersonalText } from '../../src/enrollment/personal-data.js';
import { validProfileData, type ProfileRules } from '../../src/enrollment/profile-rules.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const PASSWORD = 'pohon cemara di bukit';
const institutionA = '00000000-0000-4000-8000-00000000c0a1';
const institutionB = '00000000-0000-4000-8000-00000000c0b1';

interface View {
  id: string;
  status: string;
  changes: { field: string; from: string | null; to: string | null }[];
  emailChange: boolean;
  emailConfirmed: boolean;
  reason: string | null;
}
interface Problem {
  code: string;
  detail?: string;
  details?: { field?: string };
}

const rules: ProfileRules = {
  emailDomains: ['contoh.go.id'],
  policy: {
    selfRegistration: false,
    nipCheckRequired: false,
    fourEyes: false,
    keystoreSelfService: false,
    renewalReusesVerifiedData: true,
    nameWithoutTitles: true,
    nameMaxLength: 25,
    jabatanForbiddenCharacters: '.()',
    jabatanMaxLength: 20,
    unitUnabbreviated: true,
    unitMaxLength: 150,
  },
};

describe('profile data rules (profile-rules.ts, as the wizard and Ubah Akun apply them)', () => {
  const refusal = (input: Record<string, unknown>, field: string, pattern: RegExp) =>
    assert.throws(
      () => validProfileData(rules, input),
      (e: Error & { code?: string; details?: { field?: string } }) =>
        e.code === 'ERR_INPUT_INVALID' && e.details?.field === field && pattern.test(e.message),
    );

  it('accepts good values, normalised', () => {
    assert.deepEqual(
      validProfileData(rules, {
        fullName: '  Siti   Nurhaliza ',
        gelarDepan: 'Dr.',
        gelarBelakang: 'S.Kom., M.T.',
        email: 'Siti@Contoh.go.id',
        jabatan: 'Analis Kebijakan',
        unitOrganisasi: 'Sekretariat Jenderal',
        province: 'jawa  barat',
      }),
      {
        fullName: 'Siti Nurhaliza',
        gelarDepan: 'Dr.',
        gelarBelakang: 'S.Kom., M.T.',
        email: 'siti@contoh.go.id',
        jabatan: 'Analis Kebijakan',
        unitOrganisasi: 'Sekretariat Jenderal',
        province: 'JAWA BARAT',
      },
    );
    assert.deepEqual(validProfileData(rules, { gelarDepan: '' }), { gelarDepan: null });
  });

  it('refuses each broken rule, naming the field and the rule', () => {
    refusal({ fullName: 'Dr Budi Santoso' }, 'fullName', /title/);
    refusal({ fullName: 'Budi Santoso, S.Kom' }, 'fullName', /without titles/);
    refusal({ fullName: 'Budi Santoso Wicaksono Adinegoro' }, 'fullName', /at most 25/);
    refusal({ fullName: 'Budi 2' }, 'fullName', /letters only/);
    refusal({ jabatan: 'Kepala (Plt.)' }, 'jabatan', /"\." "\(" "\)"/);
    refusal({ jabatan: 'Analis Kebijakan Ahli Madya' }, 'jabatan', /at most 20/);
    refusal({ unitOrganisasi: 'SETJEN' }, 'unitOrganisasi', /without abbreviations/);
    refusal({ province: 'Atlantis' }, 'province', /province/);
    refusal({ email: 'budi@lain.go.id' }, 'email', /@contoh\.go\.id/);
    refusal({ email: 'bukan-email' }, 'email', /valid/);
    refusal({ nik: '3273010101900001' }, 'nik', /not a field/);
  });

  it('follows the institution’s rules, not fixed ones', () => {
    const loose: ProfileRules = {
      emailDomains: [],
      policy: {
        ...rules.policy,
        nameWithoutTitles: false,
        nameMaxLength: 60,
        jabatanForbiddenCharacters: '',
        unitUnabbreviated: false,
      },
    };
    assert.deepEqual(
      validProfileData(loose, {
        fullName: 'Dr. Budi Santoso, S.Kom.',
        jabatan: 'Kepala (Plt.)',
        unitOrganisasi: 'SETJEN',
        email: 'budi@mana.saja.id',
      }),
      {
        fullName: 'Dr. Budi Santoso, S.Kom.',
        jabatan: 'Kepala (Plt.)',
        unitOrganisasi: 'SETJEN',
        email: 'budi@mana.saja.id',
      },
    );
  });
});

describe('Ubah Profil', () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let clock = Date.now();
  let seq = 0;
  let ipSeq = 0;
  const nextIp = () => `10.61.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;
  const staff = new Map<string, { account: AccountRow; client: ApiClient }>();

  const signIn = async (account: AccountRow): Promise<ApiClient> => {
    const client = new ApiClient(app, nextIp());
    await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, (clock += 30_000)));
    return client;
  };
  const subscriber = async (institutionId = institutionA) => {
    const n = ++seq;
    const { account, person } = await createVerifiedSubscriber(rt, {
      institutionId,
      email: `pelanggan${n}@contoh.go.id`,
      fullName: `Pelanggan Uji`,
      password: PASSWORD,
    });
    return { account, person, client: await signIn(account) };
  };
  const as = (who: string) => staff.get(who)!.client;
  const mailsTo = (accountId: string, template: string) =>
    rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, accountId), eq(outbox.template, template)));
  const confirmToken = async (accountId: string) => {
    const [mail] = await mailsTo(accountId, 'confirm-email');
    const message = await readOutboxMessage(
      rt.db,
      rt.masterKey,
      mail!.id,
      rt.config.organisationName,
      rt.notify.templates,
    );
    return {
      mail: message!,
      token: /\/konfirmasi-email#([A-Za-z0-9_-]{43})/.exec(message!.content!.text)![1]!,
    };
  };

  before(async () => {
    ({ rt } = await openTestRuntime({ TEKEN_FAILURE_DELAY_MS: '0', TEKEN_LOCKOUT_FAILURES: '50' }));
    app = (await buildApp(rt, { now: () => clock })).app;
    await rt.db.insert(institutions).values([
      { id: institutionA, code: 'PRA', name: 'Instansi Profil A', emailDomains: ['contoh.go.id'] },
      { id: institutionB, code: 'PRB', name: 'Instansi Profil B', emailDomains: ['contoh.go.id'] },
    ]);
    for (const [role, institution] of [
      ['ra_officer', institutionA],
      ['ra_officer', institutionB],
      ['institution_admin', institutionA],
      ['ca_admin', null],
    ] as const) {
      const account = await createTestAccount(rt, {
        prefix: 'petugas',
        n: ++seq,
        name: 'Petugas Profil',
        roles: [role],
        institutionId: institution,
        password: PASSWORD,
      });
      staff.set(`${role}@${institution ?? 'none'}`, { account, client: await signIn(account) });
    }
  });

  it('shows the own profile with the NIK, NIP and phone masked', async () => {
    const { client, person } = await subscriber();
    const { status, body } = await client.get<Record<string, unknown>>('/api/v1/profile');
    assert.equal(status, 200);
    assert.equal(body.fullName, 'Pelanggan Uji');
    assert.equal(body.unitOrganisasi, 'Sekretariat Jenderal');
    assert.equal(body.registrationStatus, 'verified');
    assert.equal(body.canRequestChange, true);
    assert.equal(body.nik, `${person.nik.slice(0, 4)}${'*'.repeat(10)}${person.nik.slice(-2)}`);
    assert.match(String(body.phone), /^\+62 812-\*{4}-\d{3}$/);
    const text = JSON.stringify(body);
    for (const secret of [person.nik, person.nip, person.phone.slice(1)]) assert.ok(!text.includes(secret));
    // An administrator without a registration gets the account fields and no change form.
    const admin = await as('ca_admin@none').get<Record<string, unknown>>('/api/v1/profile');
    assert.equal(admin.status, 200);
    assert.equal(admin.body.registrationStatus, null);
    assert.equal(admin.body.canRequestChange, false);
    const refused = await as('ca_admin@none').post<Problem>('/api/v1/profile/change-requests', {
      jabatan: 'Analis',
    });
    assert.equal(refused.body.code, 'ERR_PROFILE_NOT_VERIFIED');
  });

  it('checks whether an e-mail address is free, within a quota', async () => {
    const { client, account } = await subscriber();
    const other = await subscriber();
    const check = (email: string) =>
      client.post<{ available: boolean; reason: string | null } & Problem>(
        '/api/v1/profile/email-availability',
        { email },
      );
    assert.deepEqual((await check('baru.sekali@contoh.go.id')).body, {
      email: 'baru.sekali@contoh.go.id',
      available: true,
      reason: null,
    });
    assert.equal((await check(account.email.toUpperCase())).body.reason, 'current');
    assert.equal((await check(other.account.email)).body.reason, 'taken');
    const outside = await check('budi@lain.go.id');
    assert.equal(outside.status, 400);
    assert.equal(outside.body.details?.field, 'email');
    // 20 an hour: the rest of the hour is refused.
    let last = await check('x@contoh.go.id');
    for (let i = 0; i < 20 && last.status === 200; i++) last = await check(`x${i}@contoh.go.id`);
    assert.equal(last.status, 429);
    assert.equal(last.body.code, 'ERR_AUTH_THROTTLED');
  });

  it('refuses changes the rules forbid, the NIK, and a request that changes nothing', async () => {
    const { client } = await subscriber();
    const post = (body: unknown) => client.post<Problem>('/api/v1/profile/change-requests', body);
    const titled = await post({ fullName: 'Prof Pelanggan' });
    assert.equal(titled.status, 400);
    assert.equal(titled.body.details?.field, 'fullName');
    assert.equal((await post({ nik: '3273010101900001' })).status, 400);
    const same = await post({ fullName: 'Pelanggan Uji', province: 'DKI Jakarta' });
    assert.equal(same.status, 400);
    assert.match(same.body.detail ?? '', /No field differs/);
    assert.equal((await rt.db.select().from(changeRequests)).filter((r) => r.fields.length === 0).length, 0);
  });

  it('keeps one pending request, sealed, and lets its owner cancel it', async () => {
    const { client, account } = await subscriber();
    const created = await client.post<View>('/api/v1/profile/change-requests', {
      jabatan: 'Pranata Komputer',
      province: 'Jawa Timur',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'pending');
    assert.deepEqual(created.body.changes, [
      { field: 'jabatan', from: 'Analis Kebijakan', to: 'Pranata Komputer' },
      { field: 'province', from: 'DKI JAKARTA', to: 'JAWA TIMUR' },
    ]);
    const [row] = await rt.db.select().from(changeRequests).where(eq(changeRequests.id, created.body.id));
    assert.deepEqual(row!.fields, ['jabatan', 'province']);
    assert.ok(!Buffer.from(row!.sealedChanges).toString('latin1').includes('Pranata'));
    const second = await client.post<Problem>('/api/v1/profile/change-requests', { jabatan: 'Analis' });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'ERR_CHANGE_REQUEST_PENDING');
    // Someone else cannot cancel it.
    const stranger = await subscriber();
    const foreign = await stranger.client.post<Problem>(
      `/api/v1/profile/change-requests/${created.body.id}/cancel`,
    );
    assert.equal(foreign.body.code, 'ERR_CHANGE_REQUEST_NOT_FOUND');
    const cancelled = await client.post<View>(`/api/v1/profile/change-requests/${created.body.id}/cancel`);
    assert.equal(cancelled.body.status, 'cancelled');
    const again = await client.post<Problem>(`/api/v1/profile/change-requests/${created.body.id}/cancel`);
    assert.equal(again.body.code, 'ERR_CHANGE_REQUEST_DECIDED');
    const mine = await client.get<{ requests: View[] }>('/api/v1/profile/change-requests');
    assert.deepEqual(
      mine.body.requests.map((r) => r.status),
      ['cancelled'],
    );
    const [audit] = await rt.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'change_request.cancelled'),
          eq(auditEvents.actor, `account:${account.id}`),
        ),
      );
    assert.ok(audit);
  });

  it('needs a new e-mail address confirmed from that address, then an RA officer approves it', async () => {
    const { client, account } = await subscriber();
    const newEmail = `alamat.baru${seq}@contoh.go.id`;
    const created = await client.post<View>('/api/v1/profile/change-requests', {
      fullName: 'Pelanggan Baru',
      email: newEmail,
      gelarBelakang: 'S.Kom.',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.emailChange, true);
    assert.equal(created.body.emailConfirmed, false);
    const { mail, token } = await confirmToken(account.id);
    assert.equal(mail.subject, '[Teken] Konfirmasi Email');
    assert.match(mail.recipient, /^a\*+@contoh\.go\.id$/);

    // The RA desk sees it, but may not approve before the confirmation.
    const ra = as(`ra_officer@${institutionA}`);
    const queue = await ra.get<{ total: number; requests: { id: string; fields: string[] }[] }>(
      '/api/v1/ra/change-requests',
    );
    assert.ok(queue.body.requests.some((r) => r.id === created.body.id));
    const early = await ra.post<Problem>(`/api/v1/ra/change-requests/${created.body.id}/approve`);
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED');
    // Tinjau Ulang's "Tautan Aktif" lists the open confirmation link (seed 003), without its token.
    const links = await ra.get<{ links: { action: string; expiresAt: string }[] }>(
      `/api/v1/admin/accounts/${account.id}/links`,
    );
    assert.equal(links.status, 200, JSON.stringify(links.body));
    assert.ok(
      links.body.links.some((l) => l.action === 'CONFIRM_EMAIL'),
      JSON.stringify(links.body),
    );
    assert.ok(!JSON.stringify(links.body).includes(token));

    // A wrong token is unknown; the right one confirms once.
    const wrong = await new ApiClient(app, nextIp()).post<Problem>('/api/v1/profile/confirm-email', {
      token: 'A'.repeat(43),
    });
    assert.equal(wrong.body.code, 'ERR_LINK_INVALID');
    const confirmed = await new ApiClient(app, nextIp()).post<{ confirmed: boolean }>(
      '/api/v1/profile/confirm-email',
      { token },
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const reused = await new ApiClient(app, nextIp()).post<Problem>('/api/v1/profile/confirm-email', {
      token,
    });
    assert.equal(reused.body.code, 'ERR_LINK_USED');

    // Another institution's officer and an institution admin see and decide nothing.
    const otherRa = as(`ra_officer@${institutionB}`);
    const otherQueue = await otherRa.get<{ requests: { id: string }[] }>('/api/v1/ra/change-requests');
    assert.ok(!otherQueue.body.requests.some((r) => r.id === created.body.id));
    assert.equal((await otherRa.get(`/api/v1/ra/change-requests/${created.body.id}`)).status, 404);
    assert.equal((await otherRa.post(`/api/v1/ra/change-requests/${created.body.id}/approve`)).status, 404);
    assert.equal(
      (
        await as(`institution_admin@${institutionA}`).post(
          `/api/v1/ra/change-requests/${created.body.id}/approve`,
        )
      ).status,
      403,
    );

    const detail = await ra.get<View & { canDecide: boolean }>(
      `/api/v1/ra/change-requests/${created.body.id}`,
    );
    assert.equal(detail.body.canDecide, true);
    assert.equal(detail.body.emailConfirmed, true);
    const approved = await ra.post<View>(`/api/v1/ra/change-requests/${created.body.id}/approve`);
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');

    const [after] = await rt.db.select().from(accounts).where(eq(accounts.id, account.id));
    assert.equal(after!.email, newEmail);
    assert.equal(after!.fullName, 'Pelanggan Baru');
    const [registration] = await rt.db
      .select()
      .from(registrations)
      .where(eq(registrations.accountId, account.id));
    assert.equal(registration!.gelarBelakang, 'S.Kom.');
    const history = await rt.db.select().from(profileHistory).where(eq(profileHistory.accountId, account.id));
    assert.deepEqual(history.map((h) => h.field).sort(), ['email', 'fullName', 'gelarBelakang']);
    for (const h of history) {
      assert.equal(h.cause, `change_request:${created.body.id}`);
      assert.equal(h.changedBy, staff.get(`ra_officer@${institutionA}`)!.account.id);
      assert.ok(!Buffer.from(h.sealedValues).toString('latin1').includes('Pelanggan'));
    }
    const name = history.find((h) => h.field === 'fullName')!;
    assert.deepEqual(
      JSON.parse(openPersonalText(rt.masterKey, 'profile_history.values', account.id, name.sealedValues)!),
      { old: 'Pelanggan Uji', new: 'Pelanggan Baru' },
    );
    const audits = await rt.db
      .select()
      .from(auditEvents)
      .where(like(auditEvents.target, `change-request:${created.body.id}`));
    assert.deepEqual(audits.map((a) => a.action).sort(), [
      'change_request.approved',
      'change_request.created',
      'change_request.email_confirmed',
      'change_request.viewed',
    ]);
    const [told] = await mailsTo(account.id, 'profile-change-approved');
    assert.ok(told, 'the subscriber is told');
    assert.match(told.subject ?? '', /Persetujuan Perubahan Data/);
    const decidedTwice = await ra.post<Problem>(`/api/v1/ra/change-requests/${created.body.id}/approve`);
    assert.equal(decidedTwice.body.code, 'ERR_CHANGE_REQUEST_DECIDED');
    // The profile shows the outcome.
    const profile = await client.get<{ email: string; latestRequest: View }>('/api/v1/profile');
    assert.equal(profile.body.email, newEmail);
    assert.equal(profile.body.latestRequest.status, 'approved');
  });

  it('rejects with a reason the subscriber is told; nobody decides their own request', async () => {
    const { client, account } = await subscriber();
    const created = await client.post<View>('/api/v1/profile/change-requests', { jabatan: 'Arsiparis' });
    const ra = as(`ra_officer@${institutionA}`);
    const noReason = await ra.post<Problem>(`/api/v1/ra/change-requests/${created.body.id}/reject`, {
      reason: '   ',
    });
    assert.equal(noReason.status, 400);
    const rejected = await ra.post<View>(`/api/v1/ra/change-requests/${created.body.id}/reject`, {
      reason: 'Jabatan tidak sesuai SK.',
    });
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(rejected.body.reason, 'Jabatan tidak sesuai SK.');
    const [registration] = await rt.db
      .select()
      .from(registrations)
      .where(eq(registrations.accountId, account.id));
    assert.equal(registration!.jabatan, 'Analis Kebijakan');
    assert.equal((await mailsTo(account.id, 'profile-change-rejected')).length, 1);

    // An RA officer who is also the subscriber cannot approve their own change.
    const own = await subscriber();
    await rt.db
      .update(accounts)
      .set({ roles: ['subscriber', 'ra_officer'] })
      .where(eq(accounts.id, own.account.id));
    const mine = await own.client.post<View>('/api/v1/profile/change-requests', { jabatan: 'Pengelola' });
    const self = await own.client.post<Problem>(`/api/v1/ra/change-requests/${mine.body.id}/approve`);
    assert.equal(self.status, 403);
    const detail = await own.client.get<{ canDecide: boolean }>(`/api/v1/ra/change-requests/${mine.body.id}`);
    assert.equal(detail.body.canDecide, false);
    // A CA admin may decide any institution's.
    const approved = await as('ca_admin@none').post<View>(
      `/api/v1/ra/change-requests/${mine.body.id}/approve`,
    );
    assert.equal(approved.body.status, 'approved');
  });
});
