import { defineTemplate, plural } from '../../notify/templates/template.js';

/**
 * The WhatsApp verification codes (seed 003 "Ubah nomor HP", the registration wizard's number):
 * Meta's authentication templates with a copy-code button. WhatsApp shows Meta's preset text
 * ("<kode> adalah kode verifikasi Anda."); the body below is what the log channel shows in
 * development. Two templates, so operators can word and monitor them apart.
 */
function phoneCode(name: string, purposeId: string, purposeEn: string) {
  return defineTemplate({
    variables: ['code', 'expiresInMinutes'],
    id: {
      subject: 'Kode Verifikasi Nomor HP',
      body: (v, organisation) => [
        { p: `${v.code} adalah kode verifikasi Anda untuk ${purposeId} di ${organisation}.` },
        { p: `Demi keamanan, jangan bagikan kode ini. Kode berlaku ${v.expiresInMinutes} menit.` },
      ],
    },
    en: {
      subject: 'Phone number verification code',
      body: (v, organisation) => [
        { p: `${v.code} is your verification code to ${purposeEn} at ${organisation}.` },
        {
          p: `For your security, do not share this code. It expires in ${plural(v.expiresInMinutes, 'minute', 'minutes')}.`,
        },
      ],
    },
    whatsapp: { category: 'authentication', name, code: 'code' },
  });
}

/** The phone activation code at registration (the wizard's "Kirim Kode OTP"). */
export const phoneCodeRegistration = phoneCode(
  'teken_kode_aktivasi',
  'aktivasi nomor HP',
  'activate your phone number',
);

/** The "Ubah nomor HP" code of a signed-in user. */
export const phoneCodeChange = phoneCode(
  'teken_kode_ubah_nomor',
  'ubah nomor HP',
  'change your phone number',
);
