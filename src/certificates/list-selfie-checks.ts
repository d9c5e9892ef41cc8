/**
 * The RA's "Pengecekan Foto Diri" queue (/ra/foto-diri): the selfies of passphrase resets waiting
 * for an officer, oldest first, of the officer's institution (a CA admin: every institution),
 * paged and searched like the other RA queues (name, e-mail or a whole NIK / NIP, the submission
 * date: enrollment/queue-filters.ts), and the two photos of one check — the new selfie and the registered one — each view audited in the
 * transaction that opens it. `selfie_check.review` (authorize.ts), never on one's own reset.
 */
import { and, asc, count, eq, ne, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Tx } from '../db/open-database.js';
import {
  accounts,
  certificateRequests,
  institutions,
  registrations,
  selfieChecks,
  subscriberCertificates,
} from '../db/schema.js';
import { openPersonal } from '../enrollment/personal-data.js';
import {
  holderColumns,
  pageBounds,
  queueConditions,
  type QueueFilterQuery,
} from '../enrollment/queue-filters.js';
import { TekenError } from '../errors/teken-error.js';
import { isUuid, type AccountRow } from '../identity/accounts.js';
import { authorize, can } from '../identity/authorize.js';
import type { CertificatesContext } from './certificates-context.js';

export interface SelfieCheckSummary {
  id: string;
  requestId: string;
  accountId: string;
  fullName: string;
  email: string;
  institutionId: string;
  institutionName: string;
  /** The serial of the certificate the reset replaces. */
  serial: string | null;
  status: 'pending' | 'matched' | 'refused';
  submittedAt: string;
}

export interface SelfieCheckQuery extends QueueFilterQuery {
  status?: 'pending' | 'matched' | 'refused';
  institutionId?: string;
}

export async function listSelfieChecks(
  ctx: Pick<CertificatesContext, 'db' | 'master'>,
  actor: AccountRow,
  query: SelfieCheckQuery = {},
): Promise<{ total: number; checks: SelfieCheckSummary[] }> {
  const all = actor.roles.includes('ca_admin') && actor.status === 'active';
  if (!all) authorize(actor, 'selfie_check.review', { institutionId: actor.institutionId });
  // Nobody reviews their own reset: it is not even listed (nor counted) for them.
  const where: SQL[] = [
    eq(selfieChecks.status, query.status ?? 'pending'),
    ne(selfieChecks.accountId, actor.id),
  ];
  const institutionId = all ? query.institutionId : actor.institutionId;
  if (institutionId) where.push(eq(selfieChecks.institutionId, institutionId));
  where.push(...queueConditions(ctx.master, query, { at: selfieChecks.createdAt, ...holderColumns() }));
  const condition = and(...where);
  const { limit, offset } = pageBounds(query);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(selfieChecks)
    .innerJoin(accounts, eq(accounts.id, selfieChecks.accountId))
    .leftJoin(registrations, eq(registrations.accountId, selfieChecks.accountId))
    .where(condition);
  const rows = await ctx.db
    .select({
      check: selfieChecks,
      fullName: accounts.fullName,
      email: accounts.email,
      institutionName: institutions.name,
      serial: subscriberCertificates.serial,
    })
    .from(selfieChecks)
    .innerJoin(accounts, eq(accounts.id, selfieChecks.accountId))
    .innerJoin(institutions, eq(institutions.id, selfieChecks.institutionId))
    .innerJoin(certificateRequests, eq(certificateRequests.id, selfieChecks.requestId))
    .leftJoin(subscriberCertificates, eq(subscriberCertificates.id, certificateRequests.replacesId))
    .leftJoin(registrations, eq(registrations.accountId, selfieChecks.accountId))
    .where(condition)
    .orderBy(asc(selfieChecks.createdAt), asc(selfieChecks.id))
    .limit(limit)
    .offset(offset);
  return {
    total: total?.n ?? 0,
    checks: rows
      .filter((row) => can(actor, 'selfie_check.review', row.check))
      .map((row) => ({
        id: row.check.id,
        requestId: row.check.requestId,
        accountId: row.check.accountId,
        fullName: row.fullName,
        email: row.email,
        institutionId: row.check.institutionId,
        institutionName: row.institutionName,
        serial: row.serial,
        status: row.check.status,
        submittedAt: row.check.createdAt.toISOString(),
      })),
  };
}

/** A check the actor may review; anything else does not exist for them. */
export async function loadSelfieCheck(
  tx: Tx,
  actor: AccountRow,
  id: unknown,
  options: { forUpdate?: boolean } = {},
) {
  if (!isUuid(id)) throw new TekenError('ERR_SELFIE_CHECK_NOT_FOUND');
  const query = tx.select().from(selfieChecks).where(eq(selfieChecks.id, id));
  const [check] = options.forUpdate ? await query.for('update') : await query;
  if (!check) throw new TekenError('ERR_SELFIE_CHECK_NOT_FOUND');
  if (can(actor, 'selfie_check.review', check)) return check;
  const own = actor.id === check.accountId;
  const staff = can(actor, 'selfie_check.review', { institutionId: check.institutionId });
  throw new TekenError(own || staff ? 'ERR_AUTH_FORBIDDEN' : 'ERR_SELFIE_CHECK_NOT_FOUND');
}

/** `selfie`: the reset's new selfie; `registered`: the registration's. */
export type SelfieCheckPhoto = 'selfie' | 'registered';

export async function readSelfieCheckPhoto(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
  photo: SelfieCheckPhoto,
): Promise<{ bytes: Buffer; type: string }> {
  return ctx.db.transaction(async (tx) => {
    const check = await loadSelfieCheck(tx, actor, id);
    let bytes: Buffer;
    let type: string;
    if (photo === 'selfie') {
      bytes = openPersonal(ctx.master, 'selfie_checks.selfie', check.accountId, check.selfieSealed);
      type = check.selfieType;
    } else {
      const [registration] = await tx
        .select({ sealed: registrations.selfieSealed, type: registrations.selfieType })
        .from(registrations)
        .where(eq(registrations.accountId, check.accountId));
      if (!registration?.sealed)
        throw new TekenError('ERR_REGISTRATION_NO_PHOTO', 'registered: the registration has no selfie.');
      bytes = openPersonal(ctx.master, 'registrations.selfie', check.accountId, registration.sealed);
      type = registration.type ?? 'image/jpeg';
    }
    await recordAuditEvent(tx, {
      actor: `account:${actor.id}`,
      action: 'selfie_check.photo_viewed',
      target: `selfie_check:${check.id}`,
      details: { photo, accountId: check.accountId },
    });
    return { bytes, type };
  });
}
