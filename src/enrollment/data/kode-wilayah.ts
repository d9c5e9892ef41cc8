/**
 * Kode wilayah (Kemendagri): the 38 provinces and their 514 regencies and cities (kabupaten 01–69,
 * kota 71–99), as the first four digits of a NIK use them.
 *
 * Source: Keputusan Menteri Dalam Negeri No. 300.2.2-2138 Tahun 2025 (Pemberian dan Pemutakhiran
 * Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau), as transcribed by the public, maintained
 * list cahyadsn/wilayah (MIT), file db/wilayah_luas.sql, last edited 2025-07-05; checked against an
 * independent transcription of the 2019–2021 list. See docs/enrollment.md ("Kode wilayah").
 *
 * A NIK keeps the code of the regency that issued it: NIKs issued in Papua before the provinces of
 * Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya were formed (2022) carry the
 * old 91xx / 92xx codes, so those are accepted too (`legacyRegencies`).
 *
 * Regencies are written per province as two-digit codes and ranges ("01-18,71-75").
 */

export const provinces: Readonly<Record<string, string>> = {
  '11': 'ACEH',
  '12': 'SUMATERA UTARA',
  '13': 'SUMATERA BARAT',
  '14': 'RIAU',
  '15': 'JAMBI',
  '16': 'SUMATERA SELATAN',
  '17': 'BENGKULU',
  '18': 'LAMPUNG',
  '19': 'KEPULAUAN BANGKA BELITUNG',
  '21': 'KEPULAUAN RIAU',
  '31': 'DKI JAKARTA',
  '32': 'JAWA BARAT',
  '33': 'JAWA TENGAH',
  '34': 'DAERAH ISTIMEWA YOGYAKARTA',
  '35': 'JAWA TIMUR',
  '36': 'BANTEN',
  '51': 'BALI',
  '52': 'NUSA TENGGARA BARAT',
  '53': 'NUSA TENGGARA TIMUR',
  '61': 'KALIMANTAN BARAT',
  '62': 'KALIMANTAN TENGAH',
  '63': 'KALIMANTAN SELATAN',
  '64': 'KALIMANTAN TIMUR',
  '65': 'KALIMANTAN UTARA',
  '71': 'SULAWESI UTARA',
  '72': 'SULAWESI TENGAH',
  '73': 'SULAWESI SELATAN',
  '74': 'SULAWESI TENGGARA',
  '75': 'GORONTALO',
  '76': 'SULAWESI BARAT',
  '81': 'MALUKU',
  '82': 'MALUKU UTARA',
  '91': 'PAPUA',
  '92': 'PAPUA BARAT',
  '93': 'PAPUA SELATAN',
  '94': 'PAPUA TENGAH',
  '95': 'PAPUA PEGUNUNGAN',
  '96': 'PAPUA BARAT DAYA',
};

/** The current regencies and cities of each province (Kepmendagri 300.2.2-2138/2025). */
const current: Readonly<Record<string, string>> = {
  '11': '01-18,71-75',
  '12': '01-25,71-78',
  '13': '01-12,71-77',
  '14': '01-10,71-72',
  '15': '01-09,71-72',
  '16': '01-13,71-74',
  '17': '01-09,71',
  '18': '01-13,71-72',
  '19': '01-06,71',
  '21': '01-05,71-72',
  '31': '01,71-75',
  '32': '01-18,71-79',
  '33': '01-29,71-76',
  '34': '01-04,71',
  '35': '01-29,71-79',
  '36': '01-04,71-74',
  '51': '01-08,71',
  '52': '01-08,71-72',
  '53': '01-21,71',
  '61': '01-12,71-72',
  '62': '01-13,71',
  '63': '01-11,71-72',
  '64': '01-03,07-09,11,71-72,74',
  '65': '01-04,71',
  '71': '01-11,71-74',
  '72': '01-12,71',
  '73': '01-18,22,24,26,71-73',
  '74': '01-15,71-72',
  '75': '01-05,71',
  '76': '01-06',
  '81': '01-09,71-72',
  '82': '01-08,71-72',
  '91': '03,05-06,10-11,15,19-20,71',
  '92': '02-03,06-08,11-12',
  '93': '01-04',
  '94': '01-08',
  '95': '01-08',
  '96': '01-05,71',
};

/**
 * Codes of Papua and Papua Barat before the 2022 split, which NIKs issued then still carry
 * (e.g. 9101 Merauke, now 9301).
 */
const legacy: Readonly<Record<string, string>> = {
  '91': '01-02,04,07-09,12-14,16-18,21-28',
  '92': '01,04-05,09-10,71',
};

function expand(lists: Readonly<Record<string, string>>): Set<string> {
  const codes = new Set<string>();
  for (const [province, list] of Object.entries(lists))
    for (const part of list.split(',')) {
      const [from, to = from] = part.split('-').map(Number) as [number, number?];
      for (let n = from; n <= to; n++) codes.add(`${province}${String(n).padStart(2, '0')}`);
    }
  return codes;
}

/** The 514 current four-digit regency/city codes. */
export const regencies: ReadonlySet<string> = expand(current);
/** Codes no longer current that NIKs issued before 2022 carry. */
export const legacyRegencies: ReadonlySet<string> = expand(legacy);

/** Province names for the "Provinsi" list of Data Kedinasan, in code order. */
export const provinceNames: readonly string[] = Object.keys(provinces)
  .sort()
  .map((code) => provinces[code]!);
