/**
 * What Aksi offers per certificate (certificate-actions.ts): by status, reader and policy, and the
 * renewal window's edge.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificateActions, type ActionFacts } from '../../src/certificates/certificate-actions.js';

const now = new Date('2026-10-21T02:35:00Z');
const day = 86_400_000;
const facts = (over: Partial<ActionFacts> = {}): ActionFacts => ({
  status: 'Issued',
  holder: true,
  notAfter: new Date(now.getTime() + 365 * day),
  replaced: false,
  renewalDue: false,
  keystoreSelfService: false,
  renewalWindowDays: 30,
  ...over,
});

describe('certificate actions (Aksi)', () => {
  it('gives staff Unduh and Info only, whatever the status', () => {
    for (const status of ['Issued', 'Renew', 'On Revoke', 'Revoked', 'Expired', 'Suspended'] as const)
      assert.deepEqual(
        certificateActions(facts({ status, holder: false, keystoreSelfService: true }), now),
        ['download', 'info'],
        status,
      );
  });

  it('offers the holder what each status allows', () => {
    const of = (over: Partial<ActionFacts>) => certificateActions(facts(over), now);
    assert.deepEqual(of({}), ['download', 'info', 'changePassphrase', 'resetPassphrase', 'revoke']);
    assert.deepEqual(of({ keystoreSelfService: true }), [
      'download',
      'info',
      'changePassphrase',
      'resetPassphrase',
      'revoke',
      'keystore',
    ]);
    assert.deepEqual(of({ status: 'On Revoke', keystoreSelfService: true }), [
      'download',
      'info',
      'changePassphrase',
      'keystore',
    ]);
    // Suspended: no Ubah passphrase (the key is not usable), but Pencabutan.
    assert.deepEqual(of({ status: 'Suspended', keystoreSelfService: true }), ['download', 'info', 'revoke']);
    assert.deepEqual(of({ status: 'Revoked', keystoreSelfService: true }), ['download', 'info']);
    // Replaced by a renewal or a reset: no second reset or renewal of the old one.
    assert.deepEqual(of({ status: 'Renew', replaced: true }), [
      'download',
      'info',
      'changePassphrase',
      'revoke',
    ]);
    // Flagged for renewal (an approved profile change).
    assert.ok(of({ status: 'Renew', renewalDue: true }).includes('renew'));
    // Expired: only renewal (and reading).
    assert.deepEqual(of({ status: 'Expired', notAfter: new Date(now.getTime() - day) }), [
      'download',
      'info',
      'renew',
    ]);
  });

  it('offers renewal from the first reminder on, not before', () => {
    const at = (ms: number) => certificateActions(facts({ notAfter: new Date(now.getTime() + ms) }), now);
    assert.ok(at(30 * day).includes('renew'));
    assert.ok(!at(30 * day + 1).includes('renew'));
  });

  it('takes the renewal window from the configuration (TEKEN_RENEWAL_WINDOW_DAYS)', () => {
    const at = (ms: number, renewalWindowDays: number) =>
      certificateActions(facts({ notAfter: new Date(now.getTime() + ms), renewalWindowDays }), now);
    assert.ok(at(60 * day, 60).includes('renew'));
    assert.ok(!at(60 * day + 1, 60).includes('renew'));
    assert.ok(!at(10 * day, 7).includes('renew'));
  });
});
