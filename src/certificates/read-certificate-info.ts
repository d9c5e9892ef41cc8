/**
 * "Info" of a certificate in Daftar Sertifikat Elektronik: serial, issuer, SHA-256 fingerprint, key
 * usages, validity and the status history, for the holder or staff with `certificate.read`.
 *
 * The history is read from the audit log, not from a table of its own: every status change
 * (issued, suspended, released, revoked) and every keystore download or passphrase change already
 * writes an audit event in the same transaction, in a chain that cannot be edited afterwards; a
 * second table would be a copy that could drift from it. The events are found by their two
 * targets (`subscriber_certificate:<id>` and `certificate:<ca>/<serial>`, indexed).
 */
import crypto from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { auditEvents, revocationRequests } from '../db/schema.js';
import type { AccountRow } from '../identity/accounts.js';
import { x509 } from '../pki/x509.js';
import type { CertificatesContext } from './certificates-context.js';
import { loadReadableCertificate } from './certificate-records.js';
import { certificateRowOf } from './certificate-files.js';
import { certificateDisplayStatus, type CertificateDisplayStatus } from './subscriber-status.js';

/** The audit actions that make a certificate's status history, and what each one means. */
export const historyEvents = {
  'subscriber_certificate.issued': 'issued',
  'certificate.hold': 'suspended',
  'certificate.release': 'released',
  'certificate.revoke': 'revoked',
  'subscriber_certificate.passphrase_changed': 'passphrase_changed',
  'subscriber_certificate.keystore_downloaded': 'keystore_downloaded',
  'subscriber_certificate.passphrase_locked': 'passphrase_locked',
} as const;

export type HistoryEvent = (typeof historyEvents)[keyof typeof historyEvents];

export interface CertificateInfo {
  id: string;
  serial: string;
  subject: string;
  issuer: string;
  sha256Fingerprint: string;
  keyAlgorithm: string;
  keyUsages: string[];
  extendedKeyUsages: string[];
  notBefore: string;
  notAfter: string;
  status: CertificateDisplayStatus;
  history: { at: string; event: HistoryEvent }[];
}

const keyUsageNames = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export async function readCertificateInfo(
  ctx: CertificatesContext,
  actor: AccountRow,
  id: unknown,
): Promise<CertificateInfo> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadReadableCertificate(tx, actor, id);
    const cert = await certificateRowOf(tx, row);
    const parsed = new x509.X509Certificate(cert.der);
    const ku = parsed.getExtension(x509.KeyUsagesExtension);
    const eku = parsed.getExtension(x509.ExtendedKeyUsageExtension);
    const events = await tx
      .select({ at: auditEvents.occurredAt, action: auditEvents.action })
      .from(auditEvents)
      .where(
        inArray(auditEvents.target, [
          `subscriber_certificate:${row.id}`,
          `certificate:${cert.authorityId}/${cert.serial}`,
        ]),
      )
      .orderBy(asc(auditEvents.id));
    const [pending] = await tx
      .select({ id: revocationRequests.id })
      .from(revocationRequests)
      .where(
        and(eq(revocationRequests.subscriberCertificateId, row.id), eq(revocationRequests.status, 'pending')),
      );
    const now = new Date(ctx.now?.() ?? Date.now());
    return {
      id: row.id,
      serial: cert.serial,
      subject: cert.subjectDn,
      issuer: parsed.issuer,
      sha256Fingerprint: crypto
        .createHash('sha256')
        .update(cert.der)
        .digest('hex')
        .toUpperCase()
        .replace(/(..)(?!$)/g, '$1:'),
      keyAlgorithm: row.keyAlgorithm,
      keyUsages: ku ? keyUsageNames.filter((_, i) => (ku.usages & (1 << i)) !== 0) : [],
      extendedKeyUsages: eku ? eku.usages.map(String) : [],
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      status: certificateDisplayStatus(
        {
          notAfter: cert.notAfter,
          revokedAt: cert.revokedAt,
          revocationReason: cert.revocationReason,
          replaced: row.replacedBy !== null,
          renewalDue: row.renewalDueAt !== null,
          revocationPending: pending !== undefined,
        },
        now,
      ),
      history: events.flatMap((e) =>
        Object.hasOwn(historyEvents, e.action)
          ? [{ at: e.at.toISOString(), event: historyEvents[e.action as keyof typeof historyEvents] }]
          : [],
      ),
    };
  });
}
