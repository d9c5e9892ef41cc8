import { defineTemplate } from '../../notify/templates/template.js';

/**
 * "[BSrE] Persetujuan Perubahan Data" (seed 003 "Link persetujuan perubahan data"; seed 004 "tunggu
 * email pemberitahuan dari BSSN bahwa perubahan data telah disetujui"): the subscriber's "Ubah
 * Profil" request was approved; the link opens the profile.
 */
export const profileChangeApproved = defineTemplate({
  variables: ['name', 'fields', 'link'],
  id: {
    subject: 'Persetujuan Perubahan Data',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      { p: `Perubahan data akun Anda telah disetujui oleh RA: ${v.fields}.` },
      { link: v.link, label: 'Lihat Profil' },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Profile change approved',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      { p: `An RA officer approved the change to your account data: ${v.fields}.` },
      { link: v.link, label: 'View profile' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
