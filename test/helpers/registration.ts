/** A registration started the real way (startRegistration), with a fresh activation token for the wizard. */
import crypto from 'node:crypto';
import { enrollmentContextOf } from '../../src/runtime/enrollment-context-of.js';
import { createActionLink } from '../../src/identity/action-links.js';
import { startRegistration } from '../../src/enrollment/start-registration.js';
import type { Runtime } from '../../src/runtime/open-runtime.js';

export async function startTestRegistration(
  rt: Runtime,
  institutionId: string,
  options: { email?: string; fullName?: string; lifetimeMs?: number } = {},
): Promise<{ accountId: string; token: string; email: string }> {
  const email = options.email ?? `daftar.${crypto.randomBytes(4).toString('hex')}@contoh.go.id`;
  const ctx = enrollmentContextOf(rt);
  return rt.db.transaction(async (tx) => {
    const started = await startRegistration(ctx, tx, {
      institutionId,
      fullName: options.fullName ?? 'Budi Santoso',
      email,
      source: 'invite',
      invitedBy: 'system',
    });
    // A new link voids the one the e-mail carried (its token is only in the sealed outbox message).
    const { token } = await createActionLink(tx, {
      accountId: started.accountId,
      action: 'ACTIVATE_ACCOUNT',
      lifetimeMs: options.lifetimeMs ?? 3_600_000,
      createdBy: 'system',
    });
    return { accountId: started.accountId, token, email };
  });
}
