/**
 * The RA desk's "Ubah Profil" queue (`/ra/perubahan-data`): list per institution, read one (audited),
 * approve or reject with a reason (authorize.ts `change_request.list` / `change_request.review`).
 */
import type { EnrollmentContext } from '../../enrollment/enrollment-context.js';
import { listChangeRequests, type ChangeRequestQuery } from '../../enrollment/list-change-requests.js';
import { readChangeRequest } from '../../enrollment/read-change-request.js';
import {
  REASON_MAX,
  approveChangeRequest,
  rejectChangeRequest,
} from '../../enrollment/review-change-request.js';
import { addSchemas } from '../account-schemas.js';
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
  strictObject,
  stringEnum,
  text,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { authOf, useSessionAuth } from '../session-auth.js';
import { changeRequestSchema } from './profile-routes.js';

export interface ChangeRequestRoutesOptions {
  enrollment: EnrollmentContext;
}

const statuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;
const institutionRef = strictObject({ id: uuid(), name: { type: 'string' } });
const person = strictObject({
  id: uuid(),
  username: { type: 'string' },
  fullName: { type: 'string' },
  email: { type: 'string' },
});

const listItem = strictObject(
  {
    id: uuid(),
    accountId: uuid(),
    username: { type: 'string' },
    fullName: { type: 'string' },
    email: { type: 'string' },
    institution: institutionRef,
    status: stringEnum(statuses),
    fields: arrayOf({ type: 'string' }),
    emailChange: boolean,
    emailConfirmed: boolean,
    createdAt: timestamp,
    decidedAt: nullableTimestamp,
  },
  { title: 'ChangeRequestListItem' },
);

const detail = strictObject(
  {
    ...changeRequestSchema.properties,
    account: person,
    institution: institutionRef,
    decidedBy: nullableString,
    canDecide: boolean,
  },
  { title: 'ChangeRequestDetail' },
);

export const changeRequestRoutes = routeGroup<ChangeRequestRoutesOptions>((app, { enrollment: ctx }) => {
  useSessionAuth(app, ctx.identity);
  addSchemas(app, changeRequestSchema);
  const decided = responses({ 200: { $ref: 'ChangeRequest#' } });

  app.get<{ Querystring: ChangeRequestQuery }>(
    '/api/v1/ra/change-requests',
    {
      config: { access: { action: 'change_request.list' } },
      schema: {
        summary: 'The change requests of the caller’s institution (a CA admin: all), pending first.',
        querystring: object({
          status: stringEnum(statuses),
          institutionId: uuid('A CA admin: one institution only.'),
          q: text(100, { description: 'Part of the name, username or e-mail.' }),
          limit: integer(1, 200, 'At most this many (default 50).'),
          offset: integer(0, 1_000_000),
        }),
        response: responses({
          200: strictObject(
            { total: { type: 'integer', minimum: 0 }, requests: arrayOf(listItem) },
            { title: 'ChangeRequestList' },
          ),
        }),
      },
    },
    async (request) => listChangeRequests(ctx, authOf(request).account, request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/ra/change-requests/:id',
    {
      config: { access: { action: 'change_request.review' } },
      schema: {
        summary: 'One change request with the current and the asked-for values (the read is audited).',
        params: uuidParams,
        response: responses({ 200: detail }),
      },
    },
    async (request) => readChangeRequest(ctx, authOf(request).account, request.params.id),
  );

  decisionRoute(app, {
    url: '/api/v1/ra/change-requests/:id/approve',
    action: 'change_request.review',
    summary: 'Approves: applies the values, records Riwayat Data and tells the subscriber.',
    response: decided,
    decide: (actor, id) => approveChangeRequest(ctx, actor, id),
  });

  decisionRoute<{ reason: string }>(app, {
    url: '/api/v1/ra/change-requests/:id/reject',
    action: 'change_request.review',
    summary: 'Rejects with a reason the subscriber is told.',
    texts: { reason: REASON_MAX },
    response: decided,
    decide: (actor, id, body) => rejectChangeRequest(ctx, actor, id, body.reason),
  });
});
