/**
 * Sole control of a subscriber's signing key (DESIGN.md "Keys and sole control"): the key pair is
 * generated here and kept sealed twice.
 *
 * - Inner layer: AES-256-GCM under a key derived from the passphrase with argon2id (its own random
 *   salt; the cost parameters are stored with the layer, so raising them later leaves older keys
 *   readable). Only the passphrase opens it; the passphrase itself is never stored.
 * - Outer layer: the inner layer encrypted again under the master key's `subscriber-key/v1`
 *   subkey, or by the HSM (an `OuterLayer`). So a database dump with the master key opens nothing
 *   without the passphrase, and a dump with the passphrase opens nothing without the master key.
 *
 * Both layers are bound by their AAD to the key's id, so a sealed key moved to another row does not
 * open. A wrong passphrase is `null` (the caller counts it through the attempt guard); a broken or
 * foreign outer layer is an error, never counted as a wrong passphrase.
 *
 * Inner layer: version 1 | memory KiB (u32) | iterations (u16) | parallelism (u8) | salt (16) |
 * iv (12) | tag (16) | ciphertext of the PKCS#8 DER.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { hashRaw } from '@node-rs/argon2';
import type { SubscriberKeyAlgorithm } from '../config/options.js';
import { TekenError } from '../errors/teken-error.js';
import { inArgon2Turn } from './argon2-turns.js';
import type { MasterKey } from './master-key.js';

/** argon2id cost of the passphrase key. */
export interface PassphraseKdf {
  memoryKib: number;
  iterations: number;
  parallelism: number;
}

/** The outer layer: the master key's subkey, or an HSM's wrapping key. */
export interface OuterLayer {
  readonly name: 'master' | 'pkcs11';
  wrap(inner: Buffer, aad: string): Promise<Buffer>;
  unwrap(sealed: Uint8Array, aad: string): Promise<Buffer>;
}

export function masterOuterLayer(master: MasterKey): OuterLayer {
  return {
    name: 'master',
    wrap: (inner, aad) => Promise.resolve(master.seal('subscriber-key/v1', inner, aad)),
    unwrap: (sealed, aad) => Promise.resolve(master.open('subscriber-key/v1', sealed, aad)),
  };
}

const generateKeyPair = promisify(crypto.generateKeyPair);

/** A new key pair of the algorithm, and its SubjectPublicKeyInfo (DER). */
export async function generateSubscriberKey(
  algorithm: SubscriberKeyAlgorithm,
): Promise<{ privateKey: crypto.KeyObject; spkiDer: Buffer }> {
  const pair =
    algorithm === 'rsa2048' || algorithm === 'rsa3072'
      ? await generateKeyPair('rsa', { modulusLength: algorithm === 'rsa2048' ? 2048 : 3072 })
      : await generateKeyPair('ec', { namedCurve: algorithm === 'p256' ? 'P-256' : 'P-384' });
  return {
    privateKey: pair.privateKey,
    spkiDer: pair.publicKey.export({ type: 'spki', format: 'der' }),
  };
}

const innerAad = (keyId: string) => `subscriber-key/inner:${keyId}`;
const outerAad = (keyId: string) => `subscriber-key/outer:${keyId}`;
const HEADER = 1 + 4 + 2 + 1 + 16;

function derive(passphrase: string, salt: Uint8Array, kdf: PassphraseKdf): Promise<Buffer> {
  return inArgon2Turn(() =>
    hashRaw(passphrase.normalize('NFKC'), {
      // Algorithm.Argon2id (a const enum, which isolated modules cannot import).
      algorithm: 2,
      memoryCost: kdf.memoryKib,
      timeCost: kdf.iterations,
      parallelism: kdf.parallelism,
      outputLen: 32,
      salt: Buffer.from(salt),
    }),
  );
}

/** Seals a private key under the passphrase and the outer layer, bound to `keyId`. */
export async function sealSubscriberKey(
  privateKey: crypto.KeyObject,
  passphrase: string,
  keyId: string,
  kdf: PassphraseKdf,
  outer: OuterLayer,
): Promise<Buffer> {
  const salt = crypto.randomBytes(16);
  const kek = await derive(passphrase, salt, kdf);
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  try {
    const header = Buffer.alloc(HEADER);
    header[0] = 1;
    header.writeUInt32BE(kdf.memoryKib, 1);
    header.writeUInt16BE(kdf.iterations, 5);
    header[7] = kdf.parallelism;
    salt.copy(header, 8);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.concat([header, Buffer.from(innerAad(keyId), 'utf8')]));
    const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
    const inner = Buffer.concat([header, iv, cipher.getAuthTag(), body]);
    return await outer.wrap(inner, outerAad(keyId));
  } finally {
    pkcs8.fill(0);
    kek.fill(0);
  }
}

/** The inner layer's cost parameters (to tell whether a key was sealed with weaker ones). */
export function innerKdfOf(inner: Uint8Array): PassphraseKdf {
  const data = Buffer.from(inner);
  return { memoryKib: data.readUInt32BE(1), iterations: data.readUInt16BE(5), parallelism: data[7]! };
}

/**
 * Opens a sealed key: the private key, or `null` for a wrong passphrase. Throws
 * ERR_KEY_UNSEAL_FAILED when the outer layer does not open (another master key, a damaged or moved
 * row): that is not the user's mistake and must not count as one.
 */
export async function openSubscriberKey(
  sealed: Uint8Array,
  passphrase: string,
  keyId: string,
  outer: OuterLayer,
): Promise<crypto.KeyObject | null> {
  let inner: Buffer;
  try {
    inner = await outer.unwrap(sealed, outerAad(keyId));
  } catch (error) {
    throw new TekenError('ERR_KEY_UNSEAL_FAILED', 'The subscriber key’s outer layer does not open.', {
      cause: error,
    });
  }
  if (inner.length < HEADER + 28 + 1 || inner[0] !== 1)
    throw new TekenError('ERR_KEY_UNSEAL_FAILED', 'Unknown subscriber key format.');
  const header = inner.subarray(0, HEADER);
  const kdf = innerKdfOf(inner);
  const kek = await derive(passphrase, inner.subarray(8, HEADER), kdf);
  let pkcs8: Buffer | undefined;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, inner.subarray(HEADER, HEADER + 12));
    decipher.setAAD(Buffer.concat([header, Buffer.from(innerAad(keyId), 'utf8')]));
    decipher.setAuthTag(inner.subarray(HEADER + 12, HEADER + 28));
    try {
      pkcs8 = Buffer.concat([decipher.update(inner.subarray(HEADER + 28)), decipher.final()]);
    } catch {
      return null; // the tag does not verify: a wrong passphrase
    }
    return crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } finally {
    pkcs8?.fill(0);
    kek.fill(0);
    inner.fill(0);
  }
}
