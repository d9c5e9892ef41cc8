/**
 * Revocation, suspension and release of subscriber certificates: the holder's Pencabutan
 * (`/api/v1/certificates/:id/revocation`), the RA's queue of Pencabutan requests
 * (`/api/v1/ra/revocation-requests`) and Tinjau Ulang → Sertifikat Elektronik
 * (`/api/v1/ra/accounts/:accountId/certificates`, `/api/v1/ra/certificates/:id/{suspend,release,revoke}`).
 */
import type { CertificatesContext } from '../../certificates/certificates-context.js';
import { listHolderCertificates } from '../../certificates/list-holder-certificates.js';
import {
  listRevocationRequests,
  type RevocationRequestQuery,
} from '../../certificates/list-revocation-requests.js';
import {
  NOTE_MAX,
  releaseCertificate,
  revokeCertificateAsStaff,
  staffRevocationReasons,
  suspendCertificate,
} from '../../certificates/manage-certificate.js';
import {
  approveRevocationRequest,
  REJECT_REASON_MAX,
  rejectRevocationRequest,
} from '../../certificates/decide-revocation-request.js';
import { requestRevocation, type RevocationConfirmation } from '../../certificates/request-revocation.js';
import { subscriberRevocationReasons } from '../../config/options.js';
import { TekenError } from '../../errors/teken-error.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { decisionRoute } from '../decision-route.js';
import { routeGroup } from '../route-group.js';
import {
  arrayOf,
  boolean,
  integer,
  nullableString,
  nullableTimestamp,
  object,
  responses,
  secret,
  strictObject,
  stringEnum,
  text,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { authOf, requestMeta, useSessionAuth } from '../session-auth.js';

export interface RevocationRoutesOptions {
  identity: IdentityContext;
  certificates: CertificatesContext;
}

const displayStatuses = ['Issued', 'Renew', 'On Revoke', 'Revoked', 'Expired', 'Suspended'] as const;
const requestStatuses = ['pending', 'revoked', 'rejected'] as const;
const changed = (statuses: readonly string[]) =>
  responses({ 200: object({ status: stringEnum(statuses), revokedAt: timestamp }, ['status']) });

type RevocationBody = {
  reason: string;
  passphrase?: string;
  password?: string;
  code?: string;
  deviceId?: string;
};

function confirmationOf(body: RevocationBody): RevocationConfirmation {
  if (typeof body.passphrase === 'string' && body.password === undefined && body.code === undefined)
    return { passphrase: body.passphrase };
  if (typeof body.password === 'string' && typeof body.code === 'string' && body.passphrase === undefined)
    return {
      password: body.password,
      code: body.code,
      ...(body.deviceId ? { deviceId: body.deviceId } : {}),
    };
  throw new TekenError(
    'ERR_INPUT_INVALID',
    'passphrase: confirm with the passphrase, or with password and code (one of the two).',
    { details: { field: 'passphrase' } },
  );
}

export const revocationRoutes = routeGroup<RevocationRoutesOptions>(
  (app, { identity, certificates: ctx }) => {
    useSessionAuth(app, identity);

    app.post<{ Params: { id: string }; Body: RevocationBody }>(
      '/api/v1/certificates/:id/revocation',
      {
        config: { access: 'session' },
        schema: {
          summary:
            'Pencabutan by the holder: a reason, confirmed with the passphrase or with password and authenticator code. "On Revoke" until the RA approves; immediate for the configured reasons.',
          params: uuidParams,
          body: object(
            {
              reason: stringEnum(subscriberRevocationReasons),
              passphrase: secret(512),
              password: secret(4096),
              code: text(32),
              deviceId: uuid(),
            },
            ['reason'],
          ),
          response: responses({
            200: strictObject(
              { id: uuid(), status: stringEnum(['pending', 'revoked']), reason: { type: 'string' } },
              { title: 'RevocationRequestResult' },
            ),
          }),
        },
      },
      async (request) =>
        requestRevocation(
          ctx,
          identity,
          authOf(request).account,
          {
            certificateId: request.params.id,
            reason: request.body.reason,
            confirm: confirmationOf(request.body),
          },
          requestMeta(request),
        ),
    );

    const queueItem = strictObject(
      {
        id: uuid(),
        certificateId: uuid(),
        accountId: uuid(),
        institutionId: uuid(),
        fullName: { type: 'string' },
        email: { type: 'string' },
        product: { type: 'string' },
        serial: { type: 'string' },
        notAfter: nullableTimestamp,
        reason: { type: 'string' },
        status: stringEnum(requestStatuses),
        confirmedWith: stringEnum(['passphrase', 'password_otp']),
        requestedAt: timestamp,
        decidedAt: nullableTimestamp,
        rejectReason: nullableString,
        canDecide: boolean,
      },
      { title: 'RevocationRequestListItem' },
    );

    app.get<{ Querystring: RevocationRequestQuery }>(
      '/api/v1/ra/revocation-requests',
      {
        config: { access: { action: 'certificate.manage' } },
        schema: {
          summary: 'The Pencabutan requests of the caller’s institution (a CA admin: all), oldest first.',
          querystring: object({
            status: stringEnum(requestStatuses),
            institutionId: uuid('A CA admin: one institution only.'),
            limit: integer(1, 200, 'At most this many (default 50).'),
            offset: integer(0, 1_000_000),
          }),
          response: responses({
            200: strictObject(
              { total: { type: 'integer', minimum: 0 }, requests: arrayOf(queueItem) },
              { title: 'RevocationRequestList' },
            ),
          }),
        },
      },
      async (request) => listRevocationRequests(ctx, authOf(request).account, request.query),
    );

    decisionRoute(app, {
      url: '/api/v1/ra/revocation-requests/:id/approve',
      action: 'certificate.manage',
      summary: 'Approves a Pencabutan: the certificate is revoked (CRL, OCSP at once) and the holder told.',
      response: changed(['revoked']),
      decide: (actor, id) => approveRevocationRequest(ctx, actor, id),
    });

    decisionRoute<{ reason: string }>(app, {
      url: '/api/v1/ra/revocation-requests/:id/reject',
      action: 'certificate.manage',
      summary: 'Rejects a Pencabutan with a reason the holder is told; the certificate stays Issued.',
      texts: { reason: REJECT_REASON_MAX },
      response: changed(['rejected']),
      decide: (actor, id, body) => rejectRevocationRequest(ctx, actor, id, body.reason),
    });

    const holderCertificate = strictObject(
      {
        id: uuid(),
        product: { type: 'string' },
        serial: { type: 'string' },
        subject: { type: 'string' },
        notBefore: timestamp,
        notAfter: timestamp,
        status: stringEnum(displayStatuses),
        revokedAt: nullableTimestamp,
        revocationReason: nullableString,
        pendingRevocation: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['id', 'reason'],
          properties: { id: uuid(), reason: { type: 'string' } },
        },
      },
      { title: 'HolderCertificate' },
    );

    app.get<{ Params: { accountId: string } }>(
      '/api/v1/ra/accounts/:accountId/certificates',
      {
        config: { access: { action: 'certificate.read' } },
        schema: {
          summary:
            'Tinjau Ulang → Sertifikat Elektronik: a person’s certificates and what the caller may do.',
          params: object({ accountId: uuid() }, ['accountId']),
          response: responses({
            200: strictObject(
              { canManage: boolean, certificates: arrayOf(holderCertificate) },
              { title: 'HolderCertificates' },
            ),
          }),
        },
      },
      async (request) => listHolderCertificates(ctx, authOf(request).account, request.params.accountId),
    );

    decisionRoute<{ note: string }>(app, {
      url: '/api/v1/ra/certificates/:id/suspend',
      action: 'certificate.manage',
      summary: 'Tangguhkan: puts the certificate on hold (certificateHold), with a note the holder is told.',
      texts: { note: NOTE_MAX },
      response: changed(['Suspended']),
      decide: (actor, id, body) => suspendCertificate(ctx, actor, id, body),
    });

    decisionRoute<{ note: string }>(app, {
      url: '/api/v1/ra/certificates/:id/release',
      action: 'certificate.manage',
      summary: 'Lepaskan: releases a suspended certificate, with a note the holder is told.',
      texts: { note: NOTE_MAX },
      response: changed(['Issued']),
      decide: (actor, id, body) => releaseCertificate(ctx, actor, id, body),
    });

    decisionRoute<{ reason: string; note: string }>(app, {
      url: '/api/v1/ra/certificates/:id/revoke',
      action: 'certificate.manage',
      summary: 'Cabut: revokes the certificate for good with a reason and a note the holder is told.',
      choices: { reason: stringEnum(staffRevocationReasons) },
      texts: { note: NOTE_MAX },
      response: changed(['Revoked']),
      decide: (actor, id, body) => revokeCertificateAsStaff(ctx, actor, id, body),
    });
  },
);
