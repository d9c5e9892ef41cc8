import crypto from 'node:crypto';
import { TekenError } from '../errors/teken-error.js';
import { signatureAlgorithmOf, type KeyAlgorithm } from '../pki/signer.js';
import type { KeyBackend, KeyRecord, SigningKey } from './key-backend.js';
import type { MasterKey } from './master-key.js';

/** Generates a key pair of the given type with Node's crypto (OpenSSL). */
export function generateKeyPair(algorithm: KeyAlgorithm): crypto.KeyPairKeyObjectResult {
  switch (algorithm) {
    case 'rsa2048':
    case 'rsa3072':
    case 'rsa4096':
      return crypto.generateKeyPairSync('rsa', {
        modulusLength: Number(algorithm.slice(3)),
        publicExponent: 65537,
      });
    case 'p256':
      return crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    case 'p384':
      return crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
  }
}

/** A SigningKey over a private KeyObject; signing runs on libuv's thread pool, off the event loop. */
export function keyObjectSigner(
  id: string,
  algorithm: KeyAlgorithm,
  privateKey: crypto.KeyObject,
): SigningKey {
  const publicKeyDer = new Uint8Array(
    crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' }),
  );
  const hash = signatureAlgorithmOf[algorithm].hash;
  const keyInput: crypto.SignKeyObjectInput = algorithm.startsWith('rsa')
    ? { key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING }
    : { key: privateKey, dsaEncoding: 'der' };
  return {
    id,
    algorithm,
    publicKeyDer,
    sign: (data) =>
      new Promise((resolve, reject) => {
        crypto.sign(hash, data, keyInput, (error, signature) =>
          error ? reject(error) : resolve(new Uint8Array(signature)),
        );
      }),
  };
}

/** The default backend: PKCS#8 keys encrypted with AES-256-GCM under a key derived from the master key. */
export class SoftwareKeyBackend implements KeyBackend {
  readonly name = 'software' as const;
  readonly #master: MasterKey;

  constructor(master: MasterKey) {
    this.#master = master;
  }

  generate(algorithm: KeyAlgorithm, label: string): Promise<{ record: KeyRecord; key: SigningKey }> {
    const id = crypto.randomUUID();
    const pair = generateKeyPair(algorithm);
    const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
    const record: KeyRecord = {
      id,
      backend: 'software',
      algorithm,
      label,
      publicKey: new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' })),
      wrappedPrivateKey: this.#master.seal('key-wrap/v1', pkcs8, `key:${id}`),
      handle: null,
    };
    pkcs8.fill(0);
    return Promise.resolve({ record, key: keyObjectSigner(id, algorithm, pair.privateKey) });
  }

  load(record: KeyRecord): Promise<SigningKey> {
    if (record.backend !== 'software' || !record.wrappedPrivateKey) {
      return Promise.reject(new TekenError('ERR_KEY_NOT_FOUND', `Key ${record.id} is not a software key.`));
    }
    let pkcs8: Buffer;
    try {
      pkcs8 = this.#master.open('key-wrap/v1', record.wrappedPrivateKey, `key:${record.id}`);
    } catch (error) {
      return Promise.reject(
        new TekenError(
          'ERR_KEY_UNSEAL_FAILED',
          `Key ${record.id} cannot be decrypted: is this the right master key?`,
          {
            cause: error,
          },
        ),
      );
    }
    const privateKey = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    pkcs8.fill(0);
    const key = keyObjectSigner(record.id, record.algorithm, privateKey);
    if (Buffer.compare(Buffer.from(key.publicKeyDer), Buffer.from(record.publicKey)) !== 0) {
      return Promise.reject(
        new TekenError('ERR_KEY_BACKEND', `Key ${record.id} does not match its public key.`),
      );
    }
    return Promise.resolve(key);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
