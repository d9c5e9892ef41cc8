import { defineTemplate, plural } from '../../notify/templates/template.js';

/** "30 menit", "24 jam"; whole hours are said in hours. */
const lifetimeId = (minutes: string) =>
  Number(minutes) % 60 === 0 ? `${Number(minutes) / 60} jam` : `${minutes} menit`;
const lifetimeEn = (minutes: string) =>
  Number(minutes) % 60 === 0
    ? plural(String(Number(minutes) / 60), 'hour', 'hours')
    : plural(minutes, 'minute', 'minutes');

/** Self-service "Lupa Password": the link to choose a new password. */
export const resetPassword = defineTemplate({
  variables: ['name', 'link', 'expiresInMinutes'],
  id: {
    subject: 'Reset Password',
    body: (v) => [
      { p: `Halo ${v.name},` },
      {
        p: 'Seseorang baru saja meminta untuk mengubah password akun Teken Anda. Jika itu Anda, klik tautan di bawah ini untuk mengatur ulang password Anda.',
      },
      { link: v.link, label: 'Reset Password' },
      {
        p: `Tautan ini berlaku selama ${lifetimeId(v.expiresInMinutes)} dan hanya dapat digunakan satu kali.`,
      },
      { p: 'Jika Anda tidak ingin mengatur ulang password, abaikan pesan ini; tidak ada yang akan diubah.' },
    ],
  },
  en: {
    subject: 'Reset password',
    body: (v) => [
      { p: `Hello ${v.name},` },
      {
        p: "Someone just requested to change your Teken account's password. If this was you, click on the link below to reset it.",
      },
      { link: v.link, label: 'Reset password' },
      {
        p: `This link will expire within ${lifetimeEn(v.expiresInMinutes)} and can be used only once.`,
      },
      {
        p: "If you don't want to reset your password, just ignore this message and nothing will be changed.",
      },
    ],
  },
});
