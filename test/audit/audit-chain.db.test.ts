import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, it } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { auditEventsInsert, recordAuditEvent } from '../../src/audit/record-audit-event.js';
import { countUnsealed, sealAuditChain } from '../../src/audit/seal-audit-chain.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { auditEvents } from '../../src/db/schema.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';
import { openTestRuntime } from '../helpers/test-runtime.js';

describe('audit chain', () => {
  let rt: Runtime;
  let key: Uint8Array;
  before(async () => {
    ({ rt } = await openTestRuntime());
    key = rt.masterKey.derive('audit-chain/v1');
  });

  const record = async (n: number, action = 'test.event') => {
    for (let i = 0; i < n; i++) {
      await recordAuditEvent(rt.db, {
        actor: 'test',
        action,
        target: `thing:${i}`,
        details: { i, nested: { b: 2, a: [1, 'x'] } },
      });
    }
  };
  const fresh = async () => {
    await rt.db.delete(auditEvents);
    await record(10);
    await rt.sealAudit();
  };

  it('seals events in order and verifies them', async () => {
    await fresh();
    assert.equal(await countUnsealed(rt.db), 0);
    const result = await verifyAuditChain(rt.db, key);
    assert.equal(result.ok, true);
    assert.equal(result.events, 10);
    assert.equal(result.head?.seq, '10');
  });

  it('seals concurrently without gaps or double sealing', async () => {
    await fresh();
    await record(50);
    const sealed = await Promise.all([
      sealAuditChain(rt.db, key, 7),
      sealAuditChain(rt.db, key, 7),
      sealAuditChain(rt.db, key, 7),
    ]);
    assert.equal(
      sealed.reduce((a, b) => a + b, 0),
      50,
    );
    const result = await verifyAuditChain(rt.db, key);
    assert.equal(result.ok, true);
    assert.equal(result.events, 60);
  });

  it('detects an edited event', async () => {
    await fresh();
    await rt.db
      .update(auditEvents)
      .set({ details: { i: 999 } })
      .where(eq(auditEvents.seq, 4n));
    const result = await verifyAuditChain(rt.db, key);
    assert.equal(result.ok, false);
    assert.equal(result.problem?.seq, '4');
    assert.match(result.problem.reason, /edited/);
    assert.equal(result.events, 3);
  });

  it('detects a changed actor or time', async () => {
    await fresh();
    await rt.db.update(auditEvents).set({ actor: 'someone-else' }).where(eq(auditEvents.seq, 2n));
    assert.equal((await verifyAuditChain(rt.db, key)).problem?.seq, '2');
    await fresh();
    await rt.db
      .update(auditEvents)
      .set({ occurredAt: sql`occurred_at - interval '1 day'` })
      .where(eq(auditEvents.seq, 9n));
    assert.equal((await verifyAuditChain(rt.db, key)).problem?.seq, '9');
  });

  it('detects a deleted event', async () => {
    await fresh();
    await rt.db.delete(auditEvents).where(eq(auditEvents.seq, 5n));
    const result = await verifyAuditChain(rt.db, key);
    assert.equal(result.ok, false);
    assert.match(result.problem!.reason, /event 5 is missing/);
  });

  it('detects reordering', async () => {
    await fresh();
    await rt.db.execute(
      sql`update audit_events set seq = case seq when 6 then -6 else seq end where seq in (6)`,
    );
    await rt.db.execute(sql`update audit_events set seq = 6 where seq = 7`);
    await rt.db.execute(sql`update audit_events set seq = 7 where seq = -6`);
    const result = await verifyAuditChain(rt.db, key);
    assert.equal(result.ok, false);
    assert.equal(result.problem?.seq, '6');
  });

  it('detects a chain rewritten without the key (a database-only attacker)', async () => {
    await fresh();
    const attackerKey = crypto.randomBytes(32);
    await rt.db.update(auditEvents).set({ seq: null, hash: null, prevHash: null });
    await sealAuditChain(rt.db, attackerKey);
    const result = await verifyAuditChain(rt.db, key);
    assert.equal(result.ok, false);
    assert.equal(result.problem?.seq, '1');
  });

  it('writes the same rows from the SQL fragment of a larger statement as recordAuditEvent does', async () => {
    await rt.db.delete(auditEvents);
    const started = Date.now();
    const events = [
      { actor: 'test', action: 'batch.one', target: 'thing:1', details: { n: 1, nested: { a: [1, 'x'] } } },
      { actor: 'test', action: 'batch.two' },
    ];
    await recordAuditEvent(rt.db, events[0]!);
    await recordAuditEvent(rt.db, events[1]!);
    // As the issuance store uses it: a data-modifying CTE beside other work, in one statement.
    await rt.db.execute(sql`
      with audit as (${auditEventsInsert(events)})
      select 1`);
    await rt.db.execute(sql`with audit as (${auditEventsInsert([])}) select 1`);
    const rows = await rt.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    assert.equal(rows.length, 4);
    const shape = (row: (typeof rows)[number]) => ({
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: row.details,
    });
    assert.deepEqual(rows.slice(2).map(shape), rows.slice(0, 2).map(shape));
    assert.deepEqual(rows[3]!.target, null);
    assert.deepEqual(rows[3]!.details, {});
    for (const row of rows) {
      assert.equal(row.seq, null, 'written unsealed, for the sealer');
      assert.ok(row.occurredAt.getTime() >= started && row.occurredAt.getTime() <= Date.now());
    }
    await rt.sealAudit();
    const result = await verifyAuditChain(rt.db, key);
    assert.equal(result.ok, true);
    assert.equal(result.events, 4);
  });
});
