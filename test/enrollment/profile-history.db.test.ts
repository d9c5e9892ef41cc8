/**
 * Riwayat Data's one writer (profile-history.ts): a single record or a list in one call, the
 * values sealed to the account (another account's AAD does not open them), the time of the change
 * kept where given, nothing written for an empty list.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { institutions, profileHistory } from '../../src/db/schema.js';
import { openHistoryValues, recordHistory } from '../../src/enrollment/profile-history.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { startTestRegistration } from '../helpers/registration.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

const institutionId = '00000000-0000-4000-8000-00000000d1a1';

describe('recordHistory', () => {
  let rt: Runtime;
  let accountId: string;
  let otherId: string;

  before(async () => {
    ({ rt } = await openTestRuntime());
    await rt.db.insert(institutions).values({ id: institutionId, code: 'RWY', name: 'Instansi Riwayat' });
    ({ accountId } = await startTestRegistration(rt, institutionId));
    ({ accountId: otherId } = await startTestRegistration(rt, institutionId));
  });

  it('writes one record or a list, sealed to the account, at the given time', async () => {
    const at = new Date('2026-10-21T02:35:00Z');
    await rt.db.transaction(async (tx) => {
      await recordHistory(tx, rt.masterKey, [
        {
          accountId,
          field: 'fullName',
          old: null,
          new: 'Budi Santoso',
          changedBy: 'self',
          cause: 'registration',
          at,
        },
        {
          accountId,
          field: 'jabatan',
          old: null,
          new: 'Analis',
          changedBy: 'self',
          cause: 'registration',
          at,
        },
      ]);
      await recordHistory(tx, rt.masterKey, {
        accountId,
        field: 'products',
        old: ['esign'],
        new: ['esign', 'eseal'],
        changedBy: otherId,
        cause: 'ra_correction',
      });
      await recordHistory(tx, rt.masterKey, []);
    });
    const rows = await rt.db
      .select()
      .from(profileHistory)
      .where(eq(profileHistory.accountId, accountId))
      .orderBy(asc(profileHistory.createdAt));
    assert.deepEqual(
      rows.map((r) => [
        r.field,
        r.cause,
        r.changedBy,
        openHistoryValues(rt.masterKey, accountId, r.sealedValues),
      ]),
      [
        ['fullName', 'registration', 'self', { old: null, new: 'Budi Santoso' }],
        ['jabatan', 'registration', 'self', { old: null, new: 'Analis' }],
        ['products', 'ra_correction', otherId, { old: ['esign'], new: ['esign', 'eseal'] }],
      ],
    );
    assert.equal(rows[0]!.createdAt.toISOString(), at.toISOString());
    assert.notEqual(rows[2]!.createdAt.toISOString(), at.toISOString());
    // The values are personal data: not stored in clear, and bound to this account.
    assert.ok(!Buffer.from(rows[0]!.sealedValues).toString('latin1').includes('Budi'));
    assert.throws(() => openHistoryValues(rt.masterKey, otherId, rows[0]!.sealedValues));
    const others = await rt.db.select().from(profileHistory).where(eq(profileHistory.accountId, otherId));
    assert.equal(others.length, 0);
  });
});
