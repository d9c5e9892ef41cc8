import { defineTemplate } from '../../notify/templates/template.js';

/** The RA rejected a registration: the reason the officer gave, and what to do next. */
export const registrationRejected = defineTemplate({
  variables: ['name', 'reason'],
  id: {
    subject: 'Registrasi Ditolak',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      { p: 'Mohon maaf, registrasi akun Anda belum dapat diverifikasi oleh RA dengan alasan berikut:' },
      { p: v.reason },
      {
        p: 'Silakan hubungi RA instansi Anda untuk memperbaiki data dan mengirim ulang registrasi.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Registration rejected',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      { p: 'We are sorry: the RA could not verify your registration, for this reason:' },
      { p: v.reason },
      { p: 'Please contact the RA of your institution to correct the data and register again.' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
