import { pino, type Logger } from 'pino';
import type { Config } from '../config/load-config.js';

/**
 * Logged URLs keep their path and the names of their query parameters, never the values: search
 * terms (`?q=`), e-mail addresses and tokens travel there. `/api/v1/accounts?q=budi&limit=20`
 * is logged as `/api/v1/accounts?q&limit`.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      // A name that does not decode is kept as sent, cut short: it is not a value.
      return name.length > 40 ? `${name.slice(0, 40)}…` : name;
    });
  return `${url.slice(0, at)}${names.length ? `?${names.join('&')}` : ''}`;
}

/**
 * Database errors quote what the application sent: drizzle's "Failed query: <sql>\nparams: <values>"
 * and PostgreSQL's "Key (email)=(budi@contoh.go.id) already exists." (the `detail` field, and in
 * messages). The query text keeps its shape; its literals and the parameters go.
 */
export function redactText(text: string): string {
  return (
    text
      // drizzle: "params: a,b,c" to the end of the line.
      .replace(/(\bparams:)[^\n]*/g, '$1 [redacted]')
      // PostgreSQL: "Key (email)=(value) already exists.", "Failing row contains (...)."
      .replace(/(\bKey \([^)]*\)=\()[^\n]*/g, '$1[redacted])')
      .replace(/(Failing row contains \()[^\n]*/g, '$1[redacted])')
      // The literals of the query text drizzle quotes.
      .replace(/(Failed query: )([^\n]*)/g, (_all, head: string, query: string) => head + redactSql(query))
  );
}

/** Query text with its string literals replaced; the parameters ($1, $2) never hold values. */
export function redactSql(query: string): string {
  return query.replace(/'(?:[^']|'')*'/g, "'?'");
}

/** Fields of node-postgres and PGlite errors that quote values or query text. */
const droppedErrorFields = new Set([
  'params',
  'parameters',
  'detail',
  'hint',
  'where',
  'internalQuery',
  'internalPosition',
  'position',
]);
/** Fields kept as they are: codes and names of database objects, no values. */
const keptErrorFields = [
  'code',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'statusCode',
  'expose',
];

const MAX_CAUSE_DEPTH = 5;

/** pino's `err` serializer, with the values of database errors taken out, down the `cause` chain. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) {
    return typeof error === 'string' ? redactText(error) : error;
  }
  const out: Record<string, unknown> = {
    type: error.constructor.name,
    message: redactText(error.message),
    ...(error.stack ? { stack: redactText(error.stack) } : {}),
  };
  const fields = error as unknown as Record<string, unknown>;
  for (const key of keptErrorFields) {
    const value = fields[key];
    if (value !== undefined && (typeof value !== 'object' || value === null)) out[key] = value;
  }
  // Teken's own errors carry safe `details` (codes, ids); database fields never pass.
  if (fields.details && typeof fields.details === 'object') out.details = fields.details;
  if (typeof fields.query === 'string') out.query = redactSql(fields.query);
  for (const key of droppedErrorFields) if (fields[key] !== undefined) out[key] = '[redacted]';
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH)
    out.cause = serializeError(error.cause, depth + 1);
  return out;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  hostname?: string;
  socket?: { remotePort?: number };
  raw?: { socket?: { remotePort?: number } };
}

/** Fastify's request serializer, with the query values taken out of the URL. */
function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: typeof request.url === 'string' ? redactUrl(request.url) : request.url,
    host: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort ?? request.raw?.socket?.remotePort,
  };
}

/**
 * Structured JSON logs. Paths that could carry secrets are redacted as a second line of defence;
 * the first is never to put secrets, keys, OTPs or personal data into a log call at all. Errors
 * lose the values their database driver quotes, URLs their query values, and messages (drizzle
 * puts the query and its parameters into an error's message, which Fastify logs as the line's
 * text) the same, in one place for every log line.
 */
export function createLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'teken' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {
        err: serializeError,
        error: serializeError,
        req: serializeRequest,
      },
      hooks: {
        logMethod(args, method) {
          const first: unknown = args[0];
          // log.error(error): pino would take the line's text from the message, unredacted.
          const all: unknown[] =
            first instanceof Error && typeof args[1] !== 'string'
              ? [{ err: first }, first.message, ...args.slice(1)]
              : args;
          for (let i = 0; i < all.length; i++) {
            const arg = all[i];
            if (typeof arg === 'string') all[i] = redactText(arg);
          }
          method.apply(this, all as Parameters<typeof method>);
        },
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.passphrase',
          '*.pin',
          '*.otp',
          '*.totp',
          '*.secret',
          '*.privateKey',
          '*.masterKey',
          '*.nik',
        ],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

export type { Logger };
