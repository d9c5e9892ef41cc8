/**
 * `teken subscriber import --institution <id> <file.csv> [--issue --passphrase-column <name>]`:
 * verified subscribers in bulk, each row as `teken subscriber add --verified` (the operator vouches
 * for the data), and with `--issue` each one's eSign certificate, issued as `teken subscriber issue`
 * does, under the passphrase in that row's column. Rows are independent: a refused row is reported
 * and the import goes on. A row's passphrase is checked against the policy before the subscriber is
 * added, so a bad one leaves nothing behind; it is never printed, logged or kept.
 *
 * stdout: one line per row (`row 2: issued <account id> <serial>`, `row 3: refused ERR_…: …`) and
 * a summary, or with --json one object with every row (and each certificate as PEM). stderr: the
 * progress (in place on a terminal, a line every tenth otherwise). Exit code 0 when every row went
 * through, 1 when any was refused.
 */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { assertPassphrase, passphraseRule } from '../../certificates/passphrase-policy.js';
import { accounts } from '../../db/schema.js';
import { addSubscriber } from '../../enrollment/add-subscriber.js';
import { readSubscriberFile, type SubscriberRow } from '../../enrollment/read-subscriber-file.js';
import { TekenError, isTekenError } from '../../errors/teken-error.js';
import { certificatesContextOf } from '../../runtime/certificates-context-of.js';
import { enrollmentContextOf } from '../../runtime/enrollment-context-of.js';
import { cliActor, withRuntime, write, type CliIo } from '../cli-context.js';
import { issueAsOperator } from './subscriber-commands.js';

export const subscriberImportUsage =
  'teken subscriber import --institution <id> <file.csv> [--issue --passphrase-column <name>] [--json]';

export interface ImportedRow {
  row: number;
  email: string;
  outcome: 'added' | 'issued' | 'refused';
  accountId?: string;
  certificateId?: string;
  serial?: string;
  notAfter?: string;
  pem?: string;
  code?: string;
  message?: string;
}

/** The progress on stderr: redrawn in place on a terminal, else a line each tenth. */
function progress(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number) {
  let lastTenth = -1;
  return (done: number, counts: { added: number; issued: number; refused: number }) => {
    const fraction = total === 0 ? 1 : done / total;
    const text = `${done}/${total} rows (added ${counts.added}, issued ${counts.issued}, refused ${counts.refused})`;
    if (stream.isTTY) {
      stream.write(`\rimport: ${Math.floor(fraction * 100)}% ${text}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`import: ${tenth * 10}% ${text}\n`);
    }
  };
}

/** A refusal as the report shows it: the code and the message (which never carries the passphrase). */
function refusal(error: unknown): { code: string; message: string } {
  if (isTekenError(error)) return { code: error.code, message: error.message };
  return { code: 'ERR_SERVER_INTERNAL', message: 'Unexpected error (see the log).' };
}

export async function subscriberImport(
  io: CliIo,
  file: string | undefined,
  o: {
    institution?: string | undefined;
    issue: boolean;
    passphraseColumn?: string | undefined;
    json: boolean;
  },
): Promise<number> {
  if (!file || !o.institution || o.issue !== (o.passphraseColumn !== undefined))
    throw new TekenError('ERR_INPUT_INVALID', `Usage: ${subscriberImportUsage}`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new TekenError('ERR_IMPORT_FILE_INVALID', `file: ${file} is not a readable file.`);
  const rows = await readSubscriberFile(fs.readFileSync(file), { passphraseColumn: o.passphraseColumn });
  return withRuntime(io, async (rt) => {
    const enrollment = enrollmentContextOf(rt);
    const certificates = certificatesContextOf(rt);
    const operator = cliActor();
    const report: ImportedRow[] = [];
    const counts = { added: 0, issued: 0, refused: 0 };
    const show = progress(io.stderr, rows.length);
    show(0, counts);
    const one = async (r: SubscriberRow): Promise<ImportedRow> => {
      const base = { row: r.row, email: r.email };
      let accountId: string | undefined;
      try {
        // The passphrase first: a row refused for it adds no subscriber.
        const passphrase = o.issue ? assertPassphrase(r.passphrase ?? '') : undefined;
        ({ accountId } = await addSubscriber(enrollment, operator, {
          institutionId: o.institution,
          fullName: r.fullName,
          email: r.email,
          nik: r.nik,
          ...(r.nip !== undefined ? { nip: r.nip } : {}),
          ...(r.phone !== undefined ? { phone: r.phone } : {}),
          verified: true,
        }));
        if (passphrase === undefined) return { ...base, outcome: 'added', accountId };
        const [holder] = await rt.db.select().from(accounts).where(eq(accounts.id, accountId));
        const { issued } = await issueAsOperator(certificates, operator, holder!, 'esign', passphrase);
        return {
          ...base,
          outcome: 'issued',
          accountId,
          certificateId: issued.id,
          serial: issued.certificate.serialHex,
          notAfter: issued.certificate.notAfter.toISOString(),
          pem: issued.certificate.pem,
        };
      } catch (error) {
        if (!isTekenError(error)) rt.log.error({ err: error, row: r.row }, 'subscriber import: row failed');
        const why = refusal(error);
        if (isTekenError(error, 'ERR_PASSPHRASE_POLICY'))
          why.message = `passphrase: ${passphraseRule.en.replace(/\.$/, '')} (column "${o.passphraseColumn}").`;
        // Added but not issued: say so (a later `teken subscriber issue` finishes it).
        return { ...base, outcome: 'refused', ...(accountId ? { accountId } : {}), ...why };
      }
    };
    for (const [i, r] of rows.entries()) {
      const result = await one(r);
      counts[result.outcome]++;
      report.push(result);
      if (!o.json) {
        const line =
          result.outcome === 'refused'
            ? `row ${result.row}: refused ${result.code}: ${result.message}${result.accountId ? ` (account ${result.accountId} added, no certificate)` : ''}`
            : result.outcome === 'issued'
              ? `row ${result.row}: issued ${result.accountId} ${result.serial}`
              : `row ${result.row}: added ${result.accountId}`;
        write(io.stdout, line);
      }
      show(i + 1, counts);
    }
    const summary = `${rows.length} rows: ${counts.added} added, ${counts.issued} issued, ${counts.refused} refused.`;
    write(io.stdout, o.json ? JSON.stringify({ rows: report, ...counts, total: rows.length }) : summary);
    return counts.refused === 0 ? 0 : 1;
  });
}
