/**
 * JSON Schema building blocks for every route's body, params, querystring and responses. Input is
 * refused at the edge (400 ERR_INPUT_INVALID) before it reaches a use case or the database: ids are
 * UUIDs, integers fit the column they are compared with, and text carries no NUL or other control
 * characters (PostgreSQL refuses NUL in text; the others have no business in a name or a search).
 * Response schemas double as an allow-list: fast-json-stringify writes only the declared fields.
 */

/** Any C0 control (NUL to US), DEL and the C1 controls; single-line text also refuses line/paragraph
 * separators and the bidirectional overrides and isolates ("Trojan Source"). */
const singleLine = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*$';
/** As above, but tab and line feed are allowed. */
const multiLine =
  '^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*$';

const noNul = '^[^\\u0000]*$';

/** The patterns above, so the error handler can say "control characters" instead of the regex. */
export const controlCharacterPatterns: ReadonlySet<string> = new Set([singleLine, multiLine, noNul]);

export interface TextOptions {
  minLength?: number;
  description?: string;
}

/** One line of text: no control characters, at most `maxLength` characters. */
export const text = (maxLength: number, options: TextOptions = {}) =>
  ({ type: 'string', maxLength, pattern: singleLine, ...options }) as const;

/** Text that may span lines (a reason, a note): tab and line feed allowed, other controls not. */
export const multilineText = (maxLength: number, options: TextOptions = {}) =>
  ({ type: 'string', maxLength, pattern: multiLine, ...options }) as const;

/**
 * A password or passphrase: anything but NUL (it never reaches the database, only the hash does,
 * and a password manager may produce any printable character), at most `maxLength`.
 */
export const secret = (maxLength = 4096) => ({ type: 'string', maxLength, pattern: noNul }) as const;

/** A UUID in its canonical 8-4-4-4-12 hex form (the `urn:uuid:` prefix ajv-formats allows is not). */
export const uuid = (description?: string) =>
  ({
    type: 'string',
    format: 'uuid',
    minLength: 36,
    maxLength: 36,
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    ...(description ? { description } : {}),
  }) as const;

export const nullableUuid = { ...uuid(), type: ['string', 'null'] } as const;

/** Largest integer a JSON number carries exactly; within PostgreSQL's bigint (2^63 - 1). */
export const MAX_SAFE_BIGINT = Number.MAX_SAFE_INTEGER;
/** PostgreSQL's `integer` column range. */
export const MAX_INT4 = 2_147_483_647;

/** An integer in [minimum, maximum]; the bounds must lie within the column the value is compared with. */
export const integer = (minimum: number, maximum: number, description?: string) => {
  if (!Number.isSafeInteger(minimum) || !Number.isSafeInteger(maximum) || minimum > maximum)
    throw new Error(`integer(${minimum}, ${maximum}): bounds must be safe integers, minimum first`);
  return { type: 'integer', minimum, maximum, ...(description ? { description } : {}) } as const;
};

export const boolean = { type: 'boolean' } as const;

/** An ISO 8601 timestamp as the API writes it (`Date.toISOString()`). */
export const timestamp = { type: 'string', format: 'date-time' } as const;
export const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const;
export const nullableString = { type: ['string', 'null'] } as const;

export const stringEnum = <const T extends readonly string[]>(values: T) =>
  ({ type: 'string', enum: values }) as const;

/** An object that accepts exactly `properties`; those in `required` must be present. */
export const object = <
  P extends Record<string, unknown>,
  E extends Record<string, unknown> = Record<never, never>,
>(
  properties: P,
  required: readonly (keyof P & string)[] = [],
  extra?: E,
) =>
  ({ type: 'object', additionalProperties: false, required, properties, ...extra }) as {
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly required: readonly (keyof P & string)[];
    readonly properties: P;
  } & E;

/** Every property required: for response schemas, where the server always writes each field. */
export const strictObject = <
  P extends Record<string, unknown>,
  E extends Record<string, unknown> = Record<never, never>,
>(
  properties: P,
  extra?: E,
) => object(properties, Object.keys(properties) as (keyof P & string)[], extra);

export const arrayOf = (items: unknown, maxItems?: number) =>
  ({ type: 'array', items, ...(maxItems !== undefined ? { maxItems } : {}) }) as const;

/** `{ id }` path parameters that are UUIDs. */
export const uuidParams = object({ id: uuid() }, ['id']);

/**
 * The search and date filter of an RA queue (enrollment/queue-filters.ts): `q` as `searched`
 * says, `from` / `to` the submission instant. Spread into the querystring object with the page.
 */
export const queueFilterQuery = (
  searched = 'Part of the name or e-mail, or a whole NIK (16) or NIP (18 digits).',
) =>
  ({
    q: text(100, { description: searched }),
    from: { type: 'string', format: 'date-time', description: 'Submitted at or after.' },
    to: { type: 'string', format: 'date-time', description: 'Submitted before.' },
    limit: integer(1, 200, 'At most this many (default 50).'),
    offset: integer(0, 1_000_000),
  }) as const;

/** The shared `Problem` schema (RFC 9457 with Teken's `code`), by reference. */
export const problemRef = { $ref: 'Problem#' } as const;

/** A failure: problem+json (RFC 9457) with the shared `Problem` schema. */
export const problemResponse = {
  description: 'A problem (RFC 9457) with a stable `code` (docs/errors.md).',
  content: { 'application/problem+json': { schema: problemRef } },
} as const;

/**
 * Route `response` schemas: the given successes, and problem+json for every 4xx and 5xx, so the
 * OpenAPI document says what a failure looks like.
 */
export const responses = <R extends Record<number, unknown>>(ok: R) =>
  ({ ...ok, '4xx': problemResponse, '5xx': problemResponse }) as R & {
    '4xx': typeof problemResponse;
    '5xx': typeof problemResponse;
  };

/** A response without a body (204). */
export const noContent = { type: 'null', description: 'No content.' } as const;
