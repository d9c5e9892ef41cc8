/**
 * PostgreSQL errors that are the client's fault, as catalogue errors: a foreign key to nothing,
 * a duplicate, a value the column type refuses. Both engines raise them with the SQLSTATE in
 * `code` (pg's DatabaseError and PGlite's), and Drizzle wraps them in a DrizzleQueryError whose
 * `cause` is the driver's error. Everything else stays unmapped (a 500 with its cause in the log).
 *
 * Messages name the column, never the value (the value may be personal data).
 */
import { TekenError } from '../errors/teken-error.js';

interface PgErrorFields {
  code?: unknown;
  detail?: unknown;
  column?: unknown;
  table?: unknown;
  constraint?: unknown;
}

/** SQLSTATE class 22 values a client can send: bad text for a type, NUL in text, out of range, bad time. */
const invalidInput = new Set(['22P02', '22021', '22003', '22007', '22008', '22001', '22P05', '22023']);

/** The driver error under Drizzle's wrapper, if any error in the `cause` chain has a SQLSTATE. */
function pgErrorOf(error: unknown): PgErrorFields | undefined {
  for (let at = error, depth = 0; at && typeof at === 'object' && depth < 5; depth++) {
    const code = (at as PgErrorFields).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return at;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A unique violation (23505): in a read-then-insert transaction, the sign that a concurrent one
 * inserted the same key first; retrying the transaction lets it see that row.
 */
export function isUniqueViolation(error: unknown): boolean {
  return pgErrorOf(error)?.code === '23505';
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `Key (institution_id)=(...) is not present in table "institutions".` → the column names. */
function keyColumns(detail: unknown): string[] {
  const match = typeof detail === 'string' ? /^Key \(([^)]+)\)=/.exec(detail) : null;
  return match ? match[1]!.split(',').map((c) => camel(c.trim().replace(/^"|"$/g, ''))) : [];
}

function referencedTable(detail: unknown): string | undefined {
  const match = typeof detail === 'string' ? /is not present in table "([^"]+)"/.exec(detail) : null;
  return match?.[1];
}

/**
 * The catalogue error for a database error the client caused, or undefined. Used by the HTTP
 * error handler, so no constraint violation surfaces as a 500.
 */
export function mapDatabaseError(error: unknown): TekenError | undefined {
  const pg = pgErrorOf(error);
  if (!pg) return undefined;
  const code = pg.code as string;
  if (code === '23503') {
    const [field] = keyColumns(pg.detail);
    const table = referencedTable(pg.detail);
    if (field && table)
      return new TekenError(
        'ERR_INPUT_INVALID',
        `\`${field}\` does not refer to an existing ${table} record.`,
        {
          details: { field },
        },
      );
    // A delete or update still referenced elsewhere: the record is in use.
    if (field)
      return new TekenError('ERR_RESOURCE_CONFLICT', 'The record is still in use.', { details: { field } });
    return new TekenError('ERR_INPUT_INVALID', 'A reference in the request does not exist.');
  }
  if (code === '23505') {
    const fields = keyColumns(pg.detail);
    return new TekenError(
      'ERR_RESOURCE_CONFLICT',
      fields.length
        ? `A record with this ${fields.map((f) => `\`${f}\``).join(', ')} already exists.`
        : undefined,
      fields.length ? { details: { fields } } : {},
    );
  }
  if (code === '23502' || code === '23514')
    return new TekenError('ERR_INPUT_INVALID', 'A value in the request is missing or not allowed.');
  if (invalidInput.has(code))
    return new TekenError(
      'ERR_INPUT_INVALID',
      code === '22021'
        ? 'Text in the request holds a character that is not allowed.'
        : 'A value in the request is not valid for its field.',
    );
  return undefined;
}
