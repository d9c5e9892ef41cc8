/**
 * One account for the detail page ("Tinjau Ulang"): its lock state, whether it has a password and
 * how many authenticators, and what the administrator may do to it.
 */
import { adminView, lockouts } from './account-lockouts.js';
import { confirmedDevices, getAccount, type AccountRow } from './accounts.js';
import { accountPermissions, authorize } from './authorize.js';
import type { IdentityContext } from './identity-context.js';

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
