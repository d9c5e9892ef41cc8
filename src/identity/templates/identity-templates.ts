/** The identity module's messages, registered with the notify outbox by the runtime. */
import type { MessageOf } from '../../notify/templates/template-registry.js';
import { accountLocked } from './account-locked.js';
import { passwordChanged } from './password-changed.js';
import { resetOtpDevice } from './reset-otp-device.js';
import { resetPassword } from './reset-password.js';
import { setupAdmin } from './setup-admin.js';
import { updatePassword } from './update-password.js';

export const identityTemplates = {
  'reset-password': resetPassword,
  'update-password': updatePassword,
  'reset-otp-device': resetOtpDevice,
  'password-changed': passwordChanged,
  'account-locked': accountLocked,
  'setup-admin': setupAdmin,
} as const;

/** A message the identity module queues: one of its templates with exactly that template's variables. */
export type IdentityMessage = MessageOf<typeof identityTemplates>;
