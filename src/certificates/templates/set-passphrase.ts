import { defineTemplate, plural } from '../../notify/templates/template.js';

/**
 * "[BSrE] Set Passphrase" (seeds 000 and 002): the certificate request was approved; the button
 * "Buat Passphrase" opens the page that sets the passphrase, generates the key and issues the
 * certificate. The same link also goes by WhatsApp ("Link Penerbitan Sertifikat Elektronik").
 */
export const setPassphrase = defineTemplate({
  variables: ['name', 'product', 'link', 'expiresInHours'],
  id: {
    subject: 'Set Passphrase',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Permohonan sertifikat elektronik ${v.product} Anda telah disetujui. Passphrase adalah password yang digunakan untuk pengamanan terhadap Sertifikat Elektronik Anda. Setiap Anda menggunakan Sertifikat Elektronik, Anda diminta untuk memasukan passphrase Anda.`,
      },
      { p: 'Silahkan klik Buat Passphrase atau link di bawahnya.' },
      { link: v.link, label: 'Buat Passphrase' },
      {
        p: `Tautan ini berlaku selama ${v.expiresInHours} jam. Passphrase tidak pernah diminta melalui email, telepon atau WhatsApp.`,
      },
      { p: `Terima kasih untuk tetap setia menggunakan Layanan ${organisation}` },
    ],
  },
  en: {
    subject: 'Set passphrase',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `Your request for an electronic certificate (${v.product}) was approved. The passphrase protects your electronic certificate: you enter it every time you use the certificate.`,
      },
      { p: 'Click on Create passphrase, or on the link below it.' },
      { link: v.link, label: 'Create passphrase' },
      {
        p: `This link is valid for ${plural(v.expiresInHours, 'hour', 'hours')}. Nobody will ever ask you for your passphrase by e-mail, phone or WhatsApp.`,
      },
      { p: `Thank you for using the services of ${organisation}` },
    ],
  },
});
