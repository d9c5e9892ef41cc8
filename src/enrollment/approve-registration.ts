/**
 * Approve on Tinjau Ulang (Status Verifikasi VERIFIED). Under the institution's four-eyes policy the
 * first approval only records itself (status first_approval) and a second, different RA officer
 * confirms; otherwise one approval verifies. Nobody approves their own registration (authorize.ts).
 *
 * On the final approval, in one transaction: the registration is verified, the account becomes
 * active, a SETUP_ACCOUNT link is made (authenticator, then password: the landed link flow) and the
 * "[BSrE] Informasi Akun" e-mail gives the username and that link. No password is ever sent.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, registrations, type RegistrationStatus } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { createActionLink } from '../identity/action-links.js';
import { linkUrl } from '../identity/identity-context.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { assertWaiting, loadRegistration } from './registration-records.js';

export async function approveRegistration(
  ctx: EnrollmentContext,
  actor: AccountRow,
  accountId: string,
): Promise<{ status: RegistrationStatus }> {
  return ctx.db.transaction(async (tx) => {
    const {
      registration: r,
      account,
      institution,
    } = await loadRegistration(tx, actor, 'registration.review', accountId, { forUpdate: true });
    assertWaiting(r);
    const at = new Date(ctx.now?.() ?? Date.now());
    if (r.status === 'first_approval' && r.firstApprovedBy === actor.id)
      throw new TekenError(
        'ERR_REGISTRATION_SAME_APPROVER',
        'The first approval is yours: another RA officer must confirm it (four-eyes).',
      );
    if (institution.fourEyes && r.status === 'submitted') {
      await tx
        .update(registrations)
        .set({ status: 'first_approval', firstApprovedBy: actor.id, firstApprovedAt: at, updatedAt: at })
        .where(eq(registrations.accountId, r.accountId));
      await recordAuditEvent(tx, {
        actor: `account:${actor.id}`,
        action: 'registration.first_approval',
        target: `account:${r.accountId}`,
        details: { institutionId: r.institutionId },
      });
      return { status: 'first_approval' as const };
    }
    await tx
      .update(registrations)
      .set({ status: 'verified', verifiedBy: actor.id, verifiedAt: at, updatedAt: at })
      .where(eq(registrations.accountId, r.accountId));
    await tx.update(accounts).set({ status: 'active' }).where(eq(accounts.id, r.accountId));
    const hours = ctx.config.enrollment.activationLinkHours;
    const { token } = await createActionLink(tx, {
      accountId: r.accountId,
      action: 'SETUP_ACCOUNT',
      lifetimeMs: hours * 3_600_000,
      createdBy: `account:${actor.id}`,
    });
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'registration.verified',
      target: `account:${r.accountId}`,
      details: {
        institutionId: r.institutionId,
        fourEyes: institution.fourEyes,
        ...(r.firstApprovedBy ? { firstApprovedBy: r.firstApprovedBy } : {}),
      },
    });
    await ctx.notify(tx, {
      template: 'account-information',
      locale: account.locale,
      to: account.email,
      data: {
        name: account.fullName,
        username: account.username,
        link: linkUrl(ctx.config, token),
        expiresInHours: String(hours),
      },
      idempotencyKey: `account-information:${crypto.randomUUID()}`,
      accountId: r.accountId,
    });
    return { status: 'verified' as const };
  });
}
