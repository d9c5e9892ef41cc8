/**
 * `teken enrollment import --institution <id> <file.csv>`: the CSV registration import from the
 * terminal, the same job as the console's "Impor Pengguna (CSV)". A progress bar on stderr
 * (redrawn in place on a terminal, a plain line every 10 % otherwise); the summary on stdout.
 */
import fs from 'node:fs';
import { importRegistrations, type ImportProgress } from '../../enrollment/import-registrations.js';
import { readImportReport } from '../../enrollment/read-import-report.js';
import { TekenError } from '../../errors/teken-error.js';
import { enrollmentContextOf } from '../../runtime/enrollment-context-of.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';

export const enrollmentImportUsage =
  'teken enrollment import --institution <id> <file.csv> [--report <file>] [--json]';

/** Draws the bar: in place on a TTY, else a line each time another tenth is done. */
export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }) {
  let lastTenth = -1;
  return {
    update(p: ImportProgress) {
      const total = Math.max(1, p.totalRows);
      const fraction = Math.min(1, p.processedRows / total);
      const text = `${p.processedRows}/${p.totalRows} rows (created ${p.createdRows}, resent ${p.resentRows}, refused ${p.refusedRows})`;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(
          `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${text}`,
        );
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`import: ${tenth * 10}% ${text}\n`);
      }
    },
    end() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

export async function enrollmentImport(
  io: CliIo,
  file: string | undefined,
  o: { institution?: string | undefined; report?: string | undefined; json: boolean },
): Promise<number> {
  if (!file || !o.institution) throw new TekenError('ERR_INPUT_INVALID', `Usage: ${enrollmentImportUsage}`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new TekenError('ERR_IMPORT_FILE_INVALID', `file: ${file} is not a readable file.`);
  return withRuntime(io, async (rt) => {
    const ctx = enrollmentContextOf(rt);
    const importer = { operator: cliActor() };
    const bar = progressPrinter(io.stderr);
    let done;
    try {
      done = await importRegistrations(ctx, importer, o.institution!, () => fs.createReadStream(file), {
        onProgress: (p) => bar.update(p),
      });
    } finally {
      bar.end();
    }
    if (o.report) {
      const out = fs.createWriteStream(o.report, { mode: 0o600 });
      for await (const chunk of readImportReport(ctx, importer, done.id)) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
    const summary = {
      id: done.id,
      institutionId: done.institutionId,
      resumed: done.resumed,
      rows: done.processedRows,
      created: done.createdRows,
      resent: done.resentRows,
      refused: done.refusedRows,
    };
    if (o.json) write(io.stdout, JSON.stringify(summary));
    else
      write(
        io.stdout,
        `Import ${done.id}${done.resumed ? ' (resumed)' : ''}: ${summary.rows} rows, ${summary.created} created, ${summary.resent} resent, ${summary.refused} refused.${o.report ? ` Report: ${o.report}` : ''}`,
      );
    return 0;
  });
}
