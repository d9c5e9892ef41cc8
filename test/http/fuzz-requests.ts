/**
 * Malformed requests for a route, made from its schema with a seeded random generator, so a run is
 * repeatable and a new route is covered without anyone writing cases for it. The inputs are the
 * ones an outside fuzz of the API found 500s with: NUL and other control characters, huge and
 * negative integers, 2^63, ids that are not UUIDs, wrong types, missing and extra fields, oversized
 * strings, invalid JSON and odd unicode.
 */

/** mulberry32: a small, well-known 32-bit PRNG; enough to pick cases repeatably. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRoute {
  method: string;
  url: string;
  schema?:
    { body?: unknown; params?: unknown; querystring?: unknown; consumes?: readonly string[] } | undefined;
}

export interface FuzzRequest {
  method: string;
  url: string;
  /** The raw body (already serialised), if any. */
  payload?: string;
  contentType?: string;
  /** What was broken, for the assertion message. */
  label: string;
}

interface ObjectSchema {
  type?: string;
  properties?: Record<string, PropertySchema>;
  required?: string[];
}
interface PropertySchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: PropertySchema;
  pattern?: string;
  maxLength?: number;
}

/** Strings that broke something somewhere, or could. */
export const badStrings: readonly string[] = [
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u001b[31m',
  'line\nbreak',
  'tab\there',
  '\u007f\u0085\u009f',
  '\u202etxt.exe',
  '\u2028\u2029',
  '\ud800',
  '\udfff\ud800',
  '\ufeff\ufffe\uffff',
  '𝕿𝖊𝖐𝖊𝖓 🙂',
  'e\u0301\u0301\u0301\u0301\u0301',
  '------------------------------------',
  '00000000-0000-0000-0000-00000000000g',
  'urn:uuid:00000000-0000-4000-8000-000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '1e308',
  'NaN',
  "' OR '1'='1' --",
  '%00',
  '%',
  '..%2F..%2Fetc%2Fpasswd',
  '',
  ' ',
  'x'.repeat(5_000),
  'é'.repeat(70_000),
];

/** Values of the wrong type, or numbers out of every range. */
export const badValues: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  -2_147_483_649,
  2 ** 31,
  2 ** 53,
  2 ** 63,
  -(2 ** 63),
  1e308,
  0.5,
  [],
  ['a\u0000'],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A value the schema accepts, roughly: the fuzz breaks one thing at a time from here. */
export function sampleValue(schema: PropertySchema | undefined, uuidValue: string, name = ''): unknown {
  if (!schema) return 'sample';
  if (schema.enum) return schema.enum.find((v) => v !== null);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () =>
        sampleValue(schema.items, uuidValue, name),
      );
    case 'object':
      return sampleObject(schema as ObjectSchema, uuidValue);
    default:
      if (schema.format === 'uuid') return uuidValue;
      if (schema.pattern === '^[0-9a-f]{32}$') return '0'.repeat(32);
      if (/email/i.test(name)) return 'sample@contoh.go.id';
      return 'sample';
  }
}

export function sampleObject(schema: ObjectSchema | undefined, uuidValue: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {}))
    if (schema?.required?.includes(name)) out[name] = sampleValue(property, uuidValue, name);
  return out;
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) becomes the bytes of its
 * CESU-8 form, which is not UTF-8: a URL that does not decode, as a fuzzer would send.
 */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split(/([\ud800-\udfff])/)
      .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  }
}

const pathParams = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

/** The URL with its parameters filled in, each value encoded. */
export function fillUrl(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encode(values[name] ?? 'x'));
}

function query(values: Record<string, unknown>): string {
  const parts = Object.entries(values).map(
    ([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v))}`,
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Values every field, parameter and query parameter is tried with, besides random ones. */
export const criticalStrings: readonly string[] = [
  'a\u0000b',
  '------------------------------------',
  '9223372036854775808',
  'urn:uuid:00000000-0000-4000-8000-000000000000',
];
export const criticalValues: readonly unknown[] = [2 ** 63, -1, null];

/**
 * Malformed requests for one route: each parameter, query parameter and body field with each
 * critical value and one random bad value, then missing, extra and unparseable bodies and wrong
 * content types. With `limit`, that many of them, picked at random.
 */
export function fuzzRequests(
  route: FuzzRoute,
  random: () => number,
  uuidValue: string,
  limit?: number,
): FuzzRequest[] {
  const body = route.schema?.body as ObjectSchema | undefined;
  const params = route.schema?.params as ObjectSchema | undefined;
  const querystring = route.schema?.querystring as ObjectSchema | undefined;
  const names = pathParams(route.url);
  const validParams: Record<string, string> = {};
  for (const name of names)
    validParams[name] = String(sampleValue(params?.properties?.[name], uuidValue, name));
  const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
  const validBody = sampleObject(body, uuidValue);
  const baseUrl = fillUrl(route.url, validParams);
  const json = (value: unknown) => JSON.stringify(value);
  const out: FuzzRequest[] = [];
  const add = (label: string, url: string, payload?: string, contentType?: string) =>
    out.push({
      method: route.method,
      url,
      label: `${route.method} ${route.url} ${label}`,
      ...(payload !== undefined ? { payload, contentType: contentType ?? 'application/json' } : {}),
      ...(payload === undefined && contentType ? { contentType } : {}),
    });
  const validPayload = hasBody ? json(validBody) : undefined;
  const show = (value: unknown) => (JSON.stringify(value) ?? String(value)).slice(0, 40);

  for (const name of names)
    for (const value of [...criticalStrings, pick(random, badStrings)])
      add(
        `param ${name}=${show(value)}`,
        fillUrl(route.url, { ...validParams, [name]: value }),
        validPayload,
      );
  for (const name of Object.keys(querystring?.properties ?? {}))
    for (const value of [
      ...criticalStrings,
      ...criticalValues,
      pick(random, badStrings),
      pick(random, badValues),
    ])
      add(`query ${name}=${show(value)}`, baseUrl + query({ [name]: value }), validPayload);
  add(
    'extra query',
    baseUrl +
      query({ [pick(random, ['x', '__proto__', 'constructor', 'q\u0000'])]: pick(random, badStrings) }),
    validPayload,
  );
  if (hasBody) {
    for (const name of Object.keys(body?.properties ?? {}))
      for (const value of [
        criticalStrings[0],
        ...criticalValues.slice(0, 1),
        pick(random, badStrings),
        pick(random, badValues),
      ])
        add(`body ${name}=${show(value)}`, baseUrl, json({ ...validBody, [name]: value }));
    for (const name of body?.required ?? []) {
      const copy = { ...validBody };
      delete copy[name];
      add(`body without ${name}`, baseUrl, json(copy));
    }
    add(
      'extra field',
      baseUrl,
      json({ ...validBody, [pick(random, ['extra', 'constructor', 'id'])]: pick(random, badStrings) }),
    );
    add('__proto__ field', baseUrl, '{"__proto__":{"polluted":true}}');
    for (const raw of ['{', '{"a":', 'null', '[]', '"text"', '\u0000', json(validBody).slice(0, -1)])
      add(`raw ${show(raw)}`, baseUrl, raw);
    add('empty body', baseUrl, '');
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=x',
    ])
      add(`content-type ${type}`, baseUrl, json(validBody), type);
  }
  if (hasBody && route.schema?.consumes?.includes('multipart/form-data'))
    for (const request of multipartRequests(body, random))
      add(request.label, baseUrl, request.payload, request.contentType);
  if (limit === undefined || out.length <= limit) return out;
  const chosen: FuzzRequest[] = [];
  const pool = [...out];
  while (chosen.length < limit) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

type FormPart = { name: string; value: string; filename?: string; headers?: string };

/** A multipart/form-data body (RFC 7578) of text parts; `filename` makes a part a file. */
export function formBody(parts: readonly FormPart[], boundary = 'teken-fuzz-boundary'): string {
  const out = parts.map(
    (p) =>
      `--${boundary}\r\n` +
      (p.headers ??
        `content-disposition: form-data; name="${p.name}"` +
          (p.filename !== undefined ? `; filename="${p.filename}"\r\ncontent-type: application/pdf` : '')) +
      `\r\n\r\n${p.value}\r\n`,
  );
  return `${out.join('')}--${boundary}--\r\n`;
}

/**
 * Malformed multipart requests for a route whose schema `consumes` multipart/form-data, from its
 * documented form (`format: binary` properties are files): each field with bad values, files that
 * are not PDFs or are empty, each required field missing, repeated fields, and bodies that are not
 * well-formed multipart (no boundary, the wrong one, unterminated, parts without headers, odd names).
 */
export function multipartRequests(
  form: ObjectSchema | undefined,
  random: () => number,
): { label: string; payload: string; contentType: string }[] {
  const boundary = 'teken-fuzz-boundary';
  const type = `multipart/form-data; boundary=${boundary}`;
  const properties = Object.entries(form?.properties ?? {});
  const isFile = (p: PropertySchema) => p.format === 'binary';
  const valid: FormPart[] = properties
    .filter(([name]) => form?.required?.includes(name))
    .map(([name, p]) =>
      isFile(p) ? { name, value: '%PDF-1.7\n%%EOF', filename: 'sample.pdf' } : { name, value: 'sample' },
    );
  const out: { label: string; payload: string; contentType: string }[] = [];
  const add = (label: string, parts: FormPart[] | string, contentType = type) =>
    out.push({
      label: `multipart ${label}`,
      payload: typeof parts === 'string' ? parts : formBody(parts),
      contentType,
    });
  const without = (name: string) => valid.filter((p) => p.name !== name);
  for (const [name, p] of properties) {
    const values = isFile(p)
      ? [
          '',
          'bukan pdf',
          '%PDF-1.7\n1 0 obj << /Type /Catalog',
          '\u0000\u0000\u0000',
          pick(random, badStrings),
        ]
      : [criticalStrings[0]!, '9223372036854775808', pick(random, badStrings), 'null', ''];
    for (const value of values)
      add(`${name}=${JSON.stringify(value).slice(0, 30)}`, [
        ...without(name),
        { name, value, ...(isFile(p) ? { filename: 'x.pdf' } : {}) },
      ]);
    // A file sent as a text field, a text field sent as a file.
    add(`${name} as the other kind`, [
      ...without(name),
      isFile(p) ? { name, value: 'sample' } : { name, value: 'sample', filename: 'x.txt' },
    ]);
    add(`${name} twice`, [...valid, valid.find((v) => v.name === name) ?? { name, value: 'sample' }]);
  }
  for (const name of form?.required ?? []) add(`without ${name}`, without(name));
  add('empty form', []);
  add('no boundary', formBody(valid), 'multipart/form-data');
  add('another boundary', formBody(valid, 'lain'));
  add('unterminated', formBody(valid).slice(0, -20));
  add('only the boundary', `--${boundary}\r\n`);
  add('no part headers', `--${boundary}\r\n\r\nnilai\r\n--${boundary}--\r\n`);
  add('garbage', pick(random, badStrings));
  for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'a\u0000b', pick(random, badStrings)])
    add(`field named ${JSON.stringify(name).slice(0, 20)}`, [...valid, { name, value: 'x' }]);
  add('a huge header line', [
    ...valid,
    { name: 'x', value: 'y', headers: `content-disposition: form-data; name="${'n'.repeat(20_000)}"` },
  ]);
  return out;
}
