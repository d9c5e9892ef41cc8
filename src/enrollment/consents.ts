/**
 * The three consent documents of the wizard (Kebijakan Privasi, Perjanjian Pemilik Sertifikat
 * Elektronik, Persetujuan Pemrosesan Data Pribadi), each versioned, in Indonesian and English, from
 * assets/consents/ (templates an operator replaces; see the note at the top of each). A
 * registration's consents are `{document, version, acceptedAt}` records; only the current version
 * of each document counts, so a new version asks for consent again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsentRecord } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';

export type ConsentDocumentId = ConsentRecord['document'];
export type ConsentLocale = 'id' | 'en';

export interface ConsentDocument {
  document: ConsentDocumentId;
  version: string;
  title: Record<ConsentLocale, string>;
  text: Record<ConsentLocale, string>;
}

export const consentDocumentIds: readonly ConsentDocumentId[] = [
  'privacy_policy',
  'subscriber_agreement',
  'data_processing',
];

const consentsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/consents');

let loaded: ConsentDocument[] | undefined;

/** The current documents (read once). */
export function consentDocuments(): readonly ConsentDocument[] {
  if (loaded) return loaded;
  const index = JSON.parse(fs.readFileSync(path.join(consentsDir, 'consents.json'), 'utf8')) as {
    documents: { document: ConsentDocumentId; version: string; title: Record<ConsentLocale, string> }[];
  };
  loaded = consentDocumentIds.map((id) => {
    const entry = index.documents.find((d) => d.document === id);
    if (!entry) throw new Error(`assets/consents/consents.json has no document ${id}`);
    const read = (locale: ConsentLocale) =>
      fs.readFileSync(path.join(consentsDir, `${id}.${locale}.md`), 'utf8');
    return {
      document: id,
      version: entry.version,
      title: entry.title,
      text: { id: read('id'), en: read('en') },
    };
  });
  return loaded;
}

/** The consents of `records` that are for the current version of their document. */
export function currentConsents(records: readonly ConsentRecord[]): ConsentRecord[] {
  const docs = consentDocuments();
  return records.filter((r) => docs.some((d) => d.document === r.document && d.version === r.version));
}

/** The documents whose current version has no consent in `records`. */
export function missingConsents(records: readonly ConsentRecord[]): ConsentDocumentId[] {
  const current = currentConsents(records);
  return consentDocuments()
    .filter((d) => !current.some((r) => r.document === d.document))
    .map((d) => d.document);
}

/**
 * Records the consents to `accepted` (each the current version of a document) at `at`, replacing
 * older records of the same documents; refuses unknown documents and old versions.
 */
export function acceptConsents(
  records: readonly ConsentRecord[],
  accepted: readonly { document: unknown; version: unknown }[],
  at: Date,
): ConsentRecord[] {
  const docs = consentDocuments();
  const next = new Map(records.map((r) => [r.document, r]));
  for (const [i, a] of accepted.entries()) {
    const doc = docs.find((d) => d.document === a.document);
    const field = `accepted[${i}]`;
    if (!doc)
      throw new TekenError('ERR_INPUT_INVALID', `${field}.document: not a consent document.`, {
        details: { field: `${field}.document`, rule: 'document' },
      });
    if (a.version !== doc.version)
      throw new TekenError(
        'ERR_CONSENT_OUTDATED',
        `${field}.version: "${doc.title.en}" is now version ${doc.version}; read it again and accept that version.`,
        {
          details: {
            field: `${field}.version`,
            rule: 'current_version',
            document: doc.document,
            version: doc.version,
          },
        },
      );
    const existing = next.get(doc.document);
    if (existing?.version !== doc.version)
      next.set(doc.document, { document: doc.document, version: doc.version, acceptedAt: at.toISOString() });
  }
  return consentDocumentIds.flatMap((id) => (next.has(id) ? [next.get(id)!] : []));
}
