import { defineTemplate } from '../../notify/templates/template.js';

/** "[BSrE] Penolakan Perubahan Data": the "Ubah Profil" request was rejected, with the RA's reason. */
export const profileChangeRejected = defineTemplate({
  variables: ['name', 'reason', 'link'],
  id: {
    subject: 'Penolakan Perubahan Data',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      { p: `Permintaan perubahan data akun Anda ditolak oleh RA dengan alasan: ${v.reason}` },
      {
        p: 'Data Anda tidak berubah. Anda dapat mengajukan perubahan baru melalui menu Pengaturan → Profil.',
      },
      { link: v.link, label: 'Lihat Profil' },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Profile change rejected',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      { p: `An RA officer rejected the change to your account data, for this reason: ${v.reason}` },
      { p: 'Your data is unchanged. You can ask for a new change under Settings → Profile.' },
      { link: v.link, label: 'View profile' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
