import { defineTemplate, plural } from '../../notify/templates/template.js';

/** Sent when too many failed sign-ins lock the account for a while; `time` from formatWib. */
export const accountLocked = defineTemplate({
  variables: ['name', 'minutes', 'time'],
  id: {
    subject: 'Akun Dikunci Sementara',
    body: (v, organisation) => [
      { p: `Halo ${v.name},` },
      {
        p: `Akun Teken Anda dikunci sementara selama ${v.minutes} menit sejak ${v.time} karena terlalu banyak percobaan masuk yang gagal.`,
      },
      {
        p: 'Setelah itu Anda dapat masuk kembali. Jika Anda lupa password, gunakan "Lupa Password" di halaman masuk.',
      },
      {
        p: `Jika bukan Anda yang mencoba masuk, hubungi administrator atau layanan dukungan ${organisation}.`,
      },
    ],
  },
  en: {
    subject: 'Your account is temporarily locked',
    body: (v, organisation) => [
      { p: `Hello ${v.name},` },
      {
        p: `Your Teken account was locked for ${plural(v.minutes, 'minute', 'minutes')} on ${v.time} because of too many failed sign-in attempts.`,
      },
      {
        p: 'After that you can sign in again. If you forgot your password, use "Forgot password" on the sign-in page.',
      },
      { p: `If it wasn't you trying to sign in, contact your administrator or ${organisation} support.` },
    ],
  },
});
