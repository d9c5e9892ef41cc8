import { defineTemplate } from '../../notify/templates/template.js';

/** The certificate was issued after the passphrase was set ("sertifikat terbit"). */
export const certificateIssued = defineTemplate({
  variables: ['name', 'product', 'commonName', 'serial', 'validUntil'],
  id: {
    subject: 'Sertifikat Elektronik Terbit',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      { p: `Sertifikat elektronik ${v.product} Anda telah terbit.` },
      { p: `Nama: ${v.commonName}` },
      { p: `Nomor seri: ${v.serial}` },
      { p: `Berlaku sampai: ${v.validUntil}` },
      {
        p: 'Simpan passphrase Anda dengan baik: passphrase diperlukan setiap kali Anda menandatangani dokumen, dan tidak dapat dipulihkan. Jika Anda tidak merasa menerbitkan sertifikat ini, segera hubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Electronic certificate issued',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      { p: `Your electronic certificate (${v.product}) has been issued.` },
      { p: `Name: ${v.commonName}` },
      { p: `Serial number: ${v.serial}` },
      { p: `Valid until: ${v.validUntil}` },
      {
        p: 'Keep your passphrase safe: you need it every time you sign, and it cannot be recovered. If you did not have this certificate issued, contact the RA of your institution at once.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
