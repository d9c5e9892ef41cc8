/**
 * The holder's side of a TOTP authorisation (signing/totp-authorisation.ts): the public page of an
 * APPROVE_TOTP link ("[BSrE] Persetujuan Tanda Tangan", `/persetujuan#<token>`; the token travels
 * as `Authorization: Bearer` or in the body, never in a URL). It reads who asks for what, then
 * approves with the passphrase (the code is answered once, and e-mailed) or refuses. Link guesses
 * count against the address; passphrases per certificate, as on every passphrase path.
 */
import type { CertificatesContext } from '../../certificates/certificates-context.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { formatWib } from '../../notify/format-wib.js';
import { approveTotp, readTotpApproval, refuseTotp } from '../../signing/totp-authorisation.js';
import { linkToken } from '../link-token.js';
import { routeGroup } from '../route-group.js';
import {
  noContent,
  nullableString,
  object,
  responses,
  secret,
  stringEnum,
  strictObject,
  text,
  timestamp,
} from '../schemas.js';
import { useSessionAuth } from '../session-auth.js';

export interface TotpApprovalRoutesOptions {
  identity: IdentityContext;
  certificates: CertificatesContext;
}

const kinds = ['sign', 'seal_activation', 'seal_batch'] as const;
const locale = stringEnum(['id', 'en'] as const);
const documents = {
  type: ['integer', 'null'],
  description: 'Documents the code may sign (null: a seal activation).',
} as const;

export const totpApprovalRoutes = routeGroup<TotpApprovalRoutesOptions>(
  (app, { identity, certificates: ctx }) => {
    useSessionAuth(app, identity);

    app.post<{ Body: { token?: string; locale?: 'id' | 'en' } }>(
      '/api/v1/totp-approval',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'What an APPROVE_TOTP link asks (the link stays unused): the application, the count, the holder, when the link lapses. Guesses count against the address.',
          body: object({ token: text(200), locale }),
          response: responses({
            200: strictObject(
              {
                kind: stringEnum(kinds),
                client: { type: 'string', description: "The API client's description." },
                institution: { type: 'string' },
                holder: { type: 'string' },
                serial: nullableString,
                documents,
                expiresAt: timestamp,
                expiresText: { type: 'string' },
              },
              { title: 'TotpApproval' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const about = await readTotpApproval(ctx, linkToken(request), { ip: request.ip });
        return {
          kind: about.row.kind,
          client: about.clientDescription,
          institution: about.institutionName,
          holder: about.holderName,
          serial: about.certificate.serial,
          documents: about.row.documents,
          expiresAt: about.linkExpiresAt.toISOString(),
          expiresText: formatWib(about.linkExpiresAt, request.body?.locale ?? 'id'),
        };
      },
    );

    app.post<{ Body: { token?: string; passphrase: string; locale?: 'id' | 'en' } }>(
      '/api/v1/totp-approval/approve',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'Approves an APPROVE_TOTP link with the passphrase: the key is sealed again under a fresh code, answered once here (and e-mailed); the link is used.',
          body: object({ token: text(200), passphrase: secret(512), locale }, ['passphrase']),
          response: responses({
            200: strictObject(
              {
                kind: stringEnum(kinds),
                code: { type: 'string', description: 'The TOTP (digits); Teken keeps no copy.' },
                documents,
                expiresAt: timestamp,
                expiresText: { type: 'string' },
              },
              { title: 'TotpApproved' },
            ),
          }),
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        const done = await approveTotp(ctx, linkToken(request), request.body.passphrase, { ip: request.ip });
        return {
          kind: done.kind,
          code: done.code,
          documents: done.documents,
          expiresAt: done.expiresAt.toISOString(),
          expiresText: formatWib(done.expiresAt, request.body.locale ?? 'id'),
        };
      },
    );

    app.post<{ Body: { token?: string } }>(
      '/api/v1/totp-approval/refuse',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Refuses an APPROVE_TOTP link: the request ends, no key is opened; the link is used.',
          body: object({ token: text(200) }),
          response: responses({ 204: noContent }),
        },
      },
      async (request, reply) => {
        await refuseTotp(ctx, linkToken(request), { ip: request.ip });
        return reply.code(204).send();
      },
    );
  },
);
