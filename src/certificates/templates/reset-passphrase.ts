import { defineTemplate, plural } from '../../notify/templates/template.js';

/**
 * "[BSrE] Reset Passphrase" (seed 000): the e-mail route of the reset, used where WhatsApp is not
 * configured (where it is, the same link goes by WhatsApp as "Link Reset Passphrase").
 */
export const resetPassphrase = defineTemplate({
  variables: ['name', 'serial', 'link', 'expiresInHours'],
  id: {
    subject: 'Reset Passphrase',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Anda meminta reset passphrase sertifikat elektronik Anda (nomor seri ${v.serial}). Setelah pengecekan foto diri, Anda membuat passphrase baru dan sertifikat elektronik baru menggantikan yang lama: kunci yang lama tidak dapat dibuka tanpa passphrase lama.`,
      },
      { link: v.link, label: 'Reset Passphrase' },
      {
        p: `Tautan ini berlaku selama ${v.expiresInHours} jam. Abaikan email ini jika Anda tidak memintanya; passphrase tidak pernah diminta melalui email, telepon atau WhatsApp.`,
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Reset passphrase',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `You asked to reset the passphrase of your electronic certificate (serial number ${v.serial}). After a selfie check you choose a new passphrase, and a new certificate replaces the old one: the old key cannot be opened without the old passphrase.`,
      },
      { link: v.link, label: 'Reset passphrase' },
      {
        p: `This link is valid for ${plural(v.expiresInHours, 'hour', 'hours')}. Ignore this e-mail if you did not ask for it; nobody will ever ask you for your passphrase by e-mail, phone or WhatsApp.`,
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

/** The reset is done: "Passphrase Anda berhasil dirubah", the new certificate, the old one revoked. */
export const passphraseReset = defineTemplate({
  variables: ['name', 'serial', 'oldSerial', 'validUntil'],
  id: {
    subject: 'Passphrase Berhasil Dirubah',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Passphrase Anda berhasil dirubah. Sertifikat elektronik baru (nomor seri ${v.serial}, berlaku sampai ${v.validUntil}) menggantikan sertifikat lama (nomor seri ${v.oldSerial}), yang dicabut dengan alasan "digantikan sertifikat baru".`,
      },
      {
        p: 'Jika bukan Anda yang melakukannya, segera ganti password akun Anda, cabut sertifikat yang baru dan hubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Passphrase reset',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `Your passphrase was reset. A new electronic certificate (serial number ${v.serial}, valid until ${v.validUntil}) replaces the old one (serial number ${v.oldSerial}), which is revoked as superseded.`,
      },
      {
        p: 'If it was not you, change your account password at once, revoke the new certificate and contact the RA of your institution.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

/** The RA officer found that the reset's selfie is not the holder: the reason, what to do. */
export const passphraseResetRefused = defineTemplate({
  variables: ['name', 'reason'],
  id: {
    subject: 'Reset Passphrase Ditolak',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Foto diri pada reset passphrase Anda tidak cocok dengan foto yang terdaftar, sehingga reset ditolak. Alasan: ${v.reason}`,
      },
      {
        p: 'Sertifikat elektronik Anda tidak berubah. Anda dapat memulai reset passphrase lagi dengan foto diri yang jelas, atau menghubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Passphrase reset refused',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The selfie of your passphrase reset does not match the registered photo, so the reset was refused. Reason: ${v.reason}`,
      },
      {
        p: 'Your electronic certificate has not changed. You may start the reset again with a clear selfie, or contact the RA of your institution.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
