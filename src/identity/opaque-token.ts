import crypto from 'node:crypto';

/** A 256-bit random token for cookies and links, base64url. */
export function newOpaqueToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token. */
export function hashOpaqueToken(token: string): Uint8Array {
  return new Uint8Array(crypto.createHash('sha256').update(token, 'utf8').digest());
}

export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
