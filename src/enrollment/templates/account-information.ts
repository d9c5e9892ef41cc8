import { defineTemplate, plural } from '../../notify/templates/template.js';

/**
 * "[BSrE] Informasi Akun" (seeds 000 and 003): sent when the RA verified a registration. It gives the
 * username to sign in with and a link to set the authenticator and the password (SETUP_ACCOUNT);
 * no password is ever sent.
 */
export const accountInformation = defineTemplate({
  variables: ['name', 'username', 'link', 'expiresInHours'],
  id: {
    subject: 'Informasi Akun',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Registrasi Anda telah diverifikasi oleh RA. Akun yang dapat digunakan untuk login pada portal ${organisation}:`,
      },
      { p: `Username: ${v.username}` },
      {
        p: 'Anda juga dapat masuk dengan email atau NIK Anda. Klik tombol berikut untuk memasang Mobile Authenticator (Google Authenticator) dan membuat password Anda.',
      },
      { link: v.link, label: 'Atur Akun' },
      {
        p: `Tautan ini berlaku selama ${v.expiresInHours} jam dan hanya dapat digunakan satu kali. Password tidak pernah dikirim melalui email.`,
      },
      { p: `Jika terdapat kendala, silakan hubungi RA instansi Anda. Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Account information',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `Your registration has been verified by the RA. The account to sign in to the ${organisation} portal with:`,
      },
      { p: `Username: ${v.username}` },
      {
        p: 'You can also sign in with your e-mail or NIK. Click on the button below to set up your mobile authenticator (Google Authenticator) and choose your password.',
      },
      { link: v.link, label: 'Set up account' },
      {
        p: `This link is valid for ${plural(v.expiresInHours, 'hour', 'hours')} and can be used only once. A password is never sent by e-mail.`,
      },
      { p: `If you have a problem, contact the RA of your institution. Thank you, ${organisation}` },
    ],
  },
});
