/** What administrators do to accounts: list, read, send links ("Kirim tautan"), unlock. */
import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, actionTokens, throttles } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { confirmedDevices, getAccount, publicAccount, type AccountRow } from './accounts.js';
import { createActionLink } from './action-links.js';
import { accountPermissions, authorize } from './authorize.js';
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
      quota.blockedUntil
        ? { details: { retryAfterSeconds: Math.ceil((quota.blockedUntil.getTime() - Date.now()) / 1000) } }
        : {},
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

/** Why an account is locked: too many wrong passwords, too many wrong authenticator codes, or both. */
export type LockReason = 'password' | 'otp';

/**
 * The lockouts in force for some accounts, from the throttle counters that sign-in itself checks
 * (`pw:acct:<id>`, `otp:acct:<id>`), so the list says "locked" exactly when sign-in refuses.
 */
async function lockouts(ctx: IdentityContext, ids: string[]) {
  const locks = new Map<string, { until: Date; by: LockReason[] }>();
  if (ids.length === 0) return locks;
  const keys = ids.flatMap((id) => [`pw:acct:${id}`, `otp:acct:${id}`]);
  const rows = await ctx.db
    .select({ key: throttles.key, blockedUntil: throttles.blockedUntil })
    .from(throttles)
    .where(and(inArray(throttles.key, keys), gt(throttles.blockedUntil, sql`now()`)));
  for (const row of rows) {
    const [kind, , id] = row.key.split(':') as [string, string, string];
    const lock = locks.get(id) ?? { until: row.blockedUntil!, by: [] };
    if (row.blockedUntil! > lock.until) lock.until = row.blockedUntil!;
    lock.by.push(kind === 'pw' ? 'password' : 'otp');
    locks.set(id, lock);
  }
  for (const lock of locks.values()) lock.by.sort();
  return locks;
}

/** An account as administrators see it: `publicAccount` with its lock state. */
export type AdminAccountView = ReturnType<typeof publicAccount> & {
  /** End of the lockout in force, or null when sign-in is not refused. */
  lockedUntil: string | null;
  lockedBy: LockReason[];
};

function adminView(row: AccountRow, lock: { until: Date; by: LockReason[] } | undefined): AdminAccountView {
  return {
    ...publicAccount(row),
    lockedUntil: lock ? lock.until.toISOString() : null,
    lockedBy: lock ? lock.by : [],
  };
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface AccountQuery {
  /** Part of the username, e-mail or full name, any case. */
  q?: string;
  limit?: number;
  offset?: number;
}

/**
 * The accounts an administrator may see (all for a CA admin, their institution's for the others),
 * newest first, with their lock state; `total` counts every match, not just this page.
 */
export async function listAccounts(
  ctx: IdentityContext,
  admin: AccountRow,
  query: AccountQuery = {},
): Promise<{ total: number; accounts: AdminAccountView[] }> {
  authorize(admin, 'account.list');
  if (!admin.roles.includes('ca_admin') && !admin.institutionId) return { total: 0, accounts: [] };
  const q = query.q?.trim();
  const where = and(
    admin.roles.includes('ca_admin') ? undefined : eq(accounts.institutionId, admin.institutionId!),
    q
      ? or(
          ilike(accounts.username, likePattern(q)),
          ilike(accounts.email, likePattern(q)),
          ilike(accounts.fullName, likePattern(q)),
        )
      : undefined,
  );
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(accounts)
    .where(where);
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(where)
    .orderBy(desc(accounts.createdAt), asc(accounts.id))
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0);
  const locks = await lockouts(
    ctx,
    rows.map((r) => r.id),
  );
  return { total: Number(total), accounts: rows.map((row) => adminView(row, locks.get(row.id))) };
}

/**
 * One account for the detail page ("Tinjau Ulang"): its lock state, whether it has a password and
 * how many authenticators, and what the administrator may do to it.
 */
export async function readAccount(ctx: IdentityContext, admin: AccountRow, accountId: string) {
  const account = await getAccount(ctx.db, accountId);
  authorize(admin, 'account.read', account);
  const locks = await lockouts(ctx, [account.id]);
  const devices = await confirmedDevices(ctx.db, account.id);
  return {
    account: {
      ...adminView(account, locks.get(account.id)),
      hasPassword: account.passwordHash !== null,
      authenticators: devices.length,
    },
    permissions: accountPermissions(admin, account),
  };
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
