import type { CaRegistry } from '../../authority/ca-registry.js';
import { responses, strictObject } from '../schemas.js';
import { routeGroup } from '../route-group.js';

export interface HealthRoutesOptions {
  database: { ping(): Promise<unknown> };
  registry: CaRegistry;
}

const readiness = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'checks'],
  title: 'Readiness',
  properties: {
    status: { type: 'string', enum: ['ready', 'not ready'] },
    checks: {
      type: 'object',
      additionalProperties: false,
      required: ['database'],
      properties: {
        database: { type: 'string', enum: ['ok', 'unreachable'] },
        caKeys: { type: 'string', description: '`ok`, or `unusable: <why>`.' },
      },
    },
  },
} as const;

const KEY_CHECK_TTL_MS = 30_000;

/**
 * `GET /healthz` (the process lives) and `GET /readyz` (database answers, CA and responder keys sign,
 * no responder certificate has expired).
 */
export const healthRoutes = routeGroup<HealthRoutesOptions>((app, rt) => {
  let keyCheck: { at: number; ok: boolean; problem?: string } | undefined;

  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      config: { access: 'public' },
      schema: {
        summary: 'The process lives.',
        response: responses({
          200: strictObject({ status: { type: 'string', enum: ['ok'] } }, { title: 'Health' }),
        }),
      },
    },
    () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      config: { access: 'public' },
      schema: {
        summary: 'The database answers, the CA and responder keys sign, no responder certificate expired.',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const checks: Record<string, string> = {};
      let ready = true;
      try {
        await rt.database.ping();
        checks.database = 'ok';
      } catch {
        checks.database = 'unreachable';
        ready = false;
      }
      if (ready) {
        const now = Date.now();
        if (!keyCheck || now - keyCheck.at > KEY_CHECK_TTL_MS) {
          try {
            await rt.registry.reload();
            const cas = rt.registry.all();
            if (cas.length === 0)
              throw new Error('the CA hierarchy has not been created (run `teken ca init`)');
            const probe = new TextEncoder().encode('teken readiness probe');
            for (const ca of cas) {
              await ca.key.sign(probe);
              await ca.ocspResponder?.key.sign(probe);
              // An expired responder certificate makes every OCSP answer of its CA worthless.
              if (!ca.revoked && ca.ocspResponder && ca.ocspResponder.notAfter.getTime() <= now)
                throw new Error(
                  `the OCSP responder certificate of the ${ca.id} CA expired ${ca.ocspResponder.notAfter.toISOString()} (run \`teken ca renew-signer ${ca.id} ocsp\`)`,
                );
            }
            keyCheck = { at: now, ok: true };
          } catch (error) {
            keyCheck = { at: now, ok: false, problem: (error as Error).message };
          }
        }
        checks.caKeys = keyCheck.ok ? 'ok' : `unusable: ${keyCheck.problem ?? 'unknown'}`;
        ready = keyCheck.ok;
      }
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
    },
  );
});
