/**
 * Key custody. A CA key never leaves its backend: callers get a `SigningKey` (the `pki` module's
 * `Signer` with an id) that can sign and show its public key, nothing more. Backends: `software`
 * (PKCS#8 encrypted under the master key) and `pkcs11` (an HSM). Both produce X.509-ready signature values (DER ECDSA-Sig-Value for ECDSA).
 */
import type { KeyAlgorithm, Signer } from '../pki/signer.js';

/** A key held by a backend: the PKI code's `Signer` (pki/signer.ts), plus the key's record id. */
export interface SigningKey extends Signer {
  readonly id: string;
}

/** What a backend stores about a key (the `keys` table row, less timestamps). */
export interface KeyRecord {
  id: string;
  backend: 'software' | 'pkcs11';
  algorithm: KeyAlgorithm;
  label: string;
  publicKey: Uint8Array;
  wrappedPrivateKey: Uint8Array | null;
  handle: string | null;
}

export interface KeyBackend {
  readonly name: 'software' | 'pkcs11';
  /** Generates a key pair inside the backend. The record is for the caller to store. */
  generate(algorithm: KeyAlgorithm, label: string): Promise<{ record: KeyRecord; key: SigningKey }>;
  /** Loads a key from its stored record. */
  load(record: KeyRecord): Promise<SigningKey>;
  close(): Promise<void>;
}
