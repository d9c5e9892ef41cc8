/**
 * The first CA administrator of a fresh install: `teken serve` prints a one-time setup link while
 * no administrator has finished setting up, and `teken admin create` makes more.
 */
import { sql } from 'drizzle-orm';
import { accounts } from '../db/schema.js';
import type { Role } from '../db/schema.js';
import { createAccount, findAccountByLogin } from './accounts.js';
import { createActionLink } from './action-links.js';
import { linkUrl, type IdentityContext } from './identity-context.js';

const SETUP_LINK_HOURS = 24;

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
 * On a fresh install (no administrator with a password), makes sure an `admin` account exists and
 * returns a new setup link for it; otherwise undefined.
 */
export async function firstAdminSetupLink(ctx: IdentityContext): Promise<string | undefined> {
  const [ready] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`'ca_admin' = any(${accounts.roles}) and ${accounts.passwordHash} is not null`)
    .limit(1);
  if (ready) return undefined;
  const existing = await findAccountByLogin(ctx.db, 'admin');
  const account =
    existing ??
    (await ctx.db.transaction((tx) =>
      createAccount(
        ctx,
        tx,
        {
          username: 'admin',
          email: 'admin@teken.invalid',
          fullName: 'Administrator',
          roles: ['ca_admin'],
          requiredActions: ['UPDATE_PASSWORD', 'CONFIGURE_TOTP'],
        },
        'system',
      ),
    ));
  return issueSetupLink(ctx, account.id, 'system');
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
