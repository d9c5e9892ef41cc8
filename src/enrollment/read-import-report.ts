/**
 * An import's per-row report as CSV (row, nama, email, result, reason), batch by batch as the rows
 * were committed. It goes back to the institution that sent the file, so e-mails are in full.
 */
import { asc, eq } from 'drizzle-orm';
import { enrollmentImportBatches } from '../db/schema.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { reportAad, type ReportLine } from './import-registrations.js';
import type { Importer } from './preview-import.js';
import { readImport } from './read-import.js';

export const REPORT_HEADER = 'row,nama,email,result,reason';

/** One CSV field: quoted when needed; a leading =, +, - or @ is neutralised (spreadsheet formulas). */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function* readImportReport(
  ctx: EnrollmentContext,
  importer: Importer,
  importId: string,
): AsyncGenerator<string> {
  await readImport(ctx, importer, importId);
  yield `${REPORT_HEADER}\r\n`;
  let after = 0;
  for (;;) {
    const batches = await ctx.db
      .select()
      .from(enrollmentImportBatches)
      .where(eq(enrollmentImportBatches.importId, importId))
      .orderBy(asc(enrollmentImportBatches.firstRow))
      .offset(after)
      .limit(20);
    if (batches.length === 0) return;
    after += batches.length;
    for (const batch of batches) {
      const lines = JSON.parse(
        ctx.master
          .open('personal-data/v1', batch.sealedReport, reportAad(importId, batch.firstRow))
          .toString('utf8'),
      ) as ReportLine[];
      yield lines.map((line) => `${line.map(csvField).join(',')}\r\n`).join('');
    }
  }
}
