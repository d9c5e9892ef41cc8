/**
 * The HTTP routes of certificate requests and the set-passphrase link, through the real storage:
 * plan and submit with a supporting PDF, "Status Permohonan", the RA queue of the own institution,
 * Tinjau Ulang and the document (audited), approve and reject, the link read and used; refusals:
 * malformed bodies, a non-PDF and an oversized document, another institution's officer, the holder
 * deciding their own request.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  accounts,
  auditEvents,
  certificateRequests,
  outbox,
  registrations,
  subscriberCertificates,
} from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { buildApp } from '../../src/http/build-app.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { currentTotp } from '../../src/identity/totp.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { ApiClient } from '../helpers/api-client.js';
import { caFixture, type CaFixture } from '../helpers/ca-fixture.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';

const PASSWORD = 'Kata-Sandi-Panjang-1';
const PASSPHRASE = 'Rahasia#2026';
const pdf = (extra = '') =>
  Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n${extra}trailer<<>>\n%%EOF\n`, 'latin1');
const b64 = (b: Buffer) => b.toString('base64');

describe('certificate request routes', () => {
  let fx: CaFixture;
  let app: FastifyInstance;
  let clock = Date.now();
  let ip = 0;
  let n = 0;
  let instA: string;
  let instB: string;

  const signIn = async (account: AccountRow) => {
    const client = new ApiClient(app, `10.77.0.${++ip}`);
    await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s, (clock += 30_000)));
    return client;
  };

  /** The synthetic person behind each subscriber (their NIK and NIP). */
  const people = new Map<string, ReturnType<typeof syntheticPerson>>();

  async function subscriber(institutionId: string, domain: string): Promise<AccountRow> {
    const person = syntheticPerson();
    const { accountId } = await addSubscriber(enrollmentContextOf(fx.rt), 'test', {
      institutionId,
      fullName: person.fullName,
      email: `pemilik${++n}.${crypto.randomBytes(3).toString('hex')}@${domain}`,
      nik: person.nik,
      nip: person.nip,
      phone: person.phone,
      verified: true,
    });
    await fx.rt.db
      .update(registrations)
      .set({ jabatan: 'Analis Kebijakan', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    await fx.rt.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(accounts.id, accountId));
    const [row] = await fx.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    people.set(accountId, person);
    return row!;
  }

  const officer = (institutionId: string) =>
    createTestAccount(fx.rt, {
      prefix: 'ra-rute',
      n: ++n,
      name: 'RA Rute',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });

  before(async () => {
    fx = await caFixture({
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
    });
    ({ app } = await buildApp(fx.rt, { now: () => clock }));
    const make = async (name: string, domain: string) =>
      (
        await createInstitution(
          fx.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { fourEyes: false } },
        )
      ).id;
    instA = await make('Dinas Rute Sertifikat', 'rute.go.id');
    instB = await make('Dinas Lain', 'lain.go.id');
  });

  it('the RA queue searches by name, e-mail, CN, NIK or NIP, filters by status and submission date, and pages', async () => {
    const instC = (
      await createInstitution(
        fx.rt.db,
        { operator: 'test' },
        { name: 'Dinas Cari Permohonan', emailDomains: ['cari.go.id'], policy: { fourEyes: false } },
      )
    ).id;
    const holders: AccountRow[] = [];
    const ids: string[] = [];
    for (const [i, day] of ['2026-01-10', '2026-02-10', '2026-03-10'].entries()) {
      const h = await subscriber(instC, 'cari.go.id');
      const created = await (
        await signIn(h)
      ).post<{ id: string }>('/api/v1/certificate-requests', {
        product: 'esign',
        document: { name: `Surat ${i}.pdf`, contentBase64: b64(pdf()) },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await fx.rt.db
        .update(certificateRequests)
        .set({ submittedAt: new Date(`${day}T09:00:00+07:00`) })
        .where(eq(certificateRequests.id, created.body.id));
      holders.push(h);
      ids.push(created.body.id);
    }
    const [h0, h1, h2] = holders as [AccountRow, AccountRow, AccountRow];
    const [r0, r1, r2] = ids as [string, string, string];
    // The first holder's name changes after the request: the CN keeps the name submitted.
    await fx.rt.db.update(accounts).set({ fullName: 'Nama Sesudah Ganti' }).where(eq(accounts.id, h0.id));
    const ra = await signIn(await officer(instC));
    assert.equal(
      (await ra.post(`/api/v1/ra/certificate-requests/${r2}/reject`, { reason: 'Dokumen tidak sesuai' }))
        .status,
      200,
    );
    const list = async (query: Record<string, string>) => {
      const res = await ra.get<{ total: number; requests: { id: string }[] }>(
        `/api/v1/ra/certificate-requests?${new URLSearchParams(query).toString()}`,
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return { total: res.body.total, ids: res.body.requests.map((r) => r.id) };
    };
    const found = async (query: Record<string, string>) => (await list(query)).ids;
    assert.deepEqual(await found({}), [r0, r1]);
    assert.deepEqual(await found({ status: 'all' }), [r0, r1, r2]);
    assert.deepEqual(await found({ status: 'rejected' }), [r2]);
    assert.deepEqual(await found({ q: h1.email.toUpperCase() }), [r1]);
    assert.deepEqual(await found({ q: 'sesudah ganti' }), [r0]);
    assert.deepEqual(await found({ q: h0.fullName }), [r0], 'by the CN');
    const nik = people.get(h1.id)!.nik;
    assert.deepEqual(await found({ q: `${nik.slice(0, 6)} ${nik.slice(6, 12)} ${nik.slice(12)}` }), [r1]);
    assert.deepEqual(await found({ q: people.get(h2.id)!.nip, status: 'all' }), [r2]);
    assert.deepEqual(await found({ q: '100%_' }), []);
    assert.deepEqual(await found({ status: 'all', from: '2026-02-01T00:00:00+07:00' }), [r1, r2]);
    assert.deepEqual(await found({ status: 'all', to: '2026-02-10T09:00:00+07:00' }), [r0]);
    assert.deepEqual(await list({ status: 'all', limit: '2' }), { total: 3, ids: [r0, r1] });
    assert.deepEqual(await list({ status: 'all', limit: '2', offset: '2' }), { total: 3, ids: [r2] });
    const bads: Record<string, string>[] = [
      { from: 'kemarin' },
      { q: 'x'.repeat(101) },
      { limit: '0' },
      { q: 'a\u0000b' },
    ];
    for (const bad of bads) {
      const res = await ra.get(`/api/v1/ra/certificate-requests?${new URLSearchParams(bad).toString()}`);
      assert.equal(res.status, 400, JSON.stringify(bad));
    }
    // Another institution's officer finds none of them, not even by NIK.
    const other = await signIn(await officer(instB));
    const elsewhere = await other.get<{ total: number }>(
      `/api/v1/ra/certificate-requests?status=all&q=${nik}`,
    );
    assert.equal(elsewhere.body.total, 0);
  });

  it('plans, submits with a PDF, is reviewed by its RA only, approved, and the link issues the certificate', async () => {
    const holder = await subscriber(instA, 'rute.go.id');
    const me = await signIn(holder);
    const cards = await me.get<{ products: { id: string; available: boolean; comingSoon: boolean }[] }>(
      '/api/v1/certificate-products',
    );
    assert.equal(cards.status, 200);
    assert.deepEqual(
      cards.body.products.map((p) => [p.id, p.available, p.comingSoon]),
      [
        ['esign', true, false],
        ['ssl', false, true],
      ],
    );
    const plan = await me.post<{ subjectText: string }>('/api/v1/certificate-requests/plan', {
      product: 'esign',
    });
    assert.equal(plan.status, 200);
    assert.match(plan.body.subjectText, new RegExp(`^CN=${holder.fullName}, title=Analis Kebijakan`));

    // Refusals change nothing.
    const noDoc = await me.post('/api/v1/certificate-requests', { product: 'esign' });
    assert.equal(noDoc.status, 400);
    const notPdf = await me.post('/api/v1/certificate-requests', {
      product: 'esign',
      document: { name: 'a.pdf', contentBase64: b64(Buffer.from('GIF89a not a pdf')) },
    });
    assert.equal(notPdf.status, 400);
    assert.equal((notPdf.body as { code: string }).code, 'ERR_INPUT_INVALID');
    const max = fx.rt.config.certificates.supportingDocumentMaxBytes;
    const big = await me.post('/api/v1/certificate-requests', {
      product: 'esign',
      document: { name: 'besar.pdf', contentBase64: b64(pdf('x'.repeat(max))) },
    });
    assert.ok(big.status === 400 || big.status === 413, String(big.status));
    const malformed = await me.post('/api/v1/certificate-requests', { product: 7, document: 'x' });
    assert.equal(malformed.status, 400);
    assert.equal(
      (await me.get<{ requests: unknown[] }>('/api/v1/certificate-requests')).body.requests.length,
      0,
    );

    const created = await me.post<{ id: string; subjectText: string }>('/api/v1/certificate-requests', {
      product: 'esign',
      document: { name: 'Surat Rekomendasi.pdf', contentBase64: b64(pdf()) },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.subjectText, plan.body.subjectText);
    const own = await me.get<{
      requests: { id: string; verificationStatus: string; enrollmentStatus: string }[];
    }>('/api/v1/certificate-requests');
    assert.deepEqual(
      own.body.requests.map((r) => [r.id, r.verificationStatus, r.enrollmentStatus]),
      [[created.body.id, 'WAITING', 'NOT_STARTED']],
    );
    // The holder cannot decide their own request, nor see the queue.
    assert.equal((await me.post(`/api/v1/ra/certificate-requests/${created.body.id}/approve`)).status, 403);
    assert.equal((await me.get('/api/v1/ra/certificate-requests')).status, 403);

    // Another institution's officer sees nothing.
    const other = await signIn(await officer(instB));
    const otherQueue = await other.get<{ total: number }>('/api/v1/ra/certificate-requests');
    assert.equal(otherQueue.body.total, 0);
    assert.equal((await other.get(`/api/v1/ra/certificate-requests/${created.body.id}`)).status, 404);
    assert.equal(
      (await other.get(`/api/v1/ra/certificate-requests/${created.body.id}/document`)).status,
      404,
    );
    assert.equal(
      (await other.post(`/api/v1/ra/certificate-requests/${created.body.id}/approve`)).status,
      404,
    );

    const ra = await signIn(await officer(instA));
    const queue = await ra.get<{ total: number; requests: { id: string }[] }>(
      '/api/v1/ra/certificate-requests?status=submitted',
    );
    assert.deepEqual(
      queue.body.requests.map((r) => r.id),
      [created.body.id],
    );
    const review = await ra.get<{ holder: { fullName: string }; mayDecide: boolean }>(
      `/api/v1/ra/certificate-requests/${created.body.id}`,
    );
    assert.equal(review.body.holder.fullName, holder.fullName);
    assert.equal(review.body.mayDecide, true);
    const doc = await app.inject({
      method: 'GET',
      url: `/api/v1/ra/certificate-requests/${created.body.id}/document`,
      headers: { cookie: ra.cookie! },
      remoteAddress: ra.ip,
    });
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.headers['content-type'], 'application/pdf');
    assert.deepEqual(doc.rawPayload, pdf());
    const audited = await fx.rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.target, `certificate_request:${created.body.id}`)));
    assert.ok(audited.some((e) => e.action === 'certificate_request.read'));
    assert.ok(audited.some((e) => e.action === 'certificate_request.document_read'));

    assert.equal(
      (await ra.post(`/api/v1/ra/certificate-requests/${created.body.id}/reject`, { reason: 'x' })).status,
      400,
    );
    const approved = await ra.post<{ status: string }>(
      `/api/v1/ra/certificate-requests/${created.body.id}/approve`,
    );
    assert.equal(approved.body.status, 'approved');

    // The link from the queued mail (its token after '#').
    const { token } = await tokenFromOutbox(holder.id);
    const anon = new ApiClient(app, '10.77.9.9');
    const bad = await anon.post('/api/v1/passphrase-link', { token: 'x'.repeat(43) });
    assert.equal(bad.status, 404);
    const read = await anon.post<{
      subject: string;
      agreement: { version: string; text: string };
      rule: { text: string };
    }>('/api/v1/passphrase-link', {}, { authorization: `Bearer ${token}` });
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(read.body.subject, plan.body.subjectText);
    assert.match(read.body.rule.text, /minimal 8 karakter/);
    assert.ok(read.body.agreement.text.length > 200);
    const weak = await anon.post('/api/v1/passphrase-link/set', {
      token,
      passphrase: 'lemah',
      confirmation: 'lemah',
      agreementVersion: read.body.agreement.version,
    });
    assert.equal(weak.status, 400);
    const set = await anon.post<{ id: string }>('/api/v1/passphrase-link/set', {
      token,
      passphrase: PASSPHRASE,
      confirmation: PASSPHRASE,
      agreementVersion: read.body.agreement.version,
    });
    assert.equal(set.status, 201, JSON.stringify(set.body));
    const [key] = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, set.body.id));
    assert.equal(key?.state, 'active');
    assert.equal((await anon.post('/api/v1/passphrase-link', { token })).status >= 400, true);
  });

  /** The set-passphrase token, from the "[BSrE] Set Passphrase" mail (after '#'). */
  async function tokenFromOutbox(accountId: string): Promise<{ token: string }> {
    const [row] = await fx.rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, accountId), eq(outbox.template, 'set-passphrase')));
    const message = await readOutboxMessage(
      fx.rt.db,
      fx.rt.masterKey,
      row!.id,
      fx.rt.config.organisationName,
      fx.rt.notify.templates,
    );
    const match = /\/passphrase#([A-Za-z0-9_-]{43})/.exec(message!.content!.text);
    assert.ok(match, message!.content!.text);
    return { token: match[1]! };
  }
});
