/** The enrollment module's messages, registered with the notify outbox by the runtime. */
import type { MessageOf } from '../../notify/templates/template-registry.js';
import { activateAccount } from './activate-account.js';
// Profile changes (Ubah Profil).
import { confirmEmail } from './confirm-email.js';
import { profileChangeApproved } from './profile-change-approved.js';
import { profileChangeRejected } from './profile-change-rejected.js';

export const enrollmentTemplates = {
  'activate-account': activateAccount,
  // Profile changes (Ubah Profil).
  'confirm-email': confirmEmail,
  'profile-change-approved': profileChangeApproved,
  'profile-change-rejected': profileChangeRejected,
} as const;

/** A message the enrollment module queues: one of its templates with exactly that template's variables. */
export type EnrollmentMessage = MessageOf<typeof enrollmentTemplates>;
