/**
 * What "Aksi" offers for one certificate in Daftar Sertifikat Elektronik, decided here (server
 * side) from the certificate's status, who is looking and the institution's policy, so the console
 * shows only what the use cases would accept. Each use case still checks for itself.
 *
 * | action           | who    | status                               | also                          |
 * |------------------|--------|--------------------------------------|-------------------------------|
 * | download, info   | reader | any                                  |                               |
 * | changePassphrase | holder | Issued, Renew, On Revoke             | (not revoked/suspended/expired)|
 * | resetPassphrase  | holder | Issued, Renew                        | not replaced                  |
 * | revoke           | holder | Issued, Renew, Suspended             | no Pencabutan pending         |
 * | renew            | holder | Issued, Renew, Expired               | not replaced; due or in window|
 * | keystore         | holder | Issued, Renew, On Revoke             | `keystoreSelfService`         |
 *
 * Staff who may read the certificate (`certificate.read`) get download and info only here; what
 * they may do to it is Tinjau Ulang → Sertifikat Elektronik (list-holder-certificates.ts).
 */
import type { CertificateDisplayStatus } from './subscriber-status.js';

export const certificateActionNames = [
  'download',
  'info',
  'changePassphrase',
  'resetPassphrase',
  'revoke',
  'renew',
  'keystore',
] as const;

export type CertificateAction = (typeof certificateActionNames)[number];

export interface ActionFacts {
  status: CertificateDisplayStatus;
  /** The reader is the certificate's holder. */
  holder: boolean;
  notAfter: Date;
  replaced: boolean;
  renewalDue: boolean;
  keystoreSelfService: boolean;
  /** Renewal is offered this many days before notAfter (TEKEN_RENEWAL_WINDOW_DAYS). */
  renewalWindowDays: number;
}

export function certificateActions(f: ActionFacts, now: Date): CertificateAction[] {
  const actions: CertificateAction[] = ['download', 'info'];
  if (!f.holder) return actions;
  const s = f.status;
  if (s === 'Issued' || s === 'Renew' || s === 'On Revoke') actions.push('changePassphrase');
  if ((s === 'Issued' || s === 'Renew') && !f.replaced) actions.push('resetPassphrase');
  if (s === 'Issued' || s === 'Renew' || s === 'Suspended') actions.push('revoke');
  const dueSoon = f.notAfter.getTime() - now.getTime() <= f.renewalWindowDays * 86_400_000;
  if ((s === 'Issued' || s === 'Renew' || s === 'Expired') && !f.replaced && (f.renewalDue || dueSoon))
    actions.push('renew');
  if ((s === 'Issued' || s === 'Renew' || s === 'On Revoke') && f.keystoreSelfService)
    actions.push('keystore');
  return actions;
}
