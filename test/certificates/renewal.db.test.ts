/**
 * Perpanjangan, the renewal reminders and Deteksi Mandiri over the real storage and HTTP:
 * a renewal that re-uses the verified data goes straight to the set-passphrase link (also by
 * WhatsApp) and the old certificate shows Renew, the new one judged by OpenSSL carrying the changed
 * data; without the policy, or for a revoked certificate, it goes through the RA with its document;
 * what is not renewable is refused and changes nothing; reminders 30, 7 and 1 days before the end go
 * once even with two runners at once, and a rerun sends nothing new; Deteksi Mandiri names the
 * reason signing would fail (expired, revoked, locked passphrase, data change waiting, not
 * verified, phone not verified) and the one status.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { revokeCertificate } from '../../src/authority/revoke-certificate.js';
import type { CertificatesContext } from '../../src/certificates/certificates-context.js';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { diagnoseSigning } from '../../src/certificates/diagnose-signing.js';
import { flagForRenewal } from '../../src/certificates/flag-for-renewal.js';
import { planRenewal, renewCertificate } from '../../src/certificates/renew-certificate.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { dueStep, sendRenewalReminders } from '../../src/certificates/send-renewal-reminders.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { loadUserStatus } from '../../src/certificates/subscriber-status.js';
import { unlockSubscriberKey } from '../../src/certificates/unlock-subscriber-key.js';
import { loadConfig } from '../../src/config/load-config.js';
import {
  accounts,
  certificateRequests,
  certificates,
  changeRequests,
  outbox,
  registrations,
  subscriberCertificates,
} from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { hashPassword } from '../../src/identity/password-hash.js';
import { currentTotp } from '../../src/identity/totp.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { ApiClient } from '../helpers/api-client.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import { onCleanup } from '../helpers/cleanup.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { linkInMail, waitForMail } from '../helpers/mailbox.js';
import { startSmtpServer, type TestSmtpServer } from '../notify/smtp-test-server.js';
import { openssl } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const PASSPHRASE = 'Rahasia#2026';
const PASSWORD = 'Kata-Sandi-Panjang-1';
const dayMs = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

async function rejects(promise: Promise<unknown>, code: string) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTekenError(error), `expected ${code}, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('Perpanjangan, renewal reminders and Deteksi Mandiri', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: CertificatesContext;
  const dir = tmpDir();
  let bundle: string;
  let reuse: string;
  let strict: string;
  let n = 0;
  let wa: FakeWhatsApp;
  let smtp: TestSmtpServer;
  /** Every message queued (the links are read from here, as a mail client would). */
  const sent: { template: string; to: string; accountId?: string; data: Record<string, string> }[] = [];

  before(async () => {
    wa = await startFakeWhatsApp();
    smtp = await startSmtpServer();
    server = await startTestServer({
      ...wa.env(),
      TEKEN_SMTP_URL: smtp.url,
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_PASSPHRASE_FAILURES: '3',
      TEKEN_ESIGN_KEY: 'p256',
      TEKEN_FAILURE_DELAY_MS: '0',
    });
    bundle = writeCaPems(server.rt, dir);
    const base = certificatesContextOf(server.rt);
    ctx = {
      ...base,
      notify: async (tx, message) => {
        sent.push({
          template: message.template,
          to: message.to,
          ...(message.accountId ? { accountId: message.accountId } : {}),
          data: { ...message.data },
        });
        await base.notify(tx, message);
      },
    };
    const make = async (name: string, domain: string, renewalReusesVerifiedData: boolean) =>
      (
        await createInstitution(
          server.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { renewalReusesVerifiedData } },
        )
      ).id;
    reuse = await make('Dinas Uji Perpanjangan', 'contoh.go.id', true);
    strict = await make('Badan Periksa Ulang', 'periksa.go.id', false);
  });

  async function holder(institutionId = reuse, domain = 'contoh.go.id', verified = true) {
    const person = syntheticPerson();
    const { accountId } = await addSubscriber(enrollmentContextOf(server.rt), 'test', {
      institutionId,
      fullName: person.fullName,
      email: `perpanjang${++n}.${crypto.randomBytes(3).toString('hex')}@${domain}`,
      nik: person.nik,
      nip: person.nip,
      phone: person.phone,
      verified,
    });
    await server.rt.db
      .update(registrations)
      .set({ jabatan: 'Analis', unitOrganisasi: 'Bidang Persandian' })
      .where(eq(registrations.accountId, accountId));
    await server.rt.db
      .update(accounts)
      .set({ passwordHash: await hashPassword(PASSWORD), status: 'active' })
      .where(eq(accounts.id, accountId));
    const [account] = await server.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    return { account: account!, phone: person.phone };
  }

  async function issue(account: AccountRow) {
    const { id } = await requestCertificate(ctx, account, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, id);
    const issued = await setPassphraseAsOperator(ctx, 'test', id, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    return issued;
  }

  const session = async (account: AccountRow) => {
    const client = new ApiClient(server.web.app, `10.9.0.${++n}`);
    await firstSignIn(client, account.username, PASSWORD, (s) => currentTotp(s));
    return client;
  };
  const row = async (id: string) =>
    (await server.rt.db.select().from(subscriberCertificates).where(eq(subscriberCertificates.id, id)))[0]!;
  const openRequests = async (accountId: string) =>
    server.rt.db
      .select()
      .from(certificateRequests)
      .where(
        and(
          eq(certificateRequests.accountId, accountId),
          inArray(certificateRequests.status, ['submitted', 'approved']),
        ),
      );
  const judge = (pem: string, name: string) => {
    const file = path.join(dir, `${name}.pem`);
    fs.writeFileSync(file, pem);
    return {
      verify: openssl(['verify', '-CAfile', bundle, '-purpose', 'any', file]),
      subject: openssl(['x509', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253']),
    };
  };
  const at = (date: Date): CertificatesContext => ({ ...ctx, now: () => date.getTime() });

  it('re-uses the verified data: straight to the set-passphrase link, the old certificate then shows Renew', async () => {
    const { account, phone } = await holder();
    const old = await issue(account);
    const client = await session(account);
    // Issued and not near its end: not yet renewable, and a refusal changes nothing.
    const early = await client.get<{ refusal: string; opensAt: string }>(
      `/api/v1/certificates/${old.id}/renewal`,
    );
    assert.equal(early.status, 200, JSON.stringify(early.body));
    assert.equal(early.body.refusal, 'not_due');
    assert.ok(early.body.opensAt);
    const refused = await client.post(`/api/v1/certificates/${old.id}/renewal`, {});
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'ERR_SUBSCRIBER_CERT_STATE');
    assert.equal((await openRequests(account.id)).length, 0);
    // An approved profile change touched the subject: the certificate shows Renew, the status is RENEW.
    await server.rt.db
      .update(registrations)
      .set({ jabatan: 'Kepala Seksi' })
      .where(eq(registrations.accountId, account.id));
    await server.rt.db.transaction((tx) => flagForRenewal(tx, account.id, ['jabatan']));
    assert.equal((await loadUserStatus(server.rt.db, account.id)).status, 'RENEW');
    const plan = await client.get<Record<string, unknown>>(`/api/v1/certificates/${old.id}/renewal`);
    assert.equal(plan.body.status, 'Renew');
    assert.equal(plan.body.refusal, null);
    assert.equal(plan.body.route, 'set_passphrase');
    assert.equal(plan.body.documentRequired, false);
    assert.match(String(plan.body.subjectText), /title=Kepala Seksi/);
    let mailsBefore = smtp.received.length;
    const renewed = await client.post<{ requestId: string; route: string }>(
      `/api/v1/certificates/${old.id}/renewal`,
      {},
    );
    assert.equal(renewed.status, 201, JSON.stringify(renewed.body));
    assert.equal(renewed.body.route, 'set_passphrase');
    const [request] = await openRequests(account.id);
    assert.equal(request!.kind, 'renewal');
    assert.equal(request!.status, 'approved');
    assert.equal(request!.replacesId, old.id);
    assert.equal(request!.approvedBy, 'policy:renewal');
    // The "[BSrE] Set Passphrase" mail, and the link by WhatsApp as "Link Pembaruan Sertifikat Elektronik".
    const deadline = Date.now() + 15_000;
    const renewalLink = (m: FakeWhatsApp['received'][number]) =>
      m.template === 'teken_link_pembaruan_sertifikat';
    while (!wa.received.some(renewalLink)) {
      assert.ok(Date.now() < deadline, `a WhatsApp renewal link: ${JSON.stringify(wa.received)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const message = wa.received.find(renewalLink)!;
    assert.equal(
      message.to.replace(/\D/g, '').slice(-8),
      phone.replace(/\D/g, '').slice(-8),
      'to the holder’s verified number',
    );
    const link = message.parameters[1]!;
    // The same link in the "[BSrE] Set Passphrase" mail.
    for (;;) {
      const mail = await waitForMail(smtp, account.email, /Set Passphrase/, { since: mailsBefore });
      if (linkInMail(mail, server.rt.config.publicUrl, '/passphrase') === link) break;
      mailsBefore = smtp.received.findIndex((m) => m.mail === mail) + 1;
    }
    // A second renewal while this one is open: refused.
    const twice = await client.post(`/api/v1/certificates/${old.id}/renewal`, {});
    assert.equal(twice.body.code, 'ERR_CERT_REQUEST_OPEN');
    // The holder sets the passphrase from the link: the new certificate carries today's data.
    const set = await new ApiClient(server.web.app, '10.9.1.1').post<{ id: string; pem: string }>(
      '/api/v1/passphrase-link/set',
      {
        token: link.slice(link.indexOf('#') + 1),
        passphrase: 'Baru#Rahasia2026',
        confirmation: 'Baru#Rahasia2026',
        agreementVersion: subscriberAgreement().version,
      },
    );
    assert.equal(set.status, 201, JSON.stringify(set.body));
    const [fresh] = await server.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.requestId, request!.id));
    const [stored] = await server.rt.db
      .select({ der: certificates.der })
      .from(certificates)
      .where(and(eq(certificates.authorityId, fresh!.authorityId!), eq(certificates.serial, fresh!.serial!)));
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(stored!.der!)
      .toString('base64')
      .replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`.replace('\n\n', '\n');
    const judged = judge(pem, fresh!.id);
    assert.match(judged.verify, /: OK/);
    assert.match(judged.subject, /title=Kepala Seksi/);
    assert.equal((await row(old.id)).replacedBy, fresh!.id);
    assert.equal((await loadUserStatus(server.rt.db, account.id)).status, 'ISSUE');
    const oldPlan = await client.get<Record<string, unknown>>(`/api/v1/certificates/${old.id}/renewal`);
    assert.equal(oldPlan.body.status, 'Renew');
    assert.equal(oldPlan.body.refusal, 'replaced');
    // The old certificate stays valid until it ends (renewal is not revocation).
    const oldJudged = judge(old.certificate.pem, old.id);
    assert.match(oldJudged.verify, /: OK/);
  });

  it('without the policy, or for a revoked certificate, the renewal goes through the RA with its document', async () => {
    const { account } = await holder(strict, 'periksa.go.id');
    const old = await issue(account);
    const soon = new Date(old.certificate.notAfter.getTime() - 10 * dayMs);
    const plan = await planRenewal(at(soon), account, old.id);
    assert.equal(plan.refusal, null);
    assert.equal(plan.route, 'ra_review');
    assert.equal(plan.documentRequired, true);
    await rejects(renewCertificate(at(soon), account, old.id), 'ERR_INPUT_INVALID');
    assert.equal((await openRequests(account.id)).length, 0);
    const before = sent.length;
    const created = await renewCertificate(at(soon), account, old.id, {
      document: { name: 'surat-rekomendasi.pdf', bytes: PDF },
    });
    assert.equal(created.route, 'ra_review');
    const [request] = await openRequests(account.id);
    assert.equal(request!.status, 'submitted');
    assert.equal(request!.kind, 'renewal');
    assert.equal(request!.documentName, 'surat-rekomendasi.pdf');
    assert.ok(!sent.slice(before).some((m) => m.template === 'set-passphrase'), 'no link before the RA');
    await approveCertificateRequest(ctx, { operator: 'test' }, created.requestId);
    const fresh = await setPassphraseAsOperator(ctx, 'test', created.requestId, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    assert.equal((await row(old.id)).replacedBy, fresh.id);

    // A revoked certificate at an institution that re-uses the data still goes to the RA.
    const other = await holder();
    const revoked = await issue(other.account);
    const sc = await row(revoked.id);
    await revokeCertificate(server.rt.authority, {
      caId: sc.authorityId!,
      serial: sc.serial!,
      reason: 'affiliationChanged',
      actor: 'test',
    });
    const revokedPlan = await planRenewal(ctx, other.account, revoked.id);
    assert.equal(revokedPlan.status, 'Revoked');
    assert.equal(revokedPlan.refusal, null);
    assert.equal(revokedPlan.route, 'ra_review');
  });

  it('refuses another holder’s certificate (not found), a suspended one and one never due, changing nothing', async () => {
    const a = await holder();
    const b = await holder();
    const certA = await issue(a.account);
    const clientB = await session(b.account);
    const foreign = await clientB.post(`/api/v1/certificates/${certA.id}/renewal`, {});
    assert.equal(foreign.status, 404);
    const foreignPlan = await clientB.get(`/api/v1/certificates/${certA.id}/renewal`);
    assert.equal(foreignPlan.status, 404);
    const sc = await row(certA.id);
    await revokeCertificate(server.rt.authority, {
      caId: sc.authorityId!,
      serial: sc.serial!,
      reason: 'certificateHold',
      actor: 'test',
    });
    const error = await rejects(
      renewCertificate(at(new Date(certA.certificate.notAfter.getTime() - dayMs)), a.account, certA.id),
      'ERR_SUBSCRIBER_CERT_STATE',
    );
    assert.equal((error.details as { reason?: string } | undefined)?.reason, 'suspended');
    assert.equal((await openRequests(a.account.id)).length, 0);
    assert.equal((await openRequests(b.account.id)).length, 0);
  });

  it('reminds 30, 7 and 1 days before the end by e-mail and WhatsApp, once with two runners, nothing on a rerun', async (t) => {
    const steps = ctx.config.certificates.renewalReminderDays;
    assert.deepEqual(steps, [30, 7, 1]);
    assert.equal(dueStep(new Date(40 * dayMs), new Date(0), steps), null);
    assert.equal(dueStep(new Date(30 * dayMs), new Date(0), steps), 30);
    assert.equal(dueStep(new Date(7 * dayMs), new Date(0), steps), 7);
    assert.equal(dueStep(new Date(dayMs / 2), new Date(0), steps), 1);
    const { account } = await holder();
    const cert = await issue(account);
    const end = cert.certificate.notAfter.getTime();
    const rts = server.env.DATABASE_URL
      ? [server.rt, await openRuntime(loadConfig(server.env))]
      : [server.rt, server.rt];
    if (rts[1] !== server.rt) onCleanup(() => rts[1]!.close());
    t.diagnostic(
      `second runtime: ${rts[1] === server.rt ? 'the same (PGlite: one process)' : 'its own pool'}`,
    );
    const run = (when: number) =>
      Promise.all(rts.map((rt) => sendRenewalReminders({ ...certificatesContextOf(rt), now: () => when })));
    const queued = async (template: string) =>
      (
        await server.rt.db
          .select({ key: outbox.idempotencyKey })
          .from(outbox)
          .where(and(eq(outbox.accountId, account.id), eq(outbox.template, template)))
      ).map((r) => r.key);
    // 31 days before: nothing yet.
    await run(end - 31 * dayMs);
    assert.deepEqual(await queued('certificate-renewal-reminder'), []);
    for (const [when, expected] of [
      [end - 29 * dayMs, 1],
      [end - 20 * dayMs, 1],
      [end - 6 * dayMs, 2],
      [end - 5 * dayMs, 2],
      [end - 12 * 3_600_000, 3],
      [end - 3_600_000, 3],
    ] as const) {
      await run(when);
      assert.equal((await queued('certificate-renewal-reminder')).length, expected);
      assert.equal((await queued('wa-renewal-link')).length, expected);
    }
    assert.deepEqual((await queued('certificate-renewal-reminder')).sort(), [
      `renewal-reminder:${cert.id}:1`,
      `renewal-reminder:${cert.id}:30`,
      `renewal-reminder:${cert.id}:7`,
    ]);
    // Seen first a day before the end, a certificate gets only the 1-day reminder.
    const late = await holder();
    const lateCert = await issue(late.account);
    await sendRenewalReminders({ ...ctx, now: () => lateCert.certificate.notAfter.getTime() - 3_600_000 });
    const lateMails = sent.filter(
      (m) => m.template === 'certificate-renewal-reminder' && m.to === late.account.email,
    );
    assert.equal(lateMails.length, 1);
    assert.equal(lateMails[0]!.data.daysLeft, '1');
    assert.match(lateMails[0]!.data.link!, new RegExp(`/sertifikat/${lateCert.id}/perpanjangan$`));
  });

  it('reminds on the days TEKEN_RENEWAL_REMINDER_DAYS names, each one a link that renews at once', async () => {
    const days = loadConfig({
      TEKEN_RENEWAL_WINDOW_DAYS: '20',
      TEKEN_RENEWAL_REMINDER_DAYS: '2, 14',
    }).certificates;
    assert.deepEqual(days.renewalReminderDays, [14, 2]);
    const configured: CertificatesContext = {
      ...ctx,
      config: { ...ctx.config, certificates: { ...ctx.config.certificates, ...days } },
    };
    const { account } = await holder();
    const cert = await issue(account);
    const end = cert.certificate.notAfter.getTime();
    const mails = () =>
      sent.filter((m) => m.template === 'certificate-renewal-reminder' && m.to === account.email);
    // 30 and 7 days before: not steps of this configuration.
    for (const when of [end - 29 * dayMs, end - 15 * dayMs])
      await sendRenewalReminders({ ...configured, now: () => when });
    assert.equal(mails().length, 0);
    const at14 = end - 13 * dayMs;
    await sendRenewalReminders({ ...configured, now: () => at14 });
    assert.deepEqual(
      mails().map((m) => m.data.daysLeft),
      ['13'],
    );
    // The reminder's link is usable the moment it goes out: the renewal window is open.
    const plan = await planRenewal({ ...configured, now: () => at14 }, account, cert.id);
    assert.equal(plan.refusal, null);
    await sendRenewalReminders({ ...configured, now: () => end - 6 * dayMs });
    assert.equal(mails().length, 1);
    await sendRenewalReminders({ ...configured, now: () => end - dayMs });
    assert.deepEqual(
      mails().map((m) => m.data.daysLeft),
      ['13', '1'],
    );
    // `none`: no reminders at all.
    const off = loadConfig({ TEKEN_RENEWAL_REMINDER_DAYS: 'none' }).certificates.renewalReminderDays;
    assert.deepEqual(off, []);
    const other = await holder();
    const quiet = await issue(other.account);
    await sendRenewalReminders({
      ...ctx,
      config: { ...ctx.config, certificates: { ...ctx.config.certificates, renewalReminderDays: off } },
      now: () => quiet.certificate.notAfter.getTime() - dayMs,
    });
    assert.ok(
      !sent.some((m) => m.template === 'certificate-renewal-reminder' && m.to === other.account.email),
    );
  });

  it('sends no reminder for a certificate being renewed, replaced or revoked', async () => {
    const { account } = await holder();
    const cert = await issue(account);
    const soon = cert.certificate.notAfter.getTime() - 10 * dayMs;
    await renewCertificate({ ...ctx, now: () => soon }, account, cert.id);
    await sendRenewalReminders({ ...ctx, now: () => soon });
    assert.ok(!sent.some((m) => m.template === 'certificate-renewal-reminder' && m.to === account.email));
    const other = await holder();
    const revoked = await issue(other.account);
    const sc = await row(revoked.id);
    await revokeCertificate(server.rt.authority, {
      caId: sc.authorityId!,
      serial: sc.serial!,
      reason: 'cessationOfOperation',
      actor: 'test',
    });
    await sendRenewalReminders({ ...ctx, now: () => revoked.certificate.notAfter.getTime() - dayMs });
    assert.ok(
      !sent.some((m) => m.template === 'certificate-renewal-reminder' && m.to === other.account.email),
    );
  });

  it('Deteksi Mandiri names why signing would fail and what to do, with the one status', async () => {
    // Not verified by the RA yet.
    const waiting = await holder(reuse, 'contoh.go.id', false);
    const w = await diagnoseSigning(ctx, waiting.account);
    assert.equal(w.status, 'WAITING_FOR_VERIFICATION');
    assert.equal(w.canSign, false);
    assert.deepEqual(w.findings[0], {
      code: 'not_verified',
      severity: 'blocking',
      actions: ['contact_ra'],
      certificateId: null,
      until: null,
    });
    // Verified without a certificate; then issued: nothing in the way, over HTTP as the dashboard asks.
    const { account } = await holder();
    const none = await diagnoseSigning(ctx, account);
    assert.equal(none.status, 'NO_CERTIFICATE');
    assert.deepEqual(
      none.findings.map((f) => f.code),
      ['no_certificate'],
    );
    const cert = await issue(account);
    const client = await session(account);
    const ok = await client.get<{
      status: string;
      canSign: boolean;
      findings: unknown[];
      certificate: { id: string };
    }>('/api/v1/self-diagnosis');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'ISSUE');
    assert.equal(ok.body.canSign, true);
    assert.deepEqual(ok.body.findings, []);
    assert.equal(ok.body.certificate.id, cert.id);
    // The end coming: a warning to renew. After it: expired → renew.
    const end = cert.certificate.notAfter.getTime();
    const soon = await diagnoseSigning({ ...ctx, now: () => end - 5 * dayMs }, account);
    assert.equal(soon.canSign, true);
    assert.deepEqual(
      soon.findings.map((f) => [f.code, f.severity, f.actions]),
      [['expires_soon', 'warning', ['renew']]],
    );
    const expired = await diagnoseSigning({ ...ctx, now: () => end + dayMs }, account);
    assert.equal(expired.status, 'EXPIRED');
    assert.equal(expired.canSign, false);
    assert.deepEqual(
      expired.findings.map((f) => [f.code, f.actions]),
      [['certificate_expired', ['renew']]],
    );
    // A profile change waiting for the RA.
    await server.rt.db.insert(changeRequests).values({
      id: crypto.randomUUID(),
      accountId: account.id,
      institutionId: reuse,
      sealedChanges: Buffer.from('sealed'),
      fields: ['jabatan'],
    });
    const changing = await diagnoseSigning(ctx, account);
    assert.deepEqual(
      changing.findings.map((f) => [f.code, f.actions]),
      [['data_change_pending', ['wait']]],
    );
    assert.equal(changing.canSign, true);
    // Wrong passphrases lock the key: wait until the lock ends, or reset.
    const sc = await row(cert.id);
    for (let i = 0; i < 3; i++)
      await unlockSubscriberKey(ctx, sc, 'Salah#Tebak2026', { actor: 'test' }).catch(() => undefined);
    const locked = await client.get<{
      canSign: boolean;
      findings: { code: string; actions: string[]; until: string | null }[];
    }>('/api/v1/self-diagnosis');
    assert.equal(locked.body.canSign, false);
    const lock = locked.body.findings.find((f) => f.code === 'passphrase_locked');
    assert.ok(lock, JSON.stringify(locked.body));
    assert.deepEqual(lock.actions, ['wait', 'reset_passphrase']);
    assert.ok(lock.until && new Date(lock.until).getTime() > Date.now());
    // Revoked → renew; the phone not verified → verify it.
    await server.rt.db
      .update(registrations)
      .set({ phoneVerifiedAt: null })
      .where(eq(registrations.accountId, account.id));
    await revokeCertificate(server.rt.authority, {
      caId: sc.authorityId!,
      serial: sc.serial!,
      reason: 'affiliationChanged',
      actor: 'test',
    });
    const revoked = await diagnoseSigning(ctx, account);
    assert.equal(revoked.status, 'REVOKE');
    const codes = revoked.findings.map((f) => f.code);
    assert.ok(codes.includes('certificate_revoked'), codes.join());
    assert.ok(codes.includes('phone_not_verified'), codes.join());
    assert.deepEqual(revoked.findings.find((f) => f.code === 'certificate_revoked')!.actions, ['renew']);
  });
});
