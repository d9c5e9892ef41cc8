/**
 * Synthetic Indonesian identities for tests: valid-format NIKs and NIPs (never real ones), made
 * from a seeded counter so that every test gets distinct values.
 *
 * NIK (16 digits): province (2) + regency (2) + district (2) + birth date DDMMYY, with 40 added to
 * the day for women + a 4-digit sequence. NIP (18 digits): birth date YYYYMMDD + TMT (appointment)
 * YYYYMM + gender (1 man, 2 woman) + a 3-digit sequence.
 */
import { recordPersonalValue } from './log-capture.js';

export type Gender = 'male' | 'female';

export interface SyntheticPerson {
  nik: string;
  nip: string;
  birthDate: string;
  gender: Gender;
  phone: string;
  fullName: string;
}

let counter = Math.floor(Math.random() * 5000);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Real province and regency codes (Kemendagri): Jawa Barat / Kota Bandung, DKI / Jakarta Selatan, … */
const regions = ['3273', '3174', '3578', '3471', '5171', '1271', '7371', '6471'];

export function syntheticNik(
  options: { birthDate?: string; gender?: Gender; sequence?: number } = {},
): string {
  const n = ++counter;
  const birth =
    options.birthDate ?? `19${pad(70 + (n % 25), 2)}-${pad(1 + (n % 12), 2)}-${pad(1 + (n % 28), 2)}`;
  const [year, month, day] = birth.split('-').map(Number) as [number, number, number];
  const dd = day + (options.gender === 'female' ? 40 : 0);
  const region = regions[n % regions.length]!;
  const district = pad(1 + (n % 20), 2);
  const nik = `${region}${district}${pad(dd, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(options.sequence ?? 1 + (n % 9999), 4)}`;
  recordPersonalValue('nik', nik);
  return nik;
}

export function syntheticNip(options: { birthDate: string; gender: Gender; tmt?: string }): string {
  const n = ++counter;
  const birth = options.birthDate.replace(/-/g, '');
  const birthYear = Number(birth.slice(0, 4));
  const tmt = options.tmt ?? `${birthYear + 23 + (n % 10)}${pad(1 + (n % 12), 2)}`;
  const nip = `${birth}${tmt.replace('-', '')}${options.gender === 'male' ? 1 : 2}${pad(1 + (n % 999), 3)}`;
  recordPersonalValue('nip', nip);
  return nip;
}

export function syntheticPhone(): string {
  const n = ++counter;
  const phone = `08123${pad(n % 1_000_000, 6)}`;
  recordPersonalValue('phone', phone);
  return phone;
}

export function syntheticPerson(gender: Gender = counter % 2 ? 'male' : 'female'): SyntheticPerson {
  const n = ++counter;
  const birthDate = `19${pad(70 + (n % 25), 2)}-${pad(1 + (n % 12), 2)}-${pad(1 + (n % 28), 2)}`;
  return {
    nik: syntheticNik({ birthDate, gender }),
    nip: syntheticNip({ birthDate, gender }),
    birthDate,
    gender,
    phone: syntheticPhone(),
    fullName: `Uji Coba ${n}`,
  };
}
