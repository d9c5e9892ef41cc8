/**
 * Starts a registration: a pending subscriber account of the institution, its `registrations` row
 * and the "[BSrE] Aktivasi Akun" e-mail with the wizard's link (seed 002). Every way in — an
 * invitation, a CSV row, the HR system's `POST /api/v2/user/registration`, self-registration —
 * ends here, in the caller's transaction (so a CSV import can batch rows).
 *
 * An e-mail that already has a registration still open at this institution is sent a fresh link
 * (the old one ends); any other existing account is refused with ERR_ACCOUNT_EXISTS.
 *
 * `startRegistrations` does many rows at once with the same outcome for each as calling
 * `startRegistration` for them one after the other (a repeated e-mail in a batch is a re-send of
 * the first), in a fixed number of statements per batch: one look-up of the e-mails, one of the
 * usernames (two when a username is taken), then one statement that inserts the accounts,
 * registrations, action tokens and audit events, and one INSERT of the outbox messages. `startRegistration` is its one-row call.
 */
import crypto from 'node:crypto';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { auditEventsInsert, type AuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import {
  accounts,
  actionTokens,
  institutions,
  registrations,
  type RegistrationSource,
} from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { hasControlCharacters } from '../identity/accounts.js';
import { hashOpaqueToken, newOpaqueToken } from '../identity/opaque-token.js';
import { isEmailAddress } from '../notify/enqueue-message.js';
import type { EnrollmentMessage } from './templates/enrollment-templates.js';
import { activationUrl, type EnrollmentContext } from './enrollment-context.js';

export interface StartRegistrationInput {
  institutionId: string;
  fullName: unknown;
  email: unknown;
  source: RegistrationSource;
  /** An account id, `api-client:<username>`, `csv:<import id>` or `self`. */
  invitedBy: string;
  locale?: 'id' | 'en';
}

export interface StartedRegistration {
  accountId: string;
  /** True when an open registration got a fresh link instead of a new account. */
  resent: boolean;
  expiresAt: Date;
}

const emailPattern = /^[^\s@"(),:;<>[\\\]]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63}$/i;

/** The name as given (titles are checked in the wizard, against the institution's rules). */
export function validFullName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (name === '' || name.length > 200 || hasControlCharacters(name))
    throw new TekenError('ERR_INPUT_INVALID', 'nama: the full name is required (at most 200 characters).', {
      details: { field: 'nama' },
    });
  return name;
}

export function validEmail(value: unknown): string {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  // The outbox's own check too (no label starting or ending with '-'), so a row that passes here
  // cannot fail when its mail is queued.
  if (!emailPattern.test(email) || !isEmailAddress(email))
    throw new TekenError('ERR_INPUT_INVALID', 'email: not a valid e-mail address.', {
      details: { field: 'email' },
    });
  return email;
}

/** Refuses an e-mail outside the institution's domains (when it lists any). */
export function assertEmailDomain(email: string, domains: readonly string[]): void {
  if (domains.length === 0) return;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!domains.includes(domain))
    throw new TekenError(
      'ERR_INPUT_INVALID',
      `email: the address must be at ${domains.map((d) => `@${d}`).join(' or ')}.`,
      { details: { field: 'email' } },
    );
}

/** The username base of an e-mail: its local part, cleaned ("budi.santoso"). */
function usernameBase(email: string): string {
  let base = email
    .slice(0, email.lastIndexOf('@'))
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/^[._-]+/, '')
    .slice(0, 56);
  if (base.length < 3) base = `user${base}`;
  return base;
}

/**
 * The usernames taken among those starting with each base (lowercased). One exact look-up; the
 * prefix search (no index helps it) only for the bases that are taken or repeat in the batch.
 */
async function takenUsernames(tx: Tx, bases: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  if (bases.length === 0) return taken;
  const unique = [...new Set(bases)];
  const exact = await tx
    .select({ username: sql<string>`lower(${accounts.username})` })
    .from(accounts)
    .where(inArray(sql`lower(${accounts.username})`, unique));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const b of bases) (seen.has(b) ? repeated : seen).add(b);
  for (const r of exact) repeated.add(r.username);
  const prefixes = unique.filter((b) => repeated.has(b));
  if (prefixes.length > 0) {
    const like = await tx
      .select({ username: sql<string>`lower(${accounts.username})` })
      .from(accounts)
      .where(
        sql`lower(${accounts.username}) like any(${sql.raw('ARRAY[')}${sql.join(
          prefixes.map((p) => sql`${`${p}%`}`),
          sql`, `,
        )}${sql.raw(']::text[]')})`,
      );
    for (const r of like) taken.add(r.username);
  }
  for (const r of exact) taken.add(r.username);
  return taken;
}

/** A username from the base, made unique with a number ("budi.santoso", "budi.santoso2"). */
function freeUsername(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The username a new account of this e-mail gets now (the rule of every way in: one place). */
export async function freeUsernameFor(tx: Tx, email: string): Promise<string> {
  const base = usernameBase(email);
  return freeUsername(base, await takenUsernames(tx, [base]));
}

/** One row's outcome. */
export type RegistrationOutcome =
  ({ result: 'created' | 'resent' } & StartedRegistration) | { result: 'refused'; error: TekenError };

type Existing = { id: string; status: string | null; institutionId: string | null };

export async function startRegistrations(
  ctx: EnrollmentContext,
  tx: Tx,
  inputs: readonly StartRegistrationInput[],
): Promise<RegistrationOutcome[]> {
  const outcomes: RegistrationOutcome[] = new Array<RegistrationOutcome>(inputs.length);
  const valid: { i: number; fullName: string; email: string }[] = [];
  inputs.forEach((input, i) => {
    try {
      valid.push({ i, fullName: validFullName(input.fullName), email: validEmail(input.email) });
    } catch (error) {
      outcomes[i] = { result: 'refused', error: error as TekenError };
    }
  });
  const institutionIds = [...new Set(valid.map((v) => inputs[v.i]!.institutionId))];
  const institutionRows =
    institutionIds.length === 0
      ? []
      : await tx.select().from(institutions).where(inArray(institutions.id, institutionIds));
  const institutionOf = new Map(institutionRows.map((r) => [r.id, r]));
  const accepted = valid.filter(({ i, email }) => {
    const institution = institutionOf.get(inputs[i]!.institutionId);
    try {
      if (!institution) throw new TekenError('ERR_INSTITUTION_NOT_FOUND');
      if (!institution.active)
        throw new TekenError(
          'ERR_INPUT_INVALID',
          'The institution is deactivated: it takes no registrations.',
        );
      assertEmailDomain(email, institution.emailDomains);
      return true;
    } catch (error) {
      outcomes[i] = { result: 'refused', error: error as TekenError };
      return false;
    }
  });

  const emails = [...new Set(accepted.map((a) => a.email))];
  const existing = new Map<string, Existing>();
  if (emails.length > 0) {
    const rows = await tx
      .select({
        id: accounts.id,
        email: sql<string>`lower(${accounts.email})`,
        status: registrations.status,
        institutionId: registrations.institutionId,
      })
      .from(accounts)
      .leftJoin(registrations, eq(registrations.accountId, accounts.id))
      .where(inArray(sql`lower(${accounts.email})`, emails));
    for (const r of rows) existing.set(r.email, r);
  }
  const taken = await takenUsernames(
    tx,
    accepted.filter((a) => !existing.has(a.email)).map((a) => usernameBase(a.email)),
  );

  // The rows in order, as one call after the other would see them.
  const now = new Date();
  const hours = ctx.config.enrollment.activationLinkHours;
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const newAccounts: NewAccount[] = [];
  const newRegistrations: (typeof registrations.$inferInsert)[] = [];
  const tokens: (typeof actionTokens.$inferInsert & { accountId: string })[] = [];
  const resentFromBefore = new Set<string>();
  const events: AuditEvent[] = [];
  const messages: EnrollmentMessage[] = [];
  for (const { i, fullName, email } of accepted) {
    const input = inputs[i]!;
    const institutionId = input.institutionId;
    const found = existing.get(email);
    let accountId: string;
    let resent = false;
    if (found) {
      const open = found.status === 'invited' || found.status === 'in_progress';
      if (!open || found.institutionId !== institutionId) {
        outcomes[i] = {
          result: 'refused',
          error: new TekenError('ERR_ACCOUNT_EXISTS', 'email: this e-mail address is already registered.', {
            details: { field: 'email' },
          }),
        };
        continue;
      }
      accountId = found.id;
      resent = true;
      // A link made earlier in this batch ends as the next one is made.
      for (const t of tokens) if (t.accountId === accountId && !t.voidedAt) t.voidedAt = now;
      if (!newAccounts.some((a) => a.id === accountId)) resentFromBefore.add(accountId);
    } else {
      accountId = crypto.randomUUID();
      const username = freeUsername(usernameBase(email), taken);
      taken.add(username);
      newAccounts.push({
        id: accountId,
        username,
        email,
        fullName,
        institutionId,
        roles: ['subscriber'],
        passwordHash: null,
        passwordChangedAt: null,
        requiredActions: [],
        locale: input.locale ?? 'id',
        status: 'pending',
      });
      newRegistrations.push({ accountId, institutionId, source: input.source, invitedBy: input.invitedBy });
      existing.set(email, { id: accountId, status: 'invited', institutionId });
      events.push({
        actor: input.invitedBy,
        action: 'account.create',
        target: `account:${accountId}`,
        details: { roles: ['subscriber'] },
      });
    }
    const token = newOpaqueToken();
    tokens.push({
      tokenHash: hashOpaqueToken(token),
      accountId,
      action: 'ACTIVATE_ACCOUNT',
      createdBy: input.invitedBy,
      expiresAt,
    });
    events.push({
      actor: input.invitedBy,
      action: resent ? 'registration.link_resent' : 'registration.started',
      target: `account:${accountId}`,
      details: { institutionId, source: input.source },
    });
    messages.push({
      template: 'activate-account',
      locale: input.locale ?? 'id',
      to: email,
      data: { name: fullName, link: activationUrl(ctx.config, token), expiresInHours: String(hours) },
      idempotencyKey: `activate-account:${crypto.randomUUID()}`,
      accountId,
    });
    outcomes[i] = { result: resent ? 'resent' : 'created', accountId, resent, expiresAt };
  }

  if (resentFromBefore.size > 0) {
    const ids = [...resentFromBefore];
    await tx
      .update(actionTokens)
      .set({ voidedAt: now })
      .where(
        and(
          inArray(actionTokens.accountId, ids),
          eq(actionTokens.action, 'ACTIVATE_ACCOUNT'),
          isNull(actionTokens.usedAt),
          isNull(actionTokens.voidedAt),
          gt(actionTokens.expiresAt, now),
        ),
      );
    await tx.update(registrations).set({ updatedAt: now }).where(inArray(registrations.accountId, ids));
  }
  await storeRegistrations(tx, newAccounts, newRegistrations, tokens, events);
  if (ctx.notifyMany) await ctx.notifyMany(tx, messages);
  else for (const message of messages) await ctx.notify(tx, message);
  return outcomes;
}

type NewAccount = Omit<typeof accounts.$inferInsert, 'institutionId'> & { institutionId: string };

/**
 * The batch's accounts, registrations, links and audit events in one statement: data-modifying
 * CTEs over one JSON parameter per table (`json_to_recordset`), instead of one INSERT per table
 * with a bind parameter per cell (500 rows of registrations were 17,000 parameters and DEFAULTs to
 * build and parse). The rows are the same; the foreign keys are checked at the end of the
 * statement, when the accounts are there.
 */
async function storeRegistrations(
  tx: Tx,
  newAccounts: NewAccount[],
  newRegistrations: (typeof registrations.$inferInsert)[],
  tokens: (typeof actionTokens.$inferInsert)[],
  events: AuditEvent[],
): Promise<void> {
  if (newAccounts.length === 0 && tokens.length === 0 && events.length === 0) return;
  const accountRows = JSON.stringify(
    newAccounts.map((a) => ({
      id: a.id,
      username: a.username,
      email: a.email,
      full_name: a.fullName,
      institution_id: a.institutionId,
      roles: a.roles,
      locale: a.locale,
      status: a.status,
    })),
  );
  const registrationRows = JSON.stringify(
    newRegistrations.map((r) => ({
      account_id: r.accountId,
      institution_id: r.institutionId,
      source: r.source,
      invited_by: r.invitedBy,
    })),
  );
  const tokenRows = JSON.stringify(
    tokens.map((t) => ({
      token_hash: Buffer.from(t.tokenHash).toString('base64'),
      account_id: t.accountId,
      action: t.action,
      created_by: t.createdBy,
      expires_at: t.expiresAt,
      voided_at: t.voidedAt ?? null,
    })),
  );
  await tx.execute(sql`
    with new_accounts as (
      insert into ${accounts} (id, username, email, full_name, institution_id, roles, locale, status)
      select a.id, a.username, a.email, a.full_name, a.institution_id, a.roles, a.locale, a.status
      from json_to_recordset(${accountRows}::json) as a(id uuid, username text, email text,
        full_name text, institution_id uuid, roles text[], locale text, status text)
    ), new_registrations as (
      insert into ${registrations} (account_id, institution_id, source, invited_by)
      select r.account_id, r.institution_id, r.source, r.invited_by
      from json_to_recordset(${registrationRows}::json) as r(account_id uuid, institution_id uuid,
        source text, invited_by text)
    ), new_tokens as (
      insert into ${actionTokens} (token_hash, account_id, action, created_by, expires_at, voided_at)
      select decode(t.token_hash, 'base64'), t.account_id, t.action, t.created_by, t.expires_at, t.voided_at
      from json_to_recordset(${tokenRows}::json) as t(token_hash text, account_id uuid, action text,
        created_by text, expires_at timestamptz, voided_at timestamptz)
    ), audit as (
      ${auditEventsInsert(events)}
    )
    select 1`);
}

/** One registration: `startRegistrations` with one row; a refusal is thrown. */
export async function startRegistration(
  ctx: EnrollmentContext,
  tx: Tx,
  input: StartRegistrationInput,
): Promise<StartedRegistration> {
  const [outcome] = await startRegistrations(ctx, tx, [input]);
  if (outcome!.result === 'refused') throw outcome!.error;
  const { accountId, resent, expiresAt } = outcome!;
  return { accountId, resent, expiresAt };
}
