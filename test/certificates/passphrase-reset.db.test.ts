/**
 * Reset passphrase (seed 001, the forgotten passphrase), use cases against real storage:
 * - WhatsApp configured (the fake Cloud API): refused without a WhatsApp-verified number; the link
 *   goes by WhatsApp; the selfie waits for an RA officer of the holder's institution, who sees both
 *   photos and confirms; the new passphrase makes a NEW key and certificate, and `openssl ocsp`
 *   against the running server says the old one is revoked as superseded and the new one good;
 *   the old passphrase opens nothing, the new one the new key; a refused selfie rejects the reset.
 * - No WhatsApp: the "[BSrE] Reset Passphrase" e-mail route, with the face-match adapter (a fake
 *   service speaking its contract) deciding: a non-match stores nothing and counts, a match goes
 *   on; the adapter down sends the selfie to the RA.
 * - Concurrency: two starts reuse one reset; two submits of the new passphrase at once leave
 *   exactly one valid certificate.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import type { CertificatesContext } from '../../src/certificates/certificates-context.js';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { decideSelfieCheck } from '../../src/certificates/decide-selfie-check.js';
import {
  listSelfieChecks,
  type SelfieCheckQuery,
  readSelfieCheckPhoto,
} from '../../src/certificates/list-selfie-checks.js';
import { listCertificateRequests } from '../../src/certificates/list-certificate-requests.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { readResetPassphraseLink, resetPassphraseByLink } from '../../src/certificates/reset-passphrase.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import { startPassphraseReset } from '../../src/certificates/start-passphrase-reset.js';
import { submitResetSelfie } from '../../src/certificates/submit-reset-selfie.js';
import { unlockSubscriberKey } from '../../src/certificates/unlock-subscriber-key.js';
import {
  auditEvents,
  certificateRequests,
  certificates,
  outbox,
  selfieChecks,
  subscriberCertificates,
} from '../../src/db/schema.js';
import { createFaceMatcher, type FaceMatcher } from '../../src/enrollment/adapters/face-match.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { isTekenError, type TekenError } from '../../src/errors/teken-error.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { readOutboxMessage } from '../../src/notify/read-outbox-message.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { currentTotp } from '../../src/identity/totp.js';
import { ApiClient } from '../helpers/api-client.js';
import { writeCaPems } from '../helpers/ca-fixture.js';
import { onCleanup } from '../helpers/cleanup.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../helpers/fake-whatsapp.js';
import { createVerifiedSubscriber } from '../helpers/registration.js';
import { askOcsp } from '../helpers/run-tool.js';
import { createTestAccount, firstSignIn } from '../helpers/test-accounts.js';
import { startTestServer } from '../helpers/test-server.js';
import { tmpDir } from '../helpers/tmp-dir.js';

const env = {
  TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
  TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
  TEKEN_ESIGN_KEY: 'p256',
  TEKEN_FAILURE_DELAY_MS: '0',
};
const OLD = 'Rahasia#2026';
const NEW = 'Baru-Rahasia#2027';
const PASSWORD = 'Kata-Sandi-Panjang-1';
const limits = { maxBytes: 5_000_000, maxPixels: 40_000_000 };
const ip = '10.9.0.1';

async function rejects(promise: Promise<unknown>, code: string): Promise<TekenError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTekenError(error), `expected ${code}, got ${String(error)}`);
    assert.equal(error.code, code, (error as Error).message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

/** A camera frame: a 320×240 JPEG. */
const selfie = (hue = 180) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r: hue, g: 120, b: 90 } } })
    .jpeg()
    .toBuffer();

let seq = 0;

async function issued(ctx: CertificatesContext, account: AccountRow) {
  const { id } = await requestCertificate(ctx, account, { product: 'esign' });
  await approveCertificateRequest(ctx, { operator: 'test' }, id);
  return setPassphraseAsOperator(ctx, 'test', id, {
    passphrase: OLD,
    agreementVersion: subscriberAgreement().version,
  });
}

const agreementVersion = () => subscriberAgreement().version;

/** Certificates of the account that are issued and not revoked. */
async function validCertificates(ctx: CertificatesContext, accountId: string) {
  const rows = await ctx.db
    .select({ serial: subscriberCertificates.serial })
    .from(subscriberCertificates)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .where(
      and(
        eq(subscriberCertificates.accountId, accountId),
        eq(certificates.status, 'issued'),
        isNull(certificates.revokedAt),
      ),
    );
  return rows.map((r) => r.serial);
}

describe('passphrase reset over WhatsApp, the RA confirming the selfie', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let wa: FakeWhatsApp;
  let ctx: CertificatesContext;
  const dir = tmpDir();
  let bundle: string;
  let institutionId: string;
  let officer: AccountRow;
  let otherOfficer: AccountRow;

  before(async () => {
    wa = await startFakeWhatsApp();
    server = await startTestServer({ ...env, ...wa.env() });
    ctx = certificatesContextOf(server.rt);
    bundle = writeCaPems(server.rt, dir);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Dinas Reset', emailDomains: ['reset.go.id'], policy: { fourEyes: false } },
      )
    ).id;
    const otherInstitution = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Dinas Lain', emailDomains: ['lain.go.id'] },
      )
    ).id;
    officer = await createTestAccount(server.rt, {
      prefix: 'ra-reset',
      n: 1,
      name: 'RA Reset',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });
    otherOfficer = await createTestAccount(server.rt, {
      prefix: 'ra-lain',
      n: 1,
      name: 'RA Lain',
      roles: ['ra_officer'],
      institutionId: otherInstitution,
      password: PASSWORD,
    });
  });

  const subscriber = (phoneVerified = true) =>
    createVerifiedSubscriber(server.rt, {
      institutionId,
      email: `pemilik${++seq}@reset.go.id`,
      fullName: 'Pemilik Sertifikat',
      password: PASSWORD,
      phoneVerified,
    });
  const holder = (phoneVerified = true) => subscriber(phoneVerified).then((s) => s.account);

  /** The token of the newest WhatsApp reset link. */
  async function whatsappToken(): Promise<string> {
    await server.rt.notify.deliver();
    const sent = wa.received.filter((m) => m.template === 'teken_link_reset_passphrase').at(-1);
    assert.ok(sent, 'the reset link went by WhatsApp');
    const link = sent.parameters[1]!;
    assert.match(link, /\/reset-passphrase#/);
    return link.split('#')[1]!;
  }

  const ocsp = (file: string) =>
    askOcsp({
      url: server.url,
      issuer: path.join(dir, 'individual.pem'),
      cert: file,
      caFile: bundle,
      extra: ['-resp_text'],
    });

  it('needs a WhatsApp-verified number first', async () => {
    const account = await holder(false);
    const cert = await issued(ctx, account);
    const error = await rejects(startPassphraseReset(ctx, account, cert.id), 'ERR_PHONE_NOT_VERIFIED');
    assert.equal(error.details?.field, 'phone');
    const resets = await server.rt.db
      .select()
      .from(certificateRequests)
      .where(and(eq(certificateRequests.accountId, account.id), eq(certificateRequests.kind, 'reset')));
    assert.equal(resets.length, 0, 'nothing recorded');
  });

  it('WhatsApp link → selfie → RA confirms → new passphrase: a new certificate, the old one superseded in OCSP', async () => {
    const { account, person } = await subscriber();
    const old = await issued(ctx, account);
    const oldFile = path.join(dir, `${old.id}.pem`);
    fs.writeFileSync(oldFile, old.certificate.pem);
    assert.match(await ocsp(oldFile), /: good/);

    // Another account cannot start a reset of this certificate.
    const stranger = await holder();
    await rejects(startPassphraseReset(ctx, stranger, old.id), 'ERR_SUBSCRIBER_CERT_NOT_FOUND');

    const started = await startPassphraseReset(ctx, account, old.id);
    assert.equal(started.channel, 'whatsapp');
    assert.match(started.sentTo, /^\+62\d{3}\*+\d{2}$/);
    const token = await whatsappToken();
    assert.equal((await readResetPassphraseLink(ctx, token, { ip })).step, 'selfie');
    // The RA's certificate-request queue does not offer the reset; its approval is refused there.
    const queue = await listCertificateRequests(ctx, officer, { status: 'all' });
    assert.ok(!queue.requests.some((r) => r.id === started.requestId));
    await rejects(approveCertificateRequest(ctx, officer, started.requestId), 'ERR_CERT_REQUEST_STATE');
    // Step 2 before step 1 is refused.
    await rejects(
      resetPassphraseByLink(
        ctx,
        token,
        { passphrase: NEW, confirmation: NEW, agreementVersion: agreementVersion() },
        { ip },
      ),
      'ERR_CERT_REQUEST_STATE',
    );

    const submitted = await submitResetSelfie(ctx, null, token, await selfie(), limits, { ip });
    assert.equal(submitted.step, 'waiting');
    assert.equal((await readResetPassphraseLink(ctx, token, { ip })).step, 'waiting');
    await rejects(
      submitResetSelfie(ctx, null, token, await selfie(), limits, { ip }),
      'ERR_CERT_REQUEST_STATE',
    );

    // The officer of the holder's institution sees it with both photos; another institution's does not.
    const listed = await listSelfieChecks(ctx, officer);
    assert.ok(
      listed.checks.some((c) => c.id === submitted.checkId && c.serial === old.certificate.serialHex),
    );
    assert.ok(!(await listSelfieChecks(ctx, otherOfficer)).checks.some((c) => c.id === submitted.checkId));
    // Searched and paged as the other RA queues are: a whole NIK as printed (in groups), the
    // e-mail; a stranger's name or a later date finds nothing.
    const find = (query: SelfieCheckQuery) =>
      listSelfieChecks(ctx, officer, query).then((l) => l.checks.map((c) => c.id));
    const printedNik = person.nik.replace(/^(\d{6})(\d{6})(\d{4})$/, '$1 $2 $3');
    assert.deepEqual(await find({ q: printedNik }), [submitted.checkId]);
    assert.deepEqual(await find({ q: ` ${account.email.toUpperCase()} ` }), [submitted.checkId]);
    assert.deepEqual(await find({ q: 'Nama Yang Tidak Ada' }), []);
    assert.deepEqual(await find({ from: new Date(Date.now() + 60_000).toISOString() }), []);
    assert.ok((await find({ to: new Date(Date.now() + 60_000).toISOString() })).includes(submitted.checkId));
    const onePage = await listSelfieChecks(ctx, officer, { limit: 1 });
    assert.equal(onePage.checks.length, 1);
    assert.equal(onePage.total, listed.total);
    await rejects(
      readSelfieCheckPhoto(ctx, otherOfficer, submitted.checkId, 'selfie'),
      'ERR_SELFIE_CHECK_NOT_FOUND',
    );
    await rejects(decideSelfieCheck(ctx, account, submitted.checkId, { match: true }), 'ERR_AUTH_FORBIDDEN');
    const probe = await readSelfieCheckPhoto(ctx, officer, submitted.checkId, 'selfie');
    const registered = await readSelfieCheckPhoto(ctx, officer, submitted.checkId, 'registered');
    assert.equal(probe.type, 'image/jpeg');
    assert.equal((await sharp(probe.bytes).metadata()).width, 320);
    assert.ok(registered.bytes.length > 0);
    // The selfie is sealed at rest.
    const [row] = await server.rt.db
      .select()
      .from(selfieChecks)
      .where(eq(selfieChecks.id, submitted.checkId));
    assert.ok(!Buffer.from(row!.selfieSealed).includes(probe.bytes.subarray(0, 64)));

    assert.deepEqual(await decideSelfieCheck(ctx, officer, submitted.checkId, { match: true }), {
      status: 'matched',
    });
    await rejects(
      decideSelfieCheck(ctx, officer, submitted.checkId, { match: true }),
      'ERR_SELFIE_CHECK_STATE',
    );
    assert.equal((await readResetPassphraseLink(ctx, token, { ip })).step, 'passphrase');

    await rejects(
      resetPassphraseByLink(
        ctx,
        token,
        { passphrase: NEW, confirmation: 'Lain#12345', agreementVersion: agreementVersion() },
        { ip },
      ),
      'ERR_INPUT_INVALID',
    );
    const done = await resetPassphraseByLink(
      ctx,
      token,
      { passphrase: NEW, confirmation: NEW, agreementVersion: agreementVersion() },
      { ip },
    );
    assert.notEqual(done.id, old.id);
    assert.equal(done.replaces, old.id);
    assert.notEqual(done.certificate.serialHex, old.certificate.serialHex);

    // OCSP at once: the old one revoked as superseded (reason 4), the new one good.
    const newFile = path.join(dir, `${done.id}.pem`);
    fs.writeFileSync(newFile, done.certificate.pem);
    const oldAnswer = await ocsp(oldFile);
    assert.match(oldAnswer, /: revoked/);
    assert.match(oldAnswer, /Revocation Reason: superseded \(0x4\)/);
    assert.match(await ocsp(newFile), /: good/);
    assert.deepEqual(await validCertificates(ctx, account.id), [done.certificate.serialHex]);

    // A new key: the new passphrase opens it, the old one does not.
    const [fresh] = await server.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, done.id));
    const [replaced] = await server.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, old.id));
    assert.equal(replaced!.replacedBy, done.id);
    assert.ok(!Buffer.from(fresh!.publicKey).equals(Buffer.from(replaced!.publicKey)));
    await unlockSubscriberKey(ctx, fresh!, NEW, { actor: `account:${account.id}` });
    await rejects(
      unlockSubscriberKey(ctx, fresh!, OLD, { actor: `account:${account.id}` }),
      'ERR_PASSPHRASE_WRONG',
    );

    // The link is spent; the old certificate cannot be reset again; the holder was told.
    await rejects(readResetPassphraseLink(ctx, token, { ip }), 'ERR_LINK_USED');
    await rejects(startPassphraseReset(ctx, account, old.id), 'ERR_SUBSCRIBER_CERT_STATE');
    const mails = await server.rt.db
      .select({ template: outbox.template })
      .from(outbox)
      .where(
        and(
          eq(outbox.accountId, account.id),
          inArray(outbox.template, ['passphrase-reset', 'certificate-revoked']),
        ),
      );
    assert.deepEqual(mails.map((m) => m.template).sort(), ['certificate-revoked', 'passphrase-reset']);
    const events = await server.rt.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        inArray(auditEvents.action, [
          'passphrase_reset.started',
          'selfie_check.matched',
          'selfie_check.photo_viewed',
        ]),
      );
    assert.ok(events.length >= 4);
  });

  it('a selfie the RA refuses rejects the reset; the certificate stays as it was', async () => {
    const account = await holder();
    const old = await issued(ctx, account);
    await startPassphraseReset(ctx, account, old.id);
    const token = await whatsappToken();
    const { checkId } = await submitResetSelfie(ctx, null, token, await selfie(40), limits, { ip });
    await rejects(
      decideSelfieCheck(ctx, officer, checkId, { match: false, reason: 'x' }),
      'ERR_INPUT_INVALID',
    );
    assert.deepEqual(
      await decideSelfieCheck(ctx, officer, checkId, {
        match: false,
        reason: 'Wajah pada foto bukan pemilik akun.',
      }),
      { status: 'refused' },
    );
    const state = await readResetPassphraseLink(ctx, token, { ip });
    assert.equal(state.step, 'refused');
    assert.equal(state.refuseReason, 'Wajah pada foto bukan pemilik akun.');
    await rejects(
      resetPassphraseByLink(
        ctx,
        token,
        { passphrase: NEW, confirmation: NEW, agreementVersion: agreementVersion() },
        { ip },
      ),
      'ERR_CERT_REQUEST_STATE',
    );
    assert.deepEqual(await validCertificates(ctx, account.id), [old.certificate.serialHex]);
    const [mail] = await server.rt.db
      .select({ template: outbox.template })
      .from(outbox)
      .where(and(eq(outbox.accountId, account.id), eq(outbox.template, 'passphrase-reset-refused')));
    assert.ok(mail);
    // A new start makes a new reset with a new link.
    const again = await startPassphraseReset(ctx, account, old.id);
    assert.notEqual(again.requestId, state.request.id);
    assert.equal((await readResetPassphraseLink(ctx, await whatsappToken(), { ip })).step, 'selfie');
  });
});

describe('passphrase reset by e-mail, the face-match adapter deciding', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: CertificatesContext;
  let institutionId: string;
  let matcher: FaceMatcher;
  const answer: { status: number; body: unknown } = { status: 200, body: { score: 95, match: true } };
  const compared: { probe: string; reference: string }[] = [];

  before(async () => {
    const face = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { probe: { type: string }; reference: { type: string } };
        assert.equal(req.url, '/compare');
        assert.equal(req.headers.authorization, 'Bearer wajah-uji');
        compared.push({ probe: parsed.probe.type, reference: parsed.reference.type });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => face.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => face.close(() => resolve())));
    const url = `http://127.0.0.1:${(face.address() as AddressInfo).port}`;
    server = await startTestServer(env);
    ctx = certificatesContextOf(server.rt);
    matcher = createFaceMatcher({ url, token: 'wajah-uji', timeoutMs: 5000, minScore: 80 })!;
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Dinas Surel', emailDomains: ['surel.go.id'] },
      )
    ).id;
  });

  const holder = () =>
    createVerifiedSubscriber(server.rt, {
      institutionId,
      email: `pemilik${++seq}@surel.go.id`,
      fullName: 'Pemilik Surel',
      password: PASSWORD,
    }).then((s) => s.account);

  /** The token of the open "[BSrE] Reset Passphrase" link (older ones are voided by newer). */
  async function mailedToken(accountId: string): Promise<string> {
    const rows = await server.rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, accountId), eq(outbox.template, 'reset-passphrase')));
    assert.ok(rows.length > 0, '"[BSrE] Reset Passphrase" was queued');
    for (const row of rows) {
      assert.notEqual(row.channel, 'whatsapp');
      assert.equal(row.subject, `[${server.rt.config.organisationName}] Reset Passphrase`);
      const message = await readOutboxMessage(
        server.rt.db,
        server.rt.masterKey,
        row.id,
        server.rt.config.organisationName,
        server.rt.notify.templates,
      );
      const match = /\/reset-passphrase#([A-Za-z0-9_-]{43})/.exec(message!.content!.text);
      assert.ok(match, 'the e-mail carries the link');
      const open = await readResetPassphraseLink(ctx, match[1]!, { ip }).then(
        () => true,
        () => false,
      );
      if (open) return match[1]!;
    }
    assert.fail('no open reset link');
  }

  it('e-mails the link where WhatsApp is not configured; a non-match counts, a match goes on', async () => {
    const account = await holder();
    const old = await issued(ctx, account);
    const started = await startPassphraseReset(ctx, account, old.id);
    assert.equal(started.channel, 'email');
    const token = await mailedToken(account.id);

    answer.body = { score: 30, match: false };
    await rejects(
      submitResetSelfie(ctx, matcher, token, await selfie(), limits, { ip }),
      'ERR_SELFIE_NO_MATCH',
    );
    // The service said match but the score is below the minimum: still no match.
    answer.body = { score: 70, match: true };
    await rejects(
      submitResetSelfie(ctx, matcher, token, await selfie(), limits, { ip }),
      'ERR_SELFIE_NO_MATCH',
    );
    assert.equal(
      (await server.rt.db.select().from(selfieChecks).where(eq(selfieChecks.accountId, account.id))).length,
      0,
    );
    assert.deepEqual(compared.at(-1), { probe: 'image/jpeg', reference: 'image/jpeg' });

    answer.body = { score: 96, match: true };
    const matched = await submitResetSelfie(ctx, matcher, token, await selfie(), limits, { ip });
    assert.equal(matched.step, 'passphrase');
    const [check] = await server.rt.db
      .select()
      .from(selfieChecks)
      .where(eq(selfieChecks.id, matched.checkId));
    assert.equal(check!.status, 'matched');
    assert.equal(check!.decidedBy, 'face-match');
    assert.equal(check!.score, 96);
    const done = await resetPassphraseByLink(
      ctx,
      token,
      { passphrase: NEW, confirmation: NEW, agreementVersion: agreementVersion() },
      { ip },
    );
    assert.deepEqual(await validCertificates(ctx, account.id), [done.certificate.serialHex]);
  });

  it('locks the face match after three non-matches for the certificate', async () => {
    const account = await holder();
    const old = await issued(ctx, account);
    await startPassphraseReset(ctx, account, old.id);
    const token = await mailedToken(account.id);
    answer.body = { score: 10, match: false };
    for (let i = 0; i < 3; i++)
      await rejects(
        submitResetSelfie(ctx, matcher, token, await selfie(), limits, { ip: `10.9.1.${i}` }),
        'ERR_SELFIE_NO_MATCH',
      );
    const before = compared.length;
    await rejects(
      submitResetSelfie(ctx, matcher, token, await selfie(), limits, { ip: '10.9.1.9' }),
      'ERR_SELFIE_LOCKED',
    );
    assert.equal(compared.length, before, 'the service is not asked once the budget is spent');
  });

  it('sends the selfie to the RA when the face-match service is down', async () => {
    const account = await holder();
    const old = await issued(ctx, account);
    await startPassphraseReset(ctx, account, old.id);
    const token = await mailedToken(account.id);
    answer.status = 503;
    try {
      const submitted = await submitResetSelfie(ctx, matcher, token, await selfie(), limits, { ip });
      assert.equal(submitted.step, 'waiting');
    } finally {
      answer.status = 200;
    }
  });

  it('two starts reuse one reset; two new passphrases at once leave exactly one valid certificate', async () => {
    const account = await holder();
    const old = await issued(ctx, account);
    const [a, b] = await Promise.all([
      startPassphraseReset(ctx, account, old.id),
      startPassphraseReset(ctx, account, old.id),
    ]);
    assert.equal(a.requestId, b.requestId);
    // The newest link is the one that works (the other was voided).
    const token = await mailedToken(account.id);
    answer.body = { score: 99, match: true };
    await submitResetSelfie(ctx, matcher, token, await selfie(), limits, { ip });
    const input = { passphrase: NEW, confirmation: NEW, agreementVersion: agreementVersion() };
    const results = await Promise.allSettled([
      resetPassphraseByLink(ctx, token, input, { ip }),
      resetPassphraseByLink(ctx, token, input, { ip }),
      resetPassphraseByLink(ctx, token, input, { ip }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(
      won.length,
      1,
      JSON.stringify(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))),
    );
    for (const r of results)
      if (r.status === 'rejected')
        assert.ok(
          isTekenError(r.reason) && ['ERR_CERT_REQUEST_STATE', 'ERR_LINK_USED'].includes(r.reason.code),
          String(r.reason),
        );
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof resetPassphraseByLink>>>)
      .value;
    assert.deepEqual(await validCertificates(ctx, account.id), [winner.certificate.serialHex]);
    const keys = await server.rt.db
      .select({ state: subscriberCertificates.state })
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.accountId, account.id));
    assert.deepEqual(keys.map((k) => k.state).sort(), ['active', 'active'], 'no stray pending key');
  });
});

describe('passphrase reset over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ctx: CertificatesContext;
  let institutionId: string;
  let n = 0;

  before(async () => {
    server = await startTestServer(env);
    ctx = certificatesContextOf(server.rt);
    institutionId = (
      await createInstitution(
        server.rt.db,
        { operator: 'test' },
        { name: 'Dinas Rute', emailDomains: ['rute.go.id'], policy: { fourEyes: false } },
      )
    ).id;
  });

  const signedIn = async (login: string) => {
    const client = new ApiClient(server.web.app, `10.8.0.${++n}`);
    await firstSignIn(client, login, PASSWORD, (s) => currentTotp(s));
    return client;
  };

  it('start → link → selfie → the RA confirms → new passphrase, each through its route', async () => {
    const { account } = await createVerifiedSubscriber(server.rt, {
      institutionId,
      email: `pemilik${++seq}@rute.go.id`,
      fullName: 'Pemilik Rute',
      password: PASSWORD,
    });
    const old = await issued(ctx, account);
    const holder = await signedIn(account.username);
    const officerAccount = await createTestAccount(server.rt, {
      prefix: 'ra-rute',
      n: 1,
      name: 'RA Rute',
      roles: ['ra_officer'],
      institutionId,
      password: PASSWORD,
    });
    const officer = await signedIn(officerAccount.username);

    assert.equal((await holder.get('/api/v1/ra/selfie-checks')).status, 403);
    const started = await holder.post(`/api/v1/certificates/${old.id}/reset-passphrase`);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.channel, 'email');
    const [mail] = await server.rt.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, account.id), eq(outbox.template, 'reset-passphrase')));
    const message = await readOutboxMessage(
      server.rt.db,
      server.rt.masterKey,
      mail!.id,
      server.rt.config.organisationName,
      server.rt.notify.templates,
    );
    const token = /\/reset-passphrase#([A-Za-z0-9_-]{43})/.exec(message!.content!.text)![1]!;
    const anonymous = new ApiClient(server.web.app, '10.8.1.1');
    const bearer = { authorization: `Bearer ${token}` };

    const unknown = await anonymous.post('/api/v1/reset-passphrase-link', { token: 'A'.repeat(43) });
    assert.equal(unknown.body.code, 'ERR_LINK_INVALID');
    const link = await anonymous.post('/api/v1/reset-passphrase-link', {}, bearer);
    assert.equal(link.status, 200, JSON.stringify(link.body));
    assert.equal(link.body.step, 'selfie');
    assert.equal(link.body.serial, old.certificate.serialHex);
    assert.equal(link.headers['cache-control'], 'no-store');

    const put = (payload: Buffer, type: string) =>
      server.web.app.inject({
        method: 'PUT',
        url: '/api/v1/reset-passphrase-link/selfie',
        remoteAddress: '10.8.1.1',
        headers: { ...bearer, 'content-type': type },
        payload,
      });
    assert.equal((await put(Buffer.from('bukan gambar'), 'text/plain')).statusCode, 415);
    assert.equal((await put(Buffer.from('bukan gambar'), 'image/jpeg')).statusCode, 415);
    const sent = await put(await selfie(), 'image/jpeg');
    assert.equal(sent.statusCode, 200, sent.body);
    const { checkId, step } = JSON.parse(sent.body) as { checkId: string; step: string };
    assert.equal(step, 'waiting');

    const queue = await officer.get<{ checks: { id: string }[] }>('/api/v1/ra/selfie-checks');
    assert.ok(queue.body.checks.some((c) => c.id === checkId));
    const photo = await server.web.app.inject({
      method: 'GET',
      url: `/api/v1/ra/selfie-checks/${checkId}/selfie`,
      remoteAddress: officer.ip,
      headers: { cookie: officer.cookie! },
    });
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['content-type'], 'image/jpeg');
    assert.equal(photo.headers['cache-control'], 'no-store');
    const decided = await officer.post(`/api/v1/ra/selfie-checks/${checkId}/decision`, { match: true });
    assert.deepEqual(decided.body, { status: 'matched' });

    const body = { passphrase: NEW, confirmation: NEW, agreementVersion: agreementVersion() };
    const done = await anonymous.post('/api/v1/reset-passphrase-link/set', body, bearer);
    assert.equal(done.status, 201, JSON.stringify(done.body));
    assert.equal(done.body.replaces, old.id);
    assert.deepEqual(await validCertificates(ctx, account.id), [done.body.serial]);
    const again = await anonymous.post('/api/v1/reset-passphrase-link/set', body, bearer);
    assert.equal(again.body.code, 'ERR_LINK_USED');
  });
});
