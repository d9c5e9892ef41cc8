import { defineTemplate, plural } from '../../notify/templates/template.js';

/**
 * The links seed 003 sends over WhatsApp (utility templates, docs/notifications.md "Templates"):
 * defined now so operators can register them at Meta; the next issue queues them. WhatsApp sends
 * the template registered at Meta with these body parameters in this order: {{1}} the name,
 * {{2}} the link, {{3}} its lifetime in hours. The body below is the log channel's rendering.
 */
function linkTemplate(
  provider: string,
  subject: { id: string; en: string },
  what: { id: string; en: string },
) {
  return defineTemplate({
    variables: ['name', 'link', 'expiresInHours'],
    id: {
      subject: subject.id,
      body: (v, organisation) => [
        { p: `Hai ${v.name},` },
        { p: `${what.id} (${organisation}):` },
        { link: v.link, label: subject.id },
        { p: `Tautan berlaku ${v.expiresInHours} jam. Abaikan pesan ini jika Anda tidak memintanya.` },
      ],
    },
    en: {
      subject: subject.en,
      body: (v, organisation) => [
        { p: `Hi ${v.name},` },
        { p: `${what.en} (${organisation}):` },
        { link: v.link, label: subject.en },
        {
          p: `The link is valid for ${plural(v.expiresInHours, 'hour', 'hours')}. Ignore this message if you did not ask for it.`,
        },
      ],
    },
    whatsapp: { category: 'utility', name: provider, parameters: ['name', 'link', 'expiresInHours'] },
  });
}

export const passphraseResetLinkWa = linkTemplate(
  'teken_link_reset_passphrase',
  { id: 'Link Reset Passphrase', en: 'Passphrase reset link' },
  {
    id: 'Gunakan tautan berikut untuk mengatur ulang passphrase Anda',
    en: 'Use this link to reset your passphrase',
  },
);

export const certificateIssuanceLinkWa = linkTemplate(
  'teken_link_penerbitan_sertifikat',
  { id: 'Link Penerbitan Sertifikat Elektronik', en: 'Electronic certificate issuance link' },
  {
    id: 'Gunakan tautan berikut untuk penerbitan sertifikat elektronik Anda',
    en: 'Use this link to have your electronic certificate issued',
  },
);

export const renewalLinkWa = linkTemplate(
  'teken_link_pembaruan_sertifikat',
  { id: 'Link Pembaruan Sertifikat Elektronik', en: 'Certificate renewal link' },
  {
    id: 'Gunakan tautan berikut untuk memperbarui sertifikat elektronik Anda',
    en: 'Use this link to renew your electronic certificate',
  },
);

export const phoneChangeApprovalLinkWa = linkTemplate(
  'teken_link_persetujuan_nomor_hp',
  { id: 'Link Persetujuan Perubahan Nomor HP', en: 'Phone number change approval link' },
  {
    id: 'Gunakan tautan berikut untuk menyetujui perubahan nomor HP Anda',
    en: 'Use this link to approve the change of your phone number',
  },
);
