/**
 * The signing use case's errors in BSrE's words (shared/BSRE-API.md "Errors"), for the eSign sign
 * routes: a wrong passphrase is `{"error": "Passphrase anda salah", "status_code": 2031}` (HTTP
 * 400); a signer who may not sign, an unreadable PDF and every other caller error start with
 * "Proses signing gagal :"; limits (429 with Retry-After) and server errors pass unchanged.
 */
import { isTekenError, TekenError } from '../../errors/teken-error.js';

export const ESIGN_WRONG_PASSPHRASE = 2031;

export function esignSigningError(error: unknown): unknown {
  if (!isTekenError(error)) return error;
  if (error.code === 'ERR_PASSPHRASE_WRONG')
    return new TekenError('ERR_ESIGN_PASSPHRASE_WRONG', 'Passphrase anda salah', {
      details: { ...error.details, bsreCode: ESIGN_WRONG_PASSPHRASE },
    });
  if (
    error.status === 429 ||
    error.status >= 500 ||
    ['ERR_ESIGN_PASSPHRASE_WRONG', 'ERR_ESIGN_USER_NOT_REGISTERED', 'ERR_ESIGN_SIGNING_FAILED'].includes(
      error.code,
    )
  )
    return error;
  if (error.message.startsWith('Proses signing gagal')) return error;
  return new TekenError('ERR_ESIGN_SIGNING_FAILED', `Proses signing gagal : ${error.message}`, {
    cause: error,
    details: { ...error.details, reason: error.code },
  });
}
