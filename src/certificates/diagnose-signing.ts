/**
 * "Deteksi Mandiri" (seed 004's self-diagnosis, issue 10 "Status for the eSign API and the
 * console"): why signing would fail today for this account, and what to do, as findings with a
 * stable code the console words in plain Indonesian (or English). The one status per user comes
 * from subscriber-status.ts, as the eSign API and the dashboard show it; the findings add what the
 * status alone does not say (a locked passphrase, a profile change waiting for the RA, an
 * unverified phone, the end of validity coming).
 *
 * - certificate expired or revoked → renew (Perpanjangan);
 * - passphrase locked → wait until the lock ends, or reset the passphrase;
 * - data changed → waiting for the RA's approval (then renew, the certificate shows Renew);
 * - not verified → the RA of the institution;
 * - phone not verified → verify it (Pengaturan → Nomor HP).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { changeRequests, certificateRequests, registrations } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import type { CertificatesContext } from './certificates-context.js';
import {
  certificateDisplayStatus,
  loadUserStatus,
  type CertificateDisplayStatus,
  type UserStatus,
} from './subscriber-status.js';
import { passphraseSubject } from './unlock-subscriber-key.js';

export type FindingCode =
  | 'not_registered'
  | 'registration_incomplete'
  | 'not_verified'
  | 'no_certificate'
  | 'request_waiting'
  | 'passphrase_not_set'
  | 'certificate_expired'
  | 'certificate_revoked'
  | 'certificate_suspended'
  | 'renewal_due'
  | 'renewal_waiting'
  | 'data_change_pending'
  | 'passphrase_locked'
  | 'expires_soon'
  | 'revocation_pending'
  | 'phone_not_verified';

/** What the user can do about a finding; the console links each to its page. */
export type FindingAction =
  | 'renew'
  | 'reset_passphrase'
  | 'wait'
  | 'contact_ra'
  | 'verify_phone'
  | 'new_request'
  | 'complete_registration'
  | 'check_email';

export interface Finding {
  code: FindingCode;
  /** `blocking`: signing fails today because of it; `warning`: it works, but see to it. */
  severity: 'blocking' | 'warning';
  actions: FindingAction[];
  /** The certificate it is about. */
  certificateId: string | null;
  /** When a lock ends, or when the certificate ends. */
  until: Date | null;
}

export interface SigningDiagnosis {
  status: UserStatus;
  /** Signing with the current certificate would work now. */
  canSign: boolean;
  certificate: { id: string; status: CertificateDisplayStatus; notAfter: Date } | null;
  findings: Finding[];
}

const dayMs = 86_400_000;

export async function diagnoseSigning(
  ctx: CertificatesContext,
  actor: AccountRow,
): Promise<SigningDiagnosis> {
  const now = new Date(ctx.now?.() ?? Date.now());
  const db = ctx.db;
  const { status, facts, certificateId } = await loadUserStatus(db, actor.id, 'esign', now);
  const findings: Finding[] = [];
  const add = (
    code: FindingCode,
    severity: Finding['severity'],
    actions: FindingAction[],
    extra: { certificateId?: string | null; until?: Date | null } = {},
  ) =>
    findings.push({
      code,
      severity,
      actions,
      certificateId: extra.certificateId ?? null,
      until: extra.until ?? null,
    });

  const current = facts.current;
  const shown = current ? certificateDisplayStatus(current, now) : null;
  const [openRequest] = await db
    .select({ kind: certificateRequests.kind, status: certificateRequests.status })
    .from(certificateRequests)
    .where(
      and(
        eq(certificateRequests.accountId, actor.id),
        eq(certificateRequests.product, 'esign'),
        inArray(certificateRequests.status, ['submitted', 'approved']),
      ),
    );

  // The registration first: without a verified one nothing else matters.
  if (!facts.registration) add('not_registered', 'blocking', ['contact_ra']);
  else if (facts.registration === 'invited' || facts.registration === 'in_progress')
    add('registration_incomplete', 'blocking', ['complete_registration']);
  else if (facts.registration !== 'verified') add('not_verified', 'blocking', ['contact_ra']);
  else {
    if (!current) {
      if (openRequest?.status === 'submitted') add('request_waiting', 'blocking', ['wait']);
      else if (openRequest?.status === 'approved') add('passphrase_not_set', 'blocking', ['check_email']);
      else add('no_certificate', 'blocking', ['new_request']);
    } else {
      const id = certificateId;
      const renewing = openRequest
        ? openRequest.status === 'approved'
          ? (['check_email'] as FindingAction[])
          : (['wait'] as FindingAction[])
        : (['renew'] as FindingAction[]);
      if (shown === 'Expired')
        add('certificate_expired', 'blocking', renewing, { certificateId: id, until: current.notAfter });
      else if (shown === 'Revoked') add('certificate_revoked', 'blocking', renewing, { certificateId: id });
      else if (shown === 'Suspended')
        add('certificate_suspended', 'blocking', ['contact_ra'], { certificateId: id });
      else {
        if (shown === 'Renew') add('renewal_due', 'blocking', renewing, { certificateId: id });
        else if (
          current.notAfter.getTime() - now.getTime() <=
          ctx.config.certificates.renewalWindowDays * dayMs
        )
          add('expires_soon', 'warning', renewing, { certificateId: id, until: current.notAfter });
        if (shown === 'On Revoke') add('revocation_pending', 'warning', ['wait'], { certificateId: id });
        if (openRequest && shown !== 'Renew')
          add('renewal_waiting', 'warning', renewing, { certificateId: id });
      }
      // A locked passphrase blocks signing with any certificate still usable.
      if (id) {
        const key = ctx.guard.subjectKey('passphrase', passphraseSubject(id));
        const until = (await ctx.guard.blocks([key])).get(key);
        if (until)
          add('passphrase_locked', 'blocking', ['wait', 'reset_passphrase'], { certificateId: id, until });
      }
    }
    const [pendingChange] = await db
      .select({ id: changeRequests.id })
      .from(changeRequests)
      .where(and(eq(changeRequests.accountId, actor.id), eq(changeRequests.status, 'pending')));
    if (pendingChange) add('data_change_pending', 'warning', ['wait']);
  }
  if (ctx.config.notify.whatsapp && facts.registration) {
    const [registration] = await db
      .select({ verifiedAt: registrations.phoneVerifiedAt })
      .from(registrations)
      .where(eq(registrations.accountId, actor.id));
    if (registration && !registration.verifiedAt) add('phone_not_verified', 'warning', ['verify_phone']);
  }
  const canSign = status === 'ISSUE' && !findings.some((f) => f.severity === 'blocking');
  return {
    status,
    canSign,
    certificate:
      current && certificateId && shown
        ? { id: certificateId, status: shown, notAfter: current.notAfter }
        : null,
    findings,
  };
}
