import { defineTemplate, plural } from '../../notify/templates/template.js';

/** Sent when an administrator resets the user's authenticator (AMS's RESET_OTP_DEVICE link). */
export const resetOtpDevice = defineTemplate({
  variables: ['name', 'link', 'expiresInHours'],
  id: {
    subject: 'Reset OTP Authenticator',
    body: (v) => [
      { p: `Halo ${v.name},` },
      {
        p: 'Administrator Teken meminta Anda mengatur ulang aplikasi authenticator (OTP) akun Anda. Klik tautan di bawah ini untuk menghubungkan aplikasi authenticator di ponsel Anda, misalnya Google Authenticator atau FreeOTP.',
      },
      { link: v.link, label: 'Atur Ulang Authenticator' },
      { p: `Tautan ini berlaku selama ${v.expiresInHours} jam dan hanya dapat digunakan satu kali.` },
      {
        p: 'Jika Anda tidak mengetahui permintaan ini, jangan gunakan tautan tersebut dan segera hubungi administrator Anda.',
      },
    ],
  },
  en: {
    subject: 'Reset your authenticator',
    body: (v) => [
      { p: `Hello ${v.name},` },
      {
        p: 'Your Teken administrator has requested that you reset the authenticator app (OTP) of your account. Click on the link below to set up the authenticator app on your phone, for example Google Authenticator or FreeOTP.',
      },
      { link: v.link, label: 'Reset authenticator' },
      {
        p: `This link will expire within ${plural(v.expiresInHours, 'hour', 'hours')} and can be used only once.`,
      },
      {
        p: 'If you are unaware of this request, do not use the link and contact your administrator right away.',
      },
    ],
  },
});
