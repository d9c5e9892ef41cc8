import { defineTemplate } from '../../notify/templates/template.js';

/** "[BSrE] Permohonan Penerbitan Berhasil" (seed 000): the RA approved a certificate request. */
export const certificateRequestApproved = defineTemplate({
  variables: ['name', 'product'],
  id: {
    subject: 'Permohonan Penerbitan Berhasil',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Permohonan penerbitan sertifikat elektronik ${v.product} Anda telah diverifikasi oleh RA. Anda akan menerima email Set Passphrase untuk membuat passphrase dan menerbitkan sertifikat elektronik Anda.`,
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Certificate request approved',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The RA has verified your request for an electronic certificate (${v.product}). You will receive a Set passphrase e-mail to create your passphrase and have your certificate issued.`,
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

/** The RA rejected a certificate request: the officer's reason. */
export const certificateRequestRejected = defineTemplate({
  variables: ['name', 'product', 'reason'],
  id: {
    subject: 'Permohonan Penerbitan Ditolak',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Mohon maaf, permohonan penerbitan sertifikat elektronik ${v.product} Anda ditolak oleh RA dengan alasan berikut:`,
      },
      { p: v.reason },
      {
        p: 'Silakan perbaiki dokumen atau data Anda dan ajukan permohonan baru, atau hubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Certificate request rejected',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `We are sorry: the RA rejected your request for an electronic certificate (${v.product}), for this reason:`,
      },
      { p: v.reason },
      {
        p: 'Please correct the document or your data and make a new request, or contact the RA of your institution.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
