import { defineTemplate, plural } from '../../notify/templates/template.js';

/** DOWNLOAD_KEYSTORE, sent from Tinjau Ulang: the link to download the keystore with the passphrase. */
export const downloadKeystore = defineTemplate({
  variables: ['name', 'serial', 'link', 'expiresInHours'],
  id: {
    subject: 'Unduh Keystore Sertifikat Elektronik',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Petugas RA mengirimkan tautan untuk mengunduh keystore (PKCS#12) sertifikat elektronik Anda (nomor seri ${v.serial}). Keystore dilindungi passphrase Anda.`,
      },
      { link: v.link, label: 'Unduh Keystore' },
      {
        p: `Tautan ini berlaku selama ${v.expiresInHours} jam dan hanya sekali pakai. Passphrase tidak pernah diminta melalui email, telepon atau WhatsApp.`,
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Download your certificate keystore',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `An RA officer sent you a link to download the keystore (PKCS#12) of your electronic certificate (serial number ${v.serial}). The keystore is protected by your passphrase.`,
      },
      { link: v.link, label: 'Download keystore' },
      {
        p: `This link is valid for ${plural(v.expiresInHours, 'hour', 'hours')} and works once. Nobody will ever ask you for your passphrase by e-mail, phone or WhatsApp.`,
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
