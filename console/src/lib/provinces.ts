/**
 * The 38 provinces of Indonesia (Kemendagri), written as AMS shows them ("JAWA TIMUR"): the list of
 * "Provinsi" / "Provinsi Non ASN" in the registration wizard's Data Kedinasan. One source with the
 * server's checks (src/enrollment/data/kode-wilayah.ts, the codes a NIK begins with), in code order.
 */
export { provinceNames as provinces } from '../../../src/enrollment/data/kode-wilayah.js';
