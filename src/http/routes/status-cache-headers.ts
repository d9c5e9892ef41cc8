import crypto from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * Caching headers for CRLs and OCSP responses (RFC 5019 6.2): cacheable until nextUpdate, but no
 * longer than TEKEN_STATUS_MAX_AGE_SECONDS, so a revocation reaches clients behind a CDN quickly.
 */
export function setStatusCacheHeaders(
  reply: FastifyReply,
  body: Uint8Array,
  thisUpdate: Date,
  nextUpdate: Date,
  maxAgeSeconds: number,
) {
  const remaining = Math.floor((nextUpdate.getTime() - Date.now()) / 1000);
  const maxAge = Math.max(0, Math.min(maxAgeSeconds, remaining));
  reply
    .header('cache-control', `public, max-age=${maxAge}, no-transform, must-revalidate`)
    .header('last-modified', thisUpdate.toUTCString())
    .header('expires', new Date(Date.now() + maxAge * 1000).toUTCString())
    .header('etag', `"${crypto.createHash('sha1').update(body).digest('hex')}"`);
}
