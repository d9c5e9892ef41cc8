/**
 * The one catalogue of Teken's error codes. Each code is stable: clients match on it, so a code
 * is never renamed or reused once released (retired codes stay listed with `retired: true`).
 * `status` is the HTTP status the edge maps the code to; `title` is the public, generic text.
 */
export const errorCatalogue = {
  ERR_INPUT_INVALID: { status: 400, title: 'The request is not valid.' },
  ERR_INPUT_TOO_LARGE: { status: 413, title: 'The request body is too large.' },
  ERR_INPUT_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The content type is not supported.' },
  ERR_RESOURCE_NOT_FOUND: { status: 404, title: 'Not found.' },
  ERR_CONFIG_INVALID: { status: 500, title: 'The configuration is not valid.' },
  ERR_DB_LOCKED: { status: 500, title: 'The embedded database is in use by another process.' },
  ERR_DB_UNAVAILABLE: { status: 503, title: 'The database is not reachable.' },
  ERR_KEY_NOT_FOUND: { status: 500, title: 'A key was not found in its backend.' },
  ERR_KEY_BACKEND: { status: 500, title: 'The key backend failed.' },
  ERR_KEY_UNSEAL_FAILED: { status: 500, title: 'A stored key could not be decrypted.' },
  ERR_CA_NOT_INITIALISED: { status: 503, title: 'The certificate authority has not been initialised.' },
  ERR_CA_NOT_FOUND: { status: 404, title: 'No such certificate authority.' },
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
  ERR_CERT_REVOCATION_REASON: { status: 400, title: 'The revocation reason is not valid here.' },
  ERR_CERT_SERIAL_EXHAUSTED: { status: 500, title: 'No unique serial number could be allocated.' },
  ERR_AUDIT_CHAIN_BROKEN: { status: 500, title: 'The audit chain does not verify.' },
  ERR_SERVER_INTERNAL: { status: 500, title: 'Internal error. The server log has the details.' },
} as const satisfies Record<string, { status: number; title: string; retired?: boolean }>;

export type ErrorCode = keyof typeof errorCatalogue;
