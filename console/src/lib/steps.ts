/** Where each step of a sign-in or link flow is shown (src/identity/flow-steps.ts). */
import type { FlowStep } from '../api/types';

export const stepPaths: Record<FlowStep, string> = {
  otp: '/otp',
  configure_totp: '/authenticator',
  update_password: '/update-password',
  password: '/password',
};

export const flowPaths = new Set(Object.values(stepPaths));
