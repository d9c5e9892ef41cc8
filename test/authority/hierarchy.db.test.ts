import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { openssl } from '../helpers/run-tool.js';
import { testEnv } from '../helpers/test-runtime.js';
import { tmpDir } from '../helpers/tmp-dir.js';

describe('teken ca init', () => {
  let env: Record<string, string>;
  const dir = tmpDir();
  const pem = (id: string) => path.join(dir, `${id}.pem`);

  before(async () => {
    // The shipped defaults: RSA-4096 root, ECDSA P-384 issuing CAs.
    env = await testEnv({
      TEKEN_CA_ROOT_KEY: 'rsa4096',
      TEKEN_CA_ISSUING_KEY: 'p384',
      TEKEN_PUBLIC_URL: 'https://pki.example.id',
    });
    const first = await runCli(['ca', 'init'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /created\s+root/);
    for (const id of ['root', 'individual', 'seal', 'tls']) {
      const out = await runCli(['ca', 'cert', id, '--pem'], env);
      assert.equal(out.code, 0, out.stderr);
      fs.writeFileSync(pem(id), out.stdout);
    }
  });

  it('is idempotent: a second run creates nothing', async () => {
    const second = await runCli(['ca', 'init'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /already exists/);
    assert.doesNotMatch(second.stdout, /created/);
  });

  it('makes a self-signed RSA-4096 root that OpenSSL accepts as a trust anchor', () => {
    const text = openssl(['x509', '-in', pem('root'), '-noout', '-text']);
    assert.match(text, /Public-Key: \(4096 bit\)/);
    assert.match(text, /Basic Constraints: critical\s+CA:TRUE/);
    assert.match(text, /Key Usage: critical\s+Certificate Sign, CRL Sign/);
    assert.match(openssl(['verify', '-CAfile', pem('root'), pem('root')]), /OK/);
  });

  for (const id of ['individual', 'seal', 'tls']) {
    it(`issues the ${id} CA under the root with pathlen 0, AIA and CRL pointers`, () => {
      assert.match(openssl(['verify', '-x509_strict', '-CAfile', pem('root'), pem(id)]), /OK/);
      const text = openssl(['x509', '-in', pem(id), '-noout', '-text']);
      assert.match(text, /ASN1 OID: secp384r1/);
      assert.match(text, /CA:TRUE, pathlen:0/);
      assert.match(text, /CA Issuers - URI:https:\/\/pki\.example\.id\/ca\/root\.crt/);
      assert.match(text, /URI:https:\/\/pki\.example\.id\/crl\/root\.crl/);
      assert.match(text, /Policy: 1\.3\.6\.1\.4\.1\.99999\.1\.\d/);
    });
  }

  it('lists the CAs', async () => {
    const out = await runCli(['ca', 'list'], env);
    assert.equal(out.code, 0, out.stderr);
    for (const id of ['root', 'individual', 'seal', 'tls'])
      assert.match(out.stdout, new RegExp(`^${id}\\s`, 'm'));
    assert.match(out.stdout, /ocsp signer serial/);
    assert.match(out.stdout, /tsa unit/);
  });

  it('writes DER for `ca cert` without --pem', async () => {
    const out = await runCli(['ca', 'cert', 'root'], env);
    assert.equal(out.code, 0);
    assert.equal(out.stdoutBytes[0], 0x30);
    const file = path.join(dir, 'root.der');
    fs.writeFileSync(file, out.stdoutBytes);
    assert.match(openssl(['x509', '-inform', 'DER', '-in', file, '-noout', '-subject']), /Teken Root CA G1/);
  });

  it('publishes a first CRL per CA, signed by it', async () => {
    for (const id of ['root', 'individual', 'seal', 'tls']) {
      const file = path.join(dir, `${id}.crl`);
      const out = await runCli(['crl', 'generate', '--ca', id, '--out', file], env);
      assert.equal(out.code, 0, out.stderr);
      const text = openssl([
        'crl',
        '-inform',
        'DER',
        '-in',
        file,
        '-CAfile',
        pem(id === 'root' ? 'root' : id),
        '-noout',
        '-verify',
        '-text',
      ]);
      assert.match(text, /verify OK/);
      assert.match(text, /X509v3 CRL Number:\s+\d+/);
    }
  });

  it('refuses an unknown CA id with a clear message', async () => {
    const out = await runCli(['ca', 'cert', 'nope', '--pem'], env);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /There is no CA "nope"/);
  });

  it('keeps an audit chain that verifies', async () => {
    const out = await runCli(['audit', 'verify'], env);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /audit chain OK: \d+ events/);
  });
});
