/**
 * `teken subscriber add`: a subscriber onboarded without the browser (institutions migrating their
 * staff, and tests): the account and its registration with the NIK (checked, sealed, unique by
 * lookup hash), the optional NIP (checked against the NIK) and phone, in one transaction. With
 * `verified` the operator vouches for the data (the registration is VERIFIED, the account active,
 * the phone counted as verified by the operator); without it the registration waits in the RA
 * queue as submitted. No e-mail is sent: the subscriber sets a password through a link
 * (`teken admin setup-link`-style links from the console, or "Lupa Password").
 */
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { institutions, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { createAccount } from '../identity/accounts.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { parseNik } from './nik.js';
import { assertNipMatchesNik, parseNip } from './nip.js';
import { lookupHash, sealPersonal } from './personal-data.js';
import { validPhone } from './phone.js';
import { assertEmailDomain, freeUsernameFor, validEmail, validFullName } from './start-registration.js';

export interface AddSubscriberInput {
  institutionId: unknown;
  fullName: unknown;
  email: unknown;
  nik: unknown;
  phone?: unknown;
  nip?: unknown;
  verified: boolean;
}

export async function addSubscriber(
  ctx: EnrollmentContext,
  operator: string,
  input: AddSubscriberInput,
): Promise<{ accountId: string; username: string }> {
  const fullName = validFullName(input.fullName);
  const email = validEmail(input.email);
  const now = ctx.now ? { now: ctx.now() } : {};
  const nik = parseNik(input.nik, now);
  const nip = input.nip === undefined ? undefined : parseNip(input.nip, now);
  if (nip) assertNipMatchesNik(nip, nik);
  const phone = input.phone === undefined ? undefined : validPhone(input.phone);
  return ctx.db.transaction(async (tx) => {
    const [institution] =
      typeof input.institutionId === 'string' && /^[0-9a-f-]{36}$/i.test(input.institutionId)
        ? await tx.select().from(institutions).where(eq(institutions.id, input.institutionId))
        : [];
    if (!institution) throw new TekenError('ERR_INSTITUTION_NOT_FOUND');
    if (!institution.active)
      throw new TekenError('ERR_INPUT_INVALID', 'The institution is deactivated: it takes no registrations.');
    assertEmailDomain(email, institution.emailDomains);
    const nikHash = lookupHash(ctx.master, 'nik', nik.nik);
    const phoneHash = phone ? lookupHash(ctx.master, 'phone', phone) : null;
    const [taken] = await tx
      .select({ nik: registrations.nikHash, phone: registrations.phoneHash })
      .from(registrations)
      .where(
        phoneHash
          ? sql`${registrations.nikHash} = ${nikHash} or ${registrations.phoneHash} = ${phoneHash}`
          : eq(registrations.nikHash, nikHash),
      )
      .limit(1);
    if (taken) {
      const field = taken.nik && Buffer.from(taken.nik).equals(nikHash) ? 'nik' : 'phone';
      throw new TekenError(
        'ERR_RESOURCE_CONFLICT',
        `${field}: another registration has this ${field === 'nik' ? 'NIK' : 'phone number'}.`,
        {
          details: { field },
        },
      );
    }
    const username = await freeUsernameFor(tx, email);
    const account = await createAccount(
      ctx.identity,
      tx,
      {
        username,
        email,
        fullName,
        institutionId: institution.id,
        roles: ['subscriber'],
        status: input.verified ? 'active' : 'pending',
      },
      operator,
    );
    const at = new Date(ctx.now?.() ?? Date.now());
    const id = account.id;
    await tx.insert(registrations).values({
      accountId: id,
      institutionId: institution.id,
      status: input.verified ? 'verified' : 'submitted',
      source: 'cli',
      invitedBy: operator,
      step: 3,
      nikSealed: sealPersonal(ctx.master, 'registrations.nik', id, nik.nik),
      nikHash,
      ...(phone && phoneHash
        ? {
            phoneSealed: sealPersonal(ctx.master, 'registrations.phone', id, phone),
            phoneHash,
            ...(input.verified ? { phoneVerifiedAt: at, phoneVerifiedBy: operator } : {}),
          }
        : {}),
      ...(nip
        ? {
            employeeType: 'asn' as const,
            nipSealed: sealPersonal(ctx.master, 'registrations.nip', id, nip.nip),
            nipHash: lookupHash(ctx.master, 'nip', nip.nip),
            nipVerifiedBy: 'manual' as const,
          }
        : { employeeType: 'other' as const }),
      province: institution.province,
      submittedAt: at,
      ...(input.verified ? { verifiedAt: at } : {}),
    });
    await recordAuditEvent(tx, {
      actor: operator,
      action: input.verified ? 'registration.added_verified' : 'registration.added',
      target: `account:${id}`,
      details: { institutionId: institution.id, source: 'cli' },
    });
    return { accountId: id, username };
  });
}
