import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { unlockSubscriberKey } from '../../src/certificates/unlock-subscriber-key.js';
import { loadConfig } from '../../src/config/load-config.js';
import { keys, subscriberCertificates } from '../../src/db/schema.js';
import { masterOuterLayer, openSubscriberKey } from '../../src/keys/subscriber-key-seal.js';
import { certificatesContextOf } from '../../src/runtime/certificates-context-of.js';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import type { RunningServer } from '../../src/runtime/start-server.js';
import { issuePersonal, opensslCsr } from '../helpers/ca-fixture.js';
import { runCli } from '../helpers/cli.js';
import { askOcsp, openssl, runTool } from '../helpers/run-tool.js';
import { testEnv } from '../helpers/test-runtime.js';
import { startTestServer } from '../helpers/test-server.js';
import { syntheticPerson } from '../helpers/synthetic-identity.js';
import { testLogger } from '../helpers/log-capture.js';
import { tmpDir } from '../helpers/tmp-dir.js';

/** A runtime in this process on the test's configuration (after the CLI has closed its own). */
async function openTestRuntimeFor(env: Record<string, string>) {
  return { rt: await openRuntime(loadConfig(env), { log: testLogger() }) };
}

// The whole CA on SoftHSM2 (Debian packages softhsm2 and opensc). Never skips: without SoftHSM the
// test fails, so CI cannot pass without running the CA on the PKCS#11 backend.
const library = process.env.TEKEN_PKCS11_LIBRARY ?? '/usr/lib/softhsm/libsofthsm2.so';
const tokenLabel = `teken-ca-${crypto.randomBytes(3).toString('hex')}`;
const pin = crypto.randomBytes(6).toString('hex');

// SoftHSM reads SOFTHSM2_CONF when the module is initialised: a private token directory, set
// before anything loads the library.
const dir = tmpDir('teken-pkcs11-ca-');
fs.mkdirSync(path.join(dir, 'tokens'));
const softhsmConf = path.join(dir, 'softhsm2.conf');
fs.writeFileSync(
  softhsmConf,
  `directories.tokendir = ${path.join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
);
process.env.SOFTHSM2_CONF = softhsmConf;

const file = (name: string) => path.join(dir, name);
const caIds = ['root', 'individual', 'seal', 'tls'] as const;
const keyLabels = [...caIds, 'individual-ocsp', 'seal-ocsp', 'tls-ocsp', 'seal-tsa'];

function pkcs11Tool(args: string[]): string {
  const result = runTool('pkcs11-tool', ['--module', library, '--token-label', tokenLabel, ...args]);
  assert.equal(result.status, 0, `pkcs11-tool ${args.join(' ')}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** Key objects of one class from `pkcs11-tool --list-objects`, by label. */
function tokenObjects(type: 'privkey' | 'pubkey'): Map<string, { id: string; text: string }> {
  const listing = pkcs11Tool(['--list-objects', '--type', type, '--login', '--pin', pin]);
  const found = new Map<string, { id: string; text: string }>();
  for (const block of listing.split(/(?=^(?:Private|Public) Key Object)/m)) {
    const label = /^\s*label:\s+(.*)$/m.exec(block)?.[1]?.trim();
    const id = /^\s*ID:\s+([0-9a-f]+)$/m.exec(block)?.[1];
    if (label && id) found.set(label, { id, text: block });
  }
  return found;
}

describe('the whole CA on a PKCS#11 token (SoftHSM2)', () => {
  let env: Record<string, string>;

  before(async () => {
    assert.ok(fs.existsSync(library), `${library} is missing: apt-get install softhsm2`);
    const init = runTool('softhsm2-util', [
      '--init-token',
      '--free',
      '--label',
      tokenLabel,
      '--so-pin',
      crypto.randomBytes(6).toString('hex'),
      '--pin',
      pin,
    ]);
    assert.equal(init.status, 0, `softhsm2-util --init-token failed:\n${init.stderr}${init.stdout}`);
    env = await testEnv({
      SOFTHSM2_CONF: softhsmConf,
      TEKEN_KEY_BACKEND: 'pkcs11',
      TEKEN_PKCS11_LIBRARY: library,
      TEKEN_PKCS11_TOKEN_LABEL: tokenLabel,
      TEKEN_PKCS11_PIN: pin,
      TEKEN_CA_ROOT_KEY: 'rsa2048',
      TEKEN_CA_ISSUING_KEY: 'p256',
      TEKEN_CA_RESPONDER_KEY: 'p256',
    });
    const out = await runCli(['ca', 'init'], env);
    assert.equal(out.code, 0, out.stderr);
    for (const id of caIds) assert.match(out.stdout, new RegExp(`created\\s+${id}\\n`));
    for (const id of caIds) {
      const pem = await runCli(['ca', 'cert', id, '--pem'], env);
      assert.equal(pem.code, 0, pem.stderr);
      fs.writeFileSync(file(`${id}.pem`), pem.stdout);
    }
    fs.writeFileSync(
      file('bundle.pem'),
      fs.readFileSync(file('root.pem'), 'utf8') + fs.readFileSync(file('individual.pem'), 'utf8'),
    );
  });

  it('makes an RSA-2048 root and P-256 issuing CAs whose chain OpenSSL verifies', () => {
    const rootText = openssl(['x509', '-in', file('root.pem'), '-noout', '-text']);
    assert.match(rootText, /Public-Key: \(2048 bit\)/);
    assert.match(rootText, /Signature Algorithm: sha256WithRSAEncryption/);
    assert.match(openssl(['verify', '-x509_strict', '-CAfile', file('root.pem'), file('root.pem')]), /OK/);
    for (const id of ['individual', 'seal', 'tls']) {
      assert.match(
        openssl(['verify', '-x509_strict', '-CAfile', file('root.pem'), file(`${id}.pem`)]),
        new RegExp(`${id}\\.pem: OK`),
      );
      const text = openssl(['x509', '-in', file(`${id}.pem`), '-noout', '-text']);
      assert.match(text, /ASN1 OID: prime256v1/);
      assert.match(text, /Signature Algorithm: sha256WithRSAEncryption/);
    }
  });

  it('keeps the CA, OCSP responder and TSA keys in the token, sensitive and never extractable', () => {
    const privateKeys = tokenObjects('privkey');
    const publicKeys = tokenObjects('pubkey');
    assert.deepEqual([...privateKeys.keys()].sort(), [...keyLabels].sort());
    assert.deepEqual([...publicKeys.keys()].sort(), [...keyLabels].sort());
    for (const label of keyLabels) {
      const privateKey = privateKeys.get(label)!;
      const publicKey = publicKeys.get(label)!;
      assert.equal(publicKey.id, privateKey.id, `${label}: one CKA_ID for the pair`);
      if (label === 'root') {
        assert.match(privateKey.text, /^Private Key Object; RSA/);
        assert.match(publicKey.text, /^Public Key Object; RSA 2048 bits/);
      } else {
        assert.match(privateKey.text, /^Private Key Object; EC/);
        assert.match(publicKey.text, /EC_POINT 256 bits/);
        assert.match(publicKey.text, /EC_PARAMS:\s+06082a8648ce3d030107/); // prime256v1
      }
      // Signs and does nothing else; the secret never left the token.
      assert.match(privateKey.text, /Usage:\s+sign\n/);
      assert.match(privateKey.text, /Access:\s+sensitive, always sensitive, never extractable, local/);
    }
  });

  it('issues from an OpenSSL CSR a certificate that OpenSSL verifies', async () => {
    for (const name of ['hsm-revoked', 'hsm-good']) {
      const { csrFile } = opensslCsr(dir, name, `/C=ID/O=Contoh/CN=${name}`);
      const out = await runCli(
        ['cert', 'issue', '--ca', 'individual', '--profile', 'individual', '--csr', csrFile],
        env,
      );
      assert.equal(out.code, 0, out.stderr);
      const serial = /issued serial ([0-9a-f]+)/.exec(out.stderr)?.[1];
      assert.ok(serial, out.stderr);
      fs.writeFileSync(file(`${name}.pem`), out.stdout);
      fs.writeFileSync(file(`${name}.serial`), serial);
      const verified = openssl([
        'verify',
        '-x509_strict',
        '-purpose',
        'smimesign',
        '-CAfile',
        file('root.pem'),
        '-untrusted',
        file('individual.pem'),
        file(`${name}.pem`),
      ]);
      assert.match(verified, /: OK/);
      const text = openssl(['x509', '-in', file(`${name}.pem`), '-noout', '-text', '-serial']);
      assert.match(text, /Signature Algorithm: ecdsa-with-SHA256/);
      assert.match(text, new RegExp(`serial=${serial.toUpperCase()}`));
    }
  });

  it("seals subscribers' keys under an AES key of the token: the master key alone opens no outer layer", async () => {
    const fast = {
      ...env,
      TEKEN_PASSPHRASE_ARGON2_MEMORY_KIB: '19456',
      TEKEN_PASSPHRASE_ARGON2_ITERATIONS: '1',
      TEKEN_ESIGN_KEY: 'p256',
    };
    const created = await runCli(
      ['institution', 'create', '--name', 'Dinas HSM', '--domain', 'hsm.go.id', '--json'],
      fast,
    );
    assert.equal(created.code, 0, created.stderr);
    const institution = (JSON.parse(created.stdout) as { id: string }).id;
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
        'hsm@hsm.go.id',
        '--nik',
        person.nik,
        '--verified',
      ],
      fast,
    );
    assert.equal(added.code, 0, added.stderr);
    const issued = await runCli(
      [
        'subscriber',
        'issue',
        '--email',
        'hsm@hsm.go.id',
        '--product',
        'esign',
        '--passphrase-env',
        'PP',
        '--json',
      ],
      { ...fast, PP: 'Rahasia#HSM1' },
    );
    assert.equal(issued.code, 0, issued.stderr);
    const { id } = JSON.parse(issued.stdout) as { id: string };
    // The wrapping key is in the token, sensitive and never extractable.
    const secret = runTool('pkcs11-tool', [
      '--module',
      library,
      '--token-label',
      tokenLabel,
      '--list-objects',
      '--type',
      'secrkey',
      '--login',
      '--pin',
      pin,
    ]);
    assert.equal(secret.status, 0, secret.stderr);
    assert.match(secret.stdout, /label:\s+teken-subscriber-key-wrap/);
    assert.match(secret.stdout, /Access:\s+.*sensitive.*never extractable/);
    const { rt } = await openTestRuntimeFor(fast);
    try {
      const [row] = await rt.db
        .select()
        .from(subscriberCertificates)
        .where(eq(subscriberCertificates.id, id));
      assert.equal(row!.outerLayer, 'pkcs11');
      const ctx = certificatesContextOf(rt);
      const { privateKey } = await unlockSubscriberKey(ctx, row!, 'Rahasia#HSM1', { actor: 'test' });
      assert.equal(privateKey.asymmetricKeyType, 'ec');
      await assert.rejects(unlockSubscriberKey(ctx, row!, 'Salah#HSM1', { actor: 'test' }), {
        code: 'ERR_PASSPHRASE_WRONG',
      });
      // A dump with the master key: the master key's layer does not open what the HSM sealed.
      await assert.rejects(
        openSubscriberKey(row!.sealedKey, 'Rahasia#HSM1', row!.id, masterOuterLayer(rt.masterKey)),
        { code: 'ERR_KEY_UNSEAL_FAILED' },
      );
    } finally {
      await rt.close();
    }
  });

  it('revokes it and signs a CRL that `openssl crl -verify` accepts', async () => {
    const serial = fs.readFileSync(file('hsm-revoked.serial'), 'utf8');
    const revoke = await runCli(['cert', 'revoke', serial, '--reason', 'keyCompromise'], env);
    assert.equal(revoke.code, 0, revoke.stderr);
    assert.match(revoke.stdout, /revoked .*keyCompromise/);
    const crl = await runCli(['crl', 'generate', '--ca', 'individual', '--out', file('individual.crl')], env);
    assert.equal(crl.code, 0, crl.stderr);
    const text = openssl([
      'crl',
      '-inform',
      'DER',
      '-in',
      file('individual.crl'),
      '-CAfile',
      file('individual.pem'),
      '-verify',
      '-noout',
      '-text',
    ]);
    assert.match(text, /verify OK/);
    assert.match(text, /Signature Algorithm: ecdsa-with-SHA256/);
    assert.match(text, new RegExp(`Serial Number: ${serial.toUpperCase()}`));
    assert.match(text, /Key Compromise/);
    openssl(['crl', '-inform', 'DER', '-in', file('individual.crl'), '-out', file('individual.crl.pem')]);
    const check = (name: string) =>
      runTool('openssl', [
        'verify',
        '-crl_check',
        '-CAfile',
        file('root.pem'),
        '-untrusted',
        file('individual.pem'),
        '-CRLfile',
        file('individual.crl.pem'),
        file(`${name}.pem`),
      ]);
    const rejected = check('hsm-revoked');
    assert.notEqual(rejected.status, 0);
    assert.match(rejected.stdout + rejected.stderr, /certificate revoked/);
    assert.equal(check('hsm-good').status, 0);
    // The root's CRL is signed with the RSA key in the token.
    const rootCrl = await runCli(['crl', 'generate', '--ca', 'root', '--out', file('root.crl')], env);
    assert.equal(rootCrl.code, 0, rootCrl.stderr);
    assert.match(
      openssl([
        'crl',
        '-inform',
        'DER',
        '-in',
        file('root.crl'),
        '-CAfile',
        file('root.pem'),
        '-verify',
        '-noout',
      ]),
      /verify OK/,
    );
  });

  describe('serving', () => {
    let server: RunningServer;
    before(async () => {
      server = await startTestServer(env);
    });

    const ask = (certFile: string) =>
      askOcsp({
        url: server.url,
        issuer: file('individual.pem'),
        cert: certFile,
        caFile: file('bundle.pem'),
        extra: ['-resp_text'],
      });

    it('records only public keys and CKA_IDs in the keys table, matching the token', async () => {
      const rows = await server.rt.db.select().from(keys);
      const objects = tokenObjects('privkey');
      assert.deepEqual(rows.map((r) => r.label).sort(), [...keyLabels].sort());
      for (const row of rows) {
        assert.equal(row.backend, 'pkcs11', row.label);
        assert.equal(row.wrappedPrivateKey, null, `${row.label} has no wrapped private key`);
        assert.match(row.handle ?? '', /^[0-9a-f]{32}$/);
        assert.equal(row.handle, objects.get(row.label)?.id, `${row.label}: CKA_ID as in the token`);
        assert.equal(row.algorithm, row.label === 'root' ? 'rsa2048' : 'p256');
      }
    });

    it('is ready: the database answers and the token keys sign', async () => {
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, {
        database: 'ok',
        caKeys: 'ok',
      });
    });

    it('answers OCSP good and revoked, signed by the responder key in the token', async () => {
      const good = await ask(file('hsm-good.pem'));
      assert.match(good, /Response verify OK/);
      assert.match(good, /hsm-good\.pem: good/);
      assert.match(good, /Signature Algorithm: ecdsa-with-SHA256/);
      const revoked = await ask(file('hsm-revoked.pem'));
      assert.match(revoked, /Response verify OK/);
      assert.match(revoked, /hsm-revoked\.pem: revoked/);
      assert.match(revoked, /Reason: keyCompromise/);
    });

    it('issues while serving, and answers good for the new certificate', async () => {
      await issuePersonal(server.rt.authority, dir, 'hsm-served', 'hsm-served.pem');
      const out = await ask(file('hsm-served.pem'));
      assert.match(out, /Response verify OK/);
      assert.match(out, /hsm-served\.pem: good/);
    });

    it('keeps an audit chain that verifies', async () => {
      await server.close();
      const out = await runCli(['audit', 'verify'], env);
      assert.equal(out.code, 0, out.stderr);
      assert.match(out.stdout, /audit chain OK: \d+ events/);
    });
  });
});
