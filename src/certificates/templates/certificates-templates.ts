/** The certificates module's messages, registered with the notify outbox by the runtime. */
import type { MessageOf } from '../../notify/templates/template-registry.js';
import { certificateIssued } from './certificate-issued.js';
import { certificateRequestApproved, certificateRequestRejected } from './certificate-request-decided.js';
import {
  certificateExpired,
  certificateReleased,
  certificateRevoked,
  certificateSuspended,
  revocationRequestRejected,
} from './certificate-revoked.js';
import { downloadKeystore } from './download-keystore.js';
import { keystoreDownloaded } from './keystore-downloaded.js';
import { passphraseChanged } from './passphrase-changed.js';
import { passphraseLocked } from './passphrase-locked.js';
import { renewalReminder } from './renewal-reminder.js';
import { passphraseReset, passphraseResetRefused, resetPassphrase } from './reset-passphrase.js';
import { setPassphrase } from './set-passphrase.js';
import { totpApproval, totpCode } from './totp-approval.js';

export const certificatesTemplates = {
  'set-passphrase': setPassphrase,
  'certificate-request-approved': certificateRequestApproved,
  'certificate-request-rejected': certificateRequestRejected,
  'certificate-issued': certificateIssued,
  'passphrase-locked': passphraseLocked,
  'certificate-revoked': certificateRevoked,
  'certificate-suspended': certificateSuspended,
  'certificate-released': certificateReleased,
  'certificate-expired': certificateExpired,
  'certificate-renewal-reminder': renewalReminder,
  'revocation-request-rejected': revocationRequestRejected,
  'passphrase-changed': passphraseChanged,
  'keystore-downloaded': keystoreDownloaded,
  'download-keystore': downloadKeystore,
  'reset-passphrase': resetPassphrase,
  'passphrase-reset': passphraseReset,
  'passphrase-reset-refused': passphraseResetRefused,
  'totp-approval': totpApproval,
  'totp-code': totpCode,
} as const;

/** A message the certificates module queues. */
export type CertificatesMessage = MessageOf<typeof certificatesTemplates>;
