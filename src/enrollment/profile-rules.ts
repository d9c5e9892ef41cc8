/**
 * The institution's data rules for a profile (seed 004: "Nama: huruf tanpa gelar (maks 25char);
 * Jabatan: huruf tanpa karakter khusus "." "()" (maks 20 char); Unit Organisasi: Unit Eselon I,
 * tanpa disingkat"): the one set of rules for everything that writes profile data — the
 * registration wizard (each step and again on submit), "Ubah Akun" (an RA officer's corrections,
 * correct-registration.ts) and "Ubah Profil" (a change request, when asked and again when
 * approved). Each rule is a policy field of the institution (institutions.ts); each refusal is
 * ERR_INPUT_INVALID naming the field (`details.field`) and the rule (`details.rule`).
 *
 * - Nama: letters (with spaces, apostrophes, hyphens, dots; commas where titles are allowed), at
 *   most `nameMaxLength`; with `nameWithoutTitles` no academic or religious titles.
 * - Gelar Depan / Gelar Belakang: optional, at most {@link GELAR_MAX}.
 * - Email: a valid address at one of the institution's domains (when it lists any).
 * - Jabatan: none of `jabatanForbiddenCharacters`, at most `jabatanMaxLength`.
 * - Unit Organisasi: at most `unitMaxLength`; with `unitUnabbreviated` no abbreviations.
 * - Provinsi: one of the 38 provinces of data/kode-wilayah.ts, stored as AMS writes it ("JAWA TIMUR").
 */
import { TekenError } from '../errors/teken-error.js';
import { provinces } from './data/kode-wilayah.js';
import type { InstitutionPolicy } from './institutions.js';
import { assertEmailDomain, validEmail } from './start-registration.js';

const refuse = (field: string, rule: string, message: string) =>
  new TekenError('ERR_INPUT_INVALID', `${field}: ${message}`, { details: { field, rule } });

const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Trimmed, inner spaces collapsed; refuses non-text and control characters. */
function line(field: string, value: unknown): string {
  if (typeof value !== 'string') throw refuse(field, 'type', 'must be text.');
  if (CONTROL.test(value)) throw refuse(field, 'characters', 'must not contain control characters.');
  return value.trim().replace(/\s+/g, ' ');
}

const length = (s: string) => [...s].length;

/**
 * Indonesian academic and professional titles (gelar), as written before or after a name, with
 * their dots removed and lower-cased: "S.Kom" → "skom". Words of a name that match one are refused
 * when the institution wants the name without titles; they belong in Gelar Depan / Gelar Belakang.
 */
export const academicTitles: ReadonlySet<string> = new Set([
  // before the name
  'prof',
  'dr',
  'drs',
  'dra',
  'ir',
  'drg',
  'drh',
  'apt',
  'ns',
  'lc',
  // religious titles written before the name (Hajjah, Kyai Haji); not "H.", which is also an initial
  'hj',
  'kh',
  // diploma (A.Md …) and bachelor (S.x) degrees
  'amd',
  'amdkom',
  'amdkeb',
  'amdkep',
  'amdak',
  'amdt',
  'amdpar',
  'amdfarm',
  'amdgz',
  'st',
  'skom',
  'sh',
  'se',
  'ssi',
  'spd',
  'ssos',
  'sip',
  'shum',
  'sag',
  'sak',
  'sfarm',
  'sked',
  'skep',
  'skm',
  'spsi',
  'sstat',
  'ssn',
  'sds',
  'sp',
  'spt',
  'stp',
  'spi',
  'skh',
  'sgz',
  'sikom',
  'sthi',
  'spdi',
  'shi',
  'sei',
  'sthk',
  'sars',
  'str',
  'strkom',
  'sst',
  'sstp',
  'stpn',
  'sab',
  'sia',
  'sap',
  'sktm',
  'sfil',
  'ssy',
  'ssi',
  'smb',
  'sth',
  'sked',
  // master's and doctoral degrees, specialists
  'mt',
  'mkom',
  'mh',
  'mm',
  'msi',
  'mpd',
  'msc',
  'ma',
  'mba',
  'mhum',
  'mag',
  'mak',
  'mkes',
  'mpsi',
  'mars',
  'map',
  'mstat',
  'mfarm',
  'mkn',
  'mhi',
  'mpdi',
  'msi',
  'mtr',
  'mtp',
  'mp',
  'mse',
  'msm',
  'mikom',
  'me',
  'mec',
  'mphil',
  'mpp',
  'mpa',
  'llm',
  'meng',
  'msie',
  'mtcs',
  'phd',
  'dphil',
  'edd',
  'bsc',
  'ba',
  'beng',
  'bba',
  'spa',
  'spb',
  'spog',
  'sppd',
  'sprad',
  'spjp',
  'spm',
  'spkk',
  'sps',
  'spn',
  'sptht',
  'span',
  'spkj',
  'spot',
  'sppk',
  'spu',
  'spbs',
  'spf',
  'cpa',
  'ak',
  'ca',
]);

/**
 * Words of a name that look like titles: a word with a dot whose letters make a title
 * ("S.Kom", "M.T.", "dr."), or an undotted word of a title that is not also a common name.
 */
const undottedTitles = new Set([
  'dr',
  'hj',
  'kh',
  'skom',
  'spd',
  'mpd',
  'ssi',
  'msi',
  'mkom',
  'phd',
  'mba',
  'msc',
  'amd',
  'ssos',
  'mhum',
  'shum',
  'sked',
  'mkes',
  'drs',
  'dra',
  'drg',
  'prof',
  'spog',
]);

export function titlesIn(name: string): string[] {
  const found: string[] = [];
  for (const word of name.split(/[\s,]+/).filter(Boolean)) {
    const key = word.replace(/[.\-']/g, '').toLowerCase();
    if (!academicTitles.has(key)) continue;
    if (word.includes('.') || undottedTitles.has(key) || /^[A-Z]{2,4}$/.test(word)) found.push(word);
  }
  return found;
}

/** Nama Lengkap: letters (with spaces, apostrophes, hyphens and dots), within the length, without titles. */
export function checkFullName(value: unknown, policy: InstitutionPolicy, field = 'fullName'): string {
  const name = line(field, value);
  if (name === '') throw refuse(field, 'required', 'the full name is required (as on the KTP).');
  if (length(name) > policy.nameMaxLength)
    throw refuse(
      field,
      'max_length',
      `the name is at most ${policy.nameMaxLength} characters at this institution.`,
    );
  if (policy.nameWithoutTitles) {
    const titles = titlesIn(name);
    if (titles.length > 0)
      throw refuse(
        field,
        'titles',
        `write the name without titles (found ${titles.map((t) => `"${t}"`).join(', ')}); put them in Gelar Depan or Gelar Belakang.`,
      );
    if (name.includes(','))
      throw refuse(
        field,
        'titles',
        'write the name without a comma (titles after a comma go in Gelar Belakang).',
      );
  }
  // A comma only where titles may be written into the name ("Budi Santoso, S.Kom."); otherwise it
  // was refused above.
  if (!/^[\p{L}\p{M}][\p{L}\p{M} '.,-]*$/u.test(name))
    throw refuse(
      field,
      'characters',
      'the name is letters only (with spaces, apostrophes, hyphens or dots).',
    );
  return name;
}

/** The longest Gelar Depan / Gelar Belakang. */
export const GELAR_MAX = 50;

/** Gelar Depan / Gelar Belakang: optional, short, one line. */
export function checkTitle(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  const title = line(field, value);
  if (title === '') return null;
  if (length(title) > GELAR_MAX) throw refuse(field, 'max_length', `at most ${GELAR_MAX} characters.`);
  if (!/^[\p{L}\p{M}0-9 .,'()-]*$/u.test(title))
    throw refuse(field, 'characters', 'letters, digits, spaces, dots, commas and hyphens only.');
  return title;
}

/** Jabatan: required, within the length, without the institution's forbidden characters. */
export function checkJabatan(value: unknown, policy: InstitutionPolicy, field = 'jabatan'): string {
  const jabatan = line(field, value);
  if (jabatan === '') throw refuse(field, 'required', 'the position (Jabatan) is required.');
  if (length(jabatan) > policy.jabatanMaxLength)
    throw refuse(
      field,
      'max_length',
      `the position is at most ${policy.jabatanMaxLength} characters at this institution.`,
    );
  if (!/^[\p{L}\p{N}]/u.test(jabatan))
    throw refuse(field, 'characters', 'the position must start with a letter or digit.');
  const forbidden = [...new Set([...jabatan].filter((c) => policy.jabatanForbiddenCharacters.includes(c)))];
  if (forbidden.length > 0)
    throw refuse(
      field,
      'forbidden_characters',
      `the position must not contain ${forbidden.map((c) => `"${c}"`).join(' ')} (this institution forbids ${[...policy.jabatanForbiddenCharacters].map((c) => `"${c}"`).join(' ')}).`,
    );
  return jabatan;
}

/** Common abbreviations of unit names that are not all capitals. */
const knownAbbreviations = new Set([
  'setjen',
  'itjen',
  'ditjen',
  'sekjen',
  'kanwil',
  'subdit',
  'subbag',
  'dit',
  'bag',

  'sesditjen',
  'setditjen',
  'pusdiklat',
  'kemenkeu',
  'kemendagri',
  'kemenkes',
  'kemendikbud',
]);

const ROMAN = /^[IVXLC]+$/;

/**
 * Words of a unit name that look abbreviated: capitals only in mixed-case text ("Biro SDM"), a
 * word of capitals without a vowel ("DJPPR", "BPK") in all-capital text, a short word ending in a
 * dot ("Dit."), or a known abbreviation ("Setjen"). Roman numerals ("Eselon II") are not.
 */
export function abbreviationsIn(unit: string): string[] {
  const words = unit.split(/[\s,/()]+/).filter(Boolean);
  const allCaps = unit === unit.toUpperCase();
  const found: string[] = [];
  for (const word of words) {
    const bare = word.replace(/\.$/, '');
    if (ROMAN.test(bare)) continue;
    const lettersOnly = /^\p{L}+$/u.test(bare);
    if (knownAbbreviations.has(bare.toLowerCase())) found.push(word);
    else if (word.endsWith('.') && bare.length <= 5) found.push(word);
    else if (lettersOnly && bare.length >= 2 && bare === bare.toUpperCase() && bare !== bare.toLowerCase()) {
      if (!allCaps || !/[AEIOU]/.test(bare)) found.push(word);
    }
  }
  return found;
}

/** Unit Organisasi: required, within the length, written out when the institution says so. */
export function checkUnit(value: unknown, policy: InstitutionPolicy, field = 'unitOrganisasi'): string {
  const unit = line(field, value);
  if (unit === '') throw refuse(field, 'required', 'the unit (Unit Organisasi) is required.');
  if (length(unit) > policy.unitMaxLength)
    throw refuse(
      field,
      'max_length',
      `the unit is at most ${policy.unitMaxLength} characters at this institution.`,
    );
  if (!/^[\p{L}\p{N}]/u.test(unit))
    throw refuse(field, 'characters', 'the unit must start with a letter or digit.');
  if (policy.unitUnabbreviated) {
    const found = abbreviationsIn(unit);
    if (found.length > 0)
      throw refuse(
        field,
        'abbreviated',
        `write the unit (the Eselon I unit) out in full, without abbreviations: ${found.map((w) => `"${w}"`).join(', ')} looks abbreviated (e.g. "Sekretariat Jenderal", not "Setjen").`,
      );
  }
  return unit;
}

const provinceByName = new Map(Object.values(provinces).map((name) => [name.replace(/\s+/g, ' '), name]));
provinceByName.set('DI YOGYAKARTA', 'DAERAH ISTIMEWA YOGYAKARTA');
provinceByName.set('YOGYAKARTA', 'DAERAH ISTIMEWA YOGYAKARTA');
provinceByName.set('DAERAH KHUSUS IBUKOTA JAKARTA', 'DKI JAKARTA');
provinceByName.set('JAKARTA', 'DKI JAKARTA');

/** Provinsi: one of the 38 provinces, by name in any case ("Jawa Timur" → "JAWA TIMUR"). */
export function checkProvince(value: unknown, field = 'province'): string {
  const text = line(field, value).toUpperCase();
  const name = provinceByName.get(text);
  if (!name) throw refuse(field, 'province', 'choose one of the 38 provinces (e.g. "JAWA TIMUR").');
  return name;
}

/** Email: a valid address at one of the institution's domains (when it lists any). */
export function checkEmail(value: unknown, emailDomains: readonly string[]): string {
  const email = validEmail(value);
  assertEmailDomain(email, emailDomains);
  return email;
}

/** The profile fields a subscriber may ask to change ("Ubah Profil"); never the NIK, nor the phone. */
export const profileFields = [
  'fullName',
  'gelarDepan',
  'gelarBelakang',
  'email',
  'unitOrganisasi',
  'jabatan',
  'province',
] as const;
export type ProfileField = (typeof profileFields)[number];

/** Checked values; the optional fields are null when cleared. */
export interface ProfileValues {
  fullName: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  email: string;
  unitOrganisasi: string;
  jabatan: string;
  province: string;
}

/** The data rules that apply: the institution's policy and its e-mail domains. */
export interface ProfileRules {
  policy: InstitutionPolicy;
  emailDomains: readonly string[];
}

/**
 * Checks the given profile fields (fields not given are left out) by the rules above; refuses a
 * field that is not a profile field.
 */
export function validProfileData(
  rules: ProfileRules,
  input: Readonly<Record<string, unknown>>,
): Partial<ProfileValues> {
  const out: Partial<ProfileValues> = {};
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (value === undefined) continue;
    switch (key as ProfileField) {
      case 'fullName':
        out.fullName = checkFullName(value, rules.policy);
        break;
      case 'gelarDepan':
      case 'gelarBelakang':
        out[key as 'gelarDepan'] = checkTitle(value, key);
        break;
      case 'email':
        out.email = checkEmail(value, rules.emailDomains);
        break;
      case 'unitOrganisasi':
        out.unitOrganisasi = checkUnit(value, rules.policy);
        break;
      case 'jabatan':
        out.jabatan = checkJabatan(value, rules.policy);
        break;
      case 'province':
        out.province = checkProvince(value);
        break;
      default:
        throw new TekenError('ERR_INPUT_INVALID', `${key.slice(0, 40)}: not a field of the profile.`, {
          details: { field: key.slice(0, 40), rule: 'unknown_field' },
        });
    }
  }
  return out;
}
