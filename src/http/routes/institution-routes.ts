/** Institutions (Instansi): list, read, create, edit, deactivate and reactivate (src/enrollment). */
import type { Db } from '../../db/open-database.js';
import { createInstitution } from '../../enrollment/create-institution.js';
import { deactivateInstitution, reactivateInstitution } from '../../enrollment/deactivate-institution.js';
import { policyLimits } from '../../enrollment/institutions.js';
import { listInstitutions } from '../../enrollment/list-institutions.js';
import { readInstitution } from '../../enrollment/read-institution.js';
import { updateInstitution } from '../../enrollment/update-institution.js';
import type { IdentityContext } from '../../identity/identity-context.js';
import { addSchemas } from '../account-schemas.js';
import {
  arrayOf,
  boolean,
  integer,
  nullableString,
  object,
  responses,
  strictObject,
  text,
  timestamp,
  uuid,
  uuidParams,
} from '../schemas.js';
import { routeGroup } from '../route-group.js';
import { authOf, useSessionAuth } from '../session-auth.js';

export interface InstitutionRoutesOptions {
  /** For the session check. */
  identity: IdentityContext;
  db: Db;
}

const policyProperties = {
  selfRegistration: { ...boolean, description: 'Anyone at an allowed domain may start a registration.' },
  nipCheckRequired: { ...boolean, description: 'Registrations need a checked NIP.' },
  fourEyes: { ...boolean, description: 'Two RA officers approve each registration, not one.' },
  keystoreSelfService: {
    ...boolean,
    description: 'Holders may download their key as a PKCS#12 keystore without a DOWNLOAD_KEYSTORE link.',
  },
  renewalReusesVerifiedData: {
    ...boolean,
    description:
      'Perpanjangan re-uses the verified data: a renewal goes straight to the set-passphrase link, not through the RA queue.',
  },
  nameWithoutTitles: { ...boolean, description: 'The name is written without academic titles.' },
  nameMaxLength: integer(...policyLimits.nameMaxLength),
  jabatanForbiddenCharacters: {
    type: 'string',
    maxLength: 32,
    pattern: '^[^\\s\\u0000-\\u001f\\u007f-\\u009f]*$',
  },
  jabatanMaxLength: integer(...policyLimits.jabatanMaxLength),
  unitUnabbreviated: { ...boolean, description: 'The Unit Organisasi is the Eselon I unit, written out.' },
  unitMaxLength: integer(...policyLimits.unitMaxLength),
} as const;

const policySchema = strictObject(policyProperties, { $id: 'InstitutionPolicy', title: 'InstitutionPolicy' });

const institutionSchema = strictObject(
  {
    id: uuid(),
    code: { type: 'string' },
    name: { type: 'string' },
    emailDomains: arrayOf({ type: 'string' }),
    province: nullableString,
    active: boolean,
    policy: { $ref: 'InstitutionPolicy#' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  { $id: 'Institution', title: 'Institution' },
);

const domains = arrayOf(text(253, { minLength: 1 }), 50);
const policyInput = object(policyProperties);
const nullableProvince = { ...text(100), type: ['string', 'null'] } as const;

interface InstitutionBody {
  name?: string;
  code?: string;
  emailDomains?: string[];
  province?: string | null;
  policy?: Record<string, unknown>;
}

export const institutionRoutes = routeGroup<InstitutionRoutesOptions>((app, { identity, db }) => {
  useSessionAuth(app, identity);
  addSchemas(app, policySchema, institutionSchema);
  const one = responses({ 200: { $ref: 'Institution#' } });

  app.get<{ Querystring: { q?: string; active?: boolean; limit?: number; offset?: number } }>(
    '/api/v1/institutions',
    {
      config: { access: { action: 'institution.list' } },
      schema: {
        summary: 'The institutions the caller may see, by name (an institution admin: their own).',
        querystring: object({
          q: text(100, { description: 'Part of the name, code or province.' }),
          active: boolean,
          limit: integer(1, 200, 'At most this many (default 100).'),
          offset: integer(0, 1_000_000),
        }),
        response: responses({
          200: strictObject(
            { total: { type: 'integer', minimum: 0 }, institutions: arrayOf({ $ref: 'Institution#' }) },
            { title: 'InstitutionList' },
          ),
        }),
      },
    },
    async (request) => listInstitutions(db, { account: authOf(request).account }, request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/institutions/:id',
    {
      config: { access: { action: 'institution.read' } },
      schema: { summary: 'One institution with its policy.', params: uuidParams, response: one },
    },
    async (request) => readInstitution(db, { account: authOf(request).account }, request.params.id),
  );

  app.post<{ Body: InstitutionBody }>(
    '/api/v1/institutions',
    {
      config: { access: { action: 'institution.create' } },
      schema: {
        summary: 'Creates an institution; policy fields not given take their defaults.',
        body: object(
          {
            name: text(200, { minLength: 3 }),
            code: text(16, { minLength: 1, description: 'Derived from the name when not given.' }),
            emailDomains: { ...domains, minItems: 1 },
            province: nullableProvince,
            policy: policyInput,
          },
          ['name', 'emailDomains'],
        ),
        response: responses({ 201: { $ref: 'Institution#' } }),
      },
    },
    async (request, reply) => {
      const created = await createInstitution(db, { account: authOf(request).account }, request.body);
      return reply.code(201).send(created);
    },
  );

  app.patch<{ Params: { id: string }; Body: InstitutionBody }>(
    '/api/v1/institutions/:id',
    {
      config: { access: { action: 'institution.update' } },
      schema: {
        summary: 'Edits the name, e-mail domains, province or policy; fields not given stay.',
        params: uuidParams,
        body: object({
          name: text(200, { minLength: 3 }),
          emailDomains: { ...domains, minItems: 1 },
          province: nullableProvince,
          policy: policyInput,
        }),
        response: one,
      },
    },
    async (request) =>
      updateInstitution(db, { account: authOf(request).account }, request.params.id, request.body),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/institutions/:id/deactivate',
    {
      config: { access: { action: 'institution.update' } },
      schema: {
        summary: 'Deactivates an institution (no new registrations).',
        params: uuidParams,
        response: one,
      },
    },
    async (request) => deactivateInstitution(db, { account: authOf(request).account }, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/institutions/:id/reactivate',
    {
      config: { access: { action: 'institution.update' } },
      schema: { summary: 'Reactivates an institution.', params: uuidParams, response: one },
    },
    async (request) => reactivateInstitution(db, { account: authOf(request).account }, request.params.id),
  );
});
