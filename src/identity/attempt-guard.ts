/**
 * The one guard that every secret-guessing path takes its attempts from (DESIGN.md "Identity").
 *
 * An attempt is a reservation, taken atomically in the database BEFORE the secret is checked. Each
 * budget — per subject (an account, a login that names no account, later a phone number, a
 * certificate, an API client) and per source address — is a row of `throttles`, and one statement
 * raises every counter of the attempt only where its budget is not spent. So a burst of simultaneous
 * guesses, or guesses spread over several instances, gets no more evaluations than the budget; a
 * refused attempt never sees the secret checked. The outcome then keeps the reservation (a wrong
 * guess counts as a failure, and the subject or address is blocked when its limit is reached) or
 * gives it back (the right secret clears the subject's counter and returns the address's
 * reservation). A process that dies in between keeps it: a crash never yields a free guess.
 *
 * Quotas (link e-mails per address, "Lupa Password" requests per source address) are the same
 * reservation without a secret: `consume` takes one unit or refuses.
 *
 * Nothing else in Teken writes `throttles`; `test/identity/attempt-guard.db.test.ts` checks that no
 * other source file does.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database.js';

export interface BudgetRule {
  /** Attempts within the window; the last of them may still be evaluated. */
  max: number;
  windowMs: number;
  /** How long the key is blocked once `max` failures are kept (0: no block, the window decides). */
  blockMs: number;
}

/** The secrets guessed through Teken's paths. A new path adds its kind here and to `GuardPolicy`. */
export type SecretKind =
  | 'password'
  | 'otp'
  | 'link'
  | 'api_client_secret'
  | 'phone_code'
  | 'passphrase'
  | 'signing_authorisation'
  | 'totp_code'
  | 'selfie';
/** Counted uses that are not guesses. */
export type QuotaKind =
  | 'link_email'
  | 'reset_request'
  | 'api_client_call'
  | 'self_registration'
  | 'phone_code_send'
  | 'outbox_recipient'
  | 'email_availability'
  | 'tsa_request'
  | 'verify_request';

export interface SecretPolicy {
  /** Prefix of the subject's key (`pw` → `pw:acct:<id>`), and its budget. */
  subjectPrefix: string;
  subject: BudgetRule;
  /** Key prefix of the per-address budget (shared between kinds that give the same prefix). */
  addressPrefix: string;
  address: BudgetRule;
  /**
   * Further subjects one guess counts against, each with its own budget (a WhatsApp code: the code
   * itself, then the account and the phone number), by name; the attempter names their subjects in
   * `also`. They are reserved, failed and cleared together with the main subject.
   */
  also?: Readonly<Record<string, { prefix: string; rule: BudgetRule }>>;
}

export interface GuardPolicy {
  secrets: Record<SecretKind, SecretPolicy>;
  quotas: Record<QuotaKind, { prefix: string; rule: BudgetRule }>;
  /** Progressive delay after a wrong guess: base × 2^(failures − 3) from the third, at most 8 × base. */
  failureDelayMs: number;
}

export interface GuardHooks {
  /** Called for every refused attempt or quota (metrics). */
  refused?(kind: SecretKind | QuotaKind, by: 'subject' | 'address' | 'quota'): void;
}

export interface Attempter {
  /** The subject guessed at, e.g. `acct:<uuid>`; none for paths limited by address only. */
  subject?: string;
  /** The client's address (`request.ip`, proxy-aware). */
  address?: string;
  /** Subjects of the kind's further budgets (`SecretPolicy.also`), by name. */
  also?: Readonly<Record<string, string>>;
}

export type AttemptResult<T> =
  | { outcome: 'right'; value: T }
  | {
      outcome: 'wrong';
      /** The subject's failures in its window, this one included (0 without a subject). */
      failures: number;
      /** Set while the subject is blocked (by this failure or a concurrent one). */
      blockedUntil: Date | null;
      /** This failure is the one that blocked the subject (send the lock e-mail once). */
      justBlocked: boolean;
    }
  | { outcome: 'refused'; by: 'subject' | 'address'; retryAfterSeconds: number; blockedUntil: Date | null };

interface Budget {
  key: string;
  rule: BudgetRule;
  role: 'subject' | 'address';
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const ms = (value: number) => sql`(${value}::double precision * interval '1 millisecond')`;

export const sleep = (delayMs: number) => new Promise((resolve) => setTimeout(resolve, delayMs));

/** base × 2^(failures − 3) from the third failure on, at most 8 × base. */
export function progressiveDelayMs(failures: number, baseMs: number): number {
  if (failures < 3 || baseMs === 0) return 0;
  return Math.min(baseMs * 2 ** (failures - 3), baseMs * 8);
}

/**
 * Reserves one attempt on each budget, in one statement, where the budget allows: decided failures
 * plus reservations in flight stay below `max`. Returns each budget's attempt number (failures +
 * reservations, this one included), `null` where refused. A window that has passed starts again; a
 * block that has ended leaves exactly one attempt (failures stand at `max − 1`), so a locked subject
 * gets one guess per block period however many arrive at once.
 */
async function reserve(db: Db | Tx, budgets: Budget[]): Promise<(number | null)[]> {
  const ctes = budgets.map((b, i) => {
    const windowPassed = sql`t.window_start < now() - ${ms(b.rule.windowMs)}`;
    const blockEnded = sql`(t.blocked_until is not null and t.blocked_until <= now())`;
    return sql`${sql.raw(`r${i}`)} as (
      insert into throttles as t (key, failures, reserved, window_start, blocked_until)
      values (${b.key}, 0, 1, now(), null)
      on conflict (key) do update set
        failures = case when ${windowPassed} then 0
                        when ${blockEnded} then greatest(${b.rule.max}::bigint - 1, 0)
                        else t.failures end,
        reserved = case when ${windowPassed} then 1 else t.reserved + 1 end,
        window_start = case when ${windowPassed} then now() else t.window_start end,
        blocked_until = case when ${windowPassed} or ${blockEnded} then null else t.blocked_until end
      where not coalesce(t.blocked_until > now(), false)
        and (${windowPassed} or ${blockEnded} or t.failures + t.reserved < ${b.rule.max}::bigint)
      returning failures + reserved as attempt)`;
  });
  const columns = budgets.map(
    (_, i) => sql`(select attempt from ${sql.raw(`r${i}`)}) as ${sql.raw(`f${i}`)}`,
  );
  const result = await db.execute(sql`with ${sql.join(ctes, sql`, `)} select ${sql.join(columns, sql`, `)}`);
  const row = rowsOf(result)[0] ?? {};
  return budgets.map((_, i) => {
    const value = row[`f${i}`];
    return value === null || value === undefined ? null : Number(value);
  });
}

/**
 * Decides reservations: `fail` turns one into a failure (and blocks the key when its failures reach
 * `max`), `clear` forgets the key's failures (the right secret), `release` just returns it. Returns,
 * per key, its failures and the block in force, and whether this decision set that block.
 */
async function decide(
  db: Db | Tx,
  decisions: { budget: Budget; how: 'fail' | 'clear' | 'release' }[],
): Promise<{ failures: number; blockedUntil: Date | null; justBlocked: boolean }[]> {
  if (decisions.length === 0) return [];
  const ctes = decisions.map(({ budget: b, how }, i) => {
    const name = sql.raw(`d${i}`);
    const returned = sql`returning failures, case when blocked_until > now() then blocked_until end as blocked_until`;
    if (how === 'release')
      return sql`${name} as (update throttles set reserved = greatest(reserved - 1, 0) where key = ${b.key} ${returned}, false as just)`;
    if (how === 'clear')
      return sql`${name} as (update throttles set failures = 0, reserved = greatest(reserved - 1, 0), blocked_until = null
        where key = ${b.key} ${returned}, false as just)`;
    // SET reads the row as it was: `failures + 1` is this failure's count.
    const reaches = sql`(failures + 1 >= ${b.rule.max}::bigint and ${b.rule.blockMs} > 0
      and not coalesce(blocked_until > now(), false))`;
    return sql`${name} as (update throttles set
        failures = failures + 1,
        reserved = greatest(reserved - 1, 0),
        blocked_until = case when ${reaches} then now() + ${ms(b.rule.blockMs)} else blocked_until end
      where key = ${b.key} ${returned}, failures = ${b.rule.max}::bigint and ${b.rule.blockMs} > 0 as just)`;
  });
  const columns = decisions.map((_, i) => {
    const d = sql.raw(`d${i}`);
    return sql`(select row_to_json(${d}) from ${d}) as ${sql.raw(`c${i}`)}`;
  });
  const result = await db.execute(sql`with ${sql.join(ctes, sql`, `)} select ${sql.join(columns, sql`, `)}`);
  const row = rowsOf(result)[0] ?? {};
  return decisions.map((_, i) => {
    const raw = row[`c${i}`];
    const value = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      failures: number | string;
      blocked_until: string | null;
      just: boolean;
    } | null;
    if (!value) return { failures: 0, blockedUntil: null, justBlocked: false };
    return {
      failures: Number(value.failures),
      blockedUntil: value.blocked_until ? new Date(value.blocked_until) : null,
      justBlocked: value.just === true,
    };
  });
}

/** When a refused budget may be tried again: its block's end, else its window's end. */
async function retryAfter(
  db: Db | Tx,
  budget: Budget,
): Promise<{ seconds: number; blockedUntil: Date | null }> {
  const result = await db.execute(sql`
    select case when blocked_until > now() then blocked_until end as blocked_until,
      greatest(extract(epoch from coalesce(case when blocked_until > now() then blocked_until end,
        window_start + ${ms(budget.rule.windowMs)}) - now()), 1) as seconds
    from throttles where key = ${budget.key}`);
  const row = rowsOf(result)[0];
  if (!row) return { seconds: 1, blockedUntil: null };
  return {
    seconds: Math.ceil(Number(row.seconds)),
    blockedUntil: row.blocked_until ? new Date(row.blocked_until as string | Date) : null,
  };
}

export class AttemptGuard {
  private hooks: GuardHooks;

  constructor(
    private readonly db: Db,
    private readonly policy: GuardPolicy,
    hooks: GuardHooks = {},
  ) {
    this.hooks = hooks;
  }

  /** Replaces the observers (the HTTP app's metrics, which exist only once the app is built). */
  observe(hooks: GuardHooks): void {
    this.hooks = hooks;
  }

  /** The key of a subject's budget for a kind of secret, e.g. `pw:acct:<id>`. */
  subjectKey(kind: SecretKind, subject: string): string {
    return `${this.policy.secrets[kind].subjectPrefix}:${subject}`;
  }

  /**
   * Reserves an attempt, runs `check` (which answers the value for the right secret, `null` for a
   * wrong one), and keeps or gives back the reservation. `decoy` runs instead of `check` when the
   * attempt is refused, so that a refusal costs what an evaluation costs (a dummy password hash).
   * An exception from `check` keeps the reservation, as a failure would.
   */
  async attempt<T>(
    kind: SecretKind,
    who: Attempter,
    check: () => Promise<T | null>,
    options: { decoy?: () => Promise<unknown> } = {},
  ): Promise<AttemptResult<T>> {
    const policy = this.policy.secrets[kind];
    const budgets: Budget[] = [];
    if (who.address)
      budgets.push({ key: `${policy.addressPrefix}:${who.address}`, rule: policy.address, role: 'address' });
    if (who.subject)
      budgets.push({ key: `${policy.subjectPrefix}:${who.subject}`, rule: policy.subject, role: 'subject' });
    for (const [name, subject] of Object.entries(who.also ?? {})) {
      const extra = policy.also?.[name];
      if (!extra) throw new Error(`The guard kind "${kind}" has no further budget "${name}".`);
      budgets.push({ key: `${extra.prefix}:${subject}`, rule: extra.rule, role: 'subject' });
    }
    const counts = budgets.length > 0 ? await reserve(this.db, budgets) : [];
    const refusedAt = counts.findIndex((c) => c === null);
    if (refusedAt >= 0) {
      const refused = budgets[refusedAt]!;
      await decide(
        this.db,
        budgets.filter((_, i) => counts[i] !== null).map((budget) => ({ budget, how: 'release' as const })),
      );
      this.hooks.refused?.(kind, refused.role);
      const [after] = await Promise.all([retryAfter(this.db, refused), options.decoy?.()]);
      return {
        outcome: 'refused',
        by: refused.role,
        retryAfterSeconds: after.seconds,
        blockedUntil: after.blockedUntil,
      };
    }
    let value: T | null;
    try {
      value = await check();
    } catch (error) {
      // A check that fails keeps its reservation as a failure: an error is never a free guess.
      await decide(
        this.db,
        budgets.map((budget) => ({ budget, how: 'fail' as const })),
      );
      throw error;
    }
    if (value !== null) {
      await decide(
        this.db,
        budgets.map((budget) => ({
          budget,
          how: budget.role === 'subject' ? ('clear' as const) : ('release' as const),
        })),
      );
      return { outcome: 'right', value };
    }
    const decided = await decide(
      this.db,
      budgets.map((budget) => ({ budget, how: 'fail' as const })),
    );
    const subjectAt = budgets.findIndex((b) => b.role === 'subject');
    const subject =
      subjectAt >= 0 ? decided[subjectAt]! : { failures: 0, blockedUntil: null, justBlocked: false };
    await sleep(progressiveDelayMs(subject.failures, this.policy.failureDelayMs));
    return { outcome: 'wrong', ...subject };
  }

  /**
   * Takes one unit of a quota (never given back), or refuses with when to try again. `rule`
   * overrides parts of the kind's rule for this subject (an API client's own calls per minute).
   */
  async consume(
    kind: QuotaKind,
    subject: string,
    override: Partial<BudgetRule> = {},
  ): Promise<{ ok: true; used: number } | { ok: false; retryAfterSeconds: number }> {
    const quota = this.policy.quotas[kind];
    const rule: BudgetRule = { ...quota.rule, ...override };
    const budget: Budget = { key: `${quota.prefix}:${subject}`, rule, role: 'subject' };
    const windowPassed = sql`t.window_start < now() - ${ms(rule.windowMs)}`;
    const result = await this.db.execute(sql`
      insert into throttles as t (key, failures, reserved, window_start) values (${budget.key}, 1, 0, now())
      on conflict (key) do update set
        failures = case when ${windowPassed} then 1 else t.failures + 1 end,
        window_start = case when ${windowPassed} then now() else t.window_start end
      where ${windowPassed} or t.failures + t.reserved < ${rule.max}::bigint
      returning failures`);
    const [row] = rowsOf(result);
    if (row) return { ok: true, used: Number(row.failures) };
    this.hooks.refused?.(kind, 'quota');
    return { ok: false, retryAfterSeconds: (await retryAfter(this.db, budget)).seconds };
  }

  /** The blocks in force on some subjects' keys (the administrators' "Terkunci"). */
  async blocks(keys: string[]): Promise<Map<string, Date>> {
    const found = new Map<string, Date>();
    if (keys.length === 0) return found;
    const result = await this.db.execute(sql`
      select key, blocked_until from throttles
      where key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}) and blocked_until > now()`);
    for (const row of rowsOf(result))
      found.set(row.key as string, new Date(row.blocked_until as string | Date));
    return found;
  }

  /** Forgets the failures and blocks of some subjects' keys (an administrator's "Buka kunci"). */
  async clear(tx: Tx, keys: string[]): Promise<void> {
    for (const key of keys) {
      await tx.execute(
        sql`update throttles set failures = 0, reserved = 0, blocked_until = null where key = ${key}`,
      );
    }
  }

  /** Deletes counters whose window has passed and whose block has ended (a background job). */
  async purgeExpired(olderThanMs: number): Promise<number> {
    const result = await this.db.execute(sql`
      delete from throttles
      where window_start < now() - ${ms(olderThanMs)}
        and (blocked_until is null or blocked_until < now())
      returning key`);
    return rowsOf(result).length;
  }
}
