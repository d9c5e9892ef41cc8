/**
 * The passphrase rule of seeds 001 and 002: at least 8 characters with a lower-case letter, an
 * upper-case letter, a digit and a special character; shown before typing (the console reads
 * `passphraseRule`). At most 128 characters, no control characters. The passphrase is never stored
 * or logged: it only derives the key of the inner layer (keys/subscriber-key-seal.ts).
 */
import { TekenError } from '../errors/teken-error.js';

export const passphraseRule = {
  minLength: 8,
  maxLength: 128,
  id: 'Passphrase minimal 8 karakter dan harus mengandung setidaknya satu huruf besar, satu huruf kecil, satu angka, dan satu karakter khusus.',
  en: 'The passphrase needs at least 8 characters, with at least one upper-case letter, one lower-case letter, one digit and one special character.',
} as const;

/** The problems of a passphrase, in order ([] when it is acceptable). */
export function passphraseProblems(
  value: string,
): ('length' | 'lower' | 'upper' | 'digit' | 'special' | 'control')[] {
  const problems: ('length' | 'lower' | 'upper' | 'digit' | 'special' | 'control')[] = [];
  const length = [...value].length;
  if (length < passphraseRule.minLength || length > passphraseRule.maxLength) problems.push('length');
  if (!/\p{Ll}/u.test(value)) problems.push('lower');
  if (!/\p{Lu}/u.test(value)) problems.push('upper');
  if (!/\p{Nd}/u.test(value)) problems.push('digit');
  if (!/[^\p{L}\p{Nd}\s]/u.test(value)) problems.push('special');
  if (/\p{Cc}/u.test(value)) problems.push('control');
  return problems;
}

/** Refuses a passphrase outside the rule, and a confirmation that differs. */
export function assertPassphrase(passphrase: unknown, confirmation?: unknown): string {
  if (typeof passphrase !== 'string' || passphraseProblems(passphrase).length > 0)
    throw new TekenError('ERR_PASSPHRASE_POLICY', undefined, { details: { field: 'passphrase' } });
  if (confirmation !== undefined && confirmation !== passphrase)
    throw new TekenError(
      'ERR_INPUT_INVALID',
      'confirmation: Konfirmasi Passphrase differs from the passphrase.',
      {
        details: { field: 'confirmation' },
      },
    );
  return passphrase;
}
