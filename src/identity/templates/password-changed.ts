import { defineTemplate } from '../../notify/templates/template.js';

/** Notice after a password change (AMS v4.9 "Notifikasi Perubahan Password"); `time` from formatWib. */
export const passwordChanged = defineTemplate({
  variables: ['name', 'time'],
  id: {
    subject: 'Password Anda Telah Diubah',
    body: (v, organisation) => [
      { p: `Halo ${v.name},` },
      { p: `Password akun Teken Anda telah diubah pada ${v.time}.` },
      { p: 'Jika Anda yang melakukannya, abaikan pesan ini.' },
      {
        p: `Jika bukan Anda, segera hubungi administrator atau layanan dukungan ${organisation}: akun Anda mungkin digunakan orang lain.`,
      },
    ],
  },
  en: {
    subject: 'Your password was changed',
    body: (v, organisation) => [
      { p: `Hello ${v.name},` },
      { p: `The password of your Teken account was changed on ${v.time}.` },
      { p: 'If this was you, you can ignore this message.' },
      {
        p: `If it wasn't you, contact your administrator or ${organisation} support right away: someone else may be using your account.`,
      },
    ],
  },
});
