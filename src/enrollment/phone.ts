/**
 * Indonesian mobile numbers as the console asks for them ("Masukkan 10–15 digit angka. Contoh:
 * 08123456789") and as they are stored and sent (E.164, +62…). Accepted forms: 08…, 628…, +628…,
 * with spaces, dots or dashes between digits. Only the normalised E.164 form is ever stored (sealed)
 * or hashed (lookup hash `phone`).
 */
import { TekenError } from '../errors/teken-error.js';

export const phoneHint = 'Masukkan 10–15 digit angka. Contoh: 08123456789';

/** `+628123456789` from `0812-3456-789`, `628123456789` or `+62 812 3456 789`; null if not a mobile number. */
export function normalisePhone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.trim().replace(/[\s.-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  const digits = compact.replace(/^\+/, '');
  let national: string;
  if (digits.startsWith('0')) national = digits.slice(1);
  else if (digits.startsWith('62')) national = digits.slice(2);
  else return null;
  // Entered as 0 + national number: 10 to 15 digits in all; mobile numbers start with 8.
  const entered = national.length + 1;
  if (entered < 10 || entered > 15 || !national.startsWith('8')) return null;
  return `+62${national}`;
}

/** The number in E.164, or ERR_INPUT_INVALID naming `field` and the rule. */
export function validPhone(value: unknown, field = 'phone'): string {
  const phone = normalisePhone(value);
  if (!phone)
    throw new TekenError('ERR_INPUT_INVALID', `${field}: ${phoneHint} (an Indonesian mobile number).`, {
      details: { field },
    });
  return phone;
}

/** For screens: `+62 812-****-789`; never log a full number. */
export function maskPhone(e164: string): string {
  const national = e164.replace(/^\+62/, '');
  return `+62 ${national.slice(0, 3)}-****-${national.slice(-3)}`;
}
