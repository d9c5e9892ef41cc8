import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { keyAlgorithms, signatureAlgorithmOf } from '../../src/pki/signer.js';
import { MasterKey } from '../../src/keys/master-key.js';
import { SoftwareKeyBackend } from '../../src/keys/software-backend.js';

describe('software key backend', () => {
  const master = new MasterKey(crypto.randomBytes(32));
  const backend = new SoftwareKeyBackend(master);

  for (const algorithm of keyAlgorithms.filter((a) => a !== 'rsa4096')) {
    it(`generates, stores and reloads a ${algorithm} key that signs verifiably`, async () => {
      const { record, key } = await backend.generate(algorithm, 'test');
      assert.ok(record.wrappedPrivateKey);
      // The stored bytes are the PKCS#8 encrypted: no 32-byte run of the plaintext appears in them.
      const pkcs8 = master.open('key-wrap/v1', record.wrappedPrivateKey, `key:${record.id}`);
      assert.doesNotThrow(() => crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
      for (let i = 0; i + 32 <= pkcs8.length; i += 32) {
        assert.equal(Buffer.from(record.wrappedPrivateKey).includes(pkcs8.subarray(i, i + 32)), false);
      }
      const loaded = await backend.load(record);
      const data = crypto.randomBytes(100);
      const signature = await loaded.sign(data);
      const publicKey = crypto.createPublicKey({
        key: Buffer.from(key.publicKeyDer),
        format: 'der',
        type: 'spki',
      });
      assert.ok(
        crypto.verify(
          signatureAlgorithmOf[algorithm].hash,
          data,
          { key: publicKey, dsaEncoding: 'der' },
          signature,
        ),
      );
    });
  }

  it('refuses to load a key under another master key', async () => {
    const { record } = await backend.generate('p256', 'test');
    const other = new SoftwareKeyBackend(new MasterKey(crypto.randomBytes(32)));
    await assert.rejects(other.load(record), { code: 'ERR_KEY_UNSEAL_FAILED' });
  });

  it('refuses a wrapped key moved to another key id', async () => {
    const { record } = await backend.generate('p256', 'test');
    await assert.rejects(backend.load({ ...record, id: crypto.randomUUID() }), {
      code: 'ERR_KEY_UNSEAL_FAILED',
    });
  });
});
