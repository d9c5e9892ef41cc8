/**
 * What the RA queues' filters share (registrations, certificate requests, selfie checks): the
 * search of a person by part of the name or e-mail (a literal ILIKE) or by a whole NIK (16 digits)
 * / NIP (18 digits) through the keyed lookup hash (the digits are never stored in clear), the
 * `from` / `to` instants of a date filter, and the page bounds. A number may be typed as it is
 * printed, in groups ("19840113 201303 2 267" for a NIP).
 */
import { eq, gte, ilike, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { accounts, registrations } from '../db/schema.js';
import { containsPattern, searchTerm } from '../db/search-pattern.js';
import { TekenError } from '../errors/teken-error.js';
import type { MasterKey } from '../keys/master-key.js';
import { lookupHash } from './personal-data.js';

/** What every RA queue's query has besides its status and institution. */
export interface QueueFilterQuery {
  /** Part of the name or e-mail (or of whatever else the queue searches), or a whole NIK or NIP. */
  q?: string;
  /** Submitted at or after / before these instants. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface PersonSearchColumns {
  /** Matched in part, case-insensitively: the name, the e-mail, a certificate's CN… */
  text: readonly (AnyColumn | SQL)[];
  nikHash: AnyColumn;
  nipHash: AnyColumn;
}

/**
 * What `q` searches of a queue's holder: the account's name and e-mail (and `extra`, e.g. a CN),
 * the registration's NIK / NIP hashes; the query joins `accounts` and `registrations`.
 */
export function holderColumns(...extra: SQL[]): PersonSearchColumns {
  return {
    text: [accounts.fullName, accounts.email, ...extra],
    nikHash: registrations.nikHash,
    nipHash: registrations.nipHash,
  };
}

/** The condition of `?q=`; undefined when there is nothing to search for. */
export function personSearch(
  master: MasterKey,
  q: string | undefined,
  columns: PersonSearchColumns,
): SQL | undefined {
  const term = searchTerm(q);
  if (!term) return undefined;
  // Digits in groups (spaces, dots, dashes) are one number; a name or e-mail has letters.
  const digits = /^[\d\s.-]+$/.test(term) ? term.replace(/\D/g, '') : undefined;
  if (digits?.length === 16) return eq(columns.nikHash, lookupHash(master, 'nik', digits));
  if (digits?.length === 18) return eq(columns.nipHash, lookupHash(master, 'nip', digits));
  const pattern = containsPattern(term);
  return or(...columns.text.map((c) => ilike(c, pattern)));
}

/** `?from=` / `?to=` as a Date; a value that is no date is a 400 naming the field. */
export function queryInstant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TekenError('ERR_INPUT_INVALID', `${field}: not a date.`, { details: { field } });
  return date;
}

/** `limit` (default 50, 1 to 200) and `offset` (0 to 1,000,000) of a page. */
export function pageBounds(query: { limit?: number; offset?: number }): { limit: number; offset: number } {
  return {
    limit: Math.min(Math.max(query.limit ?? 50, 1), 200),
    offset: Math.min(Math.max(query.offset ?? 0, 0), 1_000_000),
  };
}

/**
 * The conditions of `q`, `from` and `to` on a queue: `at` is the submission instant, `text` and
 * the hashes what `q` searches. None when the query has none of them.
 */
export function queueConditions(
  master: MasterKey,
  query: QueueFilterQuery,
  on: PersonSearchColumns & { at: AnyColumn | SQL },
): SQL[] {
  const from = queryInstant(query.from, 'from');
  const to = queryInstant(query.to, 'to');
  const search = personSearch(master, query.q, on);
  const at = sql`${on.at}`;
  return [from && gte(at, from), to && lt(at, to), search].filter((c): c is SQL => c !== undefined);
}
