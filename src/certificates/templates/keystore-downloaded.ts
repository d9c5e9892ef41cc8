import { defineTemplate } from '../../notify/templates/template.js';

/** Every keystore (PKCS#12) download is told to the holder. */
export const keystoreDownloaded = defineTemplate({
  variables: ['name', 'serial', 'at'],
  id: {
    subject: 'Keystore Sertifikat Elektronik Diunduh',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Keystore (PKCS#12) sertifikat elektronik Anda (nomor seri ${v.serial}) diunduh pada ${v.at}. Keystore dilindungi passphrase Anda; simpan berkas tersebut dengan aman.`,
      },
      {
        p: 'Jika bukan Anda yang mengunduhnya, segera lakukan Pencabutan sertifikat pada menu Sertifikat Saya dan hubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Certificate keystore downloaded',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The keystore (PKCS#12) of your electronic certificate (serial number ${v.serial}) was downloaded on ${v.at}. It is protected by your passphrase; keep the file safe.`,
      },
      {
        p: 'If it was not you, revoke the certificate (Pencabutan, under My certificates) at once and contact the RA of your institution.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
