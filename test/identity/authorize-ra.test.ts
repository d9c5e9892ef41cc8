/** The RA desk's rules in authorize.ts: links from Tinjau Ulang, the NIK, the RA menu, one's own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../../src/db/schema.js';
import { can, consolePermissions } from '../../src/identity/authorize.js';

const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b1';
const actor = (role: Role, institutionId: string | null, id = `${role}-${institutionId}`) => ({
  id,
  roles: [role],
  institutionId,
  status: 'active' as const,
});
const subscriberOfA = { institutionId: A, roles: ['subscriber'] as Role[], accountId: 'someone' };

describe('authorize: the RA desk', () => {
  it('lets RA officers send links to subscribers of their own institution only', () => {
    assert.equal(can(actor('ra_officer', A), 'account.send_link', subscriberOfA), true);
    assert.equal(can(actor('ra_officer', B), 'account.send_link', subscriberOfA), false);
    assert.equal(
      can(actor('ra_officer', A), 'account.send_link', { institutionId: A, roles: ['institution_admin'] }),
      false,
    );
    assert.equal(can(actor('subscriber', A), 'account.send_link', subscriberOfA), false);
    assert.equal(can(actor('institution_admin', A), 'account.send_link', subscriberOfA), true);
  });

  it('leaves the NIK to RA officers of the institution, not even CA admins, never on their own', () => {
    assert.equal(can(actor('ra_officer', A), 'registration.correct_nik', subscriberOfA), true);
    assert.equal(can(actor('ra_officer', B), 'registration.correct_nik', subscriberOfA), false);
    assert.equal(can(actor('ca_admin', null), 'registration.correct_nik', subscriberOfA), false);
    assert.equal(can(actor('institution_admin', A), 'registration.correct_nik', subscriberOfA), false);
    const self = actor('ra_officer', A, 'me');
    assert.equal(can(self, 'registration.correct_nik', { ...subscriberOfA, accountId: 'me' }), false);
    assert.equal(can(self, 'registration.review', { ...subscriberOfA, accountId: 'me' }), false);
    assert.equal(can(self, 'registration.review', subscriberOfA), true);
  });

  it('shows the RA menu to RA officers, institution admins and CA admins', () => {
    assert.equal(consolePermissions(actor('ra_officer', A)).raDesk, true);
    assert.equal(consolePermissions(actor('institution_admin', A)).raDesk, true);
    assert.equal(consolePermissions(actor('ca_admin', null)).raDesk, true);
    assert.equal(consolePermissions(actor('subscriber', A)).raDesk, false);
    assert.equal(
      consolePermissions({ ...actor('ra_officer', A), status: 'disabled' as const }).raDesk,
      false,
    );
  });
});
