import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load-config.js';
import {
  hashPassword,
  needsRehash,
  passwordHashQueue,
  verifyPassword,
} from '../../src/identity/password-hash.js';
import { generateSubscriberKey, sealSubscriberKey } from '../../src/keys/subscriber-key-seal.js';
import { assertPasswordAcceptable, passwordViolations } from '../../src/identity/password-policy.js';

describe('passwords', () => {
  const rules = loadConfig({}).identity;

  it('refuses short, overlong, common and self-describing passwords', () => {
    assert.deepEqual(passwordViolations('pendek1', rules), ['too_short']);
    assert.deepEqual(passwordViolations('x'.repeat(129), rules).includes('too_long'), true);
    assert.deepEqual(passwordViolations('password123', rules), ['common']);
    assert.deepEqual(passwordViolations('bismillah123', rules), ['common']);
    assert.deepEqual(
      passwordViolations('budisantoso-2026!', rules, { username: 'budi.santoso', fullName: 'Budi Santoso' }),
      ['contains_identity'],
    );
  });

  it('accepts long passphrases and any Unicode, counting code points', () => {
    assert.deepEqual(passwordViolations('kuda liar berlari di padang', rules), []);
    assert.deepEqual(passwordViolations('😀😀😀😀😀😀😀😀', rules), []);
    assert.deepEqual(passwordViolations('x'.repeat(64) + 'Yz', rules), []);
  });

  it('applies composition rules only when configured', () => {
    const strict = loadConfig({ TEKEN_PASSWORD_COMPOSITION: 'upper,digit,symbol' }).identity;
    assert.deepEqual(passwordViolations('kuda liar berlari', strict), ['missing_upper', 'missing_digit']);
    assert.deepEqual(passwordViolations('Kuda liar berlari 7', strict), []);
  });

  it('explains every broken rule in one error', () => {
    assert.throws(
      () => assertPasswordAcceptable('qwerty', rules),
      (e: Error & { code?: string; details?: { violations: string[] } }) => {
        assert.equal(e.code, 'ERR_PASSWORD_POLICY');
        assert.deepEqual(e.details?.violations, ['too_short']);
        return true;
      },
    );
  });

  it('hashes with argon2id at the ASVS parameters and verifies', async () => {
    const hash = await hashPassword('kuda liar berlari');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(needsRehash(hash), false);
    assert.equal(await verifyPassword(hash, 'kuda liar berlari'), true);
    assert.equal(await verifyPassword(hash, 'kuda liar berlari!'), false);
    assert.equal(await verifyPassword(undefined, 'anything'), false);
    assert.equal(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$abc$def'), true);
  });

  it('runs at most one hash per core and queues the rest', async () => {
    const hash = await hashPassword('kuda liar berlari');
    const { limit } = passwordHashQueue();
    assert.equal(limit, os.availableParallelism());
    const seenRunning: number[] = [];
    const all = Array.from({ length: limit + 4 }, (_, i) =>
      verifyPassword(hash, i % 2 === 0 ? 'kuda liar berlari' : 'salah').then((ok) => {
        seenRunning.push(passwordHashQueue().running);
        return ok;
      }),
    );
    assert.deepEqual(passwordHashQueue(), { running: limit, waiting: 4, limit });
    const results = await Promise.all(all);
    assert.deepEqual(
      results,
      all.map((_, i) => i % 2 === 0),
    );
    assert.ok(seenRunning.every((n) => n <= limit));
    assert.deepEqual(passwordHashQueue(), { running: 0, waiting: 0, limit });
  });

  it('shares its queue with the passphrase derivations of subscriber keys', async () => {
    const { limit } = passwordHashQueue();
    // The key first: a hash could end while its generation is awaited, and free a turn.
    const { privateKey } = await generateSubscriberKey('p256');
    const hashes = Array.from({ length: limit }, () => hashPassword('kuda liar berlari'));
    const kdf = { memoryKib: 8_192, iterations: 1, parallelism: 1 };
    const sealing = sealSubscriberKey(privateKey, 'Rahasia#2026', 'key-1', kdf, {
      name: 'master',
      wrap: (inner) => Promise.resolve(inner),
      unwrap: (sealed) => Promise.resolve(Buffer.from(sealed)),
    });
    // Every core is busy with a password hash: the derivation waits its turn in the same queue.
    assert.deepEqual(passwordHashQueue(), { running: limit, waiting: 1, limit });
    await Promise.all([...hashes, sealing]);
    assert.deepEqual(passwordHashQueue(), { running: 0, waiting: 0, limit });
  });
});
