/**
 * The NIK (Nomor Induk Kependudukan, 16 digits) as the wizard checks it (seed 002, issue 9):
 *
 *     PP RR DD ddmmyy SSSS
 *     │  │  │  │      └ sequence (0001–9999)
 *     │  │  │  └ birth date; women add 40 to the day
 *     │  │  └ district (kecamatan), 01–99
 *     │  └ regency (01–69) or city (71–99) of the province
 *     └ province
 *
 * The province and regency must be real Kemendagri codes (data/kode-wilayah.ts). The two-digit
 * year is read as 20yy when that is not after today, else as 19yy; the date must be a real date,
 * not in the future, and the holder at least 17 (the age of a KTP-el).
 *
 * Every refusal is ERR_INPUT_INVALID with `details: {field, rule}` and a message that names both
 * but never repeats the number.
 */
import { TekenError } from '../errors/teken-error.js';
import { legacyRegencies, provinces, regencies } from './data/kode-wilayah.js';

export type Gender = 'male' | 'female';

export interface NikFacts {
  nik: string;
  provinceCode: string;
  regencyCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: Gender;
}

export type NikRule =
  'format' | 'province' | 'regency' | 'district' | 'birth_date' | 'future' | 'age' | 'sequence';

/** The youngest age at which a KTP-el (and so a NIK of one's own on a card) is issued. */
export const MIN_AGE = 17;

const refuse = (field: string, rule: string, message: string) =>
  new TekenError('ERR_INPUT_INVALID', `${field}: ${message}`, { details: { field, rule } });

/** Whether y-m-d is a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Today (UTC+7, Jakarta) as YYYY-MM-DD. */
export function todayInJakarta(now: number = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether someone born on `birth` (YYYY-MM-DD) is at least `years` old on `today`. Compared as
 * text, so a 29 February birthday counts from 1 March in other years.
 */
export function isAtLeast(birth: string, years: number, today: string): boolean {
  return `${String(Number(birth.slice(0, 4)) + years).padStart(4, '0')}${birth.slice(4)}` <= today;
}

/** Digits only (spaces and dots people type are dropped), or null when anything else is there. */
export function normaliseDigits(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.trim().replace(/[\s.]/g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

/** Checks a NIK and returns what it encodes, or throws naming `field` and the rule. */
export function parseNik(value: unknown, options: { field?: string; now?: number } = {}): NikFacts {
  const field = options.field ?? 'nik';
  const nik = normaliseDigits(value);
  if (nik === null || nik.length !== 16)
    throw refuse(field, 'format', 'the NIK is 16 digits, as on the KTP.');
  const provinceCode = nik.slice(0, 2);
  if (!(provinceCode in provinces))
    throw refuse(
      field,
      'province',
      'the first two digits are not a province code (kode wilayah Kemendagri).',
    );
  const regencyCode = nik.slice(0, 4);
  if (!regencies.has(regencyCode) && !legacyRegencies.has(regencyCode))
    throw refuse(
      field,
      'regency',
      `digits 3–4 are not a regency or city code of ${provinces[provinceCode]} (kode wilayah Kemendagri).`,
    );
  if (nik.slice(4, 6) === '00')
    throw refuse(field, 'district', 'digits 5–6 (the district code) cannot be 00.');
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const gender: Gender = day > 40 ? 'female' : 'male';
  if (day > 40) day -= 40;
  const today = todayInJakarta(options.now);
  const thisYear = Number(today.slice(0, 4));
  const year = 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy;
  if (!isRealDate(year, month, day))
    throw refuse(
      field,
      'birth_date',
      'digits 7–12 are not a real birth date (DDMMYY, with 40 added to the day for women).',
    );
  const birthDate = iso(year, month, day);
  if (birthDate > today) throw refuse(field, 'future', 'the birth date in digits 7–12 is in the future.');
  if (!isAtLeast(birthDate, MIN_AGE, today))
    throw refuse(field, 'age', `the birth date in digits 7–12 makes the holder younger than ${MIN_AGE}.`);
  if (nik.slice(12) === '0000')
    throw refuse(field, 'sequence', 'the last four digits (the sequence) cannot be 0000.');
  return { nik, provinceCode, regencyCode, birthDate, gender };
}
