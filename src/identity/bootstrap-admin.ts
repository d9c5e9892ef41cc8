/**
 * The first CA administrator of a fresh install: `teken serve` prints a one-time setup link at
 * every start while the first administrator is unfinished, `teken admin setup-link` prints one on
 * demand (or, with `--force`, resets an administrator who lost both factors), and
 * `teken admin create` makes more administrators.
 */
import { and, eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { accounts, totpDevices } from '../db/schema.js';
import type { Role } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { createAccount, findAccountByLogin, type AccountRow } from './accounts.js';
import { createActionLink, voidActionLinks } from './action-links.js';
import { linkUrl, type IdentityContext } from './identity-context.js';
import { revokeOtherSessions } from './sessions.js';

export const SETUP_LINK_HOURS = 24;

/** The account `teken serve` creates on a fresh install. */
export const FIRST_ADMIN_USERNAME = 'admin';
/**
 * Its e-mail until the operator gives a real one (`teken admin setup-link --email`): `.invalid`
 * (RFC 2606) receives nothing, so "Lupa Password" cannot reach it.
 */
export const FIRST_ADMIN_PLACEHOLDER_EMAIL = 'admin@teken.invalid';

// The rule of createAccount in accounts.ts.
const emailPattern = /^[^\s@"(),:;<>[\\\]]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63}$/i;

/** Creates a setup link for an account (it must still set a password and an authenticator). */
export async function issueSetupLink(
  ctx: IdentityContext,
  accountId: string,
  actor: string,
): Promise<string> {
  const { token } = await ctx.db.transaction((tx) =>
    createActionLink(tx, {
      accountId,
      action: 'SETUP_ADMIN',
      lifetimeMs: SETUP_LINK_HOURS * 3_600_000,
      createdBy: actor,
    }),
  );
  return linkUrl(ctx.config, token);
}

/**
 * Whether the install still waits for its first administrator: no active CA administrator has both
 * a password and a confirmed authenticator (a setup closed after "Update password", or after the
 * authenticator, leaves it unfinished).
 */
export async function firstAdminUnfinished(ctx: IdentityContext): Promise<boolean> {
  const [ready] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        sql`'ca_admin' = any(${accounts.roles})`,
        eq(accounts.status, 'active'),
        sql`${accounts.passwordHash} is not null`,
        sql`exists (select 1 from ${totpDevices} where ${totpDevices.accountId} = ${accounts.id} and ${totpDevices.confirmed})`,
      ),
    )
    .limit(1);
  return ready === undefined;
}

async function firstAdminAccount(ctx: IdentityContext): Promise<AccountRow> {
  const existing = await findAccountByLogin(ctx.db, FIRST_ADMIN_USERNAME);
  if (existing) return existing;
  return ctx.db.transaction((tx) =>
    createAccount(
      ctx,
      tx,
      {
        username: FIRST_ADMIN_USERNAME,
        email: FIRST_ADMIN_PLACEHOLDER_EMAIL,
        fullName: 'Administrator',
        roles: ['ca_admin'],
        requiredActions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'],
      },
      'system',
    ),
  );
}

/**
 * Starts the setup of an unfinished account again: both factors become required, and the
 * authenticators an interrupted setup left behind are removed (the link sets one again; a phone
 * that kept the old entry would otherwise clash by name or hold a second, unknown factor).
 */
async function restartSetup(
  ctx: IdentityContext,
  account: AccountRow,
  actor: string,
  o: { clearPassword: boolean },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(totpDevices)
      .where(eq(totpDevices.accountId, account.id))
      .returning({ id: totpDevices.id });
    await tx
      .update(accounts)
      .set({
        requiredActions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'],
        ...(o.clearPassword ? { passwordHash: null, passwordChangedAt: null, lockedUntil: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(accounts.id, account.id));
    if (o.clearPassword) {
      await voidActionLinks(tx, account.id);
      await revokeOtherSessions(tx, account.id);
    }
    if (removed.length > 0 || o.clearPassword) {
      await recordAuditEvent(tx, {
        actor,
        action: o.clearPassword ? 'account.setup_forced' : 'account.setup_restarted',
        target: `account:${account.id}`,
        details: { devicesRemoved: removed.length, passwordCleared: o.clearPassword },
      });
    }
  });
}

/**
 * While the first administrator is unfinished, makes sure the `admin` account exists and returns a
 * fresh setup link for it (voiding the older one); otherwise undefined. `teken serve` prints it at
 * every start.
 */
export async function firstAdminSetupLink(ctx: IdentityContext): Promise<string | undefined> {
  if (!(await firstAdminUnfinished(ctx))) return undefined;
  const account = await firstAdminAccount(ctx);
  await restartSetup(ctx, account, 'system', { clearPassword: false });
  return issueSetupLink(ctx, account.id, 'system');
}

/**
 * `teken admin setup-link`: a fresh setup link for the first administrator (or `username`), the
 * older one voided. Without `force` only while the first administrator is unfinished. With
 * `force` it is the operator's recovery for a CA administrator who lost both password and
 * authenticator: the account's password, authenticators, sessions and links stop working at once,
 * and the new link sets both again.
 */
export async function operatorSetupLink(
  ctx: IdentityContext,
  input: { username?: string | undefined; email?: string | undefined; force: boolean },
  actor: string,
): Promise<{ link: string; username: string; email: string; reset: boolean }> {
  const unfinished = await firstAdminUnfinished(ctx);
  if (!unfinished && !input.force) {
    throw new TekenError(
      'ERR_ADMIN_SETUP_DONE',
      'The first administrator is already set up (password and authenticator). Administrators can send each other links from the console; `teken admin create` makes a new one; `--force` resets an administrator who lost both factors.',
    );
  }
  let account: AccountRow;
  if (input.username === undefined || input.username.toLowerCase() === FIRST_ADMIN_USERNAME) {
    account = unfinished ? await firstAdminAccount(ctx) : await requireAdmin(ctx, FIRST_ADMIN_USERNAME);
  } else {
    account = await requireAdmin(ctx, input.username);
  }
  if (input.email !== undefined) account = await changeEmail(ctx, account, input.email, actor);
  const reset = !unfinished;
  await restartSetup(ctx, account, actor, { clearPassword: reset });
  return {
    link: await issueSetupLink(ctx, account.id, actor),
    username: account.username,
    email: account.email,
    reset,
  };
}

async function requireAdmin(ctx: IdentityContext, username: string): Promise<AccountRow> {
  const account = await findAccountByLogin(ctx.db, username);
  if (!account || username.includes('@')) {
    throw new TekenError('ERR_ACCOUNT_NOT_FOUND', `No account has the username "${username}".`);
  }
  if (!account.roles.includes('ca_admin')) {
    throw new TekenError('ERR_INPUT_INVALID', `"${account.username}" is not a CA administrator.`);
  }
  return account;
}

async function changeEmail(
  ctx: IdentityContext,
  account: AccountRow,
  email: string,
  actor: string,
): Promise<AccountRow> {
  const value = email.trim();
  if (!emailPattern.test(value))
    throw new TekenError('ERR_INPUT_INVALID', 'The e-mail address is not valid.');
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${value.toLowerCase()} and ${accounts.id} <> ${account.id}`);
    if (taken) throw new TekenError('ERR_ACCOUNT_EXISTS', 'Another account has this e-mail address.');
    const [row] = await tx
      .update(accounts)
      .set({ email: value, updatedAt: new Date() })
      .where(eq(accounts.id, account.id))
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'account.email_changed',
      target: `account:${account.id}`,
      details: {},
    });
    return row!;
  });
}

export async function createAdministrator(
  ctx: IdentityContext,
  input: { username: string; email: string; fullName: string; roles: Role[]; institutionId?: string | null },
  actor: string,
): Promise<{ accountId: string; link: string }> {
  const account = await ctx.db.transaction((tx) =>
    createAccount(ctx, tx, { ...input, requiredActions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'] }, actor),
  );
  return { accountId: account.id, link: await issueSetupLink(ctx, account.id, actor) };
}
