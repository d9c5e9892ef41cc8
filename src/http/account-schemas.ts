/**
 * Response schemas of accounts as the console sees them (named components of the OpenAPI
 * document). They are allow-lists: a field of the account row not listed here is not sent.
 */
import type { FastifyInstance } from 'fastify';
import {
  arrayOf,
  boolean,
  nullableTimestamp,
  nullableUuid,
  stringEnum,
  strictObject,
  timestamp,
  uuid,
} from './schemas.js';

export const roleNames = ['subscriber', 'ra_officer', 'institution_admin', 'ca_admin'] as const;
export const requiredActionNames = ['CONFIGURE_TOTP', 'UPDATE_PASSWORD'] as const;

export const accountSchema = strictObject(
  {
    id: uuid(),
    username: { type: 'string' },
    email: { type: 'string' },
    fullName: { type: 'string' },
    institutionId: nullableUuid,
    roles: arrayOf(stringEnum(roleNames)),
    status: stringEnum(['pending', 'active', 'disabled']),
    locale: stringEnum(['id', 'en']),
    requiredActions: arrayOf(stringEnum(requiredActionNames)),
    lockedUntil: nullableTimestamp,
    createdAt: timestamp,
  },
  { $id: 'Account', title: 'Account', description: 'An account, without hashes or secrets.' },
);

export const adminAccountSchema = strictObject(
  {
    ...accountSchema.properties,
    lockedUntil: { ...nullableTimestamp, description: 'End of the lockout in force, or null.' },
    lockedBy: arrayOf(stringEnum(['password', 'otp'])),
  },
  { $id: 'AdminAccount', title: 'AdminAccount', description: 'An account as administrators see it.' },
);

export const adminAccountDetailSchema = strictObject(
  {
    ...adminAccountSchema.properties,
    hasPassword: boolean,
    authenticators: { type: 'integer', minimum: 0 },
  },
  { $id: 'AdminAccountDetail', title: 'AdminAccountDetail' },
);

/** Adds shared schemas to a plugin once (two plugins may share one). */
export function addSchemas(app: FastifyInstance, ...schemas: { $id: string }[]): void {
  for (const schema of schemas) if (!app.getSchema(schema.$id)) app.addSchema(schema);
}
