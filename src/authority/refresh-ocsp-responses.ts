import { and, asc, eq, gt, lt, or } from 'drizzle-orm';
import { certificates, delegatedSigners, ocspResponses } from '../db/schema.js';
import type { AuthorityContext } from './authority-context.js';
import { activeSignerOf } from './ca-registry.js';
import {
  presignOcspResponse,
  RESPONDER_MIN_REMAINING_MS,
  responderUsable,
  storeOcspResponse,
} from './ocsp-presign.js';

/**
 * Signs again the pre-signed responses older than TEKEN_OCSP_REFRESH_HOURS, and those signed before
 * the CA's current responder took over (after a responder renewal), oldest first, at most `limit`
 * per call (the background job calls it until nothing is left). Returns how many.
 */
export async function refreshOcspResponses(ctx: AuthorityContext, limit = 500): Promise<number> {
  const cutoff = new Date(Date.now() - ctx.config.ocsp.refreshHours * 3_600_000);
  const stale = await ctx.db
    .select({
      caId: ocspResponses.authorityId,
      serial: ocspResponses.serial,
      revokedAt: certificates.revokedAt,
      reason: certificates.revocationReason,
      responderSerial: delegatedSigners.serial,
    })
    .from(ocspResponses)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, ocspResponses.authorityId),
        eq(certificates.serial, ocspResponses.serial),
      ),
    )
    .innerJoin(
      delegatedSigners,
      and(
        activeSignerOf(ocspResponses.authorityId, 'ocsp'),
        // A responder whose certificate has ended signs nothing: its CA waits for the renewal.
        gt(delegatedSigners.notAfter, new Date(Date.now() + RESPONDER_MIN_REMAINING_MS)),
      ),
    )
    .where(or(lt(ocspResponses.thisUpdate, cutoff), lt(ocspResponses.thisUpdate, delegatedSigners.createdAt)))
    .orderBy(asc(ocspResponses.thisUpdate))
    .limit(limit);
  for (const row of stale) {
    let ca = await ctx.registry.get(row.caId);
    // Another process replaced the responder and this one has not heard yet: sign with the new one.
    if (ca.ocspResponder?.serial !== row.responderSerial) {
      await ctx.registry.reload();
      ca = await ctx.registry.get(row.caId);
    }
    if (!responderUsable(ca)) continue;
    const response = await presignOcspResponse(
      ctx.config,
      ca,
      row.serial,
      row.revokedAt
        ? {
            status: 'revoked',
            revokedAt: row.revokedAt,
            ...(row.reason !== null ? { reason: row.reason } : {}),
          }
        : { status: 'good' },
    );
    await storeOcspResponse(ctx.db, row.caId, row.serial, response);
    ctx.onStatusChange?.(row.caId, row.serial);
  }
  return stale.length;
}
