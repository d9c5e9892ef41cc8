/**
 * The institution's data rules for a profile (seed 004: "Nama: huruf tanpa gelar (maks 25char);
 * Jabatan: huruf tanpa karakter khusus "." "()" (maks 20 char); Unit Organisasi: Unit Eselon I,
 * tanpa disingkat"), applied in the wizard and again on submit. Each rule is a policy field of the
 * institution (institutions.ts); each refusal is ERR_INPUT_INVALID naming the field and the rule.
 */
import { TekenError } from '../errors/teken-error.js';
import { provinces } from './data/kode-wilayah.js';
import type { InstitutionPolicy } from './institutions.js';

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
        `write the name without academic titles (found ${titles.map((t) => `"${t}"`).join(', ')}); put them in Gelar Depan or Gelar Belakang.`,
      );
    if (name.includes(','))
      throw refuse(
        field,
        'titles',
        'write the name without a comma (titles after a comma go in Gelar Belakang).',
      );
  }
  if (!/^[\p{L}\p{M}][\p{L}\p{M} '.-]*$/u.test(name))
    throw refuse(
      field,
      'characters',
      'the name is letters only (with spaces, apostrophes, hyphens or dots).',
    );
  return name;
}

/** Gelar Depan / Gelar Belakang: optional, short, one line. */
export function checkTitle(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  const title = line(field, value);
  if (title === '') return null;
  if (length(title) > 50) throw refuse(field, 'max_length', 'at most 50 characters.');
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
