/** NIK, NIP and the profile rules as pure functions (the wizard test drives them through HTTP). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legacyRegencies, provinces, regencies } from '../../src/enrollment/data/kode-wilayah.js';
import { parseNik } from '../../src/enrollment/nik.js';
import { assertNipMatchesNik, parseNip } from '../../src/enrollment/nip.js';
import { abbreviationsIn, checkProvince, titlesIn } from '../../src/enrollment/profile-rules.js';
import { provinces as consoleProvinces } from '../../console/src/lib/provinces.js';
import { isTekenError } from '../../src/errors/teken-error.js';
import {
  invalidNik,
  invalidNip,
  invalidNipRule,
  syntheticPerson,
  type InvalidNipKind,
} from '../helpers/synthetic-identity.js';

const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (isTekenError(e, 'ERR_INPUT_INVALID')) return e.details?.rule;
    throw e;
  }
  return 'accepted';
};

describe('kode wilayah', () => {
  it('has the 38 provinces and 514 regencies and cities, each under a province', () => {
    assert.equal(Object.keys(provinces).length, 38);
    assert.equal(regencies.size, 514);
    for (const code of [...regencies, ...legacyRegencies]) assert.ok(code.slice(0, 2) in provinces, code);
    for (const code of ['3273', '3174', '9301', '9408', '9601', '9671']) assert.ok(regencies.has(code), code);
    assert.ok(legacyRegencies.has('9101'), 'Merauke before 2022');
    assert.ok(!regencies.has('3269'));
  });
});

describe('NIK', () => {
  it('reads the birth date and gender, +40 on the day for women', () => {
    const man = parseNik('3273011506850001', { now: Date.parse('2026-12-02') });
    assert.equal(man.birthDate, '1985-06-15');
    assert.equal(man.gender, 'male');
    const woman = parseNik('3273015506850001', { now: Date.parse('2026-12-02') });
    assert.equal(woman.birthDate, '1985-06-15');
    assert.equal(woman.gender, 'female');
    assert.equal(parseNik('3273 0115 0600 0001', { now: Date.parse('2026-12-02') }).birthDate, '2000-06-15');
  });

  it('refuses each invalid kind with its rule', () => {
    for (const kind of [
      'format',
      'province',
      'regency',
      'district',
      'birth_date',
      'future',
      'age',
      'sequence',
    ] as const)
      assert.equal(
        ruleOf(() => parseNik(invalidNik(kind, 'female'))),
        kind,
      );
    assert.equal(
      ruleOf(() => parseNik('32730129028500x1')),
      'format',
    );
    assert.equal(
      ruleOf(() => parseNik('3273012902850001')),
      'birth_date',
      '29 February 1985',
    );
  });
});

describe('NIP', () => {
  it('accepts a consistent NIP and refuses each invalid kind with its rule', () => {
    for (const gender of ['male', 'female'] as const) {
      const person = syntheticPerson(gender);
      const nip = parseNip(person.nip);
      assert.equal(nip.birthDate, person.birthDate);
      assert.equal(nip.gender, gender);
      assertNipMatchesNik(nip, parseNik(person.nik));
      for (const kind of Object.keys(invalidNipRule) as InvalidNipKind[])
        assert.equal(
          ruleOf(() => assertNipMatchesNik(parseNip(invalidNip(kind, person)), parseNik(person.nik))),
          invalidNipRule[kind],
          kind,
        );
    }
  });
});

describe('profile rules', () => {
  it('finds academic titles and abbreviations, and not ordinary words', () => {
    assert.deepEqual(titlesIn('Dr. Ir. Budi Santoso'), ['Dr.', 'Ir.']);
    assert.deepEqual(titlesIn('Budi Santoso S.Kom M.T.'), ['S.Kom', 'M.T.']);
    assert.deepEqual(titlesIn('Budi Santoso ST'), ['ST']);
    assert.deepEqual(titlesIn('Siti Rahayu'), []);
    assert.deepEqual(titlesIn('Ma Ying Stefani'), []);
    assert.deepEqual(abbreviationsIn('Biro SDM dan Organisasi'), ['SDM']);
    assert.deepEqual(abbreviationsIn('Setjen'), ['Setjen']);
    assert.deepEqual(abbreviationsIn('DJPPR'), ['DJPPR']);
    assert.deepEqual(abbreviationsIn('SEKRETARIAT JENDERAL'), []);
    assert.deepEqual(abbreviationsIn('Kantor Wilayah II'), []);
    assert.deepEqual(abbreviationsIn('Direktorat Jenderal Pajak'), []);
    assert.equal(checkProvince('jawa timur'), 'JAWA TIMUR');
    assert.equal(checkProvince('DI Yogyakarta'), 'DAERAH ISTIMEWA YOGYAKARTA');
    // Religious titles and an undotted Dr are titles; an initial is not.
    assert.deepEqual(titlesIn('Hj. Siti Aminah'), ['Hj.']);
    assert.deepEqual(titlesIn('KH Ahmad Dahlan'), ['KH']);
    assert.deepEqual(titlesIn('Dr Budi Santoso'), ['Dr']);
    assert.deepEqual(titlesIn('Muhammad H. Thamrin'), []);
  });

  it('has one list of provinces: the console lists what the server accepts and stores', () => {
    assert.equal(consoleProvinces.length, 38);
    assert.deepEqual(
      [...consoleProvinces],
      Object.keys(provinces)
        .sort()
        .map((code) => provinces[code]),
    );
    for (const name of consoleProvinces) {
      assert.equal(checkProvince(name), name);
      assert.equal(checkProvince(name.toLowerCase()), name);
    }
    assert.equal(checkProvince('DKI Jakarta'), 'DKI JAKARTA');
    assert.throws(() => checkProvince('Atlantis'), /province/);
  });
});
