import { latestCrl } from '../../authority/generate-crl.js';
import { caIds } from '../../authority/profiles.js';
import { toPem } from '../../pki/certificate-assembly.js';
import type { Db } from '../../db/open-database.js';
import { problemOf, sendProblem } from '../problem.js';
import { problemResponse } from '../schemas.js';
import { routeGroup } from '../route-group.js';
import { setStatusCacheHeaders } from './status-cache-headers.js';

interface CachedCrl {
  der: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date;
  loadedAt: number;
}

/** How long a process serves its copy before asking the database for a newer CRL. */
const RELOAD_MS = 15_000;

export interface CrlCache {
  invalidate(caId: string): void;
  /** The CA's newest CRL, from memory for RELOAD_MS, then from the database. */
  current(caId: string): Promise<CachedCrl | undefined>;
}

/** The per-process copy of each CA's newest CRL (build-app.ts makes one and hands it to the routes). */
export function createCrlCache(db: Db): CrlCache {
  const cache = new Map<string, CachedCrl>();
  return {
    invalidate: (caId) => cache.delete(caId),
    current: async (id) => {
      const hit = cache.get(id);
      if (hit && Date.now() - hit.loadedAt < RELOAD_MS) return hit;
      const row = await latestCrl({ db }, id);
      if (!row) return undefined;
      const entry = {
        der: row.der,
        thisUpdate: row.thisUpdate,
        nextUpdate: row.nextUpdate,
        loadedAt: Date.now(),
      };
      cache.set(id, entry);
      return entry;
    },
  };
}

export interface CrlRoutesOptions {
  crls: CrlCache;
  /** TEKEN_STATUS_MAX_AGE_SECONDS. */
  statusMaxAgeSeconds: number;
}

const params = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', enum: [...caIds] } },
} as const;

/** `GET /crl/<ca>.crl` (DER, as the CRL distribution points say) and `.pem`. */
export const crlRoutes = routeGroup<CrlRoutesOptions>((app, { crls, statusMaxAgeSeconds }) => {
  for (const format of ['crl', 'pem'] as const) {
    app.get<{ Params: { id: string } }>(
      `/crl/:id.${format}`,
      {
        config: { access: 'public' },
        schema: {
          summary: `The CA's newest CRL, ${format === 'crl' ? 'DER' : 'PEM'}.`,
          params,
          response: { '4xx': problemResponse, '5xx': problemResponse },
        },
      },
      async (request, reply) => {
        const crl = await crls.current(request.params.id);
        if (!crl)
          return sendProblem(
            reply,
            problemOf('ERR_RESOURCE_NOT_FOUND', `The ${request.params.id} CA has no CRL yet.`),
          );
        setStatusCacheHeaders(reply, crl.der, crl.thisUpdate, crl.nextUpdate, statusMaxAgeSeconds);
        if (request.headers['if-none-match'] === reply.getHeader('etag')) return reply.code(304).send();
        return format === 'crl'
          ? reply.type('application/pkix-crl').send(Buffer.from(crl.der))
          : reply.type('application/x-pem-file').send(toPem(crl.der, 'X509 CRL'));
      },
    );
  }
});
