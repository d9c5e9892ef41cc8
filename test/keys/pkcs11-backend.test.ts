import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { after, before, describe, it } from 'node:test';
import pkcs11js from 'pkcs11js';
import type { KeyRecord } from '../../src/keys/key-backend.js';
import { signatureAlgorithmOf, type KeyAlgorithm } from '../../src/pki/signer.js';
import { Pkcs11KeyBackend } from '../../src/keys/pkcs11-backend.js';
import { runTool } from '../helpers/run-tool.js';
import { tmpDir } from '../helpers/tmp-dir.js';

// Runs against SoftHSM2 (Debian packages softhsm2 and opensc). It never skips: without SoftHSM the
// test fails, so that CI cannot pass without exercising the HSM path.
const library = process.env.TEKEN_PKCS11_LIBRARY ?? '/usr/lib/softhsm/libsofthsm2.so';
const tokenLabel = 'teken-test';
const pin = '5678';
const wrongPin = 'not-the-pin-9314';

// SoftHSM reads SOFTHSM2_CONF when the module is initialised: point it at a private token directory
// before anything loads the library.
const dir = tmpDir('teken-pkcs11-');
fs.mkdirSync(path.join(dir, 'tokens'));
const softhsmConf = path.join(dir, 'softhsm2.conf');
fs.writeFileSync(
  softhsmConf,
  `directories.tokendir = ${path.join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
);
process.env.SOFTHSM2_CONF = softhsmConf;

const options = { library, tokenLabel, pin };
const algorithms: KeyAlgorithm[] = ['rsa2048', 'rsa3072', 'p256', 'p384'];

function verify(algorithm: KeyAlgorithm, publicKeyDer: Uint8Array, data: Uint8Array, signature: Uint8Array) {
  const key = crypto.createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
  return crypto.verify(
    signatureAlgorithmOf[algorithm].hash,
    data,
    { key, dsaEncoding: 'der', padding: crypto.constants.RSA_PKCS1_PADDING },
    signature,
  );
}

async function assertSigns(key: { sign(d: Uint8Array): Promise<Uint8Array> }, record: KeyRecord) {
  const data = crypto.randomBytes(1000);
  const signature = await key.sign(data);
  assert.ok(verify(record.algorithm, record.publicKey, data, signature), `${record.algorithm} verifies`);
  // And not over other data.
  assert.equal(verify(record.algorithm, record.publicKey, crypto.randomBytes(1000), signature), false);
}

function pkcs11Tool(args: string[]) {
  const result = runTool('pkcs11-tool', ['--module', library, '--token-label', tokenLabel, ...args]);
  assert.equal(result.status, 0, `pkcs11-tool ${args.join(' ')}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

describe('pkcs11 key backend (SoftHSM2)', () => {
  before(() => {
    assert.ok(fs.existsSync(library), `${library} is missing: apt-get install softhsm2`);
    const init = runTool('softhsm2-util', [
      '--init-token',
      '--free',
      '--label',
      tokenLabel,
      '--so-pin',
      '1234',
      '--pin',
      pin,
    ]);
    assert.equal(init.status, 0, `softhsm2-util --init-token failed:\n${init.stderr}${init.stdout}`);
  });

  it('refuses a wrong PIN without echoing it', async () => {
    await assert.rejects(Pkcs11KeyBackend.open({ ...options, pin: wrongPin }), (error: Error) => {
      assert.equal((error as { code?: string }).code, 'ERR_KEY_BACKEND');
      assert.match(error.message, /PIN .*rejected/);
      assert.ok(!util.inspect(error, { depth: 10 }).includes(wrongPin), 'the PIN is not in the error');
      return true;
    });
  });

  it('refuses an unknown token label', async () => {
    await assert.rejects(
      Pkcs11KeyBackend.open({ ...options, tokenLabel: 'no-such-token' }),
      (error: Error) => {
        assert.equal((error as { code?: string }).code, 'ERR_KEY_BACKEND');
        assert.match(error.message, /no-such-token/);
        assert.match(error.message, /teken-test/); // names the tokens that are there
        assert.ok(!util.inspect(error, { depth: 10 }).includes(pin));
        return true;
      },
    );
  });

  it('refuses a missing module', async () => {
    await assert.rejects(Pkcs11KeyBackend.open({ ...options, library: path.join(dir, 'nope.so') }), {
      code: 'ERR_KEY_BACKEND',
    });
  });

  describe('with an open backend', () => {
    let backend: Pkcs11KeyBackend;
    const records = new Map<KeyAlgorithm, KeyRecord>();

    before(async () => {
      backend = await Pkcs11KeyBackend.open({ ...options, sessions: 3 });
    });
    after(() => backend.close());

    for (const algorithm of algorithms) {
      it(`generates a ${algorithm} key in the token that signs verifiably`, async () => {
        const { record, key } = await backend.generate(algorithm, `test ${algorithm}`);
        assert.equal(record.backend, 'pkcs11');
        assert.equal(record.algorithm, algorithm);
        assert.equal(record.wrappedPrivateKey, null);
        assert.match(record.handle ?? '', /^[0-9a-f]{32}$/);
        assert.deepEqual(Buffer.from(key.publicKeyDer), Buffer.from(record.publicKey));
        const details = crypto.createPublicKey({
          key: Buffer.from(record.publicKey),
          format: 'der',
          type: 'spki',
        }).asymmetricKeyDetails;
        if (algorithm.startsWith('rsa')) {
          assert.equal(details?.modulusLength, Number(algorithm.slice(3)));
          assert.equal(details?.publicExponent, 65537n);
        } else {
          assert.equal(details?.namedCurve, algorithm === 'p256' ? 'prime256v1' : 'secp384r1');
        }
        await assertSigns(key, record);
        records.set(algorithm, record);
      });
    }

    it('keeps private keys sensitive and non-extractable', async () => {
      for (const record of records.values()) {
        const info = await backend.describe(record);
        assert.deepEqual(info, {
          label: record.label,
          idHex: record.handle,
          token: true,
          private: true,
          sensitive: true,
          extractable: false,
          alwaysSensitive: true,
          neverExtractable: true,
          sign: true,
        });
      }
      // Straight through PKCS#11 (the module is already initialised and logged in by the backend):
      // the secret attributes cannot be read.
      const lib = new pkcs11js.PKCS11();
      lib.load(library);
      assert.throws(() => lib.C_Initialize(), /CKR_CRYPTOKI_ALREADY_INITIALIZED/);
      const slot = lib.C_GetSlotList(true).find((s) => lib.C_GetTokenInfo(s).label.trim() === tokenLabel);
      assert.ok(slot);
      const session = lib.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      try {
        for (const record of records.values()) {
          lib.C_FindObjectsInit(session, [
            { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
            { type: pkcs11js.CKA_ID, value: Buffer.from(record.handle ?? '', 'hex') },
          ]);
          const [object] = lib.C_FindObjects(session, 2);
          lib.C_FindObjectsFinal(session);
          assert.ok(object, `private key of ${record.algorithm} found`);
          const secret = record.algorithm.startsWith('rsa')
            ? pkcs11js.CKA_PRIVATE_EXPONENT
            : pkcs11js.CKA_VALUE;
          assert.throws(
            () => lib.C_GetAttributeValue(session, object, [{ type: secret }]),
            /CKR_ATTRIBUTE_SENSITIVE/,
          );
        }
      } finally {
        lib.C_CloseSession(session);
      }
    });

    it('shows the keys in the token to pkcs11-tool', () => {
      const listing = pkcs11Tool(['--list-objects', '--login', '--pin', pin]);
      for (const record of records.values()) {
        assert.ok(listing.includes(`ID:         ${record.handle}`), `${record.algorithm} key listed`);
        assert.ok(listing.includes(`label:      ${record.label}`));
      }
      assert.match(listing, /Access:\s+sensitive, always sensitive, never extractable/);
    });

    it('loads keys from their records, in this and in a second backend', async () => {
      const second = await Pkcs11KeyBackend.open(options);
      try {
        for (const record of records.values()) {
          await assertSigns(await backend.load(record), record);
          await assertSigns(await second.load(record), record);
        }
      } finally {
        await second.close();
      }
      // Closing the second backend did not log the first one out.
      for (const record of records.values()) await assertSigns(await backend.load(record), record);
    });

    it('signs concurrently through its session pool', async () => {
      const record = records.get('p256');
      assert.ok(record);
      const key = await backend.load(record);
      const data = Array.from({ length: 24 }, () => crypto.randomBytes(64));
      const signatures = await Promise.all(data.map((d) => key.sign(d)));
      signatures.forEach((s, i) =>
        assert.ok(verify('p256', record.publicKey, data[i] ?? Buffer.alloc(0), s)),
      );
    });

    it('refuses a wrong PIN while another backend holds the login', async () => {
      await assert.rejects(Pkcs11KeyBackend.open({ ...options, pin: wrongPin }), (error: Error) => {
        assert.equal((error as { code?: string }).code, 'ERR_KEY_BACKEND');
        assert.ok(!util.inspect(error, { depth: 10 }).includes(wrongPin));
        return true;
      });
    });

    it('reports a CKA_ID the token does not hold as ERR_KEY_NOT_FOUND', async () => {
      const record = records.get('rsa2048');
      assert.ok(record);
      await assert.rejects(backend.load({ ...record, handle: crypto.randomBytes(16).toString('hex') }), {
        code: 'ERR_KEY_NOT_FOUND',
      });
      await assert.rejects(backend.load({ ...record, handle: null }), { code: 'ERR_KEY_NOT_FOUND' });
      await assert.rejects(backend.load({ ...record, backend: 'software' }), { code: 'ERR_KEY_NOT_FOUND' });
    });

    it('refuses a record whose public key is not the token key', async () => {
      const p256 = records.get('p256');
      const p384 = records.get('p384');
      assert.ok(p256 && p384);
      const { record: other } = await backend.generate('p256', 'other');
      await assert.rejects(backend.load({ ...p256, publicKey: other.publicKey }), {
        code: 'ERR_KEY_BACKEND',
      });
      await assert.rejects(backend.load({ ...p256, algorithm: 'rsa2048' }), { code: 'ERR_KEY_BACKEND' });
      await assert.rejects(backend.load({ ...p384, algorithm: 'p256' }), { code: 'ERR_KEY_BACKEND' });
    });

    it('gives up on an operation that exceeds its timeout', async () => {
      const impatient = await Pkcs11KeyBackend.open({ ...options, sessions: 1, generateTimeoutMs: 1 });
      try {
        await assert.rejects(impatient.generate('rsa4096', 'slow'), {
          code: 'ERR_KEY_BACKEND',
          message: /did not complete key generation within 1 ms/,
        });
      } finally {
        await impatient.close();
      }
      await assert.rejects(impatient.load(records.get('p256') as KeyRecord), /closed/);
    });

    it('loads and signs again after a full close and re-open of the module', async () => {
      await backend.close();
      backend = await Pkcs11KeyBackend.open(options);
      for (const record of records.values()) await assertSigns(await backend.load(record), record);
    });
  });
});
