/**
 * Every authorization decision, in one place. Routes call `authorize` with the signed-in account,
 * an action and (for actions on another account) the target; a refusal is ERR_AUTH_FORBIDDEN.
 *
 * | action                | subscriber | ra_officer        | institution_admin | ca_admin |
 * |-----------------------|------------|-------------------|-------------------|----------|
 * | self.*                | yes        | yes               | yes               | yes      |
 * | account.list / read   | –          | own institution   | own institution   | all      |
 * | account.create        | –          | –                 | own institution*  | all      |
 * | account.send_link     | –          | –                 | own institution   | all      |
 * | account.unlock        | –          | –                 | own institution   | all      |
 * | outbox.read           | –          | –                 | –                 | yes      |
 * | institution.list      | –          | –                 | own institution** | all      |
 * | institution.read      | –          | –                 | own institution   | all      |
 * | institution.create    | –          | –                 | –                 | yes      |
 * | institution.update    | –          | –                 | –                 | yes      |
 * | api_client.manage     | –          | –                 | own institution   | all      |
 *
 * (*) institution admins create subscribers and RA officers of their own institution only.
 * (**) the list an institution admin gets holds their own institution only. `institution.update`
 * covers editing, deactivating and reactivating.
 */
import type { Role } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { roles, type AccountRow } from './accounts.js';

export type Action =
  | 'account.list'
  | 'account.read'
  | 'account.create'
  | 'account.send_link'
  | 'account.unlock'
  | 'outbox.read'
  | 'institution.list'
  | 'institution.read'
  | 'institution.create'
  | 'institution.update'
  | 'api_client.manage';

export interface Target {
  institutionId: string | null;
  roles?: readonly Role[];
}

const has = (actor: Pick<AccountRow, 'roles'>, role: Role) => actor.roles.includes(role);

export function can(
  actor: Pick<AccountRow, 'roles' | 'institutionId' | 'status'>,
  action: Action,
  target?: Target,
): boolean {
  if (actor.status !== 'active') return false;
  if (has(actor, 'ca_admin')) return true;
  const sameInstitution = !!target && !!actor.institutionId && target.institutionId === actor.institutionId;
  switch (action) {
    case 'account.list':
      return has(actor, 'ra_officer') || has(actor, 'institution_admin');
    case 'account.read':
      return (has(actor, 'ra_officer') || has(actor, 'institution_admin')) && sameInstitution;
    case 'account.create':
      return (
        has(actor, 'institution_admin') &&
        sameInstitution &&
        (target?.roles ?? []).every((r) => r === 'subscriber' || r === 'ra_officer')
      );
    case 'account.send_link':
    case 'account.unlock':
      return (
        has(actor, 'institution_admin') && sameInstitution && !(target?.roles ?? []).includes('ca_admin')
      );
    case 'outbox.read':
      return false;
    case 'institution.list':
      return has(actor, 'institution_admin');
    case 'institution.read':
      return has(actor, 'institution_admin') && sameInstitution;
    case 'institution.create':
    case 'institution.update':
      return false;
    case 'api_client.manage':
      return has(actor, 'institution_admin') && sameInstitution;
  }
}

/**
 * What the console may offer the signed-in account (menus, the roles of the "create account" form),
 * derived from `can` so that the table above stays the only rule. The server checks every request
 * again; this only keeps the console from showing what would be refused.
 */
export function consolePermissions(actor: Pick<AccountRow, 'roles' | 'institutionId' | 'status'>): {
  listAccounts: boolean;
  createAccountRoles: Role[];
  readOutbox: boolean;
} {
  const own = { institutionId: actor.institutionId };
  return {
    listAccounts: can(actor, 'account.list'),
    createAccountRoles: roles.filter((role) => can(actor, 'account.create', { ...own, roles: [role] })),
    readOutbox: can(actor, 'outbox.read'),
  };
}

/** What the signed-in account may do to one account it can read (the account detail page). */
export function accountPermissions(
  actor: Pick<AccountRow, 'roles' | 'institutionId' | 'status'>,
  target: Target,
): { sendLink: boolean; unlock: boolean } {
  return { sendLink: can(actor, 'account.send_link', target), unlock: can(actor, 'account.unlock', target) };
}

export function authorize(
  actor: Pick<AccountRow, 'roles' | 'institutionId' | 'status'>,
  action: Action,
  target?: Target,
): void {
  if (!can(actor, action, target)) throw new TekenError('ERR_AUTH_FORBIDDEN');
}
