/**
 * The lockouts in force on accounts, read from the guard's counters that sign-in itself takes its
 * attempts from (`pw:acct:<id>`, `otp:acct:<id>`), so "Terkunci" is shown exactly while sign-in refuses.
 */
import { publicAccount, type AccountRow } from './accounts.js';
import type { IdentityContext } from './identity-context.js';
import { accountSubject } from './lockout-policy.js';

/** Why an account is locked: too many wrong passwords, too many wrong authenticator codes, or both. */
export type LockReason = 'password' | 'otp';

export type Lockout = { until: Date; by: LockReason[] };

/** The guard keys of an account's two lockouts. */
export function lockoutKeys(ctx: IdentityContext, accountId: string): Record<LockReason, string> {
  return {
    password: ctx.guard.subjectKey('password', accountSubject(accountId)),
    otp: ctx.guard.subjectKey('otp', accountSubject(accountId)),
  };
}

export async function lockouts(ctx: IdentityContext, ids: string[]): Promise<Map<string, Lockout>> {
  const keyed = ids.flatMap((id) =>
    Object.entries(lockoutKeys(ctx, id)).map(([by, key]) => ({ id, by: by as LockReason, key })),
  );
  const blocks = await ctx.guard.blocks(keyed.map((k) => k.key));
  const locks = new Map<string, Lockout>();
  for (const { id, by, key } of keyed) {
    const until = blocks.get(key);
    if (!until) continue;
    const lock = locks.get(id) ?? { until, by: [] };
    if (until > lock.until) lock.until = until;
    lock.by.push(by);
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

export function adminView(row: AccountRow, lock: Lockout | undefined): AdminAccountView {
  return {
    ...publicAccount(row),
    lockedUntil: lock ? lock.until.toISOString() : null,
    lockedBy: lock ? lock.by : [],
  };
}
