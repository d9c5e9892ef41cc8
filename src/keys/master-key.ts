import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The subkeys that seal: CA keys, personal data, the outer layer of subscriber keys, signed PDFs kept for their download. */
export type SealPurpose = 'key-wrap/v1' | 'personal-data/v1' | 'subscriber-key/v1' | 'signed-document/v1';

/**
 * The master key and the keys derived from it (HKDF-SHA256, one `info` per purpose, so a key used
 * for one purpose is never used for another).
 */
export class MasterKey {
  readonly #secret: Buffer;
  /** Derived keys, computed once per purpose (HKDF per seal was a tenth of a CSV import's CPU). */
  readonly #derived = new Map<string, Buffer>();
  readonly #aesKeys = new Map<string, crypto.KeyObject>();

  constructor(secret: Buffer) {
    if (secret.length !== 32) throw new Error('The master key must be 32 bytes.');
    this.#secret = Buffer.from(secret);
  }

  /** Derives a 32-byte subkey for `purpose`. */
  derive(
    purpose:
      | 'key-wrap/v1'
      | 'audit-chain/v1'
      | 'personal-data/v1'
      | 'check/v1'
      | 'throttle-subject/v1'
      | 'lookup/v1'
      | 'subscriber-key/v1'
      | 'signed-document/v1',
  ): Buffer {
    let key = this.#derived.get(purpose);
    if (!key) {
      key = Buffer.from(crypto.hkdfSync('sha256', this.#secret, Buffer.alloc(0), `teken/${purpose}`, 32));
      this.#derived.set(purpose, key);
    }
    // A copy: a caller may wipe or change what it was given.
    return Buffer.from(key);
  }

  #aesKey(purpose: SealPurpose): crypto.KeyObject {
    let key = this.#aesKeys.get(purpose);
    if (!key) {
      key = crypto.createSecretKey(this.derive(purpose));
      this.#aesKeys.set(purpose, key);
    }
    return key;
  }

  /**
   * A keyed lookup hash (HMAC-SHA256 under the `lookup/v1` subkey) of a normalised value of a kind
   * (`nik`, `nip`, `phone`): searchable and unique without the value in clear, and not enumerable
   * from a database dump alone.
   */
  lookupHash(kind: string, normalised: string): Buffer {
    return crypto.createHmac('sha256', this.derive('lookup/v1')).update(`${kind}:${normalised}`).digest();
  }

  /** A value stored in the database to detect, at start, a master key that is not the one in use. */
  checkValue(): string {
    return crypto
      .createHmac('sha256', this.derive('check/v1'))
      .update('teken master key check')
      .digest('hex');
  }

  /** Encrypts with AES-256-GCM under a derived key; `aad` binds the ciphertext to its context. */
  seal(purpose: SealPurpose, plaintext: Uint8Array, aad: string): Buffer {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#aesKey(purpose), iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    // version 1 | iv (12) | tag (16) | ciphertext
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
  }

  open(purpose: SealPurpose, sealed: Uint8Array, aad: string): Buffer {
    const data = Buffer.from(sealed);
    if (data.length < 29 || data[0] !== 1) throw new Error('Unknown sealed-data format.');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#aesKey(purpose), data.subarray(1, 13));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(data.subarray(13, 29));
    return Buffer.concat([decipher.update(data.subarray(29)), decipher.final()]);
  }
}

export interface LoadedMasterKey {
  key: MasterKey;
  /** Set when the key was read from, or generated into, the data directory. */
  file?: string;
  generated: boolean;
}

/**
 * Returns the configured master key, or the one in `<dataDir>/master.key`, generating it there on
 * first use (the configuration already warns loudly about this).
 */
export function loadMasterKey(configured: Buffer | undefined, dataDir: string): LoadedMasterKey {
  if (configured) return { key: new MasterKey(configured), generated: false };
  const file = path.join(dataDir, 'master.key');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    return { key: new MasterKey(Buffer.from(text, 'base64')), file, generated: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = crypto.randomBytes(32);
  // 'wx': never overwrite a key that appeared meanwhile (another process generating one).
  try {
    fs.writeFileSync(file, secret.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadMasterKey(undefined, dataDir);
    throw error;
  }
  return { key: new MasterKey(secret), file, generated: true };
}
