/**
 * The RA desk through the HTTP API of a listening server (real SMTP server for the mail): the queue
 * with its filters and search (NIK / NIP through the lookup hash), Tinjau Ulang with its audited
 * reads, the selfie and KTP, Ubah Akun and Riwayat Data, Jenis Permohonan, marking a phone verified,
 * four-eyes approval, rejection with its e-mail, and the subscriber's first sign-in from the
 * "[BSrE] Informasi Akun" mail, then with the NIK. Officers of another institution see nothing.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  accounts,
  auditEvents,
  institutions,
  outbox,
  profileHistory,
  registrations,
} from '../../src/db/schema.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { currentTotp } from '../../src/identity/totp.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { ApiClient } from '../helpers/api-client.js';
import {
  ktpJpeg,
  selfieJpeg,
  submittedRegistration,
  type SubmittedRegistration,
} from '../helpers/registration.js';
import { syntheticNik } from '../helpers/synthetic-identity.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';

const PASSWORD = 'kuda liar berlari kencang';
const NEW_PASSWORD = 'gajah putih menari riang';
const institutionA = '00000000-0000-4000-8000-0000000000aa';
const institutionB = '00000000-0000-4000-8000-0000000000bb';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Overview {
  status: string;
  personal: { nik: string; phone: string; phoneVerifiedBy: string | null; fullName: string };
  employment: { nip: string; jabatan: string; organisasi: string; nipVerifiedBy: string; province: string };
  certificate: { products: string[]; certificates: unknown[] };
  accountStatus: { userType: string; verificationStatus: string };
  consents: { document: string; version: string; acceptedAt: string }[];
  photos: { selfie: boolean; ktp: boolean };
  decision: { fourEyes: boolean; firstApprovedBy: string | null };
  permissions: Record<string, boolean>;
}

describe('the RA desk', () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let seq = 0;
  let ipSeq = 0;
  const clients = new Map<string, { client: ApiClient; account: AccountRow }>();
  let r1: SubmittedRegistration;
  let r2: SubmittedRegistration;
  let r3: SubmittedRegistration;

  /** A new account of `role`, signed in (authenticator set up) on its own client. */
  const staff = async (name: string, role: AccountRow['roles'][number], institutionId: string | null) => {
    const account = await createTestAccount(server.rt, {
      prefix: 'petugas',
      n: ++seq,
      name: 'Petugas RA',
      roles: [role],
      institutionId,
      password: PASSWORD,
    });
    const client = new ApiClient(server.web.app, `10.7.0.${++ipSeq}`);
    await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, Date.now()));
    clients.set(name, { client, account });
  };
  const as = (name: string) => clients.get(name)!.client;
  const idOf = (name: string) => clients.get(name)!.account.id;
  const events = (action: string, target: string) =>
    server.rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.target, target)));
  const waitForMail = async (to: string, subject: RegExp) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = smtp.received.find((m) => m.rcptTo.includes(to) && subject.test(m.mail.subject ?? ''));
      if (found) return found.mail;
      if (Date.now() > deadline)
        assert.fail(
          `no ${String(subject)} e-mail to ${to} (got ${smtp.received.map((m) => m.mail.subject).join(' | ')})`,
        );
      await sleep(100);
    }
  };

  before(async () => {
    smtp = await startSmtpServer();
    const port = await closedPort();
    server = await startTestServer({
      TEKEN_PORT: String(port),
      TEKEN_PUBLIC_URL: `http://127.0.0.1:${port}`,
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_FAILURE_DELAY_MS: '0',
      TEKEN_ORGANISATION_NAME: 'BSrE',
    });
    await server.rt.db.insert(institutions).values([
      { id: institutionA, code: 'RAA', name: 'Badan Siber dan Sandi Negara', fourEyes: true },
      { id: institutionB, code: 'RAB', name: 'Instansi Lain', fourEyes: false },
    ]);
    await staff('raA1', 'ra_officer', institutionA);
    await staff('raA2', 'ra_officer', institutionA);
    await staff('adminA', 'institution_admin', institutionA);
    await staff('raB', 'ra_officer', institutionB);
    await staff('ca', 'ca_admin', null);
    await staff('subscriberA', 'subscriber', institutionA);
    r1 = await submittedRegistration(server.rt, { institutionId: institutionA, ktp: true });
    r2 = await submittedRegistration(server.rt, { institutionId: institutionA });
    r3 = await submittedRegistration(server.rt, { institutionId: institutionB });
  });

  describe('the queue', () => {
    type List = { total: number; registrations: { accountId: string; status: string; fullName: string }[] };
    const ids = (body: List) => body.registrations.map((r) => r.accountId).sort();

    it('shows an RA officer the waiting registrations of their own institution only', async () => {
      const mine = await as('raA1').get<List>('/api/v1/ra/registrations');
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.deepEqual(ids(mine.body), [r1.accountId, r2.accountId].sort());
      assert.ok(mine.body.registrations.every((r) => r.status === 'submitted'));
      const theirs = await as('raB').get<List>('/api/v1/ra/registrations');
      assert.deepEqual(ids(theirs.body), [r3.accountId]);
      const admin = await as('adminA').get<List>('/api/v1/ra/registrations');
      assert.equal(admin.body.total, 2);
      const all = await as('ca').get<List>('/api/v1/ra/registrations');
      assert.ok(ids(all.body).includes(r3.accountId) && ids(all.body).includes(r1.accountId));
      const onlyB = await as('ca').get<List>(`/api/v1/ra/registrations?institutionId=${institutionB}`);
      assert.deepEqual(ids(onlyB.body), [r3.accountId]);
    });

    it('refuses another institution, and subscribers', async () => {
      const other = await as('raA1').get(`/api/v1/ra/registrations?institutionId=${institutionB}`);
      assert.equal(other.status, 403);
      assert.equal((await as('subscriberA').get('/api/v1/ra/registrations')).status, 403);
    });

    it('searches by name, e-mail, NIK and NIP, and filters by status and date, with paging', async () => {
      const find = async (q: string) =>
        ids((await as('raA1').get<List>(`/api/v1/ra/registrations?q=${encodeURIComponent(q)}`)).body);
      assert.deepEqual(await find(r1.person.fullName), [r1.accountId]);
      assert.deepEqual(await find(r2.email.slice(0, 12).toUpperCase()), [r2.accountId]);
      assert.deepEqual(await find(r1.person.nik), [r1.accountId]);
      assert.deepEqual(await find(r2.person.nip), [r2.accountId]);
      // As printed: a NIP in its groups, a NIK with spaces.
      const nip = r2.person.nip;
      assert.deepEqual(await find(`${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}`), [
        r2.accountId,
      ]);
      assert.deepEqual(await find(` ${r1.person.nik.replace(/(\d{4})(?=\d)/g, '$1 ')} `), [r1.accountId]);
      // Another institution's NIK finds nothing here; a part of a NIK is no NIK search.
      assert.deepEqual(await find(r3.person.nik), []);
      assert.deepEqual(await find(r1.person.nik.slice(0, 10)), []);
      const verified = await as('raA1').get<List>('/api/v1/ra/registrations?status=verified');
      assert.equal(verified.body.total, 0);
      const past = await as('raA1').get<List>('/api/v1/ra/registrations?to=2020-01-01T00:00:00Z');
      assert.equal(past.body.total, 0);
      const since = await as('raA1').get<List>('/api/v1/ra/registrations?from=2020-01-01T00:00:00Z');
      assert.equal(since.body.total, 2);
      const page = await as('raA1').get<List>('/api/v1/ra/registrations?limit=1&offset=1');
      assert.equal(page.body.total, 2);
      assert.equal(page.body.registrations.length, 1);
      const bad = await as('raA1').get('/api/v1/ra/registrations?from=kemarin');
      assert.equal(bad.status, 400);
    });
  });

  describe('Tinjau Ulang', () => {
    it('shows the Overview to an RA officer, and audits the read without the values', async () => {
      const res = await as('raA1').get<Overview>(`/api/v1/ra/registrations/${r1.accountId}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.headers['cache-control'], 'no-store');
      const o = res.body;
      assert.equal(o.personal.nik, r1.person.nik);
      assert.equal(o.personal.phone, r1.phone);
      assert.equal(o.personal.phoneVerifiedBy, null);
      assert.equal(o.employment.nip, r1.person.nip);
      assert.equal(o.employment.organisasi, 'Badan Siber dan Sandi Negara');
      assert.equal(o.employment.nipVerifiedBy, 'manual');
      assert.deepEqual(o.certificate, { products: ['esign'], certificates: [] });
      assert.deepEqual(o.accountStatus, {
        userType: 'USER',
        accountStatus: 'pending',
        verificationStatus: 'submitted',
      });
      assert.deepEqual(o.consents.map((c) => c.document).sort(), [
        'data_processing',
        'privacy_policy',
        'subscriber_agreement',
      ]);
      assert.deepEqual(o.photos, { selfie: true, ktp: true });
      assert.equal(o.decision.fourEyes, true);
      // No link for a pending account: the approval sends its SETUP_ACCOUNT link.
      assert.deepEqual(o.permissions, {
        review: true,
        correctNik: true,
        photo: true,
        sendLink: false,
        decide: true,
      });
      const [event] = await events('registration.personal_data_read', `account:${r1.accountId}`);
      assert.ok(event);
      assert.equal(event.actor, `account:${idOf('raA1')}`);
      assert.deepEqual((event.details as { fields: string[] }).fields, ['nik', 'nip', 'phone']);
      const details = JSON.stringify(event.details);
      assert.ok(!details.includes(r1.person.nik) && !details.includes(r1.person.nip));
    });

    it('shows an institution admin the Overview without review rights', async () => {
      const res = await as('adminA').get<Overview>(`/api/v1/ra/registrations/${r1.accountId}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.permissions, {
        review: false,
        correctNik: false,
        photo: false,
        sendLink: false,
        decide: false,
      });
      assert.equal(res.body.permissions.review, false);
    });

    it('tells an officer of another institution nothing', async () => {
      for (const url of ['', '/history', '/photos/selfie', '/photos/ktp']) {
        const res = await as('raB').get(`/api/v1/ra/registrations/${r1.accountId}${url}`);
        assert.equal(res.status, 404, url);
        assert.equal(res.body.code, 'ERR_REGISTRATION_NOT_FOUND');
      }
    });

    it('serves the selfie and the KTP to RA officers, no-store, each view audited', async () => {
      const selfie = await server.web.app.inject({
        method: 'GET',
        url: `/api/v1/ra/registrations/${r1.accountId}/photos/selfie`,
        remoteAddress: as('raA1').ip,
        headers: { cookie: as('raA1').cookie! },
      });
      assert.equal(selfie.statusCode, 200, selfie.body);
      assert.equal(selfie.headers['content-type'], 'image/jpeg');
      assert.equal(selfie.headers['cache-control'], 'no-store');
      assert.ok(selfie.rawPayload.equals(selfieJpeg));
      const ktp = await server.web.app.inject({
        method: 'GET',
        url: `/api/v1/ra/registrations/${r1.accountId}/photos/ktp`,
        remoteAddress: as('raA1').ip,
        headers: { cookie: as('raA1').cookie! },
      });
      assert.ok(ktp.rawPayload.equals(ktpJpeg));
      await as('raA1').get(`/api/v1/ra/registrations/${r1.accountId}/photos/selfie`);
      const views = await events('registration.photo_viewed', `account:${r1.accountId}`);
      assert.deepEqual(views.map((e) => (e.details as { photo: string }).photo).sort(), [
        'ktp',
        'selfie',
        'selfie',
      ]);
      const none = await as('raA1').get(`/api/v1/ra/registrations/${r2.accountId}/photos/ktp`);
      assert.equal(none.status, 404);
      assert.equal(none.body.code, 'ERR_REGISTRATION_NO_PHOTO');
      assert.equal(
        (await as('adminA').get(`/api/v1/ra/registrations/${r1.accountId}/photos/selfie`)).status,
        403,
      );
    });
  });

  describe('Ubah Akun, Jenis Permohonan and Riwayat Data', () => {
    it('lets an RA officer correct fields and the NIK; each change is a sealed history row', async () => {
      const nik = syntheticNik({ gender: 'female', birthDate: '1990-05-17' });
      const res = await as('raA1').patch(`/api/v1/ra/registrations/${r2.accountId}`, {
        jabatan: 'Analis Siber',
        nik,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.changed, ['jabatan', 'nik']);
      const o = (await as('raA1').get<Overview>(`/api/v1/ra/registrations/${r2.accountId}`)).body;
      assert.equal(o.personal.nik, nik);
      assert.equal(o.employment.jabatan, 'Analis Siber');
      // The queue finds it by its new NIK, not its old one.
      const byNew = await as('raA1').get<{ total: number }>(`/api/v1/ra/registrations?q=${nik}`);
      assert.equal(byNew.body.total, 1);
      const byOld = await as('raA1').get<{ total: number }>(`/api/v1/ra/registrations?q=${r2.person.nik}`);
      assert.equal(byOld.body.total, 0);
      const rows = await server.rt.db
        .select()
        .from(profileHistory)
        .where(eq(profileHistory.accountId, r2.accountId));
      assert.deepEqual(rows.map((r) => r.field).sort(), ['jabatan', 'nik']);
      for (const row of rows) {
        assert.equal(row.cause, 'ra_correction');
        assert.equal(row.changedBy, idOf('raA1'));
        assert.ok(!Buffer.from(row.sealedValues).toString('latin1').includes(nik));
      }
      r2 = { ...r2, person: { ...r2.person, nik } };
    });

    it('refuses the NIK to anyone but an RA officer, and names the field of a wrong value', async () => {
      const nik = syntheticNik();
      const ca = await as('ca').patch(`/api/v1/ra/registrations/${r2.accountId}`, { nik });
      assert.equal(ca.status, 403);
      const ok = await as('ca').patch(`/api/v1/ra/registrations/${r2.accountId}`, {
        unitOrganisasi: 'Deputi I',
      });
      assert.equal(ok.status, 200);
      assert.equal(
        (await as('adminA').patch(`/api/v1/ra/registrations/${r2.accountId}`, { jabatan: 'X' })).status,
        403,
      );
      assert.equal(
        (await as('raB').patch(`/api/v1/ra/registrations/${r2.accountId}`, { jabatan: 'X' })).status,
        404,
      );
      const wrong = await as('raA1').patch(`/api/v1/ra/registrations/${r2.accountId}`, {
        nik: '9973010101900001',
      });
      assert.equal(wrong.status, 400);
      assert.match(String(wrong.body.detail), /^nik: /);
      assert.ok(!JSON.stringify(wrong.body).includes('9973010101900001'));
      const taken = await as('raA1').patch(`/api/v1/ra/registrations/${r2.accountId}`, {
        nik: r1.person.nik,
      });
      assert.equal(taken.status, 409);
    });

    it('checks a correction by the institution’s data rules, as the wizard and Ubah Profil do', async () => {
      const refused = async (body: Record<string, unknown>, field: string, rule: string) => {
        const res = await as('raA1').patch<{ code: string; details?: { field?: string; rule?: string } }>(
          `/api/v1/ra/registrations/${r2.accountId}`,
          body,
        );
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.code, 'ERR_INPUT_INVALID');
        assert.deepEqual([res.body.details?.field, res.body.details?.rule], [field, rule]);
      };
      // The defaults of the policy: a name without titles of at most 25, a Jabatan of at most 20
      // without "." "(" ")", the unit written out, one of the 38 provinces, a NIP matching the NIK.
      await refused({ fullName: 'Dr. Siti Rahmawati' }, 'fullName', 'titles');
      await refused({ jabatan: 'Kepala (Plt.)' }, 'jabatan', 'forbidden_characters');
      await refused({ jabatan: 'Pranata Komputer Ahli Muda' }, 'jabatan', 'max_length');
      await refused({ jabatan: null }, 'jabatan', 'required');
      await refused({ unitOrganisasi: 'SETJEN' }, 'unitOrganisasi', 'abbreviated');
      await refused({ province: 'Atlantis' }, 'province', 'province');
      await refused({ nip: r1.person.nip }, 'nip', 'nik_birth_date');
      const o = (await as('raA1').get<Overview>(`/api/v1/ra/registrations/${r2.accountId}`)).body;
      assert.equal(o.employment.jabatan, 'Analis Siber');
      const ok = await as('raA1').patch(`/api/v1/ra/registrations/${r2.accountId}`, {
        province: 'jawa timur',
        gelarDepan: null,
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.changed, ['gelarDepan', 'province']);
      const after = (await as('raA1').get<Overview>(`/api/v1/ra/registrations/${r2.accountId}`)).body;
      assert.equal(after.employment.province, 'JAWA TIMUR');
    });

    it('sets Jenis Permohonan (esign, eseal; SSL "Segera Hadir")', async () => {
      const set = await as('raA1').request('PUT', `/api/v1/ra/registrations/${r2.accountId}/products`, {
        products: ['eseal', 'esign'],
      });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      assert.deepEqual(set.body.products, ['esign', 'eseal']);
      const ssl = await as('raA1').request('PUT', `/api/v1/ra/registrations/${r2.accountId}/products`, {
        products: ['ssl'],
      });
      assert.equal(ssl.status, 400);
    });

    it('marks a phone number verified by the officer', async () => {
      const res = await as('raA1').post(`/api/v1/ra/registrations/${r2.accountId}/phone-verified`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const [row] = await server.rt.db
        .select()
        .from(registrations)
        .where(eq(registrations.accountId, r2.accountId));
      assert.equal(row!.phoneVerifiedBy, idOf('raA1'));
      const o = (await as('raA1').get<Overview>(`/api/v1/ra/registrations/${r2.accountId}`)).body;
      assert.equal(o.personal.phoneVerifiedBy, 'ra');
      assert.equal((await events('registration.phone_marked_verified', `account:${r2.accountId}`)).length, 1);
    });

    it('shows Riwayat Data with the values opened, who and when, and audits the read', async () => {
      type History = {
        history: { field: string; old: unknown; new: unknown; changedByName: string | null; cause: string }[];
      };
      const res = await as('raA1').get<History>(`/api/v1/ra/registrations/${r2.accountId}/history`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const byField = new Map(res.body.history.map((h) => [h.field, h]));
      assert.equal(byField.get('nik')!.new, r2.person.nik);
      assert.equal(byField.get('jabatan')!.old, 'Pranata Komputer Ahli Muda');
      assert.deepEqual(byField.get('products')!.new, ['esign', 'eseal']);
      assert.equal(byField.get('phoneVerified')!.new, 'Terverifikasi');
      assert.equal(byField.get('nik')!.changedByName, clients.get('raA1')!.account.fullName);
      const [event] = await events('registration.history_read', `account:${r2.accountId}`);
      assert.ok(event);
      assert.ok(!JSON.stringify(event.details).includes(r2.person.nik));
    });
  });

  describe('decisions', () => {
    it('sends no UPDATE_PASSWORD or RESET_OTP_DEVICE to an account still waiting for the RA', async () => {
      for (const action of ['UPDATE_PASSWORD', 'RESET_OTP_DEVICE'])
        for (const who of ['raA1', 'adminA', 'ca']) {
          const res = await as(who).post(`/api/v1/admin/accounts/${r1.accountId}/links`, { action });
          assert.equal(res.status, 409, `${who} ${action}: ${JSON.stringify(res.body)}`);
          assert.equal(res.body.code, 'ERR_ACCOUNT_NOT_ACTIVE');
        }
      const detail = await as('adminA').get<{ permissions: { sendLink: boolean } }>(
        `/api/v1/admin/accounts/${r1.accountId}`,
      );
      assert.equal(detail.body.permissions.sendLink, false, 'the account page offers no link either');
      const queued = await server.rt.db.select().from(outbox).where(eq(outbox.accountId, r1.accountId));
      assert.deepEqual(
        queued.map((m) => m.template).filter((t) => t === 'update-password' || t === 'reset-otp-device'),
        [],
        'no link e-mail is queued',
      );
    });

    it('refuses an officer their own registration', async () => {
      await server.rt.db.insert(registrations).values({
        accountId: idOf('raA2'),
        institutionId: institutionA,
        source: 'invite',
        invitedBy: 'test',
        status: 'submitted',
        submittedAt: new Date(),
      });
      const own = await as('raA2').post(`/api/v1/ra/registrations/${idOf('raA2')}/approve`);
      assert.equal(own.status, 403);
      assert.equal(own.body.code, 'ERR_AUTH_FORBIDDEN');
      const o = (await as('raA2').get<Overview>(`/api/v1/ra/registrations/${idOf('raA2')}`)).body;
      assert.equal(o.permissions.decide, false);
    });

    it('takes two different officers under four-eyes, then sends "[BSrE] Informasi Akun"', async () => {
      const first = await as('raA1').post(`/api/v1/ra/registrations/${r1.accountId}/approve`);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.status, 'first_approval');
      const o = (await as('raA1').get<Overview>(`/api/v1/ra/registrations/${r1.accountId}`)).body;
      assert.equal(o.decision.firstApprovedBy, idOf('raA1'));
      assert.equal(o.permissions.decide, false);
      const again = await as('raA1').post(`/api/v1/ra/registrations/${r1.accountId}/approve`);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'ERR_REGISTRATION_SAME_APPROVER');
      const [pending] = await server.rt.db.select().from(accounts).where(eq(accounts.id, r1.accountId));
      assert.equal(pending!.status, 'pending');
      const waiting = await as('raA2').get<{ registrations: { accountId: string; status: string }[] }>(
        '/api/v1/ra/registrations',
      );
      assert.equal(
        waiting.body.registrations.find((r) => r.accountId === r1.accountId)?.status,
        'first_approval',
      );
      const second = await as('raA2').post(`/api/v1/ra/registrations/${r1.accountId}/approve`);
      assert.equal(second.status, 200, JSON.stringify(second.body));
      assert.equal(second.body.status, 'verified');
      const [active] = await server.rt.db.select().from(accounts).where(eq(accounts.id, r1.accountId));
      assert.equal(active!.status, 'active');
      assert.equal((await as('raA1').post(`/api/v1/ra/registrations/${r1.accountId}/approve`)).status, 409);
    });

    it('approves with one officer where the institution has no four-eyes', async () => {
      assert.equal((await as('raA1').post(`/api/v1/ra/registrations/${r3.accountId}/approve`)).status, 404);
      const res = await as('raB').post(`/api/v1/ra/registrations/${r3.accountId}/approve`);
      assert.equal(res.body.status, 'verified');
    });

    it('rejects with a reason the user is told by e-mail', async () => {
      const empty = await as('raA1').post(`/api/v1/ra/registrations/${r2.accountId}/reject`, {
        reason: '  ',
      });
      assert.equal(empty.status, 400);
      const res = await as('raA1').post(`/api/v1/ra/registrations/${r2.accountId}/reject`, {
        reason: 'Foto diri tidak jelas, silakan ulangi.',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'rejected');
      const mail = await waitForMail(r2.email, /Registrasi Ditolak$/);
      assert.match(mail.text ?? '', /Foto diri tidak jelas/);
      assert.equal((await as('raA2').post(`/api/v1/ra/registrations/${r2.accountId}/approve`)).status, 409);
    });
  });

  describe('the subscriber', () => {
    let secret: string;

    it('signs in for the first time from the Informasi Akun mail: authenticator, then password', async () => {
      const mail = await waitForMail(r1.email, /^(\[BSrE\] )?Informasi Akun$/);
      const text = mail.text ?? '';
      const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.id, r1.accountId));
      assert.match(text, new RegExp(`Username: ${account!.username}`));
      assert.ok(!/password:/i.test(text.replace(/membuat password/i, '')));
      const token = /\/link#([A-Za-z0-9_-]+)/.exec(text)?.[1];
      assert.ok(token, text);
      const client = new ApiClient(server.web.app, '10.7.9.1');
      const opened = await client.post('/api/v1/auth/links/redeem', { token });
      assert.equal(opened.body.next, 'configure_totp', JSON.stringify(opened.body));
      ({ secret } = (await client.post<{ secret: string }>('/api/v1/auth/totp/enrollment')).body);
      const totp = await client.post('/api/v1/auth/totp/confirm', {
        code: currentTotp(secret, Date.now()),
        deviceName: 'Ponsel',
      });
      assert.equal(totp.body.next, 'update_password', JSON.stringify(totp.body));
      const done = await client.post('/api/v1/auth/new-password', {
        password: NEW_PASSWORD,
        confirmation: NEW_PASSWORD,
      });
      assert.equal(done.body.next, 'done', JSON.stringify(done.body));
      const session = await client.get<{ account: { id: string } }>('/api/v1/session');
      assert.equal(session.status, 200);
      assert.equal(session.body.account.id, r1.accountId);
      // The link is spent.
      const reused = await new ApiClient(server.web.app, '10.7.9.2').post('/api/v1/auth/links/redeem', {
        token,
      });
      assert.notEqual(reused.status, 200);
    });

    it('signs in with the NIK; an unknown NIK gets the answer of an unknown username', async () => {
      const client = new ApiClient(server.web.app, '10.7.9.3');
      const first = await client.post('/api/v1/auth/sign-in', {
        login: r1.person.nik,
        password: NEW_PASSWORD,
      });
      assert.equal(first.body.next, 'otp', JSON.stringify(first.body));
      const unknownNik = await client.post('/api/v1/auth/sign-in', {
        login: syntheticNik(),
        password: NEW_PASSWORD,
      });
      const unknownName = await client.post('/api/v1/auth/sign-in', {
        login: 'tidak.ada',
        password: NEW_PASSWORD,
      });
      assert.equal(unknownNik.status, 401);
      assert.deepEqual(unknownNik.body, unknownName.body);
      // A NIK whose registration is not verified yet (the account is pending) cannot sign in.
      const pending = await client.post('/api/v1/auth/sign-in', {
        login: r2.person.nik,
        password: NEW_PASSWORD,
      });
      assert.equal(pending.status, 401);
    });

    it('lets an RA officer send RESET_OTP_DEVICE from Tinjau Ulang, for their institution only', async () => {
      const sent = await as('raA1').post(`/api/v1/admin/accounts/${r1.accountId}/links`, {
        action: 'RESET_OTP_DEVICE',
      });
      assert.equal(sent.status, 202, JSON.stringify(sent.body));
      const other = await as('raB').post(`/api/v1/admin/accounts/${r1.accountId}/links`, {
        action: 'UPDATE_PASSWORD',
      });
      assert.equal(other.status, 403);
      const staffTarget = await as('raA1').post(`/api/v1/admin/accounts/${idOf('adminA')}/links`, {
        action: 'UPDATE_PASSWORD',
      });
      assert.equal(staffTarget.status, 403);
    });
  });
});
