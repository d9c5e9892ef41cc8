import { defineTemplate, plural } from '../../notify/templates/template.js';

/**
 * "Perpanjangan" reminder (issue 10): TEKEN_RENEWAL_REMINDER_DAYS (30, 7, 1) before a certificate ends
 * (send-renewal-reminders.ts). The button opens the console's Perpanjangan page of the
 * certificate (after sign-in); the same link goes by WhatsApp ("Link Pembaruan Sertifikat
 * Elektronik") where the holder's number is verified.
 */
export const renewalReminder = defineTemplate({
  variables: ['name', 'product', 'serial', 'validUntil', 'daysLeft', 'link'],
  id: {
    subject: 'Sertifikat Elektronik Segera Berakhir',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Sertifikat elektronik ${v.product} Anda berakhir dalam ${v.daysLeft} hari, pada ${v.validUntil}. Setelah itu sertifikat tidak dapat dipakai untuk menandatangani.`,
      },
      { p: `Nomor seri: ${v.serial}` },
      { p: 'Lakukan Perpanjangan sekarang agar penandatanganan Anda tidak terhenti.' },
      { link: v.link, label: 'Perpanjangan' },
      { p: 'Passphrase tidak pernah diminta melalui email, telepon atau WhatsApp.' },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Electronic certificate ending soon',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `Your electronic certificate (${v.product}) ends in ${plural(v.daysLeft, 'day', 'days')}, on ${v.validUntil}. After that it can no longer be used to sign.`,
      },
      { p: `Serial number: ${v.serial}` },
      { p: 'Renew it now so that your signing is not interrupted.' },
      { link: v.link, label: 'Renew' },
      { p: 'Nobody will ever ask you for your passphrase by e-mail, phone or WhatsApp.' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
