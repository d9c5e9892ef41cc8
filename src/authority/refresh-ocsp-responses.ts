import { and, asc, eq, lt } from 'drizzle-orm';
import { certificates, ocspResponses } from '../db/schema.js';
import type { AuthorityContext } from './authority-context.js';
import { presignOcspResponse, storeOcspResponse } from './ocsp-presign.js';

/**
 * Signs again the pre-signed responses older than TEKEN_OCSP_REFRESH_HOURS, oldest first, at most
 * `limit` per call (the background job calls it until nothing is left). Returns how many.
 */
export async function refreshOcspResponses(ctx: AuthorityContext, limit = 500): Promise<number> {
  const cutoff = new Date(Date.now() - ctx.config.ocsp.refreshHours * 3_600_000);
  const stale = await ctx.db
    .select({
      caId: ocspResponses.authorityId,
      serial: ocspResponses.serial,
      revokedAt: certificates.revokedAt,
      reason: certificates.revocationReason,
    })
    .from(ocspResponses)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, ocspResponses.authorityId),
        eq(certificates.serial, ocspResponses.serial),
      ),
    )
    .where(lt(ocspResponses.thisUpdate, cutoff))
    .orderBy(asc(ocspResponses.thisUpdate))
    .limit(limit);
  for (const row of stale) {
    const ca = await ctx.registry.get(row.caId);
    if (!ca.ocspResponder) continue;
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
