import { defineTemplate } from '../../notify/templates/template.js';

/**
 * "Notifikasi sertifikat elektronik … dicabut" (seed 003): the certificate was revoked, on the
 * holder's Pencabutan or by the RA / a CA admin. `reason` is the reason as the holder reads it;
 * `note` the officer's words (or "-").
 */
export const certificateRevoked = defineTemplate({
  variables: ['name', 'product', 'serial', 'reason', 'note', 'revokedAt'],
  id: {
    subject: 'Sertifikat Elektronik Dicabut',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Sertifikat elektronik ${v.product} Anda telah dicabut dan tidak dapat lagi dipakai untuk menandatangani.`,
      },
      { p: `Nomor seri: ${v.serial}` },
      { p: `Alasan: ${v.reason}` },
      { p: `Catatan: ${v.note}` },
      { p: `Waktu pencabutan: ${v.revokedAt}` },
      {
        p: 'Status pencabutan telah tercantum di CRL dan OCSP. Untuk mendapatkan sertifikat baru, ajukan Permohonan Baru dari menu Sertifikat Saya. Jika Anda tidak meminta pencabutan ini, segera hubungi RA instansi Anda.',
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Electronic certificate revoked',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      { p: `Your electronic certificate (${v.product}) has been revoked and can no longer be used to sign.` },
      { p: `Serial number: ${v.serial}` },
      { p: `Reason: ${v.reason}` },
      { p: `Note: ${v.note}` },
      { p: `Revoked at: ${v.revokedAt}` },
      {
        p: 'The revocation is published in the CRL and by OCSP. To get a new certificate, make a new request under My certificates. If you did not ask for this revocation, contact the RA of your institution at once.',
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

/** The RA or a CA admin suspended (certificateHold) or released the certificate. */
export const certificateSuspended = defineTemplate({
  variables: ['name', 'product', 'serial', 'note', 'at'],
  id: {
    subject: 'Sertifikat Elektronik Ditangguhkan',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Sertifikat elektronik ${v.product} Anda ditangguhkan sementara oleh RA sejak ${v.at}: selama ditangguhkan, sertifikat tidak dapat dipakai untuk menandatangani.`,
      },
      { p: `Nomor seri: ${v.serial}` },
      { p: `Catatan: ${v.note}` },
      { p: 'Hubungi RA instansi Anda untuk keterangan lebih lanjut.' },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Electronic certificate suspended',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The RA suspended your electronic certificate (${v.product}) on ${v.at}: while it is suspended it cannot be used to sign.`,
      },
      { p: `Serial number: ${v.serial}` },
      { p: `Note: ${v.note}` },
      { p: 'Contact the RA of your institution for more information.' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

export const certificateReleased = defineTemplate({
  variables: ['name', 'product', 'serial', 'note', 'at'],
  id: {
    subject: 'Penangguhan Sertifikat Elektronik Dilepaskan',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Penangguhan sertifikat elektronik ${v.product} Anda telah dilepaskan oleh RA pada ${v.at}: sertifikat dapat dipakai kembali.`,
      },
      { p: `Nomor seri: ${v.serial}` },
      { p: `Catatan: ${v.note}` },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Electronic certificate released',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The RA released the suspension of your electronic certificate (${v.product}) on ${v.at}: it can be used again.`,
      },
      { p: `Serial number: ${v.serial}` },
      { p: `Note: ${v.note}` },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

/** The RA did not approve a Pencabutan: the certificate stays valid. */
export const revocationRequestRejected = defineTemplate({
  variables: ['name', 'product', 'serial', 'reason'],
  id: {
    subject: 'Permohonan Pencabutan Ditolak',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Permohonan pencabutan sertifikat elektronik ${v.product} Anda (nomor seri ${v.serial}) tidak disetujui oleh RA dengan alasan berikut:`,
      },
      { p: v.reason },
      { p: 'Sertifikat Anda tetap berlaku. Hubungi RA instansi Anda bila ada pertanyaan.' },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Revocation request rejected',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `The RA did not approve the revocation of your electronic certificate (${v.product}, serial ${v.serial}), for this reason:`,
      },
      { p: v.reason },
      { p: 'Your certificate remains valid. Contact the RA of your institution with any questions.' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

/** The expiry job: the certificate's validity ended. */
export const certificateExpired = defineTemplate({
  variables: ['name', 'product', 'serial', 'expiredAt'],
  id: {
    subject: 'Sertifikat Elektronik Kedaluwarsa',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p: `Masa berlaku sertifikat elektronik ${v.product} Anda telah berakhir pada ${v.expiredAt}; sertifikat tidak dapat lagi dipakai untuk menandatangani.`,
      },
      { p: `Nomor seri: ${v.serial}` },
      { p: 'Ajukan Permohonan Baru dari menu Sertifikat Saya untuk mendapatkan sertifikat baru.' },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Electronic certificate expired',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p: `Your electronic certificate (${v.product}) expired on ${v.expiredAt} and can no longer be used to sign.`,
      },
      { p: `Serial number: ${v.serial}` },
      { p: 'Make a new request under My certificates to get a new certificate.' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
