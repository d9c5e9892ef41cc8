/** The enrollment module's messages, registered with the notify outbox by the runtime. */
import type { MessageOf } from '../../notify/templates/template-registry.js';
import { activateAccount } from './activate-account.js';
// RA desk (helper ra).
import { accountInformation } from './account-information.js';
import { registrationRejected } from './registration-rejected.js';

export const enrollmentTemplates = {
  'activate-account': activateAccount,
  // RA desk (helper ra).
  'account-information': accountInformation,
  'registration-rejected': registrationRejected,
} as const;

/** A message the enrollment module queues: one of its templates with exactly that template's variables. */
export type EnrollmentMessage = MessageOf<typeof enrollmentTemplates>;
