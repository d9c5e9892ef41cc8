/**
 * The CSV registration import ("Impor Pengguna"): a job in `enrollment_imports` that registers the
 * file's rows a batch at a time (TEKEN_IMPORT_BATCH_ROWS, 500, per transaction, through `startRegistrations`),
 * each batch committing its registrations, their links, mails and audit events, its part of the
 * sealed per-row report and the job's progress counters together.
 *
 * Survives a process that dies mid-way: the job is named by the institution and the file's SHA-256,
 * and starting the same file again at the same institution while its job is unfinished (running or
 * failed) resumes that job after its last committed batch — the rows already done are neither
 * registered nor mailed again. A file imported again after its job finished is a new import with
 * the ordinary rules: rows already registered are refused ("already registered"), rows whose
 * registration is still open get a fresh link (the old one ends), as an invitation would.
 *
 * Nothing personal is logged: the job's id and counts only. The report holds the full e-mail
 * addresses (it goes back to the institution that sent the file) and is sealed at rest.
 */
import crypto from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { enrollmentImportBatches, enrollmentImports, institutions } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { readImportRows, type ImportSource } from './import-file.js';
import { importerActor, importInstitution, type Importer } from './preview-import.js';
import { startRegistrations } from './start-registration.js';

export interface ImportProgress {
  id: string;
  institutionId: string;
  status: 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  createdRows: number;
  resentRows: number;
  refusedRows: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** When the import was last resumed after it had stopped unfinished; null if it never was. */
  resumedAt: Date | null;
}

/** One line of the report: the row number, nama, email, result, reason (empty unless refused). */
export type ReportLine = [number, string, string, 'created' | 'resent' | 'refused', string];

export const reportAad = (importId: string, firstRow: number) =>
  `enrollment_import_batches.report:${importId}:${firstRow}`;

export function progressOf(row: typeof enrollmentImports.$inferSelect): ImportProgress {
  return {
    id: row.id,
    institutionId: row.institutionId,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdRows: row.createdRows,
    resentRows: row.resentRows,
    refusedRows: row.refusedRows,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    resumedAt: row.resumedAt,
  };
}

/**
 * Checks the file whole (size, columns, row count; ERR_IMPORT_FILE_INVALID before anything is
 * written) and opens its job, or finds the unfinished job of the same file to resume.
 */
export async function openImport(
  ctx: EnrollmentContext,
  importer: Importer,
  institutionId: string,
  source: ImportSource,
): Promise<{ job: ImportProgress; resumed: boolean }> {
  const institution = await importInstitution(ctx.db, importer, institutionId);
  const hash = crypto.createHash('sha256');
  let totalRows = 0;
  for await (const batch of readImportRows(source(), limitsOf(ctx), {
    batchSize: 5000,
    emailDomains: [],
    hash,
  }))
    totalRows += batch.length;
  if (totalRows === 0)
    throw new TekenError('ERR_IMPORT_FILE_INVALID', 'rows: the file has no data rows.', {
      details: { rule: 'no_rows' },
    });
  const fileSha256 = hash.digest();
  return ctx.db.transaction(async (tx) => {
    const [unfinished] = await tx
      .select()
      .from(enrollmentImports)
      .where(
        and(
          eq(enrollmentImports.institutionId, institution.id),
          eq(enrollmentImports.fileSha256, fileSha256),
          inArray(enrollmentImports.status, ['running', 'failed']),
        ),
      )
      .orderBy(desc(enrollmentImports.createdAt))
      .limit(1);
    const actor = importerActor(importer);
    if (unfinished) {
      const [resumed] = await tx
        .update(enrollmentImports)
        .set({ status: 'running', resumedAt: new Date() })
        .where(eq(enrollmentImports.id, unfinished.id))
        .returning();
      await recordAuditEvent(tx, {
        actor,
        action: 'registration.import_resumed',
        target: `enrollment_import:${unfinished.id}`,
        details: { institutionId: institution.id, processedRows: unfinished.processedRows },
      });
      return { job: progressOf(resumed!), resumed: true };
    }
    const [created] = await tx
      .insert(enrollmentImports)
      .values({
        id: crypto.randomUUID(),
        institutionId: institution.id,
        startedBy: actor,
        totalRows,
        fileSha256,
      })
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'registration.import_started',
      target: `enrollment_import:${created!.id}`,
      details: { institutionId: institution.id, rows: totalRows },
    });
    return { job: progressOf(created!), resumed: false };
  });
}

/**
 * Runs (or resumes) a job opened by `openImport` with the same file. Each batch runs under a lock
 * of the job's row and skips the rows its counter says are done, so two runners of one job (a
 * resume while the first is still alive) never register a row twice.
 */
export async function runImport(
  ctx: EnrollmentContext,
  importId: string,
  source: ImportSource,
  options: { batchSize?: number; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportProgress> {
  const [job] = await ctx.db.select().from(enrollmentImports).where(eq(enrollmentImports.id, importId));
  if (!job) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such import.');
  const [institution] = await ctx.db
    .select({ emailDomains: institutions.emailDomains })
    .from(institutions)
    .where(eq(institutions.id, job.institutionId));
  const emailDomains = institution?.emailDomains ?? [];
  const invitedBy = `csv:${importId}`;
  let index = 0;
  try {
    for await (const batch of readImportRows(source(), limitsOf(ctx), {
      batchSize: options.batchSize ?? ctx.config.enrollment.importBatchRows,
      emailDomains,
    })) {
      const first = index;
      index += batch.length;
      const progress = await ctx.db.transaction(async (tx) => {
        const [locked] = await tx
          .select()
          .from(enrollmentImports)
          .where(eq(enrollmentImports.id, importId))
          .for('update');
        const todo = batch.slice(Math.max(0, locked!.processedRows - first));
        if (todo.length === 0) return undefined;
        const clean = todo.filter((r) => r.problems.length === 0);
        const outcomes = await startRegistrations(
          ctx,
          tx,
          clean.map((r) => ({
            institutionId: job.institutionId,
            fullName: r.nama,
            email: r.email,
            source: 'csv' as const,
            invitedBy,
            ...(r.locale ? { locale: r.locale } : {}),
          })),
        );
        const outcomeOf = new Map(clean.map((r, i) => [r, outcomes[i]!]));
        const counts = { created: 0, resent: 0, refused: 0 };
        const lines: ReportLine[] = todo.map((r) => {
          const outcome = outcomeOf.get(r);
          if (!outcome) {
            counts.refused++;
            return [r.row, r.nama, r.email, 'refused', r.problems.map((p) => p.message).join(' ')];
          }
          counts[outcome.result]++;
          return [
            r.row,
            r.nama,
            r.email,
            outcome.result,
            outcome.result === 'refused' ? outcome.error.message : '',
          ];
        });
        const firstRow = todo[0]!.row;
        await tx.insert(enrollmentImportBatches).values({
          importId,
          firstRow,
          rowCount: todo.length,
          sealedReport: ctx.master.seal(
            'personal-data/v1',
            Buffer.from(JSON.stringify(lines), 'utf8'),
            reportAad(importId, firstRow),
          ),
        });
        const [updated] = await tx
          .update(enrollmentImports)
          .set({
            processedRows: sql`${enrollmentImports.processedRows} + ${todo.length}`,
            createdRows: sql`${enrollmentImports.createdRows} + ${counts.created}`,
            resentRows: sql`${enrollmentImports.resentRows} + ${counts.resent}`,
            refusedRows: sql`${enrollmentImports.refusedRows} + ${counts.refused}`,
          })
          .where(eq(enrollmentImports.id, importId))
          .returning();
        return progressOf(updated!);
      });
      if (progress) options.onProgress?.(progress);
      // Let other requests in between batches: on PGlite's one connection the next batch would
      // otherwise queue ahead of them (the console's progress polls answered only at the end).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    await ctx.db
      .update(enrollmentImports)
      .set({ status: 'failed' })
      .where(eq(enrollmentImports.id, importId));
    throw error;
  }
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(enrollmentImports)
      .set({ status: 'done', finishedAt: new Date() })
      .where(eq(enrollmentImports.id, importId))
      .returning();
    await recordAuditEvent(tx, {
      actor: done!.startedBy,
      action: 'registration.import_finished',
      target: `enrollment_import:${importId}`,
      details: {
        institutionId: done!.institutionId,
        rows: done!.processedRows,
        created: done!.createdRows,
        resent: done!.resentRows,
        refused: done!.refusedRows,
      },
    });
    return progressOf(done!);
  });
}

/** Opens and runs an import to its end (the CLI; the HTTP route runs `runImport` in the background). */
export async function importRegistrations(
  ctx: EnrollmentContext,
  importer: Importer,
  institutionId: string,
  source: ImportSource,
  options: { batchSize?: number; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportProgress & { resumed: boolean }> {
  const { job, resumed } = await openImport(ctx, importer, institutionId, source);
  options.onProgress?.(job);
  return { ...(await runImport(ctx, job.id, source, options)), resumed };
}

function limitsOf(ctx: EnrollmentContext) {
  return { maxBytes: ctx.config.enrollment.importMaxBytes, maxRows: ctx.config.enrollment.importMaxRows };
}
