import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { auditEvents } from '../db/schema.js';
import { chainHash, GENESIS } from './audit-chain.js';

/** Only one sealer at a time, whichever instance it runs in. */
const SEAL_LOCK = 7_346_653_002;

/**
 * Gives unsealed events their place in the chain. Runs in the background of `teken serve`, after
 * CLI commands and before `teken audit verify`. Returns the number of events sealed.
 */
export async function sealAuditChain(db: Db, key: Uint8Array, batchSize = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
      const pending = await tx
        .select()
        .from(auditEvents)
        .where(isNull(auditEvents.seq))
        .orderBy(asc(auditEvents.id))
        .limit(batchSize);
      if (pending.length === 0) return 0;
      const [last] = await tx
        .select({ seq: auditEvents.seq, hash: auditEvents.hash })
        .from(auditEvents)
        .where(isNotNull(auditEvents.seq))
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      let seq = last?.seq ?? 0n;
      let prev = last?.hash ?? GENESIS;
      const rows: { id: bigint; seq: bigint; prev: Uint8Array; hash: Uint8Array }[] = [];
      for (const event of pending) {
        seq += 1n;
        const hash = chainHash(key, prev, { ...event, seq });
        rows.push({ id: event.id, seq, prev, hash });
        prev = hash;
      }
      // One UPDATE for the batch.
      const values = sql.join(
        rows.map(
          (r) =>
            sql`(${r.id}::bigint, ${r.seq}::bigint, ${Buffer.from(r.prev)}::bytea, ${Buffer.from(r.hash)}::bytea)`,
        ),
        sql`, `,
      );
      await tx.execute(sql`
        update audit_events as a set seq = v.seq, prev_hash = v.prev, hash = v.hash
        from (values ${values}) as v(id, seq, prev, hash)
        where a.id = v.id and a.seq is null`);
      return rows.length;
    });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

/** Count of events not yet sealed (for readiness and verification output). */
export async function countUnsealed(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(isNull(auditEvents.seq));
  return row?.n ?? 0;
}
