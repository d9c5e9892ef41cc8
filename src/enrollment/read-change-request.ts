/**
 * One "Ubah Profil" request for the RA desk: the account, each field's current and asked-for value,
 * whether a new e-mail address is confirmed, and whether this officer may decide it (not their
 * own). The values are opened for a staff member, so the read is audited.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize, can } from '../identity/authorize.js';
import {
  changeRequestView,
  getChangeRequest,
  loadProfile,
  type ChangeRequestView,
} from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';

export interface ChangeRequestDetail extends ChangeRequestView {
  account: { id: string; username: string; fullName: string; email: string };
  institution: { id: string; name: string };
  decidedBy: string | null;
  /** This officer may approve or reject it (pending, not their own, e-mail confirmed if changed). */
  canDecide: boolean;
}

export async function readChangeRequest(
  ctx: EnrollmentContext,
  actor: AccountRow,
  id: string,
): Promise<ChangeRequestDetail> {
  return ctx.db.transaction(async (tx) => {
    const request = await getChangeRequest(tx, id);
    // Another institution's request is answered as unknown.
    if (!can(actor, 'change_request.list', { institutionId: request.institutionId }))
      throw new TekenError('ERR_CHANGE_REQUEST_NOT_FOUND');
    authorize(actor, 'change_request.review', { institutionId: request.institutionId });
    const profile = await loadProfile(tx, request.accountId);
    if (!profile) throw new TekenError('ERR_CHANGE_REQUEST_NOT_FOUND');
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'change_request.viewed',
      target: `change-request:${request.id}`,
      details: { account: request.accountId, fields: request.fields },
    });
    const view = changeRequestView(ctx.master, request, profile.values);
    const mayReview = can(actor, 'change_request.review', {
      institutionId: request.institutionId,
      accountId: request.accountId,
    });
    return {
      ...view,
      account: {
        id: profile.account.id,
        username: profile.account.username,
        fullName: profile.account.fullName,
        email: profile.account.email,
      },
      institution: { id: profile.institution.id, name: profile.institution.name },
      decidedBy: request.decidedBy,
      canDecide: mayReview && request.status === 'pending' && (!view.emailChange || view.emailConfirmed),
    };
  });
}
