import { defineTemplate, plural } from '../../notify/templates/template.js';

/**
 * "[BSrE] Persetujuan Tanda Tangan" (signing/totp-authorisation.ts): an institution's application
 * asks the holder for a TOTP (`what`: `sign`, for `documents` documents) or a seal activation
 * (`what`: `seal`). The link opens the approval page, where the holder approves with the passphrase.
 */
export const totpApproval = defineTemplate({
  variables: ['name', 'client', 'what', 'documents', 'link', 'expiresInMinutes'],
  id: {
    subject: 'Persetujuan Tanda Tangan',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p:
          v.what === 'sign'
            ? `${v.client} meminta izin menandatangani ${v.documents} dokumen atas nama Anda.`
            : `${v.client} meminta aktivasi segel elektronik (eSeal) instansi Anda.`,
      },
      { link: v.link, label: 'Tinjau Permintaan' },
      {
        p: `Tautan ini berlaku selama ${v.expiresInMinutes} menit dan hanya sekali pakai. Jika Anda tidak mengenali permintaan ini, tolak saja di halaman tersebut. Passphrase tidak pernah diminta melalui email, telepon atau WhatsApp.`,
      },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Signing approval',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p:
          v.what === 'sign'
            ? `${v.client} asks for your permission to sign ${plural(v.documents, 'document', 'documents')} in your name.`
            : `${v.client} asks to activate your institution's electronic seal (eSeal).`,
      },
      { link: v.link, label: 'Review the request' },
      {
        p: `This link is valid for ${plural(v.expiresInMinutes, 'minute', 'minutes')} and works once. If you do not recognise this request, refuse it on that page. Nobody will ever ask you for your passphrase by e-mail, phone or WhatsApp.`,
      },
      { p: `Thank you, ${organisation}` },
    ],
  },
});

/** The code the holder approved, for the application that asked (shown on screen as well). */
export const totpCode = defineTemplate({
  variables: ['name', 'client', 'what', 'code', 'documents', 'until'],
  id: {
    subject: 'Kode TOTP Tanda Tangan',
    body: (v, organisation) => [
      { p: `Hai ${v.name},` },
      {
        p:
          v.what === 'sign'
            ? `Anda menyetujui permintaan ${v.client}. Kode TOTP Anda: ${v.code}. Kode ini menandatangani paling banyak ${v.documents} dokumen dan berlaku sampai ${v.until}.`
            : `Anda menyetujui aktivasi segel untuk ${v.client}. Kode aktivasi: ${v.code}. Kode ini berlaku sampai ${v.until}.`,
      },
      { p: 'Masukkan kode ini hanya di aplikasi yang memintanya. Jangan bagikan kode ini kepada siapa pun.' },
      { p: `Terimakasih, ${organisation}` },
    ],
  },
  en: {
    subject: 'Your signing TOTP',
    body: (v, organisation) => [
      { p: `Hi ${v.name},` },
      {
        p:
          v.what === 'sign'
            ? `You approved the request of ${v.client}. Your TOTP: ${v.code}. It signs at most ${plural(v.documents, 'document', 'documents')} and is valid until ${v.until}.`
            : `You approved the seal activation for ${v.client}. Activation code: ${v.code}. It is valid until ${v.until}.`,
      },
      { p: 'Enter this code only in the application that asked for it. Do not share it with anyone.' },
      { p: `Thank you, ${organisation}` },
    ],
  },
});
