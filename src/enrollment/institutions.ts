/**
 * Institutions (Instansi) as the enrollment use cases share them: who acts on them, their public
 * view, and the validation of their fields. Every use case validates its whole input before it
 * opens a transaction, so a refusal changes nothing.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { institutions } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize, type Action } from '../identity/authorize.js';

export type InstitutionRow = typeof institutions.$inferSelect;

/**
 * Who changes an institution: a signed-in account (checked by authorize.ts) or the operator at
 * the CLI (`teken institution ...`), who holds the machine and may do everything.
 */
export type InstitutionActor = { account: AccountRow } | { operator: string };

export const actorName = (by: InstitutionActor) =>
  'account' in by ? `account:${by.account.id}` : by.operator;

export function authorizeInstitution(
  by: InstitutionActor,
  action: Action,
  target?: { institutionId: string | null },
): void {
  if ('account' in by) authorize(by.account, action, target);
}

/** The registration policy and the profile data rules, with their defaults (schema.ts). */
export interface InstitutionPolicy {
  selfRegistration: boolean;
  nipCheckRequired: boolean;
  fourEyes: boolean;
  keystoreSelfService: boolean;
  renewalReusesVerifiedData: boolean;
  nameWithoutTitles: boolean;
  nameMaxLength: number;
  jabatanForbiddenCharacters: string;
  jabatanMaxLength: number;
  unitUnabbreviated: boolean;
  unitMaxLength: number;
}

/** The bounds of the numeric rules (the columns are smallint). */
export const policyLimits = {
  nameMaxLength: [1, 200],
  jabatanMaxLength: [1, 200],
  unitMaxLength: [1, 300],
} as const;
export const MAX_DOMAINS = 50;
export const NAME_MIN = 3;
export const NAME_MAX = 200;
export const PROVINCE_MAX = 100;
export const CODE_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,14}[A-Z0-9])?$/;

export interface InstitutionView {
  id: string;
  code: string;
  name: string;
  emailDomains: string[];
  province: string | null;
  active: boolean;
  policy: InstitutionPolicy;
  createdAt: string;
  updatedAt: string;
}

export function institutionView(row: InstitutionRow): InstitutionView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    emailDomains: row.emailDomains,
    province: row.province,
    active: row.active,
    policy: {
      selfRegistration: row.selfRegistration,
      nipCheckRequired: row.nipCheckRequired,
      fourEyes: row.fourEyes,
      keystoreSelfService: row.keystoreSelfService,
      renewalReusesVerifiedData: row.renewalReusesVerifiedData,
      nameWithoutTitles: row.nameWithoutTitles,
      nameMaxLength: row.nameMaxLength,
      jabatanForbiddenCharacters: row.jabatanForbiddenCharacters,
      jabatanMaxLength: row.jabatanMaxLength,
      unitUnabbreviated: row.unitUnabbreviated,
      unitMaxLength: row.unitMaxLength,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getInstitution(tx: Tx, id: string): Promise<InstitutionRow> {
  const [row] = UUID.test(id) ? await tx.select().from(institutions).where(eq(institutions.id, id)) : [];
  if (!row) throw new TekenError('ERR_INSTITUTION_NOT_FOUND');
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (field: string, message: string) =>
  new TekenError('ERR_INPUT_INVALID', message, { details: { field } });

/** Controls (C0, DEL, C1), line/paragraph separators, bidirectional overrides and isolates. */
const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function line(field: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'string') throw invalid(field, `${field} must be text.`);
  if (CONTROL.test(value)) throw invalid(field, `${field} must not contain control characters.`);
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if ([...trimmed].length < min || [...trimmed].length > max)
    throw invalid(field, `${field} must be ${min} to ${max} characters long.`);
  return trimmed;
}

export const validName = (value: unknown) => line('name', value, NAME_MIN, NAME_MAX);

/** A province, or null for none (empty text clears it). */
export function validProvince(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const province = line('province', value, 0, PROVINCE_MAX);
  return province === '' ? null : province;
}

export function validCode(value: unknown): string {
  if (typeof value !== 'string' || !CODE_PATTERN.test(value.trim().toUpperCase()))
    throw invalid(
      'code',
      'code must be 1 to 16 letters, digits or inner hyphens (A-Z, 0-9, -), e.g. KEMENKEU.',
    );
  return value.trim().toUpperCase();
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** One DNS name (RFC 1035 host-name syntax), lower-cased; at least two labels, not an IP address. */
export function validDomain(value: unknown): string {
  if (typeof value !== 'string')
    throw invalid('emailDomains', 'emailDomains must be a list of domain names.');
  const domain = value.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  const labels = domain.split('.');
  if (
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    /^[0-9]+$/.test(labels[labels.length - 1]!)
  )
    throw invalid('emailDomains', `emailDomains: "${domain.slice(0, 80)}" is not a valid domain name.`);
  return domain;
}

/** Lower-cased, de-duplicated, at least one. */
export function validDomains(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list)) throw invalid('emailDomains', 'emailDomains must be a list of domain names.');
  const domains = [...new Set(list.map(validDomain))];
  if (domains.length === 0) throw invalid('emailDomains', 'emailDomains needs at least one domain.');
  if (domains.length > MAX_DOMAINS)
    throw invalid('emailDomains', `emailDomains holds at most ${MAX_DOMAINS} domains.`);
  return domains;
}

const booleanRules = [
  'selfRegistration',
  'nipCheckRequired',
  'fourEyes',
  'keystoreSelfService',
  'renewalReusesVerifiedData',
  'nameWithoutTitles',
  'unitUnabbreviated',
] as const;

/** The given policy fields, checked; fields not given are left out (defaults or unchanged). */
export function validPolicy(value: unknown): Partial<InstitutionPolicy> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('policy', 'policy must be an object.');
  const input = value as Record<string, unknown>;
  const policy: Partial<InstitutionPolicy> = {};
  for (const key of Object.keys(input)) {
    const field = `policy.${key}`;
    const v = input[key];
    if (v === undefined) continue;
    if ((booleanRules as readonly string[]).includes(key)) {
      if (typeof v !== 'boolean') throw invalid(field, `${field} must be true or false.`);
      policy[key as (typeof booleanRules)[number]] = v;
    } else if (key in policyLimits) {
      const [min, max] = policyLimits[key as keyof typeof policyLimits];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
        throw invalid(field, `${field} must be a whole number from ${min} to ${max}.`);
      policy[key as keyof typeof policyLimits] = v;
    } else if (key === 'jabatanForbiddenCharacters') {
      if (typeof v !== 'string' || v.length > 32 || /[\s\p{Cc}]/u.test(v))
        throw invalid(field, `${field} must be up to 32 characters, without spaces or control characters.`);
      policy.jabatanForbiddenCharacters = [...new Set(v)].join('');
    } else throw invalid(field, `${field} is not a policy field.`);
  }
  return policy;
}
