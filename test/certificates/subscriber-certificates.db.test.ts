/**
 * The subscriber's certificates, through the real storage: a request, the RA's decision (four-eyes),
 * the "[BSrE] Set Passphrase" link, the key generated and sealed twice, the certificate issued and
 * judged by OpenSSL; the seal against a database dump with the master key and with the
 * passphrase; wrong passphrases counted and locking the key through the attempt guard; one key per
 * request under concurrency; a set-passphrase that died mid-way reconciled; the status per user.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { issueCertificate } from '../../src/authority/issue-certificate.js';
import { revokeCertificate } from '../../src/authority/revoke-certificate.js';
import type { CertificatesContext } from '../../src/certificates/certificates-context.js';
import {
  approveCertificateRequest,
  rejectCertificateRequest,
} from '../../src/certificates/decide-certificate-request.js';
import { products } from '../../src/certificates/products.js';
import { reconcileSubscriberKeys } from '../../src/certificates/reconcile-subscriber-keys.js';
import { planCertificateRequest, requestCertificate } from '../../src/certificates/request-certificate.js';
import {
  readSetPassphraseLink,
  setPassphraseAsOperator,
  setPassphraseByLink,
  subscriberAgreement,
} from '../../src/certificates/set-passphrase.js';
import { loadUserStatus, userStatus } from '../../src/certificates/subscriber-status.js';
import { unlockSubscriberKey } from '../../src/certificates/unlock-subscriber-key.js';
import {
  accounts,
  certificateRequests,
  certificates,
  outbox,
  registrations,
  subscriberCertificates,
} from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { correctRegistration } from '../../src/enrollment/correct-registration.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { isTekenError, type TekenError } from '../../src/errors/teken-error.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { MasterKey } from '../../src/keys/master-key.js';
import { masterOuterLayer, openSubscriberKey } from '../../src/keys/subscriber-key-seal.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { caFixture, type CaFixture } from '../helpers/ca-fixture.js';
import { runCli } from '../helpers/cli.js';
import { openssl } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount } from '../helpers/test-accounts.js';
import { testEnv } from '../helpers/test-runtime.js';
import { tmpDir } from '../helpers/tmp-dir.js';

/** Fast argon2id for tests (the minimum the option allows); the cost is stored with each key. */
const fastKdf = {
  TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
  TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
  TEKEN_ESIGN_KEY: 'p256',
  TEKEN_PASSPHRASE_FAILURES: '4',
};
const PASSPHRASE = 'Rahasia#2026';

async function rejects(promise: Promise<unknown>, code: string): Promise<TekenError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTekenError(error), `expected a TekenError ${code}, got ${String(error)}`);
    assert.equal(error.code, code, (error as Error).message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('subscriber certificates', () => {
  let fx: CaFixture;
  let ctx: CertificatesContext;
  let institutionId: string;
  let fourEyesInstitutionId: string;
  /** Every message queued, with its data (the links are read from here, as a mail client would). */
  const sent: { template: string; to: string; data: Record<string, string> }[] = [];
  let officerA: AccountRow;
  let officerB: AccountRow;
  let n = 0;

  before(async () => {
    fx = await caFixture(fastKdf);
    const base = certificatesContextOf(fx.rt);
    ctx = {
      ...base,
      notify: async (tx, message) => {
        sent.push({ template: message.template, to: message.to, data: { ...message.data } });
        await base.notify(tx, message);
      },
    };
    const make = async (name: string, domain: string, fourEyes: boolean) =>
      (
        await createInstitution(
          fx.rt.db,
          { operator: 'test' },
          { name, emailDomains: [domain], province: 'Jawa Barat', policy: { fourEyes } },
        )
      ).id;
    institutionId = await make('Dinas Uji Sertifikat', 'contoh.go.id', false);
    fourEyesInstitutionId = await make('Badan Empat Mata', 'empat.go.id', true);
    officerA = await createTestAccount(fx.rt, {
      prefix: 'ra-a',
      n: 1,
      name: 'RA A',
      roles: ['ra_officer'],
      institutionId: fourEyesInstitutionId,
      password: 'Kata-Sandi-Panjang-1',
    });
    officerB = await createTestAccount(fx.rt, {
      prefix: 'ra-b',
      n: 1,
      name: 'RA B',
      roles: ['ra_officer'],
      institutionId: fourEyesInstitutionId,
      password: 'Kata-Sandi-Panjang-1',
    });
  });

  /** A verified subscriber of the institution (the operator's `subscriber add --verified`). */
  async function subscriber(at = institutionId, domain = 'contoh.go.id'): Promise<AccountRow> {
    const person = syntheticPerson();
    const { accountId } = await addSubscriber(enrollmentContextOf(fx.rt), 'test', {
      institutionId: at,
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
    const [row] = await fx.rt.db.select().from(accounts).where(eq(accounts.id, accountId));
    return row!;
  }

  const linkOf = (to: string) => {
    const message = sent.filter((m) => m.template === 'set-passphrase' && m.to === to).at(-1);
    assert.ok(message, `a Set Passphrase mail to ${to}`);
    return message.data.link!.slice(message.data.link!.indexOf('#') + 1);
  };

  async function approvedRequest(holder: AccountRow): Promise<string> {
    const { id } = await requestCertificate(ctx, holder, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, id);
    return id;
  }

  it('shows the exact subject from the verified profile, and issues what it showed', async () => {
    const holder = await subscriber();
    const plan = await fx.rt.db.transaction((tx) => planCertificateRequest(tx, holder, 'esign'));
    assert.equal(
      plan.subjectText,
      `CN=${holder.fullName}, title=Analis Kebijakan, OU=Bidang Persandian, O=Dinas Uji Sertifikat, ST=Jawa Barat, C=ID`,
    );
    const requestId = await approvedRequest(holder);
    assert.equal(
      (await fx.rt.db.select().from(certificateRequests).where(eq(certificateRequests.id, requestId)))[0]!
        .status,
      'approved',
    );
    // Both mails of the approval, with the link in the second.
    assert.ok(sent.some((m) => m.template === 'certificate-request-approved' && m.to === holder.email));
    const token = linkOf(holder.email);
    const shown = await readSetPassphraseLink(ctx, token, { ip: '192.0.2.10' });
    assert.equal(shown.request.id, requestId);
    const issued = await setPassphraseByLink(
      ctx,
      token,
      { passphrase: PASSPHRASE, confirmation: PASSPHRASE, agreementVersion: subscriberAgreement().version },
      { ip: '192.0.2.10' },
    );
    assert.equal(issued.certificate.subject, plan.subjectText);
    const file = fx.write('esign.pem', issued.certificate.pem);
    assert.match(
      openssl([
        'verify',
        '-x509_strict',
        '-CAfile',
        fx.caPem('root'),
        '-untrusted',
        fx.caPem('individual'),
        file,
      ]),
      /: OK/,
    );
    const text = openssl(['x509', '-in', file, '-noout', '-text']);
    assert.match(text, /Digital Signature, Non Repudiation/);
    assert.match(text, new RegExp(`email:${holder.email.replace(/\./g, '\\.')}`));
    assert.doesNotMatch(text, /serialNumber=\d{16}/, 'no NIK in the subject');
    // The link is used; the request issued; the holder told.
    await rejects(readSetPassphraseLink(ctx, token, { ip: '192.0.2.10' }), 'ERR_LINK_USED');
    assert.ok(
      sent.some((m) => m.template === 'certificate-issued' && m.data.serial === issued.certificate.serialHex),
    );
    const [request] = await fx.rt.db
      .select()
      .from(certificateRequests)
      .where(eq(certificateRequests.id, requestId));
    assert.equal(request!.status, 'issued');
    assert.equal((await loadUserStatus(fx.rt.db, holder.id)).status, 'ISSUE');
  });

  it('refuses a passphrase outside the rule, a differing confirmation and an old agreement, changing nothing', async () => {
    const holder = await subscriber();
    const requestId = await approvedRequest(holder);
    const token = linkOf(holder.email);
    const version = subscriberAgreement().version;
    // Too short, no upper case, no lower case, no digit, no special character.
    for (const weak of ['Pdk#1a', 'semuakecil#2026', 'SEMUABESAR#2026', 'TanpaAngka#!', 'TanpaSimbol2026'])
      await rejects(
        setPassphraseByLink(
          ctx,
          token,
          { passphrase: weak, agreementVersion: version },
          { ip: '192.0.2.11' },
        ),
        'ERR_PASSPHRASE_POLICY',
      );
    await rejects(
      setPassphraseByLink(
        ctx,
        token,
        { passphrase: PASSPHRASE, confirmation: `${PASSPHRASE}x`, agreementVersion: version },
        { ip: '192.0.2.11' },
      ),
      'ERR_INPUT_INVALID',
    );
    await rejects(
      setPassphraseByLink(
        ctx,
        token,
        { passphrase: PASSPHRASE, agreementVersion: '0.0' },
        { ip: '192.0.2.11' },
      ),
      'ERR_INPUT_INVALID',
    );
    const keys = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.requestId, requestId));
    assert.equal(keys.length, 0);
    // The link still works.
    await readSetPassphraseLink(ctx, token, { ip: '192.0.2.11' });
  });

  it('keeps the key sealed twice: a dump with the master key, or with the passphrase, opens nothing', async () => {
    const holder = await subscriber();
    const requestId = await approvedRequest(holder);
    const issued = await setPassphraseAsOperator(ctx, 'test', requestId, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    const [row] = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, issued.id));
    assert.ok(row);
    // The holder's passphrase and this database's master key open it, and it is the certificate's key.
    const { privateKey } = await unlockSubscriberKey(ctx, row, PASSPHRASE, { actor: 'test' });
    const certificate = new crypto.X509Certificate(issued.certificate.pem);
    const signature = crypto.sign('sha256', Buffer.from('surat'), privateKey);
    assert.ok(crypto.verify('sha256', Buffer.from('surat'), certificate.publicKey, signature));
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
    const scalar = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');

    // A dump of every table, as text and bytes: the private key is nowhere in clear.
    const tables = await fx.rt.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
    let dump = '';
    for (const { tablename } of (tables as { rows: { tablename: string }[] }).rows) {
      const rows = await fx.rt.db.execute(sql.raw(`select row_to_json(t)::text as j from "${tablename}" t`));
      for (const r of (rows as { rows: { j: string }[] }).rows) dump += r.j;
    }
    assert.ok(dump.length > 10_000);
    assert.ok(!dump.includes(pkcs8.toString('hex')) && !dump.includes(pkcs8.toString('base64')));
    assert.ok(!dump.includes(scalar.toString('hex')) && !dump.includes(scalar.toString('base64')));

    // Dump + master key: the outer layer opens, the inner does not without the passphrase.
    const sealed = row.sealedKey;
    const inner = fx.rt.masterKey.open('subscriber-key/v1', sealed, `subscriber-key/outer:${row.id}`);
    assert.ok(!inner.includes(scalar), 'the inner layer is ciphertext');
    for (const guess of ['Rahasia#2025', 'rahasia#2026', PASSPHRASE + ' '])
      assert.equal(await openSubscriberKey(sealed, guess, row.id, masterOuterLayer(fx.rt.masterKey)), null);
    // Dump + passphrase, another master key: the outer layer refuses.
    await rejects(
      openSubscriberKey(sealed, PASSPHRASE, row.id, masterOuterLayer(new MasterKey(crypto.randomBytes(32)))),
      'ERR_KEY_UNSEAL_FAILED',
    );
    // The sealed key moved to another row's id does not open either.
    await rejects(
      openSubscriberKey(sealed, PASSPHRASE, crypto.randomUUID(), masterOuterLayer(fx.rt.masterKey)),
      'ERR_KEY_UNSEAL_FAILED',
    );
  });

  it('counts wrong passphrases per certificate, locks the key at the limit and tells the holder', async () => {
    const holder = await subscriber();
    const requestId = await approvedRequest(holder);
    const issued = await setPassphraseAsOperator(ctx, 'test', requestId, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    const row = (
      await fx.rt.db.select().from(subscriberCertificates).where(eq(subscriberCertificates.id, issued.id))
    )[0]!;
    // A right passphrase clears the count; then four wrong ones in parallel (the limit is 4).
    const first = await rejects(
      unlockSubscriberKey(ctx, row, 'Salah#0001', { actor: 'test' }),
      'ERR_PASSPHRASE_WRONG',
    );
    assert.equal(first.details?.failuresLeft, 3);
    await unlockSubscriberKey(ctx, row, PASSPHRASE, { actor: 'test' });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => unlockSubscriberKey(ctx, row, `Salah#${i}xyz`, { actor: 'test' })),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as TekenError).code : 'opened'));
    assert.ok(!codes.includes('opened'));
    assert.equal(codes.filter((c) => c === 'ERR_PASSPHRASE_WRONG').length, 3, codes.join(','));
    assert.equal(codes.filter((c) => c === 'ERR_PASSPHRASE_LOCKED').length, 5, codes.join(','));
    // Locked: even the right passphrase is not tried.
    const locked = await rejects(
      unlockSubscriberKey(ctx, row, PASSPHRASE, { actor: 'test' }),
      'ERR_PASSPHRASE_LOCKED',
    );
    assert.ok(Number(locked.details?.retryAfterSeconds) > 25 * 60);
    const notices = sent.filter((m) => m.template === 'passphrase-locked' && m.to === holder.email);
    assert.equal(notices.length, 1);
    // Another certificate's passphrase is counted apart.
    const other = await subscriber();
    const otherIssued = await setPassphraseAsOperator(ctx, 'test', await approvedRequest(other), {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    const otherRow = (
      await fx.rt.db
        .select()
        .from(subscriberCertificates)
        .where(eq(subscriberCertificates.id, otherIssued.id))
    )[0]!;
    await unlockSubscriberKey(ctx, otherRow, PASSPHRASE, { actor: 'test' });
  });

  it('issues one key and one certificate for a request set twice at once', async () => {
    const holder = await subscriber();
    const requestId = await approvedRequest(holder);
    const token = linkOf(holder.email);
    const version = subscriberAgreement().version;
    const both = await Promise.allSettled([
      setPassphraseByLink(
        ctx,
        token,
        { passphrase: PASSPHRASE, agreementVersion: version },
        { ip: '192.0.2.12' },
      ),
      setPassphraseByLink(
        ctx,
        token,
        { passphrase: 'Lain#Rahasia9', agreementVersion: version },
        { ip: '192.0.2.12' },
      ),
    ]);
    assert.equal(both.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(['ERR_CERT_REQUEST_STATE', 'ERR_LINK_USED'].includes((refused.reason as TekenError).code));
    const keys = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.requestId, requestId));
    assert.deepEqual(
      keys.map((k) => k.state),
      ['active'],
    );
  });

  it('reconciles a set-passphrase that died: a recorded certificate is linked, none leaves the request open', async () => {
    // Died after the certificate was issued, before it was linked: the key is on record, sealed.
    const holder = await subscriber();
    const requestId = await approvedRequest(holder);
    const [request] = await fx.rt.db
      .select()
      .from(certificateRequests)
      .where(eq(certificateRequests.id, requestId));
    const keyId = crypto.randomUUID();
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await fx.rt.db.insert(subscriberCertificates).values({
      id: keyId,
      accountId: holder.id,
      institutionId,
      requestId,
      product: 'esign',
      keyAlgorithm: 'p256',
      publicKey: publicKey.export({ type: 'spki', format: 'der' }),
      sealedKey: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'der' }).length.toString()),
      outerLayer: 'master',
      agreementVersion: subscriberAgreement().version,
      agreementAcceptedAt: new Date(),
      createdAt: new Date(Date.now() - 10 * 60_000),
    });
    const issued = await issueCertificate(fx.rt.authority, {
      caId: products.esign.caId,
      profile: products.esign.profile,
      subject: request!.subject,
      altNames: [],
      spkiDer: publicKey.export({ type: 'spki', format: 'der' }),
      actor: 'test',
      requestRef: keyId,
    });
    // Died before anything was recorded at the authority: a second holder's pending key.
    const loser = await subscriber();
    const loserRequest = await approvedRequest(loser);
    const loserKey = crypto.randomUUID();
    await fx.rt.db.insert(subscriberCertificates).values({
      id: loserKey,
      accountId: loser.id,
      institutionId,
      requestId: loserRequest,
      product: 'esign',
      keyAlgorithm: 'p256',
      publicKey: Buffer.from('spki'),
      sealedKey: Buffer.from('sealed'),
      outerLayer: 'master',
      agreementVersion: subscriberAgreement().version,
      agreementAcceptedAt: new Date(),
      createdAt: new Date(Date.now() - 10 * 60_000),
    });
    const settled = await reconcileSubscriberKeys(ctx, 5 * 60_000);
    assert.equal(settled.linked, 1);
    assert.equal(settled.failed, 1);
    const [linked] = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, keyId));
    assert.equal(linked!.state, 'active');
    assert.equal(linked!.serial, issued.serialHex);
    assert.equal(
      (await fx.rt.db.select().from(certificateRequests).where(eq(certificateRequests.id, requestId)))[0]!
        .status,
      'issued',
    );
    assert.ok(sent.some((m) => m.template === 'certificate-issued' && m.data.serial === issued.serialHex));
    // The other request is still approved, and its link sets the passphrase now.
    const [failed] = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, loserKey));
    assert.equal(failed!.state, 'failed');
    const again = await setPassphraseByLink(
      ctx,
      linkOf(loser.email),
      { passphrase: PASSPHRASE, agreementVersion: subscriberAgreement().version },
      { ip: '192.0.2.13' },
    );
    assert.equal(again.requestId, loserRequest);
    // Every certificate with a request_ref has its key on record.
    const orphans = await fx.rt.db.execute(sql`
      select count(*)::int as n from ${certificates} c
      where c.request_ref is not null
        and not exists (select 1 from ${subscriberCertificates} k where k.id = c.request_ref)`);
    assert.equal((orphans as { rows: { n: number }[] }).rows[0]!.n, 0);
  });

  it('settles a stale pending key of the request when the holder tries again, and refuses while one is young', async () => {
    const holder = await subscriber();
    const requestId = await approvedRequest(holder);
    const pendingKey = (ageMs: number) => ({
      id: crypto.randomUUID(),
      accountId: holder.id,
      institutionId,
      requestId,
      product: 'esign' as const,
      keyAlgorithm: 'p256',
      publicKey: Buffer.from('spki'),
      sealedKey: Buffer.from('sealed'),
      outerLayer: 'master' as const,
      agreementVersion: subscriberAgreement().version,
      agreementAcceptedAt: new Date(),
      createdAt: new Date(Date.now() - ageMs),
    });
    const young = pendingKey(10_000);
    await fx.rt.db.insert(subscriberCertificates).values(young);
    const input = { passphrase: PASSPHRASE, agreementVersion: subscriberAgreement().version };
    await rejects(setPassphraseAsOperator(ctx, 'test', requestId, input), 'ERR_CERT_REQUEST_STATE');
    // The same key three minutes old: the process that made it is gone; settled, then issued.
    await fx.rt.db
      .update(subscriberCertificates)
      .set({ createdAt: new Date(Date.now() - 3 * 60_000) })
      .where(eq(subscriberCertificates.id, young.id));
    const issued = await setPassphraseAsOperator(ctx, 'test', requestId, input);
    const keys = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.requestId, requestId));
    assert.deepEqual(keys.map((k) => [k.id === issued.id ? 'new' : 'old', k.state]).sort(), [
      ['new', 'active'],
      ['old', 'failed'],
    ]);
  });

  it('asks for a second RA officer under four-eyes; nobody decides their own; a rejection tells the reason', async () => {
    const holder = await subscriber(fourEyesInstitutionId, 'empat.go.id');
    const { id } = await requestCertificate(ctx, holder, { product: 'esign' });
    await rejects(requestCertificate(ctx, holder, { product: 'esign' }), 'ERR_CERT_REQUEST_OPEN');
    assert.equal((await approveCertificateRequest(ctx, officerA, id)).status, 'first_approval');
    await rejects(approveCertificateRequest(ctx, officerA, id), 'ERR_REGISTRATION_SAME_APPROVER');
    assert.equal((await approveCertificateRequest(ctx, officerB, id)).status, 'approved');
    // An officer of another institution sees nothing.
    const stranger = await createTestAccount(fx.rt, {
      prefix: 'ra-c',
      n: 1,
      name: 'RA C',
      roles: ['ra_officer'],
      institutionId,
      password: 'Kata-Sandi-Panjang-1',
    });
    const second = await subscriber(fourEyesInstitutionId, 'empat.go.id');
    const { id: secondId } = await requestCertificate(ctx, second, { product: 'esign' });
    await rejects(approveCertificateRequest(ctx, stranger, secondId), 'ERR_CERT_REQUEST_NOT_FOUND');
    // The holder cannot approve their own; a short reason is refused; a rejection is mailed.
    await rejects(approveCertificateRequest(ctx, second, secondId), 'ERR_AUTH_FORBIDDEN');
    await rejects(rejectCertificateRequest(ctx, officerA, secondId, 'no'), 'ERR_INPUT_INVALID');
    await rejectCertificateRequest(ctx, officerA, secondId, 'Surat rekomendasi tidak ditandatangani.');
    const mail = sent.find((m) => m.template === 'certificate-request-rejected' && m.to === second.email);
    assert.equal(mail?.data.reason, 'Surat rekomendasi tidak ditandatangani.');
    await rejects(approveCertificateRequest(ctx, officerB, secondId), 'ERR_CERT_REQUEST_STATE');
  });

  it('takes only a PDF within the size limit as the supporting document, sealed', async () => {
    const holder = await subscriber();
    await rejects(
      requestCertificate(ctx, holder, {
        product: 'esign',
        document: { name: 'foto.jpg', bytes: Buffer.from('\xff\xd8\xff\xe0 JFIF') },
      }),
      'ERR_INPUT_INVALID',
    );
    await rejects(
      requestCertificate(ctx, holder, {
        product: 'esign',
        document: {
          name: 'besar.pdf',
          bytes: Buffer.concat([
            Buffer.from('%PDF-1.7\n'),
            Buffer.alloc(3 * 1024 * 1024),
            Buffer.from('%%EOF'),
          ]),
        },
      }),
      'ERR_INPUT_INVALID',
    );
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const { id } = await requestCertificate(ctx, holder, {
      product: 'esign',
      document: { name: 'Surat\u0000 Rekomendasi.pdf', bytes: pdf },
    });
    const [row] = await fx.rt.db.select().from(certificateRequests).where(eq(certificateRequests.id, id));
    assert.equal(row!.documentName, 'Surat Rekomendasi.pdf');
    assert.ok(!Buffer.from(row!.documentSealed!).includes(Buffer.from('%PDF')));
    await rejects(requestCertificate(ctx, holder, { product: 'ssl' }), 'ERR_INPUT_INVALID');
    // eSeal: an institution admin's, not a subscriber's.
    await rejects(requestCertificate(ctx, holder, { product: 'eseal' }), 'ERR_AUTH_FORBIDDEN');
  });

  it('flags the certificate for renewal when the RA corrects data its subject carries, not for a title', async () => {
    const holder = await subscriber();
    await setPassphraseAsOperator(ctx, 'test', await approvedRequest(holder), {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    const officer = await createTestAccount(fx.rt, {
      prefix: 'ra-renew',
      n: ++n,
      name: 'RA Renew',
      roles: ['ra_officer'],
      institutionId,
      password: 'Kata-Sandi-Panjang-1',
    });
    const ectx = enrollmentContextOf(fx.rt);
    await correctRegistration(ectx, officer, holder.id, { gelarDepan: 'Dr.' });
    assert.equal((await loadUserStatus(fx.rt.db, holder.id)).status, 'ISSUE');
    await correctRegistration(ectx, officer, holder.id, { jabatan: 'Kepala Bidang' });
    assert.equal((await loadUserStatus(fx.rt.db, holder.id)).status, 'RENEW');
    const [row] = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.accountId, holder.id));
    assert.ok(row!.renewalDueAt);
  });

  it('names added subscribers as registration does: the local part, numbered where taken', async () => {
    const local = `sama.nama.${crypto.randomBytes(3).toString('hex')}`;
    const names: string[] = [];
    // The same local part at two institutions' domains: the second is numbered.
    for (const [at, domain] of [
      [institutionId, 'contoh.go.id'],
      [fourEyesInstitutionId, 'empat.go.id'],
    ] as const) {
      const person = syntheticPerson();
      const { username } = await addSubscriber(enrollmentContextOf(fx.rt), 'test', {
        institutionId: at,
        fullName: person.fullName,
        email: `${local}@${domain}`,
        nik: person.nik,
        verified: true,
      });
      names.push(username);
    }
    assert.deepEqual(names, [local, `${local}2`]);
  });

  it('computes one status per user', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const cert = (over: Partial<Parameters<typeof userStatus>[0]['current'] & object> = {}) => ({
      notAfter: new Date('2027-01-01T00:00:00Z'),
      revokedAt: null,
      revocationReason: null,
      replaced: false,
      renewalDue: false,
      revocationPending: false,
      ...over,
    });
    const at = (
      registration: Parameters<typeof userStatus>[0]['registration'],
      current = null as ReturnType<typeof cert> | null,
      openRequest = null as 'submitted' | 'approved' | null,
    ) => userStatus({ registration, current, openRequest }, now);
    assert.equal(at(null), 'NOT_REGISTERED');
    assert.equal(at('invited'), 'NEW');
    assert.equal(at('submitted'), 'WAITING_FOR_VERIFICATION');
    assert.equal(at('verified'), 'NO_CERTIFICATE');
    assert.equal(at('verified', null, 'submitted'), 'WAITING_FOR_VERIFICATION');
    assert.equal(at('verified', null, 'approved'), 'NO_CERTIFICATE');
    assert.equal(at('verified', cert()), 'ISSUE');
    assert.equal(at('verified', cert({ revocationPending: true })), 'ISSUE');
    assert.equal(at('verified', cert({ notAfter: new Date('2026-05-01T00:00:00Z') })), 'EXPIRED');
    assert.equal(
      at('verified', cert({ revokedAt: new Date('2026-05-01T00:00:00Z'), revocationReason: 6 })),
      'SUSPEND',
    );
    assert.equal(
      at('verified', cert({ revokedAt: new Date('2026-05-01T00:00:00Z'), revocationReason: 1 })),
      'REVOKE',
    );
    assert.equal(at('verified', cert({ renewalDue: true })), 'RENEW');
    // Through the storage: a hold on the issued certificate suspends the user.
    const holder = await subscriber();
    const issued = await setPassphraseAsOperator(ctx, 'test', await approvedRequest(holder), {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    assert.equal((await loadUserStatus(fx.rt.db, holder.id)).status, 'ISSUE');
    await revokeCertificate(fx.rt.authority, {
      caId: 'individual',
      serial: issued.certificate.serialHex,
      reason: 'certificateHold',
      actor: 'test',
    });
    assert.equal((await loadUserStatus(fx.rt.db, holder.id)).status, 'SUSPEND');
    const [queued] = await fx.rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(eq(outbox.accountId, holder.id), eq(outbox.template, 'certificate-issued')));
    assert.equal(queued!.n, 1);
  });
});

describe('teken subscriber add | issue', () => {
  let env: Record<string, string>;
  let institution: string;
  const dir = tmpDir('teken-subscriber-');

  before(async () => {
    env = await testEnv({ TEKEN_QUIET: '1', ...fastKdf, TEKEN_ESIGN_KEY: 'rsa2048' });
    assert.equal((await runCli(['ca', 'init'], env)).code, 0);
    const created = await runCli(
      [
        'institution',
        'create',
        '--name',
        'Dinas Migrasi',
        '--domain',
        'migrasi.go.id',
        '--province',
        'Jawa Timur',
        '--json',
      ],
      env,
    );
    assert.equal(created.code, 0, created.stderr);
    institution = (JSON.parse(created.stdout) as { id: string }).id;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds a verified subscriber and issues their certificate, printed as PEM that OpenSSL verifies', async () => {
    const person = syntheticPerson();
    const added = await runCli(
      [
        'subscriber',
        'add',
        '--institution',
        institution,
        '--name',
        person.fullName,
        '--email',
        'budi@migrasi.go.id',
        '--nik',
        person.nik,
        '--nip',
        person.nip,
        '--phone',
        person.phone,
        '--verified',
      ],
      env,
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout.trim(), /^[0-9a-f-]{36}$/);
    // Again: the same NIK is refused, naming the field, never the value.
    const twice = await runCli(
      [
        'subscriber',
        'add',
        '--institution',
        institution,
        '--name',
        'Lain',
        '--email',
        'lain@migrasi.go.id',
        '--nik',
        person.nik,
        '--verified',
      ],
      env,
    );
    assert.notEqual(twice.code, 0);
    assert.match(twice.stderr, /nik/);
    assert.ok(!twice.stderr.includes(person.nik));
    // Without the variable, nothing is issued.
    const missing = await runCli(
      [
        'subscriber',
        'issue',
        '--email',
        'budi@migrasi.go.id',
        '--product',
        'esign',
        '--passphrase-env',
        'TEKEN_TEST_PP',
      ],
      env,
    );
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /TEKEN_TEST_PP/);
    const issued = await runCli(
      [
        'subscriber',
        'issue',
        '--email',
        'budi@migrasi.go.id',
        '--product',
        'esign',
        '--passphrase-env',
        'TEKEN_TEST_PP',
      ],
      { ...env, TEKEN_TEST_PP: PASSPHRASE },
    );
    assert.equal(issued.code, 0, issued.stderr);
    assert.match(issued.stdout, /^-----BEGIN CERTIFICATE-----/);
    const file = path.join(dir, 'budi.pem');
    fs.writeFileSync(file, issued.stdout);
    const ca = await runCli(['ca', 'cert', 'individual', '--pem'], env);
    const root = await runCli(['ca', 'cert', 'root', '--pem'], env);
    fs.writeFileSync(path.join(dir, 'individual.pem'), ca.stdout);
    fs.writeFileSync(path.join(dir, 'root.pem'), root.stdout);
    assert.match(
      openssl([
        'verify',
        '-x509_strict',
        '-CAfile',
        path.join(dir, 'root.pem'),
        '-untrusted',
        path.join(dir, 'individual.pem'),
        file,
      ]),
      /: OK/,
    );
    const text = openssl(['x509', '-in', file, '-noout', '-text']);
    assert.match(text, /Public-Key: \(2048 bit\)/);
    assert.match(
      text,
      new RegExp(`Subject: C ?= ?ID, ST ?= ?Jawa Timur, O ?= ?Dinas Migrasi, CN ?= ?${person.fullName}`),
    );
    // The passphrase is in no output.
    assert.ok(!issued.stderr.includes(PASSPHRASE) && !issued.stdout.includes(PASSPHRASE));
  });
});
