import { defineTemplate } from '../../notify/templates/template.js';

/** Too many wrong passphrases: the key is locked until `until`; what to do if it was not the holder. */
export const passphraseLocked = defineTemplate({
  variables: ['name', 'serial', 'until'],
  id: {
    subject: 'Passphrase Terkunci',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Passphrase sertifikat elektronik Anda (nomor seri ${v.serial}) salah dimasukkan terlalu sering, sehingga sertifikat tidak dapat digunakan sampai ${v.until}.`,
      },
      {
        p: 'Jika Anda lupa passphrase, gunakan Reset Passphrase pada menu Sertifikat Saya. Jika bukan Anda yang mencoba, segera ganti password akun Anda dan hubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Passphrase locked',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The passphrase of your electronic certificate (serial number ${v.serial}) was entered wrongly too often, so the certificate cannot be used until ${v.until}.`,
      },
      {
        p: 'If you forgot the passphrase, use Reset passphrase under My certificates. If it was not you, change your account password at once and contact the RA of your institution.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
