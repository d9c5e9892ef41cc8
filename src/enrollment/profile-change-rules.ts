/**
 * The rules of a subscriber's profile data, shared by everything that writes it: the registration
 * wizard, "Ubah Profil" (request-profile-change.ts), and the RA officer's corrections. Each rule
 * comes from seed 004 and the institution's data rules (institutions.ts `InstitutionPolicy`):
 *
 * - Nama: letters (and spaces, apostrophes, hyphens), at most `nameMaxLength` characters; with
 *   `nameWithoutTitles` no academic or religious titles (those go into Gelar Depan / Belakang).
 * - Gelar Depan / Gelar Belakang: optional, letters, dots, commas and spaces, at most 50.
 * - Email: a valid address at one of the institution's domains (when it lists any).
 * - Jabatan: none of `jabatanForbiddenCharacters` (default `.()`), at most `jabatanMaxLength`.
 * - Unit Organisasi: at most `unitMaxLength`; with `unitUnabbreviated` no abbreviations (a word
 *   in capitals only, like "SETJEN").
 * - Provinsi: one of the provinces of provinces.ts.
 *
 * A refusal is ERR_INPUT_INVALID naming the field (`details.field`) and the rule.
 */
import { TekenError } from '../errors/teken-error.js';
import type { InstitutionPolicy } from './institutions.js';
import { findProvince } from './provinces.js';
import { assertEmailDomain, validEmail } from './start-registration.js';

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

export const GELAR_MAX = 50;

/** The data rules that apply: the institution's policy and its e-mail domains. */
export interface ProfileRules {
  policy: InstitutionPolicy;
  emailDomains: readonly string[];
}

const invalid = (field: ProfileField, rule: string) =>
  new TekenError('ERR_INPUT_INVALID', `${field}: ${rule}`, { details: { field } });

const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function textOf(field: ProfileField, value: unknown): string {
  if (typeof value !== 'string') throw invalid(field, 'must be text.');
  if (CONTROL.test(value)) throw invalid(field, 'must not contain control characters.');
  return value.trim().replace(/\s+/g, ' ');
}

const length = (value: string) => [...value].length;

/** Titles written into a name (seed 004: "huruf tanpa gelar"), compared without dots and case. */
const TITLES = new Set([
  'dr',
  'drs',
  'dra',
  'drg',
  'ir',
  'prof',
  'hj',
  'kh',
  'st',
  'sh',
  'se',
  'ssi',
  'spd',
  'ssos',
  'skom',
  'sked',
  'sip',
  'sak',
  'mm',
  'mt',
  'msi',
  'mkom',
  'mpd',
  'mh',
  'mba',
  'msc',
  'mak',
  'phd',
  'amd',
  'apt',
]);

export function validProfileName(rules: ProfileRules, value: unknown): string {
  const name = textOf('fullName', value);
  const max = rules.policy.nameMaxLength;
  if (length(name) < 1) throw invalid('fullName', 'the name is required.');
  if (length(name) > max) throw invalid('fullName', `at most ${max} characters.`);
  if (rules.policy.nameWithoutTitles) {
    if (!/^[\p{L}][\p{L}\p{M} '-]*$/u.test(name))
      throw invalid(
        'fullName',
        'letters only, without titles (write titles in Gelar Depan or Gelar Belakang).',
      );
    const title = name.split(/[ -]/).find((w) => TITLES.has(w.toLowerCase().replace(/'/g, '')));
    if (title) throw invalid('fullName', `"${title}" is a title: write it in Gelar Depan or Gelar Belakang.`);
  } else if (!/^[\p{L}][\p{L}\p{M} '.,-]*$/u.test(name))
    throw invalid('fullName', 'letters, spaces, apostrophes, hyphens, dots and commas only.');
  return name;
}

export function validGelar(field: 'gelarDepan' | 'gelarBelakang', value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const gelar = textOf(field, value);
  if (gelar === '') return null;
  if (length(gelar) > GELAR_MAX) throw invalid(field, `at most ${GELAR_MAX} characters.`);
  if (!/^[\p{L}][\p{L}\p{M} .,'-]*$/u.test(gelar))
    throw invalid(
      field,
      'letters, dots, commas, apostrophes, hyphens and spaces only (e.g. "S.Kom., M.T.").',
    );
  return gelar;
}

export function validProfileEmail(rules: ProfileRules, value: unknown): string {
  const email = validEmail(value);
  assertEmailDomain(email, rules.emailDomains);
  return email;
}

export function validJabatan(rules: ProfileRules, value: unknown): string {
  const jabatan = textOf('jabatan', value);
  const { jabatanMaxLength: max, jabatanForbiddenCharacters: forbidden } = rules.policy;
  if (length(jabatan) < 1) throw invalid('jabatan', 'the position (Jabatan) is required.');
  if (length(jabatan) > max) throw invalid('jabatan', `at most ${max} characters.`);
  const found = [...jabatan].find((c) => forbidden.includes(c));
  if (found)
    throw invalid(
      'jabatan',
      `must not contain the characters ${[...forbidden].map((c) => `"${c}"`).join(' ')}.`,
    );
  if (!/^[\p{L}\p{N}]/u.test(jabatan)) throw invalid('jabatan', 'must start with a letter or digit.');
  return jabatan;
}

export function validUnitOrganisasi(rules: ProfileRules, value: unknown): string {
  const unit = textOf('unitOrganisasi', value);
  const max = rules.policy.unitMaxLength;
  if (length(unit) < 1) throw invalid('unitOrganisasi', 'the Unit Organisasi is required.');
  if (length(unit) > max) throw invalid('unitOrganisasi', `at most ${max} characters.`);
  if (!/^[\p{L}\p{N}]/u.test(unit)) throw invalid('unitOrganisasi', 'must start with a letter or digit.');
  if (rules.policy.unitUnabbreviated) {
    const abbreviation = unit.split(' ').find((w) => /^\p{Lu}{2,}$/u.test(w) && w.length <= 10);
    if (abbreviation)
      throw invalid(
        'unitOrganisasi',
        `write the unit out in full, without abbreviations ("${abbreviation}"), e.g. Sekretariat Jenderal.`,
      );
  }
  return unit;
}

export function validProfileProvince(value: unknown): string {
  const province = findProvince(textOf('province', value));
  if (!province) throw invalid('province', 'not a province of Indonesia (choose one from the list).');
  return province;
}

/**
 * Checks the given fields (fields not given are left out); refuses a field that is not a profile
 * field. The one function every writer of profile data calls.
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
        out.fullName = validProfileName(rules, value);
        break;
      case 'gelarDepan':
      case 'gelarBelakang':
        out[key as 'gelarDepan'] = validGelar(key as 'gelarDepan', value);
        break;
      case 'email':
        out.email = validProfileEmail(rules, value);
        break;
      case 'unitOrganisasi':
        out.unitOrganisasi = validUnitOrganisasi(rules, value);
        break;
      case 'jabatan':
        out.jabatan = validJabatan(rules, value);
        break;
      case 'province':
        out.province = validProfileProvince(value);
        break;
      default:
        throw new TekenError('ERR_INPUT_INVALID', `${key.slice(0, 40)}: not a field of the profile.`, {
          details: { field: key.slice(0, 40) },
        });
    }
  }
  return out;
}
