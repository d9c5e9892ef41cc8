/** What administrators do to accounts: send links ("Kirim tautan"), unlock, list. */
import crypto from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, actionTokens, throttles } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { getAccount, publicAccount, type AccountRow } from './accounts.js';
import { createActionLink } from './action-links.js';
import { authorize } from './authorize.js';
import { linkUrl, type IdentityContext } from './identity-context.js';
import { recordFailure } from './throttle.js';

export type AdminLink = 'RESET_OTP_DEVICE' | 'UPDATE_PASSWORD';

/** Sends RESET_OTP_DEVICE or UPDATE_PASSWORD to an account's e-mail (Keycloak's execute-actions e-mail). */
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
  const quota = await recordFailure(ctx.db, `mail:${account.email.toLowerCase()}`, {
    max: ctx.config.identity.linkEmailsPerHour + 1,
    windowMs: 3_600_000,
    blockMs: 3_600_000,
  });
  if (quota.failures > ctx.config.identity.linkEmailsPerHour) {
    throw new TekenError(
      'ERR_AUTH_THROTTLED',
      `At most ${ctx.config.identity.linkEmailsPerHour} link e-mails per hour go to one address.`,
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

/** Ends a lockout before its time. */
export async function unlockAccount(
  ctx: IdentityContext,
  admin: AccountRow,
  accountId: string,
): Promise<void> {
  const account = await getAccount(ctx.db, accountId);
  authorize(admin, 'account.unlock', account);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(throttles)
      .where(sql`${throttles.key} in (${`pw:acct:${account.id}`}, ${`otp:acct:${account.id}`})`);
    await tx.update(accounts).set({ lockedUntil: null }).where(eq(accounts.id, account.id));
    await recordAuditEvent(tx, {
      actor: `account:${admin.id}`,
      action: 'account.unlocked',
      target: `account:${account.id}`,
    });
  });
}

export async function listAccounts(ctx: IdentityContext, admin: AccountRow, limit = 100) {
  authorize(admin, 'account.list');
  const rows = admin.roles.includes('ca_admin')
    ? await ctx.db.select().from(accounts).orderBy(desc(accounts.createdAt)).limit(limit)
    : admin.institutionId
      ? await ctx.db
          .select()
          .from(accounts)
          .where(eq(accounts.institutionId, admin.institutionId))
          .orderBy(desc(accounts.createdAt))
          .limit(limit)
      : [];
  return rows.map(publicAccount);
}

/** Open links of an account ("Tautan Aktif"), without their tokens. */
export async function activeLinks(ctx: IdentityContext, admin: AccountRow, accountId: string) {
  const account = await getAccount(ctx.db, accountId);
  authorize(admin, 'account.read', account);
  const rows = await ctx.db.select().from(actionTokens).where(eq(actionTokens.accountId, account.id));
  const now = new Date();
  return rows
    .filter((r) => !r.usedAt && !r.voidedAt && r.expiresAt > now)
    .map((r) => ({
      action: r.action,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    }));
}
