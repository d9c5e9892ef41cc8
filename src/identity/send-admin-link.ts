/** Sends RESET_OTP_DEVICE or UPDATE_PASSWORD to an account's e-mail (Keycloak's execute-actions e-mail). */
import crypto from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError } from '../errors/teken-error.js';
import { getAccount, type AccountRow } from './accounts.js';
import { createActionLink } from './action-links.js';
import { authorize } from './authorize.js';
import { linkUrl, type IdentityContext } from './identity-context.js';

export type AdminLink = 'RESET_OTP_DEVICE' | 'UPDATE_PASSWORD';

export async function sendAdminLink(
  ctx: IdentityContext,
  admin: AccountRow,
  accountId: string,
  action: unknown,
): Promise<{ expiresAt: string }> {
  if (action !== 'RESET_OTP_DEVICE' && action !== 'UPDATE_PASSWORD') {
    throw new TekenError('ERR_INPUT_INVALID', 'The link must be RESET_OTP_DEVICE or UPDATE_PASSWORD.');
  }
  const account = await getAccount(ctx.db, accountId);
  authorize(admin, 'account.send_link', account);
  // A pending account (registration not yet verified) or a disabled one cannot sign in, so its
  // link would open a flow that fails at the next step: refused before any e-mail is sent. The
  // RA's approval sends the pending account its own SETUP_ACCOUNT link.
  if (account.status !== 'active')
    throw new TekenError(
      'ERR_ACCOUNT_NOT_ACTIVE',
      account.status === 'pending'
        ? 'This account waits for RA verification: the approval sends its set-up link.'
        : 'This account is disabled: it cannot sign in with a link.',
    );
  const quota = await ctx.guard.consume('link_email', account.email.toLowerCase());
  if (!quota.ok) {
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      `At most ${ctx.config.identity.linkEmailsPerHour} link e-mails per hour go to one address.`,
      { details: { retryAfterSeconds: quota.retryAfterSeconds } },
    );
  }
  const hours = ctx.config.identity.adminLinkHours;
  return ctx.db.transaction(async (tx) => {
    const { token, expiresAt } = await createActionLink(tx, {
      accountId: account.id,
      action,
      lifetimeMs: hours * 3_600_000,
      createdBy: `account:${admin.id}`,
    });
    await recordAuditEvent(tx, {
      actor: `account:${admin.id}`,
      action: 'link.sent',
      target: `account:${account.id}`,
      details: { link: action },
    });
    await ctx.notify(tx, {
      template: action === 'RESET_OTP_DEVICE' ? 'reset-otp-device' : 'update-password',
      locale: account.locale,
      to: account.email,
      data: { name: account.fullName, link: linkUrl(ctx.config, token), expiresInHours: String(hours) },
      idempotencyKey: `admin-link:${crypto.randomUUID()}`,
      accountId: account.id,
    });
    return { expiresAt: expiresAt.toISOString() };
  });
}
