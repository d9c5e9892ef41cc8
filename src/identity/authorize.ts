/**
 * Every authorization decision, in one place. Routes call `authorize` with the signed-in account,
 * an action and (for actions on another account) the target; a refusal is ERR_AUTH_FORBIDDEN.
 *
 * | action                | subscriber | ra_officer        | institution_admin | ca_admin |
 * |-----------------------|------------|-------------------|-------------------|----------|
 * | self.*                | yes        | yes               | yes               | yes      |
 * | account.list / read   | –          | own institution   | own institution   | all      |
 * | account.create        | –          | –                 | own institution*  | all      |
 * | account.send_link     | –          | own institution‡  | own institution   | all      |
 * | account.unlock        | –          | –                 | own institution   | all      |
 * | outbox.read           | –          | –                 | –                 | yes      |
 * | outbox.resend         | –          | –                 | –                 | yes      |
 * | institution.list      | –          | –                 | own institution** | all      |
 * | institution.read      | –          | –                 | own institution   | all      |
 * | institution.create    | –          | –                 | –                 | yes      |
 * | institution.update    | –          | –                 | –                 | yes      |
 * | api_client.manage     | –          | –                 | own institution   | all      |
 * | registration.invite   | –          | own institution   | own institution   | all      |
 * | registration.list/read| –          | own institution   | own institution   | all      |
 * | registration.review   | –          | own institution†  | –                 | all†     |
 * | registration.photo    | –          | own institution   | –                 | all      |
 * | change_request.review | –          | own institution†  | –                 | all†     |
 * | registration.correct_nik | –       | own institution†  | –                 | –        |
 * | change_request.list   | –          | own institution** | –                 | all      |
 * | certificate_request.list | –       | own institution** | –                 | all      |
 * | certificate_request.review | –     | own institution†  | –                 | all†     |
 * | certificate_request.seal | –       | –                 | own institution   | all      |
 * | certificate.read      | –          | own institution   | own institution   | all      |
 * | certificate.manage    | –          | own institution†  | –                 | all†     |
 * | selfie_check.review   | –          | own institution†  | –                 | all†     |
 *
 * A subscriber acts on their own requests and certificates (the use cases check ownership);
 * `certificate_request.seal` is requesting the institution's eSeal; `certificate.manage` is
 * suspending, releasing and revoking from Tinjau Ulang → Sertifikat Elektronik, approving a
 * Pencabutan and sending DOWNLOAD_KEYSTORE links. `selfie_check.review` is the RA's "Pengecekan
 * Foto Diri" of a passphrase reset (/ra/foto-diri): seeing both photos, Cocok / Tidak cocok.
 *
 * (*) institution admins create subscribers and RA officers of their own institution only.
 * (**) the list an institution admin (for change requests: an RA officer) gets holds their own
 * institution only. `institution.update`
 * covers editing, deactivating and reactivating.
 * `registration.invite` covers Undang Pengguna and Impor Pengguna (the CSV import: its preview,
 * the import, its progress, its report and the list of one's own imports).
 * (†) never on one's own account: nobody verifies their own registration or approves their own
 * change (four-eyes: the second approval must come from another officer, checked by the use case).
 * `registration.review` covers approve, reject, Ubah Akun (corrections, NIK included), Jenis
 * Permohonan and marking a phone number verified; `registration.photo` is viewing the selfie and
 * the KTP scan (each view audited).
 * (‡) RA officers send RESET_OTP_DEVICE / UPDATE_PASSWORD from Tinjau Ulang (seed 003) to the
 * subscribers of their institution only. `registration.correct_nik` (Ubah Akun of the NIK) is an
 * RA officer's alone, not even a CA admin's (seed 004: "NIK pada AMS hanya dapat diubah oleh RA").
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
  | 'outbox.resend'
  | 'institution.list'
  | 'institution.read'
  | 'institution.create'
  | 'institution.update'
  | 'api_client.manage'
  | 'registration.invite'
  | 'registration.list'
  | 'registration.read'
  | 'registration.review'
  | 'registration.photo'
  | 'change_request.review'
  // RA desk (helper ra).
  | 'registration.correct_nik'
  | 'change_request.list'
  // The subscriber's certificates (certificates module).
  | 'certificate_request.list'
  | 'certificate_request.review'
  | 'certificate_request.seal'
  | 'certificate.read'
  | 'certificate.manage'
  | 'selfie_check.review';

export interface Target {
  institutionId: string | null;
  roles?: readonly Role[];
  /** The account acted on, where it matters (review actions refuse one's own). */
  accountId?: string;
}

type Actor = Pick<AccountRow, 'roles' | 'institutionId' | 'status'> & { id?: string };

const has = (actor: Pick<AccountRow, 'roles'>, role: Role) => actor.roles.includes(role);

const reviewActions: readonly Action[] = [
  'registration.review',
  'change_request.review',
  'registration.correct_nik',
  'certificate_request.review',
  'certificate.manage',
  'selfie_check.review',
];

export function can(actor: Actor, action: Action, target?: Target): boolean {
  if (actor.status !== 'active') return false;
  if (reviewActions.includes(action) && target?.accountId !== undefined && target.accountId === actor.id)
    return false;
  const sameInstitution = !!target && !!actor.institutionId && target.institutionId === actor.institutionId;
  if (action === 'registration.correct_nik') return has(actor, 'ra_officer') && sameInstitution;
  if (has(actor, 'ca_admin')) return true;
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
      if (
        has(actor, 'ra_officer') &&
        sameInstitution &&
        (target?.roles ?? []).every((r) => r === 'subscriber')
      )
        return true;
      return (
        has(actor, 'institution_admin') && sameInstitution && !(target?.roles ?? []).includes('ca_admin')
      );
    case 'account.unlock':
      return (
        has(actor, 'institution_admin') && sameInstitution && !(target?.roles ?? []).includes('ca_admin')
      );
    case 'outbox.read':
    case 'outbox.resend':
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
    case 'registration.invite':
    case 'registration.read':
      return (has(actor, 'ra_officer') || has(actor, 'institution_admin')) && sameInstitution;
    case 'registration.list':
      return has(actor, 'ra_officer') || has(actor, 'institution_admin');
    case 'registration.review':
    case 'registration.photo':
    case 'change_request.review':
      return has(actor, 'ra_officer') && sameInstitution;
    case 'change_request.list':
    case 'certificate_request.list':
      // Without a target: whether there is a queue to see at all (the use case filters it).
      return has(actor, 'ra_officer') && (!target || sameInstitution);
    case 'certificate_request.review':
    case 'certificate.manage':
    case 'selfie_check.review':
      return has(actor, 'ra_officer') && sameInstitution;
    case 'certificate_request.seal':
      return has(actor, 'institution_admin') && sameInstitution;
    case 'certificate.read':
      return (has(actor, 'ra_officer') || has(actor, 'institution_admin')) && sameInstitution;
  }
}

/**
 * What the console may offer the signed-in account (menus, the roles of the "create account" form),
 * derived from `can` so that the table above stays the only rule. The server checks every request
 * again; this only keeps the console from showing what would be refused.
 */
export function consolePermissions(actor: Actor): {
  listAccounts: boolean;
  createAccountRoles: Role[];
  readOutbox: boolean;
  /** "Undang Pengguna" at one's own institution; `inviteAnyInstitution`: at any (the Instansi field). */
  inviteRegistrants: boolean;
  inviteAnyInstitution: boolean;
  /** "Impor Pengguna" (the CSV import): the same rule as inviting; at any institution with `inviteAnyInstitution`. */
  importRegistrants: boolean;
  /** The "RA" menu (the registration queue). */
  raDesk: boolean;
  // Menus of seed 003 (Pengguna, RA, Admin → Instansi / Klien API).
  listInstitutions: boolean;
  createInstitutions: boolean;
  editInstitutions: boolean;
  manageApiClients: boolean;
  reviewRegistrations: boolean;
  reviewChangeRequests: boolean;
  /** RA → "Permohonan Sertifikat" (the queue of certificate requests and its Tinjau Ulang). */
  reviewCertificateRequests: boolean;
  /** RA → Pencabutan (the queue of the holders' Pencabutan requests): `certificate.manage`. */
  manageCertificates: boolean;
  /** RA → "Pengecekan Foto Diri" (the selfies of passphrase resets). */
  reviewSelfieChecks: boolean;
} {
  const own = { institutionId: actor.institutionId };
  return {
    listAccounts: can(actor, 'account.list'),
    createAccountRoles: roles.filter((role) => can(actor, 'account.create', { ...own, roles: [role] })),
    readOutbox: can(actor, 'outbox.read'),
    inviteRegistrants: can(actor, 'registration.invite', own),
    inviteAnyInstitution: can(actor, 'registration.invite', { institutionId: null }),
    importRegistrants: can(actor, 'registration.invite', own),
    raDesk: can(actor, 'registration.list'),
    listInstitutions: can(actor, 'institution.list'),
    createInstitutions: can(actor, 'institution.create'),
    editInstitutions: can(actor, 'institution.update', own),
    manageApiClients: can(actor, 'api_client.manage', own),
    reviewRegistrations: can(actor, 'registration.review', own),
    reviewChangeRequests: can(actor, 'change_request.list'),
    reviewCertificateRequests: can(actor, 'certificate_request.list'),
    manageCertificates: can(actor, 'certificate.manage', own),
    reviewSelfieChecks: can(actor, 'selfie_check.review', own),
  };
}

/**
 * What the signed-in account may do to one account it can read (the account detail page). A link
 * goes only to an active account: a pending one (its registration not yet verified by the RA) or a
 * disabled one could open the link but not sign in (send-admin-link.ts).
 */
export function accountPermissions(
  actor: Actor,
  target: Target & { status: AccountRow['status'] },
): { sendLink: boolean; unlock: boolean } {
  return {
    sendLink: target.status === 'active' && can(actor, 'account.send_link', target),
    unlock: can(actor, 'account.unlock', target),
  };
}

export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (!can(actor, action, target)) throw new TekenError('ERR_AUTH_FORBIDDEN');
}
