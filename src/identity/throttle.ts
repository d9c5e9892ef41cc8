/**
 * Failure counters for anti-automation, in the database so every instance sees the same counts.
 * Keys name what is counted: `pw:acct:<id>`, `otp:acct:<id>`, `auth:ip:<address>`,
 * `mail:<address>` (link e-mails per address).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/open-database.js';
import { throttles } from '../db/schema.js';

export interface ThrottleRule {
  /** Failures within the window that trigger a block. */
  max: number;
  windowMs: number;
  blockMs: number;
}

export interface ThrottleState {
  failures: number;
  blockedUntil: Date | null;
}

export async function throttleState(db: Tx, key: string): Promise<ThrottleState> {
  const [row] = await db.select().from(throttles).where(eq(throttles.key, key));
  if (!row) return { failures: 0, blockedUntil: null };
  const blockedUntil = row.blockedUntil && row.blockedUntil > new Date() ? row.blockedUntil : null;
  return { failures: row.failures, blockedUntil };
}

/** Several counters in one query, in the order of `keys`. */
export async function throttleStates(db: Tx, keys: string[]): Promise<ThrottleState[]> {
  const rows = await db.select().from(throttles).where(inArray(throttles.key, keys));
  const now = new Date();
  return keys.map((key) => {
    const row = rows.find((r) => r.key === key);
    return {
      failures: row?.failures ?? 0,
      blockedUntil: row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null,
    };
  });
}

/** Counts one failure (or one use, for quotas) and returns the new state, atomically. */
export async function recordFailure(
  db: Tx,
  key: string,
  rule: ThrottleRule,
): Promise<ThrottleState & { justBlocked: boolean }> {
  const windowStart = new Date(Date.now() - rule.windowMs);
  const blockUntil = new Date(Date.now() + rule.blockMs);
  const result = await db.execute<{
    failures: number | string;
    blocked_until: Date | string | null;
    was_blocked: boolean;
  }>(sql`
    with previous as (select blocked_until > now() as was_blocked from throttles where key = ${key})
    insert into throttles as t (key, failures, window_start, blocked_until)
    values (${key}, 1, now(), case when 1 >= ${rule.max} then ${blockUntil}::timestamptz else null end)
    on conflict (key) do update set
      failures = case when t.window_start < ${windowStart}::timestamptz then 1 else t.failures + 1 end,
      window_start = case when t.window_start < ${windowStart}::timestamptz then now() else t.window_start end,
      blocked_until = case
        when (case when t.window_start < ${windowStart}::timestamptz then 1 else t.failures + 1 end) >= ${rule.max}
          then greatest(coalesce(t.blocked_until, now()), ${blockUntil}::timestamptz)
        else t.blocked_until end
    returning failures, blocked_until, coalesce((select was_blocked from previous), false) as was_blocked`);
  const row = (
    result as {
      rows: { failures: number | string; blocked_until: Date | string | null; was_blocked: boolean }[];
    }
  ).rows[0]!;
  const blockedUntil = row.blocked_until ? new Date(row.blocked_until) : null;
  const active = blockedUntil && blockedUntil > new Date() ? blockedUntil : null;
  return { failures: Number(row.failures), blockedUntil: active, justBlocked: !!active && !row.was_blocked };
}

export async function clearThrottle(db: Tx, ...keys: string[]): Promise<void> {
  for (const key of keys) await db.delete(throttles).where(eq(throttles.key, key));
}

/** base × 2^(failures − 3) from the third failure on, at most 8 × base. */
export function progressiveDelayMs(failures: number, baseMs: number): number {
  if (failures < 3 || baseMs === 0) return 0;
  return Math.min(baseMs * 2 ** (failures - 3), baseMs * 8);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
