import type { FastifyInstance } from 'fastify';
import { latestCrl } from '../../authority/generate-crl.js';
import { caIds } from '../../authority/profiles.js';
import { toPem } from '../../pki/certificate-assembly.js';
import type { Runtime } from '../../runtime/open-runtime.js';
import { problemOf, sendProblem } from '../problem.js';
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
}

/** `GET /crl/<ca>.crl` (DER, as the CRL distribution points say) and `.pem`. */
export function crlRoutes(app: FastifyInstance, rt: Runtime): CrlCache {
  const cache = new Map<string, CachedCrl>();
  const params = {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', enum: [...caIds] } },
  } as const;

  const current = async (id: string): Promise<CachedCrl | undefined> => {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.loadedAt < RELOAD_MS) return hit;
    const row = await latestCrl(rt, id);
    if (!row) return undefined;
    const entry = {
      der: row.der,
      thisUpdate: row.thisUpdate,
      nextUpdate: row.nextUpdate,
      loadedAt: Date.now(),
    };
    cache.set(id, entry);
    return entry;
  };

  for (const format of ['crl', 'pem'] as const) {
    app.get<{ Params: { id: string } }>(
      `/crl/:id.${format}`,
      { schema: { params } },
      async (request, reply) => {
        const crl = await current(request.params.id);
        if (!crl)
          return sendProblem(
            reply,
            problemOf('ERR_RESOURCE_NOT_FOUND', `The ${request.params.id} CA has no CRL yet.`),
          );
        setStatusCacheHeaders(reply, crl.der, crl.thisUpdate, crl.nextUpdate, rt.config.statusMaxAgeSeconds);
        if (request.headers['if-none-match'] === reply.getHeader('etag')) return reply.code(304).send();
        return format === 'crl'
          ? reply.type('application/pkix-crl').send(Buffer.from(crl.der))
          : reply.type('application/x-pem-file').send(toPem(crl.der, 'X509 CRL'));
      },
    );
  }
  return { invalidate: (caId) => cache.delete(caId) };
}
