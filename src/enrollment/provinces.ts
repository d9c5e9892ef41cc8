/**
 * The 38 provinces of Indonesia (Kemendagri, 2022), as the console lists them for "Provinsi" and
 * "Provinsi Non ASN". A province is stored with this spelling; input is matched without regard to
 * case or extra spaces.
 */
export const provinces = [
  'Aceh',
  'Sumatera Utara',
  'Sumatera Barat',
  'Riau',
  'Jambi',
  'Sumatera Selatan',
  'Bengkulu',
  'Lampung',
  'Kepulauan Bangka Belitung',
  'Kepulauan Riau',
  'DKI Jakarta',
  'Jawa Barat',
  'Jawa Tengah',
  'DI Yogyakarta',
  'Jawa Timur',
  'Banten',
  'Bali',
  'Nusa Tenggara Barat',
  'Nusa Tenggara Timur',
  'Kalimantan Barat',
  'Kalimantan Tengah',
  'Kalimantan Selatan',
  'Kalimantan Timur',
  'Kalimantan Utara',
  'Sulawesi Utara',
  'Sulawesi Tengah',
  'Sulawesi Selatan',
  'Sulawesi Tenggara',
  'Gorontalo',
  'Sulawesi Barat',
  'Maluku',
  'Maluku Utara',
  'Papua',
  'Papua Barat',
  'Papua Selatan',
  'Papua Tengah',
  'Papua Pegunungan',
  'Papua Barat Daya',
] as const;

export type Province = (typeof provinces)[number];

const byKey = new Map<string, Province>(provinces.map((p) => [p.toLowerCase(), p]));

/** The province's stored spelling, or null when `value` names none. */
export function findProvince(value: string): Province | null {
  return byKey.get(value.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}
