/** The enrollment module's messages, registered with the notify outbox by the runtime. */
import type { MessageOf } from '../../notify/templates/template-registry.js';
import { accountInformation } from './account-information.js';
import { activateAccount } from './activate-account.js';
import { phoneCodeChange, phoneCodeRegistration } from './phone-code.js';
import { registrationRejected } from './registration-rejected.js';
import {
  certificateIssuanceLinkWa,
  passphraseResetLinkWa,
  phoneChangeApprovalLinkWa,
  renewalLinkWa,
} from './whatsapp-links.js';
import { confirmEmail } from './confirm-email.js';
import { profileChangeApproved } from './profile-change-approved.js';
import { profileChangeRejected } from './profile-change-rejected.js';

export const enrollmentTemplates = {
  'activate-account': activateAccount,
  // RA desk.
  'account-information': accountInformation,
  'registration-rejected': registrationRejected,
  // WhatsApp (docs/notifications.md "Templates").
  'phone-code-registration': phoneCodeRegistration,
  'phone-code-change': phoneCodeChange,
  'wa-passphrase-reset-link': passphraseResetLinkWa,
  'wa-certificate-issuance-link': certificateIssuanceLinkWa,
  'wa-renewal-link': renewalLinkWa,
  'wa-phone-change-approval-link': phoneChangeApprovalLinkWa,
  // Profile changes (Ubah Profil).
  'confirm-email': confirmEmail,
  'profile-change-approved': profileChangeApproved,
  'profile-change-rejected': profileChangeRejected,
} as const;

/** A message the enrollment module queues: one of its templates with exactly that template's variables. */
export type EnrollmentMessage = MessageOf<typeof enrollmentTemplates>;
