import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { encodePkcs12, type Pkcs12Input } from '../../src/pki/pkcs12.js';
import { x509 } from '../../src/pki/x509.js';
import { runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

x509.cryptoProvider.set(crypto.webcrypto);

type TestAlgorithm = 'rsa2048' | 'p256' | 'p384';

const keyParams = {
  rsa2048: {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
  },
  p256: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
  p384: { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' },
} satisfies Record<
  TestAlgorithm,
  crypto.webcrypto.RsaHashedKeyGenParams | (crypto.webcrypto.EcKeyGenParams & { hash: string })
>;

interface TestChain {
  leafKeyPkcs8: Uint8Array;
  leafDer: Uint8Array;
  caDer: Uint8Array;
}

async function generateKeys(algorithm: TestAlgorithm): Promise<crypto.webcrypto.CryptoKeyPair> {
  return crypto.webcrypto.subtle.generateKey(keyParams[algorithm], true, ['sign', 'verify']);
}

async function makeChain(algorithm: TestAlgorithm): Promise<TestChain> {
  const signingAlgorithm = keyParams[algorithm];
  const caKeys = await generateKeys(algorithm);
  const leafKeys = await generateKeys(algorithm);
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + 86_400_000);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Teken Test CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: 'CN=leaf.example.test',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  const pkcs8 = await crypto.webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey);
  return {
    leafKeyPkcs8: new Uint8Array(pkcs8),
    leafDer: new Uint8Array(leaf.rawData),
    caDer: new Uint8Array(ca.rawData),
  };
}

function writeP12(dir: string, name: string, der: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, der);
  return file;
}

function opensslPkcs12(file: string, password: string, extra: string[]) {
  return runTool('openssl', ['pkcs12', '-in', file, '-passin', 'env:P12_PASSWORD', ...extra], undefined, {
    P12_PASSWORD: password,
  });
}

function keytoolList(file: string, password: string) {
  // Java reads the command line in the platform charset; pin it so the password arrives intact.
  return runTool(
    'keytool',
    ['-list', '-v', '-storetype', 'PKCS12', '-keystore', file, '-storepass', password],
    undefined,
    { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  );
}

function sameKey(pem: string, certDer: Uint8Array): boolean {
  const extracted = crypto.createPublicKey(crypto.createPrivateKey(pem));
  return extracted.equals(new crypto.X509Certificate(certDer).publicKey);
}

const unicodePassword = 'pässwörd-Ω';
// Java 17 cannot open any PKCS#12 file with a non-ASCII password (its PBE keys are ASCII-only),
// not even one written by OpenSSL, so keytool gets a printable-ASCII password.
const asciiPassword = 'Teken-test 1!';

describe('PKCS#12 encoding', () => {
  const dir = tmpDir();

  for (const algorithm of ['rsa2048', 'p256', 'p384'] as const) {
    describe(algorithm, () => {
      const chain = makeChain(algorithm);

      it('is read by OpenSSL with PBES2/AES-256-CBC, a SHA-256 MAC and the right password only', async () => {
        const { leafKeyPkcs8, leafDer, caDer } = await chain;
        const file = writeP12(
          dir,
          `${algorithm}-unicode.p12`,
          await encodePkcs12({
            privateKeyPkcs8: leafKeyPkcs8,
            certificates: [leafDer, caDer],
            password: unicodePassword,
            friendlyName: 'Teken leaf',
          }),
        );

        const info = opensslPkcs12(file, unicodePassword, ['-info', '-noout']);
        assert.equal(info.status, 0, info.stderr);
        const pbes2 = 'PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256';
        assert.match(info.stderr, /^MAC: sha256, Iteration 100000$/m);
        assert.ok(info.stderr.includes(`PKCS7 Encrypted data: ${pbes2}`), info.stderr);
        assert.ok(info.stderr.includes(`Shrouded Keybag: ${pbes2}`), info.stderr);
        assert.equal(info.stderr.match(/^Certificate bag$/gm)?.length, 2, info.stderr);

        const extracted = opensslPkcs12(file, unicodePassword, ['-nodes']);
        assert.equal(extracted.status, 0, extracted.stderr);
        const keyPem = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----/.exec(
          extracted.stdout,
        )?.[0];
        assert.ok(keyPem, extracted.stdout);
        assert.ok(sameKey(keyPem, leafDer), 'the extracted key is not the leaf certificate key');
        const certs = extracted.stdout.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g);
        assert.deepEqual(
          certs?.map((pem) => new crypto.X509Certificate(pem).raw),
          [Buffer.from(leafDer), Buffer.from(caDer)],
        );
        // The key bag and the leaf bag carry the same localKeyID (the leaf's SHA-1) and friendlyName.
        const keyId = crypto
          .createHash('sha1')
          .update(leafDer)
          .digest('hex')
          .toUpperCase()
          .replace(/(..)(?!$)/g, '$1 ');
        assert.equal(extracted.stdout.split(`localKeyID: ${keyId}`).length - 1, 2, extracted.stdout);
        assert.equal(extracted.stdout.split('friendlyName: Teken leaf').length - 1, 2, extracted.stdout);

        for (const wrong of ['passwörd-Ω', 'pässwörd-Ω ', 'passwrd']) {
          const refused = opensslPkcs12(file, wrong, ['-info', '-noout']);
          assert.notEqual(refused.status, 0, `openssl accepted the wrong password ${JSON.stringify(wrong)}`);
          assert.match(refused.stderr, /mac verify (error|failure)/i);
        }
      });

      it('is listed by keytool as one PrivateKeyEntry with its two-certificate chain', async () => {
        const { leafKeyPkcs8, leafDer, caDer } = await chain;
        const file = writeP12(
          dir,
          `${algorithm}-ascii.p12`,
          await encodePkcs12({
            privateKeyPkcs8: leafKeyPkcs8,
            certificates: [leafDer, caDer],
            password: asciiPassword,
            friendlyName: 'teken leaf',
          }),
        );
        const listed = keytoolList(file, asciiPassword);
        assert.equal(listed.status, 0, listed.stdout + listed.stderr);
        assert.match(listed.stdout, /Your keystore contains 1 entry/);
        assert.match(listed.stdout, /Alias name: teken leaf/);
        assert.match(listed.stdout, /Entry type: PrivateKeyEntry/);
        assert.match(listed.stdout, /Certificate chain length: 2/);

        // -list leaves the key bag encrypted; copying the entry makes Java decrypt the key too.
        const copied = runTool('keytool', [
          '-importkeystore',
          ...['-srckeystore', file, '-srcstoretype', 'PKCS12', '-srcstorepass', asciiPassword],
          ...['-destkeystore', path.join(dir, `${algorithm}-copy.p12`), '-deststoretype', 'PKCS12'],
          ...['-deststorepass', 'Teken-copy 1!', '-noprompt'],
        ]);
        assert.equal(copied.status, 0, copied.stdout + copied.stderr);

        const refused = keytoolList(file, 'Teken-test 2!');
        assert.notEqual(refused.status, 0, 'keytool accepted the wrong password');
      });
    });
  }

  describe('options and validation', () => {
    const chain = makeChain('p256');

    async function input(overrides: Partial<Pkcs12Input> = {}): Promise<Pkcs12Input> {
      const { leafKeyPkcs8, leafDer, caDer } = await chain;
      return {
        privateKeyPkcs8: leafKeyPkcs8,
        certificates: [leafDer, caDer],
        password: asciiPassword,
        ...overrides,
      };
    }

    it('uses the given iteration count and works without a friendly name or chain', async () => {
      const { leafDer } = await chain;
      const file = writeP12(
        dir,
        'iterations.p12',
        await encodePkcs12(await input({ certificates: [leafDer], iterations: 2048 })),
      );
      const info = opensslPkcs12(file, asciiPassword, ['-info', '-noout']);
      assert.equal(info.status, 0, info.stderr);
      assert.match(info.stderr, /^MAC: sha256, Iteration 2048$/m);
      assert.match(info.stderr, /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048,/);
      const listed = keytoolList(file, asciiPassword);
      assert.equal(listed.status, 0, listed.stdout + listed.stderr);
      assert.match(listed.stdout, /Entry type: PrivateKeyEntry/);
      assert.match(listed.stdout, /Certificate chain length: 1/);
    });

    it('produces a fresh encoding each time (random salts and IVs)', async () => {
      const same = await input();
      assert.notDeepEqual(await encodePkcs12(same), await encodePkcs12(same));
    });

    const invalid = { code: 'ERR_INPUT_INVALID' };

    it('refuses an empty password', async () => {
      await assert.rejects(encodePkcs12(await input({ password: '' })), invalid);
    });

    it('refuses a password that cannot be encoded', async () => {
      await assert.rejects(encodePkcs12(await input({ password: 'a\ud800b' })), invalid);
      await assert.rejects(encodePkcs12(await input({ password: 'a\u0000b' })), invalid);
    });

    it('refuses an empty certificate list', async () => {
      await assert.rejects(encodePkcs12(await input({ certificates: [] })), invalid);
    });

    it('refuses something that is not a certificate', async () => {
      const { leafDer } = await chain;
      await assert.rejects(
        encodePkcs12(
          await input({ certificates: [leafDer, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])] }),
        ),
        invalid,
      );
    });

    it('refuses a chain that is not in issuing order', async () => {
      const { leafDer, caDer } = await chain;
      await assert.rejects(encodePkcs12(await input({ certificates: [caDer, leafDer] })), invalid);
    });

    it('refuses a private key that does not match the leaf certificate', async () => {
      const other = await makeChain('p256');
      await assert.rejects(encodePkcs12(await input({ privateKeyPkcs8: other.leafKeyPkcs8 })), {
        code: 'ERR_INPUT_INVALID',
        message: /does not match/,
      });
      const rsa = await makeChain('rsa2048');
      await assert.rejects(encodePkcs12(await input({ privateKeyPkcs8: rsa.leafKeyPkcs8 })), invalid);
    });

    it('refuses a private key that is not PKCS#8 DER', async () => {
      await assert.rejects(
        encodePkcs12(await input({ privateKeyPkcs8: new Uint8Array([1, 2, 3]) })),
        invalid,
      );
    });

    it('refuses iteration counts out of range', async () => {
      for (const iterations of [0, 999, 1.5, 5_000_001])
        await assert.rejects(encodePkcs12(await input({ iterations })), invalid);
    });

    it('refuses an empty friendly name', async () => {
      await assert.rejects(encodePkcs12(await input({ friendlyName: ' ' })), invalid);
    });
  });
});
