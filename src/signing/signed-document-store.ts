/**
 * The one-time download of a signed PDF (`GET /api/sign/download/{id_dokumen}`): the PDF is kept
 * sealed in `signed_documents.sealed_pdf` (sign-documents.ts) until its first download, which takes
 * it in one transaction that locks the row (so two parallel downloads get it once), or until `download_until`,
 * after which the purge job clears it.
 */
import { and, eq, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { signedDocuments } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { MasterKey } from '../keys/master-key.js';
import { signedDocumentAad } from './sign-documents.js';

const ID = /^[0-9a-f]{32}$/;

/**
 * The signed PDF, once. Unknown, expired, purged, or another institution's: ERR_SIGNED_DOCUMENT_NOT_FOUND;
 * downloaded already: ERR_SIGNED_DOCUMENT_DOWNLOADED.
 */
export async function takeSignedDocument(
  db: Db,
  master: MasterKey,
  institutionId: string,
  id: string,
  now = new Date(),
): Promise<{ pdf: Buffer; signingTime: Date }> {
  const key = id.toLowerCase();
  if (!ID.test(key)) throw new TekenError('ERR_SIGNED_DOCUMENT_NOT_FOUND');
  const mine = and(eq(signedDocuments.id, key), eq(signedDocuments.institutionId, institutionId));
  const found = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(signedDocuments).where(mine).for('update');
    if (!row) return null;
    if (row.sealedPdf && row.downloadUntil && row.downloadUntil > now) {
      await tx
        .update(signedDocuments)
        .set({ sealedPdf: null, downloadedAt: now })
        .where(eq(signedDocuments.id, key));
      return { kind: 'taken' as const, sealed: row.sealedPdf, signingTime: row.signingTime };
    }
    return { kind: 'gone' as const, downloadedAt: row.downloadedAt };
  });
  if (found?.kind === 'taken')
    return {
      pdf: master.open('signed-document/v1', found.sealed, signedDocumentAad(key)),
      signingTime: found.signingTime,
    };
  if (found?.kind === 'gone' && found.downloadedAt) throw new TekenError('ERR_SIGNED_DOCUMENT_DOWNLOADED');
  throw new TekenError('ERR_SIGNED_DOCUMENT_NOT_FOUND');
}

/** Clears the signed PDFs past their download time (the background jobs); the record stays. */
export async function purgeSignedDocuments(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .update(signedDocuments)
    .set({ sealedPdf: null })
    .where(and(isNotNull(signedDocuments.sealedPdf), lt(signedDocuments.downloadUntil, now)))
    .returning({ id: signedDocuments.id });
  return gone.length;
}
