/**
 * Password rules after OWASP ASVS 5.0 V6.2: length 8+ (configurable), at least 64 allowed, no
 * truncation, any Unicode; refused when on the shipped common-password list or built from the
 * account's own name, username or e-mail; composition rules only when an institution asks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/load-config.js';
import { TekenError } from '../errors/teken-error.js';

/** Same depth from src/identity and dist/identity. */
const listFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../assets/common-passwords.txt',
);
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean));
  return common;
}

export type PasswordViolation =
  | 'too_short'
  | 'too_long'
  | 'common'
  | 'contains_identity'
  | 'missing_lower'
  | 'missing_upper'
  | 'missing_digit'
  | 'missing_symbol';

export interface PasswordContext {
  username?: string;
  email?: string;
  fullName?: string;
}

/** Returns the rules a password breaks (empty when acceptable). Length counts Unicode code points. */
export function passwordViolations(
  password: string,
  rules: Config['identity'],
  context: PasswordContext = {},
): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  if (length < rules.passwordMinLength) violations.push('too_short');
  if (length > rules.passwordMaxLength) violations.push('too_long');
  const lower = normalised.toLowerCase();
  if (commonPasswords().has(lower)) violations.push('common');
  const identityParts = [
    context.username,
    context.email?.split('@')[0],
    ...(context.fullName?.split(/\s+/) ?? []),
  ]
    .map((p) => p?.toLowerCase().trim())
    .filter((p): p is string => !!p && p.length >= 4);
  if (identityParts.some((p) => lower.includes(p))) violations.push('contains_identity');
  const classes = {
    lower: /\p{Ll}/u,
    upper: /\p{Lu}/u,
    digit: /\p{Nd}/u,
    symbol: /[^\p{L}\p{Nd}]/u,
  } as const;
  for (const c of rules.passwordComposition)
    if (!classes[c].test(normalised)) violations.push(`missing_${c}`);
  return violations;
}

const messages: Record<PasswordViolation, (rules: Config['identity']) => string> = {
  too_short: (r) => `at least ${r.passwordMinLength} characters`,
  too_long: (r) => `at most ${r.passwordMaxLength} characters`,
  common: () => 'not a commonly used password',
  contains_identity: () => 'not containing your name, username or e-mail',
  missing_lower: () => 'a lower-case letter',
  missing_upper: () => 'an upper-case letter',
  missing_digit: () => 'a digit',
  missing_symbol: () => 'a symbol',
};

export function assertPasswordAcceptable(
  password: unknown,
  rules: Config['identity'],
  context: PasswordContext = {},
): string {
  if (typeof password !== 'string') throw new TekenError('ERR_INPUT_INVALID', 'The password must be text.');
  const violations = passwordViolations(password, rules, context);
  if (violations.length > 0) {
    throw new TekenError(
      'ERR_PASSWORD_POLICY',
      `The password must be ${violations.map((v) => messages[v](rules)).join('; ')}.`,
      {
        details: { violations },
      },
    );
  }
  return password.normalize('NFKC');
}
