import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { authorities, certificates, crls } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { encodeCrl, type CrlEntry } from '../pki/crl.js';
import type { AuthorityContext } from './authority-context.js';
import { notifyCrlChange } from './notify-status.js';

/** CRLs kept per CA (older ones are deleted; a CRL of a million entries is tens of megabytes). */
const KEEP_CRLS = 3;
/** Revocations read per query (keyset pages in id order). */
const PAGE = 100_000;

/** A revoked certificate as the CRL query returns it: times in whole epoch seconds. */
interface RevocationRow {
  id: string;
  serial: string;
  revoked_at: number;
  reason: number | null;
  invalidity_date: number | null;
}

export interface GeneratedCrl {
  caId: string;
  number: bigint;
  thisUpdate: Date;
  nextUpdate: Date;
  entries: number;
  der: Uint8Array;
}

/**
 * Produces the next full CRL of a CA. The CA row is locked for the duration, so CRL numbers are
 * strictly increasing and a later number never lists less than an earlier one.
 */
export async function generateCrl(ctx: AuthorityContext, caId: string, actor: string): Promise<GeneratedCrl> {
  const ca = await ctx.registry.get(caId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(authorities)
      .set({ crlNumber: sql`${authorities.crlNumber} + 1` })
      .where(eq(authorities.id, ca.id))
      .returning({ crlNumber: authorities.crlNumber });
    if (!row) throw new TekenError('ERR_CA_NOT_FOUND');
    // The revocations are read in pages, in a compact form (times as whole epoch seconds computed
    // by the database, no Date or row object kept per entry), and turned into CrlEntry objects one
    // at a time while encodeCrl streams them: a million entries stay in a few tens of megabytes.
    const serials: string[] = [];
    const revokedAt: number[] = [];
    const reasons: number[] = [];
    /** Invalidity dates in epoch seconds, by entry index; most entries have none. */
    const invalidity = new Map<number, number>();
    let lastId = '0';
    for (;;) {
      // Raw SQL: the ORM's per-row mapping cost more than the rest of the CRL together.
      const result = await tx.execute(sql`
        select ${certificates.id}::text as id, ${certificates.serial} as serial,
          floor(extract(epoch from ${certificates.revokedAt}))::float8 as revoked_at,
          ${certificates.revocationReason} as reason,
          floor(extract(epoch from ${certificates.invalidityDate}))::float8 as invalidity_date
        from ${certificates}
        where ${certificates.authorityId} = ${ca.id} and ${certificates.revokedAt} is not null
          and ${certificates.id} > ${lastId}::bigint
        order by ${certificates.id}
        limit ${PAGE}`);
      const page = (result as { rows: RevocationRow[] }).rows;
      for (const e of page) {
        if (e.invalidity_date !== null) invalidity.set(serials.length, Number(e.invalidity_date));
        serials.push(e.serial);
        revokedAt.push(Number(e.revoked_at));
        reasons.push(e.reason === null ? 0 : Number(e.reason));
      }
      if (page.length < PAGE) break;
      lastId = page[page.length - 1]!.id;
    }
    function* entries(): Generator<CrlEntry> {
      for (let i = 0; i < serials.length; i++) {
        const reason = reasons[i]!;
        const invalidityDate = invalidity.get(i);
        yield {
          serialHex: serials[i]!,
          revokedAt: new Date(revokedAt[i]! * 1000),
          // 0 (unspecified) is left out, as RFC 5280 5.3.1 asks.
          ...(reason !== 0 ? { reason } : {}),
          ...(invalidityDate !== undefined ? { invalidityDate: new Date(invalidityDate * 1000) } : {}),
        };
      }
    }
    const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const nextUpdate = new Date(thisUpdate.getTime() + ctx.config.crl.validityHours * 3_600_000);
    const der = await encodeCrl({
      issuerNameDer: ca.subjectDer,
      issuerKeyIdentifier: ca.keyIdentifier,
      crlNumber: row.crlNumber,
      thisUpdate,
      nextUpdate,
      entries: entries(),
      signingKey: ca.key,
    });
    await tx.insert(crls).values({
      authorityId: ca.id,
      number: row.crlNumber,
      thisUpdate,
      nextUpdate,
      entries: serials.length,
      der,
    });
    await tx
      .delete(crls)
      .where(and(eq(crls.authorityId, ca.id), lt(crls.number, row.crlNumber - BigInt(KEEP_CRLS - 1))));
    await notifyCrlChange(tx, ca.id);
    await recordAuditEvent(tx, {
      actor,
      action: 'crl.generate',
      target: `ca:${ca.id}`,
      details: {
        number: row.crlNumber.toString(),
        entries: serials.length,
        nextUpdate: nextUpdate.toISOString(),
      },
    });
    return { caId: ca.id, number: row.crlNumber, thisUpdate, nextUpdate, entries: serials.length, der };
  });
}

/** The newest CRL of a CA, if any. */
export async function latestCrl(ctx: Pick<AuthorityContext, 'db'>, caId: string) {
  const [row] = await ctx.db
    .select()
    .from(crls)
    .where(eq(crls.authorityId, caId))
    .orderBy(desc(crls.number))
    .limit(1);
  return row;
}
