/** The "Keamanan" and "Aktivitas" pages: sessions, authenticators, password, own security events. */
import { and, desc, eq, gt, isNull, like, lt } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { auditEvents, sessions, totpDevices } from '../db/schema.js';
import { TekenError } from '../errors/teken-error.js';
import { getAccount } from './accounts.js';
import type { IdentityContext } from './identity-context.js';
import { verifyPassword } from './password-hash.js';
import {
  publicSessionId,
  revokeOtherSessions,
  revokeSession,
  type SessionMeta,
  type SessionRow,
} from './sessions.js';
import { setPassword } from './sign-in-flow.js';

export async function listSessions(ctx: IdentityContext, current: SessionRow) {
  const now = new Date();
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.accountId, current.accountId),
        eq(sessions.stage, 'full'),
        isNull(sessions.revokedAt),
        gt(sessions.idleExpiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: publicSessionId(s),
    current: Buffer.compare(Buffer.from(s.idHash), Buffer.from(current.idHash)) === 0,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: (s.idleExpiresAt < s.absoluteExpiresAt ? s.idleExpiresAt : s.absoluteExpiresAt).toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    remember: s.remember,
  }));
}

/** Signs out one of the account's own sessions, by its public id. */
export async function signOutSession(
  ctx: IdentityContext,
  current: SessionRow,
  publicId: string,
  meta: SessionMeta,
): Promise<void> {
  if (!/^[0-9a-f]{32}$/.test(publicId)) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such session.');
  const rows = await ctx.db
    .select({ idHash: sessions.idHash })
    .from(sessions)
    .where(and(eq(sessions.accountId, current.accountId), isNull(sessions.revokedAt)));
  const target = rows.find((r) => publicSessionId(r) === publicId);
  if (!target) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such session.');
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, target.idHash);
    await recordAuditEvent(tx, {
      actor: `account:${current.accountId}`,
      action: 'session.revoked',
      target: `account:${current.accountId}`,
      details: { session: publicId, ip: meta.ip ?? null },
    });
  });
}

export async function signOutOtherSessions(
  ctx: IdentityContext,
  current: SessionRow,
  meta: SessionMeta,
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const n = await revokeOtherSessions(tx, current.accountId, current.idHash);
    await recordAuditEvent(tx, {
      actor: `account:${current.accountId}`,
      action: 'session.revoked_others',
      target: `account:${current.accountId}`,
      details: { count: n, ip: meta.ip ?? null },
    });
    return n;
  });
}

export async function listDevices(ctx: IdentityContext, accountId: string) {
  const rows = await ctx.db
    .select()
    .from(totpDevices)
    .where(and(eq(totpDevices.accountId, accountId), eq(totpDevices.confirmed, true)));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    createdAt: d.createdAt.toISOString(),
    lastUsedAt: d.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Removes an authenticator; the last one stays (one is required before anything else). */
export async function removeDevice(
  ctx: IdentityContext,
  current: SessionRow,
  deviceId: string,
  meta: SessionMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const devices = await tx
      .select()
      .from(totpDevices)
      .where(and(eq(totpDevices.accountId, current.accountId), eq(totpDevices.confirmed, true)))
      .for('update');
    const device = devices.find((d) => d.id === deviceId);
    if (!device) throw new TekenError('ERR_RESOURCE_NOT_FOUND', 'No such authenticator.');
    if (devices.length === 1)
      throw new TekenError(
        'ERR_TOTP_LAST_DEVICE',
        'Add another authenticator before removing your only one.',
      );
    await tx.delete(totpDevices).where(eq(totpDevices.id, deviceId));
    await recordAuditEvent(tx, {
      actor: `account:${current.accountId}`,
      action: 'account.totp_removed',
      target: `account:${current.accountId}`,
      details: { device: device.name, ip: meta.ip ?? null },
    });
  });
}

/**
 * Changes the password, knowing the current one. Other sessions stay unless `signOutOthers`
 * (the console offers it right after the change).
 */
export async function changePassword(
  ctx: IdentityContext,
  current: SessionRow,
  input: { currentPassword: unknown; password: unknown; confirmation: unknown; signOutOthers?: unknown },
  meta: SessionMeta,
): Promise<void> {
  if (
    typeof input.currentPassword !== 'string' ||
    typeof input.password !== 'string' ||
    typeof input.confirmation !== 'string'
  ) {
    throw new TekenError('ERR_INPUT_INVALID', 'Give the current password and the new one twice.');
  }
  if (input.password !== input.confirmation) throw new TekenError('ERR_PASSWORD_MISMATCH');
  const account = await getAccount(ctx.db, current.accountId);
  if (!(await verifyPassword(account.passwordHash, input.currentPassword)))
    throw new TekenError('ERR_PASSWORD_CURRENT_WRONG');
  await ctx.db.transaction(async (tx) => {
    await setPassword(
      ctx,
      tx,
      account,
      input.password as string,
      meta,
      input.signOutOthers === true ? current.idHash : undefined,
    );
  });
}

/** The account's own security events, newest first ("Aktivitas"). */
export async function listActivity(ctx: IdentityContext, accountId: string, before?: bigint, limit = 50) {
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.target, `account:${accountId}`),
        before ? lt(auditEvents.id, before) : undefined,
        like(auditEvents.action, '%'),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  return rows.map((e) => ({
    id: e.id.toString(),
    at: e.occurredAt.toISOString(),
    action: e.action,
    ip: typeof e.details.ip === 'string' ? e.details.ip : null,
    details: Object.fromEntries(
      Object.entries(e.details).filter(([k]) =>
        ['device', 'reason', 'link', 'session', 'count', 'until'].includes(k),
      ),
    ),
  }));
}
