import crypto from 'node:crypto';
import { TekenError } from '../errors/teken-error.js';

export interface PublicKeyDescription {
  type: 'rsa' | 'ec';
  /** RSA modulus length or EC field size, in bits. */
  bits: number;
  /** 'P-256' / 'P-384' for EC. */
  curve?: string;
  /** e.g. "RSA 3072" or "ECDSA P-256". */
  label: string;
}

/**
 * Describes an SPKI and checks it against what Teken certifies: RSA 2048 to 4096 bits with an odd
 * exponent of at least 65537, or ECDSA on P-256 or P-384 (the curves Adobe, poppler and Java accept).
 */
export function describePublicKey(spkiDer: Uint8Array): PublicKeyDescription {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  } catch (error) {
    throw new TekenError('ERR_CSR_KEY_UNSUPPORTED', 'The public key cannot be read.', { cause: error });
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    const exponent = details.publicExponent ?? 0n;
    if (bits < 2048 || bits > 4096 || bits % 8 !== 0) {
      throw new TekenError(
        'ERR_CSR_KEY_UNSUPPORTED',
        `RSA keys must have 2048 to 4096 bits (this one has ${bits}).`,
      );
    }
    if (exponent < 65537n || exponent % 2n === 0n) {
      throw new TekenError('ERR_CSR_KEY_UNSUPPORTED', 'RSA public exponents must be odd and at least 65537.');
    }
    return { type: 'rsa', bits, label: `RSA ${bits}` };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve =
      details.namedCurve === 'prime256v1'
        ? 'P-256'
        : details.namedCurve === 'secp384r1'
          ? 'P-384'
          : undefined;
    if (!curve) {
      throw new TekenError(
        'ERR_CSR_KEY_UNSUPPORTED',
        `The elliptic curve ${details.namedCurve ?? '(unnamed)'} is not allowed; use P-256 or P-384.`,
      );
    }
    return { type: 'ec', bits: curve === 'P-256' ? 256 : 384, curve, label: `ECDSA ${curve}` };
  }
  throw new TekenError(
    'ERR_CSR_KEY_UNSUPPORTED',
    `Keys of type ${key.asymmetricKeyType ?? 'unknown'} are not allowed; use RSA or ECDSA (P-256, P-384).`,
  );
}
