import { defineTemplate } from '../../notify/templates/template.js';

/** The first link of a new administrator: choose a password and finish setting up the account. */
export const setupAdmin = defineTemplate({
  variables: ['name', 'link'],
  id: {
    subject: 'Aktivasi Akun Administrator',
    body: (v) => [
      { p: `Halo ${v.name},` },
      {
        p: 'Akun administrator Teken telah dibuat untuk Anda. Klik tautan di bawah ini untuk membuat password dan menyelesaikan pengaturan akun Anda.',
      },
      { link: v.link, label: 'Aktivasi Akun' },
      {
        p: 'Tautan ini hanya dapat digunakan satu kali. Jika Anda tidak mengharapkan pesan ini, abaikan saja.',
      },
    ],
  },
  en: {
    subject: 'Set up your administrator account',
    body: (v) => [
      { p: `Hello ${v.name},` },
      {
        p: 'A Teken administrator account has been created for you. Click on the link below to choose a password and finish setting up your account.',
      },
      { link: v.link, label: 'Set up account' },
      { p: 'This link can be used only once. If you were not expecting this message, just ignore it.' },
    ],
  },
});
