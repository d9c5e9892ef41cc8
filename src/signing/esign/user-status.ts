/**
 * The eSign API's user status (`GET /api/user/status/{nik}`, `POST /api/v2/user/check/status`;
 * shared/BSRE-API.md): the one status of certificates/subscriber-status.ts, in BSrE's words.
 * `status_code` 1111 means the user may sign (ISSUE only); 2011 is BSrE's "not registered". BSrE
 * documents no code for the other statuses; Teken answers 2021 for them (registered, may not sign
 * now), and clients decide on 1111 alone.
 */
import { findHolder, type HolderKey } from '../../certificates/find-holder.js';
import { loadUserStatus, type UserStatus } from '../../certificates/subscriber-status.js';
import type { Db } from '../../db/open-database.js';
import type { MasterKey } from '../../keys/master-key.js';

export const ESIGN_OK = 1111;
export const ESIGN_NOT_REGISTERED = 2011;
export const ESIGN_CANNOT_SIGN = 2021;

export interface EsignUserStatus {
  status_code: number;
  message: string;
  status: UserStatus;
}

/** What the status means to the person, as BSrE's messages put it. */
export function esignStatusAnswer(status: UserStatus): EsignUserStatus {
  if (status === 'NOT_REGISTERED')
    return { status_code: ESIGN_NOT_REGISTERED, message: 'User tidak terdaftar', status };
  return {
    status_code: status === 'ISSUE' ? ESIGN_OK : ESIGN_CANNOT_SIGN,
    message: `Status Sertifikat Anda ${status}`,
    status,
  };
}

/** The status of the holder the API client's institution names by NIK or e-mail. */
export async function esignUserStatus(
  db: Db,
  master: MasterKey,
  institutionId: string,
  key: HolderKey,
  now = new Date(),
): Promise<EsignUserStatus> {
  const accountId = await findHolder(db, master, institutionId, key);
  if (accountId === null) return esignStatusAnswer('NOT_REGISTERED');
  const { status } = await loadUserStatus(db, accountId, 'esign', now);
  return esignStatusAnswer(status);
}
