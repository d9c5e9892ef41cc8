/**
 * The signing interface of the PKI code. Encoders that sign (CRLs, OCSP responses, and certificates,
 * CMS and time-stamp tokens to come) take a `Signer` and never a key: the custody of keys
 * (`keys/`: software keys under the master key, PKCS#11 HSMs, subscribers' sealed keys) implements
 * it, so the PKI code neither knows nor imports where a key lives. This is how PKI.js and
 * @peculiar/x509 inject their crypto engine, so an HSM can stand in for WebCrypto.
 */

/** The key types Teken signs with. */
export type KeyAlgorithm = 'rsa2048' | 'rsa3072' | 'rsa4096' | 'p256' | 'p384';

export const keyAlgorithms: readonly KeyAlgorithm[] = ['rsa2048', 'rsa3072', 'rsa4096', 'p256', 'p384'];

/**
 * The signature algorithm a key of each type signs with (RSA PKCS#1 v1.5 with SHA-256; ECDSA with
 * the hash of the curve's strength, RFC 5758 / RFC 5480).
 */
export const signatureAlgorithmOf = {
  rsa2048: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', hash: 'sha256' },
  rsa3072: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', hash: 'sha256' },
  rsa4096: { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', hash: 'sha256' },
  p256: { oid: '1.2.840.10045.4.3.2', name: 'ecdsa-with-SHA256', hash: 'sha256' },
  p384: { oid: '1.2.840.10045.4.3.3', name: 'ecdsa-with-SHA384', hash: 'sha384' },
} as const satisfies Record<KeyAlgorithm, { oid: string; name: string; hash: 'sha256' | 'sha384' }>;

/**
 * A private key that can sign, seen from the PKI code: its type, its public key and `sign`.
 *
 * @example
 * const crl = await encodeCrl({ ...input, signingKey: signer });
 */
export interface Signer {
  readonly algorithm: KeyAlgorithm;
  /** SubjectPublicKeyInfo, DER. */
  readonly publicKeyDer: Uint8Array;
  /**
   * Signs `data` with `signatureAlgorithmOf[algorithm]` and returns the X.509 signature value
   * (for ECDSA the DER ECDSA-Sig-Value, RFC 5480 / RFC 3279 2.2.3).
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}
