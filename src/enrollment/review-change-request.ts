/**
 * The RA officer's decision on an "Ubah Profil" request (authorize.ts `change_request.review`: own
 * institution, CA admins any, nobody their own). Approving applies the values to the account and
 * its registration, in one transaction with a Riwayat Data row per field (cause
 * `change_request:<id>`), the audit event and the "[BSrE] Persetujuan Perubahan Data" e-mail to the
 * subscriber (seed 003 "Link persetujuan perubahan data"). The values are checked again against the
 * institution's rules as they are now, and a new e-mail address must have been confirmed. Rejecting
 * needs a reason, which the subscriber is told ("[BSrE] Penolakan Perubahan Data").
 */
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { accounts, changeRequests, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { hasControlCharacters, type AccountRow } from '../identity/accounts.js';
import { voidActionLinks } from '../identity/action-links.js';
import { authorize, can } from '../identity/authorize.js';
import {
  changeRequestView,
  fieldLabels,
  getChangeRequest,
  loadProfile,
  openChanges,
  profilePath,
  type ChangeRequestRow,
  type ChangeRequestView,
  type CurrentProfile,
} from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { recordHistory } from './profile-history.js';
import { profileFields, validProfileData } from './profile-rules.js';

export const REASON_MAX = 500;

/** The pending request, locked, that this officer may decide; and the account's profile. */
async function decidable(
  tx: Tx,
  actor: AccountRow,
  id: string,
): Promise<{ request: ChangeRequestRow; profile: CurrentProfile }> {
  const request = await getChangeRequest(tx, id, true);
  // Another institution's request is answered as unknown; one's own is refused.
  if (!can(actor, 'change_request.list', { institutionId: request.institutionId }))
    throw new TekenError('ERR_CHANGE_REQUEST_NOT_FOUND');
  authorize(actor, 'change_request.review', {
    institutionId: request.institutionId,
    accountId: request.accountId,
  });
  if (request.status !== 'pending') throw new TekenError('ERR_CHANGE_REQUEST_DECIDED');
  const profile = await loadProfile(tx, request.accountId);
  if (!profile) throw new TekenError('ERR_CHANGE_REQUEST_NOT_FOUND');
  return { request, profile };
}

export async function approveChangeRequest(
  ctx: EnrollmentContext,
  actor: AccountRow,
  id: string,
): Promise<ChangeRequestView> {
  return ctx.db.transaction(async (tx) => {
    const { request, profile } = await decidable(tx, actor, id);
    if (request.fields.includes('email') && !request.emailConfirmedAt)
      throw new TekenError('ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED');
    // The institution's rules may have changed since the request: they are checked as they are now.
    const changes = validProfileData(profile.rules, openChanges(ctx.master, request));
    if (changes.email) {
      const [other] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(sql`lower(${accounts.email}) = ${changes.email} and ${accounts.id} <> ${request.accountId}`);
      if (other)
        throw new TekenError(
          'ERR_ACCOUNT_EXISTS',
          'email: another account has had this e-mail address since the request; reject it.',
          { details: { field: 'email' } },
        );
    }
    const now = new Date();
    const accountSet: Partial<typeof accounts.$inferInsert> = {};
    if (changes.fullName !== undefined) accountSet.fullName = changes.fullName;
    if (changes.email !== undefined) accountSet.email = changes.email;
    if (Object.keys(accountSet).length > 0)
      await tx
        .update(accounts)
        .set({ ...accountSet, updatedAt: now })
        .where(eq(accounts.id, request.accountId));
    const registrationSet: Partial<typeof registrations.$inferInsert> = {};
    for (const field of ['gelarDepan', 'gelarBelakang', 'unitOrganisasi', 'jabatan', 'province'] as const)
      if (changes[field] !== undefined) Object.assign(registrationSet, { [field]: changes[field] });
    await tx
      .update(registrations)
      .set({ ...registrationSet, updatedAt: now })
      .where(eq(registrations.accountId, request.accountId));
    const applied = profileFields.filter((f) => changes[f] !== undefined);
    await recordHistory(
      tx,
      ctx.master,
      applied.map((field) => ({
        accountId: request.accountId,
        field,
        old: profile.values[field],
        new: changes[field] ?? null,
        changedBy: actor.id,
        cause: `change_request:${request.id}`,
      })),
    );
    const [row] = await tx
      .update(changeRequests)
      .set({ status: 'approved', decidedBy: actor.id, decidedAt: now })
      .where(eq(changeRequests.id, request.id))
      .returning();
    await voidActionLinks(tx, request.accountId, ['CONFIRM_EMAIL']);
    await ctx.onProfileChanged?.(tx, request.accountId, applied);
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'change_request.approved',
      target: `change-request:${request.id}`,
      details: { account: request.accountId, institution: request.institutionId, fields: applied },
    });
    const { account } = profile;
    await ctx.notify(tx, {
      template: 'profile-change-approved',
      locale: account.locale,
      to: changes.email ?? account.email,
      data: {
        name: changes.fullName ?? account.fullName,
        fields: applied.map((f) => fieldLabels[f][account.locale]).join(', '),
        link: `${ctx.config.publicUrl}${profilePath}`,
      },
      idempotencyKey: `profile-change-approved:${request.id}`,
      accountId: account.id,
    });
    return changeRequestView(ctx.master, row!, profile.values);
  });
}

export function validReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason === '' || [...reason].length > REASON_MAX || hasControlCharacters(reason.replace(/\n/g, ' ')))
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `reason: the reason the subscriber is told is required (1 to ${REASON_MAX} characters).`,
      { details: { field: 'reason' } },
    );
  return reason;
}

export async function rejectChangeRequest(
  ctx: EnrollmentContext,
  actor: AccountRow,
  id: string,
  reasonInput: unknown,
): Promise<ChangeRequestView> {
  const reason = validReason(reasonInput);
  return ctx.db.transaction(async (tx) => {
    const { request, profile } = await decidable(tx, actor, id);
    const [row] = await tx
      .update(changeRequests)
      .set({ status: 'rejected', decidedBy: actor.id, decidedAt: new Date(), reason })
      .where(eq(changeRequests.id, request.id))
      .returning();
    await voidActionLinks(tx, request.accountId, ['CONFIRM_EMAIL']);
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'change_request.rejected',
      target: `change-request:${request.id}`,
      details: { account: request.accountId, institution: request.institutionId, fields: request.fields },
    });
    const { account } = profile;
    await ctx.notify(tx, {
      template: 'profile-change-rejected',
      locale: account.locale,
      to: account.email,
      data: { name: account.fullName, reason, link: `${ctx.config.publicUrl}${profilePath}` },
      idempotencyKey: `profile-change-rejected:${request.id}`,
      accountId: account.id,
    });
    return changeRequestView(ctx.master, row!, profile.values);
  });
}
