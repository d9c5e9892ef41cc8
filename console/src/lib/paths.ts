/**
 * Every path of the console in one place, so a page links to a route by name and a renamed path
 * changes here only. The route table that maps them to pages is in app.tsx.
 */
export const paths = {
  home: '/',
  signIn: '/masuk',
  forgotPassword: '/lupa-password',
  link: '/link',
  otp: '/otp',
  authenticator: '/authenticator',
  updatePassword: '/update-password',
  password: '/password',
  security: '/keamanan',
  activity: '/aktivitas',
  accounts: '/admin/akun',
  newAccount: '/admin/akun/baru',
  account: (id: string) => `/admin/akun/${encodeURIComponent(id)}`,
  outbox: '/admin/outbox',
  phoneNumber: '/pengaturan/nomor-hp',
  outboxMessage: (id: string) => `/admin/outbox/${encodeURIComponent(id)}`,
  invite: '/pengguna/undang',
  selfRegistration: '/daftar',
  /** The registration wizard, opened from the "[BSrE] Aktivasi Akun" e-mail (`/aktivasi#<token>`). */
  activation: '/aktivasi',
  // RA desk (helper ra).
  ra: '/ra',
  raReview: (id: string) => `/ra/${encodeURIComponent(id)}`,
  // Menus of seed 003 and Pengaturan → Profil (enrollment issue). Some pages are built by others.
  certificates: '/sertifikat',
  profile: '/pengaturan/profil',
  phone: '/pengaturan/nomor-hp',
  confirmEmail: '/konfirmasi-email',
  importCsv: '/pengguna/impor',
  changeRequests: '/ra/perubahan-data',
  revocations: '/ra/pencabutan',
  institutions: '/admin/instansi',
  institution: (id: string) => `/admin/instansi/${encodeURIComponent(id)}`,
  apiClients: (id: string) => `/admin/instansi/${encodeURIComponent(id)}/klien-api`,
  // Sertifikat Saya (the certificates issue): the list is `certificates`.
  newCertificateRequest: '/sertifikat/permohonan-baru',
  certificateRequests: '/sertifikat/permohonan',
  /** Tanda Tangan Dokumen (the signing issue). */
  signDocuments: '/sertifikat/tanda-tangan-dokumen',
  revocation: (id: string) => `/sertifikat/${encodeURIComponent(id)}/pencabutan`,
  resetPassphrase: (id: string) => `/sertifikat/${encodeURIComponent(id)}/reset-passphrase`,
  renewal: (id: string) => `/sertifikat/${encodeURIComponent(id)}/perpanjangan`,
  selfDiagnosis: '/deteksi-mandiri',
  /** Mailed or WhatsApp links (the token in the fragment): Set Passphrase, Reset Passphrase, keystore. */
  passphraseLink: '/passphrase',
  resetPassphraseLink: '/reset-passphrase',
  keystoreLink: '/keystore',
  /** "[BSrE] Persetujuan Tanda Tangan": approve an application's TOTP or seal activation. */
  totpApproval: '/persetujuan',
  // RA: certificate requests and the selfie checks of passphrase resets.
  raCertificateRequests: '/ra/permohonan-sertifikat',
  raCertificateRequest: (id: string) => `/ra/permohonan-sertifikat/${encodeURIComponent(id)}`,
  raSelfieChecks: '/ra/foto-diri',
  /** Verifikasi PDF, public; the QR code on a signed document links to `/verifikasi?dokumen=<id>`. */
  verifyPdf: '/verifikasi',
} as const;

/** The pages anyone may open (sign-in and its steps, Lupa Password, e-mailed links, the wizard, Verifikasi PDF). */
export const publicPaths: ReadonlySet<string> = new Set([
  paths.signIn,
  paths.forgotPassword,
  paths.link,
  paths.otp,
  paths.authenticator,
  paths.updatePassword,
  paths.password,
  paths.selfRegistration,
  paths.activation,
  paths.confirmEmail,
  paths.passphraseLink,
  paths.resetPassphraseLink,
  paths.keystoreLink,
  paths.totpApproval,
  paths.verifyPdf,
]);

/** Ids in paths are UUIDs: anything else is "not found" without asking the server. */
export const isUuid = (value: string | undefined): value is string =>
  value !== undefined && /^[0-9a-f-]{36}$/i.test(value);
