import type { FastifyInstance, FastifyReply } from 'fastify';
import { caIds } from '../../authority/profiles.js';
import { reasonLabel } from '../../authority/revocation-reasons.js';
import { nameToString } from '../../pki/distinguished-name.js';
import { toPem } from '../../pki/certificate-assembly.js';
import type { Runtime } from '../../runtime/open-runtime.js';
import { problemOf, sendProblem } from '../problem.js';

const caParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', enum: [...caIds] } },
} as const;

/** CA certificates and chains, DER and PEM (the AIA caIssuers URLs point here). */
export function caRoutes(app: FastifyInstance, rt: Runtime): void {
  const cacheable = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=3600');

  const load = async (id: string, reply: FastifyReply) => {
    await rt.registry.ensureLoaded();
    const ca = rt.registry.all().find((c) => c.id === id);
    if (!ca) sendProblem(reply, problemOf('ERR_CA_NOT_FOUND', `The ${id} CA has not been created.`));
    return ca;
  };

  app.get('/ca', async () => {
    await rt.registry.ensureLoaded();
    return {
      authorities: rt.registry.all().map((ca) => ({
        id: ca.id,
        parent: ca.parentId,
        subject: nameToString(ca.subjectDer),
        notBefore: ca.notBefore.toISOString(),
        notAfter: ca.notAfter.toISOString(),
        keyAlgorithm: ca.key.algorithm,
        certificate: `/ca/${ca.id}.crt`,
        crl: `/crl/${ca.id}.crl`,
        ...(ca.revoked
          ? {
              revokedAt: ca.revoked.at.toISOString(),
              revocationReason: reasonLabel(ca.revoked.reason),
            }
          : {}),
      })),
    };
  });

  app.get<{ Params: { id: string } }>(
    '/ca/:id.crt',
    { schema: { params: caParams } },
    async (request, reply) => {
      const ca = await load(request.params.id, reply);
      if (ca) return cacheable(reply).type('application/pkix-cert').send(Buffer.from(ca.certificateDer));
      return reply;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/ca/:id.pem',
    { schema: { params: caParams } },
    async (request, reply) => {
      const ca = await load(request.params.id, reply);
      if (ca) return cacheable(reply).type('application/x-pem-file').send(toPem(ca.certificateDer));
      return reply;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/ca/:id/chain.pem',
    { schema: { params: caParams } },
    async (request, reply) => {
      let ca = await load(request.params.id, reply);
      if (!ca) return reply;
      const pems: string[] = [];
      while (ca) {
        pems.push(toPem(ca.certificateDer));
        const parent: string | null = ca.parentId;
        ca = parent ? rt.registry.all().find((c) => c.id === parent) : undefined;
      }
      return cacheable(reply).type('application/x-pem-file').send(pems.join(''));
    },
  );
}
