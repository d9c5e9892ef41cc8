/**
 * What a list's free-text search (`?q=`) becomes in SQL: control characters (a NUL above all) match
 * nothing and never reach the database, and the rest is matched literally inside an ILIKE pattern.
 */

/** The search term as typed, without control characters and outer spaces; undefined when empty. */
export function searchTerm(q: string | undefined): string | undefined {
  const term = q?.replace(/\p{Cc}/gu, '').trim();
  return term === '' ? undefined : term;
}

/** `%<text>%` in which `%`, `_` and `\` match themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
