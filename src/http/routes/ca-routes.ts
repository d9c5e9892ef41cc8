import type { FastifyReply } from 'fastify';
import type { CaRegistry } from '../../authority/ca-registry.js';
import { caIds } from '../../authority/profiles.js';
import { reasonLabel } from '../../authority/revocation-reasons.js';
import { nameToString } from '../../pki/distinguished-name.js';
import { toPem } from '../../pki/certificate-assembly.js';
import { problemOf, sendProblem } from '../problem.js';
import {
  arrayOf,
  problemResponse,
  responses,
  stringEnum,
  strictObject,
  object,
  timestamp,
} from '../schemas.js';
import { routeGroup } from '../route-group.js';

export interface CaRoutesOptions {
  registry: CaRegistry;
}

const caParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', enum: [...caIds] } },
} as const;

const authority = object(
  {
    id: stringEnum(caIds),
    parent: { type: ['string', 'null'] },
    subject: { type: 'string' },
    notBefore: timestamp,
    notAfter: timestamp,
    keyAlgorithm: { type: 'string' },
    certificate: { type: 'string', description: 'Path of the DER certificate.' },
    crl: { type: 'string', description: 'Path of the DER CRL.' },
    revokedAt: timestamp,
    revocationReason: { type: 'string' },
  },
  ['id', 'parent', 'subject', 'notBefore', 'notAfter', 'keyAlgorithm', 'certificate', 'crl'],
  { $id: 'Authority', title: 'Authority' },
);

/** Binary answers: only the failures have a JSON schema. */
const binary = (summary: string) => ({
  summary,
  params: caParams,
  response: { '4xx': problemResponse, '5xx': problemResponse },
});

/** CA certificates and chains, DER and PEM (the AIA caIssuers URLs point here). */
export const caRoutes = routeGroup<CaRoutesOptions>((app, rt) => {
  app.addSchema(authority);
  const cacheable = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=3600');

  const load = async (id: string, reply: FastifyReply) => {
    await rt.registry.ensureLoaded();
    const ca = rt.registry.all().find((c) => c.id === id);
    if (!ca) sendProblem(reply, problemOf('ERR_CA_NOT_FOUND', `The ${id} CA has not been created.`));
    return ca;
  };

  app.get(
    '/ca',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The CA hierarchy, root first.',
        response: responses({
          200: strictObject({ authorities: arrayOf({ $ref: 'Authority#' }) }, { title: 'Authorities' }),
        }),
      },
    },
    async () => {
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
    },
  );

  app.get<{ Params: { id: string } }>(
    '/ca/:id.crt',
    { config: { access: 'public' }, schema: binary('A CA certificate, DER.') },
    async (request, reply) => {
      const ca = await load(request.params.id, reply);
      if (ca) return cacheable(reply).type('application/pkix-cert').send(Buffer.from(ca.certificateDer));
      return reply;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/ca/:id.pem',
    { config: { access: 'public' }, schema: binary('A CA certificate, PEM.') },
    async (request, reply) => {
      const ca = await load(request.params.id, reply);
      if (ca) return cacheable(reply).type('application/x-pem-file').send(toPem(ca.certificateDer));
      return reply;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/ca/:id/chain.pem',
    { config: { access: 'public' }, schema: binary('A CA certificate and its issuers up to the root, PEM.') },
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
});
