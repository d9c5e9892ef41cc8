/**
 * Key custody. A CA key never leaves its backend: callers get a `SigningKey` that can sign and show
 * its public key, nothing more. Backends: `software` (PKCS#8 encrypted under the master key) and
 * `pkcs11` (an HSM). Both produce X.509-ready signature values (DER ECDSA-Sig-Value for ECDSA).
 */
export type KeyAlgorithm = 'rsa2048' | 'rsa3072' | 'rsa4096' | 'p256' | 'p384';

export const keyAlgorithms: readonly KeyAlgorithm[] = ['rsa2048', 'rsa3072', 'rsa4096', 'p256', 'p384'];

/** The signature algorithm a key of each type signs certificates, CRLs and OCSP responses with. */
export const signatureAlgorithmOf = {
  rsa2048: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', hash: 'sha256' },
  rsa3072: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', hash: 'sha256' },
  rsa4096: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', hash: 'sha256' },
  p256: { oid: '1.2.840.10045.4.3.2', name: 'ecdsa-with-SHA256', hash: 'sha256' },
  p384: { oid: '1.2.840.10045.4.3.3', name: 'ecdsa-with-SHA384', hash: 'sha384' },
} as const satisfies Record<KeyAlgorithm, { oid: string; name: string; hash: 'sha256' | 'sha384' }>;

export interface SigningKey {
  readonly id: string;
  readonly algorithm: KeyAlgorithm;
  /** SubjectPublicKeyInfo, DER. */
  readonly publicKeyDer: Uint8Array;
  /** Signs `data` with `signatureAlgorithmOf[algorithm]`; ECDSA signatures come DER-encoded. */
  sign(data: Uint8Array): Promise<Uint8Array>;
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
