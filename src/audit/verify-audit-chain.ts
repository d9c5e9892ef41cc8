import { asc, gt, isNotNull, and } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { auditEvents } from '../db/schema.js';
import { chainHash, GENESIS } from './audit-chain.js';

export interface AuditVerification {
  ok: boolean;
  /** Sealed events checked. */
  events: number;
  /** Head of the chain: record it elsewhere to detect truncation later. */
  head: { seq: string; hash: string } | null;
  /** The first problem, when not ok. */
  problem?: { seq: string; reason: string };
}

/** Recomputes the whole chain, page by page, and reports the first break. */
export async function verifyAuditChain(db: Db, key: Uint8Array, pageSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1n;
  let prev: Uint8Array = GENESIS;
  let events = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(and(isNotNull(auditEvents.seq), gt(auditEvents.seq, expectedSeq - 1n)))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const event of page) {
      const seq = event.seq!;
      const fail = (reason: string): AuditVerification => ({
        ok: false,
        events,
        head:
          events > 0 ? { seq: (expectedSeq - 1n).toString(), hash: Buffer.from(prev).toString('hex') } : null,
        problem: { seq: seq.toString(), reason },
      });
      if (seq !== expectedSeq) return fail(`event ${expectedSeq} is missing (next is ${seq})`);
      if (!event.prevHash || Buffer.compare(Buffer.from(event.prevHash), Buffer.from(prev)) !== 0) {
        return fail('its link to the previous event is wrong');
      }
      const hash = chainHash(key, prev, { ...event, seq });
      if (!event.hash || Buffer.compare(Buffer.from(event.hash), Buffer.from(hash)) !== 0) {
        return fail('its content does not match its hash (edited)');
      }
      prev = hash;
      expectedSeq++;
      events++;
    }
    if (page.length < pageSize) break;
  }
  return {
    ok: true,
    events,
    head: events > 0 ? { seq: (expectedSeq - 1n).toString(), hash: Buffer.from(prev).toString('hex') } : null,
  };
}
