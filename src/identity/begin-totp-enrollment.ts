/** Starts (or shows again) an authenticator enrolment: the secret for the QR code and "Tidak bisa scan?". */
import { getAccount } from './accounts.js';
import { expectStep, flowOf } from './flow-steps.js';
import type { IdentityContext } from './identity-context.js';
import { updateFlow, type AuthFlowState, type SessionRow } from './sessions.js';
import { generateTotpSecret, totpUri } from './totp.js';

/** The additional data that binds a sealed enrolment secret to its session. */
export const enrollmentAad = (session: SessionRow) => `enroll:${Buffer.from(session.idHash).toString('hex')}`;

export async function beginTotpEnrollment(
  ctx: IdentityContext,
  session: SessionRow,
): Promise<{ secret: string; uri: string }> {
  let flow: AuthFlowState;
  if (session.stage === 'full') {
    flow =
      (session.flow as unknown as AuthFlowState | null)?.kind === 'add_device'
        ? (session.flow as unknown as AuthFlowState)
        : { kind: 'add_device', pending: [], remember: session.remember };
  } else {
    flow = flowOf(session);
    expectStep(flow, 'configure_totp');
  }
  const aad = enrollmentAad(session);
  let secret: string;
  if (flow.enrollment) {
    secret = ctx.master
      .open('personal-data/v1', Buffer.from(flow.enrollment.sealedSecret, 'base64'), aad)
      .toString('utf8');
  } else {
    secret = generateTotpSecret();
    flow = {
      ...flow,
      enrollment: {
        sealedSecret: ctx.master.seal('personal-data/v1', Buffer.from(secret), aad).toString('base64'),
        createdAt: new Date().toISOString(),
      },
    };
    await updateFlow(ctx.db, session, flow);
  }
  const account = await getAccount(ctx.db, session.accountId);
  return { secret, uri: totpUri(secret, account.username, 'Teken') };
}
