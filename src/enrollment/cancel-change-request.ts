/** The owner withdraws their pending "Ubah Profil" request; an unused e-mail confirmation link ends. */
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { changeRequests } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { voidActionLinks } from '../identity/action-links.js';
import {
  changeRequestView,
  getChangeRequest,
  loadProfile,
  type ChangeRequestView,
} from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';

export async function cancelChangeRequest(
  ctx: EnrollmentContext,
  account: AccountRow,
  id: string,
): Promise<ChangeRequestView> {
  return ctx.db.transaction(async (tx) => {
    const request = await getChangeRequest(tx, id, true);
    // Another account's request is answered as unknown.
    if (request.accountId !== account.id) throw new TekenError('ERR_CHANGE_REQUEST_NOT_FOUND');
    if (request.status !== 'pending') throw new TekenError('ERR_CHANGE_REQUEST_DECIDED');
    const [row] = await tx
      .update(changeRequests)
      .set({ status: 'cancelled', decidedBy: account.id, decidedAt: new Date() })
      .where(eq(changeRequests.id, id))
      .returning();
    await voidActionLinks(tx, account.id, ['CONFIRM_EMAIL']);
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: 'change_request.cancelled',
      target: `change-request:${id}`,
      details: { account: account.id, fields: request.fields },
    });
    const profile = await loadProfile(tx, account.id);
    return changeRequestView(ctx.master, row!, profile!.values);
  });
}
