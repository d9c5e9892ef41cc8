/**
 * "Ubah Profil" (seed 003, Pengaturan → Profil): a verified subscriber asks to change Nama, Gelar
 * Depan / Belakang, Email, Unit Organisasi, Jabatan or Provinsi. The values are checked by the
 * same rules as at registration (profile-rules.ts, the institution's data rules); only the fields
 * that differ are kept, sealed, in `change_requests`. One request waits at a time. A new e-mail
 * address gets the "[BSrE] Konfirmasi Email" link, which must be opened before an RA officer can
 * approve (review-change-request.ts). The NIK is never changed here (seed 004: only an RA officer
 * changes it), nor the phone number (its own WhatsApp flow).
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, changeRequests, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { createActionLink } from '../identity/action-links.js';
import {
  changeRequestView,
  pendingRequestOf,
  sealChanges,
  verifiedProfile,
  type ChangeRequestView,
  type ProfileChanges,
} from './change-requests.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { profileFields, validProfileData } from './profile-rules.js';

/** The address the confirmation link opens: the token is in the fragment, so it never reaches logs. */
export const confirmEmailUrl = (publicUrl: string, token: string) => `${publicUrl}/konfirmasi-email#${token}`;

export async function requestProfileChange(
  ctx: EnrollmentContext,
  account: AccountRow,
  input: Readonly<Record<string, unknown>>,
): Promise<ChangeRequestView> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new TekenError('ERR_INPUT_INVALID', 'The change must be an object of profile fields.');
  return ctx.db.transaction(async (tx) => {
    // The registration row's lock makes "one pending request at a time" hold under concurrency.
    await tx
      .select({ id: registrations.accountId })
      .from(registrations)
      .where(eq(registrations.accountId, account.id))
      .for('update');
    const profile = await verifiedProfile(tx, account.id);
    if (await pendingRequestOf(tx, account.id)) throw new TekenError('ERR_CHANGE_REQUEST_PENDING');
    const asked = validProfileData(profile.rules, input);
    const changes: ProfileChanges = {};
    for (const field of profileFields) {
      const value = asked[field];
      if (value === undefined) continue;
      const now = profile.values[field];
      const same = field === 'email' ? value?.toLowerCase() === now?.toLowerCase() : value === now;
      if (!same) Object.assign(changes, { [field]: value });
    }
    const fields = profileFields.filter((f) => f in changes);
    if (fields.length === 0)
      throw new TekenError('ERR_INPUT_INVALID', 'No field differs from the current profile.');
    if (changes.email) {
      const [other] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(sql`lower(${accounts.email}) = ${changes.email}`);
      if (other)
        throw new TekenError('ERR_ACCOUNT_EXISTS', 'email: this e-mail address is already registered.', {
          details: { field: 'email' },
        });
    }
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(changeRequests)
      .values({
        id,
        accountId: account.id,
        institutionId: profile.institution.id,
        sealedChanges: sealChanges(ctx.master, account.id, changes),
        fields,
      })
      .returning();
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: 'change_request.created',
      target: `change-request:${id}`,
      details: { account: account.id, institution: profile.institution.id, fields },
    });
    if (changes.email) {
      const hours = ctx.config.enrollment.activationLinkHours;
      const { token } = await createActionLink(tx, {
        accountId: account.id,
        action: 'CONFIRM_EMAIL',
        lifetimeMs: hours * 3_600_000,
        createdBy: `account:${account.id}`,
      });
      await ctx.notify(tx, {
        template: 'confirm-email',
        locale: account.locale,
        to: changes.email,
        data: {
          name: changes.fullName ?? account.fullName,
          link: confirmEmailUrl(ctx.config.publicUrl, token),
          expiresInHours: String(hours),
        },
        idempotencyKey: `confirm-email:${id}`,
        accountId: account.id,
      });
    }
    return changeRequestView(ctx.master, row!, profile.values);
  });
}
