/**
 * Synthetic Indonesian identities for tests: valid-format NIKs and NIPs (never real ones), made
 * from a seeded counter so that every test gets distinct values.
 *
 * NIK (16 digits): province (2) + regency (2) + district (2) + birth date DDMMYY, with 40 added to
 * the day for women + a 4-digit sequence. NIP (18 digits): birth date YYYYMMDD + TMT (appointment)
 * YYYYMM + gender (1 man, 2 woman) + a 3-digit sequence.
 */
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
  return `${region}${district}${pad(dd, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(options.sequence ?? 1 + (n % 9999), 4)}`;
}

export function syntheticNip(options: { birthDate: string; gender: Gender; tmt?: string }): string {
  const n = ++counter;
  const birth = options.birthDate.replace(/-/g, '');
  const birthYear = Number(birth.slice(0, 4));
  const tmt = options.tmt ?? `${birthYear + 23 + (n % 10)}${pad(1 + (n % 12), 2)}`;
  return `${birth}${tmt.replace('-', '')}${options.gender === 'male' ? 1 : 2}${pad(1 + (n % 999), 3)}`;
}

export function syntheticPhone(): string {
  const n = ++counter;
  return `08123${pad(n % 1_000_000, 6)}`;
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

/** Each kind of invalid NIK the wizard refuses, named by the rule (`details.rule`) it breaks. */
export type InvalidNikKind =
  'format' | 'province' | 'regency' | 'district' | 'birth_date' | 'future' | 'age' | 'sequence';

const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000);

/** A NIK that breaks exactly one rule; the rest is valid. */
export function invalidNik(kind: InvalidNikKind, gender: Gender = 'male'): string {
  const valid = syntheticNik({ gender, birthDate: '1985-06-15' });
  const dd = (day: number) => pad(day + (gender === 'female' ? 40 : 0), 2);
  switch (kind) {
    case 'format':
      return valid.slice(0, 15);
    case 'province':
      return `20${valid.slice(2)}`; // 20 is no province
    case 'regency':
      return `3269${valid.slice(4)}`; // Jawa Barat has no regency 69
    case 'district':
      return `${valid.slice(0, 4)}00${valid.slice(6)}`;
    case 'birth_date':
      return `${valid.slice(0, 6)}${dd(31)}0485${valid.slice(12)}`; // 31 April
    case 'future': {
      const d = jakartaToday();
      d.setUTCDate(d.getUTCDate() + 1);
      return `${valid.slice(0, 6)}${dd(d.getUTCDate())}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCFullYear() % 100, 2)}${valid.slice(12)}`;
    }
    case 'age': {
      const year = (jakartaToday().getUTCFullYear() - 5) % 100;
      return `${valid.slice(0, 6)}${dd(10)}01${pad(year, 2)}${valid.slice(12)}`;
    }
    case 'sequence':
      return `${valid.slice(0, 12)}0000`;
  }
}

/** Each kind of invalid NIP, named by the rule it breaks (for the person of `person`). */
export type InvalidNipKind =
  | 'format'
  | 'birth_date'
  | 'age'
  | 'tmt_future'
  | 'tmt_before_adult'
  | 'tmt_month'
  | 'gender'
  | 'sequence'
  | 'nik_birth_date'
  | 'nik_gender';

/** The rule `details.rule` names for each kind. */
export const invalidNipRule: Record<InvalidNipKind, string> = {
  format: 'format',
  birth_date: 'birth_date',
  age: 'age',
  tmt_future: 'tmt',
  tmt_before_adult: 'tmt',
  tmt_month: 'tmt',
  gender: 'gender',
  sequence: 'sequence',
  nik_birth_date: 'nik_birth_date',
  nik_gender: 'nik_gender',
};

export function invalidNip(kind: InvalidNipKind, person: SyntheticPerson): string {
  const valid = person.nip;
  const g = person.gender === 'male' ? '1' : '2';
  const birthYear = Number(person.birthDate.slice(0, 4));
  switch (kind) {
    case 'format':
      return `${valid}9`;
    case 'birth_date':
      return `${valid.slice(0, 4)}1301${valid.slice(8)}`;
    case 'age': {
      const young = `${jakartaToday().getUTCFullYear() - 10}0101`;
      return `${young}${jakartaToday().getUTCFullYear() - 1}01${g}001`;
    }
    case 'tmt_future':
      return `${valid.slice(0, 8)}${jakartaToday().getUTCFullYear() + 1}01${g}001`;
    case 'tmt_before_adult':
      return `${valid.slice(0, 8)}${birthYear + 10}01${g}001`;
    case 'tmt_month':
      return `${valid.slice(0, 8)}${birthYear + 25}13${g}001`;
    case 'gender':
      return `${valid.slice(0, 14)}3${valid.slice(15)}`;
    case 'sequence':
      return `${valid.slice(0, 15)}000`;
    case 'nik_birth_date': {
      const other = `${birthYear - 1}${person.birthDate.slice(5, 7)}${person.birthDate.slice(8, 10)}`;
      return `${other}${valid.slice(8)}`;
    }
    case 'nik_gender':
      return `${valid.slice(0, 14)}${g === '1' ? '2' : '1'}${valid.slice(15)}`;
  }
}
