import { defineTemplate, plural } from '../../notify/templates/template.js';

/** "[BSrE] Konfirmasi Email": sent to the new address of an "Ubah Profil" request, to prove it is theirs. */
export const confirmEmail = defineTemplate({
  variables: ['name', 'link', 'expiresInHours'],
  id: {
    subject: 'Konfirmasi Email',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Anda meminta perubahan alamat email akun ${organisation} Anda ke alamat ini. Silakan klik tombol berikut untuk mengonfirmasi bahwa alamat ini milik Anda.`,
      },
      { link: v.link, label: 'Konfirmasi Email' },
      {
        p: `Tautan ini berlaku selama ${v.expiresInHours} jam. Setelah dikonfirmasi, perubahan data menunggu persetujuan RA.`,
      },
      { p: `Jika Anda tidak meminta perubahan ini, abaikan pesan ini. Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Confirm your e-mail address',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `You asked to change the e-mail address of your ${organisation} account to this address. Click on the button below to confirm that it is yours.`,
      },
      { link: v.link, label: 'Confirm e-mail address' },
      {
        p: `This link is valid for ${plural(v.expiresInHours, 'hour', 'hours')}. Once confirmed, the change waits for an RA officer's approval.`,
      },
      { p: `If you did not ask for this change, ignore this message. Thank you, ${organisation}` },
    ],
  },
});
