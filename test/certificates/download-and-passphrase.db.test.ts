/**
 * Daftar Sertifikat Elektronik, Unduh, Info, Ubah passphrase and the keystore (use cases, real
 * storage), judged by OpenSSL and keytool: the list's status and Catatan, the certificate and its
 * chain verified, a changed passphrase opening the same key and the old one no longer, a wrong old
 * passphrase counted, the keystore refused without the policy, sent by the RA as a link, opened by
 * `openssl pkcs12` and `keytool` with the passphrase; another account sees none of it.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { CertificatesContext } from '../../src/certificates/certificates-context.js';
import { changePassphrase } from '../../src/certificates/change-passphrase.js';
import { approveCertificateRequest } from '../../src/certificates/decide-certificate-request.js';
import { downloadCertificate } from '../../src/certificates/download-certificate.js';
import { downloadKeystore, downloadKeystoreByLink } from '../../src/certificates/download-keystore.js';
import { listSubscriberCertificates } from '../../src/certificates/list-subscriber-certificates.js';
import { readCertificateInfo } from '../../src/certificates/read-certificate-info.js';
import { requestCertificate } from '../../src/certificates/request-certificate.js';
import { sendKeystoreLink } from '../../src/certificates/send-keystore-link.js';
import { setPassphraseAsOperator, subscriberAgreement } from '../../src/certificates/set-passphrase.js';
import {
  releaseCertificate,
  revokeCertificateAsStaff,
  suspendCertificate,
} from '../../src/certificates/manage-certificate.js';
import { unlockSubscriberKey } from '../../src/certificates/unlock-subscriber-key.js';
import { accounts, certificates, subscriberCertificates } from '../../src/db/schema.js';
import { addSubscriber } from '../../src/enrollment/add-subscriber.js';
import { createInstitution } from '../../src/enrollment/create-institution.js';
import { isTekenError, type TekenError } from '../../src/errors/teken-error.js';
import type { AccountRow } from '../../src/identity/accounts.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { caFixture, type CaFixture } from '../helpers/ca-fixture.js';
import { openssl, runTool } from '../helpers/run-tool.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { createTestAccount } from '../helpers/test-accounts.js';

const PASSPHRASE = 'Rahasia#2026';
const NEW_PASSPHRASE = 'Baru-Rahasia#2027';

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

describe('certificate list, download, passphrase change and keystore', () => {
  let fx: CaFixture;
  let ctx: CertificatesContext;
  let holder: AccountRow;
  let certificateId: string;
  let serial: string;
  const sent: { template: string; data: Record<string, string> }[] = [];

  before(async () => {
    fx = await caFixture({
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
    });
    const base = certificatesContextOf(fx.rt);
    ctx = {
      ...base,
      notify: async (tx, message) => {
        sent.push({ template: message.template, data: { ...message.data } });
        await base.notify(tx, message);
      },
    };
    const { id: institutionId } = await createInstitution(
      fx.rt.db,
      { operator: 'test' },
      { name: 'Dinas Unduh', emailDomains: ['unduh.go.id'] },
    );
    const person = syntheticPerson();
    const { accountId } = await addSubscriber(enrollmentContextOf(fx.rt), 'test', {
      institutionId,
      fullName: person.fullName,
      email: 'pemilik@unduh.go.id',
      nik: person.nik,
      verified: true,
    });
    holder = (await fx.rt.db.select().from(accounts).where(eq(accounts.id, accountId)))[0]!;
    const { id: requestId } = await requestCertificate(ctx, holder, { product: 'esign' });
    await approveCertificateRequest(ctx, { operator: 'test' }, requestId);
    const issued = await setPassphraseAsOperator(ctx, 'test', requestId, {
      passphrase: PASSPHRASE,
      agreementVersion: subscriberAgreement().version,
    });
    certificateId = issued.id;
    serial = issued.certificate.serialHex;
    // Officers of the holder's institution and of another.
    await createTestAccount(fx.rt, {
      prefix: 'ra-unduh',
      n: 1,
      name: 'RA Unduh',
      roles: ['ra_officer'],
      institutionId,
      password: 'Kata-Sandi-Panjang-1',
    });
  });

  const officer = async () =>
    (await fx.rt.db.select().from(accounts).where(eq(accounts.username, 'ra-unduh1')))[0]!;

  it('lists the certificate as Issued, gives its chain that OpenSSL verifies, and its Info', async () => {
    const [item] = await listSubscriberCertificates(ctx, holder, holder.id);
    assert.equal(item!.id, certificateId);
    assert.equal(item!.status, 'Issued');
    assert.equal(item!.note, null);
    const pem = await downloadCertificate(ctx, holder, certificateId, 'pem');
    const file = fx.write('unduh.pem', pem.body);
    // The certificate first, then its issuing CA: OpenSSL builds the path to the root from it.
    assert.match(
      openssl(['verify', '-x509_strict', '-CAfile', fx.caPem('root'), '-untrusted', file, file]),
      /: OK/,
    );
    const der = await downloadCertificate(ctx, holder, certificateId, 'der');
    assert.match(
      openssl(['x509', '-inform', 'DER', '-in', fx.write('unduh.der', der.body), '-noout', '-serial']),
      new RegExp(`serial=${serial.toUpperCase()}`),
    );
    await rejects(downloadCertificate(ctx, holder, certificateId, 'p7b'), 'ERR_INPUT_INVALID');
    const info = await readCertificateInfo(ctx, holder, certificateId);
    assert.equal(info.serial.toLowerCase().replace(/:/g, ''), serial);
    const fingerprint = new crypto.X509Certificate(der.body).fingerprint256;
    assert.equal(
      info.sha256Fingerprint.toUpperCase().replace(/[^0-9A-F]/g, ''),
      fingerprint.replace(/:/g, ''),
    );
    assert.ok(
      info.keyUsages.some((u) => /non.?repudiation|contentCommitment/i.test(u)),
      info.keyUsages.join(),
    );
    // The holder's download is the Catatan.
    const [after] = await listSubscriberCertificates(ctx, holder, holder.id);
    assert.match(after!.note ?? '', /^Telah di unduh @ /);
  });

  it('changes the passphrase: the same key opens with the new one only; a wrong old one is counted', async () => {
    const [before] = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, certificateId));
    const wrong = await rejects(
      changePassphrase(ctx, holder, certificateId, {
        oldPassphrase: 'Salah#0000',
        newPassphrase: NEW_PASSPHRASE,
        confirmation: NEW_PASSPHRASE,
      }),
      'ERR_PASSPHRASE_WRONG',
    );
    assert.ok(Number(wrong.details?.failuresLeft) >= 1);
    await rejects(
      changePassphrase(ctx, holder, certificateId, {
        oldPassphrase: PASSPHRASE,
        newPassphrase: 'lemah',
        confirmation: 'lemah',
      }),
      'ERR_PASSPHRASE_POLICY',
    );
    await changePassphrase(ctx, holder, certificateId, {
      oldPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      confirmation: NEW_PASSPHRASE,
    });
    const [row] = await fx.rt.db
      .select()
      .from(subscriberCertificates)
      .where(eq(subscriberCertificates.id, certificateId));
    assert.equal(row!.serial, before!.serial);
    assert.deepEqual(Buffer.from(row!.publicKey), Buffer.from(before!.publicKey));
    assert.notDeepEqual(Buffer.from(row!.sealedKey), Buffer.from(before!.sealedKey));
    await rejects(unlockSubscriberKey(ctx, row!, PASSPHRASE, { actor: 'test' }), 'ERR_PASSPHRASE_WRONG');
    const { privateKey } = await unlockSubscriberKey(ctx, row!, NEW_PASSPHRASE, { actor: 'test' });
    const publicKey = crypto.createPublicKey({
      key: Buffer.from(row!.publicKey),
      format: 'der',
      type: 'spki',
    });
    const signature = crypto.sign('sha256', Buffer.from('surat'), privateKey);
    assert.ok(crypto.verify('sha256', Buffer.from('surat'), publicKey, signature));
    assert.ok(sent.some((m) => m.template === 'passphrase-changed'));
  });

  it('refuses the self-service keystore without the policy; the RA’s link gives one OpenSSL and keytool open', async () => {
    // Without the institution's self-service policy the holder gets no keystore, whatever the passphrase.
    await assert.rejects(downloadKeystore(ctx, holder, certificateId, NEW_PASSPHRASE), (error: unknown) => {
      assert.ok(isTekenError(error) && error.status >= 400 && error.status < 500, String(error));
      return true;
    });
    await sendKeystoreLink(ctx, await officer(), certificateId);
    const mail = sent.filter((m) => m.template === 'download-keystore').at(-1);
    assert.ok(mail);
    const token = mail.data.link!.slice(mail.data.link!.indexOf('#') + 1);
    await rejects(
      downloadKeystoreByLink(ctx, token, 'Salah#0000', { ip: '192.0.2.20' }),
      'ERR_PASSPHRASE_WRONG',
    );
    const keystore = await downloadKeystoreByLink(ctx, token, NEW_PASSPHRASE, { ip: '192.0.2.20' });
    const file = fx.write('keystore.p12', keystore.body);
    const env = { ...process.env, P12PASS: NEW_PASSPHRASE };
    const info = runTool(
      'openssl',
      ['pkcs12', '-in', file, '-noenc', '-passin', 'env:P12PASS'],
      undefined,
      env,
    );
    assert.equal(info.status, 0, info.stderr);
    assert.match(info.stdout, /BEGIN PRIVATE KEY/);
    assert.match(info.stdout, /BEGIN CERTIFICATE/);
    const keytool = runTool(
      'keytool',
      ['-list', '-storetype', 'PKCS12', '-keystore', file, '-storepass:env', 'P12PASS'],
      undefined,
      env,
    );
    assert.equal(keytool.status, 0, keytool.stderr + keytool.stdout);
    assert.match(keytool.stdout, /PrivateKeyEntry/);
    assert.ok(sent.some((m) => m.template === 'keystore-downloaded'));
    // The link is used up.
    await assert.rejects(downloadKeystoreByLink(ctx, token, NEW_PASSPHRASE, { ip: '192.0.2.20' }));
  });

  it('shows another account none of it', async () => {
    const stranger = await createTestAccount(fx.rt, {
      prefix: 'asing',
      n: 1,
      name: 'Orang Asing',
      roles: ['subscriber'],
      password: 'Kata-Sandi-Panjang-1',
    });
    await rejects(listSubscriberCertificates(ctx, stranger, holder.id), 'ERR_SUBSCRIBER_CERT_NOT_FOUND');
    await rejects(downloadCertificate(ctx, stranger, certificateId, 'pem'), 'ERR_SUBSCRIBER_CERT_NOT_FOUND');
    await rejects(readCertificateInfo(ctx, stranger, certificateId), 'ERR_SUBSCRIBER_CERT_NOT_FOUND');
    await rejects(
      changePassphrase(ctx, stranger, certificateId, {
        oldPassphrase: NEW_PASSPHRASE,
        newPassphrase: PASSPHRASE,
        confirmation: PASSPHRASE,
      }),
      'ERR_SUBSCRIBER_CERT_NOT_FOUND',
    );
    await assert.rejects(sendKeystoreLink(ctx, stranger, certificateId));
    fs.rmSync(path.join(fx.dir, 'keystore.p12'), { force: true });
  });

  it('refuses Ubah passphrase for a suspended, an expired and a revoked certificate, counting nothing', async () => {
    const ra = await officer();
    const change = (context: CertificatesContext) =>
      changePassphrase(context, holder, certificateId, {
        oldPassphrase: 'Salah#0000',
        newPassphrase: 'Lain-Rahasia#2029',
        confirmation: 'Lain-Rahasia#2029',
      });
    const sealed = async () =>
      Buffer.from(
        (
          await fx.rt.db
            .select()
            .from(subscriberCertificates)
            .where(eq(subscriberCertificates.id, certificateId))
        )[0]!.sealedKey,
      );
    const before = await sealed();
    const current = async () =>
      (
        await fx.rt.db
          .select()
          .from(subscriberCertificates)
          .where(eq(subscriberCertificates.id, certificateId))
      )[0]!;
    // Suspended (certificateHold): refused with a clear 409, even with a wrong old passphrase,
    // which is therefore not tried (a right one would be refused just the same).
    await suspendCertificate(ctx, ra, certificateId, { note: 'Pemeriksaan' });
    const suspended = await rejects(change(ctx), 'ERR_SUBSCRIBER_CERT_STATE');
    assert.match(suspended.message, /revoked or suspended/);
    await releaseCertificate(ctx, ra, certificateId, { note: 'Selesai' });
    // Expired: the same, on a clock after notAfter.
    const [expiry] = await fx.rt.db
      .select({ notAfter: certificates.notAfter })
      .from(certificates)
      .where(eq(certificates.serial, serial));
    const later = { ...ctx, now: () => expiry!.notAfter.getTime() + 1_000 };
    assert.match((await rejects(change(later), 'ERR_SUBSCRIBER_CERT_STATE')).message, /expired/);
    // Revoked.
    await revokeCertificateAsStaff(ctx, ra, certificateId, { reason: 'keyCompromise', note: 'Bocor' });
    await rejects(change(ctx), 'ERR_SUBSCRIBER_CERT_STATE');
    assert.deepEqual(await sealed(), before, 'the sealed key is untouched');
    // A wrong passphrase was never tried: the right one still opens the key.
    const { privateKey } = await unlockSubscriberKey(ctx, await current(), NEW_PASSPHRASE, { actor: 'test' });
    assert.ok(privateKey);
  });
});
