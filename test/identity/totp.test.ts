import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { Secret } from 'otpauth';
import { currentTotp, generateTotpSecret, totpUri, verifyTotp } from '../../src/identity/totp.js';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B, SHA-1, seed "12345678901234567890"; 6-digit codes are the last six digits.
  const seed = Secret.fromUTF8('12345678901234567890').base32;
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [time, code] of vectors) {
    it(`matches the RFC 6238 vector at T=${time}`, () => {
      assert.equal(currentTotp(seed, time * 1000), code.slice(-6));
      assert.equal(verifyTotp(seed, code.slice(-6), 0, time * 1000), Math.floor(time / 30));
    });
  }

  it('accepts one step of drift either way and nothing further', () => {
    const now = 1_700_000_000_000;
    const secret = generateTotpSecret();
    for (const offset of [-30_000, 0, 30_000])
      assert.notEqual(verifyTotp(secret, currentTotp(secret, now + offset), 0, now), null);
    for (const offset of [-90_000, 90_000])
      assert.equal(verifyTotp(secret, currentTotp(secret, now + offset), 0, now), null);
  });

  it('accepts a code once (replay guard) and no older code after a newer one', () => {
    const now = 1_700_000_000_000;
    const secret = generateTotpSecret();
    const step = verifyTotp(secret, currentTotp(secret, now), 0, now)!;
    assert.equal(verifyTotp(secret, currentTotp(secret, now), step, now), null);
    assert.equal(verifyTotp(secret, currentTotp(secret, now - 30_000), step, now), null);
    assert.notEqual(verifyTotp(secret, currentTotp(secret, now + 30_000), step, now), null);
  });

  it('refuses malformed codes', () => {
    const secret = generateTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', '12 345'])
      assert.equal(verifyTotp(secret, code, 0), null);
  });

  it('agrees with oathtool, as real authenticator apps do', () => {
    const secret = generateTotpSecret();
    const now = new Date();
    const out = spawnSync(
      'oathtool',
      ['--totp', '--base32', secret, '--now', now.toISOString().replace('T', ' ').slice(0, 19) + ' UTC'],
      { encoding: 'utf8' },
    );
    assert.equal(out.status, 0, out.stderr);
    const code = out.stdout.trim();
    assert.match(code, /^\d{6}$/);
    assert.notEqual(verifyTotp(secret, code, 0, now.getTime()), null);
  });

  it('builds an otpauth URI that authenticator apps read', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'budi.santoso', 'Teken');
    assert.match(uri, /^otpauth:\/\/totp\/Teken:budi\.santoso\?/);
    assert.match(uri, /secret=JBSWY3DPEHPK3PXP/);
    assert.match(uri, /algorithm=SHA1/);
    assert.match(uri, /digits=6/);
    assert.match(uri, /period=30/);
  });
});
