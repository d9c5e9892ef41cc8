import { defineTemplate, plural } from '../../notify/templates/template.js';

/** Sent when an administrator asks the user to set a new password (Keycloak's UPDATE_PASSWORD action). */
export const updatePassword = defineTemplate({
  variables: ['name', 'link', 'expiresInHours'],
  id: {
    subject: 'Perbarui Password',
    body: (v) => [
      { p: `Halo ${v.name},` },
      {
        p: 'Administrator Teken meminta Anda memperbarui password akun Anda. Klik tautan di bawah ini untuk membuat password baru.',
      },
      { link: v.link, label: 'Perbarui Password' },
      { p: `Tautan ini berlaku selama ${v.expiresInHours} jam dan hanya dapat digunakan satu kali.` },
      {
        p: 'Jika Anda tidak mengetahui permintaan ini, abaikan pesan ini dan hubungi administrator Anda; tidak ada yang akan diubah.',
      },
    ],
  },
  en: {
    subject: 'Update your password',
    body: (v) => [
      { p: `Hello ${v.name},` },
      {
        p: 'Your Teken administrator has requested that you update the password of your account. Click on the link below to choose a new password.',
      },
      { link: v.link, label: 'Update password' },
      {
        p: `This link will expire within ${plural(v.expiresInHours, 'hour', 'hours')} and can be used only once.`,
      },
      {
        p: 'If you are unaware of this request, ignore this message and contact your administrator; nothing will be changed.',
      },
    ],
  },
});
