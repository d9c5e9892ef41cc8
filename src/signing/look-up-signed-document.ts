/**
 * What Teken recorded of a document it signed, for the QR code's link (`/verifikasi?dokumen=<id>`,
 * sign-documents.ts `verificationUrl`) and `GET /api/public/verify/document/{id}`: the SHA-256 of
 * the signed PDF as Teken handed it out (`signed_documents.output_sha256`), the signer's common
 * name (what the signature itself shows anyone who opens the file), the signing time and the
 * PAdES level (from the `signed_document.signed` audit event, which the record does not repeat).
 * Never the document, nor anything else of the holder: the answer is public.
 *
 * A later signature or DSS added to the file is an incremental update, so the recorded hash is
 * then that of a revision (a prefix of the file ending at an `%%EOF`), not of the whole file: the
 * page compares both (console/src/lib/revision-hashes.ts).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { auditEvents, certificates, signedDocuments, subscriberCertificates } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { certificateFacts } from './verify/trust.js';

export interface SignedDocumentRecord {
  /** id_dokumen, 32 lower-hex characters. */
  id: string;
  /** SHA-256 of the signed PDF Teken produced, lower hex. */
  sha256: string;
  /** The signer certificate's common name (a person for eSign, an organisation for eSeal). */
  signerName: string;
  /** eSign (a person's signature) or eSeal (an organisation's seal). */
  kind: 'signature' | 'seal';
  /** The signature time-stamp's time (B-T and up), else the claimed signing time. */
  signingTime: Date;
  /** `B-B` … `B-LTA` as recorded when signed; null when the record does not say. */
  level: string | null;
}

const ID = /^[0-9a-f]{32}$/;

/** True for a well-formed id_dokumen (32 hex characters, either case). */
export const isDocumentId = (id: string) => ID.test(id.toLowerCase());

/**
 * The record of the signed document `id`. A malformed id is ERR_INPUT_INVALID, an unknown one
 * ERR_VERIFY_DOCUMENT_NOT_FOUND (a purged or downloaded PDF keeps its record, so it is found).
 *
 * @example
 * const record = await lookUpSignedDocument(rt.db, '0f1e…'); // { sha256, signerName, signingTime, level }
 */
export async function lookUpSignedDocument(db: Db, id: string): Promise<SignedDocumentRecord> {
  const key = id.toLowerCase();
  if (!ID.test(key))
    throw new TekenError('ERR_INPUT_INVALID', 'id: the document id, 32 hexadecimal characters.', {
      details: { field: 'id' },
    });
  const [row] = await db
    .select({
      id: signedDocuments.id,
      sha256: signedDocuments.outputSha256,
      signingTime: signedDocuments.signingTime,
      product: subscriberCertificates.product,
      der: certificates.der,
    })
    .from(signedDocuments)
    .innerJoin(subscriberCertificates, eq(subscriberCertificates.id, signedDocuments.subscriberCertificateId))
    .leftJoin(
      certificates,
      and(
        eq(certificates.authorityId, subscriberCertificates.authorityId),
        eq(certificates.serial, subscriberCertificates.serial),
      ),
    )
    .where(eq(signedDocuments.id, key));
  if (!row) throw new TekenError('ERR_VERIFY_DOCUMENT_NOT_FOUND');
  const [event] = await db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.target, `signed_document:${key}`), eq(auditEvents.action, 'signed_document.signed')),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const level = event?.details.level;
  return {
    id: row.id,
    sha256: Buffer.from(row.sha256).toString('hex'),
    signerName: row.der ? certificateFacts(row.der).commonName : '',
    kind: row.product === 'eseal' ? 'seal' : 'signature',
    signingTime: row.signingTime,
    level: typeof level === 'string' ? level : null,
  };
}
