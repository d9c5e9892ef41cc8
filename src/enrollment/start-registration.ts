/**
 * Starts a registration: a pending subscriber account of the institution, its `registrations` row
 * and the "[BSrE] Aktivasi Akun" e-mail with the wizard's link (seed 002). Every way in — an
 * invitation, a CSV row, the HR system's `POST /api/v2/user/registration`, self-registration —
 * ends here, in the caller's transaction (so a CSV import can batch rows).
 *
 * An e-mail that already has a registration still open at this institution is sent a fresh link
 * (the old one ends); any other existing account is refused with ERR_ACCOUNT_EXISTS.
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import { accounts, institutions, registrations, type RegistrationSource } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { createAccount, hasControlCharacters } from '../identity/accounts.js';
import { createActionLink } from '../identity/action-links.js';
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
  if (!emailPattern.test(email))
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

/** A username from the e-mail's local part, made unique with a number ("budi.santoso", "budi.santoso2"). */
async function freeUsername(tx: Tx, email: string): Promise<string> {
  let base = email
    .slice(0, email.lastIndexOf('@'))
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/^[._-]+/, '')
    .slice(0, 56);
  if (base.length < 3) base = `user${base}`;
  const taken = new Set(
    (
      await tx
        .select({ username: accounts.username })
        .from(accounts)
        .where(sql`lower(${accounts.username}) like ${`${base}%`}`)
    ).map((r) => r.username.toLowerCase()),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

export async function startRegistration(
  ctx: EnrollmentContext,
  tx: Tx,
  input: StartRegistrationInput,
): Promise<StartedRegistration> {
  const fullName = validFullName(input.fullName);
  const email = validEmail(input.email);
  const [institution] = await tx.select().from(institutions).where(eq(institutions.id, input.institutionId));
  if (!institution) throw new TekenError('ERR_INSTITUTION_NOT_FOUND');
  if (!institution.active)
    throw new TekenError('ERR_INPUT_INVALID', 'The institution is deactivated: it takes no registrations.');
  assertEmailDomain(email, institution.emailDomains);

  const [existing] = await tx
    .select({ id: accounts.id, status: registrations.status, institutionId: registrations.institutionId })
    .from(accounts)
    .leftJoin(registrations, eq(registrations.accountId, accounts.id))
    .where(sql`lower(${accounts.email}) = ${email}`);
  let accountId: string;
  let resent = false;
  if (existing) {
    const open = existing.status === 'invited' || existing.status === 'in_progress';
    if (!open || existing.institutionId !== institution.id)
      throw new TekenError('ERR_ACCOUNT_EXISTS', 'email: this e-mail address is already registered.', {
        details: { field: 'email' },
      });
    accountId = existing.id;
    resent = true;
  } else {
    const account = await createAccount(
      ctx.identity,
      tx,
      {
        username: await freeUsername(tx, email),
        email,
        fullName,
        institutionId: institution.id,
        roles: ['subscriber'],
        status: 'pending',
        ...(input.locale ? { locale: input.locale } : {}),
      },
      input.invitedBy,
    );
    accountId = account.id;
    await tx.insert(registrations).values({
      accountId,
      institutionId: institution.id,
      source: input.source,
      invitedBy: input.invitedBy,
    });
  }
  const hours = ctx.config.enrollment.activationLinkHours;
  const { token, expiresAt } = await createActionLink(tx, {
    accountId,
    action: 'ACTIVATE_ACCOUNT',
    lifetimeMs: hours * 3_600_000,
    createdBy: input.invitedBy,
  });
  await tx
    .update(registrations)
    .set({ updatedAt: new Date() })
    .where(and(eq(registrations.accountId, accountId)));
  await recordAuditEvent(tx, {
    actor: input.invitedBy,
    action: resent ? 'registration.link_resent' : 'registration.started',
    target: `account:${accountId}`,
    details: { institutionId: institution.id, source: input.source },
  });
  await ctx.notify(tx, {
    template: 'activate-account',
    locale: input.locale ?? 'id',
    to: email,
    data: { name: fullName, link: activationUrl(ctx.config, token), expiresInHours: String(hours) },
    idempotencyKey: `activate-account:${crypto.randomUUID()}`,
    accountId,
  });
  return { accountId, resent, expiresAt };
}
