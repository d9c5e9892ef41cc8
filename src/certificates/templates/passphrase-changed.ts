import { defineTemplate } from '../../notify/templates/template.js';

/** Ubah passphrase done: the same certificate, a new passphrase; what to do if it was not the holder. */
export const passphraseChanged = defineTemplate({
  variables: ['name', 'serial', 'at'],
  id: {
    subject: 'Passphrase Berhasil Diubah',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Passphrase sertifikat elektronik Anda (nomor seri ${v.serial}) telah diubah pada ${v.at}. Sertifikat Anda tetap sama; gunakan passphrase baru mulai sekarang.`,
      },
      {
        p: 'Jika bukan Anda yang mengubahnya, segera ganti password akun Anda, gunakan Reset Passphrase dan hubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Passphrase changed',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The passphrase of your electronic certificate (serial number ${v.serial}) was changed on ${v.at}. Your certificate stays the same; use the new passphrase from now on.`,
      },
      {
        p: 'If it was not you, change your account password at once, use Reset passphrase and contact the RA of your institution.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
