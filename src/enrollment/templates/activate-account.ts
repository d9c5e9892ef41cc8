import { defineTemplate, plural } from '../../notify/templates/template.js';

/** "[BSrE] Aktivasi Akun" (seed 002): the registration link of an invited or self-registered person. */
export const activateAccount = defineTemplate({
  variables: ['name', 'link', 'expiresInHours'],
  id: {
    subject: 'Aktivasi Akun',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      { p: 'Terimakasih telah bergabung bersama kami!' },
      {
        p: `Terima kasih telah bergabung di Layanan ${organisation}. Silakan klik tombol berikut untuk tahap registrasi akun Anda.`,
      },
      { link: v.link, label: 'Aktivasi Akun' },
      {
        p: `Tautan ini berlaku selama ${v.expiresInHours} jam. Anda dapat kembali melalui tautan yang sama untuk melanjutkan pengisian data sampai registrasi dikirim.`,
      },
      { p: `Jika Anda tidak merasa mendaftar, abaikan pesan ini. Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Activate your account',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      { p: 'Thank you for joining us!' },
      {
        p: `Thank you for joining the ${organisation} service. Click on the button below to register your account.`,
      },
      { link: v.link, label: 'Activate account' },
      {
        p: `This link is valid for ${plural(v.expiresInHours, 'hour', 'hours')}. You can come back through the same link to continue until you submit your registration.`,
      },
      { p: `If you did not register, ignore this message. Thank you, ${organisation}` },
    ],
  },
});
