/**
 * The one catalogue of Teken's error codes. Each code is stable: clients match on it, so a code
 * is never renamed or reused once released (retired codes stay listed with `retired: true`).
 * `status` is the HTTP status the edge maps the code to; `title` is the public, generic text.
 */
export const errorCatalogue = {
  ERR_INPUT_INVALID: { status: 400, title: 'The request is not valid.' },
  ERR_INPUT_TOO_LARGE: { status: 413, title: 'The request body is too large.' },
  ERR_INPUT_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The content type is not supported.' },
  ERR_INPUT_HEADERS_TOO_LARGE: { status: 431, title: 'The request headers are too large.' },
  ERR_INPUT_TIMEOUT: { status: 408, title: 'The request took too long to arrive.' },
  ERR_RESOURCE_NOT_FOUND: { status: 404, title: 'Not found.' },
  ERR_RESOURCE_CONFLICT: { status: 409, title: 'The request conflicts with an existing record.' },
  ERR_CONFIG_INVALID: { status: 500, title: 'The configuration is not valid.' },
  ERR_DB_LOCKED: { status: 500, title: 'The embedded database is in use by another process.' },
  ERR_DB_UNAVAILABLE: { status: 503, title: 'The database is not reachable.' },
  ERR_KEY_NOT_FOUND: { status: 500, title: 'A key was not found in its backend.' },
  ERR_KEY_BACKEND: { status: 500, title: 'The key backend failed.' },
  ERR_KEY_UNSEAL_FAILED: { status: 500, title: 'A stored key could not be decrypted.' },
  ERR_CA_NOT_INITIALISED: { status: 503, title: 'The certificate authority has not been initialised.' },
  ERR_CA_NOT_FOUND: { status: 404, title: 'No such certificate authority.' },
  ERR_CA_EXPIRED: { status: 409, title: 'The certificate authority is at the end of its validity.' },
  ERR_CA_RESPONDER_EXPIRED: { status: 503, title: 'The OCSP responder certificate has expired.' },
  ERR_CA_REVOKED: { status: 409, title: "The certificate authority's certificate has been revoked." },
  ERR_CA_CONFIG_MISMATCH: { status: 500, title: 'The existing CA does not match the configuration.' },
  ERR_PROFILE_NOT_FOUND: { status: 400, title: 'No such certificate profile.' },
  ERR_PROFILE_NOT_ALLOWED: { status: 400, title: 'The profile cannot be used with this CA.' },
  ERR_PROFILE_VIOLATION: { status: 400, title: 'The request does not meet the certificate profile.' },
  ERR_CSR_MALFORMED: { status: 400, title: 'The certificate signing request cannot be parsed.' },
  ERR_CSR_SIGNATURE_INVALID: {
    status: 400,
    title: 'The signature of the certificate signing request is not valid.',
  },
  ERR_CSR_KEY_UNSUPPORTED: { status: 400, title: 'The public key type or size is not allowed.' },
  ERR_CERT_LINT_FAILED: { status: 500, title: 'The certificate failed its pre-issuance checks.' },
  ERR_CERT_NOT_FOUND: { status: 404, title: 'No such certificate.' },
  ERR_CERT_ALREADY_REVOKED: { status: 409, title: 'The certificate is already revoked.' },
  ERR_CERT_NOT_ON_HOLD: { status: 409, title: 'The certificate is not on hold.' },
  ERR_CERT_NOT_REVOCABLE: { status: 409, title: 'This certificate cannot be revoked.' },
  ERR_CERT_REVOCATION_REASON: { status: 400, title: 'The revocation reason is not valid here.' },
  ERR_CERT_SERIAL_EXHAUSTED: { status: 500, title: 'No unique serial number could be allocated.' },
  ERR_AUTH_INVALID_CREDENTIALS: { status: 401, title: 'The username or password is wrong.' },
  ERR_AUTH_OTP_INVALID: { status: 401, title: 'The authenticator code is wrong or was already used.' },
  ERR_AUTH_THROTTLED: { status: 429, title: 'Too many attempts. Wait a moment and try again.' },
  ERR_AUTH_REQUIRED: { status: 401, title: 'Sign in first.' },
  ERR_AUTH_STEP_INVALID: { status: 409, title: 'This step of the sign-in does not apply now.' },
  ERR_AUTH_FORBIDDEN: { status: 403, title: 'You are not allowed to do this.' },
  ERR_AUTH_CSRF: { status: 403, title: 'The request is missing its anti-forgery token.' },
  ERR_PASSWORD_POLICY: { status: 400, title: 'The password does not meet the password rules.' },
  ERR_PASSWORD_MISMATCH: { status: 400, title: 'The two passwords are not the same.' },
  ERR_PASSWORD_CURRENT_WRONG: { status: 400, title: 'The current password is wrong.' },
  ERR_LINK_INVALID: { status: 404, title: 'This link is not valid.' },
  ERR_LINK_USED: { status: 410, title: 'This link has already been used.' },
  ERR_LINK_EXPIRED: { status: 410, title: 'This link has expired.' },
  ERR_TOTP_DEVICE_NAME_TAKEN: { status: 409, title: 'You already have an authenticator with this name.' },
  ERR_TOTP_LAST_DEVICE: { status: 409, title: 'Your only authenticator cannot be removed.' },
  ERR_ACCOUNT_EXISTS: { status: 409, title: 'An account with this username or e-mail already exists.' },
  ERR_ACCOUNT_NOT_FOUND: { status: 404, title: 'No such account.' },
  ERR_ACCOUNT_NOT_ACTIVE: {
    status: 409,
    title: 'This account is not active (waiting for RA verification, or disabled): it cannot use a link.',
  },
  ERR_ADMIN_SETUP_DONE: { status: 409, title: 'The first administrator has already been set up.' },
  ERR_INSTITUTION_NOT_FOUND: { status: 404, title: 'No such institution.' },
  ERR_INSTITUTION_CODE_TAKEN: { status: 409, title: 'Another institution already has this code.' },
  // CSV import (h-csv)
  ERR_IMPORT_FILE_INVALID: { status: 400, title: 'The CSV file cannot be imported.' },
  ERR_AUDIT_CHAIN_BROKEN: { status: 500, title: 'The audit chain does not verify.' },
  ERR_API_CLIENT_UNAUTHORIZED: {
    status: 401,
    title: 'The API client credentials (HTTP Basic) are missing or wrong.',
  },
  ERR_API_CLIENT_DISABLED: { status: 403, title: 'This API client is disabled.' },
  ERR_API_CLIENT_ADDRESS: { status: 403, title: 'This API client may not call from this address.' },
  ERR_API_CLIENT_RATE_LIMITED: {
    status: 429,
    title: 'This API client has made too many calls. Wait a moment and try again.',
  },
  ERR_API_CLIENT_NOT_FOUND: { status: 404, title: 'No such API client.' },
  // --- Starting a registration (invite, HR API, self-registration) ---
  ERR_REGISTRATION_NOT_FOUND: { status: 404, title: 'No such registration.' },
  ERR_REGISTRATION_CLOSED: {
    status: 409,
    title: 'This registration has been submitted or decided: its activation link cannot be sent again.',
  },
  ERR_SELF_REGISTRATION_CLOSED: {
    status: 403,
    title: 'This institution does not take self-registration. Ask its RA officer for an invitation.',
  },
  // --- Registration wizard (h-wizard) ---
  ERR_CONSENT_OUTDATED: { status: 409, title: 'A consent document has a newer version: read and accept it.' },
  ERR_REGISTRATION_INCOMPLETE: { status: 409, title: 'The registration is not complete yet.' },
  ERR_REGISTRATION_DUPLICATE: {
    status: 409,
    title: 'This NIK, e-mail address or phone number is already registered by someone else.',
  },
  ERR_NIP_NOT_FOUND: { status: 400, title: 'The personnel registry does not know this NIP.' },
  ERR_REGISTRY_UNAVAILABLE: {
    status: 503,
    title: 'The external registry is not reachable. Try again later.',
  },
  // RA desk (helper ra).
  ERR_REGISTRATION_STATE: {
    status: 409,
    title: 'The registration is not in a state that allows this.',
  },
  ERR_REGISTRATION_SAME_APPROVER: {
    status: 409,
    title: 'The second approval must come from another RA officer.',
  },
  ERR_REGISTRATION_NO_PHOTO: { status: 404, title: 'The registration has no such photo.' },
  // Notifications and phone verification (WhatsApp).
  ERR_OUTBOX_NOT_RESENDABLE: { status: 409, title: 'This message cannot be sent again.' },
  ERR_PHONE_CODE_INVALID: { status: 400, title: 'Kode OTP salah.' },
  ERR_PHONE_CODE_EXPIRED: { status: 410, title: 'The code has expired. Send a new one.' },
  ERR_PHONE_CODE_TOO_SOON: { status: 429, title: 'A code was just sent. Wait before sending another.' },
  ERR_PHONE_CODE_QUOTA: { status: 429, title: 'Too many codes were sent. Try again later.' },
  ERR_PHONE_TAKEN: { status: 409, title: 'This phone number is already verified for another account.' },
  ERR_PHONE_WHATSAPP_UNAVAILABLE: {
    status: 409,
    title: 'Phone numbers cannot be verified over WhatsApp here; the RA officer verifies them.',
  },
  // Profile changes ("Ubah Profil", enrollment issue).
  ERR_CHANGE_REQUEST_NOT_FOUND: { status: 404, title: 'No such profile change request.' },
  ERR_CHANGE_REQUEST_PENDING: {
    status: 409,
    title: 'A profile change request is already waiting: cancel it or wait for its decision.',
  },
  ERR_CHANGE_REQUEST_DECIDED: { status: 409, title: 'This profile change request is no longer pending.' },
  ERR_CHANGE_REQUEST_EMAIL_UNCONFIRMED: {
    status: 409,
    title: 'The new e-mail address has not been confirmed from that address yet.',
  },
  ERR_PROFILE_NOT_VERIFIED: { status: 409, title: 'Only a verified registration can be changed this way.' },
  // The subscriber's certificates (certificates issue).
  ERR_CERT_REQUEST_NOT_FOUND: { status: 404, title: 'No such certificate request.' },
  ERR_CERT_REQUEST_OPEN: {
    status: 409,
    title: 'A request for this product is already open: wait for its decision or cancel it.',
  },
  ERR_CERT_REQUEST_STATE: {
    status: 409,
    title: 'The certificate request is not in a state that allows this.',
  },
  ERR_PRODUCT_NOT_ALLOWED: { status: 403, title: 'This product may not be requested by this account.' },
  ERR_SUBSCRIBER_NOT_VERIFIED: {
    status: 409,
    title: 'The account is not verified by the RA yet, so it cannot have a certificate.',
  },
  ERR_PASSPHRASE_POLICY: {
    status: 400,
    title:
      'The passphrase needs at least 8 characters with a lower-case letter, an upper-case letter, a digit and a special character.',
  },
  ERR_PASSPHRASE_WRONG: { status: 403, title: 'Passphrase salah.' },
  ERR_PASSPHRASE_LOCKED: {
    status: 429,
    title: 'Too many wrong passphrases: the key is locked for a while. Wait, or reset the passphrase.',
  },
  ERR_SIGNING_AUTHORISATION_INVALID: {
    status: 403,
    title: 'The signing authorisation is unknown or its token is wrong.',
  },
  ERR_SIGNING_AUTHORISATION_SPENT: {
    status: 409,
    title: 'The signing authorisation has expired or has too few documents left: enter the passphrase again.',
  },
  ERR_TOTP_INVALID: {
    status: 403,
    title: 'TOTP salah atau tidak berlaku.',
  },
  ERR_TOTP_SPENT: {
    status: 409,
    title: 'TOTP sudah kedaluwarsa atau jumlah dokumennya sudah habis: minta TOTP baru.',
  },
  ERR_TOTP_NOT_PENDING: {
    status: 409,
    title: 'Permintaan ini sudah disetujui, ditolak atau berakhir.',
  },
  ERR_SUBSCRIBER_CERT_NOT_FOUND: { status: 404, title: 'No such certificate.' },
  ERR_SUBSCRIBER_CERT_STATE: { status: 409, title: 'The certificate is not in a state that allows this.' },
  ERR_REVOCATION_REQUEST_NOT_FOUND: { status: 404, title: 'No such revocation request.' },
  ERR_REVOCATION_PENDING: {
    status: 409,
    title: 'A Pencabutan of this certificate already waits for the RA.',
  },
  ERR_REVOCATION_REQUEST_STATE: {
    status: 409,
    title: 'The revocation request was already decided.',
  },
  // --- Time-stamping (RFC 3161) ---
  ERR_TSA_UNAVAILABLE: {
    status: 503,
    title: 'The time-stamping unit cannot sign now (its certificate is missing, expired or revoked).',
  },
  ERR_TSA_RATE_LIMITED: {
    status: 429,
    title: 'Too many time-stamp requests from this address. Wait a moment and try again.',
  },
  ERR_VERIFY_RATE_LIMITED: {
    status: 429,
    title: 'Too many verifications from this address. Wait a moment and try again.',
  },
  ERR_VERIFY_DOCUMENT_NOT_FOUND: {
    status: 404,
    title: 'Teken has no record of a signed document with this id.',
  },
  ERR_PDF_INVALID: { status: 400, title: 'The PDF cannot be read.' },
  ERR_PDF_TOO_LARGE: { status: 400, title: 'The PDF exceeds the limits for signing or verifying.' },
  ERR_PDF_PASSWORD: {
    status: 400,
    title: 'The PDF is protected by a password, and the password is missing or wrong.',
  },
  ERR_PDF_TAG_NOT_FOUND: { status: 400, title: 'The tag text was not found in the PDF.' },
  ERR_PDF_CHANGES_FORBIDDEN: {
    status: 400,
    title: 'The PDF is certified against changes, so it cannot be signed again.',
  },
  ERR_PADES_TIMESTAMP: { status: 502, title: 'The time-stamping authority gave no usable time-stamp.' },
  ERR_PADES_TIMESTAMP_TIMEOUT: {
    status: 504,
    title: 'The time-stamping authority did not answer in time. Try again in a moment.',
  },
  ERR_SIGNING_BUSY: {
    status: 503,
    title: 'Too many documents are waiting to be signed or verified. Try again in a moment.',
  },
  // --- Signing documents (src/signing/sign-documents.ts) and BSrE's eSign API texts ---
  ERR_SIGNER_CANNOT_SIGN: {
    status: 409,
    title: 'The signer has no issued certificate that may sign now.',
  },
  ERR_SIGNING_CREDENTIAL_UNSUPPORTED: {
    status: 400,
    title: 'This kind of credential cannot open the key here.',
  },
  ERR_ESIGN_PASSPHRASE_WRONG: { status: 400, title: 'Passphrase anda salah' },
  ERR_ESIGN_USER_NOT_REGISTERED: { status: 400, title: 'Proses signing gagal : User tidak terdaftar 2011' },
  ERR_ESIGN_SIGNING_FAILED: { status: 400, title: 'Proses signing gagal' },
  ERR_SIGNED_DOCUMENT_NOT_FOUND: {
    status: 404,
    title: 'Dokumen tidak ditemukan atau masa unduhnya telah habis',
  },
  ERR_SIGNED_DOCUMENT_DOWNLOADED: { status: 410, title: 'Dokumen telah didownload sebelumnya' },
  // Passphrase reset ("Reset passphrase", seed 001).
  ERR_PHONE_NOT_VERIFIED: {
    status: 409,
    title: 'Verify your WhatsApp number first (Verifikasi): the reset link goes by WhatsApp.',
  },
  ERR_SELFIE_NO_MATCH: {
    status: 422,
    title: 'The selfie does not match the registered one. Take it again, facing the camera in good light.',
  },
  ERR_SELFIE_LOCKED: {
    status: 429,
    title: 'Too many selfies did not match. Try again later, or ask the RA of your institution.',
  },
  ERR_SELFIE_CHECK_NOT_FOUND: { status: 404, title: 'No such selfie check.' },
  ERR_SELFIE_CHECK_STATE: { status: 409, title: 'This selfie check was already decided.' },
  ERR_SERVER_INTERNAL: { status: 500, title: 'Internal error. The server log has the details.' },
} as const satisfies Record<string, { status: number; title: string; retired?: boolean }>;

export type ErrorCode = keyof typeof errorCatalogue;
