/**
 * Database errors the client caused become catalogue errors (src/db/map-database-error.ts), on
 * both engines: the real errors of PGlite and of PostgreSQL, as Drizzle raises them.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { mapDatabaseError } from '../../src/db/map-database-error.js';
import { accounts, institutions } from '../../src/db/schema.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { openTestRuntime, testEngine } from '../helpers/test-runtime.js';

describe(`database errors as catalogue errors (${testEngine})`, () => {
  let rt: Runtime;
  const institution = crypto.randomUUID();

  before(async () => {
    ({ rt } = await openTestRuntime());
    await rt.db.insert(institutions).values({ id: institution, code: 'INST', name: 'Instansi' });
  });

  /** The error a statement raises (it must raise one). */
  const errorOf = async (run: () => Promise<unknown>): Promise<unknown> => {
    try {
      await run();
    } catch (error) {
      return error;
    }
    assert.fail('the statement succeeded');
  };

  const account = (institutionId: string) => ({
    id: crypto.randomUUID(),
    username: `u${crypto.randomBytes(4).toString('hex')}`,
    email: `${crypto.randomBytes(4).toString('hex')}@contoh.go.id`,
    fullName: 'Nama',
    institutionId,
    roles: ['subscriber' as const],
  });

  it('maps a foreign key to nothing to ERR_INPUT_INVALID naming the field, not the value', async () => {
    const missing = crypto.randomUUID();
    const error = await errorOf(() => rt.db.insert(accounts).values(account(missing)));
    const mapped = mapDatabaseError(error);
    assert.equal(mapped?.code, 'ERR_INPUT_INVALID');
    assert.deepEqual(mapped.details, { field: 'institutionId' });
    assert.match(mapped.message, /`institutionId` does not refer to an existing institutions record/);
    assert.doesNotMatch(mapped.message, new RegExp(missing));
  });

  it('maps a duplicate to ERR_RESOURCE_CONFLICT', async () => {
    const error = await errorOf(() =>
      rt.db.insert(institutions).values({ id: institution, code: 'INST2', name: 'Lagi' }),
    );
    const mapped = mapDatabaseError(error);
    assert.equal(mapped?.code, 'ERR_RESOURCE_CONFLICT');
    assert.deepEqual(mapped.details, { fields: ['id'] });
  });

  it('maps a delete of a record still referenced to ERR_RESOURCE_CONFLICT', async () => {
    await rt.db.insert(accounts).values(account(institution));
    const error = await errorOf(() => rt.db.execute(sql`delete from institutions where id = ${institution}`));
    assert.equal(mapDatabaseError(error)?.code, 'ERR_RESOURCE_CONFLICT');
  });

  for (const [what, statement] of [
    ['text that is not a UUID (22P02)', sql`select ${'------------------------------------'}::uuid`],
    ['a NUL in text (22021)', sql`select ${'a\u0000b'}::text = 'x'`],
    ['an integer out of range (22003)', sql`select ${'9223372036854775808'}::bigint`],
    ['a date that does not exist (22008 or 22007)', sql`select ${'2026-13-45'}::timestamptz`],
  ] as const) {
    it(`maps ${what} to ERR_INPUT_INVALID`, async () => {
      const error = await errorOf(() => rt.db.execute(statement));
      assert.equal(mapDatabaseError(error)?.code, 'ERR_INPUT_INVALID', String(error));
    });
  }

  it('leaves other database errors alone (they stay a 500 with the cause in the log)', async () => {
    const error = await errorOf(() => rt.db.execute(sql`select * from no_such_table`));
    assert.equal(mapDatabaseError(error), undefined);
    assert.equal(mapDatabaseError(new Error('not a database error')), undefined);
  });
});
