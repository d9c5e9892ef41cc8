/**
 * The CSV file of `teken subscriber import`: verified subscribers in bulk, one row per person, with
 * the data `teken subscriber add --verified` takes. UTF-8 (a BOM is ignored), comma- or
 * semicolon-separated (the more frequent in the header line), a header row naming the columns in any
 * case and order: `nama` (or `Nama Lengkap`, `name`), `email` (or `e-mail`), `nik`, and optionally
 * `nip` and `telepon` (or `phone`, `nomor hp`, `hp`). With `--issue`, the column the operator names
 * holds each row's passphrase; its cells are handed to the issuance only, never echoed or logged.
 * Other columns are ignored. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { TekenError } from '../errors/teken-error.js';

export interface SubscriberRow {
  row: number;
  fullName: string;
  email: string;
  nik: string;
  nip: string | undefined;
  phone: string | undefined;
  /** Only when a passphrase column was asked for. */
  passphrase: string | undefined;
}

type Column = 'nama' | 'email' | 'nik' | 'nip' | 'phone';

const headerNames: Record<string, Column> = {
  nama: 'nama',
  'nama lengkap': 'nama',
  name: 'nama',
  'full name': 'nama',
  email: 'email',
  'e-mail': 'email',
  'alamat email': 'email',
  nik: 'nik',
  nip: 'nip',
  telepon: 'phone',
  phone: 'phone',
  'nomor hp': 'phone',
  'no hp': 'phone',
  'nomor handphone': 'phone',
  hp: 'phone',
};

/** Most data rows one import takes. */
export const SUBSCRIBER_FILE_MAX_ROWS = 100_000;

const invalid = (message: string) => new TekenError('ERR_IMPORT_FILE_INVALID', message);
const normal = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** All rows of the file (an operator's file of a few thousand people fits in memory). */
export async function readSubscriberFile(
  bytes: Buffer,
  options: { passphraseColumn?: string | undefined } = {},
): Promise<SubscriberRow[]> {
  if (bytes.includes(0))
    throw invalid('file: not a CSV text file (it holds NUL bytes: a spreadsheet such as .xlsx?).');
  const text = bytes.toString('utf8');
  const firstLine = text.split('\n', 1)[0] ?? '';
  const parser = parse({
    bom: true,
    delimiter: firstLine.split(';').length > firstLine.split(',').length ? ';' : ',',
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    max_record_size: 64 * 1024,
  });
  Readable.from([bytes]).pipe(parser);
  const rows: SubscriberRow[] = [];
  let columns: (Column | undefined)[] | undefined;
  let passphraseAt = -1;
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((name) => headerNames[normal(name)]);
        for (const needed of ['nama', 'email', 'nik'] as const)
          if (!columns.includes(needed))
            throw invalid(`header: the first row must name the columns; "${needed}" is missing.`);
        if (options.passphraseColumn !== undefined) {
          passphraseAt = record.findIndex((name) => normal(name) === normal(options.passphraseColumn!));
          if (passphraseAt < 0)
            throw invalid(`header: there is no passphrase column "${options.passphraseColumn}".`);
        }
        continue;
      }
      row++;
      if (row - 1 > SUBSCRIBER_FILE_MAX_ROWS)
        throw invalid(`rows: the file has more than ${SUBSCRIBER_FILE_MAX_ROWS} rows.`);
      const cell = (column: Column) => {
        const at = columns!.indexOf(column);
        const value = at >= 0 ? (record[at] ?? '').trim() : '';
        return value === '' ? undefined : value;
      };
      rows.push({
        row,
        fullName: cell('nama') ?? '',
        email: cell('email') ?? '',
        nik: cell('nik') ?? '',
        nip: cell('nip'),
        phone: cell('phone'),
        // Spaces around a cell are trimmed, in the passphrase too (docs/operations.md says so).
        passphrase: passphraseAt >= 0 ? (record[passphraseAt] ?? '') : undefined,
      });
    }
  } catch (error) {
    if (error instanceof TekenError) throw error;
    const csv = error as CsvError;
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_'))
      throw invalid(
        `file: not a readable CSV file (${csv.code} near line ${(error as { lines?: number }).lines ?? '?'}).`,
      );
    throw error;
  }
  if (!columns) throw invalid('file: the file is empty; the first row must name the columns.');
  return rows;
}
