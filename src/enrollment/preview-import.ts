/**
 * The preview of a CSV registration import: every row checked as the import would check it — the
 * name, the e-mail's form, the institution's domains, a repeat within the file, an address already
 * registered — and nothing written. Rows whose address has a registration still open at this
 * institution are not problems: the import sends them a fresh link ("resend").
 */
import { inArray, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Db } from '../db/open-database.js';
import { accounts, institutions, registrations } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from '../identity/accounts.js';
import { authorize } from '../identity/authorize.js';
import { eq } from 'drizzle-orm';
import type { EnrollmentContext } from './enrollment-context.js';
import { readImportRows, registeredProblem, type ImportRow, type RowProblem } from './import-file.js';

/** Who imports: a signed-in RA officer or institution admin, or the operator at the CLI. */
export type Importer = { account: AccountRow } | { operator: string };

export const importerActor = (importer: Importer) =>
  'account' in importer ? `account:${importer.account.id}` : importer.operator;

export interface PreviewRow {
  row: number;
  nama: string;
  email: string;
  bahasa: 'id' | 'en' | null;
  status: 'new' | 'resend' | 'invalid';
  problems: RowProblem[];
}

export interface ImportPreview {
  institutionId: string;
  counts: { rows: number; new: number; resend: number; invalid: number };
  /** Every row with a problem and the first rows without, at most `PREVIEW_ROWS`, in file order. */
  rows: PreviewRow[];
  /** Whether rows were left out of `rows`. */
  truncated: boolean;
}

export const PREVIEW_ROWS = 1000;
const LOOKUP_BATCH = 1000;

/** The institution an import goes to, after the importer's authorization for it. */
export async function importInstitution(db: Db, importer: Importer, institutionId: string) {
  if ('account' in importer) authorize(importer.account, 'registration.invite', { institutionId });
  const [institution] = await db.select().from(institutions).where(eq(institutions.id, institutionId));
  if (!institution) throw new TekenError('ERR_INSTITUTION_NOT_FOUND');
  if (!institution.active)
    throw new TekenError('ERR_INPUT_INVALID', 'The institution is deactivated: it takes no registrations.');
  return institution;
}

/** Which of `emails` (lowercase) have an account: 'open' = a registration open at `institutionId`. */
export async function registeredEmails(
  db: Db,
  institutionId: string,
  emails: string[],
): Promise<Map<string, 'open' | 'registered'>> {
  const found = new Map<string, 'open' | 'registered'>();
  if (emails.length === 0) return found;
  const rows = await db
    .select({
      email: sql<string>`lower(${accounts.email})`,
      status: registrations.status,
      institutionId: registrations.institutionId,
    })
    .from(accounts)
    .leftJoin(registrations, eq(registrations.accountId, accounts.id))
    .where(inArray(sql`lower(${accounts.email})`, emails));
  for (const r of rows) {
    const open = (r.status === 'invited' || r.status === 'in_progress') && r.institutionId === institutionId;
    found.set(r.email, open ? 'open' : 'registered');
  }
  return found;
}

export async function previewImport(
  ctx: EnrollmentContext,
  importer: Importer,
  institutionId: string,
  file: Readable,
): Promise<ImportPreview> {
  const institution = await importInstitution(ctx.db, importer, institutionId);
  const counts = { rows: 0, new: 0, resend: 0, invalid: 0 };
  const rows: PreviewRow[] = [];
  let truncated = false;
  const limits = {
    maxBytes: ctx.config.enrollment.importMaxBytes,
    maxRows: ctx.config.enrollment.importMaxRows,
  };
  for await (const batch of readImportRows(file, limits, {
    batchSize: LOOKUP_BATCH,
    emailDomains: institution.emailDomains,
  })) {
    const known = await registeredEmails(
      ctx.db,
      institution.id,
      batch.filter((r) => r.problems.length === 0).map((r) => r.email),
    );
    for (const r of batch) {
      const state = r.problems.length === 0 ? known.get(r.email) : undefined;
      if (state === 'registered') r.problems.push(registeredProblem);
      const status = r.problems.length > 0 ? 'invalid' : state === 'open' ? 'resend' : 'new';
      counts.rows++;
      counts[status]++;
      // Rows with problems always find room: a clean row is dropped for them past the cap.
      if (rows.length < PREVIEW_ROWS) rows.push(previewRow(r, status));
      else if (status === 'invalid') {
        const clean = rows.findLastIndex((p) => p.status !== 'invalid');
        truncated = true;
        if (clean >= 0) {
          rows.splice(clean, 1);
          rows.push(previewRow(r, status));
        }
      } else truncated = true;
    }
  }
  return { institutionId: institution.id, counts, rows, truncated };
}

function previewRow(r: ImportRow, status: PreviewRow['status']): PreviewRow {
  return { row: r.row, nama: r.nama, email: r.email, bahasa: r.locale ?? null, status, problems: r.problems };
}
