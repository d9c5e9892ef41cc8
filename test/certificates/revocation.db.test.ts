/**
 * Revocation, suspension and expiry over the real storage and HTTP: the holder's Pencabutan →
 * "On Revoke" → the RA's approval → `openssl ocsp` against the running server says revoked with the
 * reason; keyCompromise at once; suspend → certificateHold → release → good; another institution's
 * officer sees and changes nothing; the expiry job run by two runtimes at once marks and mails once.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { revokeCertificate } from '../../src/authority/revoke-certificate.js';
import { finishInterruptedRevocations } from '../../src/certificates/certificate-status-change.js';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { markExpiredCertificates } from '../../src/certificates/mark-expired-certificates.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { loadUserStatus } from '../../src/certificates/subscriber-status.js';
import { loadConfig } from '../../src/config/load-config.js';
import {
  accounts,
  auditEvents,
  certificates,
  outbox,
  registrations,
  revocationRequests,
  subscriberCertificates,
} from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { currentTotp } from '../../src/identity/totp.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import { onCleanup } from '../helpers/cleanup.js';
import { askOcsp } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const env = {
  TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
  TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
  TEKEN_ESIGN_KEY: 'p256',
  TEKEN_FAILURE_DELAY_MS: '0',
};
const PASSPHRASE = 'Rahasia#2026';
const PASSWORD = 'Kata-Sandi-Panjang-1';

describe('revocation, suspension and expiry of subscriber certificates', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const dir = tmpDir();
  let bundle: string;
  let institutionA: string;
  let institutionB: string;
  let officerA: ApiClient;
  let officerB: ApiClient;
  let n = 0;

  const signedIn = async (account: AccountRow) => {
    const client = new ApiClient(server.web.app, `10.7.0.${++n}`);
    const secret = await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s));
    return { client, secret };
  };

  before(async () => {
    server = await startTestServer(env);
    bundle = writeCaPems(server.rt, dir);
    const make = async (name: string, domain: string) =>
      (
        await createInstitution(
          server.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { fourEyes: false } },
        )
      ).id;
    institutionA = await make('Dinas Uji Pencabutan', 'contoh.go.id');
    institutionB = await make('Dinas Lain', 'lain.go.id');
    const officer = async (prefix: string, institutionId: string) =>
      createTestAccount(server.rt, {
        prefix,
        n: 1,
        name: 'RA',
        roles: ['ra_officer'],
        institutionId,
        password: PASSWORD,
      });
    officerA = (await signedIn(await officer('ra-cabut-a', institutionA))).client;
    officerB = (await signedIn(await officer('ra-cabut-b', institutionB))).client;
  });

  /** A verified subscriber of institution A with a password, an issued eSign certificate and a session. */
  async function holderWithCertificate() {
    const person = syntheticPerson();
    const ctx = certificatesContextOf(server.rt);
    const { accountId } = await addSubscriber(enrollmentContextOf(server.rt), 'test', {
      institutionId: institutionA,
      fullName: person.fullName,
      email: `pemegang${++n}.${crypto.randomBytes(3).toString('hex')}@contoh.go.id`,
      nik: person.nik,
      nip: person.nip,
      phone: person.phone,
      verified: true,
    });
    await server.rt.db
      .update(registrations)
      .set({ jabatan: 'Analis', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    await server.rt.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(accounts.id, accountId));
    const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    const { id } = await requestCertificate(ctx, account!, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, id);
    const issued = await setPassphraseAsOperator(ctx, 'test', id, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    const file = path.join(dir, `${issued.id}.pem`);
    fs.writeFileSync(file, issued.certificate.pem);
    const { client, secret } = await signedIn(account!);
    return { account: account!, id: issued.id, file, client, secret };
  }

  const ocsp = (file: string) =>
    askOcsp({
      url: server.url,
      issuer: path.join(dir, 'individual.pem'),
      cert: file,
      caFile: bundle,
      extra: ['-resp_text'],
    });
  const status = async (accountId: string) =>
    (await loadUserStatus(server.rt.db, accountId)).facts.current?.revocationPending;
  const mails = async (accountId: string, template: string) =>
    (
      await server.rt.db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.accountId, accountId), eq(outbox.template, template)))
    ).length;

  it('Pencabutan by passphrase: On Revoke until the RA approves, then revoked in OCSP with the reason, and mailed', async () => {
    const h = await holderWithCertificate();
    assert.match(await ocsp(h.file), /: good/);
    // A wrong passphrase changes nothing and is counted by the guard.
    const wrong = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'cessationOfOperation',
      passphrase: 'Salah#2026x',
    });
    assert.equal(wrong.body.code, 'ERR_PASSPHRASE_WRONG', JSON.stringify(wrong.body));
    assert.equal(await status(h.account.id), false);
    const asked = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'cessationOfOperation',
      passphrase: PASSPHRASE,
    });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    assert.equal(asked.body.status, 'pending');
    assert.equal(await status(h.account.id), true, 'On Revoke');
    assert.equal((await loadUserStatus(server.rt.db, h.account.id)).status, 'ISSUE');
    assert.match(await ocsp(h.file), /: good/, 'still good while On Revoke');
    const again = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'superseded',
      passphrase: PASSPHRASE,
    });
    assert.equal(again.body.code, 'ERR_REVOCATION_PENDING');
    // The other institution's officer sees nothing and cannot approve.
    const foreignQueue = await officerB.get<{ requests: { id: string }[] }>('/api/v1/ra/revocation-requests');
    assert.ok(!foreignQueue.body.requests.some((r) => r.id === asked.body.id));
    const foreign = await officerB.post(`/api/v1/ra/revocation-requests/${String(asked.body.id)}/approve`);
    assert.equal(foreign.status, 404);
    const foreignList = await officerB.get(`/api/v1/ra/accounts/${h.account.id}/certificates`);
    assert.equal(foreignList.status, 404);
    const foreignHold = await officerB.post(`/api/v1/ra/certificates/${h.id}/suspend`, {
      note: 'Tidak boleh',
    });
    assert.equal(foreignHold.status, 404);
    assert.match(await ocsp(h.file), /: good/);
    // The institution's officer sees it in the queue and in Tinjau Ulang, and approves.
    const queue = await officerA.get<{ requests: { id: string; canDecide: boolean }[] }>(
      '/api/v1/ra/revocation-requests',
    );
    assert.ok(queue.body.requests.some((r) => r.id === asked.body.id && r.canDecide));
    const list = await officerA.get<{ certificates: { id: string; status: string }[] }>(
      `/api/v1/ra/accounts/${h.account.id}/certificates`,
    );
    assert.equal(list.body.certificates.find((c) => c.id === h.id)?.status, 'On Revoke');
    const approved = await officerA.post(`/api/v1/ra/revocation-requests/${String(asked.body.id)}/approve`);
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const out = await ocsp(h.file);
    assert.match(out, /Response verify OK/);
    assert.match(out, /: revoked/);
    assert.match(out, /Reason: cessationOfOperation/);
    assert.equal((await loadUserStatus(server.rt.db, h.account.id)).status, 'REVOKE');
    assert.equal(await mails(h.account.id, 'certificate-revoked'), 1);
    const twice = await officerA.post(`/api/v1/ra/revocation-requests/${String(asked.body.id)}/approve`);
    assert.equal(twice.body.code, 'ERR_REVOCATION_REQUEST_STATE');
    const audited = await server.rt.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.target, `subscriber_certificate:${h.id}`));
    assert.ok(audited.some((a) => a.action === 'subscriber_certificate.revoked'));
  });

  it('keyCompromise confirmed with password and authenticator code is revoked at once', async () => {
    const h = await holderWithCertificate();
    // The authenticator code of the sign-in was used: wait for the next step's code by moving on one.
    const code = currentTotp(h.secret, Date.now() + 30_000);
    const bad = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'keyCompromise',
      password: 'bukan-password',
      code,
    });
    assert.equal(bad.body.code, 'ERR_AUTH_INVALID_CREDENTIALS');
    const both = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'keyCompromise',
      passphrase: PASSPHRASE,
      password: PASSWORD,
      code,
    });
    assert.equal(both.body.code, 'ERR_INPUT_INVALID');
    const asked = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'keyCompromise',
      password: PASSWORD,
      code,
    });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    assert.equal(asked.body.status, 'revoked');
    const out = await ocsp(h.file);
    assert.match(out, /: revoked/);
    assert.match(out, /Reason: keyCompromise/);
    const [row] = await server.rt.db
      .select()
      .from(revocationRequests)
      .where(eq(revocationRequests.id, String(asked.body.id)));
    assert.equal(row!.status, 'revoked');
    assert.equal(row!.confirmedWith, 'password_otp');
  });

  it('refuses a reason only the CA may give, and another holder’s certificate', async () => {
    const h = await holderWithCertificate();
    const other = await holderWithCertificate();
    const hold = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'certificateHold',
      passphrase: PASSPHRASE,
    });
    assert.equal(hold.status, 400);
    const foreign = await h.client.post(`/api/v1/certificates/${other.id}/revocation`, {
      reason: 'superseded',
      passphrase: PASSPHRASE,
    });
    assert.equal(foreign.status, 404);
    assert.match(await ocsp(other.file), /: good/);
  });

  it('suspend → OCSP certificateHold → release → good; a rejected Pencabutan leaves it Issued', async () => {
    const h = await holderWithCertificate();
    const noNote = await officerA.post(`/api/v1/ra/certificates/${h.id}/suspend`, { note: '' });
    assert.equal(noNote.status, 400);
    const held = await officerA.post(`/api/v1/ra/certificates/${h.id}/suspend`, { note: 'Pemeriksaan data' });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    const out = await ocsp(h.file);
    assert.match(out, /: revoked/);
    assert.match(out, /Reason: certificateHold/);
    assert.equal((await loadUserStatus(server.rt.db, h.account.id)).status, 'SUSPEND');
    assert.equal(await mails(h.account.id, 'certificate-suspended'), 1);
    const released = await officerA.post(`/api/v1/ra/certificates/${h.id}/release`, {
      note: 'Data sudah benar',
    });
    assert.equal(released.status, 200, JSON.stringify(released.body));
    assert.match(await ocsp(h.file), /: good/);
    assert.equal(await mails(h.account.id, 'certificate-released'), 1);
    const asked = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'affiliationChanged',
      passphrase: PASSPHRASE,
    });
    const rejected = await officerA.post(`/api/v1/ra/revocation-requests/${String(asked.body.id)}/reject`, {
      reason: 'Masih bertugas di instansi',
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(await status(h.account.id), false);
    assert.equal(await mails(h.account.id, 'revocation-request-rejected'), 1);
    const revoked = await officerA.post(`/api/v1/ra/certificates/${h.id}/revoke`, {
      reason: 'privilegeWithdrawn',
      note: 'Pindah tugas',
    });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    // OpenSSL has no name for reason 9 (privilegeWithdrawn): it prints the code.
    assert.match(await ocsp(h.file), /Revocation Reason: .*\(0x9\)/);
  });

  it('the expiry job, run by two runtimes at once, marks an expired certificate and mails once', async (t) => {
    const h = await holderWithCertificate();
    // The certificate's end moved into the past in the test database (its DER is unchanged).
    const past = new Date(Date.now() - 60_000);
    const [sc] = await server.rt.db
      .update(subscriberCertificates)
      .set({ notAfter: past })
      .where(eq(subscriberCertificates.id, h.id))
      .returning();
    await server.rt.db
      .update(certificates)
      .set({ notAfter: past })
      .where(and(eq(certificates.authorityId, sc!.authorityId!), eq(certificates.serial, sc!.serial!)));
    const rts = server.env.DATABASE_URL
      ? [server.rt, await openRuntime(loadConfig(server.env))]
      : [server.rt, server.rt];
    if (rts[1] !== server.rt) onCleanup(() => rts[1]!.close());
    t.diagnostic(
      `second runtime: ${rts[1] === server.rt ? 'the same (PGlite: one process)' : 'its own pool'}`,
    );
    const marked = await Promise.all(rts.map((rt) => markExpiredCertificates(certificatesContextOf(rt))));
    assert.ok(marked.reduce((a, b) => a + b, 0) >= 1);
    const [row] = await server.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, h.id));
    assert.ok(row!.expiredAt);
    assert.equal(await mails(h.account.id, 'certificate-expired'), 1);
    const expiredEvents = await server.rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.target, `subscriber_certificate:${h.id}`),
          eq(auditEvents.action, 'subscriber_certificate.expired'),
        ),
      );
    assert.equal(expiredEvents[0]!.n, 1, 'marked once');
    assert.equal((await loadUserStatus(server.rt.db, h.account.id)).status, 'EXPIRED');
  });
  it('a Pencabutan whose process died after the CA revoked it is finished by the background job, once', async (t) => {
    const h = await holderWithCertificate();
    const asked = await h.client.post(`/api/v1/certificates/${h.id}/revocation`, {
      reason: 'affiliationChanged',
      passphrase: PASSPHRASE,
    });
    assert.equal(asked.body.status, 'pending', JSON.stringify(asked.body));
    // The approval's first step, the CA's commit, happened; the process died before the second.
    const [sc] = await server.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, h.id));
    await revokeCertificate(server.rt.authority, {
      serial: sc!.serial!,
      caId: sc!.authorityId!,
      reason: 'affiliationChanged',
      actor: 'account:officer-before-the-crash',
    });
    assert.match(await ocsp(h.file), /: revoked/);
    const requestStatus = async () =>
      (
        await server.rt.db
          .select({ status: revocationRequests.status })
          .from(revocationRequests)
          .where(eq(revocationRequests.id, String(asked.body.id)))
      )[0]?.status;
    assert.equal(await requestStatus(), 'pending');
    assert.equal(await mails(h.account.id, 'certificate-revoked'), 0);
    const ctx = certificatesContextOf(server.rt);
    // Too young: the process that revoked it may still be finishing.
    assert.equal(await finishInterruptedRevocations(ctx), 0);
    assert.equal(await requestStatus(), 'pending');
    const rts = server.env.DATABASE_URL
      ? [server.rt, await openRuntime(loadConfig(server.env))]
      : [server.rt, server.rt];
    if (rts[1] !== server.rt) onCleanup(() => rts[1]!.close());
    t.diagnostic(`second runner: ${rts[1] === server.rt ? 'the same runtime (PGlite)' : 'its own pool'}`);
    const finished = await Promise.all(
      rts.map((rt) => finishInterruptedRevocations(certificatesContextOf(rt), { olderThanMs: 0 })),
    );
    assert.ok(finished.reduce((a, b) => a + b, 0) >= 1);
    assert.equal(await requestStatus(), 'revoked');
    assert.equal(await mails(h.account.id, 'certificate-revoked'), 1);
    const events = await server.rt.db
      .select({ actor: auditEvents.actor })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.target, `subscriber_certificate:${h.id}`),
          eq(auditEvents.action, 'subscriber_certificate.revoked'),
        ),
      );
    assert.deepEqual(
      events.map((e) => e.actor),
      ['system:reconcile'],
      'finished once',
    );
    assert.equal(await finishInterruptedRevocations(ctx, { olderThanMs: 0 }), 0, 'nothing left');
    assert.equal((await loadUserStatus(server.rt.db, h.account.id)).status, 'REVOKE');
  });
});
