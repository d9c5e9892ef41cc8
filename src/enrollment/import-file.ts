/**
 * The CSV file of a registration import ("Impor Pengguna"), shared by the preview and the import:
 * its columns, its limits, and the checks of one row that need no database.
 *
 * Format (docs/enrollment.md): UTF-8 (a BOM is ignored), comma- or semicolon-separated (Excel in
 * Indonesian locales writes semicolons), a header row naming the columns in any case and order —
 * `nama` or `Nama Lengkap`, `email` or `e-mail`, and optionally `bahasa` or `locale` (`id` / `en`).
 * Other columns are ignored. Rows are numbered as a spreadsheet shows them: the header is row 1.
 *
 * Parsing is csv-parse's streaming parser (RFC 4180 quotes, embedded line breaks), so a file of any
 * allowed size is read a batch at a time and never held as rows in memory.
 */
import type crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { TekenError } from '../errors/teken-error.js';
import { hasControlCharacters } from '../identity/accounts.js';
import { isEmailAddress } from '../notify/enqueue-message.js';

export interface ImportLimits {
  /** Largest file, in bytes. */
  maxBytes: number;
  /** Most data rows. */
  maxRows: number;
}

export type ImportColumn = 'nama' | 'email' | 'bahasa';

/** What is wrong with one cell: the column and the rule it breaks, and a sentence saying so. */
export interface RowProblem {
  column: ImportColumn;
  rule: 'required' | 'max_length' | 'format' | 'domain' | 'duplicate' | 'registered' | 'one_of';
  message: string;
  /** What the message names, for a reader that words it in another language (the console). */
  params?: { row?: number; max?: number; domains?: string[] };
}

/** One data row as read (cells trimmed; `row` as a spreadsheet numbers it). */
export interface ImportRow {
  row: number;
  nama: string;
  email: string;
  locale: 'id' | 'en' | undefined;
  problems: RowProblem[];
}

/** A file on its way in: a fresh stream each time it is called (the import reads it twice). */
export type ImportSource = () => Readable;

export const sourceOfBytes =
  (bytes: Uint8Array | string): ImportSource =>
  () =>
    Readable.from([typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)]);

const headerNames: Record<string, ImportColumn> = {
  nama: 'nama',
  'nama lengkap': 'nama',
  name: 'nama',
  'full name': 'nama',
  email: 'email',
  'e-mail': 'email',
  'alamat email': 'email',
  bahasa: 'bahasa',
  locale: 'bahasa',
};

const fileInvalid = (message: string, details: Record<string, unknown> = {}) =>
  new TekenError('ERR_IMPORT_FILE_INVALID', message, { details });

/** The bytes on their way to the parser, counted (refused past the limit) and hashed. */
async function* limited(source: Readable, maxBytes: number, hash?: crypto.Hash): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.length;
    if (total > maxBytes)
      throw new TekenError('ERR_INPUT_TOO_LARGE', `file: the CSV file is larger than ${maxBytes} bytes.`, {
        details: { maxBytes },
      });
    hash?.update(bytes);
    yield bytes;
  }
}

/** The separator of the header line: the more frequent of ',' and ';'. */
function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * The file's rows, a batch at a time, each row checked on its own and against the earlier rows
 * (a repeated e-mail). Throws ERR_IMPORT_FILE_INVALID for a file that is not CSV, lacks a column
 * or has too many rows; ERR_INPUT_TOO_LARGE past the size limit.
 */
export async function* readImportRows(
  source: Readable,
  limits: ImportLimits,
  options: { batchSize: number; emailDomains: readonly string[]; hash?: crypto.Hash },
): AsyncGenerator<ImportRow[]> {
  const seen = new Map<string, number>();
  let columns: (ImportColumn | undefined)[] | undefined;
  let batch: ImportRow[] = [];
  let row = 1;
  const reader = limited(source, limits.maxBytes, options.hash);
  // The delimiter comes from the first line, so the parser starts once that has arrived.
  let head = Buffer.alloc(0);
  for (;;) {
    const next = await reader.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
    if (head.includes(10) || head.length > 64 * 1024) break;
  }
  // A spreadsheet saved as .xlsx, or any other binary file: no text file has NUL bytes.
  if (head.includes(0))
    throw fileInvalid(
      'file: not a CSV text file (it holds NUL bytes: a spreadsheet such as .xlsx, or text that is not UTF-8).',
      {
        rule: 'csv',
      },
    );
  const firstLine = head.subarray(0, Math.max(0, head.indexOf(10))).toString('utf8') || head.toString('utf8');
  const parser = parse({
    bom: true,
    delimiter: delimiterOf(firstLine),
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    max_record_size: 64 * 1024,
  });
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await reader.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  );
  rest.on('error', (error) => parser.destroy(error));
  rest.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((name) => headerNames[name.trim().toLowerCase().replace(/\s+/g, ' ')]);
        for (const needed of ['nama', 'email'] as const)
          if (!columns.includes(needed))
            throw fileInvalid(
              `header: the first row must name the columns; "${needed === 'nama' ? 'nama" (or "Nama Lengkap' : 'email'}" is missing.`,
              { column: needed, rule: 'required' },
            );
        continue;
      }
      row++;
      if (row - 1 > limits.maxRows)
        throw fileInvalid(`rows: the file has more than ${limits.maxRows} rows.`, {
          rule: 'max_rows',
          max: limits.maxRows,
        });
      const cell = (column: ImportColumn) => {
        const at = columns!.indexOf(column);
        return at >= 0 ? (record[at] ?? '').trim() : '';
      };
      const parsed = checkRow(row, cell('nama'), cell('email'), cell('bahasa'), options.emailDomains);
      const key = parsed.email.toLowerCase();
      if (!parsed.problems.some((p) => p.column === 'email')) {
        const first = seen.get(key);
        if (first !== undefined)
          parsed.problems.push({
            column: 'email',
            rule: 'duplicate',
            message: `email: the same address is on row ${first}.`,
            params: { row: first },
          });
        else seen.set(key, row);
      }
      batch.push(parsed);
      if (batch.length >= options.batchSize) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof TekenError) throw error;
    const csv = error as CsvError;
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_'))
      throw fileInvalid(
        `file: not a readable CSV file (${csv.code} near line ${(error as { lines?: number }).lines ?? '?'}).`,
        {
          rule: 'csv',
        },
      );
    throw error;
  }
  if (!columns)
    throw fileInvalid('file: the file is empty; the first row must name the columns.', { rule: 'empty' });
  if (batch.length > 0) yield batch;
}

const maxName = 200;

/** The checks of one row that need no database. */
export function checkRow(
  row: number,
  nama: string,
  email: string,
  bahasa: string,
  emailDomains: readonly string[],
): ImportRow {
  const problems: RowProblem[] = [];
  const name = nama.replace(/\s+/g, ' ');
  if (name === '')
    problems.push({ column: 'nama', rule: 'required', message: 'nama: the full name is required.' });
  else if (name.length > maxName)
    problems.push({
      column: 'nama',
      rule: 'max_length',
      message: `nama: at most ${maxName} characters.`,
      params: { max: maxName },
    });
  else if (hasControlCharacters(name))
    problems.push({ column: 'nama', rule: 'format', message: 'nama: contains control characters.' });
  const address = email.toLowerCase();
  if (address === '')
    problems.push({ column: 'email', rule: 'required', message: 'email: the e-mail address is required.' });
  else if (!emailPattern.test(address) || !isEmailAddress(address))
    problems.push({ column: 'email', rule: 'format', message: 'email: not a valid e-mail address.' });
  else if (emailDomains.length > 0 && !emailDomains.includes(address.slice(address.lastIndexOf('@') + 1)))
    problems.push({
      column: 'email',
      rule: 'domain',
      message: `email: the address must be at ${emailDomains.map((d) => `@${d}`).join(' or ')}.`,
      params: { domains: [...emailDomains] },
    });
  let locale: ImportRow['locale'];
  const lang = bahasa.toLowerCase();
  if (lang === 'id' || lang === 'en') locale = lang;
  else if (lang !== '')
    problems.push({ column: 'bahasa', rule: 'one_of', message: 'bahasa: must be "id" or "en" (or empty).' });
  return { row, nama: name, email: address === '' ? email : address, locale, problems };
}

// The same pattern as start-registration.ts's validEmail (which the import calls afterwards).
const emailPattern = /^[^\s@"(),:;<>[\\\]]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63}$/i;

/** The problem of a row whose e-mail belongs to an account that cannot be invited again. */
export const registeredProblem: RowProblem = {
  column: 'email',
  rule: 'registered',
  message: 'email: this e-mail address is already registered.',
};
