/**
 * "Lupa Password": the same answer whether or not the address exists; at most
 * TEKEN_RESET_REQUESTS_PER_HOUR requests per source address and TEKEN_LINK_EMAILS_PER_HOUR e-mails
 * per e-mail address (beyond that, the same answer and nothing sent).
 */
import crypto from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError } from '../errors/teken-error.js';
import { findAccountByLogin } from './accounts.js';
import { createActionLink } from './action-links.js';
import { linkUrl, type IdentityContext } from './identity-context.js';
import type { SessionMeta } from './sessions.js';

export async function requestPasswordReset(
  ctx: IdentityContext,
  email: unknown,
  meta: SessionMeta,
): Promise<void> {
  if (typeof email !== 'string' || email.length > 254 || !email.includes('@')) {
    throw new TekenError('ERR_INPUT_INVALID', 'Give the e-mail address of your account.');
  }
  if (meta.ip) {
    const perAddress = await ctx.guard.consume('reset_request', meta.ip);
    if (!perAddress.ok) {
      throw new TekenError(
        'ERR_AUTH_THROTTLED',
        'Too many "Lupa Password" requests from your network. Try again later.',
        {
          details: { retryAfterSeconds: perAddress.retryAfterSeconds },
        },
      );
    }
  }
  const account = await findAccountByLogin(ctx.db, email);
  if (!account || account.status !== 'active') return;
  const quota = await ctx.guard.consume('link_email', account.email.toLowerCase());
  if (!quota.ok) return;
  await ctx.db.transaction(async (tx) => {
    const minutes = ctx.config.identity.resetPasswordLinkMinutes;
    const { token } = await createActionLink(tx, {
      accountId: account.id,
      action: 'RESET_PASSWORD',
      lifetimeMs: minutes * 60_000,
      createdBy: `account:${account.id}`,
    });
    await recordAuditEvent(tx, {
      actor: `account:${account.id}`,
      action: 'auth.reset_requested',
      target: `account:${account.id}`,
      details: { ip: meta.ip ?? null },
    });
    await ctx.notify(tx, {
      template: 'reset-password',
      locale: account.locale,
      to: account.email,
      data: { name: account.fullName, link: linkUrl(ctx.config, token), expiresInMinutes: String(minutes) },
      idempotencyKey: `reset-password:${crypto.randomUUID()}`,
      accountId: account.id,
    });
  });
}
