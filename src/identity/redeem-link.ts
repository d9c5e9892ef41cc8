/** Opens a link: marks it used and starts its flow on a new partial session. */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError, isTekenError } from '../errors/teken-error.js';
import { confirmedDevices, getAccount } from './accounts.js';
import { redeemActionLink } from './action-links.js';
import type { StepResult } from './flow-steps.js';
import type { IdentityContext } from './identity-context.js';
import { addressThrottled } from './lockout-policy.js';
import { createSession, type AuthFlowState, type FlowStep, type SessionMeta } from './sessions.js';

const linkFlows = {
  RESET_PASSWORD: 'reset_password',
  UPDATE_PASSWORD: 'admin_update_password',
  RESET_OTP_DEVICE: 'admin_reset_otp',
  SETUP_ADMIN: 'setup_admin',
  SETUP_ACCOUNT: 'setup_account',
} as const;

/** The links that open a sign-in flow here; activation and e-mail confirmation links open elsewhere. */
const signInLinkKinds = Object.keys(linkFlows) as (keyof typeof linkFlows)[];

/** The steps of each link's flow (flow-steps.ts); setup follows the seeds: authenticator, then password. */
function stepsOf(kind: (typeof linkFlows)[keyof typeof linkFlows], hasDevice: boolean): FlowStep[] {
  switch (kind) {
    case 'reset_password':
    case 'admin_update_password':
      return [hasDevice ? 'otp' : 'configure_totp', 'update_password'];
    case 'admin_reset_otp':
      return ['password', 'configure_totp'];
    case 'setup_admin':
    case 'setup_account':
      return ['configure_totp', 'update_password'];
  }
}

export async function redeemLink(
  ctx: IdentityContext,
  token: unknown,
  meta: SessionMeta,
): Promise<StepResult & { kind: AuthFlowState['kind'] }> {
  // A link token is a secret too: unknown tokens count against the address like wrong passwords.
  const result = await ctx.guard.attempt('link', { address: meta.ip }, () =>
    ctx.db
      .transaction(async (tx) => {
        const link = await redeemActionLink(tx, token, signInLinkKinds);
        const account = await getAccount(tx, link.accountId);
        const hasDevice = (await confirmedDevices(tx, account.id)).length > 0;
        const kind = linkFlows[link.action as keyof typeof linkFlows];
        const pending = stepsOf(kind, hasDevice);
        const flow: AuthFlowState = { kind, pending, remember: false };
        const { token: sessionToken, session } = await createSession(tx, ctx.config, {
          accountId: account.id,
          stage: 'partial',
          remember: false,
          flow,
          ...meta,
        });
        await recordAuditEvent(tx, {
          actor: `account:${account.id}`,
          action: 'link.redeemed',
          target: `account:${account.id}`,
          details: { link: link.action, ip: meta.ip ?? null },
        });
        return { next: pending[0]!, token: sessionToken, csrfToken: session.csrfToken, kind };
      })
      .catch((error: unknown) => {
        if (isTekenError(error) && error.code === 'ERR_LINK_INVALID') return null;
        throw error;
      }),
  );
  if (result.outcome === 'refused') throw addressThrottled(result.retryAfterSeconds);
  if (result.outcome === 'wrong') throw new TekenError('ERR_LINK_INVALID');
  return result.value;
}
