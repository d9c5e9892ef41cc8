import { errorCatalogue } from './catalogue.js';

/** docs/errors.md, generated from the catalogue so the two never drift. */
export function renderErrorDocs(): string {
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from src/errors/catalogue.ts by `npm run docs:generate`. Do not edit by hand. -->',
    '',
    'Every error Teken reports carries a stable code. The JSON API answers with RFC 9457 problem',
    'details (`application/problem+json`): `type`, `title`, `status`, `code`, and for caller errors',
    '(4xx) a `detail` that says what to fix. Server errors (5xx) show only the generic title; the',
    'cause is in the server log. Codes are never renamed or reused.',
    '',
    '| code | HTTP status | meaning |',
    '|---|---|---|',
  ];
  for (const [code, entry] of Object.entries(errorCatalogue) as [
    string,
    { status: number; title: string; retired?: boolean },
  ][]) {
    lines.push(`| \`${code}\` | ${entry.status} | ${entry.title}${entry.retired ? ' (retired)' : ''} |`);
  }
  lines.push('');
  return lines.join('\n');
}
