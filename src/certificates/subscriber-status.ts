/**
 * One status per user and product, as BSrE's eSign API reports it (shared/BSRE-API.md: ISSUE,
 * EXPIRED, RENEW, WAITING_FOR_VERIFICATION, NEW, NO_CERTIFICATE, NOT_REGISTERED, SUSPEND, REVOKE;
 * only ISSUE may sign), computed here and only here: the eSign API, the dashboard and "Deteksi
 * Mandiri" all read it. And the status of one certificate as "Daftar Sertifikat Elektronik" shows
 * it (Issued, Renew, On Revoke, Revoked, Expired, Suspended).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database.js';
import {
  certificateRequests,
  certificates,
  registrations,
  revocationRequests,
  subscriberCertificates,
  type CertificateProduct,
  type RegistrationStatus,
} from '../db/schema.js';
import { revocationReasons } from '../authority/revocation-reasons.js';

export type UserStatus =
  | 'ISSUE'
  | 'EXPIRED'
  | 'RENEW'
  | 'WAITING_FOR_VERIFICATION'
  | 'NEW'
  | 'NO_CERTIFICATE'
  | 'NOT_REGISTERED'
  | 'SUSPEND'
  | 'REVOKE';

export type CertificateDisplayStatus = 'Issued' | 'Renew' | 'On Revoke' | 'Revoked' | 'Expired' | 'Suspended';

export interface CertificateFacts {
  notAfter: Date;
  revokedAt: Date | null;
  revocationReason: number | null;
  /** Replaced by a renewal or a reset. */
  replaced: boolean;
  /** An approved profile change touched the subject. */
  renewalDue: boolean;
  /** A Pencabutan waits for the RA. */
  revocationPending: boolean;
}

/** The status one certificate shows in the list. */
export function certificateDisplayStatus(c: CertificateFacts, now: Date): CertificateDisplayStatus {
  if (c.revokedAt && c.revokedAt <= now)
    return c.revocationReason === revocationReasons.certificateHold ? 'Suspended' : 'Revoked';
  if (c.notAfter <= now) return 'Expired';
  if (c.revocationPending) return 'On Revoke';
  if (c.replaced || c.renewalDue) return 'Renew';
  return 'Issued';
}

export interface StatusFacts {
  registration: RegistrationStatus | null;
  /** An open request (submitted to the RA, or approved and waiting for the passphrase). */
  openRequest: 'submitted' | 'approved' | null;
  /** The current certificate of the product (the newest not replaced), if any. */
  current: CertificateFacts | null;
}

/** The user's status from the facts (pure; `loadUserStatus` gathers them). */
export function userStatus(f: StatusFacts, now: Date): UserStatus {
  if (!f.registration) return 'NOT_REGISTERED';
  if (f.registration === 'invited' || f.registration === 'in_progress') return 'NEW';
  if (f.registration !== 'verified') return 'WAITING_FOR_VERIFICATION';
  if (f.current) {
    const shown = certificateDisplayStatus(f.current, now);
    if (shown === 'Issued' || shown === 'On Revoke') return 'ISSUE';
    if (shown === 'Suspended') return 'SUSPEND';
    if (shown === 'Renew') return f.openRequest === 'submitted' ? 'WAITING_FOR_VERIFICATION' : 'RENEW';
    // Revoked or expired: a new request under way says so first.
    if (f.openRequest === 'submitted') return 'WAITING_FOR_VERIFICATION';
    return shown === 'Expired' ? 'EXPIRED' : 'REVOKE';
  }
  if (f.openRequest === 'submitted') return 'WAITING_FOR_VERIFICATION';
  return 'NO_CERTIFICATE';
}

/** Gathers the facts of `accountId` for `product` and computes the status. */
export async function loadUserStatus(
  db: Db | Tx,
  accountId: string,
  product: CertificateProduct = 'esign',
  now = new Date(),
): Promise<{ status: UserStatus; facts: StatusFacts; certificateId: string | null }> {
  const [registration] = await db
    .select({ status: registrations.status })
    .from(registrations)
    .where(eq(registrations.accountId, accountId));
  const [open] = await db
    .select({ status: certificateRequests.status })
    .from(certificateRequests)
    .where(
      and(
        eq(certificateRequests.accountId, accountId),
        eq(certificateRequests.product, product),
        inArray(certificateRequests.status, ['submitted', 'approved']),
      ),
    );
  const [current] = await db
    .select({
      id: subscriberCertificates.id,
      notAfter: certificates.notAfter,
      revokedAt: certificates.revokedAt,
      revocationReason: certificates.revocationReason,
      replacedBy: subscriberCertificates.replacedBy,
      renewalDueAt: subscriberCertificates.renewalDueAt,
    })
    .from(subscriberCertificates)
    .innerJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .where(
      and(
        eq(subscriberCertificates.accountId, accountId),
        eq(subscriberCertificates.product, product),
        eq(subscriberCertificates.state, 'active'),
      ),
    )
    .orderBy(desc(subscriberCertificates.createdAt))
    .limit(1);
  // "On Revoke": a Pencabutan of the current certificate waits for the RA.
  const [pending] = current
    ? await db
        .select({ id: revocationRequests.id })
        .from(revocationRequests)
        .where(
          and(
            eq(revocationRequests.subscriberCertificateId, current.id),
            eq(revocationRequests.status, 'pending'),
          ),
        )
    : [];
  const facts: StatusFacts = {
    registration: registration?.status ?? null,
    openRequest: (open?.status as 'submitted' | 'approved' | undefined) ?? null,
    current: current
      ? {
          notAfter: current.notAfter,
          revokedAt: current.revokedAt,
          revocationReason: current.revocationReason,
          replaced: current.replacedBy !== null,
          renewalDue: current.renewalDueAt !== null,
          revocationPending: pending !== undefined,
        }
      : null,
  };
  return { status: userStatus(facts, now), facts, certificateId: current?.id ?? null };
}
