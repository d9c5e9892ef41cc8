/**
 * The NIP (Nomor Induk Pegawai of a civil servant, 18 digits) as the wizard checks it:
 *
 *     yyyymmdd YYYYMM G SSS
 *     │        │      │ └ sequence (001–999)
 *     │        │      └ gender: 1 man, 2 woman
 *     │        └ TMT: year and month of appointment (terhitung mulai tanggal)
 *     └ birth date
 *
 * The birth date must be real and the holder at least 18; the TMT must be after the 18th birthday
 * and not in the future. `assertNipMatchesNik` checks that the NIP's birth date and gender are the
 * NIK's. Refusals are ERR_INPUT_INVALID with `details: {field, rule}`.
 */
import { TekenError } from '../errors/teken-error.js';
import { isAtLeast, isRealDate, normaliseDigits, todayInJakarta, type Gender, type NikFacts } from './nik.js';

export interface NipFacts {
  nip: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** YYYY-MM. */
  tmt: string;
  gender: Gender;
}

export type NipRule =
  'format' | 'birth_date' | 'age' | 'tmt' | 'gender' | 'sequence' | 'nik_birth_date' | 'nik_gender';

/** The youngest age at which one is appointed a civil servant (PP 11/2017: 18). */
export const MIN_APPOINTMENT_AGE = 18;

const refuse = (field: string, rule: string, message: string) =>
  new TekenError('ERR_INPUT_INVALID', `${field}: ${message}`, { details: { field, rule } });

export function parseNip(value: unknown, options: { field?: string; now?: number } = {}): NipFacts {
  const field = options.field ?? 'nip';
  const nip = normaliseDigits(value);
  if (nip === null || nip.length !== 18) throw refuse(field, 'format', 'the NIP is 18 digits.');
  const year = Number(nip.slice(0, 4));
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  const today = todayInJakarta(options.now);
  if (year < 1900 || !isRealDate(year, month, day))
    throw refuse(field, 'birth_date', 'digits 1–8 are not a real birth date (YYYYMMDD).');
  const birthDate = nip.slice(0, 4) + '-' + nip.slice(4, 6) + '-' + nip.slice(6, 8);
  if (!isAtLeast(birthDate, MIN_APPOINTMENT_AGE, today))
    throw refuse(
      field,
      'age',
      `the birth date in digits 1–8 is in the future or makes the holder younger than ${MIN_APPOINTMENT_AGE}.`,
    );
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  const tmt = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  const adultMonth = `${String(year + MIN_APPOINTMENT_AGE).padStart(4, '0')}-${nip.slice(4, 6)}`;
  if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < 1900)
    throw refuse(field, 'tmt', 'digits 9–14 are not a year and month of appointment (TMT, YYYYMM).');
  if (tmt > today.slice(0, 7))
    throw refuse(field, 'tmt', 'the appointment date (TMT, digits 9–14) is in the future.');
  if (tmt < adultMonth)
    throw refuse(
      field,
      'tmt',
      `the appointment date (TMT, digits 9–14) is before the holder's ${MIN_APPOINTMENT_AGE}th birthday.`,
    );
  const g = nip[14];
  if (g !== '1' && g !== '2')
    throw refuse(field, 'gender', 'digit 15 (gender) is 1 for a man or 2 for a woman.');
  if (nip.slice(15) === '000')
    throw refuse(field, 'sequence', 'the last three digits (the sequence) cannot be 000.');
  return { nip, birthDate, tmt, gender: g === '1' ? 'male' : 'female' };
}

/** The NIP's birth date and gender must be the NIK's (the same person). */
export function assertNipMatchesNik(nip: NipFacts, nik: NikFacts, field = 'nip'): void {
  if (nip.birthDate !== nik.birthDate)
    throw refuse(
      field,
      'nik_birth_date',
      "the birth date in the NIP (digits 1–8) is not the NIK's birth date.",
    );
  if (nip.gender !== nik.gender)
    throw refuse(
      field,
      'nik_gender',
      "the gender digit of the NIP (digit 15) does not match the NIK's (day + 40 for women).",
    );
}
