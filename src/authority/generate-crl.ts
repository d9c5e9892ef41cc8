import { and, asc, desc, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { authorities, certificates, crls } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { encodeCrl, type CrlEntry } from '../pki/crl.js';
import type { AuthorityContext } from './authority-context.js';
import { notifyCrlChange } from './notify-status.js';

/** CRLs kept per CA (older ones are deleted; a CRL of a million entries is tens of megabytes). */
const KEEP_CRLS = 3;
const PAGE = 50_000;

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
    const entries: CrlEntry[] = [];
    let lastId = 0n;
    for (;;) {
      const page = await tx
        .select({
          id: certificates.id,
          serial: certificates.serial,
          revokedAt: certificates.revokedAt,
          reason: certificates.revocationReason,
          invalidityDate: certificates.invalidityDate,
        })
        .from(certificates)
        .where(
          and(
            eq(certificates.authorityId, ca.id),
            isNotNull(certificates.revokedAt),
            gt(certificates.id, lastId),
          ),
        )
        .orderBy(asc(certificates.id))
        .limit(PAGE);
      for (const e of page) {
        entries.push({
          serialHex: e.serial,
          revokedAt: e.revokedAt!,
          ...(e.reason !== null && e.reason !== 0 ? { reason: e.reason } : {}),
          ...(e.invalidityDate ? { invalidityDate: e.invalidityDate } : {}),
        });
      }
      if (page.length < PAGE) break;
      lastId = page[page.length - 1]!.id;
    }
    const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000);
    const nextUpdate = new Date(thisUpdate.getTime() + ctx.config.crl.validityHours * 3_600_000);
    const der = await encodeCrl({
      issuerNameDer: ca.subjectDer,
      issuerKeyIdentifier: ca.keyIdentifier,
      crlNumber: row.crlNumber,
      thisUpdate,
      nextUpdate,
      entries,
      signingKey: ca.key,
    });
    await tx.insert(crls).values({
      authorityId: ca.id,
      number: row.crlNumber,
      thisUpdate,
      nextUpdate,
      entries: entries.length,
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
        entries: entries.length,
        nextUpdate: nextUpdate.toISOString(),
      },
    });
    return { caId: ca.id, number: row.crlNumber, thisUpdate, nextUpdate, entries: entries.length, der };
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
