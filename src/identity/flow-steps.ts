/**
 * Sign-in and the link flows, as steps on a partial session (BeID / Keycloak "required actions"):
 *
 *   login                  password → otp (or configure_totp the first time) → [update_password] → signed in
 *   reset_password         link → otp (configure_totp if none yet) → update_password → signed in
 *   admin_update_password  link → otp (configure_totp if none yet) → update_password → signed in
 *   admin_reset_otp        link → password → configure_totp (old devices removed) → signed in
 *   setup_admin            link → configure_totp → update_password → signed in
 *   setup_account          link → configure_totp → update_password → signed in (after RA approval)
 *
 * Each link replaces one factor, never both: a reset must not bypass the second factor. Every flow
 * ends signed in (the partial session is replaced by a full one, with a new token), so the code
 * that the user just typed is not asked for again — it could not be: it is spent.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { TekenError } from '../errors/teken-error.js';
import type { AccountRow } from './accounts.js';
import type { IdentityContext } from './identity-context.js';
import {
  rotateToFullSession,
  updateFlow,
  type AuthFlowState,
  type FlowStep,
  type SessionMeta,
  type SessionRow,
} from './sessions.js';

export interface StepResult {
  /** What the client shows next. */
  next: FlowStep | 'done' | 'sign_in';
  /** A new session token to set as the cookie (new or rotated session), and its CSRF token. */
  token?: string;
  csrfToken?: string;
  /** The partial session ended: clear the cookie. */
  clearCookie?: boolean;
}

/** The steps of a sign-in after the password. */
export function stepsAfterPassword(account: AccountRow, hasDevice: boolean): FlowStep[] {
  const steps: FlowStep[] = [hasDevice ? 'otp' : 'configure_totp'];
  if (account.requiredActions.includes('UPDATE_PASSWORD')) steps.push('update_password');
  return steps;
}

export function flowOf(session: SessionRow): AuthFlowState {
  if (session.stage !== 'partial' || !session.flow)
    throw new TekenError('ERR_AUTH_STEP_INVALID', 'No sign-in is in progress. Start again.');
  return session.flow as unknown as AuthFlowState;
}

export function expectStep(flow: AuthFlowState, step: FlowStep): void {
  if (flow.pending[0] !== step) {
    throw new TekenError(
      'ERR_AUTH_STEP_INVALID',
      `The next step is ${flow.pending[0] ?? 'none'}, not ${step}.`,
      {
        details: { next: flow.pending[0] ?? null },
      },
    );
  }
}

/** Moves a flow past its current step; when nothing is left, signs in (a new, full session). */
export async function advance(
  ctx: IdentityContext,
  session: SessionRow,
  flow: AuthFlowState,
  meta: SessionMeta,
): Promise<StepResult> {
  const rest: AuthFlowState = { ...flow, pending: flow.pending.slice(1) };
  delete rest.enrollment;
  if (rest.pending.length > 0) {
    await updateFlow(ctx.db, session, rest);
    return { next: rest.pending[0]! };
  }
  return ctx.db.transaction(async (tx) => {
    const { token, session: full } = await rotateToFullSession(tx, ctx.config, session, meta);
    await recordAuditEvent(tx, {
      actor: `account:${session.accountId}`,
      action: 'auth.sign_in',
      target: `account:${session.accountId}`,
      details: {
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 120) ?? null,
        remember: session.remember,
        ...(flow.kind === 'login' ? {} : { link: flow.kind }),
      },
    });
    return { next: 'done' as const, token, csrfToken: full.csrfToken };
  });
}
