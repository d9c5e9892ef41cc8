import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { generateCrl } from '../../src/authority/generate-crl.js';
import { releaseCertificateHold, revokeCertificate } from '../../src/authority/revoke-certificate.js';
import { toPem } from '../../src/pki/certificate-assembly.js';
import { caFixture, issuePersonal, opensslCsr, type CaFixture } from '../helpers/ca-fixture.js';
import { runCli } from '../helpers/cli.js';
import { openssl, runTool } from '../helpers/run-tool.js';
import { testEnv } from '../helpers/test-runtime.js';

describe('revocation, hold and CRLs', () => {
  let f: CaFixture;
  before(async () => {
    f = await caFixture();
  });

  const newCert = (name: string) => issuePersonal(f.rt.authority, f.dir, name, `${name}.crt.pem`);
  const crlFile = async (name: string) => {
    const crl = await generateCrl(f.rt.authority, 'individual', 'test');
    return f.write(name, toPem(crl.der, 'X509 CRL'));
  };
  const verifyWithCrl = (cert: string, crl: string) =>
    runTool('openssl', [
      'verify',
      '-crl_check',
      '-CAfile',
      f.caPem('root'),
      '-untrusted',
      f.caPem('individual'),
      '-CRLfile',
      crl,
      cert,
    ]);

  it('puts a revoked certificate on the next CRL with reason and invalidity date; OpenSSL then rejects it', async () => {
    const good = await newCert('good');
    const bad = await newCert('bad');
    const compromisedAt = new Date(Date.now() - 3_600_000);
    await revokeCertificate(f.rt.authority, {
      serial: bad.serialHex,
      reason: 'keyCompromise',
      invalidityDate: compromisedAt,
      actor: 'test',
    });
    const crl = await crlFile('after-revoke.crl.pem');
    const text = openssl(['crl', '-in', crl, '-noout', '-text', '-CAfile', f.caPem('individual'), '-verify']);
    assert.match(text, /verify OK/);
    assert.match(text, new RegExp(`Serial Number: ${bad.serialHex.toUpperCase()}`));
    assert.match(text, /Key Compromise/);
    assert.match(text, /Invalidity Date/);
    assert.doesNotMatch(text, new RegExp(good.serialHex.toUpperCase()));
    const rejected = verifyWithCrl(bad.file, crl);
    assert.notEqual(rejected.status, 0);
    assert.match(rejected.stdout + rejected.stderr, /certificate revoked/);
    assert.equal(verifyWithCrl(good.file, crl).status, 0);
  });

  it('refuses to revoke twice and says when it was revoked', async () => {
    const cert = await newCert('twice');
    await revokeCertificate(f.rt.authority, { serial: cert.serialHex, reason: 'superseded', actor: 'test' });
    await assert.rejects(
      revokeCertificate(f.rt.authority, { serial: cert.serialHex, reason: 'keyCompromise', actor: 'test' }),
      {
        code: 'ERR_CERT_ALREADY_REVOKED',
      },
    );
  });

  it('holds and releases: on the CRL as certificateHold, then off it again', async () => {
    const cert = await newCert('held');
    await revokeCertificate(f.rt.authority, {
      serial: cert.serialHex,
      reason: 'certificateHold',
      actor: 'test',
    });
    const held = await crlFile('held.crl.pem');
    assert.match(openssl(['crl', '-in', held, '-noout', '-text']), /Certificate Hold/);
    assert.notEqual(verifyWithCrl(cert.file, held).status, 0);
    await releaseCertificateHold(f.rt.authority, { serial: cert.serialHex, actor: 'test' });
    const released = await crlFile('released.crl.pem');
    assert.doesNotMatch(
      openssl(['crl', '-in', released, '-noout', '-text']),
      new RegExp(cert.serialHex.toUpperCase()),
    );
    assert.equal(verifyWithCrl(cert.file, released).status, 0);
    await assert.rejects(releaseCertificateHold(f.rt.authority, { serial: cert.serialHex, actor: 'test' }), {
      code: 'ERR_CERT_NOT_ON_HOLD',
    });
  });

  it('turns a hold into a permanent revocation', async () => {
    const cert = await newCert('hold-then-revoke');
    await revokeCertificate(f.rt.authority, {
      serial: cert.serialHex,
      reason: 'certificateHold',
      actor: 'test',
    });
    await revokeCertificate(f.rt.authority, {
      serial: cert.serialHex,
      reason: 'keyCompromise',
      actor: 'test',
    });
    assert.match(openssl(['crl', '-in', await crlFile('perm.crl.pem'), '-noout', '-text']), /Key Compromise/);
  });

  it('numbers CRLs strictly upwards', async () => {
    const a = await generateCrl(f.rt.authority, 'individual', 'test');
    const b = await generateCrl(f.rt.authority, 'individual', 'test');
    assert.equal(b.number, a.number + 1n);
  });

  describe('through the CLI', () => {
    // The CLI opens the database itself, so these tests use a data directory of their own.
    let env: Record<string, string>;
    before(async () => {
      env = await testEnv();
      assert.equal((await runCli(['ca', 'init'], env)).code, 0);
    });
    const cliCert = async (name: string) => {
      const { csrFile } = opensslCsr(f.dir, name, `/C=ID/O=Contoh/CN=${name}`);
      const out = await runCli(
        ['cert', 'issue', '--ca', 'individual', '--profile', 'individual', '--csr', csrFile],
        env,
      );
      assert.equal(out.code, 0, out.stderr);
      return { serialHex: /issued serial ([0-9a-f]+)/.exec(out.stderr)![1]! };
    };

    it('revokes by serial with a reason and publishes a CRL', async () => {
      const cert = await cliCert('cli-revoke');
      const out = await runCli(
        ['cert', 'revoke', cert.serialHex.toUpperCase(), '--reason', 'key-compromise'],
        env,
      );
      assert.equal(out.code, 0, out.stderr);
      assert.match(out.stdout, /revoked .* keyCompromise.*CRL \d+ published/);
      const show = await runCli(['cert', 'show', cert.serialHex], env);
      assert.match(show.stdout, /status\s+revoked/);
      assert.match(show.stdout, /reason\s+keyCompromise/);
    });

    it('rejects unknown reasons, unknown serials and malformed serials without changing anything', async () => {
      const cert = await cliCert('cli-bad');
      const auditBefore = (await runCli(['audit', 'verify'], env)).stdout;
      const badReason = await runCli(['cert', 'revoke', cert.serialHex, '--reason', 'bored'], env);
      assert.equal(badReason.code, 1);
      assert.match(
        badReason.stderr,
        /"bored" is not a revocation reason. Use one of: unspecified, keyCompromise/,
      );
      const unknown = await runCli(['cert', 'revoke', '0abc', '--reason', 'superseded'], env);
      assert.match(unknown.stderr, /No certificate has the serial 0abc/);
      const malformed = await runCli(['cert', 'revoke', 'xyz!', '--reason', 'superseded'], env);
      assert.equal(malformed.code, 2);
      assert.match(malformed.stderr, /not a serial number/);
      const caOnly = await runCli(['cert', 'revoke', cert.serialHex, '--reason', 'cACompromise'], env);
      assert.match(
        caOnly.stderr,
        /cACompromise cannot be used for this certificate. Use one of: unspecified, keyCompromise/,
      );
      const noReason = await runCli(['cert', 'revoke', cert.serialHex], env);
      assert.equal(noReason.code, 2);
      // Nothing was recorded: the audit chain has exactly as many events as before.
      assert.equal(
        (await runCli(['audit', 'verify'], env)).stdout.split('\n')[0],
        auditBefore.split('\n')[0],
      );
      const show = await runCli(['cert', 'show', cert.serialHex, '--pem'], env);
      assert.match(show.stdout, /status\s+valid/);
      assert.match(show.stdout, /BEGIN CERTIFICATE/);
    });

    it('issues with a generated key into a PKCS#12 that OpenSSL and keytool open', async () => {
      const p12 = path.join(f.dir, 'generated.p12');
      const out = await runCli(
        [
          'cert',
          'issue',
          '--ca',
          'individual',
          '--profile',
          'individual',
          '--subject',
          'CN=Siti Rahma, O=Contoh, C=ID',
          '--generate-key',
          'p256',
          '--p12',
          p12,
          '--p12-pass-env',
          'P12PASS',
        ],
        { ...env, P12PASS: 'rahasia-sekali-123' },
      );
      assert.equal(out.code, 0, out.stderr);
      assert.match(out.stdout, /BEGIN CERTIFICATE/);
      const info = runTool(
        'openssl',
        ['pkcs12', '-in', p12, '-info', '-noout', '-passin', 'env:P12PASS'],
        undefined,
        { P12PASS: 'rahasia-sekali-123' },
      );
      assert.equal(info.status, 0, info.stderr);
      assert.match(info.stderr, /MAC: sha256/);
      assert.match(info.stderr, /PBES2, PBKDF2, AES-256-CBC/);
      const keytool = runTool('keytool', [
        '-list',
        '-v',
        '-storetype',
        'PKCS12',
        '-keystore',
        p12,
        '-storepass',
        'rahasia-sekali-123',
      ]);
      assert.equal(keytool.status, 0, keytool.stdout + keytool.stderr);
      assert.match(keytool.stdout, /PrivateKeyEntry/);
      assert.match(keytool.stdout, /Certificate chain length: 3/);
      const missingPass = await runCli(
        [
          'cert',
          'issue',
          '--ca',
          'individual',
          '--profile',
          'individual',
          '--subject',
          'CN=X, C=ID',
          '--generate-key',
          'p256',
          '--p12',
          p12,
          '--p12-pass-env',
          'NOT_SET',
        ],
        env,
      );
      assert.equal(missingPass.code, 2);
      assert.match(missingPass.stderr, /NOT_SET .* not set/);
    });
  });
});
